"""REFERENCE ONLY, not used by the pipeline: the pandas implementation of the curated layer
(observations, series, findings) as it was before the set-based DuckDB SQL in
`pipeline.lib.curation.sql`. tests/test_curation_sql.py checks that the SQL gives the same tables.
Findings here still have the old columns (claim_ids, sources) and messages with sources.

Layer 6, curated: observations (one figure, many sources) and series (one value per indicator
and period, with the reason it was chosen and whether sources conflict).

Plain pandas, no Dagster. Consistency findings are in `pipeline.lib.curation.findings` (which imports this module, never
the other way round).

Observation key (claims with the same key are one observation):
    indicator, period_start, period_end, status_class, value rounded to 6 significant digits,
    unit, bound; for 'unclassified' claims also the counted noun (classified claims are identified
    by their indicator, so a garbled noun does not split them). status_class: actual and estimate
    are 'reported'; 'forecast'; 'target'.
observation_id = "obs_" + the first 12 hex digits of SHA-1 of the key: stable across runs.

Stated precision: the `resolution` of a claim is the place value of the last digit written in its
quote ("4.10 trillion" -> 1e10, "4.1 trillion" -> 1e11, "14.53%" -> 0.01); when the quote has no
digits ("one trillion") it is the place value of the value's last significant digit.
Interval of a figure: exact -> value +- resolution/2; approx -> value +- max(resolution/2, 1% of
value); lower -> [value, +inf); upper -> (-inf, value]. Two figures agree when their intervals
overlap (relative slack 1e-9 for float noise).

Frames (column -> dtype; NULL in DuckDB for NaN/NaT/<NA>):

OBSERVATION_COLUMNS
    observation_id string; indicator string; period_start Int64; period_end Int64;
    status_class string (reported|forecast|target); status string (actual if any claim is actual,
    else the most frequent); value float64 (rounded key value); unit string; bound string;
    counted string; resolution float64; value_low float64 (NaN = unbounded below);
    value_high float64 (NaN = unbounded above); n_claims int64; n_articles int64;
    n_sources int64 (distinct syndication groups); n_syndicated_copies int64 (n_articles -
    n_sources); first_published datetime64[ns]; last_published datetime64[ns]; outlets string;
    cited_sources string; article_files string; syndication_groups string; claim_ids string;
    sources string (readable provenance); example_quote string. Lists are joined with "; ".

OBSERVATION_SOURCE_COLUMNS (one row per claim)
    observation_id string; claim_id string; article_file string; outlet string;
    published_date datetime64[ns]; quote string; cited_source string; claim_value float64;
    status string; sentence string; syndication_group string;
    is_syndicated_copy bool (the article is a syndicated copy of another article listed for this
    observation: not its group's first (earliest published, then by file name));
    counts_as_source bool (exactly one row per syndication group and observation).

SERIES_COLUMNS (one row per classified indicator and reference period; unclassified
observations and observations without a period are not in series)
    series_id string; indicator string; period_start Int64; period_end Int64; value float64;
    unit string; bound string; status string; status_class string; observation_id string
    (the chosen one); selection_rule string; n_observations int64 (all statuses);
    n_sources int64 (distinct syndication groups over all observations); min_value float64;
    max_value float64; spread float64 ((max - min) / max(|min|, |max|), over the observations of
    the chosen status class); values_seen string; conflict bool; conflict_detail string.

Series precedence (first difference decides): status class reported (actual/estimate) >
forecast > target; bound exact > approx > lower/upper; more sources; most recent publication;
then actual > estimate, finer stated precision, observation_id (only for determinism).
Conflict: the observations of the chosen status class do not all share a common point of their
intervals (in one dimension, pairwise overlap = a common point).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter

import numpy as np
import pandas as pd

# The declarations (status classes, ranks, tolerances, column dtypes) are the production ones:
# the reference re-implements the computations, not the table definitions.
from pipeline.lib.curation.observations import (  # noqa: E402
    APPROX_MIN_REL_HALF_WIDTH,
    BOUND_RANK,
    FLOAT_SLACK,
    LIST_SEP,
    OBSERVATION_COLUMNS,
    OBSERVATION_SOURCE_COLUMNS,
    SERIES_COLUMNS,
    STATUS_CLASS,
    STATUS_CLASS_RANK,
    UNCLASSIFIED,
    VALUE_SIG_DIGITS,
)
from pipeline.lib.reference.gdp import gdp_range, load_gdp_reference
from pipeline.metadata import indicators as _indicators

PRECEDENCE_TEXT = (
    "precedence: status (actual/estimate > forecast > target), bound (exact > approx > "
    "lower/upper), more sources, latest publication"
)


# --------------------------------------------------------------------------------------------
# small helpers shared with findings.py


def empty_frame(columns: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in columns.items()})


def short_hash(prefix: str, *parts) -> str:
    text = "|".join("" if p is None else str(p) for p in parts)
    return prefix + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def is_missing(x) -> bool:
    if x is None or x is pd.NA or x is pd.NaT:
        return True
    try:
        return bool(pd.isna(x))
    except (TypeError, ValueError):
        return False


def fmt_num(v) -> str:
    """4.1e12 -> '4.1e12', 14.53 -> '14.53', 79000000 -> '7.9e7', 150 -> '150'."""
    if is_missing(v):
        return "NULL"
    v = float(v)
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return f"{v:.6g}".replace("e+0", "e").replace("e+", "e").replace("e-0", "e-")


def fmt_date(d) -> str:
    return "undated" if is_missing(d) else pd.Timestamp(d).strftime("%Y-%m-%d")


def fmt_period(ps, pe) -> str:
    if is_missing(ps) and is_missing(pe):
        return "period unknown"
    if ps == pe or is_missing(pe):
        return str(int(ps))
    if is_missing(ps):
        return str(int(pe))
    return f"{int(ps)}-{int(pe)}"


_BOUND_WORD = {"exact": "", "approx": "about ", "lower": "more than ", "upper": "up to "}


def fmt_amount(v, digits: int = 6) -> str:
    """Readable magnitude: 4.1e12 -> '4.1 trillion', 7.9e7 -> '79 million', 150 -> '150'."""
    if is_missing(v) or math.isinf(float(v)):
        return fmt_num(v)
    v = float(v)
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= scale:
            return f"{v / scale:.{digits}g} {word}"
    return f"{v:.{digits}g}"


def fmt_figure(value, bound, unit, counted=None) -> str:
    """'about 3.1 trillion CNY', 'more than 150 platforms', '14.53%'."""
    unit = "" if is_missing(unit) else str(unit)
    word = _BOUND_WORD.get(str(bound), "")
    if unit == "percent":
        return f"{word}{fmt_amount(value)}%"
    if unit == "count" and not is_missing(counted):
        unit = str(counted)
    elif unit == "percentage_point":
        unit = "percentage points"
    return f"{word}{fmt_amount(value)} {unit}".rstrip()


def round_value(v: float) -> float:
    if is_missing(v) or not math.isfinite(v) or v == 0:
        return v
    return float(f"{v:.{VALUE_SIG_DIGITS}g}")


_NUM_RE = re.compile(r"(?<![\d.])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")


def value_resolution(v: float) -> float:
    """Place value of the last significant digit of v (at most VALUE_SIG_DIGITS digits)."""
    if is_missing(v) or not math.isfinite(v) or v == 0:
        return float("nan")
    mantissa, exp = f"{abs(v):.{VALUE_SIG_DIGITS - 1}e}".split("e")
    digits = mantissa.replace(".", "").rstrip("0") or "0"
    return 10.0 ** (int(exp) - (len(digits) - 1))


def stated_resolution(quote, value) -> float:
    """Place value of the last digit written in the quote, in the value's units.

    The number in the quote whose ratio to the value is a power of ten is the stated one: its
    decimals give the precision ("4.10 trillion" and 4.1e12 -> 1e10). Falls back to
    value_resolution (e.g. for number words: "one trillion")."""
    if is_missing(value) or not math.isfinite(float(value)) or float(value) == 0:
        return float("nan")
    v = abs(float(value))
    if isinstance(quote, str):
        for m in _NUM_RE.finditer(quote):
            s = m.group().replace(",", "")
            num = float(s)
            if num == 0:
                continue
            k = round(math.log10(v / num))
            if abs(v / (num * 10.0**k) - 1) < 1e-6:
                decimals = len(s.split(".")[1]) if "." in s else 0
                return 10.0 ** (k - decimals)
    return value_resolution(v)


def value_interval(value, bound, resolution) -> tuple[float, float]:
    """The values a stated figure admits (see the module docstring)."""
    v = float(value)
    half = 0.0 if is_missing(resolution) else float(resolution) / 2
    if bound == "lower":
        return v, math.inf
    if bound == "upper":
        return -math.inf, v
    if bound == "approx":
        half = max(half, APPROX_MIN_REL_HALF_WIDTH * abs(v))
    return v - half, v + half


def interval_gap(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance between two intervals (0 when they overlap)."""
    return max(0.0, max(a[0], b[0]) - min(a[1], b[1]))


