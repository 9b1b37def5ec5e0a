"""Paragraph, sentence and clause boundaries of one text, found once and looked up by bisection.

A paragraph is a line (news texts put one paragraph per line; blank lines separate nothing more),
except that a line starting in lower case right after a line that does not end a sentence
continues it (hard-wrapped text: `... accounting for 49.7% of GDP, and the` / `scale has ...`).
A sentence ends at `.`, `!`, `?` or `。` followed by space, a quote or an upper-case letter (so
`4.10` and `U.S.` stay inside), at a line break, or where a translation glued two sentences
together (`... has gradually formed At present, ...`: a lower-case word followed by a capitalised
time phrase). A clause is a stretch of a sentence between `,`, `;`, `:`, dashes and brackets.

`norm(text)` gives the lower-case, hyphen-free, straight-quoted copy used for phrase matching; it
has the same length as the text, so offsets carry over unchanged.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_NORM_TABLE = {ord(c): ord(c.lower()) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
_NORM_TABLE.update({ord(c): ord(" ") for c in "-\u2010\u2011\u2012\u2013\u2014_/"})
_NORM_TABLE.update({ord(c): ord("'") for c in "\u2018\u2019\u2032`"})
_NORM_TABLE.update({ord(c): ord('"') for c in "\u201c\u201d\u300a\u300b\u300c\u300d"})


_NON_ASCII_NORM = tuple((chr(k), chr(v)) for k, v in _NORM_TABLE.items() if k > 127)


def norm(text: str) -> str:
    """Lower case, hyphens and slashes as spaces, straight quotes; same length as `text`.

    The same as `text.translate(_NORM_TABLE)`, several times faster: `bytes.lower` lower-cases
    exactly the ASCII capitals (UTF-8 bytes of other characters are not ASCII), then one
    `replace` per other character of the table."""
    s = text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")
    s = s.replace("-", " ").replace("_", " ").replace("/", " ").replace("`", "'")
    if not s.isascii():
        for a, b in _NON_ASCII_NORM:
            if a in s:
                s = s.replace(a, b)
    return s


_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "no", "nos", "vs", "etc", "e.g", "i.e", "u.s", "u.k", "inc",
    "co", "ltd", "corp", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "fig", "approx", "est", "jr", "sr",
}  # fmt: skip

# end of sentence: terminal punctuation (+ closing quotes) then whitespace or a capital/quote
# (a reference mark after the stop belongs to the sentence it ends: `"on the cloud".[3] A second`)
_SENT_END = re.compile(
    r"[.!?\u3002\uff01\uff1f][\"'\u201d\u2019)]*(?:\[\d{1,3}\])*(?=\s|[A-Z\u201c\"]|$)"
)
# two sentences glued by a translation: `formed At present,` / `nationals There are`
_GLUED = re.compile(
    r"(?<=[a-z])\s+(?=(?:At present|So far|Currently|At the same time|Among them|In addition|"
    r"There (?:are|is|were|was)|In \d{4})\b)"
)
# every phrase of _GLUED contains one of these: a chunk without them has no glued sentences
_GLUED_HINTS = ("At ", "So far", "Currently", "Among them", "In ", "There ")
_WORD_DOT = re.compile(r"([\w.]+)\.$")
_PAR_END = frozenset(".!?:;\u3002\uff01\uff1f\uff1a\uff1b\"'\u201d\u2019)")
# (a comma is a separator unless between two digits: `(?<!\d),|,(?!\d)`, written without a
# look-behind tried at every position)
_CLAUSE_SEP_PLAIN = r",(?!(?<=\d,)\d)|[;:\uff0c\uff1b\uff1a()\uff08\uff09\u2014]|\s[-\u2013]\s"
# the same matches, written to start with one class of the first characters (`,`, the other
# separators, a space): the engine skips other characters without trying the alternatives
_CLAUSE_SEP = re.compile(
    r"[,;:\uff0c\uff1b\uff1a()\uff08\uff09\u2014\s]"
    r"(?:(?<=,)(?!(?<=\d,)\d)|(?<=[;:\uff0c\uff1b\uff1a()\uff08\uff09\u2014])|(?<=\s)[-\u2013]\s)"
)


@dataclass(slots=True)
class Segments:
    """Boundaries of one text. `paragraphs`, `sentences`: sorted (start, end) pairs."""

    text: str
    paragraphs: list[tuple[int, int]]
    sentences: list[tuple[int, int]]
    clause_cuts: list[int]  # positions of clause separators (sorted)
    _par_starts: list[int]
    _sent_starts: list[int]

    def paragraph_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._par_starts, pos) - 1)

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._sent_starts, pos) - 1)

    def sentence_at(self, pos: int) -> tuple[int, int]:
        return self.sentences[self.sentence_index(pos)]

    def paragraph_at(self, pos: int) -> tuple[int, int]:
        return self.paragraphs[self.paragraph_index(pos)]

    def sentences_of_paragraph(self, par: tuple[int, int]) -> list[tuple[int, int]]:
        i = bisect.bisect_left(self._sent_starts, par[0])
        j = bisect.bisect_left(self._sent_starts, par[1])
        return self.sentences[i:j]

    def clause_at(
        self, start: int, end: int, sentence: tuple[int, int] | None = None
    ) -> tuple[int, int]:
        """The clause holding [start, end): from the previous separator to the next one, within
        the sentence (`sentence`: the one holding `start`, when the caller has it)."""
        s0, s1 = sentence or self.sentence_at(start)
        i = bisect.bisect_right(self.clause_cuts, start - 1) - 1
        c0 = self.clause_cuts[i] + 1 if i >= 0 else s0
        j = bisect.bisect_left(self.clause_cuts, end)
        c1 = self.clause_cuts[j] if j < len(self.clause_cuts) else s1
        return max(c0, s0), min(c1, s1)


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _wrap_width(text: str, lines: list[tuple[int, int, int, bool]]) -> int:
    """The width a hard-wrapped text is wrapped at: the longest line (start of line to its
    end) that is continued by a line starting in lower case, when at least two such lines
    show the text is wrapped; 0 otherwise (one paragraph a line)."""
    found = []
    for (l0, _a, b, _bl), (_n0, na, _nb, nblank) in zip(lines, lines[1:], strict=False):
        if not nblank and text[na].islower() and text[b - 1] not in _PAR_END:
            found.append(b - l0)
    return max(found) if len(found) >= 2 else 0


def _wrapped_before_capital(
    text: str, prev_line: tuple[int, int] | None, a: int, b: int, width: int
) -> bool:
    """Does the line [a, b) starting in upper case (a name: `Chongqing; more than ...`)
    continue the previous line of a text wrapped at `width`? Only when the previous line ends
    in a word or a comma, and the first word of this line would not have fitted on it, or the
    previous line ends on a word no sentence ends on (`_OPEN_END`: `... From January to`)."""
    if prev_line is None:
        return False
    l0, pb = prev_line
    last = text[pb - 1]
    if not (last.isalpha() or last == ",") or not (text[a].isupper() or text[a].isdigit()):
        return False
    if last.isalpha() and _OPEN_END_ANY_CASE.search(text, max(l0, pb - 16), pb) is not None:
        return True  # `... From January to` / `August this year, ...`: no sentence ends on `to`
    first = text.find(" ", a, b)
    word = (first if first >= 0 else b) - a
    return (pb - l0) + 1 + word > width


# a word a sentence does not end on: `equipment connections of` / `80 million sets by 2023`
_OPEN_END = re.compile(
    r"(?<![\w-])(?:of|to|by|the|a|an|and|or|than|at|with|from|about|around|nearly|over|for|in|"
    r"reached|reach|exceeded|exceed|totalled|totaled|hit|topped|passed|surpassed|some|"
    r"approximately|roughly|almost|only|just|another|were|was|is|are|be)$"
)
_OPEN_END_ANY_CASE = re.compile(_OPEN_END.pattern, re.I)  # `... this year. From` / `January ...`


# a line opening with a bracket in lower case, after a line that ends no sentence (`... worth 18.9 billion euros` /
# `(about 147 billion yuan) in 2019, ...`) continues the line before; not an item `(a) ...`
_WRAPPED_BRACKET = re.compile(r"\((?![a-z0-9ivx]{1,3}\))[a-z]")


def _wrapped_before_number(text: str, prev_line: tuple[int, int] | None, a: int) -> bool:
    """Does the line starting at `a` with a figure (`80 million sets by 2023.`) continue the
    previous line of a wrapped text, which ends on a word no sentence ends on (`... equipment
    connections of`)? Not a numbered item (`1. ...`, `2) ...`)."""
    if prev_line is None or not text[a].isdigit():
        return False
    l0, pb = prev_line
    if _OPEN_END.search(text, max(l0, pb - 16), pb) is None:
        return False
    k = a
    while k < len(text) and text[k].isdigit():
        k += 1
    return text[k : k + 1] not in (".", ")") or text[k + 1 : k + 2].isdigit()


def segment(text: str) -> Segments:
    """Find paragraphs, sentences and clause separators of `text` (linear in its length)."""
    paragraphs: list[tuple[int, int]] = []
    pos = 0
    blank = True  # a blank line (or the start) since the last paragraph
    # lines: (start of line, stripped start, stripped end, blank line before)
    lines: list[tuple[int, int, int, bool]] = []
    for line in text.splitlines(keepends=True):
        a, b = _strip(text, pos, pos + len(line))
        l0 = pos
        pos += len(line)
        if b <= a:
            blank = True
            continue
        lines.append((l0, a, b, blank))
        blank = False
    width = _wrap_width(text, lines)
    prev_line = None
    for l0, a, b, blank_before in lines:
        if paragraphs and not blank_before and text[paragraphs[-1][1] - 1] not in _PAR_END:
            if (
                text[a].islower()
                or (text[a] == "(" and _WRAPPED_BRACKET.match(text, a, b) is not None)
                or (
                    width
                    and (
                        _wrapped_before_capital(text, prev_line, a, b, width)
                        or _wrapped_before_number(text, prev_line, a)
                    )
                )
            ):
                # a hard-wrapped line: `... accounting for 49.7% of GDP, and the` / `scale has
                # ...`, or `... five top-level nodes in Wuhan and` / `Chongqing; ...`
                paragraphs[-1] = (paragraphs[-1][0], b)
                prev_line = (l0, b)
                continue
        paragraphs.append((a, b))
        prev_line = (l0, b)
    if not paragraphs:
        paragraphs = [(0, len(text))]
    sentences: list[tuple[int, int]] = []
    for p0, p1 in paragraphs:
        cuts = []
        chunk = text[p0:p1]
        for m in _SENT_END.finditer(chunk):
            word = _WORD_DOT.search(chunk[max(0, m.start() - 12) : m.start() + 1])
            if word and chunk[m.start()] == "." and word.group(1).lower() in _ABBREV:
                continue
            k = m.start()
            if (
                chunk[k] == "."
                and k > 0
                and chunk[k - 1].isupper()
                and (k == 1 or not chunk[k - 2].isalpha())
                and chunk[m.end() : m.end() + 1].isalpha()
            ):
                continue  # an initial glued to the next one: `U.S.`, `U.K.`
            if chunk[m.start()] == "." and 0 < m.start() and chunk[m.start() - 1].isdigit():
                nxt = chunk[m.end() : m.end() + 1]
                if nxt.isdigit():
                    continue
            cuts.append(m.end())
        for m in _GLUED.finditer(chunk) if any(h in chunk for h in _GLUED_HINTS) else ():
            cuts.append(m.start())
        cuts = sorted(set(cuts))
        start = 0
        for c in cuts + [len(chunk)]:
            a, b = _strip(text, p0 + start, p0 + c)
            if b > a:
                sentences.append((a, b))
            start = c
    clause_cuts = [m.start() for m in _CLAUSE_SEP.finditer(text)]
    return Segments(
        text,
        paragraphs,
        sentences,
        clause_cuts,
        [p[0] for p in paragraphs],
        [s[0] for s in sentences],
    )
