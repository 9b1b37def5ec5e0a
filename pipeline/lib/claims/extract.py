"""extract_claims: text -> statistical claims (the claims layer's entry point).

For each quantity the extractor found: infer the unit of a bare number, match the indicator, drop
what is not a statistic, then resolve the reference period, the status and the cited source.
A currency conversion in brackets (`1.2 trillion yuan ($168 billion)`, `Quantity.converts`) is
kept as its own claim: indicator `unclassified`, the period and status of the amount it converts,
noun phrase `conversion of <original quote>`. A headline figure without time words takes the
period and status of the same figure in the body (`_headline_periods`).
Boundaries and periods are indexed once per text; each quantity costs a few bisections and
phrase look-ups within its sentence and paragraph.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import replace

from pipeline.lib.gc_passes import fewer_gc_passes
from pipeline.lib.per_article import check_budget
from pipeline.lib.quantities.counts import STOP, counted_noun, plural_noun
from pipeline.lib.quantities.guards import guarded
from pipeline.lib.quantities.model import Extraction
from pipeline.metadata.indicators import UNCLASSIFIED, get

from .casefold import folded
from .compared_bases import compared_base
from .context import Doc, QCtx, quantity_context
from .filters import is_statistic
from .implicit_pairs import implicit_pair_ctx, verb_phrase_ctx
from .indicators import implied_indicator, match_indicator, scope_of, trailing_noun
from .level_growth import growth_of_level
from .model import Claim
from .more_counts import changed_to_noun, more_noun
from .paired_lists import (
    earlier_measures,
    list_pieces,
    paired_base_indicator,
    previous_subjects,
)
from .periods import (
    PeriodResolver,
    ResolvedPeriod,
    heading_lists,
    respective_groups,
    respective_members,
)
from .sources import SourceResolver
from .status import resolve_status
from .text_tables import Table, find_tables
from .units import currency_before, has_scale_word, number_of_before

_VERBISH = folded(  # (folded, behind a lookahead of its first letters: the same matches)
    guarded(
        r"\b(?:has|have|had|is|are|was|were|will|would|be|been|reached|reach|reaches|exceeded|"
        r"exceeds|exceed|stood|stands|totall?ed|amounted|hit|rose|grew|increased|fell|dropped|"
        r"accounting|accounted|accounts|driving|drive|drives|covered|covers|connected|with|of|to)\b",
        ignorecase=False,
    )
)


# a change over time: `rose from 24.6 percent to 58.6 percent` (the ends are levels, not a range)
_CHANGE_VERB = re.compile(
    r"\b(?:rose|risen|rises?|rising|grew|grown|grows?|growing|increased?|increases|increasing|"
    r"fell|fallen|falls?|falling|dropped|drops?|declined?|declines|decreased?|decreases|expanded|"
    r"expands?|climbed|climbs?|jumped|jumps?|surged|soared|shrank|shrunk|narrowed|widened|"
    r"shortened|cut|reduced|raised|lifted|improved|went up|gone up|went down|growth|"
    r"moved|changed|slipped|slid|doubled|tripled|go|goes|going)\b",
    re.I,
)
_FROM_END = re.compile(r"\bfrom\s+$", re.I)
# what makes `from X to Y` a range rather than a change: `prices range from`, `costs run from`
_RANGE_LEAD = re.compile(
    r"\b(?:range[sd]?|ranging|runs?|ran|var(?:y|ies|ied|ying)|costs?|priced|spans?|anywhere|"
    r"between|scale[sd]?)\b",
    re.I,
)
# a label or bullet before `from X to Y` with no verb: `OEE: from 64% to 81%`, `- Scrap rate: from
# 2.1% to 1.3%` (a result line: the ends are levels before and after)
_LABEL_FROM = re.compile(r"(?:^|\n)[ \t]*(?:[-*\u2022][ \t]*)?[^\n:]{1,60}:[ \t]*from\s+$")
_YEAR_IN = re.compile(r"\b(?:19|20)\d\d\b|\b(?:last|this|next|previous) year\b", re.I)


# what may join the members of a list of bare figures: `more than 50%, 60%, 70% and 90%`
_LIST_GAP = re.compile(r"\s*(?:,|,?\s+(?:and|or))\s*")
_BOUND_WORDS = {"lower", "upper", "approx"}


def _list_bound(doc: Doc, c: QCtx) -> str | None:
    """The bound word before the first member of a list of bare figures of one unit is the bound
    of every member that is a percentage or has no noun of its own (`They contribute more than 50%, 60%, 70% and 90% of ...`, `about 52 per cent
    and 27 per cent respectively`); a member with a bound word of its own keeps it."""
    qs, i, text = doc.quantities, c.index, doc.text
    q = qs[i]
    if q.unit != "percent" and q.unit_start is not None:
        return None  # `about 35,000 enterprises and 3.2 million suppliers`: two figures
    while i > 0:
        prev = qs[i - 1]
        if prev.unit != q.unit or prev.range_id is not None or prev.converts is not None:
            return None
        if not _LIST_GAP.fullmatch(text, prev.end, qs[i].start):
            return None
        if prev.bound in _BOUND_WORDS and prev.start < prev.number_start:
            return prev.bound
        if prev.start < prev.number_start:  # (a currency word of its own: not a bare list)
            return None
        i -= 1
    return None


def _bound(doc: Doc, c: QCtx) -> str:
    """The extractor's bound, except that the ends of a change `from X to Y` (a change verb
    before `from`, or years of their own: `from 3 percent in 2012 to 5 percent in 2022`) are
    exact levels, not the bounds of a range."""
    q = c.q
    if q.range_id is None and q.bound == "exact" and q.start == q.number_start and c.index:
        return _list_bound(doc, c) or "exact"
    if q.range_id is None or q.bound not in ("lower", "upper"):
        return q.bound
    qs = doc.quantities
    lo, hi = c.index, c.index
    if q.bound == "upper" and c.index > 0 and qs[c.index - 1].range_id == q.range_id:
        lo = c.index - 1
    if q.bound == "lower" and c.index + 1 < len(qs) and qs[c.index + 1].range_id == q.range_id:
        hi = c.index + 1
    if lo == hi:
        return q.bound
    low, up = qs[lo], qs[hi]
    s0 = c.sentence[0]
    if not _FROM_END.search(doc.text, max(s0, low.start - 8), low.start):
        return q.bound
    if _CHANGE_VERB.search(doc.text, s0, low.start) or _YEAR_IN.search(doc.text, low.end, up.start):
        return "exact"
    line0 = doc.text.rfind("\n", 0, low.start) + 1
    if _LABEL_FROM.search(doc.text, max(0, line0 - 1), low.start) and not _RANGE_LEAD.search(
        doc.text, line0, low.start
    ):
        return "exact"
    return q.bound


# a scope named after the figure in its clause: the world's or a region's figure, not the
# country's (`roughly 2.3 million 5G base stations were in service worldwide`, `200 billion
# identifiers registered in the region`)
_OTHER_SCOPE_AFTER = re.compile(
    r"[^,.;:()\n]{0,50}?\b(?:worldwide|globally|in\s+the\s+world|around\s+the\s+world|"
    r"across\s+the\s+world|in\s+the\s+region)\b",
    re.I,
)
# what follows the start of a change before its `to`: `from 58% in 2015 to 72%`, `from 33% to`
_TO_NEXT = re.compile(
    r"[ \t]*(?:(?:in|at the end of|at end-)\s*(?:19|20)\d\d[ \t]*|(?:last|this) year[ \t]*|today[ \t]*|"
    r"now[ \t]*)?,?[ \t]*to\b",
    re.I,
)


def _change_start(doc: Doc, c: QCtx) -> bool:
    """The start of a change `from X to Y` (`the rate is to rise from 58% in 2015 to 72% in 2020`):
    a level already reached, never the goal or forecast the sentence is about; the two ends of a
    range (`from 3 to 5 platforms by 2025`) are not a change."""
    q = c.q
    if not _FROM_END.search(doc.text, max(c.sentence[0], q.start - 8), q.start):
        return False
    if not _TO_NEXT.match(doc.text, q.end):
        return False
    return q.range_id is None or _bound(doc, c) == "exact"


def _conversion_bound(doc: Doc, c: QCtx, original: Claim | None) -> str:
    """A conversion in brackets without a bound word of its own carries the bound of the amount
    it converts when that is a bound (`more than 95 billion yuan ($14.6 billion)`: the dollar
    figure is `lower` too; `about 300 billion yuan ($41 billion)`: `approx`)."""
    bound = _bound(doc, c)
    if original is not None and bound == "exact" and original.bound in ("lower", "upper", "approx"):
        return original.bound
    return bound


def _extract(text: str) -> Extraction:
    from pipeline.lib.quantities import extract  # the quantity extractor (layer 3)

    return extract(text)


_LEAD_WORD = re.compile(r"^(?:and|but|while|that|the|its|their)\s+", re.I)


def _noun_phrase(doc: Doc, c: QCtx) -> str | None:
    """What the quantity is of: the extractor's noun phrase for counts, else the subject before
    the quantity in its clause (`the number of industrial equipment connections`)."""
    if c.q.noun_phrase:
        return c.q.noun_phrase
    before = doc.text[c.own[0] : c.q.start]
    verb = _VERBISH.search(before)  # (the first piece `_VERBISH.split` would give)
    subject = (before[: verb.start()] if verb else before).strip(" ,;:")
    if len(subject) < 3:
        after = doc.text[c.q.end : c.own[1]].strip(" ,;:.")
        return after[:80] or None
    subject = _LEAD_WORD.sub("", subject)
    return subject[-120:] or None


# `1.03 million more than a year earlier`: a difference from a comparison base; the number counts
# what the figure before it (same sentence) counts
_DIFFERENCE = re.compile(
    r"[ \t]+(?:more|fewer|less|higher|lower|up|down)[ \t]+(?:than|from|on|over)[ \t]+"
    r"(?:a[ \t]+year[ \t]+(?:earlier|ago|before)|(?:the|a)[ \t]+(?:previous|prior|preceding|"
    r"same)[ \t]+(?:year|period|quarter|month)|last[ \t]+year|(?:at[ \t]+)?the[ \t]+end[ \t]+of|"
    r"(?:in|at)[ \t]+(?:19|20)\d\d)",
    re.I,
)
# `Of the Top 100 industrial counties ranked by CCID Consulting, 23 reported`: a number opening
# the main clause after `of/among the <set>,` counts the set's plural noun
_OF_THE_SET = re.compile(
    r"^\s*(?:of|among)[ \t]+(?:the|these|those|its|their)[ \t]+(?:[\w'’-]+[ \t]+){0,3}?"
    r"(?P<noun>[a-z][a-z-]*[a-z]s)\b[^,;:.!?]{0,60},[ \t]*$",
    re.I,
)


# `163 million, up 65.1 million from a year earlier`: the change word before the number
_DIFF_FROM = re.compile(
    r"[ \t]+from[ \t]+(?:a[ \t]+year[ \t]+(?:earlier|ago|before)|(?:the|a)[ \t]+(?:previous|"
    r"prior|preceding|same)[ \t]+(?:year|period|quarter|month)|last[ \t]+year)\b",
    re.I,
)
_DIFF_LEAD = re.compile(r"\b(?:up|down)[ \t]+(?:by[ \t]+)?$", re.I)


def _difference_unit(doc: Doc, c: QCtx) -> tuple[str, str | None] | None:
    """(unit, counted) of `N more than a year earlier` (or `up N from a year earlier`) from the
    figure before it."""
    if c.index == 0:
        return None
    q = c.q
    lead = False
    if not _DIFFERENCE.match(doc.text, q.end, q.end + 60):
        a = q.number_start if q.number_end > q.number_start else q.start
        if not (
            _DIFF_FROM.match(doc.text, q.end, q.end + 60)
            and _DIFF_LEAD.search(doc.text, max(0, a - 12), a)
        ):
            return None
        lead = True
    prev = doc.quantities[c.index - 1]
    if prev.start < c.sentence[0] or prev.converts is not None:
        return None
    if prev.unit is None and lead:
        unit, _, counted = _resolve_unit(doc, quantity_context(doc, c.index - 1))
        return (unit, counted) if unit == "count" else None
    if prev.unit is None:
        return None
    return prev.unit, prev.counted


# a milestone sentence going on with the same measure: `registrations passed 10 billion in
# January, then exceeded 20 billion in May`; `Another 5,000 firms went online, bringing the
# province's total to 68,000`
_THEN = re.compile(r"\b(?:then|later|subsequently|before|and again|again)\b", re.I)
_TOTAL_TO = re.compile(
    r"\b(?:bringing|taking|raising|lifting|pushing|making)\b[^,;:.]{0,50}?\b(?:total|tally|"
    r"number|count|figure)\s+(?:to|of)\s+$",
    re.I,
)
_TOTAL_GAP = 160
_LEVEL_VERB_QUOTE = re.compile(r"(?:exceed|surpass|top|pass|cross|break|hit|reach)\w*\s", re.I)


# the previous period's value in brackets (`391 (October: 388)`) and the change of a count
# (`612,000, an increase of 9,400 over the previous month`, `a net addition of 36,000`)
_BRACKET_LABEL = re.compile(
    r"(?:[ \t]+(?:at|in|by|as[ \t]+of|for)[ \t]+[^()\n;:,]{1,30}?)?"  # `at the end of November`
    r"[ \t]*\([ \t]*[A-Z][\w ,.'-]{0,30}:[ \t]*"
)
_BRACKET_END = re.compile(r"[ \t]*\)")
_COUNT_CHANGE_LEAD = re.compile(
    r"\b(?:an?[ \t]+(?:net[ \t]+)?(?:increase|addition|rise|gain|decrease|drop|decline|reduction)"
    r"[ \t]+of|(?:up|down|increased|decreased|rose|fell|grew)[ \t]+by)[ \t]+"
    r"(?:(?:about|around|some|nearly|over|more[ \t]+than)[ \t]+)?$",
    re.I,
)


def _related_count(doc: Doc, c: QCtx, scale: bool) -> tuple[str, str, str | None] | None:
    """(unit, indicator, counted) of a bare number that restates the count right before it for
    another time (same indicator: `Secondary nodes in operation: 391 (October: 388)`), or its
    change (unclassified: `Enterprises connected: 612,000, an increase of 9,400 over the
    previous month`)."""
    q = c.q
    if c.index == 0 or not (scale or float(q.value).is_integer()):
        return None
    prev = doc.quantities[c.index - 1]
    if prev.converts is not None or prev.start < c.sentence[0] or q.start - prev.end > 40:
        return None
    a = q.number_start if q.number_end > q.number_start else q.start
    gap = doc.text[prev.end : a]
    bracket = _BRACKET_LABEL.fullmatch(gap) is not None and _BRACKET_END.match(doc.text, q.end)
    if not bracket:
        lead = doc.text[max(prev.end, a - 40) : a]
        if _CLAUSE_OR_VERB.search(doc.text, prev.end, max(prev.end, a - 40)) or not (
            _COUNT_CHANGE_LEAD.search(lead)
        ):
            return None
    unit, ind, counted = _resolve_unit(doc, quantity_context(doc, c.index - 1))
    if unit != "count":
        return None
    return "count", (ind if bracket else UNCLASSIFIED), counted or "items"


_CLAUSE_OR_VERB = re.compile(r"[;:.]")


def _continued_unit(doc: Doc, c: QCtx, scale: bool) -> tuple[str, str, str | None] | None:
    """(unit, indicator, counted) of a bare number that continues the count before it in its
    sentence: a milestone reached next (`then exceeded 20 billion`, same measure: its indicator
    too) or a running total (`bringing the total to 68,000`: unit and counted noun only)."""
    q = c.q
    if c.index == 0 or not (scale or float(q.value).is_integer()):
        return None
    prev = doc.quantities[c.index - 1]
    if prev.converts is not None:
        return None
    if prev.start < c.sentence[0]:
        return _ellipsis_unit(doc, c, prev)
    gap = doc.text[prev.end : q.start]
    if any(ch in gap for ch in ";:"):
        return None
    # `98 enterprises were recognised as ... workshops, bringing the city's total to 282`: a
    # running total may sit further from the figure it adds to
    total = len(gap) <= _TOTAL_GAP and _TOTAL_TO.search(gap) is not None
    if len(gap) > 90 and not total:
        return None
    if not total and not (_THEN.search(gap) and _LEVEL_VERB_QUOTE.match(q.text)):
        return _ellipsis_unit(doc, c, prev)
    unit, ind, counted = prev.unit, UNCLASSIFIED, prev.counted
    if unit is None or not total:  # the figure before it, as resolved
        unit, ind, counted = _resolve_unit(doc, quantity_context(doc, c.index - 1))
    if unit != "count":
        return None
    return "count", (UNCLASSIFIED if total else ind), counted


# `the numbers of 5G base stations and 5G users reached 2.31 million and 561 million,
# respectively`: the verb after a list of subjects, and the separators of that list
_LIST_VERB = re.compile(
    r"\s+(?:reached|were|was|are|is|stood at|stand at|totall?ed|hit|amounted to|rose to|grew to|"
    r"increased to|came to|exceeded|surpassed|topped|accounted for|had)\s+(?:about\s+|nearly\s+|"
    r"more than\s+|over\s+)?$",
    re.I,
)
_LIST_SEP = re.compile(r",\s*(?:and\s+)?|\s+and\s+", re.I)


_YEAR_SUBJECT = re.compile(r"\W*(?:in\s+)?(?:(?:19|20)\d\d)\W*", re.I)


def _respective_ctx(doc: Doc, c: QCtx) -> QCtx:
    """For a figure of a `respectively` list whose subjects are listed as well, the context in
    which its own subject (same rank) is the near region: indicators pair up in order like the
    years (`5G base stations and 5G users ... 2.31 million and 561 million, respectively`)."""
    members = respective_members(doc, c.sentence)
    if c.index not in members:
        return c
    first = doc.quantities[members[0]]
    s0 = c.sentence[0]
    lead = doc.text[s0 : first.start]
    v = _LIST_VERB.search(lead)
    if v is None:
        rc = _respective_previous(doc, c, members)
        if rc is c:  # `shortened development cycles and cut defect rates by 28.4% and 50.2%`
            rc = verb_phrase_ctx(doc, c, members) or c
        return _shared_tail(doc, c, members) if rc is c else rc
    pieces = list_pieces(_LIST_SEP, lead, v.start())
    n = len(members)
    if len(pieces) == 1:
        rc = previous_subjects(doc, c, members, s0 + v.start())  # `In 2022 they were`
        if rc is not None:
            return rc
    if len(pieces) == 1 or any(_YEAR_SUBJECT.fullmatch(lead, x, y) for x, y in pieces):
        # one subject for the whole list (`In 2021, 2022 and 2023, connections reached 79
        # million, 89 million and 96 million sets, respectively`): every member's near region
        subject = (s0 + pieces[-1][0], s0 + v.end())
        if c.index == members[0]:
            return c
        return replace(c, own=subject, backward=subject, forward=(c.q.end, c.q.end))
    if len(pieces) < n:
        return c
    a, b = pieces[-n:][members.index(c.index)]
    if b - a < 3:
        return c
    region = (s0 + a, s0 + b)
    return replace(c, own=region, backward=region, forward=(c.q.end, c.q.end))


_TAIL_OF_LIST = re.compile(r"[^,;:()]{1,40}?(?=,?\s+respectively\b)", re.I)


def _shared_tail(doc: Doc, c: QCtx, members: list[int]) -> QCtx:
    """`equal to 3.44%, 3.51% and 3.58% of GDP respectively`: the words after the last member
    of the list, up to `respectively`, name what every member measures (a near region)."""
    last = doc.quantities[members[-1]]
    if c.index == members[-1]:
        return c
    m = _TAIL_OF_LIST.match(doc.text, last.end, c.sentence[1])
    if m is None:
        return c
    return replace(c, backward=(m.start(), m.end()))


def _respective_previous(doc: Doc, c: QCtx, members: list[int]) -> QCtx:
    """A `respectively` list whose subjects are not in its sentence takes them, in order, from
    the figures of the same unit in the sentence before (same paragraph), when they are as many:
    `The NC rate of key processes was 46.4 percent, and the penetration of digital R&D tools
    63.3 percent. The plan sets goals of 50 percent and 72 percent respectively.`"""
    s0 = c.sentence[0]
    if s0 <= c.paragraph[0]:
        return c
    p0, p1 = doc.seg.sentence_at(s0 - 1)
    if p0 < c.paragraph[0] or p1 > s0:
        return c
    unit = c.q.unit
    same = []
    for j in range(members[0] - 1, -1, -1):  # the quantities are in text order: stop before p0
        q = doc.quantities[j]
        if q.start < p0:
            break
        if q.converts is None:
            same.append(j)
    same = [j for j in reversed(same) if doc.quantities[j].start < p1]
    same = [j for j in same if doc.quantities[j].unit == unit]
    if unit is None or len(same) != len(members):
        return c
    j = same[members.index(c.index)]
    region = quantity_context(doc, j).own
    # the two sentences are read as one, the subject of the same-rank figure being the near one
    return replace(
        c, sentence=(p0, c.sentence[1]), own=region, backward=region, forward=(c.q.end, c.q.end)
    )


# a number standing for the noun of the count before it: `42 workers on every shift. Now it needs
# six,`; `to bring the number of factories to 10 from the current four`
_ELLIPSIS_LEAD = re.compile(
    r"\b(?:from|to|now\s+\w+|needs?|needed|only|just|versus|vs\.?|compared\s+with|down\s+to)"
    r"\s+(?:the\s+)?(?:current\s+|present\s+|previous\s+|original\s+)?$",
    re.I,
)
_ELLIPSIS_END = re.compile(r"\s*(?:[,.;:!?\"\u201d')]|$)")


def _ellipsis_unit(doc: Doc, c: QCtx, prev) -> tuple[str, str, str | None] | None:
    q = c.q
    if q.value < 2 or not float(q.value).is_integer() or q.start - prev.end > 200:
        return None
    if prev.start < c.paragraph[0] or not _ELLIPSIS_END.match(doc.text, q.end):
        return None
    a = q.number_start if q.number_end > q.number_start else q.start
    if not _ELLIPSIS_LEAD.search(doc.text, max(prev.end, a - 30), a):
        return None
    unit, _, counted = (
        (prev.unit, None, prev.counted)
        if prev.unit is not None
        else _resolve_unit(doc, quantity_context(doc, c.index - 1))
    )
    if unit != "count" or not counted:
        return None
    return "count", UNCLASSIFIED, counted


def _of_the_set(doc: Doc, c: QCtx) -> str | None:
    lo = c.sentence[0]
    if c.q.start - lo > 160:
        return None
    m = _OF_THE_SET.match(doc.text[lo : c.q.start])
    return m.group("noun").lower() if m else None


# a bare number that stands for the noun of the count before it (same paragraph): `over 200 of
# them`, `17 of which`, `about 50,000 more`, `the other 4 saw`, `Of the total, about 700 have`,
# `up from 185,000 last year`, `up 11.8% from 1,240 in 2023`, `Today it runs with 18.`, the
# next of a ranking (`Zhirui was third with 7.9 million`), an average compared with (`reached
# 140 units per 10,000 employees, above the global average of 99`)
_ANA_AFTER = re.compile(
    r"[ \t]+(?:of[ \t]+(?:them|which|these|those|whom)\b|more\b(?![ \t]+than\b))", re.I
)
_ANA_BEFORE = re.compile(
    r"(?:\b(?:the[ \t]+other|another|the[ \t]+remaining|(?:up|down|rising|falling|rose|fell|"
    r"grew|increased|decreased)[ \t]+(?:[\d.]+[ \t]*(?:%|per[ \t]?cent)[ \t]+)?from|"
    r"compared[ \t]+with|runs?[ \t]+with|with[ \t]+only|"
    r"(?:first|second|third|fourth|fifth|last)[ \t]+with|"
    r"(?:global|world|national|international|industry)[ \t]+average[ \t]+(?:of|is|was|at)|"
    r"(?:of|among)[ \t]+(?:the[ \t]+total|them|these|those|which)[ \t]*,)[ \t]+"
    r"(?:about|around|roughly|nearly|some|almost|over|more[ \t]+than|just)?[ \t]*)$",
    re.I,
)
# a bare number as the subject of the next clause about the same things: `..., and 3 were
# selected`, `..., of which 1,860 were rated`, `among them 40 have`
_ANA_AND = re.compile(
    r"(?:\b(?:and|while|but)|\bof[ \t]+(?:which|whom|these|them)|\bamong[ \t]+(?:them|which|"
    r"these))[ \t]+(?:(?:about|around|roughly|nearly|some|almost|over|more[ \t]+than|only|just)"
    r"[ \t]+)?$",
    re.I,
)
# a bare number opening its sentence as the subject of a verb: `About 2,800 have been built so
# far`, `Only 9 offer more than 1,000 apps` (the things counted are the count's before it)
_ANA_OPENING = re.compile(
    r"\s*(?:(?:only|just|but|yet|so[ \t]+far,?|today,?|now,?)[ \t]+)?(?:(?:about|around|roughly|"
    r"nearly|some|almost|over|more[ \t]+than|fewer[ \t]+than|at[ \t]+least)[ \t]+)?",
    re.I,
)
_ANA_VERB_AFTER = re.compile(r"[ \t]+(?:were|are|have|had|was|is|has)\b", re.I)
# what may follow a comparison base `from 185,000`: its time, or the end of the clause
_ANA_BASE_END = re.compile(
    r"\s*(?:[,.;:!?)]|$)|[ \t]+(?:in|at|by|as[ \t]+of|during|last|a[ \t]+year|the[ \t]+(?:previous|"
    r"prior|preceding|same|end)|earlier|ago|(?:have|has|had|saw|were|was|are|is|would|will)\b|"
    r"(?:two|three|four|five|\d+)[ \t]+(?:years|months|quarters)[ \t]+(?:earlier|before|ago)\b)",
    re.I,
)
_ANA_REACH = 300


def _anaphoric_count(doc: Doc, c: QCtx, scale: bool) -> str | None:
    """The counted noun of the nearest count before a bare whole number that refers back to it
    (see `_ANA_AFTER`, `_ANA_BEFORE`), or of the list member before it (`stand at 560, 310 and
    420`); None otherwise."""
    q = c.q
    if c.index == 0 or q.value < 2 or not (scale or float(q.value).is_integer()):
        return None
    text = doc.text
    a = q.number_start if q.number_end > q.number_start else q.start
    prev = doc.quantities[c.index - 1]
    if (
        prev.converts is None
        and prev.start >= c.sentence[0]
        and (
            _LIST_GAP_BEFORE.fullmatch(text, prev.end, a)
            or _GAPPED_BEFORE.fullmatch(text, prev.end, a)
            and _GAPPED_END.match(text, q.end)
        )
    ):
        unit, _, counted = _resolve_unit(doc, quantity_context(doc, c.index - 1))
        if unit == "count":
            return counted or "items"
    if "espectively" in text[c.sentence[0] : c.sentence[1]]:
        members = respective_members(doc, c.sentence)
        if members and members[0] == c.index:
            # `The numbers of projects in the three industries stand at 560, 310 and 420,
            # respectively`: `number of` before a small count of the subjects
            found = list(_NUMBER_OF_ANY.finditer(text, c.sentence[0], a))
            if found:
                return found[-1].group(1).split()[-1].lower()
    after = _ANA_AFTER.match(text, q.end)
    before = None if after else _ANA_BEFORE.search(text, max(c.paragraph[0], a - 40), a)
    if before is None and after is None and _ANA_VERB_AFTER.match(text, q.end):
        # `11 platforms were listed, and 3 were selected`, `..., of which 1,860 were rated`
        before = _ANA_AND.search(text, max(c.paragraph[0], a - 24), a)
        if before is None and c.sentence[0] > c.paragraph[0]:
            before = _ANA_OPENING.fullmatch(text, c.sentence[0], a)
    if after is None and (before is None or not _ANA_BASE_END.match(text, q.end)):
        return None
    base = before is not None and "from" in before.group(0).lower()
    for i in range(c.index - 1, max(-1, c.index - 4), -1):
        p = doc.quantities[i]
        if p.start < c.paragraph[0] or q.start - p.end > _ANA_REACH:
            return None
        if p.converts is not None or (before is not None and p.start >= before.start()):
            continue  # a conversion, or the change inside the lead (`up 11.8% from`)
        unit, _, counted = (
            (p.unit, None, p.counted)
            if p.unit is not None
            else _resolve_unit(doc, quantity_context(doc, i))
        )
        if unit == "count" and counted:
            return counted
        if unit is not None and base:
            return None  # the base of a figure that measures something else
    return None


# a planned level of the count before it: `China had built more than 400,000 5G base stations,
# and operators plan to have more than 600,000 by year-end`, `the total would exceed 2.9 million
# by the end of 2023`: the same measure (its indicator, unless the figure is one firm's or
# region's: `China Mobile alone plans to have 300,000`)
_PLANNED = re.compile(
    r"\b(?:to[ \t]+have|(?:would|will|to|could)[ \t]+(?:exceed|reach|top|surpass|hit|pass))"
    r"[ \t]+(?:(?:about|around|roughly|nearly|some|almost|over|more[ \t]+than|just)[ \t]+)?$",
    re.I,
)


def _planned_level(doc: Doc, c: QCtx, scale: bool) -> tuple[str, str, str | None] | None:
    q = c.q
    if c.index == 0 or q.value < 2 or not (scale or float(q.value).is_integer()):
        return None
    text = doc.text
    a = q.number_start if q.number_end > q.number_start else q.start
    if not _PLANNED.search(text, max(c.paragraph[0], a - 30), a):
        return None
    if not _ANA_BASE_END.match(text, q.end):
        return None
    p = doc.quantities[c.index - 1]
    if p.converts is not None or p.start < c.paragraph[0] or q.start - p.end > _ANA_REACH:
        return None
    unit, ind, counted = _resolve_unit(doc, quantity_context(doc, c.index - 1))
    if unit != "count" or not counted:
        return None
    if ind != UNCLASSIFIED and scope_of(doc, c) is not None:
        ind = UNCLASSIFIED
    return "count", ind, counted


_NUMBER_OF_ANY = re.compile(r"\bnumbers? of\s+((?:[\w'-]+\s+){0,5}?[\w'-]*[a-z]s)\b", re.I)


_LIST_GAP_BEFORE = re.compile(r"[ \t]*(?:,|,?[ \t]+and)[ \t]+")
_GAPPED_END = re.compile(r"\s*(?:[,.;!?\"\u201d')]|$)|[ \t]+and\b")
# a gapped comparison list: `Korea had 710 industrial robots per 10,000 employees, Germany 322,
# Japan 308 and the United States 200`; `China has more than 50 platforms, the United States
# more than 30 and Germany around 20`: the verb and noun of the first member are left out after
# a capitalised name
_GAPPED_BEFORE = re.compile(
    r"(?:[^,;:.!?()\n]|(?<=\d)[,.](?=\d)){0,60}?(?:,|,?[ \t]+and)[ \t]+(?:the[ \t]+)?(?:[A-Z][\w.'’-]*[ \t]+){1,3}"
    r"(?:(?:about|around|roughly|nearly|almost|some|over|just[ \t]+over|more[ \t]+than|"
    r"less[ \t]+than|fewer[ \t]+than|at[ \t]+least)[ \t]+)?"
)


def _resolve_unit(doc: Doc, c: QCtx) -> tuple[str | None, str, str | None]:
    """(unit, indicator, counted) for the quantity; unit None when it cannot be resolved."""
    q = c.q
    if q.unit is not None:
        ind, _ = match_indicator(doc, c, q.unit)
        return q.unit, ind, q.counted
    scale = has_scale_word(doc.text, q)
    ind, _ = match_indicator(doc, c, None, has_scale=scale)
    if ind != UNCLASSIFIED:
        meta = get(ind)
        counted = q.counted or (meta.counted[0] if meta.counted else None)
        return meta.unit, ind, (counted if meta.unit == "count" else None)
    if scale:
        cur = currency_before(doc, c)
        if cur:
            ind, _ = match_indicator(doc, c, cur)
            return cur, ind, None
    diff = _difference_unit(doc, c)
    if diff is not None:
        return diff[0], UNCLASSIFIED, diff[1]
    cont = _continued_unit(doc, c, scale)
    if cont is not None:
        return cont
    rel = _related_count(doc, c, scale)
    if rel is not None:
        return rel
    bare = _more_or_changed(doc, c, scale)
    if bare is not None:
        return "count", UNCLASSIFIED, bare
    noun = number_of_before(doc, c)
    if noun is None and float(q.value).is_integer() and q.value >= 2:
        noun = _of_the_set(doc, c)
    if noun is None and (scale or float(q.value).is_integer()):
        noun = _numbered_subject(doc, c, scale)
    if noun is None and float(q.value).is_integer() and q.value >= 2:
        part = _part_of_set(doc, c)
        if part is not None:  # a part of a set named after it: not the indicator's total
            return "count", UNCLASSIFIED, part
    if noun and q.value >= 2 and (scale or float(q.value).is_integer()):
        ind, _ = match_indicator(doc, c, "count")
        return "count", ind, noun
    planned = _planned_level(doc, c, scale)
    if planned is not None:
        return planned
    ana = _anaphoric_count(doc, c, scale)
    if ana is not None:
        return "count", UNCLASSIFIED, ana
    base = compared_base(doc, c, scale, lambda i: _resolve_unit(doc, quantity_context(doc, i)))
    if base is not None:  # `after 46 in 2015`, `against 437 in South Korea, 323 in Japan`
        return base
    # An indicator's phrases fit but a veto (a province's figure, a ratio, a flow) made it
    # unclassified: the figure keeps the unit the indicator implies, as an unclassified claim.
    implied_ind = implied_indicator(doc, c, has_scale=scale)
    if implied_ind is not None:
        implied = implied_ind.unit
        counted = None
        if implied == "count":
            # `5G-Advanced base stations topped 100,000`: what the vetoed indicator counts
            counted = q.counted or trailing_noun(doc, c)
            counted = counted or (implied_ind.counted[0] if implied_ind.counted else None)
        return implied, UNCLASSIFIED, counted
    counted = _heading_noun(doc, c) or _label_noun(doc, c) or _label_list_noun(doc, c)
    if counted is not None:
        return "count", UNCLASSIFIED, counted
    return None, UNCLASSIFIED, None


def _more_or_changed(doc: Doc, c: QCtx, scale: bool) -> str | None:
    """`Four more Chinese factories`, `output of cars rose 7.5 percent to 1.37 million.`
    (`more_counts`): the noun counted, else None."""
    q = c.q
    if float(q.value).is_integer() and q.value >= 2 and not scale:
        return more_noun(doc.text, q.end)
    if scale:
        return changed_to_noun(doc.text, c.sentence[0], q.start)
    return None


# `Mobile internet users numbered 847 million`, `Big data companies in Guizhou numbered 8,900`:
# the subject's plural noun is what the number counts
_NUMBERED = re.compile(
    r"[ \t]+(?:numbered|numbering|numbers|number)[ \t]+(?:(?:about|around|roughly|nearly|some|"
    r"almost|over|more[ \t]+than|just[ \t]+over|at[ \t]+least)[ \t]+)?$",
    re.I,
)
_SUBJECT_START = re.compile(r"[^,;:!?()\n]*$")
_WORD = re.compile(r"[A-Za-z][\w'’-]*|\S")


def _subject_head(text: str, lo: int, hi: int) -> str | None:
    """The first plural noun of a subject phrase in [lo, hi), within its first five words and
    before any function word that ends a noun phrase (leading determiners skipped)."""
    seen = 0
    for m in _WORD.finditer(text, lo, hi):
        w = m.group()
        lw = w.lower()
        if lw in STOP:
            if seen:
                return None
            continue
        if plural_noun(w):
            return lw
        seen += 1
        if seen >= 5:
            return None
    return None


# a level verb between a plural subject and a bare number with a scale word: `4G mobile users
# reached 1.17 billion`, `valid invention patents totalled 1.35 million`, `fixed broadband
# subscribers at about 200 million`
_LEVEL_VERB = re.compile(
    r"[ \t]+(?:reached|totall?ed|stood[ \t]+at|topped|hit|exceeded|passed|at)[ \t]+(?:(?:about|"
    r"around|roughly|nearly|some|almost|over|more[ \t]+than|just[ \t]+over)[ \t]+)?$",
    re.I,
)
# plural nouns of amounts of money or trade, not counts (`sales reached 1.2 billion`)
_NOT_COUNTED = frozenset(
    "sales revenues exports imports profits earnings assets investments costs prices funds "
    "proceeds expenses savings losses taxes subsidies wages salaries budgets receipts outlays "
    "fees payments bonds deposits loans reserves shares volumes turnovers orders".split()
)


def _numbered_subject(doc: Doc, c: QCtx, scale: bool) -> str | None:
    q = c.q
    a = q.number_start if q.number_end > q.number_start else q.start
    lo = max(c.sentence[0], a - 160)
    m = _NUMBERED.search(doc.text, max(lo, a - 40), a)
    if m is None and scale:
        m = _LEVEL_VERB.search(doc.text, max(lo, a - 40), a)
        if m is not None:
            s = _SUBJECT_START.search(doc.text, lo, m.start())
            head = _subject_head(doc.text, s.start(), m.start()) if s else None
            return None if head in _NOT_COUNTED else head
    if m is None and not scale and q.value >= 10 and float(q.value).is_integer():
        return _risen_subject(doc, lo, a)  # `Paying enterprise customers increased to 2,870`
    if m is None or q.value < 2:
        return None
    s = _SUBJECT_START.search(doc.text, lo, m.start())
    return _subject_head(doc.text, s.start(), m.start()) if s else None


# a count risen to its level: `Paying enterprise customers increased to 2,870`
_RISEN_TO = re.compile(
    r"[ \t]+(?:increased|rose|grew|climbed|jumped|expanded)[ \t]+to[ \t]+(?:(?:about|around|"
    r"nearly|some|almost|over|more[ \t]+than)[ \t]+)?$",
    re.I,
)


def _risen_subject(doc: Doc, lo: int, a: int) -> str | None:
    """The plural head of the subject of `increased to N` (not an amount: `sales`)."""
    if doc.text.find(" to ", max(lo, a - 30), a) < 0:
        return None
    m = _RISEN_TO.search(doc.text, max(lo, a - 40), a)
    if m is None:
        return None
    s = _SUBJECT_START.search(doc.text, lo, m.start())
    head = _subject_head(doc.text, s.start(), m.start()) if s else None
    return None if head in _NOT_COUNTED else head


# `8 of its platforms have been selected`, `12 of the companies`: the number counts the plural
# noun of the set after `of` + a determiner
_OF_DETERMINER = re.compile(r"[ \t]+of[ \t]+(?:its|their|the|these|those|our|all)(?=[ \t])", re.I)


def _part_of_set(doc: Doc, c: QCtx) -> str | None:
    m = _OF_DETERMINER.match(doc.text, c.q.end)
    if m is None:
        return None
    found = counted_noun(doc.text, m.end())
    return found[0] if found else None


# a fact-sheet line: `- Industrial enterprises above designated size: 3,900+`; the number is the
# line's only figure (a note in brackets may follow)
_LABEL_LINE = re.compile(
    r"[ \t]*(?:[-*\u2022\u2013][ \t]*)?(?P<label>[A-Za-z][^\n:\d()]{2,60}):[ \t]*"
)
# what may follow the figure of a fact-sheet line: the line's end, a bracket, a semicolon, a `+`,
# a comma and a clause (`Employees: 2,400, of whom ...`) or an origin or place (`Exhibitors: 1,862
# from 27 countries`, `Offices: 14 in China`)
_LABEL_END = re.compile(r"\+?(?:[ \t]*(?:\r?\n|$|\(|;|,[ \t])|[ \t]+(?:from|in|across|with)[ \t])")


def _label_noun(doc: Doc, c: QCtx) -> str | None:
    q = c.q
    if not float(q.value).is_integer() or q.value < 2:
        return None
    text = doc.text
    a = q.number_start if q.number_end > q.number_start else q.start
    line = text.rfind("\n", 0, a) + 1
    if a - line > 70 or not _LABEL_END.match(text, q.end):
        return None
    # the figure (with its bound word: `Robots shown running: more than 620`) opens the value
    m = _LABEL_LINE.fullmatch(text, line, q.start) or _LABEL_LINE.fullmatch(text, line, a)
    return _subject_head(text, m.start("label"), m.end("label")) if m else None


# a later member of a list of tiers after a fact-sheet label: `* Smart factories: more than
# 30,000 basic-level, 1,260 advanced-level and 235 excellence-level` (each member a figure and
# one word, separated by commas or `and`)
_TIER_MEMBERS = re.compile(
    r"(?:(?:[^\n,;:]|(?<=\d),(?=\d)){1,40}?[ \t]+[A-Za-z][\w-]*[ \t]*(?:,|[ \t]and)[ \t]*)+"
)
_TIER_END = re.compile(r"[ \t]+[A-Za-z][\w-]*[ \t]*(?:,|[ \t]and\b|\r?\n|$)")
# a member may end at an `and` or run past it, so a failing match tries every split at the
# `and`s of the line (2 ** n ways): a tier list has one or two; a line with more is no tier list
# (20 made the match take a second, issue 10)
_TIER_MAX_ANDS = 4


def _label_list_noun(doc: Doc, c: QCtx) -> str | None:
    q = c.q
    if not float(q.value).is_integer() or q.value < 2:
        return None
    text = doc.text
    line = text.rfind("\n", 0, q.start) + 1
    if q.start - line > 140 or not _TIER_END.match(text, q.end):
        return None
    m = _LABEL_LINE.match(text, line, q.start)
    if m is None or text.count(" and", m.end(), q.start) > _TIER_MAX_ANDS:
        return None  # the members' pattern may split at each `and`: bounded, see below
    if not _TIER_MEMBERS.fullmatch(text, m.end(), q.start):
        return None
    return _subject_head(text, m.start("label"), m.end("label"))


# a list heading naming what its lines count: `5G base stations at the end of 2023:`
_HEADING_NOUN = re.compile(
    r"(?:[\w-]+\s+){0,3}?(?P<noun>(?:[a-z]+\s+)?[a-z]+s)\b"
    r"(?=\s+(?:at|by|in|as|of|per|for|across|on)\b|\s*[,:(\uff1a])"
)
_LINE_LABEL = re.compile(r"[^\n:\d]{1,40}:\s*$")


def _heading_noun(doc: Doc, c: QCtx) -> str | None:
    """The plural noun a list heading opens with, for a bare whole number that is the only
    figure of its list line (`5G base stations at the end of 2023:` / `Guangdong: 325,000`)."""
    q = c.q
    if not float(q.value).is_integer() or q.value < 2 or not heading_lists(doc):
        return None
    if not _LINE_LABEL.match(doc.text, c.paragraph[0], q.start):
        return None
    for a, b, _, head in heading_lists(doc):
        if a <= q.start < b:
            m = _HEADING_NOUN.match(doc.text, head[0], head[1])
            return m.group("noun").lower() if m else None
    return None


# the glue between two members of a series of one measure: `from 52 percent to 58 percent, 72
# percent and 84 percent`, `50%, 70% and 82%`, `3.41 trillion yuan in 2019, 3.57 trillion yuan in
# 2020`
# 2020`, `to 50% by 2020 and 64% by 2025, from 33% in 2015` (a base of the same measure: the
# figure it is compared with keeps the measure, in another year)
_SERIES_GLUE = re.compile(
    r"(?:\s+(?:in|by|by\s+the\s+end\s+of|at\s+the\s+end\s+of)\s+(?:19|20)\d\d)?\s*"
    r"(?:,|,?\s+and|,?\s+then|\s+to|,?\s+(?:up\s+|down\s+)?from)\s*",
    re.I,
)
# what may follow a member of a series: the series goes on or ends, no words of the figure's own
# (`1.03 million more than a year earlier`, `1,000 "5G fully connected factories"`)
_SERIES_NEXT = re.compile(r"\s*(?:[,.;:)]|and\b|or\b|in\b|by\b|over\b|for\b|during\b|$)", re.I)


def _later_list(doc: Doc, c: QCtx) -> bool:
    """Is every `respectively` of the sentence closing a list of figures found after this one
    (`... 4.10 trillion yuan in 2021, equal to 3.44%, 3.51% and 3.58% of GDP respectively`)?"""
    groups = respective_groups(doc, c.sentence)
    return bool(groups) and all(g[0] > c.index for g in groups)


def _series_indicator(doc: Doc, c: QCtx, unit: str, prev: Claim) -> str:
    """The indicator of a figure that continues a series right after a classified figure of
    the same unit in its sentence, when nothing names a measure of its own (its own phrases
    score nothing): `The penetration rate of digital R&D tools is to go from 52 percent to 58
    percent, 72 percent and 84 percent`. Not in a `respectively` list (its subjects pair up in
    order), nor for a figure whose subject is a region or a company."""
    q = c.q
    if (
        prev.indicator == UNCLASSIFIED
        or prev.unit != unit
        or c.index == 0
        or doc.quantities[c.index - 1].end != prev.char_end
        or prev.char_start < c.sentence[0]
        or not _SERIES_GLUE.fullmatch(doc.text, prev.char_end, q.start)
        or not _SERIES_NEXT.match(doc.text, q.end)
        or q.counted is not None
        or ("respectively" in doc.norm[q.end : c.sentence[1]] and not _later_list(doc, c))
    ):
        return UNCLASSIFIED
    ind, score = match_indicator(doc, c, unit)
    if ind != UNCLASSIFIED or score > 0 or scope_of(doc, c) is not None:
        return ind
    return prev.indicator


@fewer_gc_passes
def claims_from_extraction(
    text: str,
    extraction: Extraction,
    published: dt.date | None,
    article_file: str = "-",
) -> list[Claim]:
    """The claims of a text whose quantities were already extracted."""
    tables = find_tables(text, published.year if published else None)
    if not extraction.quantities and not tables:
        return []
    doc = Doc.build(text, extraction.quantities, extraction.periods, published)
    taken = _table_spans(tables) if tables else None
    periods = PeriodResolver(doc)
    sources = SourceResolver(doc)
    claims: list[Claim] = []
    norm = doc.norm  # (once per text: a world or regional scope named anywhere at all)
    other_scope = "world" in norm or "global" in norm or "in the region" in norm
    by_span: dict[tuple[int, int], Claim] = {}
    for i, q in enumerate(doc.quantities):
        check_budget()  # the article's time budget in the pipeline (no-op elsewhere)
        if taken and _in_table(taken, q.start, q.end):
            continue  # read from the table below
        c = quantity_context(doc, i)
        original = None
        if q.converts is not None and 0 <= q.converts < len(extraction.quantities):
            o = extraction.quantities[q.converts]
            original = by_span.get((o.start, o.end))
        if q.converts is not None and q.unit is not None:
            unit, indicator, counted = q.unit, UNCLASSIFIED, None
        else:
            rc = _respective_ctx(doc, c) if periods.has_respectively else c
            if rc is c:  # `the penetration rate of X and the NC rate of Y reached 79% and 62%`
                rc = implicit_pair_ctx(doc, c) or c
            unit, indicator, counted = _resolve_unit(doc, rc)
            if indicator == UNCLASSIFIED and claims and unit is not None:
                indicator = _series_indicator(doc, c, unit, claims[-1])
            if indicator == UNCLASSIFIED and claims and unit == "percent":
                indicator = growth_of_level(doc, c, claims) or indicator  # `..., up 55.7 percent`
            if claims and unit is not None and periods.has_respectively:
                # `... 77.0% and 58.6% respectively, compared with 74.7% and 55.3%`
                indicator = paired_base_indicator(doc, c, unit, claims) or indicator
                if indicator == UNCLASSIFIED:  # `In 2013 the two rates stood at 52% and 27%`
                    indicator = earlier_measures(doc, c, unit, claims) or indicator
            if indicator != UNCLASSIFIED and other_scope and _OTHER_SCOPE_AFTER.match(text, q.end):
                indicator = UNCLASSIFIED  # `2.3 million 5G base stations were in service worldwide`
            before = text[max(0, q.start - 12) : q.start]
            if unit is None or not is_statistic(q, unit, indicator, counted, before):
                continue
        if original is not None:  # a conversion: the period and status of the amount it converts
            period = ResolvedPeriod(
                original.period_start, original.period_end, original.period_basis
            )
            status = original.status
            part = original.period_part
            noun_phrase = f"conversion of {original.quote}"
        else:
            period = periods.resolve(c)
            status = resolve_status(doc, c, period)
            if status in ("target", "forecast") and _change_start(doc, c):
                status = "actual"
            part = period.period.part if period.period is not None else None
            noun_phrase = _noun_phrase(doc, c) if indicator == UNCLASSIFIED else None
            if q.converts is not None:
                noun_phrase = "conversion of " + (noun_phrase or "an amount")
        s0, s1 = c.sentence
        claim = Claim(
            article_file=article_file,
            char_start=q.start,
            char_end=q.end,
            quote=text[q.start : q.end],
            value=float(q.value),
            unit=unit,
            counted=counted if unit == "count" else None,
            bound=_conversion_bound(doc, c, original),
            period_start=period.start,
            period_end=period.end,
            status=status,
            indicator=indicator,
            source=sources.source_for(c.sentence, c.paragraph),
            sentence=text[s0:s1],
            noun_phrase=noun_phrase,
            period_basis=period.basis,
            period_part=part if period.start is not None else None,
        )
        claims.append(claim)
        by_span[(q.start, q.end)] = claim
    if tables:
        claims.extend(_table_claims(doc, sources, tables, article_file))
        claims.sort(key=lambda cl: (cl.char_start, cl.char_end))
    _headline_periods(doc, claims)
    _headline_indicators(doc, claims)
    return claims


def _table_spans(tables: list[Table]) -> tuple[list[int], list[int]]:
    """The spans a table reading replaces (`Table.spans`), merged: (starts, ends), sorted."""
    merged: list[list[int]] = []
    for a, b in sorted(s for t in tables for s in t.spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [a for a, _ in merged], [b for _, b in merged]


def _in_table(spans: tuple[list[int], list[int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the merged spans (a bisection)."""
    starts, ends = spans
    k = bisect_right(starts, end - 1) - 1
    return k >= 0 and ends[k] > start


