"""Per-text working state shared by the attribution rules: the text, its normalised copy, its
segments, the quantities in order, and the regions around one quantity.

Regions of a quantity (used to weigh how close a phrase is):
- `own`: its clause, cut at the neighbouring quantities (`... the number of industrial equipment
  connections has exceeded 79 million sets`);
- `backward` / `forward`: the sentence text back to the previous quantity / on to the next one;
- the rest of the sentence; the paragraph; the article title (first paragraph).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from dataclasses import dataclass, field

from pipeline.lib.quantities.model import Period, Quantity

from .segments import Segments, norm, segment


@dataclass(slots=True)
class Doc:
    text: str
    norm: str
    seg: Segments
    quantities: list[Quantity]
    periods: list[Period]
    published: dt.date | None
    title: tuple[int, int]
    q_starts: list[int] = field(default_factory=list)
    q_max_len: int = (
        0  # the longest quantity span: quantities overlapping [lo, hi) start after lo - q_max_len
    )
    _part_cache: dict = field(default_factory=dict)
    _par_cache: dict = field(default_factory=dict)
    # the sentence `periods.absent` was last asked about: [s0, s1, its fold, {id(pattern): bool}]
    # (the figures of a sentence come one after another: a small table per sentence)
    _absent: list = field(default_factory=lambda: [-1, -1, None, {}])

    @classmethod
    def build(
        cls,
        text: str,
        quantities: list[Quantity],
        periods: list[Period],
        published: dt.date | None,
    ) -> Doc:
        seg = segment(text)
        qs = sorted(quantities, key=lambda q: (q.start, q.end))
        ps = sorted(periods, key=lambda p: (p.start, p.end))
        # (line breaks as spaces: a phrase of a hard-wrapped text may run over one,
        # `the digital\neconomy reached ...`; segments come from the text itself)
        normed = norm(text)
        if "\n" in normed:
            normed = normed.replace("\n", " ")
        return cls(
            text,
            normed,
            seg,
            qs,
            ps,
            published,
            seg.paragraphs[0],
            [q.start for q in qs],
            max((q.end - q.start for q in qs), default=0),
        )

    def quantities_in(self, lo: int, hi: int) -> list[Quantity]:
        """The quantities overlapping [lo, hi), in order (bisection on the sorted starts)."""
        i = bisect_left(self.q_starts, lo - self.q_max_len)
        j = bisect_left(self.q_starts, hi, i)
        return [q for q in self.quantities[i:j] if q.end > lo and q.start < hi]

    @property
    def pub_year(self) -> int | None:
        return self.published.year if self.published else None

    def find_part(self, part: str, lo: int, hi: int) -> list[int]:
        """Start positions of `part` (normalised) at a word start within [lo, hi); cached."""
        key = (part, lo, hi)
        hit = self._part_cache.get(key)
        if hit is not None:
            return hit
        out = []
        s = self.norm
        i = s.find(part, lo, hi)
        while i >= 0:
            if i == 0 or not s[i - 1].isalnum():
                out.append(i)
            i = s.find(part, i + 1, hi)
        self._part_cache[key] = out
        return out

    def has_part(self, part: str, lo: int, hi: int) -> bool:
        return bool(self.find_part(part, lo, hi))


@dataclass(slots=True)
class QCtx:
    """One quantity and its regions (absolute offsets)."""

    q: Quantity
    index: int  # position in doc.quantities
    sentence: tuple[int, int]
    paragraph: tuple[int, int]
    clause: tuple[int, int]
    own: tuple[int, int]
    backward: tuple[int, int]
    forward: tuple[int, int]


def quantity_context(doc: Doc, index: int) -> QCtx:
    q = doc.quantities[index]
    sent = doc.seg.sentence_at(q.start)
    par = doc.seg.paragraph_at(q.start)
    clause = doc.seg.clause_at(q.start, q.end, sent)
    prev_end = sent[0]
    for j in range(index - 1, -1, -1):
        p = doc.quantities[j]
        if q.range_id is not None and p.range_id == q.range_id:
            continue
        if p.end <= q.start:
            prev_end = max(prev_end, p.end)
            break
    next_start = sent[1]
    for j in range(index + 1, len(doc.quantities)):
        n = doc.quantities[j]
        if q.range_id is not None and n.range_id == q.range_id:
            continue
        if n.start >= q.end:
            next_start = min(next_start, n.start)
            break
    own = (max(clause[0], prev_end), min(max(clause[1], q.end), max(next_start, q.end)))
    return QCtx(
        q,
        index,
        sent,
        par,
        clause,
        own,
        (prev_end, q.start),
        (q.end, max(next_start, q.end)),
    )
