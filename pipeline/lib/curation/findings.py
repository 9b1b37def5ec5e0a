"""Layer 6, curated: consistency findings between observations, as set-based DuckDB SQL.

`build_findings_sql(con, indicators=None)` (re)builds the `findings` table from `observations` and
`gdp_reference` in the database; `build_findings(observations, gdp_reference=None)` is the same on
DataFrames (it loads them into an in-memory DuckDB). One row per finding:

FINDING_COLUMNS
    finding_id string ("fnd_" + hash of check and observation ids: stable); check_name string
    (gdp_share | growth_vs_levels | cumulative_decline | forecast_vs_actual); severity string
    (info | warning); indicator string; related_indicator string (NULL if none);
    period_start Int64; period_end Int64; message string (short and readable: the figures, the
    arithmetic and the deviation; no provenance); deviation float64 (relative deviation of the
    figures compared, signed, see each check); figures string (each figure with its status and
    observation id, "; "); observation_ids string (the observations compared, "; ", in the order
    the message names them).
Provenance is not copied into findings: every source of a figure is in `observation_sources`
(join on observation_id; the view `finding_sources` does it).

Checks (tolerances are relative and come on top of the rounding intervals of
`pipeline.lib.curation`: a figure stated as 2.9 stands for [2.85, 2.95]):
- gdp_share: a stated share of GDP (indicator `<level>_gdp_share`, or GDP_SHARE_PAIRS) against
  the level it is a share of divided by NBS nominal GDP of the year (both vintages, initial and
  final, as an interval). Warning when the implied-share interval and the stated-share interval
  are further apart than GDP_SHARE_TOLERANCE (1%) of the stated share; info for forecast/target.
  The level: of the same year and status class, unit CNY, the one reported in the same article
  as the share if any, else the best by the series precedence.
- growth_vs_levels: a growth rate g of year y (indicator `<level>_nominal_growth` /
  `<level>_growth`, or GROWTH_PAIRS) against the RANGE of the reported levels of year y and the
  range of those of y-1 (per unit: the lowest lower end and the highest upper end of their
  intervals, one aggregate per indicator, year and unit), so the work grows with the growth
  observations, not with the pairs of conflicting levels. The range of y divided by (1 + g/100)
  implies an interval for y-1; a warning when it misses the range of y-1, and the nearest pair
  (the lowest level of y and the highest of y-1 when the implied interval lies above, the
  highest and the lowest when below; ties: the best by the series precedence) is further apart
  than GROWTH_TOLERANCE (2%) of the implied level (level / (1 + g/100)) of that pair: no pair of
  levels within the ranges is then consistent with the growth. One finding per growth
  observation and unit at most; the message and `observation_ids` name the nearest pair and the
  growth (level of y; growth; level of y-1), with the ranges when a year has several levels. A
  bound on the growth rate (no finite interval) is not checked.
- cumulative_decline: an indicator with cumulative=True whose reported value falls. For each
  reported observation b with a finite upper end, the earlier figures are those of an earlier
  period_end, or of the same period_end last published before b was first published; if the
  highest lower end among them lies above b's upper end, one finding pairs b with that earliest
  highest figure (ties: the first in observation order). So at most one finding per observation,
  computed with a running maximum (window + ASOF join), not by comparing all pairs.
- forecast_vs_actual: a forecast against the best actual (series precedence) of the same indicator,
  period and unit, published no earlier than the forecast (or undated): info, with the forecast
  error (forecast / actual - 1).
Only reported figures (actual/estimate) are used as levels and actuals; only whole single years
(no period_part, period_start = period_end) for gdp_share and growth_vs_levels.
"""

from __future__ import annotations

from collections.abc import Iterable

import duckdb
import pandas as pd

from pipeline.lib.curation.sql import (
    PRECEDENCE_SQL,
    _create_declared,
    _exists,
    _sql_list,
    install_macros,
)
from pipeline.lib.reference.gdp import load_gdp_reference
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
}

