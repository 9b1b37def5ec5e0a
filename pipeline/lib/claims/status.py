"""Status of a claim: actual, estimate, forecast or target.

The words considered are those of the sentence up to the end of the quantity's own clause (what
introduces the figure: `It is estimated that ... will reach 4.45 trillion yuan in 2022, accounting
for 3.64% of GDP` makes both figures forecasts), plus the quantity's own clause.

- target: plan language (`aims to`, `strive to`, `goal`, `target`, `plans to`, `quota`,
  `according to the plan`), or `by <year>` for a year after publication with future wording;
- forecast: a period not yet over at publication (period end after the publication year, or the
  publication year itself with forecast wording `will`, `expected`, `estimated that`,
  `projected`); without a publication date, only explicit forecast wording (`expected`,
  `forecast`, `projected`, `predicted`) makes a forecast; without a period, forecast wording
  does;
- estimate: a period over at publication, ended at most a year before it, stated as approximate
  or preliminary (`about`, `around`, `approximately`, `preliminary`, `estimated`);
- actual: everything else. Tense alone never makes a forecast: Chinese-English news often writes
  `in 2021 ... will exceed` for a year already over.
"""

from __future__ import annotations

import re

from pipeline.lib.quantities.guards import guarded

from .body_plans import body_plan
from .casefold import folded
from .context import Doc, QCtx
from .past_forecast import past_forecast
from .periods import (
    INTENDING_SHARE,
    INTENT_AFTER_SHARE,
    PLAN_ACTION,
    TARGET_WORDS,
    ResolvedPeriod,
    absent,
    imperative,
)
from .plan_goals import actor_action, by_then, plan_source

