"""Bare figures written as the other term of a comparison take the unit of the figure compared.

A bare number (no unit of its own) that a comparison word puts next to a figure of the same
sentence measures the same thing, and news drops the unit the second time:

- `selected 63 projects in 2016, after 46 in 2015`; `12 mega-rounds, against 9 in Q3 2020`;
  `rose to 4,500 yuan a month, up from 3,000 in 2011`; `versus 120 a year earlier`;
  `320 firms on the cloud, against a full-year goal of 500`;
- the next members of a series, each with its year (`120 units in 2021, 180 in 2022 and 260 in
  2023`);
- the parts of a total listed after `of which`, `of them`, `among them` (`supported 612
  projects, of which 168, 208 and 236 in 2019, 2020 and 2021 respectively`);
- the members listed after such a base, each with its place or time: `30 robots per 10,000
  workers, against 437 in South Korea, 323 in Japan and 282 in Germany`, `against a world
  average of 62 and 396 in Korea`.

The figure compared is the nearest earlier quantity of the sentence (not a conversion in
brackets); its unit is its own or the one the caller resolves for it (`resolve(i)`), so a chain
of bases goes back to the first figure. The base must end its clause or go on with its own time
or place (`in 2015`, `last year`, `a year earlier`, `in Korea`, `and 396`). Money bases keep the
currency, counts their counted noun, percents stay percents. The indicator is never carried (a
base is another year's, place's or goal's figure): `unclassified`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .context import Doc, QCtx
from .units import has_scale_word

# the comparison word right before the bare number (a qualifier such as `a world average of`,
# `a full-year goal of`, `the previous record of` may stand between)
_LEAD = re.compile(
    r"\b(?:against|after|versus|vs\.?|compared[ \t]+(?:with|to)|as[ \t]+against|(?:up|down)"
    r"[ \t]+from|of[ \t]+(?:which|whom|these|them)|among[ \t]+(?:them|which|these))[ \t]+(?:(?:an?|the)[ \t]+(?:[\w-]+[ \t]+){0,2}?(?:average|goal|target|level|"
    r"total|record|figure|tally|count)[ \t]+of[ \t]+)?(?:(?:about|around|roughly|nearly|some|"
    r"almost|over|more[ \t]+than|just|only)[ \t]+)?$"
    # `below the world average of 74`, `above a national average of 12.4`
    r"|\b(?:below|above|under|over|beating|exceeding|trailing)[ \t]+(?:an?|the)[ \t]+(?:[\w-]+"
    r"[ \t]+){0,2}?average[ \t]+(?:of|at)[ \t]+$",
    re.I,
)
# a member of a list of bases after the first one: `437 in South Korea, 323 in Japan and 282`
_MEMBER_GAP = re.compile(
    r"(?:[ \t]+(?:in|for|at)[ \t]+(?:the[ \t]+)?(?:[A-Z][\w.'’-]*[ \t]*){1,3}|[ \t]*\([^()\n]{1,30}"
    r"\))?[ \t]*(?:,|,?[ \t]+and)[ \t]+(?:(?:about|around|roughly|nearly|some|almost|over|"
    r"more[ \t]+than|just|only)[ \t]+)?",
)
# the next member of a series, each with its year: `120 units in 2021, 180 in 2022 and 260 in
# 2023`, `from about 50 in 2018 to more than 150 in 2021 and over 340 in 2023` (the `to` end too)
_SERIES_GAP = re.compile(
    r"[ \t]+(?:in|at[ \t]+the[ \t]+end[ \t]+of|by[ \t]+(?:the[ \t]+)?end[ \t]+of|for)[ \t]+(?:19|20)"
    r"\d\d(?:,|,?[ \t]+and|[ \t]+to)[ \t]+(?:(?:about|around|roughly|nearly|some|almost|over|more[ \t]+"
    r"than|just|only)[ \t]+)?",
    re.I,
)
_SERIES_END = re.compile(
    r"[ \t]+(?:in|at[ \t]+the[ \t]+end[ \t]+of|by|for)[ \t]+(?:19|20)\d\d\b", re.I
)
# what may follow the base: the end of its clause, its own time or place, another member
_END = re.compile(
    r"\s*(?:[,.;:!?)]|$)|[ \t]+(?:in|at|for|by|as[ \t]+of|during|last|a[ \t]+year|the[ \t]+"
    r"(?:previous|prior|preceding|same|end)|earlier|ago|worldwide|globally|nationwide|and)\b",
    re.I,
)
_REACH = 160
_MONEY_OR_SHARE = ("percent", "percentage_point")


def compared_base(
    doc: Doc, c: QCtx, scale: bool, resolve: Callable[[int], tuple]
) -> tuple[str, str, str | None] | None:
    """(unit, 'unclassified', counted) of a bare number that is the other term of a comparison
    with the figure before it in its sentence; None when it is not one."""
    q = c.q
    if c.index == 0:
        return None
    text = doc.text
    a = q.number_start if q.number_end > q.number_start else q.start
    prev = doc.quantities[c.index - 1]
    if prev.start < c.sentence[0] or prev.converts is not None or a - prev.end > _REACH:
        return None
    if not _END.match(text, q.end):
        return None
    member = _MEMBER_GAP.fullmatch(text, prev.end, a) is not None and _is_base(doc, c.index - 1)
    if not member and _SERIES_GAP.fullmatch(text, prev.end, a):
        member = _SERIES_END.match(text, q.end) is not None
    if not member:
        lead = _LEAD.search(text, max(prev.end, a - 60), a)
        if lead is None or any(ch in text[prev.end : lead.start()] for ch in ";:"):
            return None
    unit, _, counted = (
        (prev.unit, None, prev.counted) if prev.unit is not None else resolve(c.index - 1)
    )
    if unit is None or unit == "times":
        return None
    if unit == "count":
        if not counted or not (scale or float(q.value).is_integer()) or q.value < 2:
            return None
        return "count", "unclassified", counted
    if unit in _MONEY_OR_SHARE and text[a : q.number_end].isalpha():
        return None  # `more than 40% of the total, up from just two`: a share is in digits
    if unit in _MONEY_OR_SHARE or len(unit) == 3 and unit.isupper():
        if len(unit) == 3 and unit.isupper() and scale != has_scale_word(text, prev):
            return None  # `3.2 billion yuan in 2021 and 45 in 2022`: a scale word left out
        return unit, "unclassified", None
    return None


def _is_base(doc: Doc, i: int) -> bool:
    """The quantity `i` is itself a bare comparison base (`against 437 in South Korea`)."""
    q = doc.quantities[i]
    if q.unit is not None:
        return False
    a = q.number_start if q.number_end > q.number_start else q.start
    j = i - 1
    if j < 0:
        return False
    prev = doc.quantities[j]
    lo = max(prev.end, a - 60)
    return _LEAD.search(doc.text, lo, a) is not None or (
        _MEMBER_GAP.fullmatch(doc.text, prev.end, a) is not None and _is_base(doc, j)
    )
