"""A figure of another economic aggregate, named as its owner before it in its clause.

Industrial internet articles quote the economy around the industrial internet: `The added value
of industrial enterprises above designated size grew 3.6 percent last year, and manufacturing
accounted for 27.7 percent of GDP`, `Manufacturing's added value reached 33.5 trillion yuan`,
`the scale of China's core AI industry reached nearly 600 billion yuan`. Such a figure is not the
industrial internet's added value, growth, GDP share or industry scale: the economy indicators
of the industrial internet are ruled out when one of these owners stands before the figure in
its sentence, with no `industrial internet` between them.
"""

from __future__ import annotations

import re

# (searched in the normalised text: lower case, hyphens as spaces)
_OWNER = re.compile(
    r"\babove designated size\b|"
    r"\bmanufacturing(?:'s| sector's| sector)? (?:added value|value added|accounted|output|gdp)|"
    r"\b(?:added value|value added|output) of (?:the )?manufacturing\b|"
    r"\b(?:core )?(?:ai|artificial intelligence) (?:industry|industries)\b"
)
_IIP = re.compile(r"\bindustrial (?:internet|interconnection)\b")
ECONOMY_IDS = frozenset(
    (
        "iip_added_value",
        "iip_added_value_nominal_growth",
        "iip_added_value_gdp_share",
        "iip_industry_scale",
    )
)


def other_aggregate(norm: str, s0: int, start: int) -> bool:
    """An owner of another aggregate in [s0, start) of the normalised text, the last one with
    no `industrial internet` after it before `start`."""
    last = None
    for m in _OWNER.finditer(norm, s0, start):
        last = m
    if last is None:
        return False
    return _IIP.search(norm, last.end(), start) is None
