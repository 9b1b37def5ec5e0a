"""Periods: years, year ranges, calendar dates, relative periods and "at present".

Regular-expression pieces used by the extractor's single pass, and the functions that turn a
match into a `Period`: `in 2021`, `by the end of 2022`, `from 2018 to 2020`, `2012-2021`,
`(2022)`, `January 21, 2021`, `2021.01.27`, `the past two years` (-2, 0), `last year` (-1, -1),
`last spring` (-1, -1: a season named like a year, thirteenth round),
`at present` (kind "present"), and parts of a year (`Period.part`): `the first half of 2023` (H1),
`the first three quarters of 2022` (Q1-Q3), `the first 11 months` (M1-M11), `from January to
October` (M1-M10), `Q3 2022`, `H1 2023`, `2023Q1`.
"""

from __future__ import annotations

import regex as re

from pipeline.lib.quantities.model import Period

from .numbers import NUMBER, parse

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
# month names are matched with a capital letter (`May`, `March` are also English words)
MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
YEAR = r"(?<![\d.,])(?:1[89]\d\d|20\d\d|2100)(?![\d]|[.,]\d|%)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"

DATE = (
    rf"(?P<iso>(?<![\d.])(?:1[89]|20)\d\d[-./](?:0?[1-9]|1[0-2])[-./](?:[12]\d|3[01]|0?[1-9])(?![\d]))"
    rf"|(?P<us>(?<![\d./])(?:0?[1-9]|1[0-2])/(?:[12]\d|3[01]|0?[1-9])/(?:\d\d)?\d\d(?![\d/]))"
    rf"|(?P<md>(?-i:{MONTH})\s*(?P<md_d>{_DAY})\b(?:\s*,?\s*(?P<md_y>{YEAR}))?)"
    rf"|(?P<dm>(?<!\d)(?P<dm_d>{_DAY})\s+(?:of\s+)?(?-i:{MONTH})(?:\s*,?\s*(?P<dm_y>{YEAR}))?)"
    rf"|(?P<my>(?-i:{MONTH})\s*(?:of\s+)?(?P<my_y>{YEAR}))"
)

_REL_UNIT = r"(?:years?|decades?|months?|quarters?|weeks?|days?)"
RELATIVE = (
    rf"(?:\b(?:in|over|during|for|within|throughout)\s+)?(?:\bthe\s+)?"
    rf"\b(?P<rel_dir>past|last|next|coming|previous|following|recent|preceding)\s+"
    rf"(?:(?P<rel_n>{NUMBER}|few|several|couple\s+of)\s+)?(?P<rel_unit>{_REL_UNIT})\b"
    rf"|\b(?P<rel_this>this|last|next|previous)\s+(?:year|spring|summer|autumn|winter)\b"
    rf"|\b(?P<rel_ago>{NUMBER})\s+years?\s+ago\b"
    # `train 500,000 technicians in three years`, `within five years`: from now on (not `the
    # highest in three years`, `the first time in five years`: a look back)
    # (nor a payback time: `pays back within three years`, `breaks even in two years`)
    r"|(?<!\b(?:time|times|ever|high|low|highest|lowest|first|best|worst|most|fastest|slowest"
    r"|back|off|itself|themselves|even)"
    r"\s{1,3})\b(?:within|in)\s+(?P<rel_in>two|three|four|five|six|seven|eight|nine|ten|\d)"
    r"\s+years\b(?!\s+(?:ago|earlier|before|since|of|to|from)\b)"
)
PRESENT = (
    r"\b(?:at\s+present|so\s+far|currently|to\s+date|as\s+of\s+now|at\s+the\s+moment|presently"
    r"|up\s+to\s+now|until\s+now|as\s+of\s+today|nowadays|at\s+this\s+stage)\b"
)
# `from 2018 to 2020`, `2012-2021`, `between 2018 and 2020`, `2021-22`, `1960s`
YEARS = (
    rf"(?:\b(?P<y_pre>from|between)\s+)?(?P<y1>{YEAR})"
    rf"(?:(?P<y_decade>s)\b|\s*(?:-|–|—|~|to|and|through|till|until)\s*(?P<y2>{YEAR})"
    rf"|[-–/](?P<y2s>\d\d)(?![\d%]|[.,]\d))?"
)
# prepositions extending a year period backwards: `by the end of ` + `2022`
YEAR_LEAD = re.compile(
    r"(?r)(?<![\w-])(?P<lead>(?:in|by|since|until|till|before|after|during|through|of|for|as\s+of|"
    r"from|to|at)\s+(?:(?:the\s+)?(?:end|beginning|start|middle|first\s+half|second\s+half|"
    r"first\s+quarter|second\s+quarter|third\s+quarter|fourth\s+quarter|close|turn)\s+of\s+)?"
    r"(?:the\s+year\s+)?)",
    re.IGNORECASE,
)


