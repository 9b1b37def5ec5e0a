"""Bounds: the words before (or after) a number that make it a lower, upper or approximate figure.

`more than 150` -> lower, `up to 5%` -> upper, `nearly 3 trillion yuan` -> approx; no bound word
-> exact. The bound word must sit right before the number phrase (or its currency prefix), after
optional filler (`has exceeded a total of`); `reduced by an average of 19%` stays exact.
"""

from __future__ import annotations

import regex as re

LOWER = (
    "more than", "over", "above", "exceed", "exceeds", "exceeded", "exceeding", "surpass",
    "surpasses", "surpassed", "surpassing", "no less than", "not less than", "at least",
    "upwards of", "in excess of", "greater than", "higher than", "no fewer than",
    "not fewer than", "beyond", "topped", "topping", "broke through",
    "breaking through", "broken through", "break through", "well over", "well above",
    "as many as", "a minimum of", "tops", "top", "passes", "passed", "passing",
    "pass", "crosses", "crossed", "crossing", "cross",
)  # fmt: skip
# verbs that are a lower bound only before an amount or a bare number (`users top 2.3 million`,
# `revenue passed 1 trillion yuan`), not before a counted noun (`the top 10 companies`, `passed
# 30 laws`, `crosses 5 provinces`); `top` after a determiner is a rank (`in the top 10`)
VERB_ONLY = frozenset(
    [
        "top",
        "pass",
        "passes",
        "passed",
        "passing",
        "cross",
        "crosses",
        "crossed",
        "crossing",
        "near",
    ]
)  # (`near 5 stations` is a place; `near 10%`, `near 20,000 firms` a bound)
_RANK_TOP = re.compile(
    r"(?r)(?:\b(?:the|a|an|its|their|our|his|her|in|into|of|among|from|within|to)|['’]s)\s+$",
    re.IGNORECASE,
)
UPPER = (
    "less than", "fewer than", "under", "below", "up to", "within", "no more than",
    "not more than", "at most", "not exceeding", "lower than", "a maximum of", "at the most",
    "capped at", "as much as", "not exceed", "not to exceed", "not surpass", "not go beyond",
    "not be more than", "not be higher than",
)  # fmt: skip
APPROX = (
    "about", "around", "approximately", "nearly", "almost", "roughly", "some", "close to",
    "approx.", "approx", "circa", "estimated at", "nearly reaching",
    "more or less", "in the region of", "on the order of", "somewhere around", "just over",
    "just under", "an approximate", "approximate",
    # hedges and verbs of nearing: `maybe a third`, `perhaps 60 percent`, `near 10%`, `is
    # expected to approach 700 billion yuan`
    "maybe", "perhaps", "something like", "near", "approach", "approaches", "approached",
    "approaching",
)  # fmt: skip

BOUND_OF: dict[str, str] = {}
for _b, _words in (("lower", LOWER), ("upper", UPPER), ("approx", APPROX)):
    for _w in _words:
        BOUND_OF[_w] = _b
# `just over` / `just under` are approximately at the figure
BOUND_OF["just over"] = "approx"
BOUND_OF["just under"] = "approx"

_ALT = "|".join(
    re.escape(w).replace(r"\ ", r"\s+") for w in sorted(BOUND_OF, key=len, reverse=True)
)
_FILLER = r"(?:(?:a\s+total\s+of|the|a|an|only|just)\s+)?"
# searched in a short window ending at the number: `... has exceeded ` + `79 million`
# reverse pattern (`(?r)`): `.match(text, lo, end)` is anchored at `end` and reads backwards
BEFORE = re.compile(rf"(?r)(?<![\w-])(?P<b>{_ALT})\s+(?P<f>{_FILLER})", re.IGNORECASE)
_B, _F = BEFORE.groupindex["b"], BEFORE.groupindex["f"]  # (read by number: unitmatch._CS)
# the last words BEFORE can match (its bound words' and filler's)
_LAST_WORDS = tuple(
    sorted({w.split()[-1] for w in [*BOUND_OF, "of", "the", "a", "an", "only", "just"]})
)
if _FILLER != r"(?:(?:a\s+total\s+of|the|a|an|only|just)\s+)?":
    raise RuntimeError("update _LAST_WORDS for _FILLER")
# after the quantity: `150 or more`, `10,000 yuan and above`, `150+`
AFTER = re.compile(
    r"(?:\s*\+(?![\d\w])|-odd\b|\s+(?:or\s+(?:more|above|higher|over|greater)|and\s+(?:above|over|more)"
    r"|or\s+(?:less|below|fewer|under)|and\s+(?:below|under)|or\s+so))"
    # not the bound word of the next figure: `2.31 million stations and more than 240 platforms`
    r"(?!\s+(?:than|then)\b)"
    # nor of the next figure's number: `about 200 robots and over 3,000 sensors`
    r"(?!(?<=over|bove)\s+[\d$\u00a5\u20ac\u00a3])",
    re.IGNORECASE,
)
WINDOW = 40
_NOUN_BEFORE_UNDER = re.compile(
    r"\b(?!(?:is|was|has|does|its|this|thus|less|us|as|plus|was)\b)[a-z]{3,}s\s+$"
)