_CURRENCY_WORD = {"CNY": "yuan", "USD": "US dollars", "EUR": "euros"}
_BRACKETED = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")


def _table_indicator(
    label: str, unit: str, value: float, year: int, published, title: str = ""
) -> str:
    """The catalog indicator of a table cell: its label read in a plain sentence that states
    the figure (`Revenue was 12.3 billion yuan in 2020.`); when that fits nothing and the table
    has a caption, the sentence after the caption's subject (`Added value of China's industrial
    internet industry: share of GDP was 3.45% in 2019.`); unclassified when nothing fits."""
    found = _table_indicator_of(label, unit, value, year, published, "")
    if found == UNCLASSIFIED and title:
        found = _table_indicator_of(label, unit, value, year, published, title)
    return found


def _table_indicator_of(label: str, unit: str, value: float, year: int, published, title: str):
    label = _BRACKETED.sub("", label).strip(" :")
    if not label or len(label) > 120:
        return UNCLASSIFIED
    if unit == "count":
        if not float(value).is_integer():
            return UNCLASSIFIED
        sentence = f"The number of {label} was {int(value)} in {year}."
    elif unit in ("percent", "percentage_point"):
        sign = "%" if unit == "percent" else " percentage points"
        sentence = f"{label} was {value:g}{sign} in {year}."
    elif unit in _CURRENCY_WORD:
        sentence = f"{label} was {value / 1e9:g} billion {_CURRENCY_WORD[unit]} in {year}."
    else:
        return UNCLASSIFIED
    if title:
        sentence = f"{title}: {sentence[0].lower()}{sentence[1:]}"
    found = claims_from_extraction(sentence, _extract(sentence), published)
    return found[0].indicator if len(found) == 1 else UNCLASSIFIED


