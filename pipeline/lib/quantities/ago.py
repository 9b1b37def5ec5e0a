"""Where an `N years ago` (the extractor's `AGO_AT`) can begin, found once per text.

Every match of `AGO_AT` (`\\b(?P<rel_ago>NUMBER)\\s+years?\\s+ago\\b`, case-insensitive) is a
number phrase, spaces, then `years? ago`: found with the same engine and flags (`_TAIL`), each
such tail at `y` can end a match only from a start between `reach(y)` and `y`, where `reach`
walks back from `y` over what a number phrase and spaces can hold (digits, spaces, `,.-+`, the
words of `numbers`: number words, scale words, `and`, `a`, `an`, `point`, the `e` of an
exponent) and stops at anything else. Anything not ASCII is walked over (the engine reads
Unicode digits and spaces, and case-folds some non-ASCII letters to ASCII ones), and so is a run
of ASCII letters next to one. So `AgoStarts.possible(s)` is False only where `AGO_AT` surely
does not match at `s` (a test checks it against the pattern); the extractor asks it before
running `AGO_AT` at every trigger of a text holding `ago` somewhere after it.
"""

from __future__ import annotations

from bisect import bisect_right

import regex as re

from .numbers import SCALE_WORDS, SMALL_WORDS

_TAIL = re.compile(r"years?\s+ago\b", re.IGNORECASE)
_WORDS = frozenset(SMALL_WORDS) | frozenset(SCALE_WORDS) | {"and", "a", "an", "point", "e"}
_PASS = frozenset("0123456789,.-+")


def _is_letter(ch: str) -> bool:
    return ("a" <= ch <= "z") or ("A" <= ch <= "Z")


def reach(text: str, y: int) -> int:
    """The leftmost position from which text[pos:y] can be a number phrase and spaces (a
    superset: see the module docstring)."""
    i = y
    while i > 0:
        ch = text[i - 1]
        if ch in _PASS or ch.isspace() or not ch.isascii():
            i -= 1
            continue
        if not _is_letter(ch):
            break
        j = i - 1
        while j > 0 and _is_letter(text[j - 1]):
            j -= 1
        beside_other = (j > 0 and not text[j - 1].isascii()) or (
            i < len(text) and not text[i].isascii()
        )
        if not beside_other and text[j:i].lower() not in _WORDS:
            break
        i = j
    return i


class AgoStarts:
    """The starts at which `AGO_AT` may match in one text."""

    __slots__ = ("tails", "least")

    def __init__(self, text: str) -> None:
        self.tails: list[int] = []  # where each `years? ago` begins, in order
        reaches: list[int] = []
        for m in _TAIL.finditer(text):
            self.tails.append(m.start())
            reaches.append(reach(text, m.start()))
        # least[k]: the smallest reach of tails k, k + 1, ... (a start before tail k may end at
        # any later tail)
        self.least = reaches
        for k in range(len(reaches) - 2, -1, -1):
            if reaches[k + 1] < reaches[k]:
                reaches[k] = reaches[k + 1]

    def possible(self, s: int) -> bool:
        """False where no `AGO_AT` match can begin at `s`."""
        k = bisect_right(self.tails, s)
        return k < len(self.tails) and self.least[k] <= s
