"""A learned second opinion on a claim's reference period and status (issue 9): features,
candidates and the linear models' decision rule. NOT used by the pipeline (see
docs/attribution_model.md: it beat the first-contact rules out of set, but broke documented rule
behaviours, lowered the sets the rules are tuned on and cost ~30% of claims-layer CPU).

For each claim, `period_candidates` lists the periods it could refer to: every period expression
of its sentence, of the earlier sentences of its paragraph, of the three paragraphs before, of the
title and of the section heading; both years of a year range alone (`from 2012 to 2021`: 2012,
2021, 2012-2021); the publication year, the year the article reports on, no period; and the
rules' pick. Each candidate has sparse features: where it was written, its distance, the
preposition before it, whether it is a comparison base or belongs to another figure, its
relation to the publication year, tense and plan words of the sentence, whether the rules picked
it. `status_features` describes the status decision (the rules' status, the chosen period against
the publication year, cue words of the scope). `Model` holds the weights of a conditional logit
over the candidates and a multinomial logit over actual / forecast / target; `choose_period` /
`choose_status` replace the rules' choice only when the model beats it by `margin` in log-odds.
Trained and cross-validated by benchmarks/learn_attribution.py.
"""

from __future__ import annotations

import bisect
import functools
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.lib.claims.context import Doc, QCtx
from pipeline.lib.claims.periods import (
    FUTURE_WORDS,
    IMPERATIVE,
    PLAN_ACTION,
    TARGET_WORDS,
    PeriodResolver,
    attached_to_other,
    base_period,
)
from pipeline.lib.quantities.model import Period

_PREPS = {
    "in": re.compile(r"\bin\s+(?:the\s+)?$", re.I),
    "by": re.compile(r"\bby\s+(?:the\s+)?$", re.I),
    "since": re.compile(r"\bsince\s+(?:the\s+)?$", re.I),
    "from": re.compile(r"\bfrom\s+(?:the\s+)?$", re.I),
    "to": re.compile(r"\b(?:to|until|till|through)\s+(?:the\s+)?$", re.I),
    "as_of": re.compile(r"\bas\s+(?:of|at)\s+(?:the\s+)?$", re.I),
    "end_of": re.compile(r"\bend\s+of\s+(?:the\s+)?$", re.I),
    "during": re.compile(r"\b(?:during|over|for)\s+(?:the\s+)?$", re.I),
    "than": re.compile(
        r"\b(?:than|compared\s+(?:with|to)|versus|vs\.?|against)\s+(?:in\s+)?$", re.I
    ),
    "same_period": re.compile(r"\bsame\s+period\s+(?:of\s+|in\s+)?(?:the\s+)?$", re.I),
    "poss": re.compile(r"^['\u2019]s\b"),
}
_PAST = re.compile(
    r"\b(?:was|were|had|reached|exceeded|hit|rose|grew|increased|fell|dropped|declined|amounted|"
    r"totall?ed|stood|accounted|posted|recorded|registered|achieved|topped|surpassed|climbed|"
    r"expanded|jumped|added|saw|realized|realised|completed|surged|soared|doubled)\b",
    re.I,
)
_PRESENT = re.compile(
    r"\b(?:has|have|is|are|now|currently|remains?|so far|to date|at present|still)\b", re.I
)
_FORECAST = re.compile(
    r"\b(?:expected|expects|forecasts?|forecasted|projected|predicted|predicts?|anticipated|"
    r"estimated that|estimates? that|is likely to|are likely to|outlook|could|may|might)\b",
    re.I,
)
_WILL = re.compile(r"\b(?:will|would|shall)\b", re.I)
_ESTIMATE = re.compile(r"\b(?:about|around|approximately|roughly|preliminary|estimated)\b", re.I)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
_FROM_LEAD = re.compile(r"\bfrom\s+(?:about\s+|around\s+|roughly\s+)?$", re.I)
_TO_LEAD = re.compile(r"\b(?:to|into)\s+(?:about\s+|around\s+|over\s+|more than\s+)?$", re.I)
_RANGE_TEXT = re.compile(r"^(?:from|between)\b", re.I)
_BY_YEAR = re.compile(r"^\s*(?:by|until|till|before)\b", re.I)
_PLAN_TITLE = re.compile(
    r"\b(?:plan|notice|circular|guidelines?|opinions|measures|program(?:me)?)\b", re.I
)
_YEAR_EARLIER = re.compile(r"\b(?:a year (?:earlier|ago|before)|(?:the )?previous year)\b", re.I)
_EACH_YEAR = re.compile(r"\b(?:each|every|per) year\b|\bannually\b", re.I)
_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+end\s+of\s+)?$", re.I)
_DONE = re.compile(r"\b(?:has|have|had)\s+(?:already\s+)?\w+ed\b", re.I)


