"""The extractor: one pass of a single compiled regular expression over the text.

The master pattern is an ordered alternation (dates, times, phone numbers, plan names, technology
names, relative periods, "at present", ordinals, years, numbers); at each position the leftmost
match wins and, at the same position, the earlier alternative. Each match is then completed by
short anchored matches around it (unit after, currency sign before, bound word before/after,
counted noun, a second number making a range), each bounded to a few dozen characters, so the
whole run is linear in the length of the text.
"""

from __future__ import annotations

import math
import re as sre
from dataclasses import fields

import regex as re

from pipeline.lib.per_article import check_budget
from pipeline.lib.quantities.model import Extraction, Ignored, Period, Quantity
from pipeline.metadata.units import BY_CODE, CURRENCY_CODES, normalise

from . import (
    bounds,
    coordinated,
    counts,
    exclusions,
    fractions,
    periods,
    prose,
    signed_cells,
    unitmatch,
)
from .ago import AgoStarts
from .guards import guarded
from .numbers import NUMBER, SCALE_ABBR, SMALL_WORDS, additive_cut, parse, trailing_scale

_NUM = rf"(?P<num>(?P<neg>(?<![\w.,%)\-–])-(?=\.?\d)|\b(?:minus|negative)\s+)?{NUMBER})"

_ALTERNATIVES = [
    periods.DATE,
    exclusions.TIME,
    exclusions.PHONE,
    exclusions.PLAN,
    exclusions.TECH,
    rf"(?P<rel>{periods.RELATIVE})",
    rf"(?P<present>{periods.PRESENT})",
    exclusions.ORDINAL,
    rf"(?P<years>{periods.YEARS})",
    _NUM,
]
# each alternative behind a lookahead of its first characters (`guards`: the same matches)
MASTER = re.compile("|".join(guarded(a) for a in _ALTERNATIVES), re.IGNORECASE)
# `N years ago` needs `ago`: in a text without it, MASTER with that alternative never matching
# (its group kept) gives the same matches without reading a number twice at every digit
_AGO = rf"|\b(?P<rel_ago>{NUMBER})\s+years?\s+ago\b"
if _AGO not in periods.RELATIVE:
    raise RuntimeError("update _AGO for periods.RELATIVE")
_NO_AGO_ALTERNATIVES = [a.replace(_AGO, r"|(?P<rel_ago>(?!))") for a in _ALTERNATIVES]
MASTER_NO_AGO = re.compile("|".join(guarded(a) for a in _NO_AGO_ALTERNATIVES), re.IGNORECASE)
# the one alternative of MASTER that MASTER_NO_AGO lacks: where it does not match, both match the
# same (the replaced branch fails in both, every other one is the same)
AGO_AT = re.compile(guarded(_AGO[1:]), re.IGNORECASE)
# MASTER_NO_AGO where only its last two alternatives (years, a number) can match (`ONLY_YEAR`):
# their groups are all that `_dispatch` reads of such a match
MASTER_YEAR_NUMBER = re.compile(
    "|".join(guarded(a) for a in _NO_AGO_ALTERNATIVES[-2:]), re.IGNORECASE
)
if not _ALTERNATIVES[-2].startswith("(?P<years>") or _ALTERNATIVES[-1] is not _NUM:
    raise RuntimeError("update MASTER_YEAR_NUMBER for _ALTERNATIVES")


def _groups(m) -> dict[str, int]:
    """Group numbers by name for a match of one of the extractor's patterns (`_GROUPS`, filled
    below), else its pattern's. The `regex` module reads a group name only after trying it as a
    number, which raises and formats a TypeError each time (about half a microsecond, a few
    dozen times a sentence): the number paths read groups by number."""
    g = _GROUPS.get(id(m.re))
    return g if g is not None else m.re.groupindex


_GROUPS: dict[int, dict[str, int]] = {}


