"""Two subjects and two figures without `respectively`.

`The MIIT said that the penetration rate of digital R&D tools and the numerical control rate of
key processes had reached 79.6% and 62.2% by the end of 2023`: two noun phrases joined by `and
the` before a verb of level, then exactly two figures of one unit joined by `and`, pair up in
order as a `respectively` list does; each figure's near region is its own subject.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .context import Doc, QCtx

_AND = re.compile(r"\s+and\s+")
_VERB = re.compile(
    r"\s+(?:had\s+|have\s+|has\s+)?(?:reached|were|stood\s+at|stand\s+at|hit|rose\s+to|"
    r"grew\s+to|increased\s+to|came\s+to|totall?ed)\s+(?:about\s+|nearly\s+|more\s+than\s+|"
    r"over\s+)?$",
    re.I,
)
# the start of the clause holding the subjects: after `that`, a comma or the sentence start
_CLAUSE_START = re.compile(r".*(?:\bthat\s+|,\s*)", re.I | re.S)
_SUBJECT_SEP = re.compile(r"\s+and\s+(?=the\b|its\b|their\b)", re.I)


def _joined(text: str, a, b, s1: int) -> bool:
    """`a and b`: two neighbouring figures joined by `and` (cheap tests first)."""
    return (
        b.start < s1
        and b.start - a.end <= 12
        and text.find("and", a.end, b.start) >= 0
        and _AND.fullmatch(text, a.end, b.start) is not None
    )


def implicit_pair_ctx(doc: Doc, c: QCtx) -> QCtx | None:
    """The context of a figure of such a pair with its own subject as the near region, or
    None when the figure is not in one."""
    qs, i, text = doc.quantities, c.index, doc.text
    s0, s1 = c.sentence
    first = None
    if i + 1 < len(qs) and _joined(text, qs[i], qs[i + 1], s1):
        first = i
    elif i > 0 and qs[i - 1].start >= s0 and _joined(text, qs[i - 1], qs[i], s1):
        first = i - 1
    if first is None:
        return None
    a, b = qs[first], qs[first + 1]
    if a.unit is None or a.unit != b.unit or a.converts is not None or b.converts is not None:
        return None
    if first > 0 and qs[first - 1].start >= s0 and _AND.fullmatch(text, qs[first - 1].end, a.start):
        return None  # a longer list
    if (
        first + 2 < len(qs)
        and qs[first + 2].start < s1
        and _AND.fullmatch(text, b.end, qs[first + 2].start)
    ):
        return None
    lead = text[s0 : a.start]
    v = _VERB.search(lead)
    if v is None:
        return None
    m = _CLAUSE_START.match(lead, 0, v.start())
    start = m.end() if m else 0
    seps = list(_SUBJECT_SEP.finditer(lead, start, v.start()))
    if len(seps) != 1:
        return None
    pieces = ((start, seps[0].start()), (seps[0].end(), v.start()))
    x, y = pieces[i - first]
    region = (s0 + x, s0 + y)
    return replace(c, own=region, backward=region, forward=(c.q.end, c.q.end))


# a coordinated verb phrase: `shortened development cycles and cut defect rates by ...`
_AND_VERB = re.compile(
    r"\s+and\s+(?=(?:[a-z]+ed|cut|set|hit|rose|fell|grew|raised|lowered|reduced|saw)\b)", re.I
)
_LIST_START = re.compile(r".*[,;:]\s*", re.S)


def verb_phrase_ctx(doc: Doc, c: QCtx, members: list[int]) -> QCtx | None:
    """`these factories shortened product development cycles and cut defect rates by an average
    of 28.4% and 50.2% respectively`: a `respectively` list after as many coordinated verb
    phrases, each member's near region the phrase of its rank; None otherwise."""
    s0 = c.sentence[0]
    first = doc.quantities[members[0]]
    text = doc.text
    m = _LIST_START.match(text, s0, first.start)
    lo = m.end() if m else s0
    seps = list(_AND_VERB.finditer(text, lo, first.start))
    if len(seps) + 1 != len(members):
        return None
    bounds = [lo] + [x.end() for x in seps]
    ends = [x.start() for x in seps] + [first.start]
    k = members.index(c.index)
    region = (bounds[k], ends[k])
    if region[1] - region[0] < 3:
        return None
    return replace(c, own=region, backward=region, forward=(c.q.end, c.q.end))