_TARGET = TARGET_WORDS
# an actor committing to do something: `the ministry will build 600,000 base stations`, `it will
# carry out three tasks`, `is expected to be built` (a quantity that `will reach` is a forecast)
_PLAN_ACTION = PLAN_ACTION
_FORECAST = folded(
    r"\b(?:expected|expects|expectation|forecasts?|forecasted|projected|projection|predicted|"
    r"predicts?|prediction|anticipated|estimated that|estimates? that|estimating that|"
    r"it is estimated|is likely to|are likely to|(?:is|are|we're) guiding|"
    r"outlook|will|would)\b"
)
_FORECAST_STRONG = folded(
    r"\b(?:expected|expects|forecasts?|forecasted|projected|predicted|predicts?|anticipated|"
    r"estimated that|estimates? that|estimating that|it is estimated|is likely to|are likely to|"
    r"(?:would|will) not be surprised|wouldn't be surprised|guided|(?:is|are|we're) guiding|"
    r"(?:my|our|own) guess|"
    r"(?:i|we) guess|(?:is|are|seems?) "
    r"(?:possible|plausible|achievable|within reach)|the odds|extrapolat\w*)\b"
)
# a figure measured against a forecast is not one (`up 24.6% and ahead of our forecast`)
_VS_FORECAST = re.compile(
    r"\b(?:ahead of|above|below|beat(?:ing)?|miss(?:ed|ing)?|in line with|short of|exceed(?:ed|ing)|"
    r"than)\s+(?:our|the|its|their|market|consensus|analysts'?)?\s*(?:consensus\s+)?"
    r"(?:forecasts?|expectations?|estimates?|guidance)\b",
    re.I,
)
# a plan of a number without `to`: `they plan 20,000 to 30,000 stations`
_PLAN_NUMBER = re.compile(
    r"\b(?:plans?|planned|targets?|targeted|targeting)\s+(?:(?:about|around|some|up to|more than|"
    r"over|another|a further)\s+)?(?:\d[\d,.]*\s*(?:to|-|\u2013)\s*)?$",
    re.I,
)
_ENCOURAGED = re.compile(r"\b(?:is|are)\s+encouraged\s+to\b", re.I)
# a share of the surveyed followed by their intention (`63.5% plan to increase investment`):
# the share is measured now, the intention is theirs
_INTENDING_AFTER = re.compile(INTENT_AFTER_SHARE + r"|would|will)\b", re.I)
# approximate or preliminary wording (`nearly`, `almost`, `close to` bound a known figure: no)
_ESTIMATE = folded(
    r"\b(?:about|around|approximately|roughly|some|an estimated|estimated|estimates|"
    r"preliminary|preliminarily|initial estimates?|expected|projected)\b"
)
# a modal of possibility before a verb of level: `could reach $1.1 trillion by 2030`
_MODAL = (
    r"(?:could|may|might)\s+(?:\w+ly\s+)?(?:reach|hit|top|exceed|surpass|rise|grow|increase|"
    r"climb|double|total|expand|jump|fall|drop|decline|be\s+worth|be\s+as\s+(?:high|much|large|"
    r"many)\s+as|amount\s+to|"
    # a share won: `domestic products could win about 20 per cent of the segment`
    r"win|capture|gain|grab|take|account\s+for|make\s+up)"
)
_FORECAST_LEAD = folded(
    rf"\b(?:expects?|expected|forecasts?|forecasted|projected|predicts?|predicted|"
    rf"anticipates?|anticipated|estimates? that|{_MODAL})\b"
)
_MODAL_BEFORE = re.compile(r"\b(?:could|may|might)\s+(?:\w+ly\s+)?$", re.I)
_HEAD_TO = re.compile(
    r"\bto\s+(?:reach|hit|top|exceed|surpass|cross|pass|break|near|approach|double)?\s*"
    r"(?:the\s+)?$",
    re.I,
)
_WILL_LEVEL = folded(
    guarded(
        r"\b(?:will|shall)\s+(?:\w+ly\s+|not\s+)?(?:reach|exceed|surpass|top|hit|total|be|have|cover|"
        r"achieve|rise to|increase to|grow to)\b",
        ignorecase=False,
    )
)
_PLAN_DOC = folded(
    r"\b(?:(?:action|work|development|implementation) plans?|the (?:new )?plan|"
    r"notice|circular|guidelines?)\b"
)
_BRACKETS = re.compile(r"\([^()]*\)")
_REQUIRED_LEVEL = re.compile(
    r"\b(?:shall|should|must)\s+(?:not\s+)?(?:be|reach|exceed|account for|remain|stay|cover|"
    r"top|surpass|total|amount to)\b",
    re.I,
)
# a figure already reached, in a sentence of plans: `We will build ..., whose registrations have
# exceeded 350 billion`
_DONE = re.compile(
    r"\b(?:has|have|had)\s+(?:already\s+)?(?:exceeded|reached|topped|passed|surpassed|hit|"
    r"risen to|grown to|been)\s+(?:\w+\s+){0,2}$|"
    # a level held in the past: `At the end of September, Zhejiang had 229,000 base stations`,
    # `..., and by the middle of this year there were more than 70 platforms`
    r"\b(?:had|there\s+were|there\s+was)\s+(?:(?:about|around|nearly|some|over|more\s+than|"
    r"a\s+total\s+of)\s+)?$",
    re.I,
)
# a level now, named next to a goal or forecast: `to reach 35 per cent by 2030, from around 15 per
# cent today`
_NOW_AFTER = re.compile(r"[ \t]+(?:today|now|currently|at\s+present)\b", re.I)
# intention words of an actor: `the alliance intends to launch no fewer than 20 testbeds`, `China
# wants total computing power to exceed 450 EFLOPS by 2027`, `we hope to cut that by half`
_INTENT = folded(r"\b(?:intends?|hopes?) to\b|\bwants?\s+(?:[\w'-]+\s+){0,5}?to\b")
# a figure wanted by an actor, named straight after the verb: `they want more than 600,000 by the
# end of the year`, `Beijing wants more than 70 per cent of large manufacturers ...`
_WANTS_NUMBER = re.compile(r"\bwant(?:s|ed)?\s+(?:(?:another|a further|an? extra)\s+)?$", re.I)
# `should` with a verb of its own before the figure: what a proposal, plan or official asks for
# (`The central budget should allocate 10 billion yuan a year`, `charges should fall by a further
# 15% this year`); not the speaker's `I should add that ...`, nor a counterfactual `should have`
_SHOULD = re.compile(
    r"\bshould\s+(?:(?:also|further|still|not|\w+ly)\s+)?(?!have\b|add\b|note\b|say\b|mention\b|"
    r"point\b|stress\b|remember\b|emphasi[sz]e\b|explain\b|like\b|ask\b|know\b|think\b|"
    r"expect\b|see\b|be\s+noted\b|be\s+said\b)[a-z]+\b",
    re.I,
)
# an analyst's outlook or forecast named in the title: its `should` is a forecast
_OUTLOOK_TITLE = re.compile(r"\b(?:outlook|forecasts?|preview|predictions?|projections?)\b", re.I)
_ESTIMATE_CLAIM = folded(
    r"\b(?:estimates?|estimated|estimating)\s+that\b|\b(?:is|are|was|were)\s+estimated\s+"
    r"(?:at|to\s+(?:be|have|number|total))\b|\bby\s+(?:our|their|its|his|her|one|some|"
    r"official|industry)\s+estimates?\b|\baccording\s+to\s+(?:\w+\s+){0,3}estimates?\b"
)
_AHEAD = folded(
    r"\b(?:will|would|could|may|might|shall|expected|expects?|forecasts?|forecasted|projected|"
    r"projects|predicted|predicts?|likely|going to|plans?|planned|aims?|targets?|next|future|"
    r"coming|by\s+20\d\d)\b"
)
# `That would lift its share to 4.5 percent` after `... by 2030`: a consequence, not a goal
_CONDITIONAL = folded(r"\b(?:would|could|might|may)\b")
_WILL_HAVE = folded(r"\bwill\s+(?:\w+ly\s+)?(?:have|reach|exceed|top|surpass|hit)\b")
_SHARE_OF_INTENDING = re.compile(
    r"\s+of\s+(?:the\s+|all\s+)?(?:[\w-]+\s+){0,2}?(?:respondents|firms|companies|enterprises|"
    r"manufacturers|businesses|executives|people|users|consumers|households|those\s+surveyed)\s+"
    r"(?:said\s+they\s+)?(?:planned|plan|plans|intend|intended|aim|aimed|expect|expected|"
    r"would|will)\b",
    re.I,
)
_COORDINATED_VERB = folded(
    r",?\s+and\s+(?:will|shall|is|are|was|were|has|have|plans? to|aims? to|intends? to)\b"
)
# the wording of a plan's goal, in the past too (a goal stated in a history of the plan)
_PAST_GOAL = folded(
    r"\b(?:called for|calls for|set (?:out )?(?:the |its )?(?:goals?|targets?)|"
    r"(?:goals?|targets?) (?:of|for|set)|aimed (?:at|for|to)|envisaged|envisioned)\b"
)
_BY_YEAR = re.compile(r"^\s*(?:by|until|till|before)\b", re.I)