def trie_pattern(words) -> str:
    """A trie-shaped alternation (`t(?:en|hree|wo)`) that matches the longest word possible at a
    position (a word ending at a node with children is an optional, greedy tail): the stdlib
    engine scans it ~5x faster than a flat alternation."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [sre.escape(k) + emit(v) for k, v in sorted(node.items()) if k]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


# Stage 1: cheap trigger scan (stdlib `re`, trie of words) for the places a mention can start:
# digit runs and the words that begin number words, ordinals, months, relative periods, "at
# present" phrases and plan names. Stage 2 runs MASTER anchored at each trigger (after moving
# the start back over a possible prefix: `in the past`, `from 2018`, `(2021`, `a hundred`, `IPv6`).
TRIGGER_WORDS = (
    list(SMALL_WORDS)
    + [
        "hundred",
        "thousand",
        "million",
        "billion",
        "trillion",
        "dozen",
        "dozens",
        "lakh",
        "crore",
        "minus",
        "negative",
    ]
    + exclusions.ORDINAL_WORD_LIST
    + [m.lower() for m in periods.MONTHS]
    + [
        "past",
        "last",
        "next",
        "coming",
        "previous",
        "following",
        "recent",
        "preceding",
        "this year",
    ]
    + [
        "at present",
        "so far",
        "currently",
        "to date",
        "as of now",
        "at the moment",
        "presently",
        "nowadays",
        "at this stage",
        "up to now",
        "until now",
        "as of today",
    ]
    + ["made", "vision", "agenda", "healthy", "long-term", "long term", "standards"]
    + sorted(fractions.TRIGGERS)
)
TRIGGER = sre.compile(rf"\d+|(?<![a-z]){trie_pattern(sorted(set(TRIGGER_WORDS)))}(?![a-z])")
TRIGGER_I = sre.compile(TRIGGER.pattern, sre.IGNORECASE)
PREFIX = re.compile(
    r"(?r)(?:(?:\b(?:in|over|during|for|within|throughout)\s+)?\bthe\s+"
    r"|\b(?:in|over|during|for|within|throughout)\s+|\b(?:from|between)\s+|\(\s*"
    r"|\ban?\s+|\b(?:minus|negative)\s+|(?<![\w.,%)\-–])-|(?<![\w.])\."
    r"|\b(?:Industry|Web|Wi-?Fi|Bluetooth|IPv|HTML|USB|Windows|Android|iOS|Version|version|v)\s?"
    r"|\b[A-Za-z]+-?)",
    re.IGNORECASE,
)
# PREFIX ends with a space after one of these words (or `(`), else with `(`, `-`, `.` or a letter
_PREFIX_WORDS = (
    "in over during for within throughout the from between a an minus negative industry web wifi"
    " wi-fi bluetooth ipv html usb windows android ios version v ("
).split()
_PREFIX_LAST = frozenset("(-.")


def _prefix_possible(text: str, lo: int, p: int) -> bool:
    """False where PREFIX cannot match text[lo:p] (a cheap test of its last word or character;
    a non-ASCII last word is left to PREFIX)."""
    c = text[p - 1] if p > lo else ""
    if not c.isspace():
        return c in _PREFIX_LAST or c.isalpha() or not c.isascii()
    tail = text[lo:p].rsplit(None, 1)
    return not tail or not tail[-1].isascii() or tail[-1].lower().endswith(_PREFIX_ENDS)


_PREFIX_ENDS = tuple(_PREFIX_WORDS)
NUMBER_AT = re.compile(_NUM, re.IGNORECASE)
# at a digit trigger, a figure that no alternative of MASTER_NO_AGO but the number can begin (a
# date, time, phone number, plan or technology name, ordinal or year needs four digits, eleven
# (a mobile number), a letter or `-`, `/`, `:` right after the digits, or a capital, `a`/`p`
# (`am`), `o` (`o'clock`, `of May`) or `y` (`5-year plan`) after the spaces): ASCII digits with at
# most one decimal part, then the end, closing punctuation, a full stop, or spaces and a word
ONLY_NUMBER = sre.compile(
    r"(?![0-9]{4}(?![0-9])|1[3-9][0-9]{9}(?![0-9]))[0-9]+(?:\.[0-9]+)?(?:\Z|[,;)%\"'”’]|\.(?![0-9])"
    r"|[ \t\n\r]+(?:[bcdefghijklmnqrstuvwxz]|[ap](?![.mM])|o(?!['’fF])|y(?![eE])))"
)
# a run of four digits that only a year or a number can begin (a date, phone number or
# technology name needs `-`, `.`, `/` or a letter right after it): then the end, closing
# punctuation, a full stop or a space
# MASTER_NO_AGO matches nothing at prepositions before such a figure or year (`in 2021`, `for the
# 5`): a relative period needs a word (`in the past`) or one digit and `years` (`in 5 years`)
ONLY_PREPOSITIONS = sre.compile(
    r"(?:(?:in|over|during|for|within|throughout|the)\s+)+", sre.IGNORECASE
)
# a plain figure (`5`, `1,234.5`) that NUMBER_AT would read as it is (stdlib `re`, several times
# faster): ASCII digits in groups of three or not, a decimal part, then a character that cannot
# continue a number (no digit, `,`/`.` + digit, exponent, thin space, hyphen, scale word:
# `spaces + an ASCII letter` only if none begins a scale word); `neg` as in NUMBER_AT, never set
PLAIN_AT = sre.compile(
    r"(?<![\d.,])(?:(?P<neg>(?!)))?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"
    r"(?=\Z|[%;)\"'”’]|[,.](?!\d)|[ \t\n\r]+(?![tThHmMbBdDlLcC])[A-Za-z])"
)
for _p in (MASTER, MASTER_NO_AGO, MASTER_YEAR_NUMBER, NUMBER_AT, PLAIN_AT):
    _GROUPS[id(_p)] = dict(_p.groupindex)  # (the patterns live as long as the module)
_NUMBER_NEG = NUMBER_AT.groupindex["neg"]
ONLY_YEAR = sre.compile(r"[0-9]{4}(?:\Z|[,;)%\"'”’ \t\n\r]|\.(?![0-9]))")
# parts of a year (`the first half of 2023`, `from January to October`, `Q3 2022`, `2023Q1`) are
# matched only at the triggers that can begin one, so MASTER stays as short as before
PART_AT = re.compile(periods.PART, re.IGNORECASE)
_PART_WORDS = frozenset(["first", "second", "third", "fourth", *periods.MONTHS])
_YEAR_CODE = sre.compile(r"\s?-?\s?[HQ][1-4]")

# scale abbreviation glued to digits (`73m`, `10k`, `US$5bn`, `1.2b`) or after one space (`2.33 k`)
ABBR = re.compile(
    r"(?:(?P<att>bn|mn|mln|bln|tln|trn|tn|mil|MM|k|K|m|M|b|B|T)|[ \t](?P<sp>bn|mn|mln|bln|tln|trn"
    r"|tn|mil|k|K))(?![\w$€£¥%])"
)
_ABBR_FIRST = frozenset("bmtkKMBT \t")
_ABBR_SPACED = frozenset("bmtkK")  # the first letters of its abbreviations after a space
_CN_SECOND = frozenset("1 \t")  # CN_TABLE_SCALE's second character
_SCALE_WORDS_RE = re.compile(
    r"\b(?:ten[\s-]+thousand|hundred|thousand|million|billion|trillion|lakh|crore)\b",
    re.IGNORECASE,
)
RANGE_SEP = re.compile(r"\s*(?:-|–|—|~|\bto\b|\band\b|\bor\b)\s*", re.IGNORECASE)
_RANGE_FIRST = frozenset("-–—~tTaAoO")
BETWEEN = re.compile(r"(?r)\bbetween\s+", re.IGNORECASE)
# `between` before a number, possibly with a currency sign/code between (`between RMB 180 ...`)
BETWEEN_NEAR = re.compile(r"(?r)\bbetween\s+(?:[^\s\d]{1,4}\s?)?", re.IGNORECASE)
CHANGE_FROM = re.compile(
    r"(?r)\b(?:rose|rise|rising|risen|increased?|increasing|grew|grow|growing|grown|fell|fall|falling"
    r"|fallen|dropped|drop|declined?|decreased?|jumped|climbed|expanded|reduced|surged|soared"
    r"|went|shrank|raised|cut|changed|up|down|moved)\s+(?:[\w.%]+\s+){0,3}?from\s+",
    re.IGNORECASE,
)
if not CHANGE_FROM.pattern.endswith(r"from\s+"):
    raise RuntimeError("update the test before CHANGE_FROM in _range_end")
ATTACHED_LETTER = re.compile(r"[A-Za-z]")
# an amount in brackets right after another amount: `1.2 trillion yuan ($168 billion)`,
# `CNY1.2 trillion (USD170 billion)`, `(about 700 million U.S. dollars)`, `(or $5m)`
# (reverse pattern, anchored at the start of the bracketed amount and its bound word)
CONVERSION_OPEN = re.compile(
    r"(?r)(?P<gap>[ \t]*\n?[ \t]*)[(\[（]\s*(?:(?:or|i\.e\.,?|equivalent\s+to|equal\s+to|equalling|worth"
    r"|converted\s+to|roughly\s+equal\s+to)\s+)?",
    re.IGNORECASE,
)
OF_ = re.compile(r"\s+of\b", re.IGNORECASE)
# `62 of the world's 153 lighthouse factories`, `3 of its 10 plants`: the first number counts the
# noun of the second
OF_SET = re.compile(
    r"[ \t]+of[ \t]+(?:(?:the|its|their|our|these|those|all)[ \t]+)?"
    r"(?:(?:world|country|nation|globe|region|province|city|company|group|China)['’]s[ \t]+)?"
    r"(?=\d)",
    re.IGNORECASE,
)
# a list of numbers sharing the unit written after the last one: `30.16 million and 30.09 million
# units respectively`, `29.2, 6.7 and 26.6 percent`
# (`, and` starts a new clause: `exceeded 15 million, and 2.31 million ports were added`)
LIST_SEP = re.compile(r"[ \t]*(?:,[ \t]*|[ \t]and[ \t]+)(?=\d)")
_LIST_FIRST = frozenset(", \t")
_OF_FIRST = frozenset(" \t")
SCALE_ONLY = re.compile(r"(?:hundred|thousand|million|billion|trillion)s?", re.IGNORECASE)
SCALE_LEAD = re.compile(
    r"(?:hundred|thousand|million|billion|trillion|lakh|crore)\b", re.IGNORECASE
)
# units of Chinese statistical tables translated word for word: `32,000 100 million yuan`
# (\u4ebf\u5143) = 3.2e12 yuan, `12,345 10,000 yuan` (\u4e07\u5143) = 1.2345e8 yuan
_SCALE_LEAD_FIRST = frozenset("hHtTmMbBlLcC")  # the first letters of SCALE_LEAD
CN_TABLE_SCALE = re.compile(
    r"[ \t]+(?:(?P<e8>100[ \t]+million|100,000,000)|(?P<e4>10,000|10[ \t]+thousand))(?=[ \t]+\S)",
    re.IGNORECASE,
)
CODE_PLUS = re.compile(r"\+\d")  # `a "5+2" architecture`, `1+N`: a name, not a figure


class _State:
    """The scan of one piece of text. Its mentions go straight into `out` with their offsets
    shifted by `off` (where the piece starts in the whole text) and range ids counted on from
    `range_id`; `q0` is the index in `out.quantities` of the piece's first quantity."""

    __slots__ = ("text", "out", "consumed", "range_id", "read", "off", "q0")

    def __init__(
        self, text: str, out: Extraction | None = None, off: int = 0, range_id: int = 0
    ) -> None:
        self.text = text
        self.out = Extraction() if out is None else out
        self.off = off
        self.q0 = len(self.out.quantities)
        self.consumed = 0
        self.range_id = range_id
        # numbers read ahead (the second end of a range, the next number of a list) that were
        # not taken: position -> (the number as read, `_finish`'s reason, the number after it);
        # the scan reaches them next and takes the reading instead of reading them again
        self.read: dict[int, tuple[_Num | None, str | None, _Num | None]] = {}