GDP_SHARE_TOLERANCE = 0.01
GROWTH_TOLERANCE = 0.02
GDP_SHARE_SUFFIX = "_gdp_share"
GROWTH_SUFFIXES = ("_nominal_growth", "_growth")
# Indicators no check reads: forecast_vs_actual leaves `unclassified` out, and it is neither a
# share, a growth rate, a level of one, nor cumulative (asserted in tests/test_curation_sql.py).
NO_FINDINGS = ("unclassified",)
# Explicit pairs where the naming convention does not apply: share/growth id -> level id.
GDP_SHARE_PAIRS: dict[str, str] = {}
GROWTH_PAIRS: dict[str, str] = {}
CHECKS = ("gdp_share", "growth_vs_levels", "cumulative_decline", "forecast_vs_actual")


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


def _is_cumulative(indicator_id: str) -> bool:
    meta = _indicators.get(indicator_id)
    return bool(meta is not None and meta.cumulative)


# --------------------------------------------------------------------------------------------
# SQL

# One figure of a finding, as in `figures`: "<indicator> <period>: <figure> (<status>) [<id>]".
_FIG = (
    "{a}.indicator || ' ' || cur_fmt_period({a}.period_start, {a}.period_end) || ': ' || "
    "cur_fmt_figure({a}.value, {a}.bound, {a}.unit, {a}.counted) || ' (' || {a}.status || ') [' "
    "|| {a}.observation_id || ']'"
)


def _fig(alias: str) -> str:
    return _FIG.format(a=alias)


def _short(alias: str) -> str:
    return f"cur_fmt_figure({alias}.value, {alias}.bound, {alias}.unit, {alias}.counted)"


def _fid(check: str, *aliases: str) -> str:
    ids = ", ".join(f"{a}.observation_id" for a in aliases)
    return f"cur_hash('fnd_', '{check}|' || array_to_string(list_sort([{ids}]), '|'))"


_FO_SQL = """
CREATE OR REPLACE TEMP TABLE _cur_fo AS
SELECT observation_id, indicator, period_start, period_end, period_part, status_class, status,
    value, unit, bound, counted, resolution, n_sources, first_published, last_published,
    article_files, coalesce(value_low, '-inf'::DOUBLE) AS lo, coalesce(value_high, 'inf'::DOUBLE) AS hi,
    (period_part IS NULL AND period_start IS NOT NULL AND period_end IS NOT NULL
     AND period_start = period_end) AS single,
    row_number() OVER (ORDER BY {precedence}) AS prank
FROM observations
WHERE value IS NOT NULL AND isfinite(value) AND indicator IN (SELECT indicator FROM _cur_pairs)
  AND {support}
"""

# The level partner of a share or growth observation (anchor): among the candidates (same
# level indicator, year [and status class]), the best ranked one reported in the same article
# as the anchor, else the best ranked one. {anchors}: observation_id, level_id, period_end,
# status_class; {cands}: the candidate observations (from _cur_fo).
_PARTNER_SQL = """
anchor_art AS (
    SELECT a.observation_id, a.level_id, a.period_end, a.status_class,
        unnest(string_split(a.article_files, '; ')) AS af
    FROM {anchors} a
),
cand_art AS (
    SELECT c.indicator, c.period_end, c.status_class, c.prank,
        unnest(string_split(c.article_files, '; ')) AS af
    FROM {cands} c
    WHERE c.indicator IN (SELECT level_id FROM {anchors})
),
same_article AS (
    SELECT a.observation_id, min(c.prank) AS prank
    FROM anchor_art a JOIN cand_art c
      ON c.indicator = a.level_id AND c.period_end = a.period_end AND c.af = a.af
     AND ({same_class})
    GROUP BY a.observation_id
),
best_any AS (
    SELECT indicator, period_end, {class_key} AS ck, min(prank) AS prank
    FROM {cands} GROUP BY ALL
),
partner AS (
    SELECT a.observation_id, coalesce(s.prank, b.prank) AS prank
    FROM {anchors} a
    LEFT JOIN same_article s USING (observation_id)
    JOIN best_any b ON b.indicator = a.level_id AND b.period_end = a.period_end
        AND b.ck = {anchor_class_key}
)"""

