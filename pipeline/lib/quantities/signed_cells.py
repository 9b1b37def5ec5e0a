"""A minus sign after a table cell's label: the size of a named reduction (thirteenth round).

`Qingdao | household appliances | +28% | order delivery time -35%`: the cell names what fell
(`order delivery time`) and writes the fall with a minus sign, as prose writes `delivery time fell
by 35 percent`; the figure is the reduction, a positive 35 (the quote keeps the sign). A bare
signed cell (`| -27.89% |`) or a signed change in prose (`-20% y/y`) stays negative.

A plain function of the text; `extractor._read_number` asks it for a number with a minus sign.
"""

from __future__ import annotations

import re

# a lower-case label word, one space, then the sign at the end
_LABEL_BEFORE = re.compile(r"[a-z]{3,}[ \t]$")


def labelled_reduction(text: str, sign: int) -> bool:
    """The minus sign at `sign` follows a label word in a cell of a `|`-separated table row."""
    if _LABEL_BEFORE.search(text, max(0, sign - 12), sign) is None:
        return False
    line0 = text.rfind("\n", 0, sign) + 1
    return text.find("|", line0, sign) >= 0
