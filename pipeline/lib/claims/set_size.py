"""The size of a set named before a goal or forecast is a fact of the present, not the goal.

`All enterprises above designated size - more than 55,000 firms - should complete digital
transformation by 2027`; `closing the broadband gap of the region's 12 LDCs would require ...
by 2025`; `Large companies with more than 1,000 employees plan to spend ... in 2017`; `Among
the 212 companies in the sample, the average budget will rise ... in 2017`: the count says how
big a set is (after a definite determiner, a possessive, `with`, `among`, or between dashes),
and the goal, forecast or plan words and their year come after it in the sentence, about what
that set will do. Such a count takes the publication year and is actual; a count after the
plan words (`will build 100 platforms by 2025`) or with a year of its own is not touched.
"""

from __future__ import annotations

import re

from .context import Doc, QCtx

# what stands right before the count: `the`, `its`, `the region's`, `with`, `among the`, `of
# the`, a dash of an appositive
_DEFINITE_BEFORE = re.compile(
    r"(?:\b(?:the|its|their|these|those|all|with|among(?:[ \t]+the)?|of[ \t]+the)|['’]s|[-–—])"
    r"[ \t]+(?:(?:about|around|roughly|nearly|some|almost|over|more[ \t]+than|just)[ \t]+)?$",
    re.I,
)
# the goal, forecast or plan words that follow the set, with a verb of their own
# (searched in `doc.norm`, the lower-cased copy with the same offsets)
_GOAL_AFTER = re.compile(
    r"\b(?:will|would|should|shall|must|plans?\s+to|aims?\s+to|are\s+(?:expected|set|due|to)|"
    r"is\s+(?:expected|set|due)|expects?\s+to)\b"
)
_GOAL_BEFORE = re.compile(
    r"\b(?:will|would|should|shall|plans?|planned|aims?|targets?|goals?|strive|expected|"
    r"expects?|by\s+(?:19|20)\d\d)\b"
)


def set_size_before_goal(doc: Doc, c: QCtx) -> bool:
    """The count `c.q` is the size of a set named before the goal/forecast words of its
    sentence (see the module docstring)."""
    q = c.q
    if q.unit != "count" or q.counted is None:
        return False
    text = doc.text
    s0, s1 = c.sentence
    if not _DEFINITE_BEFORE.search(text, max(s0, q.start - 24), q.start):
        return False
    if _GOAL_BEFORE.search(doc.norm, s0, q.start):
        return False  # `will build 100 platforms`, `aims at 10 platforms by 2025`
    return _GOAL_AFTER.search(doc.norm, q.end, s1) is not None
