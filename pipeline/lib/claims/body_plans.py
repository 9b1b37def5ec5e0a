"""A public body's announced programme in reported speech: a target, not a forecast.

A first-contact family of issue 9 (thirteenth round): `Li said the ministry would this year
select about 1,000 typical application scenarios and support the building of 100 industry
datasets`, `Miao told the meeting that China would select about 100 benchmark factories and push
more than 10,000 enterprises onto platforms`: a government body's `will` / `would` with a verb of
a programme (select, support, build, cultivate ...) states what it sets out to do, a goal, not
a prediction of a level (`sales would reach 100 billion yuan`) or a company's plan.

A plain function of the text; `status._resolve_status` asks it for a figure's sentence.
"""

from __future__ import annotations

import re

# the body, its `will` / `would`, a few words (`this year`, `also`), then the programme verb
_BODY_ACTION = re.compile(
    r"\b(?:ministry|ministries|government|MIIT|China|the\s+country|the\s+state|state\s+council|"
    r"commission|department|province|municipality|authorities|regulators?)\s+"
    r"(?:will|would)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:select|support|build|cultivate|foster|push|promote|launch|establish|set\s+up|create|"
    r"train|fund|add|roll\s+out|nurture|develop)\b"
    r"[^.;:!?]*$",
)


# `Liang is already planning four more arms for next year`: the figure is what is planned
_PLANNING_OBJ = re.compile(
    r"\b(?:is|are|was|were)\s+(?:already\s+|now\s+|also\s+)?planning\s+"
    r"(?:(?:about|around|some|another|at\s+least)\s+)?$",
    re.I,
)


def body_plan(text: str, s0: int, num0: int) -> bool:
    """The words of the sentence from `s0` to the figure at `num0` are a public body's
    programme (`the ministry would this year select about`, `..., and support the building of`),
    or the object of `is planning` (`is already planning four more arms`)."""
    if text.find("planning", max(s0, num0 - 40), num0) >= 0 and _PLANNING_OBJ.search(
        text, max(s0, num0 - 40), num0
    ):
        return True
    if text.find("ould ", s0, num0) < 0 and text.find("ill ", s0, num0) < 0:
        return False
    return _BODY_ACTION.search(text[s0:num0]) is not None
