"""Which of a fixed set of phrase parts occur in a stretch of normalised text, found in one scan.

`PartFinder(parts).present(text, lo, hi)` is the set of parts that occur as substrings of
`text[lo:hi]`, the same as `{p for p in parts if p in text[lo:hi]}` but with one regular
expression pass instead of one substring search per part: a trie-shaped alternation of all the
parts inside a lookahead is tried at every position and gives the longest part starting there;
every shorter part starting at the same position is a prefix of that one, so each match adds
the parts that are prefixes of the longest (precomputed). Case-sensitive, like `in`.
`present_at_word_starts` is the same for occurrences at a word start only (the position is 0 or
follows a character that is not `str.isalnum`), tried at word starts only.
"""

from __future__ import annotations

import re

from pipeline.lib.quantities.extractor import trie_pattern


class PartFinder:
    """The parts of a fixed set present in stretches of text."""

    def __init__(self, parts) -> None:
        self.parts = tuple(sorted(set(parts)))
        if any(not p for p in self.parts):
            raise ValueError("empty part")
        self._trie = trie_pattern(self.parts)
        self._scan: re.Pattern[str] | None = None  # compiled when first used (a long trie)
        self._word_scan: re.Pattern[str] | None = None
        self._prefixes = {
            p: frozenset(q for q in self.parts if p.startswith(q)) for p in self.parts
        }

    def present(self, text: str, lo: int = 0, hi: int | None = None) -> frozenset[str]:
        """The parts occurring inside text[lo:hi] (as substrings)."""
        hi = len(text) if hi is None else hi
        if self._scan is None:
            self._scan = re.compile("(?=(" + self._trie + "))")
        return self._with_prefixes(set(self._scan.findall(text, lo, hi)))

    def present_at_word_starts(
        self, text: str, lo: int = 0, hi: int | None = None
    ) -> frozenset[str]:
        """The parts occurring inside text[lo:hi] at a word start."""
        hi = len(text) if hi is None else hi
        if self._word_scan is None:
            # (`[^\W_]` is a character for which `str.isalnum` holds; the look-behind sees the
            # text before `lo`, as a word start does)
            self._word_scan = re.compile(r"(?<![^\W_])(?=(" + self._trie + "))")
        return self._with_prefixes(set(self._word_scan.findall(text, lo, hi)))

    def _with_prefixes(self, longest: set[str]) -> frozenset[str]:
        if not longest:
            return frozenset()
        prefixes = self._prefixes
        out: set[str] = set()
        for p in longest:
            out |= prefixes[p]
        return frozenset(out)