# ---- parts of a year ---------------------------------------------------------------------------
# `the first half of 2023`, `the first three quarters of 2022`, `the first 11 months`, `from January
# to October this year`, `Q3 2022`, `H1 2023`, `Q1-Q3 2022`, `2023Q1`. The numbers inside are not
# quantities. Not a part of a year: `the first half of the 20th century`, `last quarter` (relative).
_PT_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11,
}  # fmt: skip
_PT_YEAR_OK = (
    r"(?!\s+of\s+(?!(?:the\s+|this\s+|last\s+|next\s+|fiscal\s+)?(?:year\b|(?:19|20)\d\d)))"
)
_PT_TAIL = (
    rf"(?:\s+(?:of\s+)?(?:(?:the\s+)?(?:fiscal\s+)?year\s+)?(?P<pt_y>{YEAR})"
    r"|\s+(?:of\s+)?(?P<pt_rel>this|last|next|the\s+previous|the\s+current)\s+year\b"
    r"|\s+of\s+the\s+(?:same\s+)?year\b)?"
)
PART = (
    r"(?P<part>(?:\b(?:in|during|for|over|throughout)\s+)?(?:\bthe\s+)?"
    r"(?:\b(?P<pt_half>first|second)\s+half\b"
    + _PT_YEAR_OK
    + r"|\b(?P<pt_q>first|second|third|fourth)\s+quarter\b"
    + _PT_YEAR_OK
    + r"|\bfirst\s+(?P<pt_n>two|three|four|five|six|seven|eight|nine|ten|eleven|[2-9]|1[01])"
    r"\s+(?P<pt_unit>months|quarters)\b"
    + _PT_YEAR_OK
    + rf"|(?:(?P<pt_btw>\bbetween\s+)|\bfrom\s+)?(?P<pt_m1>(?-i:{MONTH}))\s*"
    rf"(?:\bto\b|\bthrough\b|\btill\b|\buntil\b|-|–|—|(?(pt_btw)\band\b|(?!)))\s*"
    rf"(?P<pt_m2>(?-i:{MONTH}))(?!\s*\d{{1,2}}\b(?!\d))"
    r"|(?<![\w.])(?-i:(?P<pt_h>H[12]))(?=\s+(?:of\s+)?(?:19|20)\d\d)"
    r"|(?<![\w.])(?-i:(?P<pt_c>Q[1-4])(?:\s*[-–~]\s*(?P<pt_c2>Q[1-4]))?)\b(?!-)"
    r")" + _PT_TAIL + rf"|(?P<pt_yc>{YEAR})\s?-?\s?(?-i:(?P<pt_c0>H[12]|Q[1-4]))(?![\w])"
    r")"
)


# words extending a part of a year backwards: `by the end of ` + `the first quarter of 2024`
PART_LEAD = re.compile(
    r"(?r)(?<![\w-])(?:(?:in|by|since|until|till|before|after|at|as\s+of|from)\s+(?:the\s+)?"
    r"(?:end|beginning|start|middle|close)\s+of\s+|(?:by|since|until|till|before|after|as\s+of)"
    r"\s+)",
    re.IGNORECASE,
)


def part_period(m: re.Match) -> Period:
    """The Period of a part-of-year match (the `part` group of the master pattern)."""
    start, end = m.start(), m.end()
    lead = PART_LEAD.match(m.string, max(0, start - 30), start)
    if lead is not None:
        start = lead.start()
    text = m.string[start:end]
    part = None
    if m.group("pt_half"):
        part = "H1" if m.group("pt_half").lower() == "first" else "H2"
    elif m.group("pt_q"):
        part = "Q" + str(("first", "second", "third", "fourth").index(m.group("pt_q").lower()) + 1)
    elif m.group("pt_n"):
        raw = m.group("pt_n").lower()
        n = _PT_WORDS.get(raw) or int(raw)
        if m.group("pt_unit").lower() == "months":
            part = f"M1-M{n}"
        else:
            part = f"Q1-Q{min(n, 4)}"
    elif m.group("pt_m1"):
        a, b = _month(m.group("pt_m1")), _month(m.group("pt_m2"))
        part = f"M{a}-M{b}" if a and b and a < b else (f"M{a}" if a == b else None)
    elif m.group("pt_h"):
        part = m.group("pt_h")
    elif m.group("pt_c"):
        part = m.group("pt_c") + (f"-{m.group('pt_c2')}" if m.group("pt_c2") else "")
    elif m.group("pt_c0"):
        part = m.group("pt_c0")
    year = m.group("pt_y") or m.group("pt_yc")
    if year:
        y = int(year)
        return Period(start, end, text, "year", year_start=y, year_end=y, part=part)
    rel = m.group("pt_rel")
    if rel:
        w = rel.lower().split()[-1]
        off = {"this": 0, "current": 0, "last": -1, "previous": -1, "next": 1}[w]
        return Period(start, end, text, "relative", offset_start=off, offset_end=off, part=part)
    return Period(start, end, text, "year", part=part)