def extract(text: str) -> Extraction:
    """Every quantity mention, period expression and set-aside number in `text`.

    Stretches that are not prose (`prose.regions`: overlong sentences, sentences of hundreds of
    numbers, long runs of lines without a letter) are set aside whole as `not_prose`; the rest is
    read in pieces of bounded length (`prose.pieces`), each with its own offsets shifted back
    into `text` (range ids renumbered to stay unique, conversion indexes counted in the whole
    text: `_State`). A normal article is one piece, read as it always was."""
    skipped = prose.regions(text)
    parts = prose.pieces(text, skipped)
    if not skipped and len(parts) == 1 and parts[0] == (0, len(text)):
        return _extract_piece(_State(text))
    out = Extraction()
    gaps = iter(skipped)
    gap = next(gaps, None)
    rid_base = 0  # the largest range id so far (ids count from 1 in each piece)
    for a, b in parts:
        while gap is not None and gap[0] < a:
            out.ignored.append(Ignored(gap[0], gap[1], text[gap[0] : gap[1]], "not_prose"))
            gap = next(gaps, None)
        n_before = len(out.quantities)
        _extract_piece(_State(text[a:b], out, a, rid_base))
        rid_base = max(
            (q.range_id for q in out.quantities[n_before:] if q.range_id is not None),
            default=rid_base,
        )
    while gap is not None:
        out.ignored.append(Ignored(gap[0], gap[1], text[gap[0] : gap[1]], "not_prose"))
        gap = next(gaps, None)
    return out


def _extract_piece(st: _State) -> Extraction:
    text = st.text
    lowered = text.lower()
    master = MASTER
    last_ago = len(text)  # MASTER reads `N years ago` only where an `ago` follows
    if len(lowered) == len(text):
        triggers = TRIGGER.finditer(lowered)
        last_ago = lowered.rfind("ago")  # (no other character folds to `a`, `g` or `o`)
        if last_ago < 0:
            master = MASTER_NO_AGO
    else:  # a few Unicode characters change length when lower-cased
        triggers = TRIGGER_I.finditer(text)
    # (where AGO_AT may match at all: asked before it is run at each trigger)
    ago = AgoStarts(text) if master is MASTER else None
    for t in triggers:
        check_budget()  # the article's time budget in the pipeline (no-op elsewhere)
        p = t.start()
        if p < st.consumed:
            continue
        if master is MASTER and max(st.consumed, p - 32) > last_ago:
            master = MASTER_NO_AGO  # no `ago` after the earliest start tried from here on
        if p and not text[p - 1].isspace() and _in_url(text, p):
            end = _token_end(text, p)
            _ignore(st, p, end, text[p:end], "url")
            st.consumed = end
            continue
        m = None
        lo = max(st.consumed, p - 32)
        pre = PREFIX.match(text, lo, p) if _prefix_possible(text, lo, p) else None
        w = t.group(0)
        digits = w[0].isdigit()  # a run of digits (`\d+`), else a trigger word
        # (no fraction trigger has a digit)
        if not digits and w.lower() in fractions.TRIGGERS and _fraction(st, pre, p):
            continue
        if _part_trigger(text, t, p) if not digits else _part_digits(text, t, p, w):
            pm = PART_AT.match(text, pre.start()) if pre is not None else None
            if pm is None or pm.end() <= p:
                pm = PART_AT.match(text, p)
            if pm is not None:
                per = periods.part_period(pm)
                _period(st, per)
                _ignore(st, per.start, per.end, per.text, "part_year")
                st.consumed = pm.end()
                continue
        # MASTER matches as MASTER_NO_AGO at a start where no `N years ago` begins (AGO_AT)
        eff = master
        if (
            master is MASTER
            and (not ago.possible(p) or AGO_AT.match(text, p) is None)
            and (
                pre is None
                or not ago.possible(pre.start())
                or AGO_AT.match(text, pre.start()) is None
            )
        ):
            eff = MASTER_NO_AGO
        # at a digit, the alternatives of MASTER_NO_AGO that can match (see ONLY_NUMBER)
        here = eff
        if eff is MASTER_NO_AGO and "0" <= text[p] <= "9":
            if ONLY_NUMBER.match(text, p) is not None:
                here = NUMBER_AT
            elif ONLY_YEAR.match(text, p) is not None:
                here = MASTER_YEAR_NUMBER
        if pre is not None and (here is eff or not ONLY_PREPOSITIONS.fullmatch(pre.group(0))):
            m = eff.match(text, pre.start())
            if m is not None and m.end() <= p:
                m = None
        if m is None:
            if here is NUMBER_AT:  # only MASTER's last alternative (a number): read it alone
                if p in st.read:  # read ahead already (NUMBER_AT matched there)
                    _number_or_too_large(st, p)
                    continue
                m = PLAIN_AT.match(text, p) or NUMBER_AT.match(text, p)
                if m is not None:
                    _number_or_too_large(st, p, m)
                continue
            m = here.match(text, p)
            if m is None:
                continue
        _dispatch(st, m)
    return st.out


