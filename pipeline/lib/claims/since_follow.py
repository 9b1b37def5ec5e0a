"""The sentence after a `Since 2015, ...` total: figures of the same set over the same span.

A first-contact family of issue 9 (thirteenth round): `Since 2015, the ministry has selected 305
pilot projects. After the upgrade, their production efficiency rose by an average of 37.6
percent ...`: the next sentence, with no year of its own, speaks back of the set the `since`
sentence built up (`their`, `these`, `they`), so its figures span from the `since` year to
publication, as the total does.

A plain function of the text and the sentence boundaries; `periods.PeriodResolver.resolve` calls
it only for a figure that would otherwise take the publication year.
"""

from __future__ import annotations

import bisect
import re

# `Since 2015,` opening a sentence (after an optional quote mark)
_SINCE_OPEN = re.compile(r"\s*[\"'\u201c]?since\s+((?:19|20)\d{2})\s*,", re.I)
# words that refer back to the set named before
_BACK_REF = re.compile(r"\b(?:their|these|those|they|them)\b", re.I)


def since_before(text: str, sentences: list[tuple[int, int]], s0: int, q_start: int) -> int | None:
    """The year of a `Since YEAR, ...` sentence just before the sentence at `s0` (in the list
    `sentences` of its paragraph), when the words before the figure at `q_start` refer back to
    what it built up; else None."""
    k = bisect.bisect_left(sentences, (s0, -1))
    if k < 1 or k >= len(sentences) or sentences[k][0] != s0:
        return None
    m = _SINCE_OPEN.match(text, sentences[k - 1][0])
    if m is None or _BACK_REF.search(text, s0, q_start) is None:
        return None
    return int(m.group(1))
