"""The span of a plan named in the figure's sentence.

- a year range naming a plan that is the subject of a goal verb (`The action plan for 2018-2020
  also sets out to build five nodes`, `the ministry's 2021-2023 action plan aims to build 45
  platforms`): the goal is the plan's, due at its last year (not `Under the action plan for
  2014-2016, the city aims to complete 3,000 projects`, a prepositional phrase: the figures
  accumulate over the span, nor `The plan for 2018-2020 was released`, with no goal verb);
- `in the three years` (the definite article, no `next`, `past`, `same`): the span of that many
  years named last before the sentence (`the action plan for 2018-2020 ... Jiangsu plans to add
  100 smart factories in the three years`).
"""

from __future__ import annotations

import re

from pipeline.lib.quantities.model import Period

_PLAN_BEFORE = re.compile(
    r"\b(?:plan|programme|program|roadmap|strategy|scheme|guideline)s?\s+$", re.I
)
_PLAN_AFTER = re.compile(
    r"\s+(?:(?:three|five|two|four|[2-5])-year\s+)?(?:(?:action|work|development|"
    r"implementation|special)\s+)?(?:plan|programme|program|roadmap|strategy|scheme)\b",
    re.I,
)
# a plan named inside a prepositional phrase: `Under the action plan for 2014-2016, ...`
_PREPOSITION_LEAD = re.compile(
    r"\W*(?:under|during|in|over|through|throughout|within|according\s+to|as\s+part\s+of|"
    r"following|with)\b",
    re.I,
)
# the plan's own goal verb, right after its name (an apposition may come between)
_GOAL_VERB = re.compile(
    r"^[^.;]{0,80}?\b(?:(?:also\s+|further\s+)?(?:sets?\s+out\s+to|aims?\s+(?:to|at|for)|wants|"
    r"calls\s+for|seeks\s+to|targets|envisages|proposes|requires|plans\s+to|"
    r"(?:is|are)\s+to|will))\b",
    re.I,
)
_THE_N_YEARS = re.compile(
    r"\b(?:in|over|during|within|for)\s+the\s+(two|three|four|five|[2-5])\s+years\b"
    r"(?!\s+(?:before|after|since|to|ago|earlier|later|that|of)\b)",
    re.I,
)
_COUNT = {"two": 2, "three": 3, "four": 4, "five": 5}


def plan_goal_year(text: str, s0: int, p: Period, num0: int) -> int | None:
    """The last year of the range `p` when it names a plan that is the subject of a goal verb
    introducing the figure starting at `num0`; None otherwise."""
    ys, ye = p.year_start, p.year_end
    if p.kind != "year" or ys is None or ye is None or ye <= ys or p.end > num0:
        return None
    if _PLAN_AFTER.match(text, p.end):
        head = text.rfind(" ", s0, p.start)  # `the 2021-2023 action plan`
        name_end = _PLAN_AFTER.match(text, p.end).end()
        name_start = max(s0, head)
    elif p.text[:3].lower() == "for" and _PLAN_BEFORE.search(text, max(s0, p.start - 40), p.start):
        name_start, name_end = p.start, p.end  # `the action plan for 2018-2020`
    else:
        return None
    if _PREPOSITION_LEAD.match(text, s0, name_start):
        return None
    if _GOAL_VERB.search(text[name_end:num0]) is None:
        return None
    return ye


def the_n_years(text: str, s0: int, s1: int) -> int | None:
    """The count of years of `in the three years` in the sentence [s0, s1), or None."""
    if text.find("years", s0, s1) < 0:
        return None
    m = _THE_N_YEARS.search(text, s0, s1)
    if m is None:
        return None
    w = m.group(1).lower()
    return _COUNT.get(w) or int(w)


def span_before(periods: list[Period], s0: int, n: int) -> tuple[int, int] | None:
    """The last year range of `n` years ending before `s0` (the periods are in text order)."""
    for p in reversed(periods):
        if p.end > s0:
            continue
        if p.kind == "year" and p.year_start is not None and p.year_end is not None:
            if p.year_end - p.year_start + 1 == n:
                return p.year_start, p.year_end
    return None
