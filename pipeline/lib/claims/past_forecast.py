"""A forecast made in an earlier year about a year now past (issue 9, seventh round).

`In 2019 the academy estimated that it would reach 4.45 trillion yuan in 2022`, read in 2024: the
year is over at publication, but the figure is what was forecast, not what happened (the
annotated sets mark it `forecast`). The words right before the figure are a reported forecast:
`would <verb of level>` after a verb of forecasting in the same sentence, or `was expected /
forecast / projected to <verb>`.
"""

from __future__ import annotations

import re

from pipeline.lib.quantities.guards import required_literals

from .casefold import fold

_LEVEL_VERB = (
    r"(?:reach|be|exceed|top|hit|surpass|total|amount\s+to|grow\s+to|rise\s+to|climb\s+to|"
    r"increase\s+to|stand\s+at|be\s+worth)"
)
_BOUND = r"(?:(?:about|around|approximately|roughly|nearly|almost|over|more\s+than|some)\s+)?"
_REPORTED = re.compile(
    r"\b(?:(?P<would>would)|(?:was|were)\s+(?:expected|forecast|forecasted|projected|predicted|"
    r"estimated)\s+to)\s+" + _LEVEL_VERB + r"\s+" + _BOUND + r"$",
    re.I,
)
_FORECAST_VERB = re.compile(
    r"\b(?:estimated|expected|forecast|forecasted|predicted|projected|anticipated)\s+(?:that\b)?",
    re.I,
)


# the words one of which every match of _REPORTED holds (looked up in the folded stretch first)
_REPORTED_NEEDS = tuple(w.lower() for w in required_literals(_REPORTED.pattern) or ("",))


def past_forecast(text: str, s0: int, num0: int) -> bool:
    """The figure starting at `num0` is a forecast reported in the past tense (see the module
    docstring); `s0`: the start of its sentence."""
    lead = fold(text[max(s0, num0 - 60) : num0])
    if not any(map(lead.__contains__, _REPORTED_NEEDS)):
        return False
    m = _REPORTED.search(text, max(s0, num0 - 60), num0)
    if m is None:
        return False
    if m.group("would") is None:
        return True
    return _FORECAST_VERB.search(text, s0, m.start()) is not None
