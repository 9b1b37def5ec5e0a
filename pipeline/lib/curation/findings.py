"""Layer 6, curated: consistency findings between observations (plain pandas, no Dagster).

`build_findings(observations, gdp_reference=None) -> findings`, one row per finding:

FINDING_COLUMNS
    finding_id string ("fnd_" + hash of check and observation ids: stable); check_name string
    (gdp_share | growth_vs_levels | cumulative_decline | forecast_vs_actual); severity string
    (info | warning); indicator string; related_indicator string (NULL if none);
    period_start Int64; period_end Int64; message string (readable, with the numbers);
    deviation float64 (relative deviation of the figures compared, signed, see each check);
    figures string (each figure with its observation id, "; "); observation_ids string;
    claim_ids string; sources string.

Checks (tolerances are relative and come on top of the rounding intervals of
`pipeline.lib.curation`: a figure stated as 2.9 stands for [2.85, 2.95]):
- gdp_share: a stated share of GDP (indicator `<level>_gdp_share`, or GDP_SHARE_PAIRS) against
  the level it is a share of divided by NBS nominal GDP of the year (both vintages, initial and
  final, as an interval). Warning when the implied-share interval and the stated-share interval
  are further apart than GDP_SHARE_TOLERANCE (1%) of the stated share; info for forecast/target.
- growth_vs_levels: a growth rate of year y (indicator `<level>_nominal_growth` / `<level>_growth`,
  or GROWTH_PAIRS) with the level of year y implies the level of y-1 = level / (1 + g/100);
  warning when a reported level of y-1 is further from it than GROWTH_TOLERANCE (2%).
- cumulative_decline: an indicator with cumulative=True whose reported value falls: a later period
  (or, for the same period, a later publication) whose interval lies wholly below an earlier one.
- forecast_vs_actual: a forecast against the actual of the same indicator and period reported
  later (or with unknown dates): info, with the forecast error (forecast / actual - 1).
Only reported figures (actual/estimate) are used as levels and actuals.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from pipeline.lib.curation.observations import (
    LIST_SEP,
    UNCLASSIFIED,
    empty_frame,
    fmt_amount,
    fmt_date,
    fmt_figure,
    fmt_interval,
    fmt_period,
    interval_gap,
    is_missing,
    obs_interval,
    rank_observations,
    short_hash,
)
from pipeline.lib.reference.gdp import gdp_range, load_gdp_reference
from pipeline.metadata import indicators as _indicators

FINDING_COLUMNS: dict[str, str] = {
    "finding_id": "string",
    "check_name": "string",
    "severity": "string",
    "indicator": "string",
    "related_indicator": "string",
    "period_start": "Int64",
    "period_end": "Int64",
    "message": "string",
    "deviation": "float64",
    "figures": "string",
    "observation_ids": "string",
    "claim_ids": "string",
    "sources": "string",
}

GDP_SHARE_TOLERANCE = 0.01
GROWTH_TOLERANCE = 0.02
GDP_SHARE_SUFFIX = "_gdp_share"
GROWTH_SUFFIXES = ("_nominal_growth", "_growth")
# Explicit pairs where the naming convention does not apply: share/growth id -> level id.
GDP_SHARE_PAIRS: dict[str, str] = {}
GROWTH_PAIRS: dict[str, str] = {}


def gdp_share_level(indicator_id: str) -> str | None:
    """The level indicator a GDP-share indicator is a share of (mapping, then the suffix)."""
    level = GDP_SHARE_PAIRS.get(indicator_id)
    if level is None and indicator_id.endswith(GDP_SHARE_SUFFIX):
        level = indicator_id[: -len(GDP_SHARE_SUFFIX)]
    share = _indicators.get(indicator_id)
    if level is None or (share is not None and share.kind != "share"):
        return None
    return level if _indicators.get(level) is not None else None


def growth_level(indicator_id: str) -> str | None:
    """The level indicator a growth-rate indicator is the growth of (mapping, then the suffix)."""
    level = GROWTH_PAIRS.get(indicator_id)
    if level is None:
        for suffix in GROWTH_SUFFIXES:
            if indicator_id.endswith(suffix):
                level = indicator_id[: -len(suffix)]
                break
    growth = _indicators.get(indicator_id)
    if level is None or (growth is not None and growth.kind != "growth_rate"):
        return None
    return level if _indicators.get(level) is not None else None


# --------------------------------------------------------------------------------------------
# helpers


def _describe(r) -> str:
    return f"{_fig(r)} ({r['status']}) [{r['observation_id']}]"


def _finding(check, severity, indicator, related, ps, pe, message, deviation, rows) -> dict:
    oids = [r["observation_id"] for r in rows]
    return {
        "finding_id": short_hash("fnd_", check, *sorted(oids)),
        "check_name": check,
        "severity": severity,
        "indicator": indicator,
        "related_indicator": related,
        "period_start": ps,
        "period_end": pe,
        "message": message,
        "deviation": deviation,
        "figures": LIST_SEP.join(
            f"{r['indicator']} {fmt_period(r['period_start'], r['period_end'])}: {_describe(r)}"
            for r in rows
        ),
        "observation_ids": LIST_SEP.join(oids),
        "claim_ids": LIST_SEP.join(
            str(r["claim_ids"]) for r in rows if not is_missing(r["claim_ids"])
        ),
        "sources": LIST_SEP.join(
            dict.fromkeys(str(r["sources"]) for r in rows if not is_missing(r["sources"]))
        ),
    }


def _fig(r) -> str:
    return fmt_figure(r["value"], r["bound"], r["unit"], r["counted"])


def _src(r) -> str:
    return r["sources"] if not is_missing(r["sources"]) else "no source recorded"


def _single_year(obs: pd.DataFrame) -> pd.DataFrame:
    """Observations of one whole year (a part of a year, H1 or Q1-Q3, is not comparable)."""
    whole = obs["period_part"].isna() if "period_part" in obs else True
    return obs[
        whole
        & obs["period_start"].notna()
        & obs["period_end"].notna()
        & (obs["period_start"] == obs["period_end"])
    ]


def _articles(r) -> set[str]:
    return set() if is_missing(r["article_files"]) else set(str(r["article_files"]).split(LIST_SEP))


def _pick_partner(candidates: pd.DataFrame, anchor) -> pd.Series | None:
    """The candidate reported in the same article as `anchor` if any, else the best ranked."""
    if candidates.empty:
        return None
    ranked = rank_observations(candidates)
    arts = _articles(anchor)
    for _, r in ranked.iterrows():
        if arts & _articles(r):
            return r
    return ranked.iloc[0]


def _scale(iv: tuple[float, float], k_lo: float, k_hi: float) -> tuple[float, float]:
    """iv times a positive factor known to lie in [k_lo, k_hi]."""
    lo = iv[0] * (k_lo if iv[0] >= 0 else k_hi) if math.isfinite(iv[0]) else iv[0]
    hi = iv[1] * (k_hi if iv[1] >= 0 else k_lo) if math.isfinite(iv[1]) else iv[1]
    return lo, hi


# --------------------------------------------------------------------------------------------
# checks


def check_gdp_share(obs: pd.DataFrame, gdp_reference: pd.DataFrame) -> list[dict]:
    out = []
    single = _single_year(obs)
    for share_id in sorted(single["indicator"].dropna().unique()):
        level_id = gdp_share_level(share_id)
        if level_id is None:
            continue
        shares = single[(single["indicator"] == share_id) & (single["unit"] == "percent")]
        levels = single[(single["indicator"] == level_id) & (single["unit"] == "CNY")]
        for _, s in shares.iterrows():
            year = int(s["period_end"])
            g = gdp_range(gdp_reference, year)
            if g is None:
                continue
            cands = levels[
                (levels["period_end"] == year) & (levels["status_class"] == s["status_class"])
            ]
            lvl = _pick_partner(cands, s)
            if lvl is None:
                continue
            stated = obs_interval(s)
            implied = _scale(obs_interval(lvl), 100.0 / g[1], 100.0 / g[0])
            gap = interval_gap(stated, implied)
            if s["value"] == 0 or gap <= GDP_SHARE_TOLERANCE * abs(s["value"]):
                continue
            gdp_mid = (g[0] + g[1]) / 2
            implied_point = lvl["value"] / gdp_mid * 100
            implied_gdp = lvl["value"] / (s["value"] / 100)
            severity = "warning" if s["status_class"] == "reported" else "info"
            gdp_txt = (
                fmt_amount(g[0], 5)
                if g[0] == g[1]
                else f"{fmt_amount(g[0], 5)} to {fmt_amount(g[1], 5)}"
            )
            msg = (
                f"{share_id} {year}: stated {fmt_figure(s['value'], s['bound'], 'percent')} of GDP "
                f"{fmt_interval(stated, 'percent')}, but {level_id} "
                f"{_fig(lvl)} / NBS nominal GDP "
                f"{gdp_txt} CNY = {implied_point:.2f}% {fmt_interval(implied, 'percent')}; the "
                f"intervals are {gap:.2f} points apart (tolerance {GDP_SHARE_TOLERANCE:.0%} of the "
                f"stated share). The stated pair implies GDP of {fmt_amount(implied_gdp, 4)} CNY "
                f"({implied_gdp / gdp_mid - 1:+.1%} vs NBS). Sources: share: {_src(s)}; level: "
                f"{_src(lvl)}."
            )
            out.append(
                _finding(
                    "gdp_share",
                    severity,
                    share_id,
                    level_id,
                    year,
                    year,
                    msg,
                    implied_point / s["value"] - 1,
                    [s, lvl],
                )
            )
    return out


def check_growth_vs_levels(obs: pd.DataFrame) -> list[dict]:
    out = []
    single = _single_year(obs)
    reported = single[single["status_class"] == "reported"]
    for growth_id in sorted(reported["indicator"].dropna().unique()):
        level_id = growth_level(growth_id)
        if level_id is None:
            continue
        growths = reported[(reported["indicator"] == growth_id) & (reported["unit"] == "percent")]
        levels = reported[reported["indicator"] == level_id]
        for _, gr in rank_observations(growths).iterrows():
            year = int(gr["period_end"])
            lvl = _pick_partner(levels[levels["period_end"] == year], gr)
            if lvl is None:
                continue
            prevs = levels[(levels["period_end"] == year - 1) & (levels["unit"] == lvl["unit"])]
            if prevs.empty:
                continue
            g_lo, g_hi = obs_interval(gr)
            if not (math.isfinite(g_lo) and math.isfinite(g_hi)) or g_lo <= -100:
                continue  # a bound on the growth rate gives no usable implied level
            implied = _scale(obs_interval(lvl), 1 / (1 + g_hi / 100), 1 / (1 + g_lo / 100))
            implied_point = lvl["value"] / (1 + gr["value"] / 100)
            for _, p in rank_observations(prevs).iterrows():
                prev_iv = obs_interval(p)
                gap = interval_gap(implied, prev_iv)
                if gap <= GROWTH_TOLERANCE * abs(implied_point):
                    continue
                dev = p["value"] / implied_point - 1
                msg = (
                    f"{level_id} {year} = {_fig(lvl)} "
                    f"with {growth_id} {fmt_figure(gr['value'], gr['bound'], 'percent')} implies "
                    f"{year - 1} = {fmt_amount(lvl['value'])} / {1 + gr['value'] / 100:.4f} = "
                    f"{fmt_amount(implied_point, 4)} {lvl['unit']} {fmt_interval(implied)}, but "
                    f"{year - 1} is reported as {_fig(p)} "
                    f"{fmt_interval(prev_iv)}: {dev:+.1%} (tolerance {GROWTH_TOLERANCE:.0%} beyond "
                    f"rounding). Sources: {year}: {_src(lvl)}; growth: {_src(gr)}; {year - 1}: "
                    f"{_src(p)}."
                )
                out.append(
                    _finding(
                        "growth_vs_levels",
                        "warning",
                        level_id,
                        growth_id,
                        year - 1,
                        year,
                        msg,
                        dev,
                        [lvl, gr, p],
                    )
                )
    return out


def check_cumulative_decline(obs: pd.DataFrame) -> list[dict]:
    out = []
    reported = obs[
        (obs["status_class"] == "reported")
        & obs["period_end"].notna()
        & (obs["indicator"] != UNCLASSIFIED)
    ]
    for ind in sorted(reported["indicator"].dropna().unique()):
        meta = _indicators.get(ind)
        if meta is None or not meta.cumulative:
            continue
        g = reported[reported["indicator"] == ind]
        rows = [r for _, r in g.iterrows()]
        for b in rows:
            b_iv = obs_interval(b)
            if not math.isfinite(b_iv[1]):
                continue
            worst, worst_lo = None, -math.inf
            for a in rows:
                if a["observation_id"] == b["observation_id"] or a["unit"] != b["unit"]:
                    continue
                earlier = a["period_end"] < b["period_end"] or (
                    a["period_end"] == b["period_end"]
                    and not is_missing(a["last_published"])
                    and not is_missing(b["first_published"])
                    and a["last_published"] < b["first_published"]
                )
                a_lo = obs_interval(a)[0]
                if (
                    earlier
                    and math.isfinite(a_lo)
                    and a_lo > b_iv[1] * (1 + 1e-9)
                    and a_lo > worst_lo
                ):
                    worst, worst_lo = a, a_lo
            if worst is None:
                continue
            dev = b_iv[1] / worst_lo - 1
            msg = (
                f"{ind} is a cumulative stock but falls: "
                f"{_fig(worst)} for "
                f"{fmt_period(worst['period_start'], worst['period_end'])} (published "
                f"{fmt_date(worst['last_published'])}; {_src(worst)}), then "
                f"{_fig(b)} for "
                f"{fmt_period(b['period_start'], b['period_end'])} (published "
                f"{fmt_date(b['first_published'])}; {_src(b)}): at most {dev:+.1%}."
            )
            out.append(
                _finding(
                    "cumulative_decline",
                    "warning",
                    ind,
                    None,
                    worst["period_start"],
                    b["period_end"],
                    msg,
                    dev,
                    [worst, b],
                )
            )
    return out


def check_forecast_vs_actual(obs: pd.DataFrame) -> list[dict]:
    out = []
    o = obs[obs["period_end"].notna() & (obs["indicator"] != UNCLASSIFIED)]
    forecasts = o[o["status_class"] == "forecast"]
    for _, f in forecasts.iterrows():
        actuals = o[
            (o["status_class"] == "reported")
            & (o["indicator"] == f["indicator"])
            & (o["period_start"] == f["period_start"])
            & (o["period_end"] == f["period_end"])
            & (o["unit"] == f["unit"])
        ]
        if not is_missing(f["first_published"]):
            later = actuals["last_published"].isna() | (
                actuals["last_published"] >= f["first_published"]
            )
            actuals = actuals[later]
        if actuals.empty:
            continue
        a = rank_observations(actuals).iloc[0]
        if a["value"] == 0:
            continue
        err = f["value"] / a["value"] - 1
        met = interval_gap(obs_interval(f), obs_interval(a)) == 0
        msg = (
            f"{f['indicator']} {fmt_period(f['period_start'], f['period_end'])}: forecast "
            f"{_fig(f)} (published "
            f"{fmt_date(f['first_published'])}; {_src(f)}) vs actual "
            f"{_fig(a)} (published "
            f"{fmt_date(a['last_published'])}; {_src(a)}): forecast error {err:+.1%}"
            f"{' (within the stated precision)' if met else ''}."
        )
        out.append(
            _finding(
                "forecast_vs_actual",
                "info",
                f["indicator"],
                None,
                f["period_start"],
                f["period_end"],
                msg,
                err,
                [f, a],
            )
        )
    return out


CHECKS = ("gdp_share", "growth_vs_levels", "cumulative_decline", "forecast_vs_actual")


def build_findings(
    observations: pd.DataFrame, gdp_reference: pd.DataFrame | None = None
) -> pd.DataFrame:
    """All consistency findings over the observations (see the module docstring)."""
    if observations is None or observations.empty:
        return empty_frame(FINDING_COLUMNS)
    if gdp_reference is None:
        gdp_reference = load_gdp_reference()
    obs = observations[observations["value"].notna() & np.isfinite(observations["value"])]
    rows = (
        check_gdp_share(obs, gdp_reference)
        + check_growth_vs_levels(obs)
        + check_cumulative_decline(obs)
        + check_forecast_vs_actual(obs)
    )
    if not rows:
        return empty_frame(FINDING_COLUMNS)
    df = pd.DataFrame(rows, columns=list(FINDING_COLUMNS))
    df = df.drop_duplicates("finding_id")
    df["_c"] = df["check_name"].map({c: i for i, c in enumerate(CHECKS)})
    df = df.sort_values(["_c", "indicator", "period_end", "finding_id"], kind="mergesort")
    return df.drop(columns="_c").reset_index(drop=True).astype(FINDING_COLUMNS)