# cue words of the sentence up to the end of the figure's clause (`Context.cues`)
_CUES = {
    "target": TARGET_WORDS,
    "plan_action": PLAN_ACTION,
    "forecast": _FORECAST,
    "will": _WILL,
    "future": FUTURE_WORDS,
    "past": _PAST,
    "present": _PRESENT,
}


def _bucket(prefix: str, value: float, edges: tuple[float, ...]) -> str:
    for e in edges:
        if value <= e:
            return f"{prefix}<={e:g}"
    return f"{prefix}>{edges[-1]:g}"


def _rel(pub: int | None, end: int | None) -> str:
    if end is None:
        return "none"
    if pub is None:
        return "nopub"
    d = end - pub
    return "future" if d > 0 else "pub" if d == 0 else "pub-1" if d == -1 else "past"


class Context:
    """Per-text state for the features: the rules' resolver (its indexes, its filter of
    usable periods) and the features of each period expression, computed once."""

    def __init__(self, doc: Doc, resolver: PeriodResolver | None = None):
        self.doc = doc
        self.res = resolver or PeriodResolver(doc)
        self.usable = {(p.start, p.end) for p in self.res.periods}
        extra = [
            p
            for p in doc.periods
            if (p.start, p.end) not in self.usable
            and p.kind in ("year", "date", "relative", "present")
            and not (p.kind == "relative" and p.offset_start is None)
            and not (p.kind in ("year", "date") and p.year_start is None and p.part is None)
        ]
        self.periods = sorted(self.res.periods + extra, key=lambda p: (p.start, p.end))
        self._starts = [p.start for p in self.periods]
        self._static: dict[tuple[int, int], dict[str, float]] = {}
        self._cues: dict[tuple[int, int], dict[str, int | None]] = {}
        t0, t1 = doc.title
        self.plan_title = bool(_PLAN_TITLE.search(doc.text, t0, t1))

    def cues(self, sentence: tuple[int, int], end: int) -> dict[str, bool]:
        """Which cue words occur in the sentence before `end` (the end of the figure's clause):
        the matches of each cue are found once per sentence."""
        table = self._cues.get(sentence)
        if table is None:
            text = self.doc.text
            s0, s1 = sentence
            table = {
                name: min((m.end() for m in rx.finditer(text, s0, s1)), default=None)
                for name, rx in _CUES.items()
            }
            table["imperative"] = s0 if IMPERATIVE.match(text, s0) else None
            self._cues[sentence] = table
        return {name: e is not None and e <= end for name, e in table.items()}

    def periods_in(self, a: int, b: int) -> list[Period]:
        i = bisect.bisect_left(self._starts, a)
        j = bisect.bisect_left(self._starts, b)
        return [p for p in self.periods[i:j] if p.end <= b]

    def static(self, p: Period) -> dict[str, float]:
        """Features of a period expression that do not depend on the figure."""
        key = (p.start, p.end)
        f = self._static.get(key)
        if f is not None:
            return f
        text = self.doc.text
        f = {"bias_mention": 1.0, "kind_" + p.kind: 1.0}
        if p.part:
            f["has_part"] = 1.0
        if key in self.usable:
            f["usable"] = 1.0
        if base_period(self.doc, p):
            f["base_period"] = 1.0
        before = text[max(0, p.start - 24) : p.start]
        low = p.text.lower()
        for name, rx in _PREPS.items():
            if name == "poss":
                if rx.match(text, p.end):
                    f["prep_poss"] = 1.0
            elif rx.search(before) or (name != "than" and low.startswith(name.replace("_", " "))):
                f["prep_" + name] = 1.0
        if before.rstrip().endswith(("(", "\u201c", '"')):
            f["bracketed"] = 1.0
        self._static[key] = f
        return f


def _lead_cues(ctx: Context, c: QCtx) -> dict[str, bool]:
    doc = ctx.doc
    text = doc.text
    s0 = c.sentence[0]
    cue = ctx.cues(c.sentence, max(c.own[1], c.q.end))
    return {
        "lead_future": cue["future"],
        "lead_target": cue["target"] or cue["imperative"],
        "lead_plan_action": cue["plan_action"],
        "lead_forecast": cue["forecast"],
        "lead_will": cue["will"],
        "lead_past": cue["past"],
        "lead_present": cue["present"],
        "sent_respectively": bool(_RESPECTIVELY.search(text, s0, c.sentence[1])),
        "q_from_end": bool(_FROM_LEAD.search(text, max(s0, c.q.start - 20), c.q.start)),
        "q_to_end": bool(_TO_LEAD.search(text, max(s0, c.q.start - 20), c.q.start)),
        "q_year_earlier": bool(_YEAR_EARLIER.match(text, c.q.end + 1, c.q.end + 40)),
        "q_each_year": bool(_EACH_YEAR.search(text, c.q.end, min(c.sentence[1], c.q.end + 60))),
        "in_title": c.paragraph == doc.title,
    }


