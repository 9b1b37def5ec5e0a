"""Enterprises that are not the ones industrial internet platforms serve.

`iip_enterprises_served` counts the firms the platforms serve (`platforms serve close to 2.5
million enterprises`, `the use of platforms by 300,000 enterprises`). Not:

- firms on the cloud (`over 1 million small and medium-sized enterprises have started using
  cloud services`): `cloud` in the figure's own clause, and no platform there;
- one platform's average (`On average, each connects about 650,000 sets of equipment and serves
  over 5,000 enterprises`): a sentence whose subject is `each`;
- firms applying the industrial internet (`promote the use of the industrial internet in 10,000
  small and medium-sized enterprises`): the use of the network, not of a platform.
"""

from __future__ import annotations

import re

# (searched in the normalised text: lower case, hyphens as spaces)
_EACH_SUBJECT = re.compile(
    r"\W*(?:on average\s*,?\s*)?(?:each|every one)\b(?! (?:year|month|day|quarter|of)\b)[^;.]*$"
)
_USE_IN = re.compile(r"\buse of (?:the )?industrial internet (?:in|by|among) $")


def not_served(norm: str, s0: int, own0: int, own1: int, q_start: int) -> bool:
    """The figure at `q_start` (own clause [own0, own1), sentence from s0) is not a count of
    enterprises served by platforms."""
    own = norm[own0:own1]
    if "cloud" in own and "platform" not in own:
        return True
    if _EACH_SUBJECT.match(norm, s0, q_start):
        return True
    return _USE_IN.search(norm, max(s0, q_start - 40), q_start) is not None
