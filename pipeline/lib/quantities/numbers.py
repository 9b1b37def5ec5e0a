"""Numbers: the regular expression of a number phrase and its value.

A number phrase is digits (`180000`, `9,499.4`, `.5`, `1.3e6`, `1 234 567` with thin spaces),
number words (`twenty-three`, `one hundred and six`, `two hundred point zero three`), scale words
and abbreviations (`thousand`, `million`, `bn`, `73m`, `10k`) and the Chinese counting habits
written in English (`ten thousand`, `hundred million`, `2 ten-thousand` = 2e4,
`27 trillion and 200 billion` = 2.72e13). `parse()` turns the matched text into one value.

The tables are hand-written (about 40 words): no locked dependency parses number words, and the
libraries that do (word2number, text2num, number-parser) would still need the Chinese habits and
scale abbreviations added around them (see docs/quantities.md).
"""

from __future__ import annotations

import re as sre
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import regex as re

UNITS_WORDS = {
    "zero": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SMALL_WORDS = {**UNITS_WORDS, **TENS_WORDS}
# scale words: value multiplies what precedes it
SCALE_WORDS = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "dozen": 12, "dozens": 12, "lakh": 100_000,
    "crore": 10_000_000,
}  # fmt: skip
# abbreviations written after digits: `73m`, `US$5bn`, `10k`, `2.33 k`, `10 bln`
SCALE_ABBR = {
    "k": 1e3, "K": 1e3, "thousand": 1e3, "m": 1e6, "M": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6,
    "MM": 1e6, "mm": 1e6, "b": 1e9, "B": 1e9, "bn": 1e9, "bln": 1e9, "tn": 1e12, "tln": 1e12,
    "trn": 1e12, "T": 1e12,
}  # fmt: skip

_W = r"(?:" + "|".join(sorted(SMALL_WORDS, key=len, reverse=True)) + r")"
_SCALE_W = r"(?:ten[\s-]+thousand|hundred|thousand|million|billion|trillion|dozens?|lakh|crore)"
WORD_TOKEN = rf"(?:{_W}(?:\s*-\s*{_W})?|{_SCALE_W})"

# digits: 1,234,567.89 | 1234.5 | .25 | 1 234 567 (thin/narrow/regular spaces, groups of 3)
DIGITS = (
    r"(?:(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[\u202f\u2009\u00a0]\d{3})+"
    r"|\d{1,3}(?:\ \d{3}){2,}|\d+)(?:\.\d+)?(?:[eE][+-]?\d+)?|(?<![\w.])\.\d+)"
)
# a digit number may be followed by scale words (`27 trillion`, `2 ten-thousand`, `1.2 hundred
# million`); word numbers chain with spaces, hyphens and `and` (`one hundred and six`).
# (`10-billion-dollar plant`, `$2-billion`: a hyphen before the scale word in a compound adjective)
_SCALE_TAIL = rf"(?:(?:\s+|-){_SCALE_W}\b)"
_DIGIT_GROUP = rf"(?:{DIGITS}(?:{_SCALE_TAIL})*)"
_WORD_GROUP = (
    rf"(?:(?:\ban?\s+(?={_SCALE_W}))?\b{WORD_TOKEN}\b"
    rf"(?:(?:(?<={_SCALE_W})\s+and\s+|\s*-\s*|\s+)\b{WORD_TOKEN}\b)*"
    rf"(?:\s+point(?:\s+{_W}(?:\s*-\s*{_W})?\b)+(?:\s+{_SCALE_W}\b)*)?)"
)
# additive compounds `27 trillion and 200 billion`: a group ending in a scale, `and`, a group
NUMBER = (
    rf"(?:(?:{_DIGIT_GROUP}|{_WORD_GROUP})"
    rf"(?:(?<={_SCALE_W})\s+and\s+{_DIGIT_GROUP}(?<={_SCALE_W}))*)"
)

_TOKENS = re.compile(
    rf"(?P<d>{DIGITS})|(?P<tt>ten[\s-]+thousand)|(?P<w>[A-Za-z]+)",
    re.IGNORECASE,
)


# (read by number: the `regex` module tries a group name as a number first, raising and
# formatting a TypeError each time)
_TOK_D, _TOK_TT, _TOK_W = (_TOKENS.groupindex[g] for g in ("d", "tt", "w"))
_GROUPING = re.compile(r"[,\s\u202f\u2009\u00a0]")


def _dec(s: str) -> Decimal:
    s = _GROUPING.sub("", s)
    try:
        return Decimal(s)
    except InvalidOperation:
        return Decimal(0)


# a plain figure (`4.10`, `2,310`): its value is float() of its digits, exactly as the general
# path computes it (Decimal sum, then float: both round the same exact value once; 28 digits or
# fewer keep the Decimal sum exact)
# (ASCII classes only: the standard library's engine reads it the same, faster)
_PLAIN = sre.compile(r"[0-9]{1,3}(?:,[0-9]{3})*(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?")