Value = tuple[int | None, int | None]
Candidate = tuple[Value, dict[str, float], Period | None, str]
_SRC_BASIS = {
    "own": "explicit_year",
    "sent_before": "explicit_year",
    "sent_after": "explicit_year",
    "pub": "publication_year",
    "article_year": "article_year",
    "none": "none",
}


def period_candidates(ctx: Context, c: QCtx, rule: Value, rule_basis: str) -> list[Candidate]:
    """(value, features, period expression, basis) of every period the figure could refer to
    (see the module docstring)."""
    doc, res = ctx.doc, ctx.res
    text, pub = doc.text, doc.pub_year
    seg = doc.seg
    s0, s1 = c.sentence
    p0, p1 = c.paragraph
    q = c.q
    cues = _lead_cues(ctx, c)
    k = seg.paragraph_index(p0)
    lo = seg.paragraphs[max(0, k - 3)][0]
    found = ctx.periods_in(lo, s1)
    t0, t1 = doc.title
    if lo > t0:
        found = ctx.periods_in(t0, t1) + found
    sp = res.section_period(q.start) if res._sections else None
    if sp is not None and all(p is not sp for p in found):
        found.insert(0, sp)
    q_sent_i = seg.sentence_index(s0)
    out: list[Candidate] = []

    def common(f: dict[str, float], value: Value) -> None:
        rel = _rel(pub, value[1])
        f["rel_" + rel] = 1.0
        for cue, on in cues.items():
            if on:
                f[cue] = 1.0
                if cue.startswith("lead_"):
                    f[f"{cue}*rel_{rel}"] = 1.0
        if value == rule:
            f["rule_pick"] = 1.0
            f["rule_pick*basis_" + rule_basis] = 1.0
        if value[0] is not None and value[0] != value[1]:
            f["span_years"] = 1.0

    for p in found:
        r = res._make(p, c=c)
        a, b = r.start, r.end
        if a is None:
            continue
        f = dict(ctx.static(p))
        if p is sp:
            src = "section"
        elif t0 <= p.start < t1 and not (t0 <= q.start < t1):
            src = "title"
        elif s0 <= p.start < s1:
            if c.own[0] <= p.start and p.end <= max(c.own[1], q.end + 1):
                src = "own"
            elif p.end <= q.start:
                src = "sent_before"
            else:
                src = "sent_after"
        elif p0 <= p.start < p1:
            back = q_sent_i - seg.sentence_index(p.start)
            src = "prev_sent" if back == 1 else "prev_sent2"
            if p.start - p0 <= 12:
                f["par_opening"] = 1.0
        else:
            src = "prev_par"
            pa = seg.paragraph_at(p.start)
            if p.start - pa[0] <= 12:
                f["par_opening"] = 1.0
            if pa[1] - pa[0] <= 90 and text[pa[1] - 1 : pa[1]] not in ".:;!?":
                f["heading"] = 1.0
        f["src_" + src] = 1.0
        dist = min(abs(p.start - q.end), abs(q.start - p.end))
        f["log_dist"] = math.log1p(dist) / 6.0
        if s0 <= p.start < s1:
            between = doc.quantities_in(min(p.end, q.end), max(p.start, q.start))
            n = sum(1 for x in between if x is not q)
            f[_bucket("q_between", n, (0, 1, 2))] = 1.0
            if attached_to_other(doc, p, c):
                f["attached_other"] = 1.0
            if src in ("sent_before", "own") and _RESPECTIVELY.search(text, p.end, s1):
                f["before_respectively"] = 1.0
        basis = r.basis if r.basis == "relative" else _SRC_BASIS.get(src, "paragraph_year")
        ranged = a != b and _RANGE_TEXT.match(p.text)
        variants = [((a, b), "whole")]
        if a != b:
            variants += [((a, a), "first"), ((b, b), "last")]
        for value, part in variants:
            g = dict(f)
            if a != b:
                g["range_" + part] = 1.0
                if ranged and cues["q_from_end"]:
                    g[f"range_{part}*q_from"] = 1.0
                if ranged and cues["q_to_end"]:
                    g[f"range_{part}*q_to"] = 1.0
            g[f"src_{src}*rel_{_rel(pub, value[1])}"] = 1.0
            common(g, value)
            out.append((value, g, r.period, basis))
    extra: list[tuple[Value, str]] = [((None, None), "none")]
    if pub is not None:
        extra.append(((pub, pub), "pub"))
    ay = res.article_year()
    if ay is not None:
        extra.append(((ay, ay), "article_year"))
    seen = {v for v, _, _, _ in out} | {v for v, _ in extra}
    if rule not in seen:
        extra.append((rule, "rule_only"))
    for value, src in extra:
        f = {"src_" + src: 1.0}
        common(f, value)
        out.append((value, f, None, rule_basis if src == "rule_only" else _SRC_BASIS[src]))
    return out