def _fraction(st: _State, pre: re.Match | None, p: int) -> bool:
    """A fraction in words read as a percent (`about one-fifth of`, `a third of`); see
    `fractions`. Emits it and returns True, else False."""
    text = st.text
    f = fractions.multiple_at(text, p)
    if f is not None:
        n = _Num()
        n.value, n.nstart, n.nend = f
        n.start, n.end = n.nstart, n.nend
        n.unit, n.is_word, n.text = "times", True, text[n.nstart : n.nend]
        b = bounds.bound_before(text, p)
        if b is not None:  # `more than doubled`, `nearly double`
            n.bound, n.start = b
        _emit(st, n, n.bound, None)
        st.consumed = n.end
        return True
    f = fractions.one_in_at(text, p)
    if f is not None:
        n = _Num()
        n.value, n.nstart, n.nend = f
        n.start, n.end = n.nstart, n.nend
        n.unit, n.is_word, n.text = "percent", True, text[n.nstart : n.nend]
        b = bounds.bound_before(text, p)
        n.bound, n.start = b if b is not None else (fractions.ratio_bound(text, p), n.start)
        _emit(st, n, n.bound, None)
        st.consumed = n.end
        return True
    if pre is not None:
        b = bounds.bound_before(text, pre.start())
        f = fractions.fraction_at(text, pre.start(), b is not None, b[1] if b else None)
    if f is None or f[2] <= p:
        b = bounds.bound_before(text, p)
        f = fractions.fraction_at(text, p, b is not None, b[1] if b else None)
        if f is None:
            return False
    n = _Num()
    n.value, n.nstart, n.nend = f
    n.start, n.end = n.nstart, n.nend
    n.unit, n.is_word, n.text = "percent", True, text[n.nstart : n.nend]
    if b is not None:
        n.bound, n.start = b
    _emit(st, n, n.bound, None)
    st.consumed = n.end
    return True


def _part_trigger(text: str, t: sre.Match, p: int) -> bool:
    """Can a part of a year start at trigger `t`? (ordinal first..fourth, a month name, the digit
    of `Q3`/`H1`, a 4-digit year followed by `Q1`/`H2`)."""
    w = t.group(0)
    if not w[0].isdigit():
        return w.lower() in _PART_WORDS
    if p and text[p - 1] in "QH":
        return True
    return len(w) == 4 and _YEAR_CODE.match(text, t.end()) is not None


def _part_digits(text: str, t: sre.Match, p: int, w: str) -> bool:
    """`_part_trigger` at a run of digits `w`."""
    return (p and text[p - 1] in "QH") or (
        len(w) == 4 and _YEAR_CODE.match(text, t.end()) is not None
    )


_URL_START = re.compile(r"(?r)(?:https?://|www\.|[\w.-]+@)[^\s]*")
_NON_SPACE = re.compile(r"[^\s]*")


def _in_url(text: str, p: int) -> bool:
    return _URL_START.match(text, max(0, p - 200), p) is not None


def _token_end(text: str, p: int) -> int:
    return _NON_SPACE.match(text, p).end()


def _dispatch(st: _State, m: re.Match) -> None:
    text = st.text
    g = _groups(m)
    if True:
        if m.group(g["num"]) is not None:
            _number_or_too_large(st, m.start(g["num"]), m)
        elif m.group(g["years"]) is not None:
            _years(st, m)
        elif m.group(g["rel"]) is not None:
            _period(st, periods.relative_period(m))
            st.consumed = m.end()
        elif m.group(g["present"]) is not None:
            off = st.off
            st.out.periods.append(Period(m.start() + off, m.end() + off, m.group(0), "present"))
        elif m.group(g["ord"]) is not None:
            reason = exclusions.ordinal_reason(text, m.start(), m.end())
            _ignore(st, m.start(), m.end(), m.group(0), reason)
        elif m.group(g["plan"]) is not None:
            _ignore(st, m.start(), m.end(), m.group(0), "plan_name")
        elif m.group(g["tech"]) is not None:
            _ignore(st, m.start(), m.end(), m.group(0), "technology")
        elif m.group(g["time"]) is not None:
            _ignore(st, m.start(), m.end(), m.group(0), "time")
        elif m.group(g["phone"]) is not None:
            _ignore(st, m.start(), m.end(), m.group(0), "phone")
        else:  # a date alternative
            p = periods.date_period(m)
            _period(st, p)
            _ignore(st, p.start, p.end, p.text, "date")
        if m.end() > st.consumed and m.group(g["num"]) is None and m.group(g["years"]) is None:
            st.consumed = m.end()


# ---- years -----------------------------------------------------------------------------------


def _years(st: _State, m: re.Match) -> None:
    text = st.text
    g = _groups(m)
    y_pre = m.group(g["y_pre"])
    single = not (m.group(g["y2"]) or m.group(g["y2s"]) or m.group(g["y_decade"]) or y_pre)
    start, end = m.start(), m.end()
    lead = periods.YEAR_LEAD.match(text, max(0, start - 40), start)
    if single and lead is None and _year_is_number(text, m.start(g["y1"]), m.end(g["y1"])):
        _number_or_too_large(st, m.start(g["y1"]))
        return
    y1, y2 = periods.year_bounds(m, g)
    p_start = lead.start("lead") if lead is not None and not y_pre else start
    # `(2022)` in a title: a year; the parentheses are not part of the period text
    off = st.off
    st.out.periods.append(
        Period(p_start + off, end + off, text[p_start:end], "year", year_start=y1, year_end=y2)
    )
    st.out.ignored.append(Ignored(start + off, end + off, m.group(0), "year"))
    st.consumed = end


