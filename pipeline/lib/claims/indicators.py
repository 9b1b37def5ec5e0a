"""Indicator matching: which catalog indicator a quantity measures, from the phrases around it.

Precision first: an id is given only when the figure clearly measures the indicator; otherwise
the claim is `unclassified` (a wrong id corrupts series and findings, an unclassified figure only
waits for a reader). Every catalog indicator is national (China as a whole).

Each phrase of the catalog (`pipeline.metadata.indicators`) is a set of parts (`platform ...
influen`); it matches when every part occurs in the quantity's paragraph, and scores the sum of
its parts' lengths, each weighted by where its nearest occurrence is:

    own clause (cut at neighbouring quantities) 1.0 | back to the previous quantity, or forward
    within the sentence when no other quantity follows 0.5 | elsewhere in the sentence (including
    text after the clause that leads to the next quantity: that is the next figure's subject)
    0.15 | elsewhere in the paragraph 0.05

A phrase counts only when its concept is near the figure: at least one of its concept parts
(parts that are not generic verbs or measure words such as `reached`, `scale`, `cover`) sits in
the own clause or back/forward region. An indicator's score is its best phrase's.

Gates, in order; any failing gate rules the indicator out:
- unit: the quantity's unit is the indicator's unit (a bare number may take a money unit when it
  has a scale word, or `count` when it is whole);
- counted noun: a count whose counted noun is known (from the extractor, or the noun phrase right
  after a bare number: `750,000 small and medium-sized enterprises`) must count one of the
  indicator's nouns; a noun unknown to the catalog needs a score of 8 instead of 2;
- topic: one of the indicator's `requires` words in the sentence, paragraph or title; a
  candidate whose topic is in the figure's sentence beats a best one whose topic is only outside
  it (`the digital economy ... or 41.5 percent of GDP` in an industrial internet article);
- excludes: a part/sub-category qualifier of the indicator (`industrial software`, `direct
  industry`, `industrial digitalization`, `compound annual`) before the figure in its sentence or
  in its own clause, with no concept part of the indicator between it and the figure, and not
  in an earlier clause stating a sibling tier of the concept when the figure's own clause names
  the concept again (`... platforms with international influence ..., along with about 70
  characteristic platforms`);
- scope (all indicators): a figure whose subject is a province, city or region (gazetteer
  `REGIONS`, or `the province`, `provincial`, `local` ...) or one company (`COMPANIES`, or `one
  leading company`, `the firm's`, a named `... Corporation` / `Group` / `Co., Ltd`) before it in its sentence, or a region as a subject earlier in
  the paragraph, without a national marker (`China's`, `the country's`, `nationwide`) in between;
- ratio: `per 10,000 people`, `per capita`, `density` around the figure: not a level or count;
- flow vs stock (cumulative indicators): `new`, `newly`, `added`, `additional`, `another` next to
  the figure or in its subject (`887,000 new 5G base stations`, `build another 600,000`; not the
  reporting verb `adding that`);
- change vs level (every kind but growth rates and changes): the figure is a difference
  (`increased by 13.6%`, `rose 8%`, `an increase of 50,000`).
The best indicator over MIN_SCORE wins, else `unclassified`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from pipeline.lib.quantities.extractor import trie_pattern
from pipeline.metadata.indicators import (
    CATALOG,
    COMPANIES,
    COMPANY_WORDS,
    REGION_WORDS,
    REGIONS,
    UNCLASSIFIED,
    Indicator,
)

from .context import Doc, QCtx
from .local_body import local_body_lead
from .month_flow import one_month_flow
from .other_aggregates import ECONOMY_IDS, other_aggregate
from .partindex import PartFinder
from .periods import heading_lists
from .segments import norm
from .served import not_served
from .units import number_of_before

MIN_SCORE = 2.0
W_OWN, W_NEAR, W_SENTENCE, W_PARAGRAPH = 1.0, 0.5, 0.15, 0.05
MONEY_UNITS = frozenset(
    "CNY USD EUR JPY GBP HKD TWD CAD AUD NZD SGD CHF KRW INR RUB MXN TRY BRL VND".split()
)
# parts that say how a figure is stated, not what it is of: they never make a phrase "near"
GENERIC_PARTS = frozenset(
    (
        "reached", "reach", "reaches", "grew", "grow", "growth", "increas", "improv", "issued",
        "connect", "connected", "connecting", "connects", "cover", "covered", "served", "serving",
        "serves", "service to", "services to", "scale", "size", "share", "proportion",
        "accounting for", "accounted for", "of gdp", "integrated into", "times", "queries",
        "posts", "employment", "policies",
    )
)  # fmt: skip


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
    concepts: tuple[tuple[str, ...], ...]  # per phrase: the parts that must sit near the figure
    counted_heads: frozenset[str]
    requires: tuple[str, ...]
    excludes: tuple[str, ...]
    index: int = 0  # position in _COMPILED


def _compile(ind: Indicator, index: int = 0) -> _Compiled:
    phrases = tuple(
        tuple(part.strip() for part in norm(p).split("...") if part.strip()) for p in ind.phrases
    )
    concepts = tuple(
        tuple(p for p in parts if p not in GENERIC_PARTS) or parts for parts in phrases
    )
    heads = frozenset(_head(c) for c in ind.counted)
    return _Compiled(
        ind,
        phrases,
        concepts,
        heads,
        tuple(norm(r) for r in ind.requires),
        tuple(norm(e) for e in ind.excludes),
        index,
    )


_COMPILED: tuple[_Compiled, ...] = tuple(_compile(ind, i) for i, ind in enumerate(CATALOG.values()))
# every counted noun the catalog knows: a count of something else is not the indicator's, except
# in a garbled translation (`45 nationals There are`), where it needs a stronger phrase match
KNOWN_HEADS = frozenset(h for comp in _COMPILED for h in comp.counted_heads)
# Every phrase part of the catalog: a paragraph's text is scanned for all of them at once (one
# regular expression pass, `PartFinder`), so phrases with a part absent from the paragraph are
# skipped cheaply.
_ALL_PARTS = tuple(sorted({part for comp in _COMPILED for parts in comp.phrases for part in parts}))
_PARTS = PartFinder(_ALL_PARTS)


def _present_parts(doc: Doc, paragraph: tuple[int, int]) -> frozenset[str]:
    """Parts that occur at a word start (as `Doc.find_part` finds them) in the paragraph; a part
    outside this set has weight 0 wherever the quantity is (its regions lie in the paragraph)."""
    key = ("present", paragraph)
    hit = doc._par_cache.get(key)
    if hit is None:
        hit = doc._par_cache[key] = _PARTS.present_at_word_starts(
            doc.norm, paragraph[0], paragraph[1]
        )
    return hit


_Phrases = tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]
# every phrase of the catalog in order: (indicator index, parts, concepts, set of parts); and per
# part, the phrases that have it
_ALL_PHRASES = tuple(
    (comp.index, parts, concepts, frozenset(parts))
    for comp in _COMPILED
    for parts, concepts in zip(comp.phrases, comp.concepts, strict=True)
    if parts  # a phrase without parts never scores
)
_PHRASES_WITH: dict[str, tuple[int, ...]] = {
    part: tuple(i for i, ph in enumerate(_ALL_PHRASES) if part in ph[3]) for part in _ALL_PARTS
}


def _viable(doc: Doc, paragraph: tuple[int, int]) -> dict[int, _Phrases]:
    """Per indicator (index in _COMPILED), its (parts, concepts) phrases whose every part occurs
    in the paragraph: the only phrases that can score for a figure of the paragraph. Indicators
    without such a phrase are absent."""
    key = ("viable", paragraph)
    hit = doc._par_cache.get(key)
    if hit is None:
        present = _present_parts(doc, paragraph)
        ids: set[int] = set()
        for part in present:
            ids.update(_PHRASES_WITH[part])
        found: dict[int, list] = {}
        for i in sorted(ids):
            index, parts, concepts, part_set = _ALL_PHRASES[i]
            if part_set <= present:
                found.setdefault(index, []).append((parts, concepts))
        hit = doc._par_cache[key] = {k: tuple(v) for k, v in found.items()}
    return hit


MIN_SCORE_UNKNOWN_NOUN = 8.0


# ---- phrase scoring --------------------------------------------------------------------------


# a clause whose subject is the figure before it: a pronoun (`and it is expected to reach 4.45
# trillion`), a participle hanging on the previous figure (`310 nodes ..., covering 31
# provinces`), a comparison (`exceed 350 billion, up from 95 billion`) or the level a change
# arrives at (`revenue rose 11.2 percent to 10.8 trillion yuan`); the sentence before it then
# counts as near
_LINKED = re.compile(
    r"^\W*(?:(?:and|but|while|which|that)\s+)?(?:it|its|they|their|this|which|covering|connecting|"
    # `337 secondary nodes covered 31 provinces`: the figure before is the verb's subject
    r"(?:covered|covers|connected|connects|served|serves|spanned|spans)(?=\s*$)|"
    r"serving|including|involving|reaching|among\s+(?:them|which)|of\s+which|"
    r"(?:bringing|taking|raising|pushing|lifting)\s+(?:the|its|their)\s+(?:\w+\s+)?"
    r"(?:total|number|tally|count)\s+(?:\w+\s+)?to|"
    r"(?:up|down|rising|rose|falling|fell|increasing|decreasing)\s+from|compared\s+(?:with|to)|"
    r"against|versus|than|(?:(?:in|by)\s+(?:19|20)\d\d\s+)?"
    r"(?:(?:year[- ]on[- ]year|y/y|yoy|annually)\s+)?(?:to|into)"
    r"(?:\s+(?:reach|hit|top|total|stand\s+at))?(?=\s*$)|"
    r"(?:and|but)\s+(?:is|are|was|were|will|would|could|may|might|has|have|"
    r"had)\s+(?:\w+ly\s+)?(?:projected|expected|forecast|estimated|set|likely|poised|slated))\b"
)


def _linked(doc: Doc, c: QCtx) -> bool:
    lead = doc.norm[c.own[0] : c.q.start]
    if _LINKED.match(lead):
        return True
    # `... is expected to reach 5.8 trillion yuan in 2025 and top 7 trillion yuan by 2030`: a
    # verb of level in the figure's span, after `and`, shares the subject of the figure before
    return bool(_AND_ONLY.match(lead) and _VERB_SPAN.match(doc.norm, c.q.start))


_AND_ONLY = re.compile(
    r"^\W*(?:(?:in|by|at\s+the\s+end\s+of|this|last|next)\s+[\w-]+(?:\s+[\w-]+)?\W*)?"
    r"(?:and|but|then)\W*$"
)
_VERB_SPAN = re.compile(r"(?:top|tops|topped|exceed\w*|surpass\w*|pass\w*|cross\w*)\b")


# an appositive between the subject and its verb (`gigabit broadband users, referring to households
# with access speeds of 1,000 Mbps or above, totaled 173 mln`): its figure does not cut the
# subject off from the figure after it
_APPOSITIVE = re.compile(
    r",\s*(?:referring\s+to|i\.e\.|namely|that\s+is|defined\s+as|meaning|which\s+(?:refers?|"
    r"means?|is|are))\b"
)


def _subject_before_appositive(doc: Doc, c: QCtx) -> tuple[int, int] | None:
    """The subject before an appositive that the previous figure closes, as a near region."""
    b0, b1 = c.backward
    if c.index == 0 or not doc.norm[b0:b1].lstrip().startswith(","):
        return None
    prev = doc.quantities[c.index - 1]
    s0 = c.sentence[0]
    last = None
    for m in _APPOSITIVE.finditer(doc.norm, s0, prev.start):
        last = m
    if last is None or "," in doc.norm[last.end() : prev.start]:
        return None
    lo = max(doc.norm.rfind(",", s0, last.start()), doc.norm.rfind(";", s0, last.start()), s0)
    return (lo, last.start())


# (`... will reach about 640 billion by the end of 2025 and that 5G base stations will exceed`: a
# second complement clause)
_NEXT_SUBJECT = re.compile(
    r"(?:,\s*|\s)(?:and|while|whereas)\s+(?:that\s+(?:the\b)?|the\b|its\b|their\b)", re.I
)


def _part_weight(
    doc: Doc, c: QCtx, part: str, linked: bool = False, extra: tuple[int, int] | None = None
) -> float:
    """Weight of the nearest occurrence of `part` (0 when absent from the paragraph)."""
    s0, s1 = c.sentence
    hits = doc.find_part(part, s0, s1)
    best = 0.0
    n = len(part)
    # text after the own clause up to the next quantity is that quantity's subject
    fwd_weight = W_SENTENCE if c.forward[1] < s1 else W_NEAR
    for pos in hits:
        end = pos + n
        if c.own[0] <= pos and end <= c.own[1] + 1:
            if (
                pos >= c.q.end
                and c.forward[1] < s1
                and _NEXT_SUBJECT.search(doc.text, c.q.end, pos)
            ):
                # `... tools was 79.6 percent and the numerical control rate of key processes
                # was 62.2 percent`: after `and`, the subject of the next figure
                best = max(best, fwd_weight)
                continue
            return W_OWN
        if c.backward[0] <= pos and end <= c.backward[1]:
            best = max(best, W_NEAR)
        elif c.forward[0] <= pos and end <= c.forward[1] + 1:
            best = max(best, fwd_weight)
        elif (linked and end <= c.q.start) or (extra and extra[0] <= pos and end <= extra[1]):
            best = max(best, W_NEAR)
        else:
            best = max(best, W_SENTENCE)
    if best < W_NEAR and extra and extra[1] <= s0 and doc.has_part(part, extra[0], extra[1]):
        return W_NEAR  # the previous sentence, which a pronoun subject refers to
    if best:
        return best
    p0, p1 = c.paragraph
    if doc.has_part(part, p0, p1):
        return W_PARAGRAPH
    return 0.0


# a sentence whose subject is the previous sentence's figure or subject: `That compares with
# 3.1 trillion yuan in 2020`, `Its share of GDP rose from ...`, `This was up from ...`
_ANAPHORIC = re.compile(
    r"\W*(?:that|this|it|its|the\s+figure|the\s+number|the\s+total|the\s+market|the\s+industry|"
    r"the\s+sector)\s+(?:compares?|compared|"
    r"is|was|were|had|has|rose|fell|grew|stood|share|proportion|(?:\w+\s+)?(?:up|down)\s+from)\b"
    # `CAICT estimated that it would reach ...`: a source's forecast about the same subject
    r"|\W*(?:[\w&.'-]+\s+){1,4}?(?:estimated|estimates|expected|expects|forecast|forecasts|"
    r"predicted|predicts|projected|projects)\s+(?:that\s+)?it\s+(?:would|will|could|might)\b"
)


def _previous_sentence(doc: Doc, c: QCtx, first_only: bool = True) -> tuple[int, int] | None:
    """The previous sentence of the paragraph when the figure's sentence opens with a pronoun
    subject (the pronoun names that sentence's subject); `first_only`: only for the sentence's
    first figure."""
    s0 = c.sentence[0]
    if s0 <= c.paragraph[0] or not _ANAPHORIC.match(doc.norm, s0, c.q.start):
        return None
    if first_only and doc.quantities_in(s0, c.q.start):
        return None  # not the sentence's first figure
    prev = doc.seg.sentence_at(s0 - 1)
    return prev if prev[0] >= c.paragraph[0] and prev[1] <= s0 else None


# `158 secondary nodes have been put into operation in 28 provinces`, `340 nodes serving 47
# industries in 31 provinces, regions and municipalities`: a count of regions after `in` says
# where the things counted before it in the sentence are
_REGION_SETS = frozenset(("provinces", "regions", "municipalities"))
_IN_BEFORE = re.compile(r"\b(?:in|across)\s+(?:(?:about|around|over|more\s+than|nearly)\s+)?$")


def _located_in(doc: Doc, c: QCtx) -> tuple[int, int] | None:
    """The sentence before a count of regions that locates the figures before it, as a near
    region."""
    if c.q.counted not in _REGION_SETS or c.index == 0:
        return None
    s0 = c.sentence[0]
    if doc.quantities[c.index - 1].start < s0:
        return None
    if _IN_BEFORE.search(doc.norm, max(s0, c.q.start - 30), c.q.start) is None:
        return None
    return (s0, c.q.start)


def _near(doc: Doc, c: QCtx) -> tuple[bool, tuple[int, int] | None]:
    """(linked, extra near region) of the figure, computed once per quantity span (the first
    context asked for decides, as the regions of a `respectively` list come first; or the
    context `_decide_near` kept, when it was asked first)."""
    key = ("near", c.q.start, c.q.end)
    near_ctx = doc._par_cache.get(key)
    if near_ctx is None:
        c = doc._par_cache.get(("near_by", c.q.start, c.q.end)) or c
        extra = (
            _subject_before_appositive(doc, c) or _previous_sentence(doc, c) or _located_in(doc, c)
        )
        near_ctx = doc._par_cache[key] = (_linked(doc, c), extra)
    return near_ctx


def _near_decided(doc: Doc, q) -> bool:
    cache = doc._par_cache
    return ("near", q.start, q.end) in cache or ("near_by", q.start, q.end) in cache


def _decide_near(doc: Doc, c: QCtx) -> None:
    """Make `c` the context whose regions give the near regions of its span when none has yet,
    without computing them: most figures of a text without a viable phrase never need them."""
    doc._par_cache.setdefault(("near_by", c.q.start, c.q.end), c)


def _weights(doc: Doc, c: QCtx) -> dict[str, float]:
    """The cache of part weights for this context (its regions decide the weights)."""
    key = ("weights", c.q.start, c.q.end, c.sentence, c.paragraph, c.own, c.backward, c.forward)
    hit = doc._par_cache.get(key)
    if hit is None:
        hit = doc._par_cache[key] = {}
    return hit


def _score(
    doc: Doc,
    c: QCtx,
    phrases: _Phrases,
    near_ctx: tuple[bool, tuple[int, int] | None],
    weights: dict[str, float],
) -> float:
    """The best score of these phrases (all of whose parts occur in the paragraph)."""
    best = 0.0
    linked, extra = near_ctx
    for parts, concepts in phrases:
        total = 0.0
        near = False
        for part in parts:
            w = weights.get(part)
            if w is None:
                w = weights[part] = _part_weight(doc, c, part, linked, extra)
            if not w:
                total = 0.0
                break
            total += w * len(part)
            if w >= W_NEAR and part in concepts:
                near = True
        if near:
            best = max(best, total)
    return best


def score_indicator(doc: Doc, c: QCtx, comp: _Compiled) -> float:
    near_ctx = _near(doc, c)
    phrases = _viable(doc, c.paragraph).get(comp.index, ())
    if not phrases:
        return 0.0
    return _score(doc, c, phrases, near_ctx, _weights(doc, c))


def _topic_in_sentence(doc: Doc, c: QCtx, words: tuple[str, ...]) -> bool:
    s0, s1 = c.sentence
    prev = _previous_sentence(doc, c, first_only=False)
    if prev is not None:
        s0 = prev[0]  # `... the digital economy ... . Its share of GDP rose ...`
    return any(doc.has_part(w, s0, s1) for w in words)


def _sentence_topic(
    doc: Doc, c: QCtx, candidates: list[tuple[float, _Compiled]], best: _Compiled
) -> _Compiled:
    """The figure's own sentence names its subject: a candidate whose topic (`requires`) is in
    the sentence beats a best candidate whose topic is only elsewhere in the paragraph or the
    title (`The digital economy ... reached 50.2 trillion yuan, or 41.5 percent of GDP` in an
    article on the industrial internet is the digital economy's share)."""
    if not best.requires or _topic_in_sentence(doc, c, best.requires):
        return best
    own = [
        (score, comp)
        for score, comp in candidates
        if comp.requires and score >= MIN_SCORE and _topic_in_sentence(doc, c, comp.requires)
    ]
    return max(own, key=lambda t: t[0])[1] if own else best


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


def _topic_oks(doc: Doc, paragraph: tuple[int, int]) -> list[bool | None]:
    """`_requires_ok` per catalog indicator (by index) for the figures of a paragraph, filled in
    as asked (it depends on the paragraph and the title only)."""
    key = ("topic_oks", paragraph)
    hit = doc._par_cache.get(key)
    if hit is None:
        hit = doc._par_cache[key] = [None] * len(_COMPILED)
    return hit


def _topic_ok(doc: Doc, c: QCtx, comp: _Compiled, oks: list[bool | None]) -> bool:
    ok = oks[comp.index]
    if ok is None:
        ok = oks[comp.index] = _requires_ok(doc, c, comp.requires)
    return ok


def unit_compatible(ind: Indicator, unit: str | None, has_scale: bool, integral: bool) -> bool:
    if unit is not None:
        return ind.unit == unit
    if ind.unit in MONEY_UNITS:
        return has_scale
    return ind.unit == "count" and integral


_BY_UNIT: dict[tuple[str | None, bool, bool], tuple[_Compiled, ...]] = {}


def _unit_candidates(unit: str | None, has_scale: bool, integral: bool) -> tuple[_Compiled, ...]:
    """The indicators (in catalog order) whose unit the figure can have (`unit_compatible`)."""
    key = (unit, has_scale, integral)
    hit = _BY_UNIT.get(key)
    if hit is None:
        hit = tuple(c for c in _COMPILED if unit_compatible(c.ind, unit, has_scale, integral))
        if len(_BY_UNIT) < 1024:  # units come from a fixed table; bounded all the same
            _BY_UNIT[key] = hit
    return hit


def _viable_candidates(
    doc: Doc, paragraph: tuple[int, int], viable: dict[int, _Phrases], cands: tuple[_Compiled, ...]
) -> tuple[_Compiled, ...]:
    """The candidates (in order) with a viable phrase in the paragraph; once per paragraph and
    candidate list."""
    key = ("viable_cands", paragraph, id(cands))  # (candidate lists are kept in _BY_UNIT)
    hit = doc._par_cache.get(key)
    if hit is None or hit[0] is not cands:
        hit = doc._par_cache[key] = (cands, tuple(comp for comp in cands if comp.index in viable))
    return hit[1]


_BLOCKED: dict[tuple[str, bool, bool], frozenset[int]] = {}
_COUNT_UNIT = frozenset(comp.index for comp in _COMPILED if comp.ind.unit == "count")


def _counted_blocked(counted: str | None, garbled: bool, count_like: bool) -> frozenset[int]:
    """Indices of the indicators that the counted-noun gate of `match_indicator` rules out: every
    indicator failing `counted_compatible` for a count-like figure, else the count indicators
    among them."""
    if not counted:
        return frozenset()  # counted_compatible holds for every indicator
    key = (counted, garbled, count_like)
    hit = _BLOCKED.get(key)
    if hit is None:
        hit = frozenset(
            comp.index
            for comp in _COMPILED
            if (count_like or comp.index in _COUNT_UNIT)
            and not counted_compatible(comp, counted, garbled)
        )
        if len(_BLOCKED) < 4096:
            _BLOCKED[key] = hit
    return hit


def counted_compatible(comp: _Compiled, counted: str | None, garbled: bool = False) -> bool:
    """A count indicator with counted nouns takes only a figure that counts one of them (`10G-PON
    ports` are not gigabit users, `4 international standards` not connected enterprises).
    `garbled`: the noun is cut off by a glued sentence boundary (`integrated into 45 nationals
    There are ...`, a machine translation): a noun unknown to the catalog is then no evidence."""
    if not comp.counted_heads or not counted:
        return True
    head = _head(counted)
    return head in comp.counted_heads or (garbled and head not in KNOWN_HEADS)


_GLUED_AFTER = re.compile(r"[ \t]+[A-Z][a-z]+[ \t]+(?:are|is|was|were|has|have|had)\b")


def _garbled_noun(doc: Doc, c: QCtx) -> bool:
    """The counted noun ends where a sentence starts without punctuation (`45 nationals There
    are`)."""
    return c.q.counted is not None and _GLUED_AFTER.match(doc.text, c.q.end) is not None


# ---- the counted noun of a bare number -------------------------------------------------------

_NP_STOP = frozenset(
    """to in of for with by from on at as are is were was have has had will would be been being
    that which who where when than while including such""".split()
)
_VERB_AFTER = frozenset(
    """reaches exceeds covers accounts ranks stands tops hits remains includes means shows
    represents makes takes gives""".split()
)


_CHUNK_END = re.compile(r"[,.;:()!?]")
_NP_WORD = re.compile(r"[a-z0-9][a-z0-9'+&]*")


def trailing_noun(doc: Doc, c: QCtx) -> str | None:
    """The plural noun right after a bare number: `750,000 small and medium-sized enterprises to
    ...` -> `enterprises`; None when the number is not followed by a noun phrase."""
    after = doc.norm[c.q.end : min(c.q.end + 80, c.sentence[1])]
    if not after[:1].isspace():
        return None
    chunk = _CHUNK_END.split(after, maxsplit=1)[0]
    words = _NP_WORD.findall(chunk)
    head = None
    for k, w in enumerate(words[:7]):
        if w in _NP_STOP or (k == 0 and w in _VERB_AFTER):
            break
        head = w
    if head and head.endswith("s") and not head.endswith("ss") and head.isalpha():
        return head
    return None


# ---- vetoes ----------------------------------------------------------------------------------


def _words_re(words) -> re.Pattern[str]:
    alts = sorted((re.escape(norm(w)).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True)
    return re.compile(r"(?<![\w'])(?:" + "|".join(alts) + r")(?![\w])")


# the names as a trie (`Gu(?:angdong|angxi|izhou)`): the stdlib engine scans it several times
# faster than the flat list, with the same matches (the names matching at one position are
# prefixes of each other, tried from the longest, as the list sorted by length tries them)
_REGION_NAME = re.compile(
    r"(?<![\w'-])(?:"
    + trie_pattern(REGIONS).replace("'", "['\u2019]")
    + r")(?![\w-])(?!\s+(?:University|Institute|Academy|Stock|Exchange|Summit|Conference|Forum|"
    r"Expo|Declaration|Consensus|Cooperation|Initiative|Time|time)\b)"
)
_REGION_WORD = _words_re(REGION_WORDS)
# another country or bloc as the subject: `China has more than 50 platforms, the United States
# more than 30 and Germany around 20` (every catalog indicator is China's)
_FOREIGN = re.compile(
    r"\b(?:the\s+United\s+States|United\s+States|the\s+U\.?S\.?(?=\W)|America|Germany|Japan|"
    r"South\s+Korea|Korea|France|Britain|the\s+UK|the\s+United\s+Kingdom|India|Italy|Russia|"
    r"Singapore|Vietnam|Brazil|the\s+European\s+Union|the\s+EU|Europe|North\s+America)\b"
    r"(?!\s+(?:and|or)\s+China\b)"
)
# a group of regions named before (`in the three provinces`, `these cities`): not the nation
_REGION_GROUP = re.compile(
    r"\b(?:the|these|those|both|the\s+two|its)\s+(?:(?:two|three|four|five|six|seven|eight|nine|"
    r"ten|[2-9]|1\d|2\d)\s+)?(?:provinces|cities|municipalities|prefectures|counties)\b"
)
# a region right after the figure: `320,000 pieces of equipment in Changzhou`, `... in operation
# in the three provinces`
_IN_REGION_AFTER = re.compile(r"\b(?:in|across\s+the|of)\s+$")
# one facility as the subject: `the node will connect no fewer than 300 enterprises`, `The
# platform served 2,340 enterprise customers`, `The park hosts a node that has registered ...`
_FACILITY = re.compile(
    r"\b(?:the|this|that|a|an|one|its|our)\s+(?:[a-z][\w-]*\s+){0,2}(?:node|park|platform)\b"
    r"(?!\s+(?:economy|market|industry|sector|system)s?\b)(?!['\u2019]?s\b)"
)
# one site as the subject: `The port has installed more than 30 5G base stations`, `the mine now
# runs ...`: its own equipment, not the country's
_SITE_WORDS = (  # (looked for first: most sentences name no site)
    *("port", "terminal", "mine", "factory", "plant", "airport", "hospital", "steelworks"),
    *("refinery", "workshop"),
)
_SITE_SUBJECT = re.compile(
    r"\b(?:the|this|that|its|our)\s+(?:[a-z][\w-]*\s+)?(?:port|terminal|mine|factory|plant|"
    r"airport|hospital|steelworks|refinery|workshop)\s+(?:(?:now|also|already)\s+)?(?:has|had|"
    r"have|installed|built|deployed|operates|runs|uses|used|set\s+up)\b"
)
_REGION_SUBJECT = re.compile(  # a region as the subject of a sentence
    r"\s*(?:['\u2019]s|\s+(?:province|city|municipality|region|alone|has|had|have|is|was|will|"
    r"ranks?|ranked|built|added|now))\b"
)
_COMPANY_LISTED = (
    r"(?<![\w-])(?:"
    + trie_pattern(COMPANIES)
    + r")(?![\w-])|\b(?:Co\.|Ltd\.?|Inc\.|Corp\.|Limited)"
)
_COMPANY_NAME = re.compile(
    _COMPANY_LISTED
    # a named corporation or group: `China State Shipbuilding Corporation`, `Haier Group`
    + r"|\b[A-Z][\w&.-]*(?:\s+(?:[A-Z][\w&.-]*|of|and))*?\s+(?<!Working\s)(?<!Expert\s)"
    r"(?<!Leading\s)(?<!Task\s)(?<!Study\s)(?:Corporation|Group|Holdings|Company)\b"
)
# without the named corporation (slow to try at every capital), for texts without its last word
_COMPANY_LISTED_RE = re.compile(_COMPANY_LISTED)
_CORPORATE = ("Corporation", "Group", "Holdings", "Company")


def _company_name(s: str) -> re.Pattern[str]:
    """_COMPANY_NAME, or the same matches for `s` faster when `s` has none of _CORPORATE."""
    return _COMPANY_NAME if any(w in s for w in _CORPORATE) else _COMPANY_LISTED_RE


_COMPANY_WORD = re.compile(
    r"\b(?:the|one|a|an|this|that|each|its|their|our|every)\s+(?:[a-z][\w-]*\s+){0,2}(?:"
    + "|".join(COMPANY_WORDS)
    + r"|[a-z]+(?:maker|producer|manufacturer))(?:'s)?(?![\w-])"
)
# a match of _COMPANY_WORD contains one of these (a text without them is not scanned)
_COMPANY_HINTS = (*COMPANY_WORDS, "maker", "producer", "manufacturer")
_NATIONAL = re.compile(
    r"\b(?:china|the\s+country|my\s+country|our\s+country|the\s+nation)(?:'s|\s+(?:has|had|"
    r"have|is|was|will|now|built|added|reached|saw))\b|\bnationwide\b|\bnationally\b|"
    r"\bacross\s+the\s+(?:country|nation)\b|\b(?:whole|entire)\s+country\b|"
    r"\bnational\s+(?:total|level)\b|\bat\s+the\s+national\b"
)
_PER = re.compile(
    r"\bper\s+(?!cent\b)(?:\d|ten|one|a|hundred|thousand|capita|unit|person|people|head|square|"
    r"household|million|billion)|\bdensity\b|\bfor\s+every\b|\baverage\s+number\b"
)
_NEW = re.compile(
    r"\b(?:new(?!\s+(?:infrastructure|generation|type|energy|era|round|model|normal|stage|phase|"
    r"level|record|high|york|zealand|materials?))|newly|(?<!value\s)added(?!\s+(?:value|that))|"
    r"(?:add|adds|adding)(?!\s+that)|additional|another|incremental|increment|daily|monthly|annually|per\s+(?:day|month|"
    r"year)|(?:a|each|every)\s+(?:day|month))\b"
)
_CHANGE_BEFORE = re.compile(
    r"\b(?:increas\w*|decreas\w*|rose|risen|rise|rising|fell|fallen|fall|falling|dropp?\w*|"
    r"reduc\w*|grew|grown|grow|growing|improv\w*|(?<!made\s)(?<!make\s)(?<!makes\s)(?<!took\s)"
    r"(?<!take\s)(?<!takes\s)(?<!adds\s)(?<!added\s)up|down|cut|declin\w*|rais\w*|lower\w*|"
    r"shrank|expand\w*|saved|saving|boost\w*)\s+(?:by\s+)?$|\b(?:increase|decrease|growth|"
    r"reduction|rise|drop|decline|gain|improvement)\s+of\s+$"
)
_VENUE = re.compile(
    r"\b(?:held|hosted|opened|convened|launched|located|based|headquartered|conference|forum|"
    r"summit|expo|meeting|event|press conference|ceremony|speaking|said|told)\s+(?:\w+\s+)?in\s+$"
)
_LEVELS = re.compile(r"\b(?:national|central)\W+(?:\w+\W+)?$")
_THE_REGION = re.compile(r"\b(?:the|this) (?:province|city|municipality)\b")
_COMPOUND = re.compile(r"\b(?:compound|cagr|average annual|annual average|annuali[sz]ed)\b")
_DATELINE = re.compile(r"^.{0,80}?(?:\(\w+\)\s*)?(?:--|\u2014|\u2013)\s")


# the speaker's own business in an interview or release: `Our platform now connects 1.5 million
# devices` (not `our country`)
_OUR_BUSINESS = re.compile(
    r"\bour\s+(?:own\s+)?(?:platform|company|firm|group|business|products?|factory|factories|"
    r"plants?|customers|clients|revenue|sales)\b"
)
_SHARE_CUE = re.compile(
    r"\b(?:share|proportion|accounting|accounted|accounts|equivalent|equal|percent of|of gdp|"
    r"of the gdp|of gross|ratio|penetration|(?<!growth )(?<!increase )rate)\b"
)
_GROWTH_CUE = re.compile(
    r"\b(?:growth|grew|grow|grows|growing|rose|rise|rising|increas\w*|expand\w*|up|down|"
    r"declin\w*|fell|slow\w*|eased|accelerat\w*)\b"
)


_OF_GDP = re.compile(r"\s*of\s+(?:the\s+)?(?:gdp|gross|total|\w+(?:'s)?\s+gdp)")


def _growth_not_share(doc: Doc, c: QCtx) -> bool:
    """`Nominal growth of the digital economy eased to 7.39%, compared with 10.3% in 2022`: a
    growth rate is not a share, unless a share cue is closer to the figure (`and equivalent to
    42.8% of GDP`)."""
    after = doc.norm[c.q.end : min(c.q.end + 30, c.sentence[1])]
    if _OF_GDP.match(after):
        return False
    lead = doc.norm[c.sentence[0] : c.q.start]
    ends = [g.end() for g in _GROWTH_CUE.finditer(lead)]
    if not ends:
        return False
    if _LEVEL_AFTER_CUE.match(lead, ends[-1]):
        # `its share of GDP rose from 21.6 percent to 41.5 percent`: the levels of a share, not
        # the change (`growth ... eased to 7.39%` stays a growth rate)
        shares = [m.end() for m in _SHARE_CUE.finditer(lead, 0, ends[-1])]
        if shares and not re.search(r"\bgrowth\b", lead[shares[-1] : ends[-1]]):
            return False
    return not _SHARE_CUE.search(lead, ends[-1])


# after a verb of change, the levels it goes from and to: `rose from 21.6 percent to`, `rose to`,
# `should rise to 72 percent and` (a list of levels)
_LEVEL_AFTER_CUE = re.compile(
    r"\s+(?:from\b.*|to(?:\s+(?:an?\s+)?(?:estimated|about|around|nearly|almost|over|"
    r"more\s+than|roughly))?\s*(?:\d[\d.,]*\s*(?:%|percent|per\s+cent)\s*(?:,\s*(?:and\s+)?|and\s+))*)$"
)


def _masked(doc: Doc, c: QCtx, lo: int, hi: int, lower: bool = True) -> str:
    """Text [lo, hi) with other quantities blanked (a counted noun `31 provinces` is not a
    scope)."""
    src = doc.norm if lower else doc.text
    parts = []
    pos = lo
    for q in doc.quantities_in(lo, hi):  # bisection: not every quantity of the text
        if q is c.q:
            continue
        a, b = max(q.start, lo), min(q.end, hi)
        if a > pos:
            parts.append(src[pos:a])
        parts.append(" " * (b - max(a, pos)) if b > pos else "")
        pos = max(pos, b)
    parts.append(src[pos:hi])
    return "".join(parts)


def _region_hits(raw: str, low: str) -> list[int]:
    """End offsets (in the window) of region cues: gazetteer names (not all capitals) and generic
    region words."""
    out = []
    names = list(_REGION_NAME.finditer(raw))
    located = _located_lists(raw, names) if len(names) >= 3 else ()
    for k, m in enumerate(names):
        if m.group(0).isupper() or _VENUE.search(low[max(0, m.start() - 40) : m.start()]):
            continue  # a dateline, or where an event took place
        if k in located:
            continue  # `nodes in Beijing, Shanghai, Guangzhou, Wuhan and Chongqing`: where
        out.append(m.end())
    for m in _REGION_WORD.finditer(low):
        # a level in an enumeration (`national, provincial and enterprise ...`) is not a scope
        if not _LEVELS.search(low[max(0, m.start() - 25) : m.start()]):
            out.append(m.end())
    out += [m.end() for m in _FOREIGN.finditer(raw)]
    return out


_NAME_LIST_GAP = re.compile(r"\s*(?:,|,?\s+and|&)\s*$")
_IN_BEFORE = re.compile(r"\b(?:in|at)\s+$")


def _located_lists(raw: str, names: list) -> set[int]:
    """Indices of region names in a list of three or more after `in` / `at`: where things are
    (`five top-level nodes in Beijing, Shanghai, Guangzhou, Wuhan and Chongqing`), not whose
    figure it is."""
    out: set[int] = set()
    k = 0
    while k < len(names):
        j = k
        while j + 1 < len(names) and _NAME_LIST_GAP.match(
            raw[names[j].end() : names[j + 1].start()]
        ):
            j += 1
        if j - k >= 2 and _IN_BEFORE.search(raw, max(0, names[k].start() - 6), names[k].start()):
            out.update(range(k, j + 1))
        k = j + 1
    return out


def _scoped(raw: str, low: str, hits: list[int]) -> bool:
    """A region/company cue ending at one of `hits` with no national marker after it."""
    if not hits:
        return False
    last = max(hits)
    return not _NATIONAL.search(low, last)


# a local government's document: `Notice of Wuxi Municipal People's Government on Issuing the
# Three-Year Action Plan ...`, `Guangdong Province Implementation Plan for ...`
_LOCAL_DOC = re.compile(
    r"\b(?:notice|circular|action\s+plan|plan|opinions|measures|implementation|programme|"
    r"program|scheme|regulations?|guidelines?|(?:municipal|provincial|people's)\s+government|"
    r"statistical\s+(?:communiqu\w*|bulletin|report)|communiqu\w*|bulletin|"
    # a provincial or city government's work report
    r"report\s+on\s+the\s+work|work\s+report)\b"
)
# a company's own release: `Hanwei Intelligent Reports 2023 Annual Results`, `... /PRNewswire/
# -- X Holdings Limited (... stock code: 2783) ... today announced its annual results`
_COMPANY_DOC = re.compile(
    r"\b(?:reports?|announces?|posts?|releases?)\b[^.\n]{0,60}\b(?:results|earnings)\b|"
    r"/\s*prnewswire\s*/|\bbusiness\s*wire\b|\bglobenewswire\b|\bstock\s+code\b|"
    r"\btoday\s+announced\b|"
    # a company's own report: `Zhongheng ... Co., Ltd.` / `2024 ... (ESG) Report (Excerpt)`
    r"\b(?:esg\)?|sustainability|csr|social\s+responsibility|annual)\s+report\b"
)


# an organisation's own web page named in the title: its figures are its own
_OWN_PAGE = re.compile(
    r"\babout\s+us\b|\bfacts\s*(?:&|and)\s*figures\b|\b(?:company|corporate)\s+profile\b"
)


def doc_scope(doc: Doc) -> str | None:
    """`region` for a local government's plan or notice named in the title (its figures are the
    region's), `company` for a company's own release (results, press release naming the firm in
    its title or first paragraph), else None."""
    key = ("doc_scope",)
    if key in doc._par_cache:
        return doc._par_cache[key]
    t0, t1 = doc.title
    title = doc.text[t0:t1]
    tlow = doc.norm[t0:t1]
    result = None
    if not _NATIONAL.search(tlow) and _LOCAL_DOC.search(tlow):
        if any(not m.group(0).isupper() for m in _REGION_NAME.finditer(title)):
            result = "region"
    if result is None and local_body_lead(doc, _REGION_NAME):
        result = "region_body"  # `INVEST IN WUHU` / `Wuhu Investment Promotion Bureau`
    if result is None:
        paras = doc.seg.paragraphs
        lead_end = paras[1][1] if len(paras) > 1 else t1
        lead_end = min(lead_end, t0 + 1500)
        lead, llow = doc.text[t0:lead_end], doc.norm[t0:lead_end]
        if _COMPANY_DOC.search(llow) and (
            _company_name(lead).search(lead) or _COMPANY_WORD.search(llow)
        ):
            result = "company"
        elif _OWN_PAGE.search(tlow):
            result = "company"  # `Hengyun Industrial Cloud | About Us | Facts & Figures`
    doc._par_cache[key] = result
    return result


def _earlier_region(doc: Doc, c: QCtx, p0: int, s0: int) -> bool:
    """A region that is the subject of the paragraph's text [p0, s0) before the figure's
    sentence. Depends only on the span (the figure lies after it), so it is computed once for
    all the figures of a sentence."""
    # (a figure starting before s0 would be masked by the others: not cached then)
    key = ("earlier_region", p0, s0) if c.q.start >= s0 else None
    hit = doc._par_cache.get(key) if key is not None else None
    if hit is None:
        praw = _masked(doc, c, p0, s0, lower=False)
        plow = norm(praw)
        hits = [
            m.end() for m in _REGION_NAME.finditer(praw) if _REGION_SUBJECT.match(praw, m.end())
        ]
        hits += [m.end() for m in _THE_REGION.finditer(plow)]
        hit = _scoped(praw, plow, hits)
        if key is not None:
            doc._par_cache[key] = hit
    return hit


def _list_region(doc: Doc, c: QCtx) -> bool:
    """A figure on a line of a list whose heading has a region as its subject (`By the end of
    2024, Jiangsu had:` then bullets): the list's figures are the region's."""
    lists = heading_lists(doc)
    if not lists or c.paragraph[0] < lists[0][0]:
        return False
    pos = c.q.start
    for a, b, _, (h0, h1) in lists:
        if a <= pos < b:
            return _earlier_region(doc, c, h0, h1) and not _NATIONAL.search(doc.norm, h0, h1)
    return False


def _national_sentence(doc: Doc, s0: int, s1: int) -> bool:
    """Does the sentence [s0, s1) carry a national marker? (once per sentence)"""
    key = ("national", s0, s1)
    hit = doc._par_cache.get(key)
    if hit is None:
        hit = doc._par_cache[key] = _NATIONAL.search(doc.norm[s0:s1]) is not None
    return hit


def _group_hits(doc: Doc, lo: int, hi: int) -> list[int]:
    """End offsets (from lo) of region groups in [lo, hi), unmasked (`the three provinces` is
    itself a quantity)."""
    return [m.end() - lo for m in _REGION_GROUP.finditer(doc.norm, lo, hi)]


def _region_after(doc: Doc, c: QCtx) -> bool:
    """A region named in the figure's clause after it, after `in`: `320,000 pieces of equipment
    in Changzhou are connected`, `nodes are in operation in the three provinces`."""
    after = doc.norm[c.q.end : max(c.clause[1], c.q.end)]
    if not after.strip():
        return False
    for m in _REGION_GROUP.finditer(after):
        if _IN_REGION_AFTER.search(after, 0, m.start()):
            return True
    raw = doc.text[c.q.end : c.q.end + len(after)]
    names = [m for m in _REGION_NAME.finditer(raw) if not m.group(0).isupper()]
    if len(names) != 1 or "national" in doc.norm[c.q.start : c.q.end]:
        return False  # `five national top-level nodes in Beijing, Shanghai, ...`: where they are
    if _LIST_GOES_ON.match(doc.text, c.q.end + names[0].end()):
        return False
    return _IN_REGION_AFTER.search(after, 0, names[0].start()) is not None


# a firm named with its listing: `Shenzhen-listed Hengyu Software`, `Hong Kong-listed Xinlian`
_LISTED_FIRM = re.compile(
    r"\b[A-Z][\w]*(?:\s+[A-Z][\w]*)?-listed\s+[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*"
)

_LIST_GOES_ON = re.compile(r"\s*(?:,|and\b|&)\s*[A-Z]")


def scope_of(doc: Doc, c: QCtx) -> str | None:
    """`region` or `company` when the figure's subject is a province/city/region or one firm,
    else None (a national figure)."""
    key = ("scope", c.q.start, c.q.end)
    if key in doc._par_cache:
        return doc._par_cache[key]
    s0 = c.sentence[0]
    raw = _masked(doc, c, s0, c.q.start, lower=False)
    m = _DATELINE.match(raw)
    if m:  # `BEIJING, Jan. 18 (Xinhua) -- ...`
        raw = " " * m.end() + raw[m.end() :]
    low = norm(raw)
    result = None
    # generic region words in the figure's own clause after it: `40% of local GDP`
    after = norm(_masked(doc, c, c.q.end, max(c.own[1], c.q.end), lower=False))
    if any(
        not _LEVELS.search(after[max(0, m.start() - 25) : m.start()])
        for m in _REGION_WORD.finditer(after)
    ) or _region_after(doc, c):
        result = "region"
    elif _scoped(raw, low, _region_hits(raw, low) + _group_hits(doc, s0, c.q.start)):
        result = "region"
    else:
        comp = [m.end() for m in _company_name(raw).finditer(raw)]
        if any(w in low for w in _COMPANY_HINTS):
            comp += [m.end() for m in _COMPANY_WORD.finditer(low)]
        if "our" in low:
            comp += [m.end() for m in _OUR_BUSINESS.finditer(low)]
        comp += [m.end() for m in _FACILITY.finditer(low)]
        if any(map(low.__contains__, _SITE_WORDS)):
            comp += [m.end() for m in _SITE_SUBJECT.finditer(low)]
        if "-listed" in raw:  # `Shenzhen-listed Hengyu Software ... said its revenue grew`
            comp += [m.end() for m in _LISTED_FIRM.finditer(raw)]
        if _scoped(raw, low, comp) and not _ALL_OPERATORS.search(low):
            result = "company"
    if result is None and not _NATIONAL.search(low):
        # a region that is the subject of an earlier sentence of the paragraph
        p0 = c.paragraph[0]
        if p0 < s0 and _earlier_region(doc, c, p0, s0):
            result = "region"
    if result is None and _list_region(doc, c) and not _NATIONAL.search(low):
        result = "region"
    if result is None and not _national_sentence(doc, s0, c.sentence[1]):
        result = doc_scope(doc)  # a local plan's or a company release's figures
        if result == "region_body":  # a local body's text: not in a paragraph on the nation
            p0, p1 = c.paragraph
            result = None if _national_sentence(doc, p0, p1) else "region"
    doc._par_cache[key] = result
    return result


# the three basic telecom operators named together are the whole country's networks (`China
# Mobile, China Telecom and China Unicom had built more than 16,000 5G private networks`)
_ALL_OPERATORS = re.compile(
    r"china (?:mobile|telecom|unicom),? china (?:mobile|telecom|unicom),? (?:and )?"
    r"china (?:mobile|telecom|unicom)|\b(?:the )?three (?:basic )?(?:telecom )?operators\b"
)


def _is_ratio(doc: Doc, c: QCtx) -> bool:
    before = doc.norm[c.clause[0] : c.q.start]
    after = doc.norm[c.q.end : min(c.q.end + 30, c.sentence[1])]
    return bool(_PER.search(before) or _PER.match(after.lstrip()) or _PER.search(c.q.text.lower()))


def _is_flow(doc: Doc, c: QCtx) -> bool:
    """An addition or a rate over a period (`887,000 new base stations`, `build another 600,000`,
    `a daily resolution volume of 150 million`, `10 more platforms`, `10 apps each year`)."""
    quote = doc.norm[c.q.start : c.q.end]
    subject = doc.norm[c.own[0] : c.q.start]
    return bool(
        _NEW.search(quote)
        or _NEW.search(subject)
        or _PER_YEAR_AFTER.match(doc.norm, c.q.end)
        or _MORE_AFTER.match(doc.norm, c.q.end)
        or _OVER_PERIOD_AFTER.match(doc.norm, c.q.end)
        or _ADDED_AFTER.match(doc.norm, c.q.end)
        or _compared_with_flow(doc, c)
        or one_month_flow(doc.norm, c.sentence[0], c.q.start, c.q.end, max(c.own[1], c.q.end))
    )


# the figure's own verb of addition: `of which more than 580,000 were added in the year`
_ADDED_AFTER = re.compile(
    r"\s+(?:were|was|had\s+been|have\s+been|has\s+been)\s+(?:newly\s+)?(?:added|newly\s+built)\b"
)


# an amount over a period: `built more than 600,000 base stations over the year`
_OVER_PERIOD_AFTER = re.compile(
    r"\s+(?:over|during|throughout)\s+the\s+(?:past\s+|last\s+|whole\s+|same\s+)?"
    r"(?:year|quarter|month|period|first\s+half|second\s+half)\b"
)
_COMPARED_LEAD = re.compile(
    r"\W*(?:compared\s+(?:with|to)|against|versus|up\s+from|down\s+from|from)\s*$"
)


def _compared_with_flow(doc: Doc, c: QCtx) -> bool:
    """A comparison base of an addition is an addition too: `270,000 new stations were added,
    compared with 214,000 in the first quarter`."""
    if c.index == 0 or not _COMPARED_LEAD.match(doc.norm, c.own[0], c.q.start):
        return False
    prev = doc.quantities[c.index - 1]
    if prev.start < c.sentence[0]:
        return False
    lo = max(c.sentence[0], doc.seg.clause_at(prev.start, prev.end)[0])
    return _NEW.search(doc.norm, lo, c.own[0]) is not None


# a rate per year after the figure (`15 percent a year`, `10 apps each year`), not a comparison
# base (`up from 64% a year earlier`)
_PER_YEAR_AFTER = re.compile(
    r"\s*(?:a|per|each|every)\s+year\b(?!\s+(?:earlier|ago|before|prior|previously|on\b))"
)
# `10 more cross-industry platforms`: an increment (not `10 more than`)
_MORE_AFTER = re.compile(r"\s+more\b(?!\s+than\b)")
# a figure about a sample or a survey, not the whole country: `the monitoring sample of 160
# platforms connected 104.6 million devices`, `apps listed on sample platforms`
_SAMPLE = re.compile(r"\b(?:samples?|sampled|surveyed|survey\s+of|our\s+survey|respondents)\b")
# a figure per unit (per platform, per firm): `connect more than 10,000 devices each`, `each
# connecting more than 100,000 devices on average`
_PER_UNIT_AFTER = re.compile(r"\s+(?:each|apiece|on\s+average)\b(?!\s+(?:year|month|day)\b)")
_PER_UNIT_BEFORE = re.compile(
    r"\b(?:each(?!\s+(?:year|month|day|quarter)\b)|on\s+average|an\s+average\s+of)\b[^,;]*$"
)
# the subject of a gain is firms in general (`enterprises that completed transformation saw
# production efficiency rise`, `Sample enterprises reported`), not demonstration factories
_FIRMS = re.compile(r"\b(?:enterprises|manufacturers|firms|companies|smes)\b")


_NATIONAL_SURVEY = re.compile(
    r"\b(?:ministry\s+of\s+industry\s+and\s+information\s+technology|miit|national\s+bureau"
    r"\s+of\s+statistics|caict)\b"
)


def _sample_or_per_unit(doc: Doc, c: QCtx, ind) -> bool:
    """A figure about a sample, or a per-unit amount, is not the national indicator."""
    lead = doc.norm[c.sentence[0] : c.q.start]
    if _SAMPLE.search(lead):
        # `of the enterprises surveyed by the Ministry of Industry and Information Technology,
        # 61.8 per cent used digital design tools`: a national share is measured by the
        # national body's survey
        return not (ind.kind == "share" and _NATIONAL_SURVEY.search(lead))
    if ind.kind in ("count", "flow", "level") and (
        _PER_UNIT_AFTER.match(doc.norm, c.q.end)
        or _PER_UNIT_BEFORE.search(doc.norm, c.own[0], c.q.start)
    ):
        return True
    if ind.kind == "growth_rate" and ind.topic == "intelligent_manufacturing":
        # a demonstration factory's gain: the factories are named in the sentence, not firms
        s0, s1 = c.sentence
        if _FIRMS.search(lead) and not any(doc.has_part(w, s0, s1) for w in _norm_demo(ind)):
            return True
    return False


@functools.lru_cache(maxsize=64)
def _norm_demo(ind) -> tuple[str, ...]:
    return tuple(norm(r) for r in ind.requires)


def _is_change(doc: Doc, c: QCtx) -> bool:
    """A difference (`increased by 13.6%`, `rose 8%`, `an increase of 50,000`)."""
    before = doc.norm[max(c.sentence[0], c.q.start - 40) : c.q.start]
    return bool(_CHANGE_BEFORE.search(before))


# (`in China` after the qualifier is a place, not the whole it is part of: `industrial software
# products in China rose ..., the software and IT services industry, whose revenue reached`)
_PART_OF = re.compile(
    r"\w*\s+(?:of|in(?!\s+(?:china|the\s+country)\b))\s+(?:the\s+|china's\s+|the\s+country's\s+)?"
)


def _has_phrase(doc: Doc, comp: _Compiled, lo: int, hi: int) -> bool:
    """A whole phrase of the indicator, with a concept part, in [lo, hi)."""
    return any(
        all(doc.find_part(part, lo, hi) for part in parts)
        and any(part in concepts for part in parts)
        for parts, concepts in zip(comp.phrases, comp.concepts, strict=True)
    )


def _sibling_tier(doc: Doc, c: QCtx, comp: _Compiled, at: int) -> bool:
    """The qualifier at `at` sits in an earlier clause that states the indicator's concept for
    another tier, and the figure's own clause names the concept again: `Three to five ...
    platforms with international influence will be cultivated, along with about 70
    characteristic platforms with industry and regional influence` (the 70 are not international).
    """
    lo = max(doc.norm.rfind(",", c.sentence[0], at), doc.norm.rfind(";", c.sentence[0], at))
    lo = max(lo + 1, c.sentence[0])
    return _has_phrase(doc, comp, lo, c.own[0]) and _has_phrase(
        doc, comp, c.own[0], max(c.own[1], c.q.end)
    )


def _excluded(doc: Doc, c: QCtx, comp: _Compiled) -> bool:
    """A part/sub-category qualifier before the figure in its sentence (or in its own clause),
    unless a whole phrase of the indicator stands between it and the figure (`industrial
    digitalization reached 41 trillion yuan` is vetoed; `digital industrialization reached 9.2
    trillion yuan and the digital economy as a whole 50.2 trillion yuan` is not, for 50.2)."""
    if not comp.excludes:
        return False
    lo, hi = c.sentence[0], max(c.own[1], c.q.end)
    for ex in comp.excludes:
        hits = doc.find_part(ex, lo, hi)
        if not hits:
            continue
        last = max(hits)
        if last >= c.q.end:
            return True  # in its own clause, after the figure: `... of which industrial software`
        gap0, gap1 = last + len(ex), c.q.start
        if _PART_OF.match(doc.norm, gap0):
            return True  # `the core industries of the digital economy`: still the part
        if gap0 <= c.own[0] and _sibling_tier(doc, c, comp, last):
            continue  # the qualifier is a sibling figure's; the figure's own clause names it
        if not any(
            all(doc.find_part(part, gap0, gap1) for part in parts)
            and any(part in concepts for part in parts)
            for parts, concepts in zip(comp.phrases, comp.concepts, strict=True)
        ):
            return True
    return False


def implied_unit(doc: Doc, c: QCtx, has_scale: bool = False) -> str | None:
    """The unit of `implied_indicator` (None when no indicator's phrases fit)."""
    best = implied_indicator(doc, c, has_scale)
    return best.unit if best is not None else None


def implied_indicator(doc: Doc, c: QCtx, has_scale: bool = False) -> Indicator | None:
    """The unit a bare number takes from the indicator it would match before the vetoes (scope,
    ratio, flow, change, excludes): `Guangdong's 5G users exceeded 80 million` is a count even
    though it is unclassified. For the caller that keeps such a figure as an unclassified claim
    instead of dropping it; None when no indicator's phrases fit."""
    q = c.q
    integral = float(q.value).is_integer()
    counted = q.counted or trailing_noun(doc, c)
    garbled = _garbled_noun(doc, c)
    best, best_score = None, 0.0
    viable = _viable(doc, c.paragraph)
    near_ctx = None
    decided = _near_decided(doc, q)
    weights = None
    oks = _topic_oks(doc, c.paragraph)
    for comp in _unit_candidates(None, has_scale, integral):
        phrases = viable.get(comp.index, ())
        if not phrases and decided:
            continue  # scores 0; the gates below have no effect then
        if comp.ind.unit == "count" and not counted_compatible(comp, counted, garbled):
            continue
        if not _topic_ok(doc, c, comp, oks):
            continue
        if not decided:
            _decide_near(doc, c)  # decided by the first indicator passing the gates
            decided = True
        if not phrases:
            continue
        if near_ctx is None:
            near_ctx = _near(doc, c)
        if weights is None:
            weights = _weights(doc, c)
        score = _score(doc, c, phrases, near_ctx, weights)
        if score > best_score:
            best, best_score = comp.ind, score
    if best is None or best_score < MIN_SCORE:
        return None
    return best


# ---- entry point -----------------------------------------------------------------------------


def _candidates(
    doc: Doc,
    c: QCtx,
    unit: str | None,
    has_scale: bool,
    integral: bool,
    counted: str | None,
    count_like: bool,
    garbled: bool,
) -> list[tuple[float, _Compiled]]:
    """(score, indicator) of every indicator passing the unit, counted-noun and topic gates
    whose phrases score above 0, in catalog order."""
    q = c.q
    candidates = []
    viable = _viable(doc, c.paragraph)
    near_ctx = None
    weights = None
    oks = _topic_oks(doc, c.paragraph)
    cands = _unit_candidates(unit, has_scale, integral)
    blocked = _counted_blocked(counted, garbled, count_like)
    if not _near_decided(doc, q):
        # this context decides `_near` (the first asked decides) as soon as one indicator
        # passes the gates, whether or not its phrases can score
        none_key = ("none_pass", c.paragraph, id(cands))  # (lists are kept in _BY_UNIT)
        if doc._par_cache.get(none_key) is cands:
            return candidates  # no candidate of the list passes the topic gate here
        for comp in cands:
            if comp.index in blocked:
                continue
            ok = oks[comp.index]
            if ok is None:
                ok = _topic_ok(doc, c, comp, oks)
            if ok:
                _decide_near(doc, c)
                break
        else:
            if not blocked:  # (every candidate was tried: the figures of the paragraph skip)
                doc._par_cache[none_key] = cands
            return candidates  # no indicator passes the gates
    # only indicators with a phrase whose every part is in the paragraph can score
    for comp in _viable_candidates(doc, c.paragraph, viable, cands):
        if comp.index in blocked:
            continue
        ok = oks[comp.index]
        if ok is None:
            ok = _topic_ok(doc, c, comp, oks)
        if not ok:
            continue
        if weights is None:
            weights = _weights(doc, c)
            near_ctx = _near(doc, c)
        score = _score(doc, c, viable[comp.index], near_ctx, weights)
        if score > 0:
            candidates.append((score, comp))
    return candidates


def _excluded_for_sibling(
    doc: Doc, c: QCtx, candidates: list[tuple[float, _Compiled]], best: _Compiled
) -> _Compiled | None:
    """The runner-up whose topic (`requires`) is a qualifier the vetoed best excludes, when it is
    not vetoed itself: `"5G plus industrial internet" projects ..., covering 22 key industries of
    the national economy` is not `iip_key_industries_covered` (it excludes `5g`) but its 5G
    sibling. Any other veto is not handed on (usually a neighbouring concept)."""
    for _, comp in sorted(candidates, key=lambda t: -t[0]):
        if comp is best or not comp.requires:
            continue
        if any(r in best.excludes for r in comp.requires) and not _excluded(doc, c, comp):
            return comp
        return None
    return None


def match_indicator(
    doc: Doc, c: QCtx, unit: str | None, has_scale: bool = False
) -> tuple[str, float]:
    """(indicator id, score) for the quantity in `c`; (`unclassified`, 0) when nothing fits.

    `unit` is the quantity's unit, or None for a bare number (then money indicators need a scale
    word and count indicators an integral value)."""
    q = c.q
    integral = float(q.value).is_integer()
    counted = q.counted
    if counted is None and unit in (None, "count"):
        counted = trailing_noun(doc, c) or number_of_before(doc, c)
    count_like = unit == "count" or (unit is None and counted is not None)
    garbled = _garbled_noun(doc, c)
    candidates = _candidates(doc, c, unit, has_scale, integral, counted, count_like, garbled)
    if not candidates:
        return UNCLASSIFIED, 0.0
    best_score, best = max(candidates, key=lambda t: t[0])
    best = _sentence_topic(doc, c, candidates, best)
    best_score = next(s for s, comp in candidates if comp is best)
    minimum = MIN_SCORE
    if counted and (unit == "count" or best.ind.unit == "count"):
        if _head(counted) not in KNOWN_HEADS:
            minimum = MIN_SCORE_UNKNOWN_NOUN
    if best_score < minimum:
        return UNCLASSIFIED, best_score
    if scope_of(doc, c) is not None or _is_ratio(doc, c):
        return UNCLASSIFIED, best_score
    # a vetoed best match is not handed to the runner-up: that is usually a neighbouring concept
    ind = best.ind
    if ind.kind == "share" and _growth_not_share(doc, c):
        return UNCLASSIFIED, best_score
    if _excluded(doc, c, best):
        best = _excluded_for_sibling(doc, c, candidates, best)
        if best is None:
            return UNCLASSIFIED, best_score
        ind = best.ind
    if ind.id in ECONOMY_IDS and other_aggregate(doc.norm, c.sentence[0], c.q.start):
        return UNCLASSIFIED, best_score  # `manufacturing accounted for 27.7 percent of GDP`
    if ind.id == "iip_enterprises_served" and not_served(
        doc.norm, c.sentence[0], c.own[0], max(c.own[1], c.q.end), c.q.start
    ):
        return UNCLASSIFIED, best_score  # `over 1 million SMEs have started using cloud services`
    if ind.cumulative and _is_flow(doc, c):
        return UNCLASSIFIED, best_score
    if ind.kind not in ("growth_rate", "change") and _is_change(doc, c):
        return UNCLASSIFIED, best_score
    if ind.kind in ("growth_rate", "share") and (
        _COMPOUND.search(doc.norm[c.clause[0] : c.q.start])
        or _PER_YEAR_AFTER.match(doc.norm, c.q.end)
    ):
        return UNCLASSIFIED, best_score  # a compound/average annual rate, not a yearly growth
    if _sample_or_per_unit(doc, c, ind):
        return UNCLASSIFIED, best_score
    return ind.id, best_score