def relative_period(m: re.Match) -> Period:
    start, end, text = m.start(), m.end(), m.group(0)
    if m.group("rel_this"):
        word = m.group("rel_this").lower()
        off = {"this": 0, "last": -1, "previous": -1, "next": 1}[word]
        return Period(start, end, text, "relative", offset_start=off, offset_end=off)
    if m.group("rel_ago"):
        n = parse(m.group("rel_ago"))
        o = -int(n) if n is not None else None
        return Period(start, end, text, "relative", offset_start=o, offset_end=o)
    if m.group("rel_in"):
        n = parse(m.group("rel_in"))
        if n is None or n < 2:
            return Period(start, end, text, "relative")
        return Period(start, end, text, "relative", offset_start=0, offset_end=int(n) - 1)
    direction = m.group("rel_dir").lower()
    unit = m.group("rel_unit").lower()
    raw = m.group("rel_n")
    n = parse(raw) if raw else None
    if raw is None:
        n = 1.0
    years = None
    if n is not None and unit.startswith("year"):
        years = int(n)
    elif n is not None and unit.startswith("decade"):
        years = int(n * 10)
    if direction == "recent" or years is None:
        return Period(start, end, text, "relative")
    if direction in ("next", "coming", "following"):
        return Period(start, end, text, "relative", offset_start=1, offset_end=years)
    if raw is None and unit.startswith("year"):  # `last year`
        return Period(start, end, text, "relative", offset_start=-1, offset_end=-1)
    return Period(start, end, text, "relative", offset_start=-years, offset_end=0)


_DATE_SEP = re.compile(r"[-./]")
_DAY = re.compile(r"\d+")


def date_period(m: re.Match) -> Period:
    start, end, text = m.start(), m.end(), m.group(0)
    year = month = day = None
    if m.group("iso"):
        y, mo, d = _DATE_SEP.split(m.group("iso"))
        year, month, day = int(y), int(mo), int(d)
    elif m.group("us"):
        mo, d, y = m.group("us").split("/")
        year = int(y) if len(y) == 4 else 2000 + int(y)
        month, day = int(mo), int(d)
    elif m.group("md"):
        month = _month(m.group("md"))
        day = int(_DAY.match(m.group("md_d")).group(0))
        year = int(m.group("md_y")) if m.group("md_y") else None
    elif m.group("dm"):
        month = _month(m.group("dm")[len(m.group("dm_d")) :])
        day = int(_DAY.match(m.group("dm_d")).group(0))
        year = int(m.group("dm_y")) if m.group("dm_y") else None
    else:
        month = _month(m.group("my"))
        year = int(m.group("my_y"))
    return Period(start, end, text, "date", year_start=year, year_end=year, month=month, day=day)


_MONTH_WORD = re.compile(r"[A-Za-z]+")


def _month(s: str) -> int | None:
    for w in _MONTH_WORD.findall(s):
        if w.lower() in MONTHS:
            return MONTHS[w.lower()]
    return None


def year_bounds(m: re.Match, groups=None) -> tuple[int, int]:
    """The years of a `years` match; `groups`: its pattern's group numbers by name (read by
    number: see `extractor._groups`)."""
    g = m.re.groupindex if groups is None else groups
    y1 = int(m.group(g["y1"]))
    if m.group(g["y_decade"]):
        return y1, y1 + 9
    y2 = m.group(g["y2"])
    if y2:
        return y1, int(y2)
    y2s = m.group(g["y2s"])
    if y2s:
        y2 = (y1 // 100) * 100 + int(y2s)
        return (y1, y2) if y2 > y1 else (y1, y1)
    return y1, y1