_AROUND_VERB = re.compile(
    r"\b(?:built|centred|centered|based|organi[sz]ed|structured|clustered|grouped|arranged|"
    r"revolves?|revolving|focused|focuses|located|spread|designed)\s+$",
    re.IGNORECASE,
)


_SYMBOLS = {">": "lower", "\u2265": "lower", "<": "upper", "\u2264": "upper"}


def _symbol_bound(text: str, start: int) -> tuple[str, int] | None:
    """`>18,000`, `> RMB 1.35 tn`, `<200 platforms`, `≥ 50%`: a comparison sign right before the
    number (one space allowed) is its bound; not an arrow (`->`, `=>`), not a doubled sign, not a
    quote marker opening a line (`> 62 robots` quoting an earlier post)."""
    k = start - 1
    if k >= 0 and text[k] in " \t":
        k -= 1
    if k < 0 or text[k] not in _SYMBOLS:
        return None
    if k > 0 and text[k - 1] in "-=<>":
        return None
    j = k - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    if j < 0 or text[j] == "\n":
        return None
    return _SYMBOLS[text[k]], k


def bound_before(
    text: str, start: int, counted: bool = False, large: bool = False, scaled: bool = False
) -> tuple[str, int] | None:
    """(bound, start of the bound word) when a bound word ends right before `start`.
    `counted`: the number counts a noun; then `top` is a rank (`the top 10 companies`) and
    `pass`/`cross` take an object (`passed 30 laws`) unless the count is `large` (a scale word
    or 1,000 and more: `shipments passed 3 million units`); `top` before a count with a scale
    word is the headline verb (`sales top 9 mln units`, `scaled`)."""
    if start > 0 and text[start - 1] in "~\u2248" and (start < 2 or not text[start - 2].isalnum()):
        return "approx", start - 1  # `~720,000 machines`, `≈30%`
    sym = _symbol_bound(text, start)
    if sym is not None:
        return sym
    # BEFORE ends with `\s+`, and `str.isspace` holds for every `\s`
    if start == 0 or not text[start - 1].isspace():
        return None
    lo = max(0, start - WINDOW)
    # BEFORE ends with a bound word or a filler word, then spaces: the last word of the window
    # must end with one (`_LAST_WORDS`); a window of other characters is left to BEFORE
    tail = text[lo:start].rsplit(None, 1)
    if tail and tail[-1].isascii() and not tail[-1].lower().endswith(_LAST_WORDS):
        return None
    m = BEFORE.match(text, lo, start)
    if m is None:
        return None
    # `below the 5.2 per cent average`, `exceeded the 1 trillion yuan mark`: a definite figure
    # after the bound word is the reference compared against, itself exact
    if m.group(_F)[:3].lower() == "the":
        return None
    b0 = m.start(_B)
    word = " ".join(m.group(_B).lower().split())
    # `54 measures under eight headings`, `projects under 12 programmes`: `under` right after a
    # plural noun and before a count of things is the preposition, not a bound
    if word == "under" and counted and _NOUN_BEFORE_UNDER.search(text, max(0, b0 - 30), b0):
        return None
    # `is built around five top-level nodes`, `centred around 12 hubs`: the preposition
    if word == "around" and counted and _AROUND_VERB.search(text, max(0, b0 - 16), b0):
        return None
    if word in VERB_ONLY:
        if counted and (not large or (word == "top" and not scaled)):
            return None
        # `to top 5 trillion yuan` (an amount with a scale word): the verb, not a rank
        if word == "top" and (counted or not scaled) and _RANK_TOP.match(text, max(0, b0 - 8), b0):
            return None
    return BOUND_OF[word], b0


# a bound suffix between a number and its counted noun: `3,900+ firms`, `80-odd enterprises`,
# `10,000 or more AI accelerator cards`
SUFFIX = re.compile(
    r"\+(?![\d\w])|-odd\b|[ \t]+(?:or[ \t]+more|and[ \t]+above|or[ \t]+above)(?=[ \t]+[A-Za-z\d])",
    re.IGNORECASE,
)


def suffix_bound(m: re.Match) -> str:
    return "approx" if m.group(0).lower() == "-odd" else "lower"


# the first character after the spaces where AFTER matches but at `-odd`: `+`, `or ...`, `and ...`
_AFTER_FIRST = frozenset("+oOaA")


def bound_after(text: str, end: int) -> tuple[str, int] | None:
    c = text[end : end + 1]  # AFTER begins with a space (`\s`), `+` or `-`
    if not (c.isspace() or c == "+" or c == "-"):
        return None
    if c != "-":
        # (its spaces are `str.isspace`, and `+`, `o`, `a` are not: AFTER can match only where
        # the first other character is one of _AFTER_FIRST; undecided after 32 spaces)
        rest = text[end : end + 32].lstrip()
        if rest and rest[0] not in _AFTER_FIRST:
            return None
    m = AFTER.match(text, end)
    if m is None:
        return None
    s = m.group(0).lower()
    if s == "-odd":
        return "approx", m.end()
    if "+" in s or "more" in s or "above" in s or "higher" in s or "over" in s or "greater" in s:
        return "lower", m.end()
    if "so" in s.split():
        return "approx", m.end()
    return "upper", m.end()
