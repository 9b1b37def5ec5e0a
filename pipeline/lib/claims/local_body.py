"""A text published by a local government body: its figures are the region's (issue 9, seventh
round).

`INVEST IN WUHU | Industrial Internet ...` / `Wuhu Investment Promotion Bureau` / `- Equipment
connected to platforms: 1.15 million units`: a city's investment guide lists the city's figures
without naming the city on each line; they are not the national indicators of the catalog. The
title or the paragraph after it names a region followed by a body of its government (`Investment
Promotion Bureau`, `Municipal Bureau of Industry and Information Technology`, `People's
Government`) on a line of its own (the publisher, not a body quoted in a news sentence).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .context import Doc

_BODY = re.compile(
    r"\s+(?:municipal\s+|provincial\s+|district\s+|county\s+|city\s+)?(?:investment\s+promotion\s+"
    r"(?:bureau|agency|office|centre|center|commission)|commerce\s+bureau|"
    r"bureau\s+of\s+(?:industry|commerce|economy)[\w\s,]{0,60}|people's\s+government|"
    r"(?:municipal|provincial)\s+government|development\s+zone\s+administrative\s+committee)"
    r"\s*$",
    re.I,
)


def local_body_lead(doc: Doc, region_name: re.Pattern[str]) -> bool:
    """Does a line of the title or the paragraph after it (a publisher's line, up to 120
    characters) consist of a region's name and a body of its government?"""
    paras = doc.seg.paragraphs[:3]
    text = doc.text
    for a, b in paras:
        if b - a > 120:
            continue
        m = region_name.match(text, a, b)
        if m is not None and not m.group(0).isupper() and _BODY.match(text, m.end(), b):
            return True
    return False