_GDP_SHARE_SQL = (
    """
WITH gdp AS (
    SELECT year, min(x) AS g_lo, max(x) AS g_hi FROM (
        SELECT year, gdp_cny AS x FROM gdp_reference
        UNION ALL SELECT year, gdp_cny_initial FROM gdp_reference)
    WHERE x IS NOT NULL AND NOT isnan(x) AND x > 0 GROUP BY year
),
shares AS (
    SELECT f.*, p.share_level AS level_id, gdp.g_lo, gdp.g_hi
    FROM _cur_fo f JOIN _cur_pairs p ON p.indicator = f.indicator AND p.share_level IS NOT NULL
    JOIN gdp ON gdp.year = f.period_end
    WHERE f.single AND f.unit = 'percent'
),
levels AS (SELECT * FROM _cur_fo WHERE single AND unit = 'CNY'),
"""
    + _PARTNER_SQL.format(
        anchors="shares",
        cands="levels",
        same_class="c.status_class = a.status_class",
        class_key="status_class",
        anchor_class_key="a.status_class",
    )
    + """,
x AS (
    SELECT s, l,
        cur_scale_lo(l.lo, 100.0 / s.g_hi, 100.0 / s.g_lo) AS i_lo,
        cur_scale_hi(l.hi, 100.0 / s.g_hi, 100.0 / s.g_lo) AS i_hi,
        (s.g_lo + s.g_hi) / 2 AS gdp_mid
    FROM shares s JOIN partner p USING (observation_id) JOIN _cur_fo l ON l.prank = p.prank
),
y AS (
    SELECT *, cur_gap(s.lo, s.hi, i_lo, i_hi) AS gap, l.value / gdp_mid * 100 AS implied_point,
        l.value / (s.value / 100) AS implied_gdp
    FROM x
)
SELECT """
    + _fid("gdp_share", "s", "l")
    + """ AS finding_id,
    'gdp_share' AS check_name,
    CASE WHEN s.status_class = 'reported' THEN 'warning' ELSE 'info' END AS severity,
    s.indicator, s.level_id AS related_indicator,
    s.period_end AS period_start, s.period_end,
    s.indicator || ' ' || s.period_end || ': stated '
        || cur_fmt_figure(s.value, s.bound, 'percent', NULL) || ' of GDP '
        || cur_fmt_interval(s.lo, s.hi, 'percent') || ', but ' || s.level_id || ' '
        || """
    + _short("l")
    + """ || ' / NBS nominal GDP '
        || CASE WHEN s.g_lo = s.g_hi THEN cur_fmt_amount(s.g_lo, 5)
                ELSE cur_fmt_amount(s.g_lo, 5) || ' to ' || cur_fmt_amount(s.g_hi, 5) END
        || ' CNY = ' || printf('%.2f', implied_point) || '% '
        || cur_fmt_interval(i_lo, i_hi, 'percent') || '; the intervals are '
        || printf('%.2f', gap) || ' points apart (tolerance 1% of the stated share). '
        || 'The stated pair implies GDP of ' || cur_fmt_amount(implied_gdp, 4) || ' CNY ('
        || cur_fmt_pct(implied_gdp / gdp_mid - 1) || ' vs NBS).' AS message,
    implied_point / s.value - 1 AS deviation,
    """
    + _fig("s")
    + " || '; ' || "
    + _fig("l")
    + """ AS figures,
    s.observation_id || '; ' || l.observation_id AS observation_ids
FROM y
WHERE s.value <> 0 AND gap > {tol} * abs(s.value)
"""
)