def _scope(doc: Doc, start: int, end: int) -> str:
    """The words of `_scope_span`, less a comparison with a forecast."""
    scope = doc.text[start:end]
    if "orecast" in scope or "xpectation" in scope or "stimate" in scope or "uidance" in scope:
        scope = _VS_FORECAST.sub(" ", scope)
    return scope


def _scope_span(doc: Doc, c: QCtx) -> tuple[int, int]:
    end = max(c.own[1], c.q.end)
    # `sets out 54 measures under eight headings and will be implemented in ...`: a clause
    # coordinated after the figure, with a verb of its own, is not what introduces it
    m = _COORDINATED_VERB.search(doc.text, c.q.end, end)
    if m is not None:
        end = m.start()
    # `62% of respondents planned to raise spending`: the intention is the counted group's, the
    # figure is a share of it, not a goal
    if end > c.q.end and _SHARE_OF_INTENDING.match(doc.text, c.q.end, end):
        end = c.q.end
    start = c.sentence[0]
    if c.q.unit == "percent" and _INTENDING_AFTER.match(doc.text, c.q.end, end):
        end, start = c.q.end, c.clause[0]  # `..., while 8.2% plan to reduce it`
    return start, end


def _headline_infinitive(doc: Doc, c: QCtx) -> bool:
    """`Industrial internet added value to top 5 trillion yuan this year`: a headline's `to
    <verb> N` announces a figure to come."""
    t0, t1 = doc.title
    if not (t0 <= c.q.start < t1):
        return False
    a = c.q.number_start if c.q.number_end > c.q.number_start else c.q.start
    return bool(_HEAD_TO.search(doc.text, max(t0, a - 40), a))


def _forecast_lead(doc: Doc, c: QCtx) -> bool:
    """The words introducing the figure are an expectation (`the company expects shipments of`,
    `spending could reach`) with no plan word between them and the figure."""
    a = c.q.number_start if c.q.number_end > c.q.number_start else c.q.start
    s0 = c.sentence[0]
    lead = doc.text[s0 : max(s0, a)]  # `could surpass 5 trillion`
    if absent(doc, _FORECAST_LEAD, c.sentence, s0, max(s0, a)):
        ends = []  # (the sentence has none of the words: asked once per sentence)
    else:
        ends = [m.end() for m in _FORECAST_LEAD.finditer(lead)]
    tail = lead[-24:]
    if (
        not ends
        and ("ould" in tail or "ay" in tail or "ight" in tail)
        and _MODAL_BEFORE.search(tail)
    ):
        return True  # `reached 10 billion yuan in 2016 and could double by 2018`
    return bool(ends) and not _TARGET.search(lead, ends[-1])


