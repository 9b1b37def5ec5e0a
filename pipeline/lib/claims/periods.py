"""Reference period of a claim: which years a figure refers to, and how that was found.

Candidates are the extractor's period expressions (years, year ranges, dated "as of" days,
relative periods, "at present"), minus years that name things rather than time: years inside
quotation marks or brackets of a title (`"White Paper ... (2022)"`), years used as adjectives of
names (`the 2022 Global ... Conference`), and bare calendar dates of events (`On January 21, 2021,
the premier presided ...`; a date counts only after `as of` / `by` / `until` / `end of`).

Order of rules, first hit wins:
1. a period in the quantity's own clause (nearest);
2. a period earlier in the sentence, nearest first, preferring one not attached to another
   quantity (`In 2021, revenue was 5 billion yuan, up from 4 billion yuan in 2020, and profits
   reached 1 billion yuan`: profits -> 2021);
3. a period later in the sentence that is not attached to another quantity (`4.45 trillion in
   2022` belongs to 4.45 trillion, not to the 4 trillion before it);
4. the first year of the paragraph's opening sentence (`In 2021, ... . The scale ... 4.10
   trillion yuan`);
5. no time words: the publication year for statements of the present (`has exceeded`, `have
   been established`, `is nearly`), None for future-looking ones (`will`, `expected`, `aims`) or
   when the publication date is unknown.
A year range split over a `from X to Y` pair gives X the first year and Y the last (`From 2012
to 2021, ... grew from 1.5 trillion yuan to 4.1 trillion yuan`).
Relative periods are resolved against the publication year (`the past two years` -> (pub-2,
pub)); "at present" is the publication year.
A part of a year is its year: `in the first half of 2023`, `Q3 2022`, `in the first three quarters
of last year` (relative); without a year (`in the first quarter`, `from January to October`) it
is the publication year (basis `publication_year`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from pipeline.lib.mentions import Period

from .context import Doc, QCtx

_DATE_LEAD = re.compile(
    r"(?:as of|as at|by|until|till|up to|end of|ending|through|since)\s+(?:the\s+)?$", re.I
)
_NAME_AFTER = re.compile(r"^\s+(?!In\b|On\b|At\b|By\b)[A-Z][a-z]")
_THE_BEFORE = re.compile(r"(?:\bthe|\bThe|\ba|\bits|'s)\s+$")
_TITLE_PAREN = re.compile(
    r"(?:plan|paper|report|edition|outlook|index|version|draft|survey)\W*$", re.I
)
_FROM_LEAD = re.compile(r"\bfrom\s+$")
_TO_LEAD = re.compile(r"\b(?:to|into)\s+$")
FUTURE_WORDS = re.compile(
    r"\b(?:will|expected|expects|forecast|projected|predicted|anticipated|estimated that|"
    r"aims?|aiming|strive|striving|goal|target|plans? to|planned|by the end of the)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class ResolvedPeriod:
    start: int | None
    end: int | None
    basis: str  # explicit_year | paragraph_year | publication_year | relative | none
    period: Period | None = None


NONE = ResolvedPeriod(None, None, "none")


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in re.finditer(
        r"\u201c[^\u201d\n]{1,300}\u201d|\"[^\"\n]{1,300}\"|\u300a[^\u300b\n]{1,300}\u300b", text
    ):
        spans.append((m.start(), m.end()))
    return spans


def usable_periods(doc: Doc) -> list[Period]:
    """The periods that may be reference periods (see module docstring)."""
    text = doc.text
    quoted = _quoted_spans(text)
    out = []
    for p in doc.periods:
        if p.kind not in ("year", "date", "relative", "present"):
            continue
        if p.kind in ("year", "date") and p.year_start is None and p.part is None:
            continue
        if p.kind == "relative" and p.offset_start is None:
            continue
        if any(a <= p.start and p.end <= b for a, b in quoted):
            continue
        before = text[max(0, p.start - 40) : p.start]
        after = text[p.end : p.end + 20]
        if p.kind == "year":
            if text[p.start : p.start + 1] == "(" or before.endswith("("):
                if _TITLE_PAREN.search(before.rstrip(" (")):
                    continue
            if _THE_BEFORE.search(before) and _NAME_AFTER.match(after) and p.text[:1].isdigit():
                continue
        if p.kind == "date" and not _DATE_LEAD.search(before + p.text[:0]):
            lead = p.text.lower()
            if not lead.startswith(("as of", "by", "until", "end of", "the end of")):
                continue
        out.append(p)
    return out


def _years(p: Period, pub: int | None) -> tuple[int | None, int | None, str]:
    if p.kind == "year" and p.year_start is None:  # `in the first quarter`: this year
        return (pub, pub, "publication_year") if pub is not None else (None, None, "none")
    if p.kind in ("year", "date"):
        return (
            p.year_start,
            (p.year_end if p.year_end is not None else p.year_start),
            "explicit_year",
        )
    if pub is None:
        return None, None, "none"
    if p.kind == "present":
        return pub, pub, "publication_year"
    return pub + p.offset_start, pub + p.offset_end, "relative"


def attached_to_other(doc: Doc, p: Period, c: QCtx) -> bool:
    """True when `p` directly follows another quantity of the sentence (`4.45 trillion in 2022`)."""
    lo = bisect.bisect_left(doc.q_starts, c.sentence[0])
    hi = bisect.bisect_left(doc.q_starts, p.start)
    for q in doc.quantities[lo:hi]:
        if q is c.q:
            continue
        if q.end <= p.start and p.start - q.end <= 4 and not doc.text[q.end : p.start].strip(" ,"):
            return True
        if q.end <= p.start <= q.end + 5 and doc.text[q.end : p.start].strip() in ("", "in", "of"):
            return True
    return False


class PeriodResolver:
    """Resolves periods for the quantities of one document (periods indexed once)."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.periods = usable_periods(doc)
        self._starts = [p.start for p in self.periods]
        self.pub = doc.pub_year
        self._par_year: dict[tuple[int, int], Period | None] = {}

    def _in(self, a: int, b: int) -> list[Period]:
        i = bisect.bisect_left(self._starts, a)
        j = bisect.bisect_left(self._starts, b)
        return [p for p in self.periods[i:j] if p.end <= b]

    def paragraph_year(self, par: tuple[int, int]) -> Period | None:
        if par not in self._par_year:
            sents = self.doc.seg.sentences_of_paragraph(par)
            found = None
            if sents:
                first = sents[0]
                for p in self._in(*first):
                    if p.kind in ("year", "date") and p.year_start is not None:
                        found = p
                        break
            self._par_year[par] = found
        return self._par_year[par]

    def _make(self, p: Period, basis: str | None = None) -> ResolvedPeriod:
        a, b, kind_basis = _years(p, self.pub)
        if a is None:
            return NONE
        return ResolvedPeriod(a, b, basis or kind_basis, p)

    def resolve(self, c: QCtx) -> ResolvedPeriod:
        res = self._resolve(c)
        if res.period is not None and res.start is not None and res.end is not None:
            if res.start < res.end and res.basis == "explicit_year":
                return self._from_to(c, res)
        return res

    def _from_to(self, c: QCtx, res: ResolvedPeriod) -> ResolvedPeriod:
        """`From 2012 to 2021, X grew from 1.5 trillion yuan to 4.1 trillion yuan`: the `from`
        figure is the first year's level, the `to` figure the last year's."""
        before = self.doc.text[max(c.sentence[0], c.q.start - 12) : c.q.start].lower()
        if _FROM_LEAD.search(before):
            return ResolvedPeriod(res.start, res.start, res.basis, res.period)
        if _TO_LEAD.search(before) and c.index > 0:
            prev = self.doc.quantities[c.index - 1]
            gap = self.doc.text[max(c.sentence[0], prev.start - 12) : prev.start].lower()
            if prev.start >= c.sentence[0] and _FROM_LEAD.search(gap):
                return ResolvedPeriod(res.end, res.end, res.basis, res.period)
        return res

    def _resolve(self, c: QCtx) -> ResolvedPeriod:
        q = c.q
        s0, s1 = c.sentence
        in_sentence = self._in(s0, s1)
        c0, c1 = c.clause
        own = [p for p in in_sentence if c0 <= p.start and p.end <= max(c1, q.end + 1)]
        if own:
            best = min(own, key=lambda p: min(abs(p.start - q.end), abs(q.start - p.end)))
            return self._make(best)
        before = [p for p in in_sentence if p.end <= c0]
        if before:
            free = [p for p in before if not attached_to_other(self.doc, p, c)]
            return self._make((free or before)[-1])
        after = [p for p in in_sentence if p.start >= c1 and not attached_to_other(self.doc, p, c)]
        if after:
            return self._make(after[0])
        sents = self.doc.seg.sentences_of_paragraph(c.paragraph)
        if sents and sents[0] != c.sentence:
            p = self.paragraph_year(c.paragraph)
            if p is not None:
                return self._make(p, "paragraph_year")
        if self.pub is None:
            return NONE
        lead = self.doc.text[s0 : c.own[1]]
        if FUTURE_WORDS.search(lead):
            return NONE
        return ResolvedPeriod(self.pub, self.pub, "publication_year")
