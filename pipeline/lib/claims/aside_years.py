"""Years that are not the period of the figures around them (issue 9, twelfth round).

`The terminal, which began operating in 2017, set a world record in January when its cranes
handled 47.6 moves per hour`: the year of a non-restrictive relative clause set off by commas
that tells when something started (began operating, opened, was founded, went into service)
describes the subject, not the time of the figures around it. Only an aside with no figure of its
own between `which` and the year, closed by a comma right after the year.
"""

from __future__ import annotations

import re

_START_ASIDE = re.compile(
    r",\s*(?:which|that|who)\s+(?:(?:was|were|had\s+been|has\s+been)\s+)?(?:first\s+|officially\s+)?"
    r"(?:(?:began|started|commenced)\s+(?:operating|operations?|production|services?|work)|"
    r"opened|(?:went|came|put)\s+into\s+(?:operation|service|production|use)|"
    r"founded|established|set\s+up|commissioned|inaugurated)"
    r"[^,.;:\d]{0,40}?\s(?:(?:in|on)\s+)?$",
    re.I,
)
_ASIDE_END = re.compile(r"\s*,")


def start_aside(text: str, start: int, end: int) -> bool:
    """Is the year at [start, end) the start year of an aside (`, which began operating in
    2017,`)?"""
    if _ASIDE_END.match(text, end) is None:
        return False
    lead = text[max(0, start - 110) : start]
    if not text[start:end][:1].isdigit() and not lead.endswith(" "):
        lead += " "  # the period's text begins with its preposition (`in 2017`)
    return _START_ASIDE.search(lead) is not None


# `three times the amount in 2019`, `twice that of 2020`: the year names the base of a multiple
_MULTIPLE_OF = re.compile(
    r"\b(?:times|double|triple|twice|half)\s+(?:the\s+(?:level|figure|amount|total|number|"
    r"volume|value|size)|that|those)\s+$",
    re.I,
)
_BASE_PREP = re.compile(r"(?:in|of|for)\s", re.I)


def multiple_base(text: str, start: int, end: int) -> bool:
    """Is the period at [start, end), whose text begins with its preposition (`in 2019`), the
    base of a multiple (`three times the amount in 2019`)?"""
    if _BASE_PREP.match(text, start, end) is None:
        return False
    lead = text[max(0, start - 40) : start]
    low = lead.lower()
    if "time" not in low and "doubl" not in low and "tripl" not in low and "twice" not in low:
        if "half" not in low:
            return False  # (most periods: no scan)
    return _MULTIPLE_OF.search(lead) is not None
