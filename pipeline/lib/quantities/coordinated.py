"""A bound verb shared by a coordinated pair of figures.

A first-contact family of issue 9 (thirteenth round): `the penetration rate is to exceed 70
percent by 2027 and 90 percent by 2030`: the verb `exceed` governs both objects, so the second
figure, with no bound word of its own, is a lower bound too. Only a verb bound (`exceed`,
`surpass`, `top`) carries; a modifier (`more than 30 percent in 2024 and 45 percent in 2025`)
is the first figure's alone.

A plain function of the text; `extractor._emit` asks it for a figure without a bound word.
"""

from __future__ import annotations

import re

# the previous figure's bound word is a verb
_BOUND_VERB = re.compile(r"(?:exceed|surpass|top)(?:s|ed|ing)?\s+$", re.I)
# between the two figures: the time of the first (`by 2027`, `in 2025`), then `and` (not `will
# exceed 3 million sets, and 10,000 enterprises will ...`: a new clause)
_PAIR_GAP = re.compile(
    r"\s+(?:by|in)\s+(?:the\s+end\s+of\s+)?(?:19|20)\d{2}\s*,?\s+and\s+(?:to\s+)?", re.I
)


def shared_bound(
    text: str, prev_start: int, prev_number_start: int, prev_end: int, start: int
) -> bool:
    """The figure at `start`, with no bound word, is the second object of the bound verb of the
    figure just before it (`[prev_start, prev_end)`, its number from `prev_number_start`)."""
    if prev_start < 0 or start - prev_end > 40 or prev_number_start - prev_start > 16:
        return False
    if _BOUND_VERB.match(text, prev_start, prev_number_start) is None:
        return False
    return _PAIR_GAP.fullmatch(text, prev_end, start) is not None