# " (nearest of N levels [lo, hi])" when the year has several levels of the unit.
_RANGE = (
    "CASE WHEN {r}.n > 1 THEN ' (nearest of ' || {r}.n || ' levels ' "
    "|| cur_fmt_interval({r}.r_lo, {r}.r_hi, NULL) || ')' ELSE '' END"
)

# growth_vs_levels on ranges: one row per (indicator, year, unit) of reported single-year
# levels with the range of their intervals and the observations at its ends (ties: the best by
# precedence); a growth of year y is compared with the ranges of y and y-1, so the work is one
# row per growth observation and unit, however many levels conflict in a cell.
_GROWTH_SQL = (
    """
WITH growths AS (
    SELECT f.*, p.growth_level AS level_id
    FROM _cur_fo f JOIN _cur_pairs p ON p.indicator = f.indicator AND p.growth_level IS NOT NULL
    WHERE f.single AND f.status_class = 'reported' AND f.unit = 'percent'
      AND isfinite(f.lo) AND isfinite(f.hi) AND f.lo > -100
),
ranges AS (
    SELECT indicator, period_end, unit, count(*) AS n,
        min(lo) AS r_lo, arg_min(prank, (lo, prank)) AS lo_prank,
        max(hi) AS r_hi, arg_min(prank, (-hi, prank)) AS hi_prank
    FROM _cur_fo
    WHERE single AND status_class = 'reported'
      AND indicator IN (SELECT level_id FROM growths)
    GROUP BY ALL
),
x AS (
    SELECT g, ly, py,
        cur_scale_lo(ly.r_lo, 1 / (1 + g.hi / 100), 1 / (1 + g.lo / 100)) AS r_i_lo,
        cur_scale_hi(ly.r_hi, 1 / (1 + g.hi / 100), 1 / (1 + g.lo / 100)) AS r_i_hi
    FROM growths g
    JOIN ranges ly ON ly.indicator = g.level_id AND ly.period_end = g.period_end
    JOIN ranges py ON py.indicator = g.level_id AND py.period_end = g.period_end - 1
        AND py.unit = ly.unit
),
-- the nearest pair: the implied interval of the whole range misses the range of y-1 above
-- (lowest level of y vs highest of y-1) or below (highest of y vs lowest of y-1)
near AS (
    SELECT g, ly, py,
        CASE WHEN r_i_lo > py.r_hi THEN ly.lo_prank ELSE ly.hi_prank END AS l_prank,
        CASE WHEN r_i_lo > py.r_hi THEN py.hi_prank ELSE py.lo_prank END AS p_prank
    FROM x WHERE r_i_lo > py.r_hi OR py.r_lo > r_i_hi
),
y AS (
    SELECT g, ly, py, l, p,
        cur_scale_lo(l.lo, 1 / (1 + g.hi / 100), 1 / (1 + g.lo / 100)) AS i_lo,
        cur_scale_hi(l.hi, 1 / (1 + g.hi / 100), 1 / (1 + g.lo / 100)) AS i_hi,
        l.value / (1 + g.value / 100) AS implied_point
    FROM near n JOIN _cur_fo l ON l.prank = n.l_prank JOIN _cur_fo p ON p.prank = n.p_prank
),
z AS (
    SELECT *, cur_gap(i_lo, i_hi, p.lo, p.hi) AS gap, p.value / implied_point - 1 AS dev
    FROM y
)
SELECT """
    + _fid("growth_vs_levels", "l", "g", "p")
    + """ AS finding_id,
    'growth_vs_levels' AS check_name, 'warning' AS severity,
    l.indicator, g.indicator AS related_indicator,
    g.period_end - 1 AS period_start, g.period_end,
    l.indicator || ' ' || g.period_end || ' = ' || """
    + _short("l")
    + """ || """
    + _RANGE.format(r="ly")
    + """ || ' with '
        || g.indicator || ' ' || cur_fmt_figure(g.value, g.bound, 'percent', NULL)
        || ' implies ' || (g.period_end - 1) || ' = ' || cur_fmt_amount(l.value, 6) || ' / '
        || printf('%.4f', 1 + g.value / 100) || ' = ' || cur_fmt_amount(implied_point, 4) || ' '
        || l.unit || ' ' || cur_fmt_interval(i_lo, i_hi, NULL) || ', but ' || (g.period_end - 1)
        || ' is reported as ' || """
    + _short("p")
    + """ || ' ' || cur_fmt_interval(p.lo, p.hi, NULL) || """
    + _RANGE.format(r="py")
    + """
        || ': ' || cur_fmt_pct(dev) || ' (tolerance 2% beyond rounding).' AS message,
    dev AS deviation,
    """
    + _fig("l")
    + " || '; ' || "
    + _fig("g")
    + " || '; ' || "
    + _fig("p")
    + """ AS figures,
    l.observation_id || '; ' || g.observation_id || '; ' || p.observation_id AS observation_ids
FROM z
WHERE gap > {tol} * abs(implied_point)
"""
)