def _year_is_number(text: str, start: int, end: int) -> bool:
    """A 4-digit number that reads as an amount, not a year: `2000 yuan`, `more than 1900
    enterprises`, `$2020`."""
    if unitmatch.currency_before(text, start) or bounds.bound_before(text, start, True):
        return True
    if _SCALE_AFTER.match(text, end) or ABBR.match(text, end):
        return True
    u = unitmatch.unit_after(text, end)
    if u is not None:
        return True
    # `the average number of apps per platform is 1950.`: the value of a number/total/average
    if COPULA_BEFORE.match(text, max(0, start - 12), start) and CLAUSE_END_AFTER.match(text, end):
        if AMOUNT_SUBJECT.search(text, max(0, start - 90), start):
            return True
    # `the 2024 targets`, `its 2023 results`: a year modifying the noun, not a count
    if YEAR_DETERMINER.match(text, max(0, start - 8), start):
        return False
    # `the State Council's 2017 guiding opinions`, `Big Data Expo 2021 closes`: a year after a
    # possessive or as the last word of a name (a capitalised word inside the sentence)
    if YEAR_OF_NAME.search(text, max(0, start - 40), start):
        return False
    c = counts.counted_noun(text, end)
    return c is not None and c[1][:1].islower() and c[0] not in exclusions.TIME_UNITS


YEAR_OF_NAME = re.compile(r"(?:['\u2019]s|(?<=[\w,][ \t]{1,3})\p{Lu}\p{Ll}+)[ \t]+$")
# a footprint: `covering six areas`, `spanning five countries`
FOOTPRINT_BEFORE = re.compile(
    r"(?r)\b(?:cover(?:s|ed|ing)?|spann?(?:s|ed|ing)?|across)[ \t]+$", re.IGNORECASE
)
COPULA_BEFORE = re.compile(
    r"(?r)\b(?:is|was|are|were|stood at|stands at|totall?ed|came to|amounted to)[ \t]+$",
    re.IGNORECASE,
)
CLAUSE_END_AFTER = re.compile(r"[ \t]*(?:[.,;:)]|$)")
AMOUNT_SUBJECT = re.compile(
    r"\b(?:number|total|average|count|tally|amount|quantity|figure)\b(?![^.;:!?]*[.;:!?])",
    re.IGNORECASE,
)
YEAR_DETERMINER = re.compile(
    r"(?r)\b(?:the|this|these|those|its|their|our|his|her|whose)[ \t]+$", re.IGNORECASE
)


_SCALE_AFTER = re.compile(
    r"\s+(?:ten[\s-]+thousand|hundred|thousand|million|billion|trillion)\b", re.IGNORECASE
)

# ---- numbers ---------------------------------------------------------------------------------


class _Num:
    __slots__ = (
        "start", "end", "nstart", "nend", "value", "scale", "unit", "ustart", "uend",
        "counted", "phrase", "bound", "is_word", "text",
    )  # fmt: skip

    def __init__(self) -> None:
        self.unit = None
        self.ustart = self.uend = None
        self.counted = self.phrase = None
        self.bound = "exact"
        self.scale = 1.0

    def copy(self) -> _Num:
        c = _Num.__new__(_Num)
        c.start, c.end, c.nstart, c.nend = self.start, self.end, self.nstart, self.nend
        c.value, c.scale, c.unit, c.ustart, c.uend = (
            self.value, self.scale, self.unit, self.ustart, self.uend,
        )  # fmt: skip
        c.counted, c.phrase, c.bound, c.is_word, c.text = (
            self.counted, self.phrase, self.bound, self.is_word, self.text,
        )  # fmt: skip
        return c


if len(_Num.__slots__) != 14:
    raise RuntimeError("update _Num.copy for its slots")


def _read_number(st: _State, pos: int, found: re.Match | None = None) -> _Num | None:
    """The number phrase at `pos` with its scale abbreviation, unit or counted noun. `found`:
    a MASTER match whose `num` alternative matched at `pos` (the same match NUMBER_AT gives
    there: that alternative is the whole match, with the same flags), not matched again, or
    PLAIN_AT's (the same span, no `neg`)."""
    text = st.text
    m = (PLAIN_AT.match(text, pos) or NUMBER_AT.match(text, pos)) if found is None else found
    if m is None:
        return None
    raw = m.group(0)
    if "and" in raw:  # `27 trillion and 200 billion` adds; `between 180 billion and 200 billion`
        cut = additive_cut(raw, BETWEEN_NEAR.match(text, max(0, pos - 16), pos) is not None)
        if cut is not None:
            m = NUMBER_AT.match(text, pos, m.start() + cut)
            if m is None:
                return None
            raw = m.group(0)
    n = _Num()
    n.nstart, n.nend = m.start(), m.end()
    first_group = None
    if raw[-1] in "dnDN" and not any(ch.isdigit() for ch in raw):
        first_group = raw
        n.nend, raw = _comma_continuation(text, n.nstart, n.nend, raw)
    value = parse(raw)
    if value is None:
        return None
    neg = _groups(m)["neg"]
    if m.group(neg) and not (
        text[m.start(neg)] == "-" and signed_cells.labelled_reduction(text, m.start(neg))
    ):
        value = -value
    n.is_word = not (raw[0].isdigit() or any(ch.isdigit() for ch in raw))
    n.text = raw
    # (a scale word has cased letters: a figure without one, `2,310.5`, has none)
    sc = _SCALE_WORDS_RE.search(raw) if raw.lower() != raw.upper() else None
    if sc is not None:
        lead = parse(raw[: sc.start()]) if sc.start() > 0 else 1.0
        n.scale = value / lead if lead else 1.0
        if first_group is not None and len(raw) > len(first_group):
            n.scale = trailing_scale(first_group)  # `three million, seven hundred thousand`
    end = n.nend
    if not n.is_word:
        # (ABBR is case-sensitive: it can only begin with one of _ABBR_FIRST, and after a space
        # or a tab only with one of _ABBR_SPACED)
        c = text[end : end + 1]
        a = (
            ABBR.match(text, end)
            if c in _ABBR_FIRST and (c not in " \t" or text[end + 1 : end + 2] in _ABBR_SPACED)
            else None
        )
        if a is not None:
            abbr = a.group("att") or a.group("sp")
            factor = SCALE_ABBR[abbr]
            if abbr == "m" and not _m_is_million(text, n.nstart, a.end()):
                factor = 0.0
            if factor:
                value *= factor
                n.scale = factor
                end = a.end()
        if a is None and n.scale == 1.0:
            # (CN_TABLE_SCALE: spaces or tabs, then `1`)
            cn = (
                CN_TABLE_SCALE.match(text, end)
                if text[end : end + 1] in (" ", "\t") and text[end + 1 : end + 2] in _CN_SECOND
                else None
            )
            if cn is not None and (
                unitmatch.unit_after(text, cn.end()) is not None
                or unitmatch.cn_table_count_after(text, cn.end())
            ):
                factor = 1e8 if cn.group("e8") else 1e4
                value *= factor
                n.scale = factor
                end = cn.end()
    n.value = value
    # currency sign or code before, unit token after
    cur = unitmatch.currency_before(text, n.nstart)
    n.start = n.nstart
    unit = unitmatch.unit_after(text, end)
    if cur is not None:
        n.unit, n.start = cur
        if unit is not None and BY_CODE[unit[0]].base_code == BY_CODE[cur[0]].base_code:
            end = unit[2]  # `$ 10 dollars`
        n.ustart, n.uend = n.start, n.nstart
    elif unit is not None:
        n.unit, n.ustart, n.uend = unit
        end = n.uend
        if n.unit == "times" and _times_is_count(text, n, value):
            n.unit, n.counted, n.phrase = "count", "times", text[n.ustart : n.uend]
    n.end = end
    return n


