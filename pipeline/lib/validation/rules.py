"""Layer 5, validated: rules over claims, as data; failing claims go to quarantine with the reason.

Each `Rule` has an id, a description and a vectorised function over the claims frame (enriched
with the publication year/month of the article and the catalog attributes of the indicator) that
returns which rows it checked, which rows fail and a reason per failing row. `RULES` is the list
the pipeline runs; `validate()` runs them all and returns the valid claims, the quarantine and a
per-rule summary; `split_valid()` returns just (valid, quarantine).

A claim that breaks any rule does not flow on: it is in the quarantine once per rule it breaks,
and nothing is dropped silently (every input row is in `valid` or in `quarantine`).

Rules (ids are stable; docs/curation.md explains each):
    value_finite                 value is a finite number
    unit_vocabulary              unit is in the controlled unit vocabulary
    bound_vocabulary             bound in exact|approx|lower|upper
    status_vocabulary            status in actual|estimate|forecast|target
    indicator_known              indicator is 'unclassified' or an id of the catalog
    indicator_unit               the claim's unit equals its indicator's unit (unclassified exempt)
    period_plausible             years within 1949..2100, both or neither given, start <= end
    period_after_publication     actual/estimate figures not for a period after the publication year
    forecast_for_past_period     a forecast for a period that ended before the publication year
    share_in_range               kind share: 0 <= value <= 100
    growth_rate_in_range         kind growth_rate: -100 <= value <= 1000; kind change: -100..100
    level_positive               kinds level, flow, count, and unit count: value > 0

Output frames:
    valid       the input claims columns, unchanged, rows that break no rule (input order)
    quarantine  the input claims columns + rule (string) + reason (string); one row per claim per
                broken rule, ordered by rule order then input order
    summary     rule (string), description (string), n_checked (int64), n_failed (int64),
                examples (string: up to 3 "claim_id: reason" joined by " | ")
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
import pandas as pd

from pipeline.metadata import indicators as _indicators

UNCLASSIFIED = "unclassified"
BOUNDS = ("exact", "approx", "lower", "upper")
STATUSES = ("actual", "estimate", "forecast", "target")
REPORTED_STATUSES = ("actual", "estimate")
YEAR_MIN, YEAR_MAX = 1949, 2100
SHARE_RANGE = (0.0, 100.0)
GROWTH_RANGE = (-100.0, 1000.0)
CHANGE_RANGE = (-100.0, 100.0)  # percentage-point changes of a share
POSITIVE_KINDS = ("level", "flow", "count")
# A forecast published in January..March may be for the year just ended: its statistics are not
# out yet ("it is estimated that 2021 reached ..." in a February 2022 white paper).
FORECAST_GRACE_MONTHS = 3

QUARANTINE_EXTRA_COLUMNS: dict[str, str] = {"rule": "string", "reason": "string"}
SUMMARY_COLUMNS: dict[str, str] = {
    "rule": "string",
    "description": "string",
    "n_checked": "int64",
    "n_failed": "int64",
    "examples": "string",
}

# Used only when neither valid_units is given nor pipeline.metadata.units can be read.
FALLBACK_UNITS: frozenset[str] = frozenset(
    {
        "CNY", "USD", "EUR", "JPY", "GBP", "HKD", "KRW", "TWD", "RUB", "INR", "CHF", "AUD", "CAD",
        "SGD",
        "percent", "percentage_point", "count", "permille",
        "t", "kt", "Mt", "kg", "g",
        "Wh", "kWh", "MWh", "GWh", "TWh", "W", "kW", "MW", "GW", "TW",
        "m", "km", "m2", "km2", "ha", "mu", "m3", "L",
        "B", "KB", "MB", "GB", "TB", "PB", "EB", "ZB", "bit/s", "kbit/s", "Mbit/s", "Gbit/s",
        "Tbit/s", "Hz", "MHz", "GHz", "flops", "PFLOPS", "EFLOPS",
    }
)  # fmt: skip


def default_units() -> set[str] | None:
    """The unit vocabulary of `pipeline.metadata.units`, read lazily; None if not available.

    The vocabulary is the set of codes a claim may be *stored* in (`STORED_CODES`: base units
    after normalisation, e.g. `kW`, not `GW`). Also accepts a callable (`valid_units()`,
    `unit_codes()`, `codes()`) or another constant (`VALID_UNITS`, `UNIT_CODES`, `BY_CODE`,
    `UNITS` ...): a set/list of codes, a dict keyed by code, or objects with a `code` attribute.
    """
    try:
        from pipeline.metadata import units as mod  # optional, written elsewhere
    except ImportError:
        return None
    for name in ("valid_units", "unit_codes", "codes"):
        fn = getattr(mod, name, None)
        if callable(fn):
            return _codes(fn())
    names = ("STORED_CODES", "VALID_UNITS", "UNIT_CODES", "BY_CODE", "UNITS", "VOCABULARY", "CODES")
    for name in names:
        obj = getattr(mod, name, None)
        if obj is not None:
            return _codes(obj)
    return None


def _codes(obj) -> set[str]:
    if isinstance(obj, pd.DataFrame):
        col = next((c for c in ("code", "unit", "id") if c in obj.columns), obj.columns[0])
        return {str(x) for x in obj[col]}
    if isinstance(obj, dict):
        return {str(k) for k in obj}
    out = set()
    for item in obj:
        out.add(str(getattr(item, "code", None) or getattr(item, "id", None) or item))
    return out


class RuleResult(NamedTuple):
    checked: pd.Series  # bool: the rule applies to the row
    failed: pd.Series  # bool: the row breaks the rule
    # string: why (meaningful where failed); or a function giving it for some rows of the frame
    # (the reasons are built for the failed rows only: formatting every row cost more than the
    # rules themselves)
    reason: pd.Series | Callable[[pd.DataFrame], pd.Series]


@dataclass(frozen=True)
class Context:
    valid_units: frozenset[str]
    units_source: str = "argument"


@dataclass(frozen=True)
class Rule:
    id: str
    description: str
    fn: Callable[[pd.DataFrame, Context], RuleResult] = field(repr=False)

    def __call__(self, frame: pd.DataFrame, ctx: Context) -> RuleResult:
        return self.fn(frame, ctx)


# --------------------------------------------------------------------------------------------
# preparation


def _bool(s: pd.Series) -> pd.Series:
    return s.fillna(False).astype(bool)


def _num(s: pd.Series) -> pd.Series:
    return pd.to_numeric(s, errors="coerce").astype("float64")


def _fmt(x) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)) or x is pd.NA:
        return "NULL"
    if isinstance(x, float | np.floating):
        return f"{float(x):.10g}"
    return str(x)


def _strs(s: pd.Series) -> pd.Series:
    """`_fmt` of every value, formatted once per distinct value (a rule's reason is built for
    every row: few distinct units and indicators, many repeated values)."""
    if len(s) == 0:
        return s.map(_fmt).astype("string")
    if s.dtype == "float64":  # by bit pattern: -0.0 and 0.0 print differently
        keys = s.to_numpy().view("int64")
    else:
        keys = s.to_numpy(dtype=object)
        if any(isinstance(v, bool | np.bool_) for v in pd.unique(keys)):
            return s.map(_fmt).astype("string")  # True == 1 would share a key
    codes, uniques = pd.factorize(keys, use_na_sentinel=False)
    values = s.to_numpy(dtype=object)
    first = np.zeros(len(uniques), dtype=np.int64)
    first[codes[::-1]] = np.arange(len(codes))[::-1]  # a row of each distinct value
    text = np.array([_fmt(values[i]) for i in first], dtype=object)
    return pd.Series(text[codes], index=s.index, dtype="string")


def prepare(claims: pd.DataFrame, articles: pd.DataFrame | None) -> pd.DataFrame:
    """The claims with helper columns: _pub_year, _pub_month, _ind_known, _ind_unit, _ind_kind,
    _ind_cumulative, _ps, _pe (periods as float). Index is kept."""
    df = claims.copy()
    if articles is not None and len(articles) and "article_file" in articles.columns:
        pub = pd.to_datetime(
            articles.drop_duplicates("article_file").set_index("article_file")["published_date"],
            errors="coerce",
        )
        dates = df["article_file"].map(pub)
        dates = pd.to_datetime(dates, errors="coerce")
        df["_pub_year"] = dates.dt.year.astype("float64")
        df["_pub_month"] = dates.dt.month.astype("float64")
    else:
        df["_pub_year"] = np.nan
        df["_pub_month"] = np.nan
    ind = df["indicator"].astype("object")
    # the catalog attributes once per distinct indicator, spread to the rows by their code
    codes, uniques = pd.factorize(ind.to_numpy(), use_na_sentinel=True)
    entries = [None if i == UNCLASSIFIED else _indicators.get(i) for i in uniques] + [None]
    codes = np.where(codes < 0, len(uniques), codes)  # NULL indicator: the last (None) entry

    def spread(values: list, dtype=object) -> pd.Series:
        return pd.Series(np.array(values, dtype=dtype)[codes], index=df.index, dtype=dtype)

    df["_ind_known"] = spread([e is not None for e in entries], bool)
    df["_ind_unit"] = spread([e.unit if e else None for e in entries])
    df["_ind_kind"] = spread([e.kind if e else None for e in entries])
    df["_ind_cumulative"] = spread([bool(e.cumulative) if e else False for e in entries], bool)
    df["_ps"] = _num(df["period_start"])
    df["_pe"] = _num(df["period_end"])
    df["_value"] = _num(df["value"])
    return df


# --------------------------------------------------------------------------------------------
# rules


def _all(df: pd.DataFrame) -> pd.Series:
    return pd.Series(True, index=df.index)


def _empty_reason(df: pd.DataFrame) -> pd.Series:
    return pd.Series("", index=df.index, dtype="string")


def _value_finite(df: pd.DataFrame, ctx: Context) -> RuleResult:
    failed = ~np.isfinite(df["_value"].to_numpy(dtype="float64"))
    failed = pd.Series(failed, index=df.index)
    return RuleResult(
        _all(df), failed, lambda d: "value " + _strs(d["value"]) + " is not a finite number"
    )


def _unit_vocabulary(df: pd.DataFrame, ctx: Context) -> RuleResult:
    unit = df["unit"].astype("object")
    failed = ~unit.isin(ctx.valid_units)

    def reason(d: pd.DataFrame) -> pd.Series:
        unit = d["unit"].astype("object")
        return (
            "unit " + _strs(unit) + " is not in the unit vocabulary (" + ctx.units_source + ")"
        ).where(unit.notna(), f"unit is missing (vocabulary: {ctx.units_source})")

    return RuleResult(_all(df), failed, reason)


def _vocab_rule(column: str, allowed: tuple[str, ...]):
    def fn(df: pd.DataFrame, ctx: Context) -> RuleResult:
        col = df[column].astype("object")
        failed = ~col.isin(allowed)

        def reason(d: pd.DataFrame) -> pd.Series:
            col = d[column].astype("object")
            return f"{column} " + _strs(col) + f" is not one of {'|'.join(allowed)}"

        return RuleResult(_all(df), failed, reason)

    return fn


def _indicator_known(df: pd.DataFrame, ctx: Context) -> RuleResult:
    ind = df["indicator"].astype("object")
    failed = ~(df["_ind_known"] | (ind == UNCLASSIFIED))

    def reason(d: pd.DataFrame) -> pd.Series:
        ind = d["indicator"].astype("object")
        return "indicator " + _strs(ind) + " is not in the indicator catalog"

    return RuleResult(_all(df), failed, reason)


def _indicator_unit(df: pd.DataFrame, ctx: Context) -> RuleResult:
    checked = df["_ind_known"]
    failed = checked & (df["unit"].astype("object") != df["_ind_unit"])

    def reason(d: pd.DataFrame) -> pd.Series:
        return (
            "unit "
            + _strs(d["unit"])
            + " differs from the unit "
            + _strs(d["_ind_unit"])
            + " of indicator "
            + _strs(d["indicator"])
        )

    return RuleResult(checked, failed, reason)


def _period_flaws(df: pd.DataFrame) -> tuple[pd.Series, pd.Series, pd.Series, pd.Series]:
    """(only one year given, start out of range, end out of range, start after end)."""
    ps, pe = df["_ps"], df["_pe"]
    half = ps.isna() != pe.isna()
    out_start = _bool((ps < YEAR_MIN) | (ps > YEAR_MAX))
    out_end = _bool((pe < YEAR_MIN) | (pe > YEAR_MAX))
    reversed_ = _bool(ps > pe)
    return half, out_start, out_end, reversed_


def _period_plausible(df: pd.DataFrame, ctx: Context) -> RuleResult:
    checked = df["_ps"].notna() | df["_pe"].notna()
    half, out_start, out_end, reversed_ = _period_flaws(df)
    failed = checked & (half | out_start | out_end | reversed_)

    def reason(d: pd.DataFrame) -> pd.Series:
        half, out_start, out_end, reversed_ = _period_flaws(d)
        period = _strs(d["period_start"]) + ".." + _strs(d["period_end"])
        out = pd.Series("", index=d.index, dtype="string")
        out = out.mask(reversed_, "period " + period + ": period_start is after period_end")
        out = out.mask(
            out_start | out_end, "period " + period + f" is outside {YEAR_MIN}..{YEAR_MAX}"
        )
        return out.mask(half, "period " + period + ": only one of period_start/period_end given")

    return RuleResult(checked, failed, reason)


def _period_after_publication(df: pd.DataFrame, ctx: Context) -> RuleResult:
    status = df["status"].astype("object")
    checked = status.isin(REPORTED_STATUSES) & df["_pe"].notna() & df["_pub_year"].notna()
    failed = checked & _bool(df["_pe"] > df["_pub_year"])

    def reason(d: pd.DataFrame) -> pd.Series:
        return (
            "status "
            + _strs(d["status"].astype("object"))
            + " for period ending "
            + _strs(d["_pe"])
            + ", after the publication year "
            + _strs(d["_pub_year"])
            + " (only a forecast or target can be about the future)"
        )

    return RuleResult(checked, failed, reason)


def _forecast_for_past_period(df: pd.DataFrame, ctx: Context) -> RuleResult:
    status = df["status"].astype("object")
    checked = (status == "forecast") & df["_pe"].notna() & df["_pub_year"].notna()
    before = _bool(df["_pe"] < df["_pub_year"])
    grace = _bool((df["_pe"] == df["_pub_year"] - 1) & (df["_pub_month"] <= FORECAST_GRACE_MONTHS))
    failed = checked & before & ~grace

    def reason(d: pd.DataFrame) -> pd.Series:
        return (
            "forecast for a period ending "
            + _strs(d["_pe"])
            + ", before the publication year "
            + _strs(d["_pub_year"])
            + ": status or period is probably misread (e.g. a past fact told in the future tense)"
        )

    return RuleResult(checked, failed, reason)


def _range_reason(df: pd.DataFrame, what: str, lo: float, hi: float) -> pd.Series:
    return (
        what
        + " "
        + _strs(df["indicator"])
        + " has value "
        + _strs(df["_value"])
        + f", outside {lo:g}..{hi:g}"
    )


def _share_in_range(df: pd.DataFrame, ctx: Context) -> RuleResult:
    lo, hi = SHARE_RANGE
    checked = (df["_ind_kind"] == "share") & df["_value"].notna()
    failed = checked & _bool((df["_value"] < lo) | (df["_value"] > hi))
    return RuleResult(checked, failed, lambda d: _range_reason(d, "share", lo, hi))


def _growth_rate_in_range(df: pd.DataFrame, ctx: Context) -> RuleResult:
    kind = df["_ind_kind"]
    growth = kind == "growth_rate"
    change = kind == "change"
    checked = (growth | change) & df["_value"].notna()
    v = df["_value"]
    bad_growth = growth & _bool((v < GROWTH_RANGE[0]) | (v > GROWTH_RANGE[1]))
    bad_change = change & _bool((v < CHANGE_RANGE[0]) | (v > CHANGE_RANGE[1]))

    def reason(d: pd.DataFrame) -> pd.Series:
        return _range_reason(d, "growth rate", *GROWTH_RANGE).where(
            d["_ind_kind"] == "growth_rate", _range_reason(d, "change", *CHANGE_RANGE)
        )

    return RuleResult(checked, checked & (bad_growth | bad_change), reason)


def _level_positive(df: pd.DataFrame, ctx: Context) -> RuleResult:
    checked = (df["_ind_kind"].isin(POSITIVE_KINDS) | (df["unit"].astype("object") == "count")) & (
        df["_value"].notna()
    )
    failed = checked & _bool(df["_value"] <= 0)

    def reason(d: pd.DataFrame) -> pd.Series:
        out = "level or count " + _strs(d["indicator"]) + " has value " + _strs(d["_value"])
        return out + " (must be > 0)"

    return RuleResult(checked, failed, reason)


RULES: list[Rule] = [
    Rule("value_finite", "The value is a finite number.", _value_finite),
    Rule(
        "unit_vocabulary",
        "The unit is a code of the controlled unit vocabulary (pipeline.metadata.units).",
        _unit_vocabulary,
    ),
    Rule(
        "bound_vocabulary",
        "bound is one of exact, approx, lower, upper.",
        _vocab_rule("bound", BOUNDS),
    ),
    Rule(
        "status_vocabulary",
        "status is one of actual, estimate, forecast, target.",
        _vocab_rule("status", STATUSES),
    ),
    Rule(
        "indicator_known",
        "The indicator is 'unclassified' or an id of the indicator catalog.",
        _indicator_known,
    ),
    Rule(
        "indicator_unit",
        "The claim's unit equals the unit of its indicator (unclassified claims are exempt).",
        _indicator_unit,
    ),
    Rule(
        "period_plausible",
        f"Reference years are within {YEAR_MIN}..{YEAR_MAX}, both or neither given, and "
        "period_start <= period_end.",
        _period_plausible,
    ),
    Rule(
        "period_after_publication",
        "An actual or estimate is not for a period ending after the publication year (only a "
        "forecast or target can be); not checked when the publication date is unknown.",
        _period_after_publication,
    ),
    Rule(
        "forecast_for_past_period",
        "A forecast is not for a period that ended before the publication year (grace: the year "
        f"just ended, in an article published in months 1..{FORECAST_GRACE_MONTHS}); targets of "
        "past periods are allowed (articles recall a plan's goals).",
        _forecast_for_past_period,
    ),
    Rule(
        "share_in_range",
        "Shares (indicator kind share, including percent of GDP) are within 0..100.",
        _share_in_range,
    ),
    Rule(
        "growth_rate_in_range",
        "Growth rates (kind growth_rate) are within -100..1000 percent; percentage-point changes "
        "(kind change) within -100..100.",
        _growth_rate_in_range,
    ),
    Rule(
        "level_positive",
        "Levels, flows and counts (kinds level, flow, count, and any claim in unit count) are > 0.",
        _level_positive,
    ),
]


# --------------------------------------------------------------------------------------------
# running the rules


@dataclass
class ValidationResult:
    valid: pd.DataFrame
    quarantine: pd.DataFrame
    summary: pd.DataFrame
    # per article and rule: article_file, rule, n_checked, n_failed (with per_article=True)
    counts: pd.DataFrame | None = None


def _context(valid_units: Iterable[str] | None) -> Context:
    if valid_units is not None:
        return Context(frozenset(valid_units), "argument")
    units = default_units()
    if units:
        return Context(frozenset(units), "pipeline.metadata.units")
    return Context(FALLBACK_UNITS, "built-in fallback list")


def validate(
    claims: pd.DataFrame,
    articles: pd.DataFrame | None = None,
    valid_units: Iterable[str] | None = None,
    rules: list[Rule] | None = None,
    n_examples: int = 3,
    per_article: bool = False,
) -> ValidationResult:
    """Run every rule; see the module docstring for the three output frames. With
    per_article=True the result also counts checked and failed claims per article and rule
    (what an incremental run sums into the summary)."""
    rules = RULES if rules is None else rules
    ctx = _context(valid_units)
    original_index = claims.index
    base = claims.reset_index(drop=True)
    df = prepare(base, articles)
    any_failed = pd.Series(False, index=df.index)
    if per_article:  # the articles in sort order, and each row's position among them
        article_codes, articles_sorted = pd.factorize(
            base["article_file"].astype(object).to_numpy(), sort=True
        )
    parts: list[pd.DataFrame] = []
    summary_rows = []
    count_parts: list[pd.DataFrame] = []
    for rule in rules:
        res = rule(df, ctx)
        checked = _bool(res.checked.reindex(df.index))
        failed = _bool(res.failed.reindex(df.index)) & checked
        any_failed |= failed
        if per_article:
            count_parts.append(
                _article_counts(article_codes, articles_sorted, rule.id, checked, failed)
            )
        if callable(res.reason):  # built for the failed rows only
            rows = df.loc[failed]
            reason = (res.reason(rows) if len(rows) else pd.Series(index=rows.index)).astype(
                "string"
            )
        else:
            reason = res.reason.reindex(df.index).astype("string")[failed]
        if failed.any():
            q = base.loc[failed].copy()
            q["rule"] = rule.id
            q["reason"] = reason.fillna("").to_numpy()
            parts.append(q)
        ids = base["claim_id"].astype(str) if "claim_id" in base.columns else base.index.astype(str)
        ex = (ids[failed] + ": " + reason.fillna("")).head(n_examples)
        summary_rows.append(
            {
                "rule": rule.id,
                "description": rule.description,
                "n_checked": int(checked.sum()),
                "n_failed": int(failed.sum()),
                "examples": " | ".join(ex.tolist()),
            }
        )
    valid = claims.loc[original_index[~any_failed.to_numpy()]].copy()
    if parts:
        quarantine = pd.concat(parts, ignore_index=True)
    else:
        quarantine = base.iloc[0:0].copy()
        quarantine["rule"] = pd.Series(dtype="string")
        quarantine["reason"] = pd.Series(dtype="string")
    quarantine = quarantine.astype(QUARANTINE_EXTRA_COLUMNS)
    summary = pd.DataFrame(summary_rows, columns=list(SUMMARY_COLUMNS)).astype(SUMMARY_COLUMNS)
    counts = None
    if per_article:
        counts = (
            pd.concat(count_parts, ignore_index=True)
            if count_parts and len(base)
            else pd.DataFrame(columns=["article_file", "rule", "n_checked", "n_failed"])
        )
    return ValidationResult(valid, quarantine, summary, counts)


def _article_counts(
    codes: np.ndarray, articles: np.ndarray, rule: str, checked: pd.Series, failed: pd.Series
) -> pd.DataFrame:
    """Claims checked and failed per article (articles in sort order, as a group-by gives
    them; rows without an article are not counted)."""
    known = codes >= 0
    n = len(articles)
    return pd.DataFrame(
        {
            "article_file": pd.Series(articles, dtype=object),
            "rule": rule,
            "n_checked": np.bincount(
                codes[known], weights=checked.to_numpy()[known], minlength=n
            ).astype("int64"),
            "n_failed": np.bincount(
                codes[known], weights=failed.to_numpy()[known], minlength=n
            ).astype("int64"),
        }
    )


def split_valid(
    claims: pd.DataFrame,
    articles: pd.DataFrame | None = None,
    valid_units: Iterable[str] | None = None,
    rules: list[Rule] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(valid claims, quarantine): see the module docstring."""
    res = validate(claims, articles, valid_units=valid_units, rules=rules)
    return res.valid, res.quarantine


def rule_summary(
    claims: pd.DataFrame,
    articles: pd.DataFrame | None = None,
    valid_units: Iterable[str] | None = None,
    rules: list[Rule] | None = None,
) -> pd.DataFrame:
    """Per-rule summary for the UI: rule, description, n_checked, n_failed, examples."""
    return validate(claims, articles, valid_units=valid_units, rules=rules).summary


def rules_table(rules: list[Rule] | None = None) -> pd.DataFrame:
    """The rule list as a frame (rule, description), e.g. for a catalog table or the docs."""
    rules = RULES if rules is None else rules
    return pd.DataFrame(
        {"rule": [r.id for r in rules], "description": [r.description for r in rules]}
    ).astype("string")
