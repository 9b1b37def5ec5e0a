"""Years that date a post or name an edition, not the reference period of a figure.

- **Post stamps.** `Lin Yuqing @lin_yuqing_econ · 14 Jul 2017` above a tweet, `10:14 AM - 14 Jul
  2017`, `by wang_li · 2019-03-02 08:15`: a short line made of a full date with names, handles,
  times and separators only says when the post was written. Its year is the posting year,
  which the publication date already gives; carried into the post's sentences it would date
  figures of another year (`Headline: 22.6 trillion yuan in 2016 ...`).
- **Edition years.** `the White Paper on the Development of China's Digital Economy (2020)`,
  `its 2017 white paper`: the year in brackets after a report's capitalised title, or before a
  report noun, names the edition (published that year, about the year before), not the
  figures' year.
- **A year of a span.** `By 2015, the last year of the 12th Five-Year Plan, ...`: `the last
  year of` names a year of the plan (here the one just given), never `last year`.
- **Batch year.** `Proposed List of Provincial 5G Factories (2025 Batch)`: a title naming the
  batch (round, cohort) of a past year in its heading lines; the batch's figures without a time word are of it.
- **Exam practice page.** `Read the following material and answer Questions 116-119.` then
  the material, questions with options (`A. 29.4    B. 31.0 ...`) and worked answers: the
  questions and answers speak of the material's year (the article year, before publication),
  not of the day the page was posted.
"""

from __future__ import annotations

import re

# a full date of a stamp: `14 Jul 2017`, `Jul 14, 2017`, `2017-07-14`
_MON = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_FULL_DATE = re.compile(
    r"\b\d{1,2}\s+" + _MON + r",?\s+(?:19|20)\d{2}\b|\b" + _MON + r"\s+\d{1,2},?\s+(?:19|20)\d{2}\b"
    r"|\b(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}\b"
)
# what else a stamp line may hold: capitalised names, @handles, times, numbers, separators
_STAMP_TOKEN = re.compile(
    r"@\w+|[A-Z][\w.'’-]*:?|\d[\d:,.]*|[ap]\.?m\.?|by|at|on|[·•|\-–—,:()/]",
)
_STAMP_MAX = 100

# a report's capitalised title right before `(2020)`: `White Paper on ... Digital Economy`
_EDITION_TITLE = re.compile(
    r"\b(?:White\s+Paper|Blue\s+Book|Report|Yearbook|Outlook|Survey|Index|Review)\s+(?:on|of|for)"
    r"\s+(?:the\s+)?(?:(?:[A-Z][\w'’-]*|of|on|and|for|the|in|&)\s+){0,10}[A-Z][\w'’-]*\s*\(?$"
)
# `its 2017 white paper`, `the 2020 edition`: a year before a report noun
_EDITION_AFTER = re.compile(
    r"\s+(?:white\s+paper|blue\s+book|yearbook|edition|annual\s+report\s+on)\b", re.I
)


def stamp_year(text: str, start: int, end: int) -> bool:
    """The year at text[start:end] belongs to the full date of a post's stamp line."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    b = len(text) if b < 0 else b
    if b - a > _STAMP_MAX:
        return False
    line = text[a:b]
    dm = next((m for m in _FULL_DATE.finditer(line) if m.start() <= start - a < m.end()), None)
    if dm is None:
        return False
    rest = line[: dm.start()] + " " + line[dm.end() :]
    if not rest.strip():
        return False  # a date alone on its line: a heading or a dateline, not a post's stamp
    return all(_STAMP_TOKEN.fullmatch(tok) for tok in rest.split())


def edition_year(text: str, start: int, end: int) -> bool:
    """The year at text[start:end] names a report's edition: `... Digital Economy (2020)`,
    `its 2017 white paper`."""
    if text[start - 1 : start] == "(" or text[start : start + 1] == "(":
        a = start - 1 if text[start - 1 : start] == "(" else start
        if _EDITION_TITLE.search(text, max(0, a - 160), a + 1):
            return True
    return _EDITION_AFTER.match(text, end) is not None


# `the last year of the 12th Five-Year Plan`, `the first year of the plan`
_YEAR_OF_SPAN = re.compile(r"\s*(?:the\s+)?(?:last|first|final)\s+year\s+of\b", re.I)


def year_of_span(text: str, start: int, end: int) -> bool:
    """The relative period at text[start:end] (`the last year`) is `the last year of <span>`."""
    m = _YEAR_OF_SPAN.match(text, start, end + 4)
    return m is not None and m.end() >= end


_HEAD = 600
_LONG_LINE = re.compile(r"^[^\n]{200,}", re.M)
_BATCH_TITLE = re.compile(r"\b((?:19|20)\d{2})\s+(?:batch|round|cohort)\b", re.I)


def batch_year(text: str, pub: int) -> int | None:
    """The past batch year the heading lines name (`(2025 Batch)` in a title of 2026: the lines
    before the first long paragraph, in the first `_HEAD` characters), or None."""
    head = text[:_HEAD]
    low = head.lower()
    if "batch" not in low and "round" not in low and "cohort" not in low:
        return None
    end = next((m.start() for m in _LONG_LINE.finditer(head)), len(head))
    found = {int(m.group(1)) for m in _BATCH_TITLE.finditer(head, 0, end)}
    if len(found) != 1:
        return None
    y = found.pop()
    return y if pub - 2 <= y < pub else None


_EXAM_MATERIAL = re.compile(
    r"\b(?:read|answer\s+questions?[\s\d\-–]*(?:on\s+the\s+basis\s+of|based\s+on|according\s+to))"
    r"\s+the\s+following\s+materials?\b",
    re.I,
)
_OPTION_LINE = re.compile(r"^[ \t]*A[.．、][ \t]*\S.*?\bB[.．、][ \t]*\S", re.M)


def exam_page(text: str) -> bool:
    """A data-analysis exam practice page: a material instruction in its first lines and at
    least two lines of multiple-choice options."""
    if _EXAM_MATERIAL.search(text, 0, 1500) is None:
        return False
    return len(_OPTION_LINE.findall(text)) >= 2
