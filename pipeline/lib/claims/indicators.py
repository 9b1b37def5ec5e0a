"""Indicator matching: which catalog indicator a quantity measures, from the phrases around it.

Each phrase of the catalog (`pipeline.metadata.indicators`) is a set of parts (`platform ...
influen`); it matches when every part occurs in the quantity's paragraph, and scores the sum of
its parts' lengths, each weighted by where its nearest occurrence is:

    own clause (cut at neighbouring quantities) 1.0 | back/forward to the neighbours 0.5 |
    elsewhere in the sentence 0.15 | elsewhere in the paragraph 0.05

An indicator's score is its best phrase's. Gates first: the unit must be the indicator's unit (a
bare number may take a money unit when it has a scale word, or `count`); a count whose counted
noun is known must count one of the indicator's nouns; at least one `requires` word must occur in
the sentence, paragraph or title. The best indicator over MIN_SCORE wins, else `unclassified`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from pipeline.metadata.indicators import CATALOG, UNCLASSIFIED, Indicator

from .context import Doc, QCtx
from .segments import norm

MIN_SCORE = 2.0
W_OWN, W_NEAR, W_SENTENCE, W_PARAGRAPH = 1.0, 0.5, 0.15, 0.05
MONEY_UNITS = frozenset(
    "CNY USD EUR JPY GBP HKD TWD CAD AUD NZD SGD CHF KRW INR RUB MXN TRY BRL VND".split()
)


def singular(word: str) -> str:
    w = word.lower().strip()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "ches", "shes", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


@functools.lru_cache(maxsize=4096)
def _head(noun: str) -> str:
    """Last word of a noun, singular: `industrial enterprises` -> `enterprise`."""
    words = norm(noun).replace("'", " ").split()
    return singular(words[-1]) if words else ""


@dataclass(frozen=True, slots=True)
class _Compiled:
    ind: Indicator
    phrases: tuple[tuple[str, ...], ...]
    counted_heads: frozenset[str]
    requires: tuple[str, ...]


def _compile(ind: Indicator) -> _Compiled:
    phrases = tuple(
        tuple(part.strip() for part in norm(p).split("...") if part.strip()) for p in ind.phrases
    )
    heads = frozenset(_head(c) for c in ind.counted)
    return _Compiled(ind, phrases, heads, tuple(norm(r) for r in ind.requires))


_COMPILED: tuple[_Compiled, ...] = tuple(_compile(ind) for ind in CATALOG.values())
# every counted noun the catalog knows: a count of something else (a garbled translation,
# `45 nationals`) is not held back by the counted gate, but needs a stronger phrase match
KNOWN_HEADS = frozenset(h for comp in _COMPILED for h in comp.counted_heads)
MIN_SCORE_UNKNOWN_NOUN = 8.0


def _part_weight(doc: Doc, c: QCtx, part: str) -> float:
    """Weight of the nearest occurrence of `part` (0 when absent from the paragraph)."""
    s0, s1 = c.sentence
    hits = doc.find_part(part, s0, s1)
    best = 0.0
    n = len(part)
    for pos in hits:
        end = pos + n
        if c.own[0] <= pos and end <= c.own[1] + 1:
            return W_OWN
        if (c.backward[0] <= pos and end <= c.backward[1]) or (
            c.forward[0] <= pos and end <= c.forward[1] + 1
        ):
            best = max(best, W_NEAR)
        else:
            best = max(best, W_SENTENCE)
    if best:
        return best
    p0, p1 = c.paragraph
    if doc.has_part(part, p0, p1):
        return W_PARAGRAPH
    return 0.0


def _requires_ok(doc: Doc, c: QCtx, words: tuple[str, ...]) -> bool:
    if not words:
        return True
    key = (c.paragraph, words)
    hit = doc._par_cache.get(key)
    if hit is None:
        p0, p1 = c.paragraph
        t0, t1 = doc.title
        hit = any(doc.has_part(w, p0, p1) or doc.has_part(w, t0, t1) for w in words)
        doc._par_cache[key] = hit
    return hit


def unit_compatible(ind: Indicator, unit: str | None, has_scale: bool, integral: bool) -> bool:
    if unit is not None:
        return ind.unit == unit
    if ind.unit in MONEY_UNITS:
        return has_scale
    return ind.unit == "count" and integral


def counted_compatible(comp: _Compiled, counted: str | None) -> bool:
    if not comp.counted_heads or not counted:
        return True
    head = _head(counted)
    return head in comp.counted_heads or head not in KNOWN_HEADS


def score_indicator(doc: Doc, c: QCtx, comp: _Compiled) -> float:
    best = 0.0
    for parts in comp.phrases:
        total = 0.0
        for part in parts:
            w = _part_weight(doc, c, part)
            if not w:
                total = 0.0
                break
            total += w * len(part)
        best = max(best, total)
    return best


def match_indicator(
    doc: Doc, c: QCtx, unit: str | None, has_scale: bool = False
) -> tuple[str, float]:
    """(indicator id, score) for the quantity in `c`; (`unclassified`, 0) when nothing fits.

    `unit` is the quantity's unit, or None for a bare number (then money indicators need a scale
    word and count indicators an integral value)."""
    q = c.q
    integral = float(q.value).is_integer()
    best_id, best_score = UNCLASSIFIED, 0.0
    for comp in _COMPILED:
        ind = comp.ind
        if not unit_compatible(ind, unit, has_scale, integral):
            continue
        if unit == "count" and not counted_compatible(comp, q.counted):
            continue
        if not _requires_ok(doc, c, comp.requires):
            continue
        score = score_indicator(doc, c, comp)
        if score > best_score:
            best_id, best_score = ind.id, score
    minimum = MIN_SCORE
    if unit == "count" and q.counted and _head(q.counted) not in KNOWN_HEADS:
        minimum = MIN_SCORE_UNKNOWN_NOUN
    if best_score < minimum:
        return UNCLASSIFIED, best_score
    return best_id, best_score
