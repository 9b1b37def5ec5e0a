"""A review of last year published early in the new year: its present-tense figures.

A first-contact family of issue 9 (thirteenth round): a January story on last year's results
(`By the end of last year, China had 4.83 million 5G base stations ... The number of platforms
has exceeded 350, and more than 110 million sets of equipment are connected`) states national
year-end statistics in the present tense. The figures without a year of their own that follow
the text's last named period, last year, are of that year, not of the publication year.

`last_year_before` is a plain function of the resolver's periods; `periods.PeriodResolver`
calls it only where it would otherwise fall back to the publication year.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt

    from pipeline.lib.quantities.model import Period

# the review season: January and February (annual figures are released then)
REVIEW_MONTHS = 2
# how many full paragraphs back the last named period may be (headings and bullet lines, shorter
# than `_FULL`, do not count)
_PARAGRAPHS_BACK = 2
_FULL = 120


# `by the end of last year`, `at end-2025`, `as of December 31, 2025`, `year-end`
_YEAR_END = re.compile(r"\b(?:end|year-end|as\s+of)\b", re.I)


def year_end(text: str, p: Period) -> bool:
    """The period `p` names the end of a year (a stock's date), in its words or just before."""
    if p.month is not None and p.month != 12:
        return False  # (`by the end of June last year`: a month's end)
    return _YEAR_END.search(text, max(0, p.start - 16), p.end) is not None


def review_season(published: dt.date | None) -> bool:
    """Published early in the year, when last year's statistics come out."""
    return published is not None and published.month <= REVIEW_MONTHS


def review_floor(seg, p0: int) -> int:
    """The start of the paragraph `_PARAGRAPHS_BACK` full paragraphs before the one at `p0`
    (never the title, paragraph 0)."""
    k = seg.paragraph_index(p0)
    full = 0
    while k > 1:
        k -= 1
        a, b = seg.paragraphs[k]
        if b - a >= _FULL:
            full += 1
            if full >= _PARAGRAPHS_BACK:
                break
    return seg.paragraphs[k][0]


def last_year_before(
    periods: list[Period],
    starts: list[int],
    pos: int,
    paragraph_floor: int,
    year_of: Callable[[Period], int | None],
) -> tuple[Period, int] | None:
    """The last period named before `pos` and its year and after `paragraph_floor` (the start
    of the paragraph `review_floor` gives), or None."""
    k = bisect_left(starts, pos) - 1
    while k >= 0:
        p = periods[k]
        if p.start < paragraph_floor:
            return None
        y = year_of(p)
        if y is not None:
            return p, y
        k -= 1
    return None