def _table_claims(doc: Doc, sources: SourceResolver, tables: list[Table], article_file: str):
    """One claim per table cell (text_tables): bare number, scaled value, period and status of
    its time head, indicator from its label."""
    seen: dict[tuple, str] = {}
    for t in tables:
        for cell in t.cells:
            label = cell.measure
            key = (label, cell.unit, float(cell.value).is_integer(), t.title)
            if key not in seen:
                seen[key] = _table_indicator(
                    label, cell.unit, cell.value, cell.year, doc.published, t.title
                )
            indicator = seen[key]
            sent = doc.seg.sentence_at(cell.start)
            par = doc.seg.paragraph_at(cell.start)
            yield Claim(
                article_file=article_file,
                char_start=cell.start,
                char_end=cell.end,
                quote=cell.quote,
                value=cell.value,
                unit=cell.unit,
                counted=cell.counted,
                bound="exact",
                period_start=cell.year,
                period_end=cell.year,
                status=cell.status,
                indicator=indicator,
                source=sources.source_for(sent, par),
                sentence=doc.text[sent[0] : sent[1]],
                noun_phrase=cell.measure if indicator == UNCLASSIFIED else None,
                period_basis="explicit_year",
                period_part=cell.part,
            )


_HEADLINE_TOLERANCE = 0.05


