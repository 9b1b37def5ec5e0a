"""News time words that date a sentence near publication (issue 9, twelfth round).

A news story's `today`, `this month`, `last month` (`The ministry said last month that more than
1,100 mines had installed 5G networks`, `Shares rose 2.1 percent in Shanghai today`) put its
figure at the time of writing, even when most of the story's named years are last year's (the
article-year vote would otherwise date such a figure to the year the story names most). `last
month` in a January story is December of the previous year. Not `today's` (`roughly 693 million
yuan at today's exchange rate` converts a figure of another time).
"""

from __future__ import annotations

import datetime as dt
import re

_NEWS_NOW = re.compile(
    r"\b(?:today(?!['\u2019]s)|tonight|this\s+morning|this\s+afternoon|(?:earlier\s+)?this\s+month|"
    r"(?<!the\s)last\s+month)\b",
    re.I,
)

_NEWS_NOW_WORDS = ("today", "tonight", "this morning", "this afternoon", "month")


def news_now_year(
    text: str, s0: int, s1: int, published: dt.date | None, low: str | None = None
) -> int | None:
    """The year of a news time word in the sentence [s0, s1), or None without one (`low`: the
    text lower-cased, same length, to look for the words first)."""
    if published is None:
        return None
    if low is None:
        low = text.lower()
    if all(low.find(w, s0, s1) < 0 for w in _NEWS_NOW_WORDS):
        return None  # (most sentences: no scan)
    m = _NEWS_NOW.search(text, s0, s1)
    if m is None:
        return None
    if m.group(0).lower().startswith("last") and published.month == 1:
        return published.year - 1
    return published.year


# a reporting clause: `..., he added, ...`, `..., the ministry reported.` (the tense of the
# telling, not of the statement told)
_TELLER_BEFORE = re.compile(r",\s*(?:he|she|they|it|we|[A-Z][a-z]+|the\s+[a-z]+(?:\s+[a-z]+)?)\s+$")
_TELLING = ("added", "reported")
_TELLING_END = re.compile(r"\s*[,.;]")


def reporting_verb(text: str, start: int, end: int) -> bool:
    """Is the verb at [start, end) the verb of a reporting clause (`, he added,`)?"""
    if text[start:end] not in _TELLING or _TELLING_END.match(text, end) is None:
        return False
    return _TELLER_BEFORE.search(text[max(0, start - 40) : start]) is not None


# `He estimated that automation can cut operating costs by about 30 percent`: an estimate of what
# holds now (a present verb or `can`), not of a future level
_ESTIMATE_NOW = re.compile(
    r"\bestimated?s?\s+that\b[^;:]{0,120}?\b(?:can|is|are|has|have|cuts?|saves?|costs?)\b", re.I
)
_FUTURE_TOO = re.compile(
    r"\b(?:will|would|could|might|may|expect(?:s|ed)?|forecasts?|projected|predict(?:s|ed)?|"
    r"anticipat(?:es?|ed)|"
    r"aims?|goal|target|plans?|by\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d|next\s+year)\b",
    re.I,
)


def estimate_of_now(lead: str) -> bool:
    """Is the only future word of `lead` an `estimated that` followed by a present statement?"""
    if "estimate" not in lead.lower():
        return False
    return _ESTIMATE_NOW.search(lead) is not None and _FUTURE_TOO.search(lead) is None
