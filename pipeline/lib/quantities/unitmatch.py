"""Unit matching: the unit token right after a number (`yuan`, `%`, `percentage points`, `GWh`)
or the currency sign/code right before it (`$`, `US$`, `CNY`), built from the vocabulary in
`pipeline.metadata.units`. One compiled alternation each, longest surface form first.
"""

from __future__ import annotations

import regex as re

from pipeline.metadata.units import BY_CODE, UNITS, Unit

_SUFFIX: dict[str, str] = {}  # lower-cased surface -> code (case-insensitive forms)
_SUFFIX_CS: dict[str, str] = {}  # exact surface -> code
_PREFIX: dict[str, str] = {}
for _u in UNITS:
    for _s in _u.suffixes:
        _SUFFIX.setdefault(_s.lower(), _u.code)
    for _s in _u.suffix_cs:
        _SUFFIX_CS.setdefault(_s, _u.code)
    for _s in _u.prefixes:
        _PREFIX.setdefault(_s, _u.code)


def _tail(form: str) -> str:
    # a word-like unit must end at a word boundary; a currency symbol after the number
    # (`10 €`) must not be the prefix of the next number (`5 $10`)
    if form[-1].isalnum():
        return r"(?![\w])"
    return r"(?!\s?\d)" if form in ("$", "€") else ""


def _form(f: str) -> str:
    # a multi-word unit may be hyphenated as a compound adjective (`20,000-square-meter plant`)
    return re.escape(f).replace(r"\ ", r"(?:\s+|-)")


_ci = "|".join(f"(?:{_form(f)}){_tail(f)}" for f in sorted(_SUFFIX, key=len, reverse=True))
_cs = "|".join(f"(?:{re.escape(f)}){_tail(f)}" for f in sorted(_SUFFIX_CS, key=len, reverse=True))


def _trie(forms, spaced: bool) -> str:
    """The alternation of `forms` (each with its `_tail`) as a trie: at each node the longer forms
    are tried before the one ending there, so a text meets its matching forms longest first, as in
    the flat alternation sorted by length (the forms matching at one place are prefixes of each
    other), and the engine reads each character once instead of once per form. With `spaced`, a
    space in a form is `_form`'s `(?:\\s+|-)`."""
    root: dict = {}
    for f in forms:
        node = root
        for ch in f:
            node = node.setdefault(" " if spaced and ch == " " else ch, {})
        node[None] = _tail(f)

    def emit(node: dict) -> str:
        alts = [
            (r"(?:\s+|-)" if spaced and k == " " else re.escape(k)) + emit(v)
            for k, v in sorted((k, v) for k, v in node.items() if k is not None)
        ]
        if None in node:
            alts.append(node[None])
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(root)


_LEAD = r"(?:\s?-\s?|[^\S\n]*(?:\n[^\S\n]*)?)"
# a unit may follow the number with a space, a hyphen (`27-kilometer`) or nothing (`5%`, `10kg`);
# one line break inside a sentence is a space (`4.37 million\nyuan`), a blank line is not
SUFFIX_FLAT = re.compile(rf"{_LEAD}(?:(?P<cs>{_cs})|(?i:(?P<ci>{_ci})))")
# the same alternation as tries (`_trie`: the same matches, several times faster)
SUFFIX = re.compile(
    rf"{_LEAD}(?:(?P<cs>{_trie(_SUFFIX_CS, False)})|(?i:(?P<ci>{_trie(_SUFFIX, True)})))"
)
_pre = "|".join(re.escape(f) for f in sorted(_PREFIX, key=len, reverse=True))
# searched in a short window that ends at the number: `US$` + `5bn`, `CNY` + `1.2 trillion`
# reverse pattern: `.match(text, lo, start)` is anchored at `start` and reads backwards
PREFIX = re.compile(rf"(?r)(?<![A-Za-z])(?P<p>{_pre})\s?")
WINDOW = 12
# forward: a currency sign or code starting a number (`US$720 billion` as the end of a range)
PREFIX_AT = re.compile(rf"(?<![A-Za-z])(?P<p>{_pre})\s?(?=[\d.])")


# group numbers (the `regex` module tries a group name as a number first, raising and formatting
# a TypeError each time: these are read at every figure)
_CS, _CI = SUFFIX.groupindex["cs"], SUFFIX.groupindex["ci"]
_P = PREFIX.groupindex["p"]


def unit_after(text: str, end: int) -> tuple[str, int, int] | None:
    """(code, unit_start, unit_end) for a unit token starting at `end` (after optional space)."""
    m = SUFFIX.match(text, end)
    if m is None:
        return None
    cs = m.group(_CS)
    if cs is not None:
        return _SUFFIX_CS[cs], m.start(_CS), m.end(_CS)
    form = " ".join(m.group(_CI).lower().split())
    code = _SUFFIX.get(form) or _SUFFIX[" ".join(form.replace("-", " ").split())]
    return code, m.start(_CI), m.end(_CI)


# the last characters of the signs and codes: PREFIX can match only where one of them ends right
# before the number or before one space (`str.isspace` holds for every `\s` of the pattern)
# (and their last two characters: `Rs` ends in the `s` of every plural before a number)
_PREFIX_LAST = frozenset(f[-1] for f in _PREFIX)
_PREFIX_ONE = frozenset(f for f in _PREFIX if len(f) == 1)
_PREFIX_END2 = frozenset(f[-2:] for f in _PREFIX if len(f) > 1)


def _sign_may_end(text: str, e: int) -> bool:
    c = text[e - 1] if e > 0 else ""
    return c in _PREFIX_LAST and (c in _PREFIX_ONE or text[max(0, e - 2) : e] in _PREFIX_END2)


def currency_before(text: str, start: int) -> tuple[str, int] | None:
    """(code, start of the sign) for a currency sign or code ending right before `start`."""
    if not _sign_may_end(text, start) and not (
        start > 1 and text[start - 1].isspace() and _sign_may_end(text, start - 1)
    ):
        return None
    m = PREFIX.match(text, max(0, start - WINDOW), start)
    if m is None:
        return None
    return _PREFIX[m.group(_P)], m.start(_P)


def currency_at(text: str, pos: int) -> tuple[str, int] | None:
    """(code, start of the number) for a currency sign or code starting at `pos`."""
    m = PREFIX_AT.match(text, pos)
    if m is None:
        return None
    return _PREFIX[m.group("p")], m.end()


def unit(code: str) -> Unit | None:
    return BY_CODE.get(code)


# the counted nouns of Chinese statistical tables, after a word-for-word `10,000` (万台, 万套, 万辆,
# 万件, 万户, 万人): `2,586.32 10,000 units` = 25,863,200 units
_CN_TABLE_COUNT = re.compile(
    r"[ \t]+(?:units|sets|pieces|vehicles|cars|households|persons|people|items|tonnes?)\b",
    re.IGNORECASE,
)


def cn_table_count_after(text: str, end: int) -> bool:
    """True when a counted noun of a statistical table (`units`, `sets`) starts at `end`."""
    return _CN_TABLE_COUNT.match(text, end) is not None