def _present_estimate(doc: Doc, c: QCtx) -> bool:
    """An estimate of a present or past figure (`Operators estimate that about 70 percent of
    identifiers relate to parts`, `the market is estimated at 120 billion yuan now`, `costs
    between 200,000 and 500,000 yuan, by our estimate`): estimate wording anywhere in the
    sentence and no word looking ahead."""
    s0, s1 = c.sentence
    text = doc.text
    if text.find("stimat", s0, s1) < 0:
        return False
    m = _ESTIMATE_CLAIM.search(text, s0, s1)
    if m is None:
        return False
    # the clause of the estimate words (`..., adding that the market is estimated at ... now`)
    a = max(text.rfind(",", s0, m.start()), s0)
    b = text.find(",", m.end(), s1)
    b = s1 if b < 0 else b
    if a <= c.q.start < b:
        return not _AHEAD.search(text[a : m.start()] + " " + text[m.end() : b])
    if b == s1 and a > c.q.start:  # `..., by our estimate.` closing the figure's sentence
        return not _AHEAD.search(text[s0 : m.start()] + " " + text[m.end() : s1])
    return False  # the figure is in another clause, and the estimate does not close it


# an estimate verb introducing the figure's sentence: `Analysts estimate that implementation takes
# 60% of revenue, leaving margins at 25% to 35%` (an estimate of the present), `Huatai estimates
# the market will grow 12 to 15 per cent a year` (a forecast: a word looking ahead follows)
_ESTIMATE_VERB = folded(r"\b(?:estimates?|estimated|estimating)\b(?:\s+that\b)?")


def _estimate_lead(doc: Doc, c: QCtx) -> str | None:
    """`estimate` or `forecast` when an estimate verb before the figure in its sentence
    introduces it, as the figure's clause looks ahead or not; None without one."""
    s0 = c.sentence[0]
    a = c.q.number_start if c.q.number_end > c.q.number_start else c.q.start
    text = doc.text
    if "stimat" not in text[s0:a]:
        return None
    last = None
    for m in _ESTIMATE_VERB.finditer(text, s0, a):
        last = m
    if last is None or _ESTIMATE_NOUN_BEFORE.search(text, max(s0, last.start() - 12), last.start()):
        return None  # `an estimated 5.8 trillion yuan`: the approximate wording of a figure
    end = max(c.own[1], c.q.end)
    if _TO_LEVEL.match(text, last.end()):
        return "forecast"  # `is estimated to reach 1.2 trillion yuan this year`: a level to come
    if not _AHEAD.search(text, last.end(), end):
        return "estimate"
    # a forecast unless plan words follow the estimate verb (`estimates that the plan aims ...`)
    return None if _TARGET.search(text, last.end(), a) else "forecast"


_TO_LEVEL = re.compile(
    r"\s+to\s+(?:reach|hit|exceed|top|surpass|grow|rise|increase|climb|total|double)\b", re.I
)
_ESTIMATE_NOUN_BEFORE = re.compile(r"\b(?:an?|the|its|their|our|by)\s+$", re.I)
# `Organizers said some 1,950 new products would be launched`: a figure that is the subject of
# `would` / `will` in reported speech
_SAID = folded(r"\b(?:said|says|say|told|announced|according to)\b")
_SUBJECT_OF_WILL = re.compile(r"[^,;]{0,60}?\b(?:would|will)\s+(?!not\b)(?:be\s+)?\w+", re.I)


def _plan_level(doc: Doc, c: QCtx, scope: str) -> bool:
    """`Connected industrial equipment will exceed 80 million sets` in a plan or action plan
    (named in the title or the paragraph): a government plan's `will reach / will exceed N` is a
    target, not a forecast (an analyst's `could surpass` is caught before, by `_forecast_lead`)."""
    if not _WILL_LEVEL.search(scope) or _FORECAST_STRONG.search(scope):
        return False
    t0, t1 = doc.title
    return bool(_PLAN_DOC.search(doc.text, t0, t1) or _PLAN_DOC.search(doc.text, *c.paragraph))


