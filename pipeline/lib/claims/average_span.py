"""An average growth over N years spans those years (issue 9, twelfth round).

`The value added grew 15.9 percent in the first half, and the average growth over the two years
was 7 percent`, `The two-year average growth rate stood at 7 percent`: a rate averaged over two
years (China's statistics of 2021 compare with 2019 this way) covers the figure's year and the
one before it, not only the figure's year.
"""

from __future__ import annotations

import re

_N = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}
_NUM = r"(two|three|four|five|[2-5])"
# before the figure in its clause: `the average growth over the two years was`, `the two-year
# average growth rate stood at`, `an average annual growth of ... over the three years`
_AVERAGE_BEFORE = re.compile(
    rf"\baverage\s+(?:annual\s+)?(?:growth|increase|rise)(?:\s+rate)?\s+(?:over|in|for)\s+"
    rf"the\s+{_NUM}\s+years\b[^,;.]{{0,30}}$|"
    rf"\b{_NUM}[-\s]year\s+average\s+(?:annual\s+)?(?:growth|increase|rise)\b[^,;.]{{0,30}}$",
    re.I,
)
# right after it: `grew 7 percent on average over the two years`
_AVERAGE_AFTER = re.compile(rf"\s+(?:on\s+average\s+)?over\s+the\s+{_NUM}\s+years\b", re.I)
_AVERAGE_WORD = re.compile(r"\baverage", re.I)


def average_years(text: str, s0: int, q0: int, q1: int, low: str | None = None) -> int | None:
    """N when the percentage at [q0, q1) (sentence starting at s0) is an average over N years
    (`low`: the text lower-cased, same length, to look for `average` first)."""
    if low is None:
        low = text.lower()
    if low.find("average", max(s0, q0 - 90), q1 + 60) < 0:
        return None  # (most percentages: no scan)
    lead = text[max(s0, q0 - 90) : q0]
    m = _AVERAGE_BEFORE.search(lead)
    if m is not None:
        return _N[(m.group(1) or m.group(2)).lower()]
    m = _AVERAGE_AFTER.match(text, q1)
    if m is not None and _AVERAGE_WORD.search(text, max(s0, q0 - 40), m.end()):
        return _N[m.group(1).lower()]
    return None