def status_features(ctx: Context, c: QCtx, period: Value, rule_status: str) -> dict[str, float]:
    """Features of the status decision for a figure whose period is `period`."""
    doc = ctx.doc
    text, pub = doc.text, doc.pub_year
    s0 = c.sentence[0]
    own = text[c.own[0] : max(c.own[1], c.q.end)]
    rel = _rel(pub, period[1])
    f = {"bias": 1.0, "rule_" + rule_status: 1.0, "rel_" + rel: 1.0}
    by_year = any(
        _BY_YEAR.match(p.text) or _BY_BEFORE.search(text, max(0, p.start - 20), p.start)
        for p in ctx.periods_in(s0, c.sentence[1])
    )
    cues = {
        **ctx.cues(c.sentence, max(c.own[1], c.q.end)),
        "estimate_own": bool(_ESTIMATE.search(own)),
        "done": bool(_DONE.search(own)),
        "plan_title": ctx.plan_title,
        "in_title": c.paragraph == doc.title,
        "each_year": bool(_EACH_YEAR.search(text, c.q.end, min(c.sentence[1], c.q.end + 60))),
        "by_year": by_year,
    }
    for name, on in cues.items():
        if on:
            f[name] = 1.0
            f[f"{name}*rel_{rel}"] = 1.0
            f[f"{name}*rule_{rule_status}"] = 1.0
    return f


# ---- the model --------------------------------------------------------------------------------
MODEL_PATH = Path(__file__).resolve().parent / "out" / "attribution_model.json"
CLASSES = ("actual", "forecast", "target")


@dataclass(frozen=True, slots=True)
class Model:
    period: dict[str, float]  # feature -> weight of the candidate ranker
    status: dict[str, tuple[float, ...]]  # feature -> weight per class of CLASSES
    margin: float  # log-odds by which the model must beat the rules' choice to replace it

    @classmethod
    def from_dict(cls, data: dict) -> Model:
        return cls(
            dict(data["period"]),
            {k: tuple(v) for k, v in data["status"].items()},
            float(data["margin"]),
        )

    def rank(self, feats: dict[str, float]) -> float:
        w = self.period
        return sum(w.get(k, 0.0) * v for k, v in feats.items())

    def classes(self, feats: dict[str, float]) -> list[float]:
        out = [0.0] * len(CLASSES)
        for k, v in feats.items():
            ws = self.status.get(k)
            if ws is not None:
                for i, x in enumerate(ws):
                    out[i] += x * v
        return out


@functools.cache
def load_model(path: str | None = None) -> Model | None:
    """The shipped model (None when the weights file is missing: the rules alone)."""
    file = Path(path) if path else MODEL_PATH
    if not file.exists():
        return None
    return Model.from_dict(json.loads(file.read_text(encoding="utf-8")))


def choose_period(model: Model, cands: list[Candidate], rule: Value) -> Candidate | None:
    """The candidate the model prefers, when it beats the rules' pick by the margin."""
    if not cands:
        return None
    scores = [model.rank(f) for _, f, _, _ in cands]
    best = max(range(len(cands)), key=scores.__getitem__)
    rule_score = max(
        (s for s, cd in zip(scores, cands, strict=True) if cd[0] == rule), default=None
    )
    if cands[best][0] == rule:
        return None
    if rule_score is not None and scores[best] - rule_score <= model.margin:
        return None
    return cands[best]


def choose_status(model: Model, feats: dict[str, float], rule_status: str) -> str:
    """The model's status class when it beats the rules' by the margin (estimate is the rules'
    refinement of actual and stays when the model says actual)."""
    rule_k = "actual" if rule_status == "estimate" else rule_status
    if rule_k not in CLASSES:
        return rule_status
    sc = model.classes(feats)
    best = max(range(len(CLASSES)), key=sc.__getitem__)
    if CLASSES[best] != rule_k and sc[best] - sc[CLASSES.index(rule_k)] > model.margin:
        return CLASSES[best]
    return rule_status


def revise(model: Model, ctx: Context, c: QCtx, claim) -> None:
    """Re-decide the period, then the status, of a claim (a `Claim`, changed in place)."""
    rule = (claim.period_start, claim.period_end)
    cands = period_candidates(ctx, c, rule, claim.period_basis or "none")
    pick = choose_period(model, cands, rule)
    if pick is not None:
        (a, b), _, p, basis = pick
        claim.period_start, claim.period_end, claim.period_basis = a, b, basis
        claim.period_part = p.part if p is not None and a is not None else None
    feats = status_features(ctx, c, (claim.period_start, claim.period_end), claim.status)
    claim.status = choose_status(model, feats, claim.status)