def _requirement(doc: Doc, c: QCtx, scope: str) -> bool:
    """`the share of social capital should be no less than 70 percent` in a notice or plan (named
    in the title): a requirement of the plan is a target."""
    t0, t1 = doc.title
    if not _PLAN_DOC.search(doc.text, t0, t1):  # (once per text: memoised)
        return False
    return bool(_REQUIRED_LEVEL.search(scope))


def _should(doc: Doc, c: QCtx, scope: str, num0: int) -> bool:
    """`should` + a verb in the figure's own clause, or in its sentence before it with no other
    figure between, outside an analyst's outlook (title) and forecast wording."""
    if _FORECAST_STRONG.search(scope):
        return False
    t0, t1 = doc.title
    if _OUTLOOK_TITLE.search(doc.text, t0, t1):
        return False
    return bool(_SHOULD.search(doc.text, max(c.sentence[0], c.own[0]), num0))


# money a budget, a programme or an allocation provides for a period not over (`general public
# budget revenue is projected at 770.1 billion yuan`, `the programme provides for EUR 9.2 billion
# over 2021-2027`, `The 2025 budget of RMB 1.2 million was approved`): planned, not forecast;
# an analyst's or a survey's expectation stays a forecast
_BUDGET = folded(
    r"\b(?:budget|budgets|budgeted|provides? for|allocates?|allocated|allocating|special funds?|"
    r"appropriat\w+)\b"
)
_BUDGET_VETO = folded(
    r"\b(?:expects?|expected|could|may|might|analysts?|economists?|we think|we forecast|"
    r"forecasts?|consensus|likely)\b"
)


def _money(unit: str | None) -> bool:
    return unit is not None and len(unit) == 3 and unit.isupper()


def resolve_status(doc: Doc, c: QCtx, period: ResolvedPeriod) -> str:
    status = _resolve_status(doc, c, period)
    if status == "forecast" and _money(c.q.unit):
        s0, s1 = c.sentence
        if _BUDGET.search(doc.text, s0, s1) and not _BUDGET_VETO.search(doc.text, s0, s1):
            return "target"
    if status == "target" and not period.goal and period.basis != "plan_year":
        # `Will China's industrial internet hit 10 trillion yuan by 2030?`: a question about a
        # level to come is a forecast, not a goal
        s0, s1 = c.sentence
        if doc.text[s0:s1].rstrip(" \t\n\"'\u201d").endswith("?"):
            return "forecast"
    return status


def _plan_sourced(doc: Doc, c: QCtx) -> bool:
    """The figure's sentence is attributed to a plan, or dates it `by then` after a sentence of
    its paragraph that is (`plan_goals`)."""
    key = ("plan_source", c.sentence)  # (once per sentence: its figures all ask)
    span = doc._par_cache.get(key, key)
    if span is key:
        s0, s1 = c.sentence
        span = plan_source(doc.text, s0, s1)
        if span is None and s0 > c.paragraph[0] and by_then(doc.text, s0, s1):
            p0, p1 = doc.seg.sentence_at(s0 - 1)
            span = plan_source(doc.text, p0, p1) if p0 >= c.paragraph[0] else None
        doc._par_cache[key] = span
    return span is not None and not (span[0] <= c.q.start < span[1])