# a number written in words continues after a comma with a group of a lower scale:
# `three million, seven hundred and seventeen thousand` = 3,717,000, `four million, five hundred
# thousand` = 4,500,000; a list (`three, four and five`, `7 million, 2 million`) is not joined
COMMA_WORDS = re.compile(r",[ \t]+(?=[a-z])")
_BIG_SCALE_END = re.compile(r"(?r)\b(?:thousand|million|billion|trillion)$", re.IGNORECASE)


def _comma_continuation(text: str, start: int, end: int, raw: str) -> tuple[int, str]:
    while _BIG_SCALE_END.search(raw) is not None:
        c = COMMA_WORDS.match(text, end)
        if c is None:
            break
        m2 = NUMBER_AT.match(text, c.end())
        if m2 is None or m2.group(_NUMBER_NEG) or any(ch.isdigit() for ch in m2.group(0)):
            break
        part = m2.group(0)
        if part.lower().startswith(("a ", "an ")):
            break
        v2 = parse(part)
        if v2 is None or v2 >= trailing_scale(raw):
            break
        end = m2.end()
        raw = text[start:end]
    return end, raw


# `times` after a number is a multiplier (`3 times higher than`, `increased 2.5 times`) unless the
# number is large or carries a scale word and nothing compares: then it counts occurrences
# (`a resolution volume of 300 billion times`, `about 150 million times a day`)
TIMES_COMPARE_AFTER = re.compile(
    r"\s+(?:than|as|that|those|the|its|their|what|over|more|less|higher|lower|larger|greater"
    r"|bigger|smaller|faster|slower|stronger|better|cheaper|longer|shorter|wider|denser|richer"
    r"|[a-z]+er\s+than)\b",
    re.IGNORECASE,
)
TIMES_COMPARE_BEFORE = re.compile(
    r"(?r)\b(?:(?:increase|growth|rise|jump|gain|expansion|multiple)s?\s+of|increased|increases"
    r"|increasing|grew|grown|grow|rose|risen|jumped|expanded|multiplied|surged|soared|climbed"
    r"|up|by)\s+(?:(?:more\s+than|over|about|nearly|almost|around|some|roughly|approximately"
    r"|at\s+least|up\s+to|as\s+much\s+as)\s+)?",
    re.IGNORECASE,
)


def _times_is_count(text: str, n: _Num, value: float) -> bool:
    if text[n.ustart : n.uend].lower() != "times":
        return False  # `-fold`, `fold`: always a multiplier
    if abs(value) < 1000 and n.scale == 1.0:
        return False
    if TIMES_COMPARE_AFTER.match(text, n.uend):
        return False
    return TIMES_COMPARE_BEFORE.match(text, max(0, n.nstart - 40), n.nstart) is None


def _m_is_million(text: str, nstart: int, end: int) -> bool:
    """`73m users`, `$5m`: million; `100m` alone is ambiguous (metres) and is not read."""
    if unitmatch.currency_before(text, nstart):
        return True
    c = counts.counted_noun(text, end)
    return c is not None


def _read_ahead(
    st: _State, pos: int, found: re.Match | None = None
) -> tuple[_Num | None, str | None]:
    """`_read_number` and `_finish` of a number after the current one (`found`: NUMBER_AT's
    match at `pos`, matched again when None): both depend only on the text and the position, so
    copies are kept in `st.read` for `_number` when the scan reaches `pos`."""
    n = _read_number(st, pos, found)
    if n is None:
        st.read[pos] = (None, None, None)
        return None, None
    before = n.copy()
    reason = _finish(st, n)
    st.read[pos] = (before, reason, n.copy())
    return n, reason


_DENOMINATOR_WORDS = ("per", "every", "each")
if exclusions.DENOMINATOR.pattern != r"(?r)\b(?:per|every|each)\s+":
    raise RuntimeError("update _DENOMINATOR_WORDS for exclusions.DENOMINATOR")


