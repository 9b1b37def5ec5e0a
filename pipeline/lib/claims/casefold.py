"""Case-insensitive word patterns, run as case-sensitive patterns over a lower-cased copy.

Python's `re` is several times slower on an alternation of words with `re.IGNORECASE` (every
alternative is entered at every word start) than on the same alternation without it, where an
alternative whose first letter differs is skipped at once. `folded(pattern)` compiles a pattern
written in lower case without the flag; its `search`, `match`, `fullmatch` and `finditer` take the
original string and run over `fold(string)`, which gives exactly the matches (same offsets) the
pattern compiled with `re.IGNORECASE` gives on the original:

- `fold` keeps the length: ASCII capitals are lower-cased, and so are the only four other
  characters that `re.IGNORECASE` matches with ASCII letters (`\u0130`, `\u0131` -> `i`,
  `\u017f` -> `s`, `\u212a` -> `k`); other characters either keep their case or are lower-cased
  by `str.lower` when that keeps the length (a pattern without non-ASCII characters and
  without capitals matches them the same either way: letters stay letters for `\\w` and `\\b`);
- the pattern may not contain capitals (outside escapes and `(?P<name>`), non-ASCII characters
  (nor escapes for characters: `\\u`, `\\x`, `\\N`, octal), back-references or inline flags:
  `folded` raises ValueError otherwise.

Match objects refer to the folded string: callers use their offsets, never their text. The
fold of the last long strings seen (a document's text searched at many offsets) is kept.
"""

from __future__ import annotations

import re
import sys

from pipeline.lib.quantities.extractor import trie_pattern
from pipeline.lib.quantities.guards import required_literals

_SPECIAL = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_TABLE = str.maketrans({**{chr(c): chr(c + 32) for c in range(65, 91)}, **_SPECIAL})
_LONG = 512  # strings at least this long have their fold cached (by identity)
_cache: list[tuple[str, str]] = []
# the last short string folded (kept, so compared by identity) and its fold
_short: list = [None, ""]


def fold(s: str) -> str:
    """`s` with the same length, matched case-sensitively by a lower-case pattern exactly as
    `s` is matched by that pattern with `re.IGNORECASE`."""
    f = s.lower()
    if len(f) != len(s):  # `\u0130` lower-cases to two characters
        return s.translate(_TABLE)
    if not f.isascii() and ("\u017f" in f or "\u0131" in f):
        f = f.replace("\u017f", "s").replace("\u0131", "i")
    return f


def _folded_text(s: str) -> str:
    if len(s) < _LONG:
        # the string searched last (a claim's scope is asked about by several patterns in a row)
        if s is _short[0]:
            return _short[1]
        f = _short[1] = fold(s)
        _short[0] = s
        return f
    for orig, f in _cache:
        if orig is s:
            return f
    f = fold(s)
    _cache.insert(0, (s, f))
    del _cache[2:]
    return f


# searches repeated on the same string and bounds (the rules of several figures of a sentence
# ask the same questions of it): their result, kept for the last few thousand searches. A match
# object is immutable; the key holds the string, so it is compared by value (a text's fold is
# cached by identity, above, only while the text is kept there).
_MEMO_SIZE = 4096
_MAX_NEEDS = 80  # needed strings looked up at all (in a short stretch: `_lacks`)
_MAX_LOOP = 20  # ... one by one, with `find`
_TRIE_FROM = 8  # needed strings from which a short stretch is scanned for them all at once
_TRIE_SPAN = 64  # characters: the longest stretch scanned so

_memo: dict = {}
_MISS = object()  # a memo miss (None is a remembered failed search)

_CHECK = re.compile(
    r"(?P<esc>\\[uUxN0-9])|\\.|\(\?P[<=]|(?P<bad>[A-Z]|[^\x00-\x7f]|\(\?[aiLmsux-]+[:)])"
)


class FoldedPattern:
    """A case-insensitive pattern (see the module docstring)."""

    __slots__ = ("pattern", "_re", "_needs", "_loop", "_needs_re")

    def __init__(self, pattern: str) -> None:
        for m in _CHECK.finditer(pattern):
            bad = m.group("esc") or m.group("bad")
            if bad:
                raise ValueError(f"not a lower-case pattern ({bad!r}): {pattern!r}")
        self.pattern = pattern
        self._re = re.compile(pattern)
        # strings one of which every match contains (`guards.required_literals`): a search over
        # a stretch without any of them is not run (not for a list too long to look up, but
        # in a short stretch, where one scan of a trie-shaped pattern of them looks them all up)
        needs = required_literals(pattern)
        self._needs = needs if needs is not None and len(needs) <= _MAX_NEEDS else None
        self._loop = self._needs is not None and len(self._needs) <= _MAX_LOOP
        # (compiled at the first search: `_lacks`; None: no trie for a list this short)
        self._needs_re = (
            False if self._needs is not None and len(self._needs) >= _TRIE_FROM else None
        )

    def _lacks(self, f: str, pos: int, endpos: int) -> bool:
        """`f[pos:endpos]` surely holds none of the strings one of which every match needs
        (asked only when they are known). A scan of their trie is quicker than a `find` per
        string in a stretch of up to _TRIE_SPAN characters, slower in a longer one."""
        r = self._needs_re
        if r is not None and min(endpos, len(f)) - pos <= _TRIE_SPAN:
            if r is False:
                r = self._needs_re = re.compile(trie_pattern(sorted(set(self._needs))))
            return r.search(f, pos, endpos) is None
        if not self._loop:
            return False  # (too many to look up one by one: the pattern is searched)
        for need in self._needs:
            if f.find(need, pos, endpos) >= 0:
                return False
        return True

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize):
        key = (self, string, pos, endpos)
        m = _memo.get(key, _MISS)
        if m is not _MISS:
            return m
        if len(_memo) >= _MEMO_SIZE:
            _memo.clear()
        f = _short[1] if string is _short[0] else _folded_text(string)
        if self._needs is not None and self._lacks(f, pos, endpos):
            _memo[key] = None
            return None
        m = _memo[key] = self._re.search(f, pos, endpos)
        return m

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize):
        return self._re.match(_folded_text(string), pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize):
        return self._re.fullmatch(_folded_text(string), pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize):
        f = _short[1] if string is _short[0] else _folded_text(string)
        if self._needs is not None and self._lacks(f, pos, endpos):
            return iter(())  # every match holds one of the needed strings
        return self._re.finditer(f, pos, endpos)


def folded(pattern: str) -> FoldedPattern:
    return FoldedPattern(pattern)
