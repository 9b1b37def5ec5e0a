"""The growth rate given right after a classified level is that level's growth (issue 9, twelfth
round).

`China's industrial internet industry is expected to generate 1.42 trillion yuan of added value
this year, up 13.3 percent`: the percentage glued to the level by `, up` / `, an increase of`
measures the growth of the level's indicator, when the catalog has a growth indicator for it.
Only in the same sentence, with nothing but the level's noun and a time phrase between them.
"""

from __future__ import annotations

import re

from .context import Doc, QCtx
from .model import Claim

# level indicator -> its growth indicator
_GROWTH_OF = {"iip_added_value": "iip_added_value_nominal_growth"}
_UP_GLUE = re.compile(
    r",\s*(?:(?:an?|the)\s+)?(?:(?:nominal|year-on-year|annual)\s+)?(?:up|increase\s+of|"
    r"increasing|growth\s+of|rise\s+of|growing|rising)\s+(?:by\s+)?$",
    re.I,
)
_MAX_GAP = 60


def growth_of_level(doc: Doc, c: QCtx, prev: Claim) -> str | None:
    """The growth indicator of the level `prev` that the percentage `c` follows, or None."""
    ind = _GROWTH_OF.get(prev.indicator)
    if ind is None or c.index == 0:
        return None
    if prev.char_start < c.sentence[0] or doc.quantities[c.index - 1].end != prev.char_end:
        return None
    gap = doc.text[prev.char_end : c.q.start]
    if len(gap) > _MAX_GAP or ";" in gap or _UP_GLUE.search(gap) is None:
        return None
    return ind
