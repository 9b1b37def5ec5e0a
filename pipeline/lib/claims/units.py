"""Implied units: a bare number (`will exceed 4 trillion`) gets a unit from its context.

1. The matched indicator: a money indicator gives its currency when the number has a scale word
   (`4 trillion`, `200 billion`); a count indicator gives `count` to a whole number.
2. Otherwise a currency written earlier in the same sentence or paragraph (`... 4.10 trillion
   yuan ... and 4.45 trillion`) when the number has a scale word.
3. Otherwise a count when the clause before it names what is counted: `the number of enterprises
   above designated size exceeded 38,000`, `the number of 5G base stations per 10,000 people
   reaches 26` (counted: the plural noun after `number of`; a whole number or a scale word).
4. Otherwise the number stays unresolved and is not a claim.

Computing power (`180 EFLOPS`, `500 petaflops`) is a unit of the vocabulary
(`pipeline.metadata.units`, base EFLOPS): the extractor gives it, nothing is converted here.
"""

from __future__ import annotations

import re

from pipeline.lib.quantities.model import Quantity

from .context import Doc, QCtx

_SCALE = re.compile(
    r"(?:thousand|million|billion|trillion|\d\s*(?:k|m|mn|mln|bn|bln|tn|tln|trn|b|mil|MM)\b|lakh|crore"
    r"|\u4e07|\u4ebf)",
    re.I,
)
_CURRENCY = re.compile(
    r"(?P<CNY>\byuan\b|\bRMB\b|\brenminbi\b|\bCNY\b|[\u00a5\uffe5]|\u5143)|"
    r"(?P<USD>\bUS\$|\bUSD\b|\bdollars?\b|\$)|(?P<EUR>\beuros?\b|\u20ac|\bEUR\b)|"
    r"(?P<JPY>\byen\b|\bJPY\b)|(?P<GBP>\bpounds? sterling\b|\u00a3|\bGBP\b)|"
    r"(?P<HKD>\bHK\$|\bHKD\b)"
)


def has_scale_word(text: str, q: Quantity) -> bool:
    a, b = (q.number_start, q.number_end) if q.number_end > q.number_start else (q.start, q.end)
    return bool(_SCALE.search(text[a:b]))


def currency_before(doc: Doc, c: QCtx) -> str | None:
    """The last currency written before the quantity in its paragraph (sentence first)."""
    for lo in (c.sentence[0], c.paragraph[0]):
        last = None
        for m in _CURRENCY.finditer(doc.text, lo, c.q.start):
            last = m.lastgroup
        if last:
            return last
    return None


# (the noun phrase ends at a preposition or, after its first word, a participle: `the number of
# equipment connected to platforms` counts equipment, `the number of connected workshops` workshops)
_PREP = r"(?:to|of|in|on|with|for|by|at|from|that|which)\b"
_NP_BREAK = rf"(?!{_PREP}|(?:connected|linked|covered|served)\b)"
_NUMBER_OF = re.compile(
    rf"\bnumbers? of\s+((?:(?!{_PREP})[\w'-]+\s+)??(?:{_NP_BREAK}[\w'-]+\s+){{0,4}}?"
    rf"{_NP_BREAK}[\w'-]*[a-z]s)\b",
    re.I,
)


def number_of_before(doc: Doc, c: QCtx) -> str | None:
    """The plural noun after `number of` in the text back to the previous quantity (same
    sentence), e.g. `enterprises` in `the number of enterprises above designated size exceeded`."""
    if doc.norm.find("number", c.backward[0], c.q.start) < 0:
        return None  # every match holds `number` (`norm` is lower-cased, offsets kept)
    found = list(_NUMBER_OF.finditer(doc.text, c.backward[0], c.q.start))
    return found[-1].group(1).split()[-1].lower() if found else None
