"""The growth rate written right after a level: `The added value of the industrial internet
industry reached 1.42 trillion yuan ($202 billion) last year, up 55.7 percent year-on-year`.

A percentage introduced by `up` (`an increase of`, `a rise of`, `growing`) straight after a
classified level of its sentence (its time words, a currency conversion in brackets between) is
the growth of that level: the growth-rate indicator of the catalog that measures the level's
growth (`GROWTH_OF`), when there is one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .context import Doc, QCtx
    from .model import Claim

GROWTH_OF = {"iip_added_value": "iip_added_value_nominal_growth"}
_GAP = re.compile(
    r"(?:\s*\([^()\n]{1,40}\))?(?:\s+(?:in|at|by|for|during|last|this|the)\b[^,;()\n]{0,30})?"
    r"\s*,\s*(?:up|an\s+increase\s+of|a\s+rise\s+of|a\s+growth\s+of|growing|increasing|rising)\s+$",
    re.I,
)


def growth_of_level(doc: Doc, c: QCtx, claims: list[Claim]) -> str | None:
    """The growth indicator of the level just before this percentage, or None."""
    s0 = c.sentence[0]
    for prev in reversed(claims[-3:]):
        if prev.char_start < s0:
            return None
        growth = GROWTH_OF.get(prev.indicator)
        if growth is None:
            continue
        a = c.q.number_start if c.q.number_end > c.q.number_start else c.q.start
        if _GAP.fullmatch(doc.text, prev.char_end, a):
            return growth
        return None
    return None