def _finish(st: _State, n: _Num) -> str | None:
    """Counted noun, rhetorical/duration exclusions; returns an ignore reason or None."""
    text = st.text
    # (`str.isspace` holds for every `\s`: DENOMINATOR ends with one)
    if (
        n.start
        and text[n.start - 1].isspace()
        # (DENOMINATOR ends with `per`, `every` or `each` and spaces: the last word is looked
        # at first; `\s` is `str.isspace`)
        and text[max(0, n.start - 12) : n.start].rstrip().lower().endswith(_DENOMINATOR_WORDS)
        and exclusions.DENOMINATOR.match(text, max(0, n.start - 12), n.start)
    ):
        # `per 10,000 people`, `every 1 yuan invested`: the base of a ratio, not a figure
        c = counts.counted_noun(text, n.end) if n.unit is None else None
        if c is not None:
            n.end = c[3]
        return "denominator"
    if n.unit is None:
        if (
            n.nend - n.nstart <= 2
            and exclusions.LIST_PAREN_AFTER.match(text, n.nend)
            and exclusions.LIST_PAREN_BEFORE.match(text, max(0, n.nstart - 4), n.nstart)
        ):
            return "list_number"  # `(2) Network infrastructure.`
        after = text[n.nend : n.nend + 1]  # COMPOUND and DURATION_HYPHEN begin with `-`
        if after == "-" and exclusions.COMPOUND.match(text, n.nend):
            return "compound_modifier"
        if after == "-" and exclusions.DURATION_HYPHEN.match(text, n.nend):
            return "duration"
        at_end = text[n.end : n.end + 1]  # ATTACHED_LETTER: an ASCII letter; CODE_PLUS: `+`
        if (
            ("a" <= at_end <= "z" or "A" <= at_end <= "Z")
            or (n.nstart and text[n.nstart - 1].isalpha())
            or (at_end == "+" and CODE_PLUS.match(text, n.end))
            or (n.nstart > 1 and text[n.nstart - 1] == "+" and text[n.nstart - 2].isdigit())
        ):
            return "code"
        low = n.text.lower()
        if low in ("one", "a", "an") and (
            exclusions.ONE_PRONOUN.match(text, n.end)
            or exclusions.ONE_DETERMINER.match(text, max(0, n.nstart - 12), n.nstart)
        ):
            return "pronoun"
        # `3,900+ firms`, `80-odd enterprises` (SUFFIX begins with `+`, `-`, a space or a tab)
        suffix = bounds.SUFFIX.match(text, n.end) if at_end in _SUFFIX_FIRST else None
        c = counts.counted_noun(text, n.end if suffix is None else suffix.end())
        if c is None and low == "one" and exclusions.ONE_SINGULAR.match(text, n.end):
            return "singular"  # `one leading company`: an article, not a statistic
        if c is not None:
            counted, phrase, _pstart, head_end = c
            if counted.lower() in exclusions.TIME_UNITS:
                return "duration"
            if (
                low in exclusions.SMALL_NUMBER_WORDS
                and counted.lower() in exclusions.RHETORICAL_NOUNS
                and not FOOTPRINT_BEFORE.match(text, max(0, n.nstart - 16), n.nstart)
            ):
                return "rhetorical_count"  # `five key tasks`; `covering six areas` is a fact
            if n.scale == 1.0 and exclusions.TOP_RANK.match(text, max(0, n.nstart - 6), n.nstart):
                return "rank"  # `Top 500 enterprises`, `the top 10 companies`: a ranking list
            n.unit = "count"
            n.counted = counted
            n.phrase = phrase
            n.ustart, n.uend = c[2], head_end
            n.end = head_end
            if suffix is not None:
                n.bound = bounds.suffix_bound(suffix)
    return None


_SUFFIX_FIRST = frozenset("+- \t")


def _shared_unit(st: _State, n: _Num, depth: int = 0) -> None:
    """A bare number takes the unit (and counted noun) of a later number when the two are
    listed (`30.16 million and 30.09 million units respectively`, `29.2, 6.7 and 26.6 percent`)
    with the same scale, or counts the noun of the set it is part of (`62 of the world's 153
    lighthouse factories`). The span stays the number."""
    text = st.text
    c = text[n.end : n.end + 1]  # LIST_SEP begins with `,`, a space or a tab; OF_SET with one
    m = LIST_SEP.match(text, n.end) if c in _LIST_FIRST else None
    of_set = m is None and depth == 0 and c in _OF_FIRST and OF_SET.match(text, n.end)
    if m is None and not of_set:
        return
    pos = (m or of_set).end()
    second, reason = _read_ahead(st, pos)
    if second is None or reason is not None:
        return
    if of_set:
        if second.unit == "count" and second.counted and n.value <= second.value:
            n.unit, n.counted, n.phrase = "count", second.counted, second.phrase
        return
    if abs(second.scale - n.scale) > 1e-9 * n.scale or second.value <= 0:
        return
    if m.group(0).strip() == ",":  # `29.2, 6.7 and 26.6 percent`: the list must end with `and`
        if second.unit is not None or depth >= 3:
            return
        _shared_unit(st, second, depth + 1)
    if second.unit is not None:
        n.unit, n.counted, n.phrase = second.unit, second.counted, second.phrase


# a value this large is no statistic (world GDP is ~1e14 USD); parsing a run of thousands of
# digits or scale words can overflow the decimal context
TOO_LARGE = 1e18


def _number_or_too_large(st: _State, pos: int, found: re.Match | None = None) -> None:
    """`_number`, except that a number too large to be a statistic (decimal overflow, a value
    of TOO_LARGE or more, not finite) is set aside as `too_large` and the scan goes on."""
    n_q = len(st.out.quantities)
    try:
        _number(st, pos, found)
        qs = st.out.quantities
        large = False
        for i in range(n_q, len(qs)):
            v = qs[i].value
            if not math.isfinite(v) or abs(v) >= TOO_LARGE:
                large = True
                break
    except (ArithmeticError, ValueError):
        large = True
    if not large:
        return
    end = max(_NON_SPACE.match(st.text, pos, pos + 200).end(), st.consumed)
    for q in st.out.quantities[n_q:]:
        end = max(end, q.end - st.off)
    del st.out.quantities[n_q:]
    _ignore(st, pos, end, st.text[pos:end], "too_large")
    st.consumed = max(st.consumed, end)


def _number(st: _State, pos: int, found: re.Match | None = None) -> None:
    text = st.text
    ahead = st.read.pop(pos, None) if st.read else None
    n = _read_number(st, pos, found) if ahead is None else ahead[0]
    if n is None:
        return
    if (
        n.nstart > 1
        and text[n.nstart - 1] == "-"
        and text[n.nstart - 2].isalpha()
        and SCALE_ONLY.fullmatch(n.text)
    ):  # `multi-billion-dollar`, `multi-million`: no number
        _ignore(st, n.nstart, n.end, text[n.nstart : n.end], "compound_modifier")
        st.consumed = n.end
        return
    if n.text[0] in _SCALE_LEAD_FIRST and SCALE_LEAD.match(n.text):
        # `the hundred million yuan mark`, `million-strong`: a scale word with no number before
        # it (`a million` has one) is never a figure
        st.consumed = n.end
        return
    if ahead is None:
        reason = _finish(st, n)
    else:
        reason, n = ahead[1], ahead[2]
    if reason is not None:
        _ignore(st, n.nstart, n.end, text[n.nstart : n.end], reason)
        st.consumed = n.end
        return
    if n.unit is None:
        _shared_unit(st, n)
    b = bounds.bound_before(
        text, n.start, n.unit == "count", n.scale > 1.0 or abs(n.value) >= 1000, n.scale > 1.0
    )
    if b is not None:
        n.bound, n.start = b
    conv = _converts(st, n)
    # a range: `3 to 5 percent`, `between 10 and 20 billion yuan`, `Three to five platforms`
    second = _range_end(st, n)
    if second is not None:
        st.range_id += 1
        rid = st.range_id
        if n.unit is None and second.unit is not None:
            n.unit, n.counted, n.phrase = second.unit, second.counted, second.phrase
        if n.scale == 1.0 and second.scale > 1.0 and abs(n.value) < 1000:
            n.value *= second.scale
        _emit(st, n, "lower" if n.bound in ("exact", "approx") else n.bound, rid, conv)
        after = bounds.bound_after(text, second.end)
        _emit(st, second, after[0] if after else "upper", rid, conv)
        st.consumed = after[1] if after else second.end
        return
    after = bounds.bound_after(text, n.end)
    if after is not None:
        n.bound, n.end = after
    _emit(st, n, n.bound, None, conv)
    st.consumed = n.end