_CUMULATIVE_SQL = (
    """
WITH rep AS (
    SELECT f.* FROM _cur_fo f JOIN _cur_pairs p ON p.indicator = f.indicator AND p.cumulative
    WHERE f.status_class = 'reported' AND f.period_end IS NOT NULL
      AND f.indicator <> 'unclassified'
),
-- highest lower end up to each period_end (inclusive), per indicator and unit
by_period AS (
    SELECT indicator, unit, period_end,
        max(max(lo)) OVER (PARTITION BY indicator, unit ORDER BY period_end
                           ROWS UNBOUNDED PRECEDING) AS run_lo
    FROM rep WHERE isfinite(lo) GROUP BY indicator, unit, period_end
),
-- highest lower end up to each last_published (inclusive), per indicator, unit and period_end
by_pub AS (
    SELECT indicator, unit, period_end, last_published,
        max(max(lo)) OVER (PARTITION BY indicator, unit, period_end ORDER BY last_published
                           ROWS UNBOUNDED PRECEDING) AS run_lo
    FROM rep WHERE isfinite(lo) AND last_published IS NOT NULL
    GROUP BY indicator, unit, period_end, last_published
),
b AS (
    SELECT b.*, greatest(e.run_lo, s.run_lo) AS worst_lo
    FROM rep b
    ASOF LEFT JOIN by_period e
      ON e.indicator = b.indicator AND e.unit = b.unit AND b.period_end > e.period_end
    ASOF LEFT JOIN by_pub s
      ON s.indicator = b.indicator AND s.unit = b.unit AND s.period_end = b.period_end
     AND b.first_published > s.last_published
    WHERE isfinite(b.hi)
),
pairs AS (
    SELECT b, a FROM b JOIN rep a
      ON a.indicator = b.indicator AND a.unit = b.unit AND a.lo = b.worst_lo
     AND (a.period_end < b.period_end
          OR (a.period_end = b.period_end AND a.last_published < b.first_published))
    WHERE b.worst_lo > b.hi * (1 + 1e-9)
    QUALIFY row_number() OVER (PARTITION BY b.observation_id ORDER BY
        a.period_start NULLS LAST, a.period_end NULLS LAST, a.value NULLS LAST,
        a.observation_id) = 1
)
SELECT """
    + _fid("cumulative_decline", "a", "b")
    + """ AS finding_id,
    'cumulative_decline' AS check_name, 'warning' AS severity,
    b.indicator, NULL AS related_indicator, a.period_start, b.period_end,
    b.indicator || ' is a cumulative stock but falls: ' || """
    + _short("a")
    + """ || ' for '
        || cur_fmt_period(a.period_start, a.period_end) || ' (published '
        || cur_fmt_date(a.last_published) || '), then ' || """
    + _short("b")
    + """ || ' for '
        || cur_fmt_period(b.period_start, b.period_end) || ' (published '
        || cur_fmt_date(b.first_published) || '): at most '
        || cur_fmt_pct(b.hi / a.lo - 1) || '.' AS message,
    b.hi / a.lo - 1 AS deviation,
    """
    + _fig("a")
    + " || '; ' || "
    + _fig("b")
    + """ AS figures,
    a.observation_id || '; ' || b.observation_id AS observation_ids
FROM (SELECT p.a AS a, p.b AS b FROM pairs p)
"""
)