def intervals_agree(a: tuple[float, float], b: tuple[float, float]) -> bool:
    scale = max((abs(x) for x in (*a, *b) if math.isfinite(x)), default=1.0)
    return interval_gap(a, b) <= FLOAT_SLACK * scale


def obs_interval(row) -> tuple[float, float]:
    lo = -math.inf if is_missing(row["value_low"]) else float(row["value_low"])
    hi = math.inf if is_missing(row["value_high"]) else float(row["value_high"])
    return lo, hi


def fmt_interval(iv: tuple[float, float], unit=None) -> str:
    suffix = "%" if unit == "percent" else ""
    lo = "-inf" if iv[0] == -math.inf else fmt_amount(iv[0], 4)
    hi = "inf" if iv[1] == math.inf else fmt_amount(iv[1], 4)
    return f"[{lo}{suffix}, {hi}{suffix}]"


def _pub_key(d) -> float:
    return math.inf if is_missing(d) else -float(pd.Timestamp(d).value)


def rank_observations(obs: pd.DataFrame) -> pd.DataFrame:
    """obs sorted best first by the series precedence (see the module docstring)."""
    if obs.empty:
        return obs
    keys = pd.DataFrame(
        {
            "_k_status": obs["status_class"].map(STATUS_CLASS_RANK).fillna(9),
            "_k_bound": obs["bound"].map(BOUND_RANK).fillna(9),
            "_k_sources": -obs["n_sources"].astype("float64"),
            "_k_pub": obs["last_published"].map(_pub_key).astype("float64"),
            "_k_actual": (obs["status"] != "actual").astype(int),
            "_k_res": obs["resolution"].fillna(math.inf) / obs["value"].abs().replace(0, 1),
            "_k_id": obs["observation_id"],
        },
        index=obs.index,
    )
    order = keys.sort_values(list(keys.columns), kind="mergesort").index
    return obs.loc[order]