@lru_cache(maxsize=4096)
def parse(text: str) -> float | None:
    """Value of a number phrase matched by NUMBER (without unit or abbreviation suffix).

    Standard English accumulation (current/total with scale words) plus:
    - `ten thousand` after digits is one scale (1e4): `2 ten-thousand` = 2e4;
    - `hundred million` multiplies: `3 hundred million` = 3e8;
    - `27 trillion and 200 billion` adds groups = 2.72e13;
    - `point` starts decimal digits: `two hundred point zero three` = 200.03; a scale word
      after them scales the whole: `one point two billion` = 1.2e9.

    Memoised (a pure function of a short string; an error is raised again, never cached).
    """
    if len(text) <= 28 and _PLAIN.fullmatch(text):
        return float(text.replace(",", ""))
    total = Decimal(0)
    current = Decimal(0)
    seen = False
    decimals: str | None = None
    prev_digit = False
    prev_tens = False
    last_group: Decimal | None = None  # the group a scale word just added (`1.55 lakh`)
    last_scale = 0
    for m in _TOKENS.finditer(text):
        if m.group(_TOK_D) is not None:
            current += _dec(m.group(_TOK_D))
            seen = True
            prev_digit = True
            continue
        if m.group(_TOK_TT) is not None:
            last_group = None
            if prev_digit or not seen:
                current = (current or Decimal(1)) * 10_000
                total += current
                current = Decimal(0)
            else:  # `one hundred ten thousand` = 110,000
                current += 10
                total += current * 1000
                current = Decimal(0)
            seen = True
            prev_digit = False
            continue
        w = m.group(_TOK_W).lower()
        prev_digit = False
        if w not in SCALE_WORDS:
            last_group = None
        if decimals is not None and (w in SCALE_WORDS or w == "hundred"):
            # `one point two billion` = 1.2e9: the decimals end, the scale applies to them too
            current += Decimal("0." + decimals) if decimals else Decimal(0)
            decimals = None
        if decimals is not None:
            if w in SMALL_WORDS:
                d = SMALL_WORDS[w]
                if d < 10 and decimals.endswith("0") and prev_tens:  # `point seventy-one`
                    decimals = decimals[:-1] + str(d)
                else:
                    decimals += str(d)
                prev_tens = w in TENS_WORDS
            continue
        if w in SMALL_WORDS:
            current += SMALL_WORDS[w]
            seen = True
        elif w in ("hundred",):
            current = (current or Decimal(1)) * 100
            seen = True
        elif w in SCALE_WORDS:
            scale = SCALE_WORDS[w]
            if w.startswith("dozen"):
                current = (current or Decimal(1)) * 12
            elif last_group and not current and scale > last_scale:
                # a larger scale right after a scale multiplies its group: `1.55 lakh crore`
                # = 1.55e12, `a thousand billion` = 1e12
                total += last_group * (scale - 1)
                last_group *= scale
                last_scale = scale
            else:
                last_group = (current or Decimal(1)) * scale
                last_scale = scale
                total += last_group
                current = Decimal(0)
            seen = True
            continue
        elif w == "point":
            decimals = ""
        # `and`, `a`, `an` are glue
    if not seen:
        return None
    value = total + current
    if decimals:
        value += Decimal("0." + decimals)
    return float(value)


def abbr_factor(abbr: str | None) -> float:
    if not abbr:
        return 1.0
    return SCALE_ABBR.get(abbr, SCALE_ABBR.get(abbr.lower(), 1.0))


def has_scale(text: str) -> bool:
    """True when the phrase carries a scale word (`200 billion`), used to distribute scales."""
    return _HAS_SCALE.search(text) is not None


_HAS_SCALE = re.compile(rf"\b{_SCALE_W}\b", re.IGNORECASE)


# ---- additive compounds (`27 trillion and 200 billion`) -----------------------------------------
# an `and` after a scale word of a thousand or more joins two groups only when the second is
# smaller than one unit of the first group's scale (`27 trillion and 200 billion` = 2.72e13);
# `180 billion and 200 billion` is two numbers (the ends of a range, a list)
_JUNCTION = re.compile(
    r"(?<=\b(?:thousand|million|billion|trillion|lakh|crore))\s+and\s+", re.IGNORECASE
)
_TRAILING_SCALES = re.compile(
    r"(?r)(?:\s*\b(?:ten[\s-]+thousand|hundred|thousand|million|billion|trillion|lakh|crore)\b)+$",
    re.IGNORECASE,
)
_ONE_SCALE = re.compile(
    r"ten[\s-]+thousand|hundred|thousand|million|billion|trillion|lakh|crore", re.IGNORECASE
)


def _trailing_scale(group: str) -> float:
    m = _TRAILING_SCALES.search(group)
    if m is None:
        return 1.0
    f = 1.0
    for s in _ONE_SCALE.findall(m.group(0)):
        s = s.lower()
        f *= 10_000 if s.startswith("ten") else SCALE_WORDS[s]
    return f


def trailing_scale(group: str) -> float:
    """Value of the scale words ending `group` (`seven million` -> 1e6, `3 hundred million` ->
    1e8); 1.0 when it ends in none."""
    return _trailing_scale(group)


def additive_cut(raw: str, between: bool = False) -> int | None:
    """Offset in `raw` where a number phrase must end because an `and` in it does not add:
    after `between` (always a range: `between 180 billion and 200 billion`), or when the group
    after `and` is not smaller than the scale before it. None when the whole phrase is one number.
    """
    junctions = list(_JUNCTION.finditer(raw))
    if not junctions:
        return None
    if between:
        return junctions[0].start()
    seg_start = 0
    for i, j in enumerate(junctions):
        right_end = junctions[i + 1].start() if i + 1 < len(junctions) else len(raw)
        left_raw, right_raw = raw[seg_start : j.start()], raw[j.end() : right_end]
        right = parse(right_raw)
        left_scale = _trailing_scale(left_raw)
        if right is None or right >= left_scale:
            return j.start()
        # `1.34 million and 0.43 million`: the same scale word again, or a decimal group, is a
        # list of two numbers, never one compound
        if _trailing_scale(right_raw) >= left_scale or "." in left_raw or "." in right_raw:
            return j.start()
        seg_start = j.end()
    return None
