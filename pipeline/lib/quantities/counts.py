"""Counts: the noun a bare number counts (`more than 150 industrial Internet platforms`).

After a number with no unit, up to five words are read: modifiers are skipped until the first
word that looks like a plural noun (or an irregular plural such as `people`), which becomes the
counted noun; the words up to it are the noun phrase. Function words, verbs and punctuation stop
the search: `exceed 4 trillion, and` and `4.45 trillion in 2022` are bare numbers. A number
counting time units is a duration, not a count.
"""

from __future__ import annotations

import regex as re

# up to five words right after the number, each optionally hyphenated (`top-level`)
# (technology tokens such as `5G` may sit among the modifiers: `2.31 million 5G base stations`)
# (`10G-PON ports`: a technology token may carry a hyphenated suffix; `5G/4G base stations`: a
# slash list of technology tokens is one token); words are separated by
# spaces or by one line break inside a sentence (`4.37 million\nusers`), never by a blank line;
# a quoted modifier (`"little giant" enterprises`, `"small, quick, light and precise" products`) is
# one token, as is an abbreviation with `&` (`2,913 R&D personnel`); seven tokens when the phrase
# coordinates modifiers (`small and medium-sized enterprises`) or quotes one
# (nor by a line break before a `Label: ...` line of a list: `Connected devices: 1.2 million` /
# `Industrial apps: about 5,800` counts no apps in the first line)
_SEP = r"(?:[ \t]+|[ \t]*\r?\n[ \t]*(?![\r\n])(?![^\n.;!?:]{1,60}[:\uff1a]))"
_TOK = (
    r"[A-Z]{1,3}&[A-Z]{1,3}\b|[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*|\d+[A-Z](?:/\d+[A-Z])*\b(?:-[A-Za-z]+)*"
    r"|[\"“][^\"“”\n.;:!?]{1,40}(?<!,)[\"”]|&"
)
WORDS = re.compile(rf"(?:{_SEP}(?P<tok>{_TOK})){{1,7}}")
MAX_PLAIN = 5
# modifiers that can be coordinated before the head noun: hyphenated (`medium-sized`,
# `cross-industry`), adjective endings, and common short adjectives
_ADJ_END = ("al", "ic", "ive", "ous", "ed", "ing", "ful", "ent", "ant", "ary", "ile", "ble", "ish")
_ADJ = frozenset(
    """small large big new old key major high low micro medium top public private state local
    smart green digital core main basic advanced modern rural urban foreign domestic""".split()
)


def _adjectival(w: str) -> bool:
    lw = w.lower()
    return "-" in lw or lw in _ADJ or lw.endswith(_ADJ_END)


STOP = frozenset(
    """a an the of in on at to for with by from and or but nor as that which who whom whose than
    then this these those its it their our your his her is are was were be been being has have
    had do does did will would shall should can could may might must not no so such including
    include includes included per each every across into onto over under above below about
    after before during since until till through between among against within without via
    according year-on-year respectively while when where whereas if although though because
    more less most least only also even just still yet already again there here what how why
    up down out off very too much many some any all both either neither other another same
    own ago equals means remains shows accounts represents indicates reaches exceeds becomes
    makes takes comes goes seems needs
    two three four five six seven eight nine ten eleven twelve""".split()
)  # fmt: skip
# (a number word after the number starts another phrase: `up from 8,100 two years earlier`)
IRREGULAR = frozenset(
    """people persons staff personnel children men women police cattle livestock sheep fish
    aircraft spacecraft equipment machinery""".split()
)
# words ending in `s` that are not plural nouns
NOT_PLURAL = frozenset(
    """this its his hers ours yours theirs is was has does always perhaps thus plus whereas
    besides towards afterwards sometimes nevertheless various serious previous numerous
    famous ous news series species analysis basis crisis status bonus campus corpus virus
    focus census consensus process access success business progress express address gross
    less across unless chaos bias gas lens""".split()
)  # fmt: skip


# fixed coordinated pairs that name one set (`countries and regions`)
_PAIR_HEADS = frozenset({"countries", "economies", "provinces"})
_PAIRED = re.compile(
    r"[ \t]+and[ \t]+(?:regions|territories|municipalities|autonomous regions)\b", re.I
)


# nouns that end a time phrase, not modifiers of a counted noun (`2,000 last year and users`)
_NOT_MODIFIER = frozenset("year month week day quarter time period half".split())


