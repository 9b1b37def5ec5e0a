"""Status of a claim: actual, estimate, forecast or target.

The words considered are those of the sentence up to the end of the quantity's own clause (what
introduces the figure: `It is estimated that ... will reach 4.45 trillion yuan in 2022, accounting
for 3.64% of GDP` makes both figures forecasts), plus the quantity's own clause.

- target: plan language (`aims to`, `strive to`, `goal`, `target`, `plans to`, `quota`,
  `according to the plan`), or `by <year>` for a year after publication with future wording;
- forecast: a period not yet over at publication (period end after the publication year, or the
  publication year itself with forecast wording `will`, `expected`, `estimated that`,
  `projected`); without a publication date, only explicit forecast wording (`expected`,
  `forecast`, `projected`, `predicted`) makes a forecast; without a period, forecast wording
  does;
- estimate: a period over at publication, ended at most a year before it, stated as approximate
  or preliminary (`about`, `around`, `approximately`, `preliminary`, `estimated`);
- actual: everything else. Tense alone never makes a forecast: Chinese-English news often writes
  `in 2021 ... will exceed` for a year already over.
"""

from __future__ import annotations

import re

from .context import Doc, QCtx
from .periods import ResolvedPeriod

_TARGET = re.compile(
    r"\b(?:aims? to|aiming to|aimed at|strives? to|striving to|strive for|goal|goals|target|"
    r"targets|targeted|plans? to|planned to|is planned|are planned|quotas?|according to the plan|"
    r"the plan (?:proposes|calls|requires|sets|stipulates)|proposes? that|it is required that|"
    r"should reach|shall reach|will strive|endeavou?r to|commit(?:s|ted)? to|"
    r"by the end of the (?:\w+ )?five.year plan|during the (?:\w+ )?five.year plan period)\b",
    re.I,
)
_FORECAST = re.compile(
    r"\b(?:expected|expects|expectation|forecasts?|forecasted|projected|projection|predicted|"
    r"predicts?|prediction|anticipated|estimated that|it is estimated|is likely to|are likely to|"
    r"outlook|will)\b",
    re.I,
)
_FORECAST_STRONG = re.compile(
    r"\b(?:expected|expects|forecasts?|forecasted|projected|predicted|predicts?|anticipated|"
    r"estimated that|it is estimated|is likely to|are likely to)\b",
    re.I,
)
_ESTIMATE = re.compile(
    r"\b(?:about|around|approximately|roughly|some|an estimated|estimated|preliminary|"
    r"preliminarily|initial estimates?|nearly|almost|close to|expected|projected)\b",
    re.I,
)
_BY_YEAR = re.compile(r"^\s*(?:by|until|till|before)\b", re.I)


def _scope(doc: Doc, c: QCtx) -> str:
    return doc.text[c.sentence[0] : max(c.own[1], c.q.end)]


def resolve_status(doc: Doc, c: QCtx, period: ResolvedPeriod) -> str:
    scope = _scope(doc, c)
    pub = doc.pub_year
    end = period.end
    if _TARGET.search(scope):
        if end is None or pub is None or end >= pub:
            return "target"
    explicit = period.basis in ("explicit_year", "paragraph_year", "relative")
    if (
        explicit
        and period.period is not None
        and _BY_YEAR.match(period.period.text)
        and pub is not None
        and end is not None
        and end > pub
        and not _FORECAST_STRONG.search(scope)
    ):
        return "target"
    if end is None:
        if _FORECAST_STRONG.search(scope) or (pub is not None and _FORECAST.search(scope)):
            return "forecast"
        return "actual"
    if pub is None:
        return "forecast" if _FORECAST_STRONG.search(scope) else "actual"
    if explicit and end > pub:
        return "forecast"
    if explicit and end == pub and _FORECAST.search(scope):
        return "forecast"
    if period.basis == "publication_year" and _FORECAST_STRONG.search(scope):
        return "forecast"
    if end < pub and pub - end <= 1:
        if c.q.bound == "approx" or _ESTIMATE.search(scope):
            return "estimate"
    return "actual"