_FORECAST_SQL = (
    """
WITH o AS (SELECT * FROM _cur_fo WHERE period_end IS NOT NULL AND indicator <> 'unclassified'),
fc AS (SELECT * FROM o WHERE status_class = 'forecast'),
act AS (SELECT * FROM o WHERE status_class = 'reported'),
act_all AS (
    SELECT indicator, period_start, period_end, unit, min(prank) AS p_all FROM act GROUP BY ALL
),
act_undated AS (
    SELECT indicator, period_start, period_end, unit, min(prank) AS p_undated
    FROM act WHERE last_published IS NULL GROUP BY ALL
),
-- best rank among the actuals published on or after each date
act_dated AS (
    SELECT indicator, period_start, period_end, unit, last_published,
        min(min(prank)) OVER (PARTITION BY indicator, period_start, period_end, unit
                              ORDER BY last_published DESC ROWS UNBOUNDED PRECEDING) AS p_from
    FROM act WHERE last_published IS NOT NULL
    GROUP BY indicator, period_start, period_end, unit, last_published
),
chosen AS (
    SELECT f.observation_id,
        CASE WHEN f.first_published IS NULL THEN aa.p_all
             ELSE least(au.p_undated, ad.p_from) END AS a_prank
    FROM fc f
    LEFT JOIN act_all aa ON aa.indicator = f.indicator AND aa.period_start = f.period_start
        AND aa.period_end = f.period_end AND aa.unit = f.unit
    LEFT JOIN act_undated au ON au.indicator = f.indicator
        AND au.period_start = f.period_start AND au.period_end = f.period_end
        AND au.unit = f.unit
    ASOF LEFT JOIN act_dated ad ON ad.indicator = f.indicator
        AND ad.period_start = f.period_start AND ad.period_end = f.period_end
        AND ad.unit = f.unit AND f.first_published <= ad.last_published
),
pairs AS (
    SELECT f, a, f.value / a.value - 1 AS err,
        cur_gap(f.lo, f.hi, a.lo, a.hi) = 0 AS met
    FROM fc f JOIN chosen c USING (observation_id) JOIN act a ON a.prank = c.a_prank
    WHERE a.value <> 0
)
SELECT """
    + _fid("forecast_vs_actual", "f", "a")
    + """ AS finding_id,
    'forecast_vs_actual' AS check_name, 'info' AS severity,
    f.indicator, NULL AS related_indicator, f.period_start, f.period_end,
    f.indicator || ' ' || cur_fmt_period(f.period_start, f.period_end) || ': forecast '
        || """
    + _short("f")
    + """ || ' (published ' || cur_fmt_date(f.first_published)
        || ') vs actual ' || """
    + _short("a")
    + """ || ' (published '
        || cur_fmt_date(a.last_published) || '): forecast error ' || cur_fmt_pct(err)
        || CASE WHEN met THEN ' (within the stated precision)' ELSE '' END || '.' AS message,
    err AS deviation,
    """
    + _fig("f")
    + " || '; ' || "
    + _fig("a")
    + """ AS figures,
    f.observation_id || '; ' || a.observation_id AS observation_ids
FROM (SELECT p.f AS f, p.a AS a, err, met FROM pairs p)
"""
)