_CRITERIA = [
    ("status_class", "status (actual/estimate > forecast > target)"),
    ("bound", "bound (exact > approx > lower/upper)"),
    ("n_sources", "number of sources"),
    ("last_published", "latest publication"),
    ("status", "actual over estimate"),
    ("resolution", "finer stated precision"),
]


def _decided_by(best, runner) -> str:
    checks = [
        STATUS_CLASS_RANK.get(best["status_class"])
        != STATUS_CLASS_RANK.get(runner["status_class"]),
        BOUND_RANK.get(best["bound"]) != BOUND_RANK.get(runner["bound"]),
        best["n_sources"] != runner["n_sources"],
        not (
            (is_missing(best["last_published"]) and is_missing(runner["last_published"]))
            or best["last_published"] == runner["last_published"]
        ),
        (best["status"] == "actual") != (runner["status"] == "actual"),
        best["resolution"] != runner["resolution"],
    ]
    for (_, text), differs in zip(_CRITERIA, checks, strict=True):
        if differs:
            return text
    return "observation id (tie)"


# --------------------------------------------------------------------------------------------
# observations


def _article_lookup(articles: pd.DataFrame | None) -> pd.DataFrame:
    cols = ["article_file", "published_date", "outlet", "syndication_group"]
    if articles is None or articles.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in cols})
    a = articles.drop_duplicates("article_file").copy()
    for c in cols:
        if c not in a.columns:
            a[c] = None
    a = a[cols].copy()
    a["published_date"] = pd.to_datetime(a["published_date"], errors="coerce").dt.normalize()
    a["syndication_group"] = a["syndication_group"].where(
        a["syndication_group"].notna(), a["article_file"]
    )
    return a