def _headline_periods(doc: Doc, claims: list[Claim]) -> None:
    """A headline figure without time words takes the period and status of the same figure in
    the body (same unit, value within 5%: headlines round, `top 2.3 million` for 2.312 million;
    the same indicator preferred). Without such a figure it keeps what its own words gave."""
    t0, t1 = doc.title
    heads = [
        c
        for c in claims
        if t0 <= c.char_start < t1 and c.period_basis in ("publication_year", "none")
    ]
    if not heads:
        return
    body = [c for c in claims if c.char_start >= t1]
    for h in heads:
        best = None
        for b in body:
            if b.unit != h.unit or b.period_basis == "none":
                continue
            ref = max(abs(h.value), abs(b.value))
            if ref == 0 or abs(h.value - b.value) / ref > _HEADLINE_TOLERANCE:
                continue
            key = (b.indicator != h.indicator, abs(h.value - b.value) / ref)
            if best is None or key < best[0]:
                best = (key, b)
        if best is not None:
            b = best[1]
            h.period_start, h.period_end, h.status = b.period_start, b.period_end, b.status
            h.period_basis = (
                "article_year" if b.period_basis != "publication_year" else b.period_basis
            )


def _headline_indicators(doc: Doc, claims: list[Claim]) -> None:
    """An unclassified headline figure takes the indicator of the same figure in the body (same
    unit, value within 5%, the body's figure classified): `China's industrial internet core
    industry tops 1.2 trillion yuan` / `The scale of China's industrial internet core industry has
    exceeded 1.2 trillion yuan`. Not when the headline's own words scope it to a region or a
    company (`Guangdong's 5G users top 80 million`)."""
    t0, t1 = doc.title
    heads = [c for c in claims if t0 <= c.char_start < t1 and c.indicator == UNCLASSIFIED]
    if not heads:
        return
    body = [c for c in claims if c.char_start >= t1 and c.indicator != UNCLASSIFIED]
    for h in heads:
        best = None
        for b in body:
            if b.unit != h.unit:
                continue
            ref = max(abs(h.value), abs(b.value))
            if ref == 0 or abs(h.value - b.value) / ref > _HEADLINE_TOLERANCE:
                continue
            key = abs(h.value - b.value) / ref
            if best is None or key < best[0]:
                best = (key, b)
        i = _quantity_index(doc, h.char_start, h.char_end)
        if best is None or i is None or scope_of(doc, quantity_context(doc, i)) is not None:
            continue
        h.indicator = best[1].indicator
        h.noun_phrase = None


def _quantity_index(doc: Doc, start: int, end: int) -> int | None:
    """The index of the last quantity spanning exactly [start, end) (the quantities are sorted by
    start and end), None without one: a bisection, not an index of every quantity of the text."""
    i = bisect_right(doc.q_starts, start) - 1
    while i >= 0 and doc.q_starts[i] == start and doc.quantities[i].end > end:
        i -= 1
    if i >= 0 and doc.q_starts[i] == start and doc.quantities[i].end == end:
        return i
    return None


@fewer_gc_passes
def extract_claims(text: str, published: dt.date | None, article_file: str = "-") -> list[Claim]:
    """The statistical claims of one article text (offsets are indices into `text`)."""
    return claims_from_extraction(text, _extract(text), published, article_file)