def _pairs_frame(indicator_ids: Iterable[str]) -> pd.DataFrame:
    rows = []
    for ind in sorted(set(indicator_ids)):
        rows.append(
            {
                "indicator": ind,
                "share_level": gdp_share_level(ind),
                "growth_level": growth_level(ind),
                "cumulative": _is_cumulative(ind),
            }
        )
    frame = pd.DataFrame(rows, columns=["indicator", "share_level", "growth_level", "cumulative"])
    return frame.astype(
        {"indicator": object, "share_level": object, "growth_level": object, "cumulative": bool}
    )


def _affected(indicator_ids: Iterable[str], changed: Iterable[str]) -> set[str]:
    """The indicators whose observations a finding about `changed` can involve."""
    changed = set(changed)
    out = set(changed)
    for ind in indicator_ids:
        for level in (gdp_share_level(ind), growth_level(ind)):
            if level is not None and (ind in changed or level in changed):
                out |= {ind, level}
    return out


# The findings a change of the observations of (indicator, period_end) cells can alter, per
# check ({t}: the findings row's alias; {cells}: a table of the changed cells): gdp_share reads
# the share and its level of one year; growth_vs_levels the growth rate and the level of year y
# and the level of y-1; cumulative_decline every earlier period of the indicator;
# forecast_vs_actual the forecast and actuals of one period.
_TOUCHED_SQL = """CASE {t}.check_name
    WHEN 'gdp_share' THEN EXISTS (SELECT 1 FROM {cells} c WHERE c.period_end = {t}.period_end
        AND c.indicator IN ({t}.indicator, {t}.related_indicator))
    WHEN 'growth_vs_levels' THEN EXISTS (SELECT 1 FROM {cells} c
        WHERE (c.indicator = {t}.related_indicator AND c.period_end = {t}.period_end)
           OR (c.indicator = {t}.indicator
               AND c.period_end IN ({t}.period_end, {t}.period_end - 1)))
    WHEN 'cumulative_decline' THEN EXISTS (SELECT 1 FROM {cells} c
        WHERE c.indicator = {t}.indicator AND c.period_end <= {t}.period_end)
    ELSE EXISTS (SELECT 1 FROM {cells} c WHERE c.indicator = {t}.indicator
        AND c.period_end = {t}.period_end) END"""


def touched_findings_sql(cells: str) -> str:
    """A query of the ids of the findings the changed cells (`cells`: a query giving
    indicator, period_end) can alter: after a build by cells, the findings it rewrote."""
    cond = _TOUCHED_SQL.format(t="findings", cells=f"({cells})")
    return f"SELECT finding_id FROM findings WHERE {cond}"


def _support_frame(cells: list[tuple[str, int]], present: list[str]) -> pd.DataFrame:
    """The observations the touched findings read: for each changed cell (I, y), every
    indicator a finding about I can involve, years y-1..y+1 (all years when cumulative)."""
    rows = []
    for ind, year in cells:
        for other in _affected(present, [ind]) & set(present):
            if _is_cumulative(other):
                rows.append((other, -(2**31), 2**31 - 1))
            else:
                rows.append((other, int(year) - 1, int(year) + 1))
    frame = pd.DataFrame(rows, columns=["indicator", "lo", "hi"]).drop_duplicates()
    return frame.astype({"indicator": object, "lo": "int64", "hi": "int64"})


