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
# (`10G-PON ports`: a technology token may carry a hyphenated suffix)
WORDS = re.compile(
    r"(?:[ \t]+(?:[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*|\d+[A-Z]\b(?:-[A-Za-z]+)*)){1,5}"
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*|\d+[A-Z]\b(?:-[A-Za-z]+)*")

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
    makes takes comes goes seems needs""".split()
)  # fmt: skip
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


def _plural(w: str) -> bool:
    lw = w.lower()
    if lw in IRREGULAR:
        return True
    if len(lw) < 3 or not lw.endswith("s") or lw in NOT_PLURAL:
        return False
    return not lw.endswith(("ss", "us", "is", "ous", "'s", "’s"))


def counted_noun(text: str, end: int) -> tuple[str, str, int, int] | None:
    """(counted, noun_phrase, phrase_start, head_end) for the noun counted by a number at `end`."""
    m = WORDS.match(text, end)
    if m is None:
        return None
    first = None
    for w in _WORD.finditer(text, m.start(), m.end()):
        word = w.group(0)
        lw = word.lower()
        if lw in STOP:
            return None
        if first is None:
            first = w.start()
        if _plural(word):
            head = lw if not word.isupper() else word
            # `top-level nodes` -> `nodes`; keep the head's own case except for a sentence start
            return head.split("-")[-1], text[first : w.end()], first, w.end()
    return None
