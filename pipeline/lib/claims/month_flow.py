"""A count of one month is a flow, not a cumulative stock (issue 9, seventh round).

`In November, identification resolution nodes handled 14.8 billion resolution requests`, `The
secondary nodes handled nearly 15 billion resolution requests in November alone`: the volume of
a month, not the cumulative total a catalog indicator such as `identification_resolutions`
measures (the annotated sets leave such monthly volumes `unclassified`). Only with a verb of
volume before the figure (`handled`, `processed`, `received`): not a level reached in a month
(`crossed 5 billion in August`), not `by the end of November`, not a sentence that says the
figure is cumulative.
"""

from __future__ import annotations

import re

_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"the\s+month|that\s+month|a\s+single\s+month)"
)
# `In November, ...` / `In November 2025, ...` opening the sentence
_MONTH_LEAD = re.compile(r"\W*in\s+" + _MONTH + r"(?:\s+\d{4})?\s*,")
# `... requests in November alone`, `in the month`, right after the figure in its clause
_MONTH_AFTER = re.compile(r"[^,;.]{0,40}?\bin\s+" + _MONTH + r"(?:\s+\d{4})?(?:\s+alone)?\b")
# a verb of volume handled, not of a level reached (`crossed 5 billion in August`, `topped
# 20,000 in January` are stocks)
_FLOW_VERB = re.compile(
    r"\b(?:handled|handles|processed|processes|received|logged|recorded|served|sold|shipped|"
    r"issued|conducted|carried\s+out|completed)\b"
)
_CUMULATIVE = re.compile(r"\b(?:cumulative|cumulatively|in\s+total|total|so\s+far|to\s+date)\b")


def one_month_flow(norm: str, s0: int, q_start: int, q_end: int, c1: int) -> bool:
    """The figure [q_start, q_end) of the sentence starting at `s0` (clause end `c1`) is the
    volume of one month; `norm`: the lower-cased text (`segments.norm`)."""
    if "in " not in norm[s0:c1]:
        return False
    if not (_MONTH_LEAD.match(norm, s0, q_start) or _MONTH_AFTER.match(norm, q_end, c1 + 1)):
        return False
    if _FLOW_VERB.search(norm, max(s0, q_start - 80), q_start) is None:
        return False
    return _CUMULATIVE.search(norm, s0, c1) is None
