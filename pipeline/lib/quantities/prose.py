"""Hostile and oversized input: what is not prose, and the pieces the extractor reads.

A "sentence" of 100,000 numbers is not prose, and reading it as prose costs time that grows with
its length for every number in it (the claims layer looks at each quantity's sentence and
paragraph). `regions(text)` finds, in one linear pass, the stretches that are set aside as
`not_prose` (an `Ignored` with that reason, covering the whole stretch):

- a sentence (text between line breaks or `.`/`!`/`?` + space) longer than MAX_SENTENCE_CHARS
  (the longest sentence of the seeds and held-out sets is ~700 characters);
- a sentence holding more than MAX_SENTENCE_NUMBERS digit runs;
- a run of more than MAX_LETTERLESS_LINES consecutive lines without a letter (`1\\n1\\n1\\n...`);
- a line of more than MAX_LETTERLESS_CHARS characters without a letter (`1. 1. 1. ...`);
- a paragraph (a line) holding more than MAX_PARAGRAPH_NUMBERS digit runs, however short its
  sentences (`Output rose 5% to 3 million tonnes in 2021. ` repeated; the most of the seeds,
  held-out sets and the 10,000-article scale corpus is 27);
- a run of more than MAX_FIGURE_LINES consecutive short lines (at most FIGURE_LINE_CHARS
  characters) that each hold a letter and a digit and do not start in lower case (`Revenue: 5
  yuan\\n` repeated: a table or a data dump; the longest run of the same corpora is 13 lines,
  and hard-wrapped prose breaks a run at its first line starting in lower case). Blank lines do
  not break a run; a line without a letter does (runs of those have their own cap).

`pieces(text, skipped)` cuts the rest into pieces of at most PIECE_CHARS characters, at blank
lines (else line breaks, else spaces), so that every anchored match of the extractor works on a
bounded string: the `regex` module checks a pattern's required literal over the rest of the
string before matching, which made each match cost O(length of the text) on texts that never
contain that literal. A text of one piece (every normal article) is read as before.
"""

from __future__ import annotations

import re

MAX_SENTENCE_CHARS = 3_000
MAX_SENTENCE_NUMBERS = 150
MAX_LETTERLESS_LINES = 50
MAX_LETTERLESS_CHARS = 1_000
MAX_PARAGRAPH_NUMBERS = 2_000
MAX_FIGURE_LINES = 200
FIGURE_LINE_CHARS = 80
PIECE_CHARS = 20_000

_LINE = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(r"[.!?](?=\s)")
_LETTER = re.compile(r"[^\W\d_]")
_DIGITS = re.compile(r"\d+")
_DIGIT = re.compile(r"\d")


def _sentences(line: str, base: int):
    start = 0
    for m in _SENTENCE_END.finditer(line):
        yield base + start, base + m.end(), line[start : m.end()]
        start = m.end()
    if start < len(line):
        yield base + start, base + len(line), line[start:]


def regions(text: str) -> list[tuple[int, int]]:
    """(start, end) of the stretches of `text` that are not prose, sorted and disjoint."""
    if len(text) <= MAX_SENTENCE_CHARS and text.count("\n") <= MAX_LETTERLESS_LINES:
        if len(_DIGITS.findall(text)) <= MAX_SENTENCE_NUMBERS:
            return []  # a short text: nothing to look at
    out: list[tuple[int, int]] = []
    run_start = run_end = -1
    run_lines = 0
    fig_start = fig_end = -1
    fig_lines = 0

    def close_run() -> None:
        if run_lines > MAX_LETTERLESS_LINES:
            out.append((run_start, run_end))

    for m in _LINE.finditer(text):
        a, b = m.span()
        line = m.group(0)
        if not line.strip():
            continue
        letter = _LETTER.search(line)
        if (
            b - a <= FIGURE_LINE_CHARS
            and letter is not None
            and _DIGIT.search(line)
            and not line.lstrip()[0].islower()
        ):
            if fig_lines == 0:
                fig_start = a
            fig_lines += 1
            fig_end = b
        else:
            if fig_lines > MAX_FIGURE_LINES:
                out.append((fig_start, fig_end))
            fig_lines = 0
        if letter is None:
            if run_lines == 0:
                run_start = a
            run_lines += 1
            run_end = b
            if b - a > MAX_LETTERLESS_CHARS:
                out.append((a, b))
            continue
        close_run()
        run_lines = 0
        if b - a <= MAX_SENTENCE_NUMBERS:
            continue  # a short line: no sentence in it can break a cap
        # a sentence is part of its line and no digit run spans two (they are cut after
        # `.`/`!`/`?`): a line within both sentence caps has no sentence over one
        if b - a <= MAX_SENTENCE_CHARS and len(_DIGITS.findall(line)) <= MAX_SENTENCE_NUMBERS:
            continue
        if b - a > 2 * MAX_PARAGRAPH_NUMBERS and len(_DIGITS.findall(line)) > MAX_PARAGRAPH_NUMBERS:
            out.append((a, b))
            continue
        for s, e, sent in _sentences(line, a):
            if e - s > MAX_SENTENCE_CHARS or len(_DIGITS.findall(sent)) > MAX_SENTENCE_NUMBERS:
                out.append((s, e))
    close_run()
    if fig_lines > MAX_FIGURE_LINES:
        out.append((fig_start, fig_end))
    return _merge(out)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans.sort()
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


_CUTS = (re.compile(r"\n[ \t]*\n"), re.compile(r"\n"), re.compile(r"[.!?]\s+"), re.compile(r"\s"))


def _cut(text: str, a: int, b: int, out: list[tuple[int, int]]) -> None:
    """Cut text[a:b] into pieces of at most PIECE_CHARS at the best boundary available."""
    while b - a > PIECE_CHARS:
        limit = a + PIECE_CHARS
        cut = -1
        for pat in _CUTS:
            ends = [m.end() for m in pat.finditer(text, a + PIECE_CHARS // 2, limit)]
            if ends:
                cut = ends[-1]
                break
        if cut <= a:
            cut = limit
        out.append((a, cut))
        a = cut
    if b > a:
        out.append((a, b))


def pieces(text: str, skipped: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The prose stretches of `text` around `skipped`, each at most PIECE_CHARS long."""
    out: list[tuple[int, int]] = []
    pos = 0
    for a, b in skipped + [(len(text), len(text))]:
        _cut(text, pos, a, out)
        pos = b
    return out
