"""Sentences without a year of their own that speak of the time of publication.

Two families of the first-contact misses (issue 9, seventh round): a figure in a sentence with no
year took the year of the sentence (or paragraph) before it, where the annotators read the
publication year:

- a state in the present tense: `There are more than 100 platforms ...`, `... more than 70
  secondary nodes are in operation`, `5,200 apps and 1,100 models are now available`, `The
  platform monitors more than 140,000 devices`, `Most are family-run firms with fewer than 50
  employees`;
- the result of a survey with no year (`According to a survey of 300 firms ..., the delivery time
  fell by 27 percent`, `Of the platforms surveyed, 46 per cent were launched by ...`): measured
  when the survey was made, reported at publication.

Plain functions of the text and offsets; `periods.PeriodResolver._resolve` calls them where it
would carry an earlier year into the sentence.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .casefold import folded

if TYPE_CHECKING:
    from .context import Doc

# `There are more than 100 platforms`, `Today, there is one node`: an existential present
_THERE_IS = re.compile(
    r"\s*(?:(?:today|now|currently|at present)\s*,?\s*)?there\s+(?:are|is)\b", re.I
)
# the figure's own verb after it, in the present: `... nodes are in operation`, `are now
# available`, `is home to`
_PRESENT_AFTER = re.compile(
    r"(?:\s*(?:and|,)\s*[^,;.:]{0,60}?)?\s+(?:is|are)\s+(?:now\s+|still\s+|currently\s+)?"
    r"(?:in\s+operation|in\s+service|in\s+use|available|online|operational|active|running)\b",
    re.I,
)
# a present verb of a lasting state before the figure: `The platform monitors`, `Most are
# family-run firms with`, `is built around`
_PRESENT_BEFORE = folded(
    r"\b(?:monitors|operates|runs|covers|counts|comprises|includes|is\s+built\s+around|"
    r"most\s+are|(?:is|are)\s+home\s+to)\b"
)
_PAST_WORDS = folded(
    r"\b(?:was|were|had|did|last\s+year|ago|previously|used\s+to|then)\b|\b\w+ed\s+(?:by|to|from|in)\b"
)
# a survey's result: `According to a survey of 300 firms`, `Of the platforms surveyed,`,
# `respondents`, `in the sample` (not `the surveyed unemployment rate`, a statistic's name)
_SURVEY = folded(
    r"\b(?:(?:a|the|our|its|their)\s+(?:\w+\s+){0,3}survey\s+(?:of|by|among)|"
    r"(?:those|\w+s)\s+(?:surveyed|polled)\s*[,;:]|respondents\b|in\s+the\s+sample\b)"
)


def states_present(text: str, s0: int, q_start: int, q_end: int, c1: int) -> bool:
    """The figure's sentence (`s0` on) states the present: an existential `there are` opening
    it, a present verb of a state before the figure, or its own present copula of a state after
    it (`are in operation`), with no past words before the end of its clause `c1`."""
    end = max(c1, q_end)
    if _PAST_WORDS.search(text, s0, end):
        return False
    if _THERE_IS.match(text, s0):
        return True
    if _PRESENT_BEFORE.search(text, s0, q_start):
        return True
    return _PRESENT_AFTER.match(text, q_end, min(len(text), q_end + 120)) is not None


# `62.4% of respondents had deployed`, `40 percent of those surveyed`
_OF_SURVEYED = re.compile(
    r"\s*of\s+(?:the\s+|all\s+)?(?:respondents|those\s+(?:surveyed|polled)|"
    r"(?:[\w-]+\s+){1,2}(?:surveyed|polled))\b",
    re.I,
)


def survey_result(text: str, s0: int, q_start: int, q_end: int | None = None) -> bool:
    """Words before the figure (or `of respondents` right after it, from `q_end`) say it is a
    survey's result or sample."""
    if _SURVEY.search(text, s0, q_start) is not None:
        return True
    return q_end is not None and _OF_SURVEYED.match(text, q_end) is not None


# a heading line over a survey's results: `Survey findings`, `What the survey found`, `Results of
# the 2021 poll` (a short line of its own, no final punctuation)
_SURVEY_HEADING = re.compile(r"\b(?:survey|poll|questionnaire)s?\b", re.I)
_HEADING_REACH = 2500


def in_survey_section(text: str, p0: int, lowered: str | None = None) -> bool:
    """The paragraph starting at `p0` is under a heading line that announces a survey's results
    (the nearest heading line before it, within a few paragraphs). `lowered`: `text.lower()`
    when it has the length of `text` (each character lowered on its own: the window's words are
    then found in it without lowering the window again for every paragraph)."""
    lo = max(0, p0 - _HEADING_REACH)
    if lowered is not None:
        if (
            lowered.find("survey", lo, p0) < 0
            and lowered.find("poll", lo, p0) < 0
            and lowered.find("questionnaire", lo, p0) < 0
        ):
            return False
    else:
        window = text[lo:p0].lower()  # (plain `in` tests: a case-blind regex here costs ~1 ms)
        if "survey" not in window and "poll" not in window and "questionnaire" not in window:
            return False
    end = p0
    while end > lo:
        start = text.rfind("\n", lo, end - 1) + 1
        line = text[start:end].strip()
        end = start
        if not line or len(line) > 60 or line[-1] in ".;,:!?" or line[0].isdigit():
            continue
        # (the title is not a section heading: an article about a survey has other figures too)
        return start > 0 and _SURVEY_HEADING.search(line) is not None
    return False


# the comparison base of a change: `up 11.8% from 1,240 in 2023`, `against 19% for 2021`
_BASE_LEAD = folded(r"\b(?:from|against|compared\s+with|compared\s+to|than)\s+$")


def comparison_base_skipped(doc: Doc, i: int) -> int:
    """`... recorded 1,386 new vulnerabilities in 2024, up 11.8% from 1,240 in 2023. Of these,
    41.5% were rated high-risk`: a breakdown is of the figure reported, not of the comparison
    base written last; the index of the figure reported, walking back over base figures of
    the same sentence."""
    qs, text = doc.quantities, doc.text
    while i > 0:
        q = qs[i]
        if not _BASE_LEAD.search(text, max(0, q.start - 16), q.start):
            return i
        s0 = doc.seg.sentence_at(q.start)[0]
        if qs[i - 1].start < s0:
            return i
        i -= 1
    return i


# `Since 2015 the ministry has selected`: `since` and a bare year open the sentence, no comma
_SINCE_YEAR = re.compile(r"since\s+(?:(?:early|late|mid-?|the\s+end\s+of)\s*)?$", re.I)


def since_year_opening(text: str, k: int, p_start: int, p_end: int) -> bool:
    """The sentence (from `k`) opens with `since` and the year at `p_start` alone, without the
    comma a subordinate clause would need (`Since 2015 the ministry has selected 206 projects`):
    the start of the total the present perfect reports."""
    if p_start == k:  # the period read with its `since`
        if not _SINCE_YEAR.match(text, k, text.rfind(" ", k, p_end) + 1):
            return False
    elif p_start - k > 24 or not _SINCE_YEAR.match(text, k, p_start):
        return False
    return text[p_end : p_end + 2].strip(" ") not in (",", "")
