"""The data model shared by the quantity extractor and the claims layer.

`pipeline.lib.quantities.extract(text)` returns an `Extraction`: every quantity mention, every
period expression (years, dates, relative periods) and every number it deliberately set aside as
not a statistic (dates, ordinals, plan names, technology names ...). Offsets are Python string
indices into the text that was given.
"""

from __future__ import annotations

from dataclasses import dataclass, field

BOUNDS = ("exact", "approx", "lower", "upper")


@dataclass(frozen=True, slots=True)
class Quantity:
    """One quantity mention: `more than 150 industrial Internet platforms`, `4.45 trillion yuan`."""

    start: int  # span start: bound word if any, else currency symbol/word before the number, else number
    end: int  # span end: after the unit token / counted noun head, or after the number/scale word
    text: str  # text[start:end]
    value: float  # in base units: 4.45 trillion yuan -> 4.45e12, 14.53% -> 14.53
    unit: (
        str | None
    )  # CNY/USD/EUR.../percent/percentage_point/count/physical symbol; None = bare number
    counted: str | None = None  # for unit == "count": the plural noun counted ("platforms", "sets")
    bound: str = "exact"  # exact | approx | lower | upper
    number_start: int = 0  # span of the number itself (digits or number words, with scale word)
    number_end: int = 0
    range_id: int | None = None  # the two ends of a range ("3 to 5 percent") share an id
    unit_start: int | None = None  # span of the unit token or counted noun, when there is one
    unit_end: int | None = None
    noun_phrase: str | None = (
        None  # for counts: the noun phrase after the number ("industrial Internet platforms")
    )
    # a currency conversion in brackets right after another amount (`1.2 trillion yuan ($168
    # billion)`): the index, in `Extraction.quantities`, of the amount it converts; else None
    converts: int | None = None


@dataclass(frozen=True, slots=True)
class Period:
    """A period expression: `in 2021`, `from 2018 to 2020`, `January 21, 2021`, `the past two years`.

    kind is one of:
      "year"      explicit year or year range: year_start/year_end set (`2021`, `2018 to 2020`)
      "date"      a calendar date: year_start == year_end (None when the year is not given:
                  `November 7th`), month/day set where given
      "relative"  relative to publication: offset_start/offset_end in years
                  (`the past two years` -> (-2, 0); `last year` -> (-1, -1); `next year` -> (1, 1))
      "present"   `at present`, `so far`, `currently`, `to date`: the publication date

    `part` marks a part of a year: `H1`, `H2`, `Q1`..`Q4`, `Q1-Q3` (first three quarters),
    `M1-M11` (first 11 months, `January to November`), `M3-M5`. With kind "year" the year is in
    year_start == year_end (`the first half of 2023`, `Q3 2022`), or None when the text gives no
    year (`in the first quarter`, `from January to October`: the publication year); with kind
    "relative" the offsets say which year (`the first half of last year` -> (-1, -1)).
    """

    start: int
    end: int
    text: str
    kind: str
    year_start: int | None = None
    year_end: int | None = None
    month: int | None = None
    day: int | None = None
    offset_start: int | None = None
    offset_end: int | None = None
    part: str | None = None  # part of the year: H1, Q3, Q1-Q3, M1-M11 (see above)


@dataclass(frozen=True, slots=True)
class Ignored:
    """A number set aside as not a statistic, with the reason (`plan_name`, `ordinal`, `technology`,
    `list_number`, `date`, `year`, `time`, `phone`, `duration`, `rank` ...)."""

    start: int
    end: int
    text: str
    reason: str


@dataclass(slots=True)
class Extraction:
    quantities: list[Quantity] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)
    ignored: list[Ignored] = field(default_factory=list)