# a past participle that starts a post-modifier (`recognised by`, `named in`, `built by`)
_POST_PARTICIPLE = re.compile(r"[a-z]{3,}ed|built|chosen|known|held|run|set|made")


def _noun_modifiers(prev: str, toks: list[str], i: int) -> bool:
    """`pilot and demonstration projects`, `innovation and development projects`: nouns used as
    coordinated modifiers; the word after `and` is a singular noun and the plural head follows
    within two words."""
    if prev.lower() in _NOT_MODIFIER or not prev.isalpha():
        return False
    nxt = toks[i + 1]
    if not nxt.isalpha() or nxt.lower() in STOP or _plural(nxt):
        return False
    for w in toks[i + 2 : i + 4]:
        if w.lower() in STOP or not w[0].isalpha():
            return False
        if _plural(w):
            return True
    return False


# an acronym's plural (`TEUs`, `PLCs`, `GPUs`): `TEUs` would otherwise end like `status`
_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,5}s")


def _plural(w: str) -> bool:
    lw = w.lower()
    if lw in IRREGULAR or (w[1:2].isupper() and _ACRONYM_PLURAL.fullmatch(w)):
        return True
    if len(lw) < 3 or not lw.endswith("s") or lw in NOT_PLURAL:
        return False
    return not lw.endswith(("ss", "us", "is", "ous", "'s", "’s"))


def plural_noun(w: str) -> bool:
    """Whether a word looks like a plural noun (`enterprises`, `people`; not `status`)."""
    return _plural(w)


def counted_noun(text: str, end: int) -> tuple[str, str, int, int] | None:
    """(counted, noun_phrase, phrase_start, head_end) for the noun counted by a number at `end`."""
    m = WORDS.match(text, end)
    if m is None:
        return None
    first = None
    prev = None
    limit = MAX_PLAIN
    coordinated = False
    toks = m.captures("tok")
    starts = m.starts("tok")
    quoted = None  # the last quoted token: the counted noun when nothing follows it
    for i, word in enumerate(toks):
        if i >= limit:
            return _quoted_head(text, first, quoted)
        lw = word.lower()
        c0 = word[0]
        if c0 in '"“':  # a quoted modifier
            if first is None:
                first = starts[i]
            limit = len(toks)
            prev = None
            quoted = (word, starts[i])
            continue
        if lw in ("and", "or", "&"):
            if prev is None and quoted is not None:
                return _quoted_head(text, first, quoted)  # `60 "future factories" and 1,031`
            # `small and medium-sized enterprises`: two modifiers of the same head;
            # `pilot and demonstration projects`: two noun modifiers, the head right after
            if coordinated or prev is None or i + 1 >= len(toks):
                return None
            if not _adjectival(prev) and not _noun_modifiers(prev, toks, i):
                return None
            nxt = toks[i + 1].lower()
            if nxt in STOP or nxt[0] in '"“':
                return None
            coordinated = True
            limit = len(toks)
            prev = None
            continue
        if prev is None and quoted is not None and _POST_PARTICIPLE.fullmatch(word):
            # `12 "lighthouse factories" recognised by ...`: a participle after a quoted plural
            head = _quoted_head(text, first, quoted)
            if head is not None:
                return head
        if lw == "such" and i == 0:  # `11 such plants`: a counted noun named before
            first = starts[i]
            continue
        if lw in STOP:
            return _quoted_head(text, first, quoted) if prev is None else None
        if first is None:
            first = starts[i]
        if _plural(word):
            head = lw if not word.isupper() else word
            w_end = starts[i] + len(word)
            pair = _PAIRED.match(text, w_end) if lw in _PAIR_HEADS else None
            if pair is not None:  # `40 countries and regions`: one set named by a fixed pair
                w_end = pair.end()
            # `top-level nodes` -> `nodes`; keep the head's own case except for a sentence start
            return head.split("-")[-1], text[first:w_end], first, w_end
        prev = word
    return _quoted_head(text, first, quoted)


def _quoted_head(
    text: str, first: int | None, quoted: tuple[str, int] | None
) -> tuple[str, str, int, int] | None:
    """`207 "gigabit cities" have been designated`: a quoted noun phrase right after the number,
    with no plural noun after it, is the counted noun (its last word, if plural)."""
    if quoted is None or first is None:
        return None
    word, start = quoted
    inner = word[1:-1].split()
    if not inner or not _plural(inner[-1].strip("'’")):
        return None
    head = inner[-1].lower()
    w_end = start + len(word)
    return head.split("-")[-1], text[first:w_end], first, w_end