def _resolve_status(doc: Doc, c: QCtx, period: ResolvedPeriod) -> str:
    start, stop = _scope_span(doc, c)
    scope = _scope(doc, start, stop)
    plain = len(scope) == stop - start  # (no bracketed forecast taken out)

    def found(pattern):  # pattern.search(scope), not run when the sentence lacks its words
        return (
            None
            if plain and absent(doc, pattern, c.sentence, start, stop)
            else pattern.search(scope)
        )

    pub = doc.pub_year
    end = period.end
    if period.basis == "plan_year":
        return "target"
    if (
        c.q.unit == "percent"
        and (pub is None or end is None or end <= pub)
        and INTENDING_SHARE.match(doc.text, c.q.end)
    ):
        # `14 percent expect them to deteriorate`: the share of the surveyed is measured at the
        # survey; the expectation or plan is theirs
        return "actual"
    if period.base or (
        _NOW_AFTER.match(doc.text, c.q.end) and (pub is None or end is None or end <= pub)
    ):  # `from last year's 960 million yuan`, `from 15 per cent today`: a known level as a base
        own = doc.text[c.own[0] : max(c.own[1], c.q.end)]
        return "estimate" if _ESTIMATE.search(own) else "actual"
    if _present_estimate(doc, c) and (pub is None or end is None or end <= pub):
        return "estimate"
    lead_estimate = _estimate_lead(doc, c)
    if lead_estimate == "estimate" and (pub is None or end is None or end <= pub):
        return "estimate"
    if lead_estimate == "forecast" and (pub is None or end is None or end >= pub):
        return "forecast"  # `..., and a broker estimates the market will grow 12 to 15 per cent`
    if _headline_infinitive(doc, c) and (pub is None or end is None or end >= pub):
        return "forecast"
    sourced = _plan_sourced(doc, c)
    if not sourced and _forecast_lead(doc, c) and (pub is None or end is None or end >= pub):
        return "forecast"
    num0 = c.q.number_start if c.q.number_end > c.q.number_start else c.q.start
    planned = (
        period.goal
        or (found(_WILL_LEVEL) and _plan_level(doc, c, scope))
        or found(_TARGET)
        or found(_PLAN_ACTION)
        or (("ntend" in scope or "want" in scope or "hope" in scope) and _INTENT.search(scope))
        or ("ncouraged" in scope and _ENCOURAGED.search(scope))
        or (
            ("lan" in scope or "arget" in scope)
            and _PLAN_NUMBER.search(doc.text, max(c.sentence[0], num0 - 40), num0)
        )
        or imperative(doc, c.sentence[0])
        or _requirement(doc, c, scope)
        or (
            "want" in scope
            and _WANTS_NUMBER.search(doc.text, max(c.sentence[0], c.q.start - 30), c.q.start)
        )
        or ("should" in scope and _should(doc, c, scope, num0))
        or sourced
        or actor_action(scope)
        or body_plan(doc.text, c.sentence[0], num0)
    )
    if (
        planned
        and not period.goal
        and _DONE.search(doc.text, c.own[0], num0)
        and (pub is None or end is None or end <= pub)
    ):
        return "actual"  # `We will build ..., whose registrations have exceeded 350 billion`
    if planned and (end is None or pub is None or end >= pub):
        return "target"
    if found(_PAST_GOAL) and not _DONE.search(doc.text, c.own[0], num0):
        # `The 2017 guideline set goals for two stages. By 2020 it called for around 10
        # platforms`: a past plan's goal stays a goal, whenever it fell due
        return "target"
    if (
        (end is None or pub is None or end >= pub)
        and _SAID.search(doc.text, c.sentence[0], c.q.start)
        and _SUBJECT_OF_WILL.match(doc.text, c.q.end, max(c.own[1], c.q.end))
    ):
        return "forecast"  # `Organizers said some 1,950 new products would be launched`
    explicit = period.basis in ("explicit_year", "paragraph_year", "relative")
    if (
        explicit
        and period.period is not None
        and _BY_YEAR.match(period.period.text)
        and pub is not None
        and end is not None
        and end > pub
        and not found(_FORECAST_STRONG)
        and not (period.period.start < c.sentence[0] and _CONDITIONAL.search(scope))
    ):
        return "target"
    if end is None:
        if found(_FORECAST_STRONG) or (pub is not None and found(_FORECAST)):
            return "forecast"
        return "actual"
    if pub is None:
        if found(_FORECAST_STRONG):
            return "forecast"
        if (
            explicit
            and period.period is not None
            and _BY_YEAR.match(period.period.text)
            and found(_FORECAST)
        ):
            return "target"  # `By 2025 it will have 9,000 nodes` in an undated text
        return "actual"
    if explicit and end > pub:
        return "forecast"
    if explicit and end == pub and found(_FORECAST):
        return "forecast"
    if period.basis == "publication_year" and found(_FORECAST_STRONG):
        return "forecast"
    if (
        period.basis == "publication_year"
        and period.period is not None
        and c.sentence[0] <= period.period.start < c.sentence[1]
        and found(_WILL_HAVE)
    ):
        return (
            "forecast"  # `China will have more than 600,000 base stations by the end of the year`
        )
    if end < pub and explicit and past_forecast(doc.text, c.sentence[0], num0):
        return "forecast"  # `It estimated that the market would reach 4.45 trillion in 2022`
    if end < pub and pub - end <= 1:
        if _ESTIMATE.search(_BRACKETS.sub(" ", scope)):
            return "estimate"
    return "actual"