def build_findings_sql(
    con,
    indicators: Iterable[str] | None = None,
    *,
    primary_key: bool = True,
    cells: str | None = None,
) -> None:
    """(Re)build `findings` from `observations` and `gdp_reference` (see the module docstring).
    With `indicators`, only the findings whose indicator or related_indicator is one of them are
    deleted and recomputed. With `cells` too (a query giving the (indicator, period_end) of the
    observations that changed, old and new), only the findings those cells can alter
    (_TOUCHED_SQL), from the observations they read (_support_frame)."""
    install_macros(con)
    indicators = None if indicators is None else sorted(set(indicators))
    present = [r[0] for r in con.execute("SELECT DISTINCT indicator FROM observations").fetchall()]
    # observations of indicators no check reads (most of them: `unclassified`) are left out
    present = [p for p in present if p is not None and p not in NO_FINDINGS]
    support = "TRUE"
    if indicators is None or not _exists(con, "findings"):
        _create_declared(con, "findings", primary_key)
        scope, keep = present, "TRUE"
    elif cells is not None:
        con.execute(f"CREATE OR REPLACE TEMP TABLE _cur_cells AS SELECT * FROM ({cells})")
        con.execute(
            f"DELETE FROM findings WHERE {_TOUCHED_SQL.format(t='findings', cells='_cur_cells')}"
        )
        changed = con.execute("SELECT indicator, period_end FROM _cur_cells").fetchall()
        sup = _support_frame(changed, present)
        con.register("_cur_support_frame", sup)
        try:
            con.execute(
                "CREATE OR REPLACE TEMP TABLE _cur_support AS SELECT * FROM _cur_support_frame"
            )
        finally:
            con.unregister("_cur_support_frame")
        scope = sorted(set(sup["indicator"]))
        keep = _TOUCHED_SQL.format(t="_touched", cells="_cur_cells")
        support = (
            "EXISTS (SELECT 1 FROM _cur_support s WHERE s.indicator = observations.indicator "
            "AND observations.period_end BETWEEN s.lo AND s.hi)"
        )
    else:
        if indicators:
            cond = f"indicator IN {_sql_list(indicators)} OR related_indicator IN "
            cond += _sql_list(indicators)
        else:
            cond = "FALSE"
        con.execute(f"DELETE FROM findings WHERE {cond}")
        scope = sorted(_affected(present, indicators) & set(present))
        keep = cond
    pairs = _pairs_frame(scope)
    con.register("_cur_pairs_frame", pairs)
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE _cur_pairs AS SELECT * FROM _cur_pairs_frame")
    finally:
        con.unregister("_cur_pairs_frame")
    try:
        con.execute(_FO_SQL.format(precedence=PRECEDENCE_SQL, support=support))
        parts = [
            _GDP_SHARE_SQL.format(tol=GDP_SHARE_TOLERANCE),
            _GROWTH_SQL.format(tol=GROWTH_TOLERANCE),
            _CUMULATIVE_SQL,
            _FORECAST_SQL,
        ]
        union = "\nUNION ALL\n".join(f"SELECT * FROM ({p})" for p in parts)
        order = " ".join(f"WHEN '{c}' THEN {i}" for i, c in enumerate(CHECKS))
        con.execute(
            f"""
            INSERT INTO findings BY NAME
            SELECT * FROM ({union}) _touched
            WHERE {keep}
            QUALIFY row_number() OVER (PARTITION BY finding_id ORDER BY
                CASE check_name {order} END) = 1
            ORDER BY CASE check_name {order} END, indicator, period_end, finding_id
            """
        )
    finally:
        for table in ("_cur_fo", "_cur_pairs", "_cur_cells", "_cur_support"):
            con.execute(f"DROP TABLE IF EXISTS {table}")


# --------------------------------------------------------------------------------------------
# DataFrame entry point (for callers that still pass frames)


def build_findings(
    observations: pd.DataFrame, gdp_reference: pd.DataFrame | None = None
) -> pd.DataFrame:
    """All consistency findings over the observations, on DataFrames: loads them into an
    in-memory DuckDB and runs `build_findings_sql`."""
    from pipeline.lib.curation.observations import load_frame

    if gdp_reference is None:
        gdp_reference = load_gdp_reference()
    con = duckdb.connect()
    try:
        load_frame(con, "observations", observations)
        load_frame(con, "gdp_reference", gdp_reference)
        build_findings_sql(con, primary_key=False)
        out = con.execute("SELECT * FROM findings").df()
    finally:
        con.close()
    return out[list(FINDING_COLUMNS)].astype(FINDING_COLUMNS)