def _join(values) -> str | None:
    seen = []
    for v in values:
        if is_missing(v) or v == "":
            continue
        v = str(v)
        if v not in seen:
            seen.append(v)
    return LIST_SEP.join(seen) if seen else None


def _source_text(outlet, published, article_file, cited) -> str:
    who = outlet if not is_missing(outlet) else "unknown outlet"
    text = f"{who} {fmt_date(published)} ({article_file}"
    if not is_missing(cited):
        text += f"; cites {cited}"
    return text + ")"


def build_observations(
    valid_claims: pd.DataFrame, articles: pd.DataFrame | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(observations, observation_sources): see the module docstring for keys and columns."""
    if valid_claims is None or valid_claims.empty:
        return empty_frame(OBSERVATION_COLUMNS), empty_frame(OBSERVATION_SOURCE_COLUMNS)
    c = valid_claims.copy().reset_index(drop=True)
    for col in ("counted", "source", "sentence", "quote", "claim_id"):
        if col not in c.columns:
            c[col] = None
    if c["claim_id"].isna().any():
        c["claim_id"] = c["claim_id"].where(
            c["claim_id"].notna(),
            [
                short_hash("clm_", a, s, e)
                for a, s, e in zip(c["article_file"], c["char_start"], c["char_end"], strict=True)
            ],
        )
    c = c.merge(_article_lookup(articles), on="article_file", how="left")
    c["syndication_group"] = c["syndication_group"].where(
        c["syndication_group"].notna(), c["article_file"]
    )
    c["value"] = pd.to_numeric(c["value"], errors="coerce").astype("float64")
    c["status_class"] = c["status"].map(STATUS_CLASS).fillna(c["status"])
    c["value_key"] = c["value"].map(round_value)
    c["resolution"] = [stated_resolution(q, v) for q, v in zip(c["quote"], c["value"], strict=True)]
    ps = pd.to_numeric(c["period_start"], errors="coerce").astype("Int64")
    pe = pd.to_numeric(c["period_end"], errors="coerce").astype("Int64")
    c["period_start"], c["period_end"] = ps, pe
    unclassified = c["indicator"] == UNCLASSIFIED
    c["counted_key"] = c["counted"].where(unclassified & c["counted"].notna(), "")
    # a part of a year (H1, Q1-Q3) is another period than the whole year; whole-year keys stay
    # as they were (the part is added to the key only when there is one)
    part = c["period_part"] if "period_part" in c.columns else pd.Series(None, index=c.index)
    c["period_part"] = part.where(part.notna(), None)
    c["observation_id"] = [
        short_hash(
            "obs_",
            ind,
            "" if is_missing(a) else int(a),
            "" if is_missing(b) else int(b),
            sc,
            fmt_num(v),
            u,
            bd,
            ck,
            *(() if is_missing(pp) else (pp,)),
        )
        for ind, a, b, sc, v, u, bd, ck, pp in zip(
            c["indicator"],
            ps,
            pe,
            c["status_class"],
            c["value_key"],
            c["unit"],
            c["bound"],
            c["counted_key"],
            c["period_part"],
            strict=True,
        )
    ]

    # observation_sources: earliest article of each syndication group is its original
    c["_pub_sort"] = pd.to_datetime(c["published_date"]).fillna(pd.Timestamp.max)
    c = c.sort_values(
        ["observation_id", "syndication_group", "_pub_sort", "article_file", "char_start"],
        kind="mergesort",
    ).reset_index(drop=True)
    first_article = c.groupby(["observation_id", "syndication_group"])["article_file"].transform(
        "first"
    )
    c["is_syndicated_copy"] = c["article_file"] != first_article
    c["counts_as_source"] = ~c.duplicated(["observation_id", "syndication_group"])
    sources = pd.DataFrame(
        {
            "observation_id": c["observation_id"],
            "claim_id": c["claim_id"],
            "article_file": c["article_file"],
            "outlet": c["outlet"],
            "published_date": c["published_date"],
            "quote": c["quote"],
            "cited_source": c["source"],
            "claim_value": c["value"],
            "status": c["status"],
            "sentence": c["sentence"],
            "syndication_group": c["syndication_group"],
            "is_syndicated_copy": c["is_syndicated_copy"],
            "counts_as_source": c["counts_as_source"],
        }
    )
    sources = sources.sort_values(
        ["observation_id", "published_date", "article_file", "claim_id"], kind="mergesort"
    )
    sources = sources.reset_index(drop=True).astype(OBSERVATION_SOURCE_COLUMNS)

    rows = []
    for oid, g in c.groupby("observation_id", sort=True):
        first = g.iloc[0]
        statuses = Counter(g["status"].dropna())
        status = (
            "actual"
            if "actual" in statuses
            else (statuses.most_common(1)[0][0] if statuses else None)
        )
        counted = Counter(g["counted"].dropna())
        resolution = g["resolution"].max()
        value = first["value_key"]
        lo, hi = value_interval(value, first["bound"], resolution)
        n_articles = g["article_file"].nunique()
        n_sources = g["syndication_group"].nunique()
        originals = g[~g["is_syndicated_copy"]].drop_duplicates("article_file")
        rows.append(
            {
                "observation_id": oid,
                "indicator": first["indicator"],
                "period_start": first["period_start"],
                "period_end": first["period_end"],
                "period_part": first["period_part"],
                "status_class": first["status_class"],
                "status": status,
                "value": value,
                "unit": first["unit"],
                "bound": first["bound"],
                "counted": counted.most_common(1)[0][0] if counted else None,
                "resolution": resolution,
                "value_low": lo if math.isfinite(lo) else np.nan,
                "value_high": hi if math.isfinite(hi) else np.nan,
                "n_claims": len(g),
                "n_articles": n_articles,
                "n_sources": n_sources,
                "n_syndicated_copies": n_articles - n_sources,
                "first_published": g["published_date"].min(),
                "last_published": g["published_date"].max(),
                "outlets": _join(g["outlet"]),
                "cited_sources": _join(g["source"]),
                "article_files": _join(g["article_file"]),
                "syndication_groups": _join(g["syndication_group"]),
                "claim_ids": _join(g["claim_id"]),
                "sources": _join(
                    _source_text(o, p, a, s)
                    for o, p, a, s in zip(
                        originals["outlet"],
                        originals["published_date"],
                        originals["article_file"],
                        originals["source"],
                        strict=True,
                    )
                ),
                "example_quote": first["quote"],
            }
        )
    obs = pd.DataFrame(rows, columns=list(OBSERVATION_COLUMNS))
    obs["_sc"] = obs["status_class"].map(STATUS_CLASS_RANK).fillna(9)
    obs = obs.sort_values(
        ["indicator", "period_start", "period_end", "_sc", "value", "observation_id"],
        kind="mergesort",
        na_position="last",
    ).drop(columns="_sc")
    obs = obs.reset_index(drop=True).astype(OBSERVATION_COLUMNS)
    return obs, sources


# --------------------------------------------------------------------------------------------
# series


def _values_seen(ranked: pd.DataFrame) -> str:
    parts = []
    for _, r in ranked.iterrows():
        n = int(r["n_sources"])
        parts.append(
            f"{fmt_figure(r['value'], r['bound'], r['unit'], r['counted'])} {r['status']} "
            f"[{n} source{'s' if n != 1 else ''}]"
        )
    return LIST_SEP.join(parts)


def _conflict(group: pd.DataFrame) -> tuple[bool, str | None]:
    if len(group) < 2:
        return False, None
    ivs = [(obs_interval(r), r) for _, r in group.iterrows()]
    lo_iv, lo_row = max(ivs, key=lambda t: t[0][0])
    hi_iv, hi_row = min(ivs, key=lambda t: t[0][1])
    if interval_gap(lo_iv, hi_iv) <= FLOAT_SLACK * max(abs(lo_iv[0]), abs(hi_iv[1]), 1e-300):
        return False, None
    unit = lo_row["unit"]

    def desc(r, iv):
        return (
            f"{fmt_figure(r['value'], r['bound'], unit, r['counted'])} {fmt_interval(iv, unit)} "
            f"({r['sources'] or r['observation_id']})"
        )

    return True, f"{desc(hi_row, hi_iv)} vs {desc(lo_row, lo_iv)}: intervals do not overlap"


def build_series(observations: pd.DataFrame) -> pd.DataFrame:
    """One row per classified indicator and reference period: see the module docstring."""
    if observations is None or observations.empty:
        return empty_frame(SERIES_COLUMNS)
    obs = observations[
        (observations["indicator"] != UNCLASSIFIED)
        & observations["period_start"].notna()
        & observations["period_end"].notna()
    ]
    obs = obs.assign(_part=obs["period_part"].fillna("") if "period_part" in obs else "")
    rows = []
    for (ind, ps, pe, part), g in obs.groupby(
        ["indicator", "period_start", "period_end", "_part"], sort=True
    ):
        ranked = rank_observations(g)
        best = ranked.iloc[0]
        same = ranked[ranked["status_class"] == best["status_class"]]
        vals = same["value"].astype(float)
        vmin, vmax = float(vals.min()), float(vals.max())
        denom = max(abs(vmin), abs(vmax))
        spread = (vmax - vmin) / denom if denom else 0.0
        conflict, detail = _conflict(same)
        groups = set()
        for s in g["syndication_groups"].dropna():
            groups.update(s.split(LIST_SEP))
        chosen = (
            f"chose {fmt_figure(best['value'], best['bound'], best['unit'], best['counted'])} "
            f"({best['status']}, {best['bound']}, {int(best['n_sources'])} source(s), "
            f"published {fmt_date(best['last_published'])})"
        )
        if len(ranked) == 1:
            rule = f"{chosen}: the only observation"
        else:
            runner = ranked.iloc[1]
            rule = (
                f"{chosen} from {len(ranked)} observations, decided by "
                f"{_decided_by(best, runner)}; {PRECEDENCE_TEXT}"
            )
        rows.append(
            {
                "series_id": short_hash("ser_", ind, int(ps), int(pe), *((part,) if part else ())),
                "indicator": ind,
                "period_start": ps,
                "period_end": pe,
                "period_part": part or None,
                "value": best["value"],
                "unit": best["unit"],
                "bound": best["bound"],
                "status": best["status"],
                "status_class": best["status_class"],
                "observation_id": best["observation_id"],
                "selection_rule": rule,
                "n_observations": len(ranked),
                "n_sources": len(groups),
                "min_value": vmin,
                "max_value": vmax,
                "spread": spread,
                "values_seen": _values_seen(ranked),
                "conflict": conflict,
                "conflict_detail": detail,
            }
        )
    if not rows:
        return empty_frame(SERIES_COLUMNS)
    series = pd.DataFrame(rows, columns=list(SERIES_COLUMNS))
    return series.reset_index(drop=True).astype(SERIES_COLUMNS)


# --------------------------------------------------------------------------------------------
# findings (was pipeline/lib/curation/findings.py)

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
# Which indicator pairs a check compares is catalog metadata, the same as in production.
from pipeline.lib.curation.findings import gdp_share_level, growth_level  # noqa: E402

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


def _range_ends(levels: pd.DataFrame):
    """(lowest lower end, its row, highest upper end, its row, count): ties go to the best
    ranked."""
    ranked = rank_observations(levels)
    ivs = [obs_interval(r) for _, r in ranked.iterrows()]
    rows = [r for _, r in ranked.iterrows()]
    i_lo = min(range(len(ivs)), key=lambda i: (ivs[i][0], i))
    i_hi = min(range(len(ivs)), key=lambda i: (-ivs[i][1], i))
    return ivs[i_lo][0], rows[i_lo], ivs[i_hi][1], rows[i_hi], len(rows)


def _range_text(n: int, r_lo: float, r_hi: float) -> str:
    return f" (nearest of {n} levels {fmt_interval((r_lo, r_hi))})" if n > 1 else ""


def check_growth_vs_levels(obs: pd.DataFrame) -> list[dict]:
    """A growth of year y against the ranges of the reported levels of y and y-1 (per unit):
    a finding when no pair of levels within them is consistent with it; it names the nearest
    pair."""
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
            g_lo, g_hi = obs_interval(gr)
            if not (math.isfinite(g_lo) and math.isfinite(g_hi)) or g_lo <= -100:
                continue  # a bound on the growth rate gives no usable implied level
            year = int(gr["period_end"])
            k_lo, k_hi = 1 / (1 + g_hi / 100), 1 / (1 + g_lo / 100)
            for unit in sorted(levels["unit"].dropna().unique()):
                cur = levels[(levels["period_end"] == year) & (levels["unit"] == unit)]
                prevs = levels[(levels["period_end"] == year - 1) & (levels["unit"] == unit)]
                if cur.empty or prevs.empty:
                    continue
                c_lo, c_lo_row, c_hi, c_hi_row, c_n = _range_ends(cur)
                p_lo, p_lo_row, p_hi, p_hi_row, p_n = _range_ends(prevs)
                r_implied = _scale((c_lo, c_hi), k_lo, k_hi)
                if r_implied[0] > p_hi:
                    lvl, p = c_lo_row, p_hi_row
                elif p_lo > r_implied[1]:
                    lvl, p = c_hi_row, p_lo_row
                else:
                    continue
                implied = _scale(obs_interval(lvl), k_lo, k_hi)
                implied_point = lvl["value"] / (1 + gr["value"] / 100)
                prev_iv = obs_interval(p)
                gap = interval_gap(implied, prev_iv)
                if gap <= GROWTH_TOLERANCE * abs(implied_point):
                    continue
                dev = p["value"] / implied_point - 1
                msg = (
                    f"{level_id} {year} = {_fig(lvl)}{_range_text(c_n, c_lo, c_hi)} "
                    f"with {growth_id} {fmt_figure(gr['value'], gr['bound'], 'percent')} implies "
                    f"{year - 1} = {fmt_amount(lvl['value'])} / {1 + gr['value'] / 100:.4f} = "
                    f"{fmt_amount(implied_point, 4)} {lvl['unit']} {fmt_interval(implied)}, but "
                    f"{year - 1} is reported as {_fig(p)} "
                    f"{fmt_interval(prev_iv)}{_range_text(p_n, p_lo, p_hi)}: {dev:+.1%} "
                    f"(tolerance {GROWTH_TOLERANCE:.0%} beyond "
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
