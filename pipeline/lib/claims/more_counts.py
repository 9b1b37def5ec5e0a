"""Bare numbers that count a noun the extractor did not attach (thirteenth round).

Two first-contact misses of issue 9:

- `Four more Chinese factories join WEF's network`: a whole number, then `more` / `new` /
  `additional` and a short noun phrase ending in a plural: a count of that noun (the quote stays
  the number, as the extractor reads it);
- `output of new energy vehicles rose 7.5 percent to 1.37 million.`: a scaled number that is the
  level a change of `output of <things>` reached: a count of those things.

Plain functions of the text; `extract._resolve_unit` asks them for a number without a unit.
"""

from __future__ import annotations

import re

# `Four more Chinese factories`, `12 new smart plants` (capitalised words allowed in the phrase)
_MORE_NOUN = re.compile(
    r"[ \t]+(?:more|new|additional)[ \t]+((?:[A-Za-z][\w'-]*[ \t]+){0,3}?[a-z][\w-]*[a-z]s)\b"
)
# `output of new energy vehicles rose 7.5 percent to`, `sales of robots fell 3% to`
_CHANGED_TO = re.compile(
    r"\b(?:output|production|sales|exports|imports|shipments|deliveries)[ \t]+of[ \t]+"
    r"((?:[\w'-]+[ \t]+){0,4}?[a-z][\w-]*[a-z]s)[ \t]+(?:rose|grew|increased|climbed|jumped|fell|"
    r"dropped|declined|slid)[ \t]+(?:by[ \t]+)?[\d.]+[ \t]*(?:percent|per[ \t]+cent|%)[ \t]+to[ \t]+$",
    re.I,
)


def more_noun(text: str, end: int) -> str | None:
    """The plural noun counted after `more` right after a number ending at `end`, else None."""
    m = _MORE_NOUN.match(text, end)
    return m.group(1).split()[-1].lower() if m else None


def changed_to_noun(text: str, lo: int, start: int) -> str | None:
    """The things whose output (sales ...) changed to the number at `start` (searched from
    `lo`, the sentence start), else None."""
    if text.find(" to ", max(lo, start - 8), start) < 0:
        return None
    m = _CHANGED_TO.search(text, max(lo, start - 140), start)
    return m.group(1).strip().lower() if m else None
