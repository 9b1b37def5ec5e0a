"""What is not a statistic, among the quantities the extractor kept.

The extractor already sets aside dates, years, ordinals, plan names, technology names and list
numbering. Left out here:
- bare numbers whose unit cannot be inferred (see `units.py`);
- unclassified counts of one, counts without a noun under 2, and small counts (under 10) after a
  determiner (`the eight hub nodes`, `the two countries`: a set already named, not a new figure);
  a small count with its own noun phrase is kept (`two disaster recovery nodes`);
- counts of people speaking and of list items (`one of the five experts`, `three aspects`);
- counts written like a year (`Big Data Expo 2021 closes`: `2021`, not `2,021`);
- durations that slipped through (`five years`, `ten days`) and small counts of occasions
  (`three times`); a large count of times is a statistic (`a resolution volume of 300 billion
  times`).
A count that matches an indicator is kept whatever its size (`five top-level nodes`).
"""

from __future__ import annotations

import re

from pipeline.lib.quantities.model import Quantity
from pipeline.metadata.indicators import UNCLASSIFIED

SMALL_COUNT = 2
_DURATION_NOUNS = re.compile(
    r"^(?:years?|months?|days?|weeks?|hours?|minutes?|seconds?|decades?|quarters?)$", re.I
)
_RHETORICAL = re.compile(
    r"^(?:aspects?|points?|challenges?|difficult(?:y|ies)|advantages?|factors?|ways?|tasks?|"
    r"measures?|steps?|areas?|experts?|speakers?|guests?|representatives?|countries|parties|"
    r"sides?|people|persons?|things?|problems?|issues?|questions?|levels?|stages?|rounds?|"
    r"themes?|topics?|chains?|systems?|goals?|principles?|pillars?|directions?|sessions?)$",
    re.I,
)


# a count written as a bare four-digit year (counts of that size are written `2,021`)
_YEAR_LIKE = re.compile(r"(?<![\d,.])(?:19|20)\d\d(?![\d,.])")
_ANAPHORIC = re.compile(r"\b(?:the|these|those|its|their|all|both|each)\s+$", re.I)


# `operates in 22 countries`, `customers in 40 countries and regions`: a footprint, a statistic
_FOOTPRINT = re.compile(
    r"\b(?:in|across|to|into|cover(?:s|ed|ing)?|spann?(?:s|ed|ing)?|involv(?:e|es|ed|ing))\s+$",
    re.I,
)


def _rhetorical_max(q: Quantity, noun: str, before: str) -> int:
    """Below this value a count of an abstract noun is rhetoric (`three aspects`, `five key
    tasks`). A figure with a bound (`over 10 countries`), a number of ten or more written in
    digits (`54 specific measures`) or a footprint (`in 22 countries`, `covering six areas`) is
    a fact."""
    if q.bound != "exact":
        return 0
    if _FOOTPRINT.search(before):
        return 2 if noun.lower() != "countries" else 10
    if q.value >= 10 and any(ch.isdigit() for ch in q.text):
        return 10
    return 100


def is_statistic(
    q: Quantity, unit: str, indicator: str, counted: str | None, before: str = ""
) -> bool:
    """`before`: a few characters of text before the quantity (for `the eight hub nodes`)."""
    if unit == "count":
        noun = (counted or "").strip()
        if noun and _DURATION_NOUNS.match(noun):
            return False
        if noun.lower() == "times" and q.value < 1000:
            return False  # `three times`: how often, not a statistic; `300 billion times` is one
        if indicator == UNCLASSIFIED:
            if q.value < SMALL_COUNT:
                return False
            if 1900 <= q.value < 2100 and _YEAR_LIKE.search(q.text):
                return False  # `Big Data Expo 2021 closes`, `the 2017 guiding opinions`: a year
            if q.value < 10 and _ANAPHORIC.search(before):
                return False  # `the eight hub nodes`, `the two countries`: a known set
            if noun and _RHETORICAL.match(noun) and q.value < _rhetorical_max(q, noun, before):
                return False
            if not noun and q.value < SMALL_COUNT:
                return False
    return True