def _converts(st: _State, n: _Num) -> int | None:
    """Index of the amount that the bracketed amount `n` converts to another currency, else None:
    `1.2 trillion yuan ($168 billion)` -> the yuan amount. Both must be money in different
    currencies and only the bracket (and `or`, `i.e.`, `equivalent to`) may separate them."""
    if n.unit is None or len(st.out.quantities) == st.q0:  # (none yet in this piece)
        return None
    code = BY_CODE[n.unit].base_code if n.unit in BY_CODE else None
    if code not in CURRENCY_CODES:
        return None
    prev = st.out.quantities[-1]
    prev_end = prev.end - st.off
    if prev.unit not in CURRENCY_CODES or prev.unit == code or prev_end > n.start:
        return None
    m = CONVERSION_OPEN.match(st.text, max(prev_end, n.start - 40), n.start)
    if m is None or m.start() != prev_end:
        return None
    return len(st.out.quantities) - 1


def _range_end(st: _State, n: _Num) -> _Num | None:
    text = st.text
    c = text[n.end : n.end + 1]  # RANGE_SEP begins with a space, a dash, `~`, `to`, `and`, `or`
    sep = RANGE_SEP.match(text, n.end) if c.isspace() or c in _RANGE_FIRST else None
    if sep is None:
        return None
    word = sep.group(0).strip().lower()
    if word == "and" and not BETWEEN.match(text, max(0, n.start - 9), n.start):
        return None
    if word == "or":
        return None
    if (
        word in ("-", "–", "—", "~")
        and n.unit is not None
        and n.unit != "percent"
        and (n.end != n.nend)
        and n.unit == "count"
    ):
        return None
    # (CHANGE_FROM ends with `from` and spaces, `str.isspace`: the last word is looked at first)
    lead = text[max(0, n.start - 60) : n.start]
    if (
        lead[-1:].isspace()
        and lead.rstrip().lower().endswith("from")
        and CHANGE_FROM.match(text, max(0, n.start - 60), n.start)
    ):
        return None
    pos = sep.end()
    m2 = PLAIN_AT.match(text, pos) or NUMBER_AT.match(text, pos)
    if m2 is None and n.unit is not None:
        # `US$680 billion to US$720 billion`: the second end repeats the currency sign
        cur = unitmatch.currency_at(text, pos)
        if cur is not None and cur[0] == n.unit:
            pos = cur[1]
            m2 = PLAIN_AT.match(text, pos) or NUMBER_AT.match(text, pos)
    if m2 is None or m2.group(_groups(m2)["neg"]):
        return None
    # a year after `to` is a period, not the end of a range
    second, reason = _read_ahead(st, pos, m2)
    if second is None:
        return None
    if reason is not None:
        return None
    if n.unit is not None and second.unit is not None and n.unit != second.unit:
        return None
    if n.unit == "percent" and second.unit is None and second.value > 100:
        return None  # `the index rose 1.5% to 4,115.05`: a change and the level it reached
    if n.unit is not None and second.unit is None and n.unit != "count":
        second.unit = n.unit
    if n.unit == "count" and second.unit is None:
        second.unit, second.counted, second.phrase = n.unit, n.counted, n.phrase
    # (as in `_emit`'s caller: `800,000 to 1.5 million yuan` keeps 800,000 unscaled)
    scaled = n.scale == 1.0 and second.scale > 1.0 and abs(n.value) < 1000
    v1 = n.value * (second.scale if scaled else 1.0)
    if second.value <= v1:
        return None
    return second


def _emit(
    st: _State, n: _Num, bound: str, range_id: int | None, converts: int | None = None
) -> None:
    value, unit = n.value, n.unit
    if unit is not None and unit != "count":
        value, unit = normalise(value, unit)
    off = st.off
    if bound == "exact" and range_id is None and st.out.quantities:
        prev = st.out.quantities[-1]
        if (
            prev.bound in ("lower", "upper")
            and prev.unit == unit
            and prev.range_id is None
            and coordinated.shared_bound(
                st.text, prev.start - off, prev.number_start - off, prev.end - off, n.start
            )
        ):
            bound = prev.bound  # `exceed 70 percent by 2027 and 90 percent by 2030`
    # positional arguments, in the order of the fields (checked with `_QUANTITY_FIELDS`)
    st.out.quantities.append(
        Quantity(
            n.start + off,
            n.end + off,
            st.text[n.start : n.end],
            value,
            unit,
            n.counted,
            bound,
            n.nstart + off,
            n.nend + off,
            range_id,
            None if n.ustart is None else n.ustart + off,
            None if n.uend is None else n.uend + off,
            n.phrase,
            converts,
        )
    )


_QUANTITY_FIELDS = (
    "start end text value unit counted bound number_start number_end range_id unit_start"
    " unit_end noun_phrase converts"
)
if tuple(f.name for f in fields(Quantity)) != tuple(_QUANTITY_FIELDS.split()):
    raise RuntimeError("update _emit for the fields of Quantity")
_PERIOD_FIELDS = "start end text kind year_start year_end month day offset_start offset_end part"
if tuple(f.name for f in fields(Period)) != tuple(_PERIOD_FIELDS.split()):
    raise RuntimeError("update _period for the fields of Period")


def _ignore(st: _State, start: int, end: int, text: str, reason: str) -> None:
    """Set aside text[start:end] of the piece (offsets shifted into the whole text)."""
    st.out.ignored.append(Ignored(start + st.off, end + st.off, text, reason))


def _period(st: _State, p: Period) -> None:
    """Append a period found in the piece, its offsets shifted into the whole text."""
    off = st.off
    if off:
        p = Period(
            p.start + off,
            p.end + off,
            p.text,
            p.kind,
            p.year_start,
            p.year_end,
            p.month,
            p.day,
            p.offset_start,
            p.offset_end,
            p.part,
        )
    st.out.periods.append(p)
