"""Build `report.html` from a published warehouse: one self-contained page (plotly.js inlined once,
no network at view time) with a chart per indicator and the quarantine and ingest summaries.

Each chart shows an indicator's series over reference years:
- every source (a row of observation_sources) as a point, coloured by status (actual, estimate,
  forecast, target) and shaped by bound (circle exact, open circle approx, triangle up "more
  than", triangle down "less than"); hovering shows outlet, publication date, quote and article;
- the chosen value (the `series` table) as a line: solid for reported values, dashed for
  forecasts, dotted for targets;
- a red cross on a series value whose sources conflict, an orange ring where a finding is about
  the indicator and period; both are listed under the chart.

Everything is read with SQL from the warehouse tables; nothing here depends on Dagster.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import os
import textwrap
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import duckdb

from pipeline.lib.state import check_scope

STATUS_COLOURS = {
    "actual": "#1f77b4",
    "estimate": "#6baed6",
    "forecast": "#ff7f0e",
    "target": "#2ca02c",
}
BOUND_SYMBOLS = {
    "exact": "circle",
    "approx": "circle-open",
    "lower": "triangle-up",
    "upper": "triangle-down",
}
BOUND_WORDS = {"exact": "", "approx": "about ", "lower": "more than ", "upper": "less than "}
LINE_DASH = {"reported": "solid", "forecast": "dash", "target": "dot"}
LINE_COLOURS = {"reported": "#333333", "forecast": "#ff7f0e", "target": "#2ca02c"}
MAX_ROWS = 200  # rows shown in each listing table (the warehouse has them all)

CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0 auto;max-width:1100px;
padding:0 1.2em 3em;color:#222;line-height:1.4}
h1{margin-top:.8em}h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:2em}
h3{margin-bottom:.2em}.muted{color:#666;font-size:.9em}
table{border-collapse:collapse;font-size:.85em;margin:.5em 0 1em}
th,td{border:1px solid #ddd;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#f4f4f4}td.num{text-align:right;font-variant-numeric:tabular-nums}
.chart{width:100%;height:340px}.indicator{margin-bottom:2.5em}
.flag{display:inline-block;border-radius:3px;padding:0 .4em;font-size:.8em;color:#fff}
.conflict{background:#d62728}.warning{background:#e6550d}.info{background:#3182bd}
.kpis{display:flex;flex-wrap:wrap;gap:.6em}.kpi{border:1px solid #ddd;border-radius:4px;
padding:.4em .8em}.kpi b{display:block;font-size:1.3em}
.toc{columns:2;font-size:.9em}.toc li{break-inside:avoid}
"""


# ---------------------------------------------------------------------------------------------
# formatting


# An archive of 100,000 articles has millions of sources: the page shows the most recent ones.
MAX_POINTS = 2000  # source points per indicator chart (the most recently published)
MAX_FINDINGS = 200  # findings listed per indicator
MAX_ROWS = 500  # rows of the quarantine, rejects and articles tables


MAX_CELL = 600  # characters of a series row's "values seen" and conflict shown in its table


def clip_cell(text: str | None, column: str, limit: int = MAX_CELL) -> str | None:
    """`text` cut after at most `limit` characters (at a "; " between two items when there is
    one), saying how much more the column holds: a row of a large archive can list thousands
    of values (166 KB in one `values_seen` at 100,000 articles), which no reader scrolls
    through in a page, and the page grew with every article."""
    if not text or len(text) <= limit:
        return text
    cut = text.rfind("; ", 0, limit)
    cut = limit if cut <= 0 else cut
    return text[:cut] + f" … ({len(text) - cut:,} more characters in series.{column})"


def _shown(n_shown: int, n_total: int) -> str:
    if n_total <= n_shown:
        return ""
    return f"; the first {n_shown:,} of {n_total:,} are listed, query the warehouse for all"


def esc(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value != value:  # NaN
        return ""
    return html.escape(str(value))


def fmt_value(value, unit: str | None, bound: str | None = None) -> str:
    """4.1e12, CNY -> '4.1 trillion CNY'; 14.53, percent -> '14.53%'."""
    if value is None or value != value:
        return ""
    prefix = BOUND_WORDS.get(bound or "exact", "")
    if unit == "percent":
        return f"{prefix}{value:g}%"
    if unit == "percentage_point":
        return f"{prefix}{value:g} percentage points"
    for scale, word in ((1e12, " trillion"), (1e9, " billion"), (1e6, " million")):
        if abs(value) >= scale:
            text = f"{value / scale:.4g}{word}"
            break
    else:
        text = f"{value:,.4g}" if abs(value) >= 1e4 else f"{value:g}"
    suffix = "" if unit in (None, "count") else f" {unit}"
    return f"{prefix}{text}{suffix}"


def fmt_period(start, end, part) -> str:
    if start is None:
        return "no period"
    text = str(start) if end in (None, start) else f"{start}-{end}"
    return f"{text} {part}" if part else text


def fmt_date(value) -> str:
    if value is None:
        return "undated"
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def hover_wrap(text: str | None, width: int = 80, limit: int = 320) -> str:
    """Escaped text for a plotly hover label, wrapped with <br>."""
    if not text:
        return ""
    text = " ".join(str(text).split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    if len(text) <= width:  # one line (what textwrap gives, without its cost)
        return html.escape(text)
    return "<br>".join(html.escape(line) for line in textwrap.wrap(text, width))


def table_html(headers: list[str], rows: list[list], numeric: set[int] = frozenset()) -> str:
    if not rows:
        return '<p class="muted">none</p>'
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = []
    for row in rows[:MAX_ROWS]:
        cells = "".join(
            f'<td class="num">{esc(v)}</td>' if i in numeric else f"<td>{esc(v)}</td>"
            for i, v in enumerate(row)
        )
        body.append(f"<tr>{cells}</tr>")
    more = (
        f'<p class="muted">{len(rows) - MAX_ROWS} more rows in the warehouse.</p>'
        if len(rows) > MAX_ROWS
        else ""
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>{more}"


def _script_json(obj) -> str:
    """JSON safe inside a <script> element."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


# ---------------------------------------------------------------------------------------------
# reading the warehouse


def _rows(con, sql: str) -> list[dict]:
    cur = con.execute(sql)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _names(con) -> set[str]:
    """The tables and views of the warehouse."""
    return {
        r[0]
        for r in con.execute(
            "SELECT table_name FROM duckdb_tables() UNION SELECT view_name FROM duckdb_views()"
        ).fetchall()
    }


def _has(con, *names: str) -> bool:
    found = _names(con)
    return all(n in found for n in names)


def _scalar(con, sql: str, default=0):
    try:
        return con.execute(sql).fetchone()[0]
    except duckdb.Error:
        return default


# ---------------------------------------------------------------------------------------------
# one chart


def _x(row) -> int | None:
    return row["period_end"] if row["period_end"] is not None else row["period_start"]


def indicator_figure(
    sources: list[dict], series: list[dict], findings: list[dict], unit: str | None
) -> dict:
    """A plotly figure (plain dict) for one indicator."""
    traces = []
    # sources as points, one trace per status; points at the same year spread apart a little
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for s in sources:
        groups[(_x(s), s["period_part"])].append(s)
    offset = {}
    for members in groups.values():
        n = len(members)
        for i, s in enumerate(members):
            offset[id(s)] = (i - (n - 1) / 2) * min(0.08, 0.5 / max(n, 1))
    for status, colour in STATUS_COLOURS.items():
        pts = [s for s in sources if s["status"] == status and _x(s) is not None]
        if not pts:
            continue
        traces.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": f"source: {status}",
                "legendgroup": "sources",
                "x": [_x(s) + offset[id(s)] for s in pts],
                "y": [s["value"] for s in pts],
                "marker": {
                    "color": colour,
                    "size": 10,
                    "symbol": [BOUND_SYMBOLS.get(s["bound"], "circle") for s in pts],
                    "line": {"width": 1.5, "color": colour},
                },
                "text": [
                    "<b>"
                    + html.escape(s["outlet"] or "outlet not named")
                    + "</b>, "
                    + fmt_date(s["published_date"])
                    + "<br>"
                    + html.escape(fmt_value(s["value"], unit, s["bound"]))
                    + f" ({status}, {html.escape(fmt_period(s['period_start'], s['period_end'], s['period_part']))})"
                    + "<br>“"
                    + hover_wrap(s["quote"])
                    + "”<br>"
                    + html.escape(s["article_file"])
                    + (f"<br>cites {html.escape(s['cited_source'])}" if s["cited_source"] else "")
                    + ("<br>(syndicated copy)" if s["is_syndicated_copy"] else "")
                    for s in pts
                ],
                "hovertemplate": "%{text}<extra></extra>",
            }
        )
    # the chosen values: one line per status class over whole years, markers for parts of a year
    for cls, dash in LINE_DASH.items():
        rows = sorted(
            (r for r in series if r["status_class"] == cls and _x(r) is not None),
            key=lambda r: (_x(r), r["period_part"] or ""),
        )
        if not rows:
            continue
        whole = [r for r in rows if not r["period_part"]]
        parts = [r for r in rows if r["period_part"]]
        for subset, mode, suffix in ((whole, "lines+markers", ""), (parts, "markers", ", part")):
            if not subset:
                continue
            traces.append(
                {
                    "type": "scatter",
                    "mode": mode,
                    "name": f"chosen: {cls}{suffix}",
                    "legendgroup": "chosen",
                    "x": [_x(r) for r in subset],
                    "y": [r["value"] for r in subset],
                    "line": {"color": LINE_COLOURS[cls], "dash": dash, "width": 2},
                    "marker": {"color": LINE_COLOURS[cls], "size": 5, "symbol": "line-ew-open"},
                    "text": [
                        f"<b>chosen {html.escape(fmt_period(r['period_start'], r['period_end'], r['period_part']))}</b>: "
                        + html.escape(fmt_value(r["value"], unit, r["bound"]))
                        + f" ({r['status']}, {r['n_sources']} source{'s' if r['n_sources'] != 1 else ''})"
                        + "<br>"
                        + hover_wrap(r["selection_rule"])
                        for r in subset
                    ],
                    "hovertemplate": "%{text}<extra></extra>",
                }
            )
    conflicts = [r for r in series if r["conflict"] and _x(r) is not None]
    if conflicts:
        traces.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": "sources conflict",
                "x": [_x(r) for r in conflicts],
                "y": [r["value"] for r in conflicts],
                "marker": {
                    "symbol": "x-thin-open",
                    "size": 18,
                    "color": "#d62728",
                    "line": {"width": 3, "color": "#d62728"},
                },
                "text": [
                    "<b>conflict</b><br>" + hover_wrap(r["conflict_detail"]) for r in conflicts
                ],
                "hovertemplate": "%{text}<extra></extra>",
            }
        )
    chosen_at = {(_x(r), r["status_class"]): r["value"] for r in series if not r["period_part"]}
    flagged = []
    for f in findings:
        year = f["period_start"] if f["period_start"] is not None else f["period_end"]
        y = chosen_at.get((year, "reported"))
        if y is None:
            y = next((v for (x, _), v in chosen_at.items() if x == year), None)
        if year is not None and y is not None:
            flagged.append((year, y, f))
    if flagged:
        traces.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": "finding",
                "x": [x for x, _, _ in flagged],
                "y": [y for _, y, _ in flagged],
                "marker": {
                    "symbol": "circle-open",
                    "size": 24,
                    "color": "#e6550d",
                    "line": {"width": 2.5, "color": "#e6550d"},
                },
                "text": [
                    f"<b>{html.escape(f['severity'])}: {html.escape(f['check_name'])}</b><br>"
                    + hover_wrap(f["message"])
                    for _, _, f in flagged
                ],
                "hovertemplate": "%{text}<extra></extra>",
            }
        )
    years = [t for tr in traces for t in tr["x"]]
    layout = {
        "margin": {"l": 70, "r": 20, "t": 10, "b": 40},
        "hovermode": "closest",
        "hoverlabel": {"align": "left"},
        "legend": {"orientation": "h", "y": -0.15},
        "xaxis": {"dtick": 1, "tickformat": "d"},
        "yaxis": {
            "title": {"text": unit or ""},
            "ticksuffix": "%" if unit == "percent" else "",
            "rangemode": "tozero",
            "exponentformat": "SI",
        },
    }
    if years:
        layout["xaxis"]["range"] = [min(years) - 0.6, max(years) + 0.6]
    return {"data": traces, "layout": layout}


# ---------------------------------------------------------------------------------------------
# the page


_CHART_ID = "chart-@K@"  # the chart's element id in a section, numbered when the page is built
SECTION_VERSION = "2"  # part of every section's cache key: change it when a section's HTML does

_SOURCES_SQL = (
    "SELECT o.indicator, o.period_start, o.period_end, o.period_part, "
    "o.status_class, o.value, o.unit, o.bound, s.status, s.outlet, s.published_date, "
    "s.quote, s.article_file, s.cited_source, s.is_syndicated_copy, s.claim_id "
    "FROM observation_sources s JOIN observations o USING (observation_id) "
)


# The sources of the indicators whose digest a report computes (those whose sources changed
# since the last report) are staged in a temporary table by that one join, and the charts of
# those indicators read them from it: one scan of observation_sources instead of two (each reads
# a column of every source: about 1 s of CPU at 100,000 articles). Dropped when the page is built.
_STAGED = "_report_staged_sources"


def _staged(con) -> set[str]:
    """The indicators whose sources are staged on this connection (none when not staged)."""
    try:
        return {r[0] for r in con.execute(f"SELECT DISTINCT indicator FROM {_STAGED}").fetchall()}
    except duckdb.CatalogException:
        return set()


def _drop_staged(con) -> None:
    con.execute(f"DROP TABLE IF EXISTS temp.{_STAGED}")


def _sources(con, indicators: list[str], staged: set[str] | frozenset = frozenset()) -> list[dict]:
    """The source points of these indicators (the MAX_POINTS most recently published each);
    from the staged sources when they hold every one of these (`staged`: their indicators)."""
    if not indicators:
        return []
    src = f"SELECT * FROM {_STAGED} o " if set(indicators) <= set(staged) else _SOURCES_SQL
    cur = con.execute(
        "SELECT indicator, period_start, period_end, period_part, status_class, value, unit, "
        "bound, status, outlet, published_date, quote, article_file, cited_source, "
        f"is_syndicated_copy, claim_id FROM ({src} WHERE o.indicator IN "
        "(SELECT unnest(?::VARCHAR[])) AND o.indicator IN (SELECT DISTINCT indicator FROM series) "
        "QUALIFY row_number() OVER (PARTITION BY o.indicator "
        f"ORDER BY published_date DESC NULLS LAST, claim_id) <= {MAX_POINTS}) "
        "ORDER BY indicator, published_date NULLS LAST, article_file, claim_id",
        [indicators],
    )
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


_DIGEST_COLUMNS = (
    "observation_id, period_start, period_end, period_part, status_class, value, unit, bound, "
    "status, outlet, published_date, quote, article_file, cited_source, is_syndicated_copy, "
    "claim_id"
)


def _source_digests(con, indicators: Iterable[str] | None = None) -> dict[str, str]:
    """{indicator: digest of all its sources' rows} (every source, not only those shown: a
    change anywhere redraws the chart), one aggregate in SQL; of `indicators` only, if given
    (their sources are then staged for the charts, see _STAGED)."""
    if indicators is None:
        rows = con.execute(
            f"SELECT indicator, count(*), sum(hash({_DIGEST_COLUMNS})) FROM ("
            "SELECT o.indicator, o.observation_id, o.period_start, o.period_end, o.period_part, "
            "o.status_class, o.value, o.unit, o.bound, s.status, s.outlet, s.published_date, "
            "s.quote, s.article_file, s.cited_source, s.is_syndicated_copy, s.claim_id "
            "FROM observation_sources s JOIN observations o USING (observation_id) "
            "WHERE o.indicator <> 'unclassified') GROUP BY 1"
        ).fetchall()
        return {ind: f"{n}:{h}" for ind, n, h in rows}
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {_STAGED} AS "
        "SELECT o.indicator, o.observation_id, o.period_start, o.period_end, o.period_part, "
        "o.status_class, o.value, o.unit, o.bound, s.status, s.outlet, s.published_date, "
        "s.quote, s.article_file, s.cited_source, s.is_syndicated_copy, s.claim_id "
        "FROM observation_sources s JOIN observations o USING (observation_id) "
        "WHERE o.indicator <> 'unclassified' AND o.indicator IN (SELECT unnest(?::VARCHAR[]))",
        [sorted(indicators)],
    )
    rows = con.execute(
        f"SELECT indicator, count(*), sum(hash({_DIGEST_COLUMNS})) FROM {_STAGED} GROUP BY 1"
    ).fetchall()
    return {ind: f"{n}:{h}" for ind, n, h in rows}


def _published_changes(con) -> tuple[str | None, str | None, set[str] | None]:
    """(publish id, previous publish id, indicators whose sources changed between the two or
    None for all) recorded in the published file's state (None, None, None without one)."""
    try:
        publish_id, previous = check_scope.publish_ids(con)
        return publish_id, previous, check_scope.source_indicators(con)
    except duckdb.Error:
        return None, None, None


def _current_source_digests(con, cache) -> dict[str, str]:
    """`_source_digests` of every indicator, computed only for the indicators whose sources
    changed when the cache holds the digests of the publish before this one (the published file
    names it, and which indicators the runs since rewrote), or of this very publish."""
    kept = getattr(cache, "source_digests", None)
    kept_id = getattr(cache, "publish_id", None)
    publish_id, previous, changed = _published_changes(con)
    if kept is not None and kept_id and publish_id and kept_id == publish_id:
        digests = dict(kept)
    elif kept is not None and kept_id and previous and kept_id == previous and changed is not None:
        digests = {ind: d for ind, d in kept.items() if ind not in changed}
        if changed:
            digests.update(_source_digests(con, changed))
    else:
        digests = _source_digests(con)
    if hasattr(cache, "source_digests"):
        cache.source_digests, cache.publish_id = digests, publish_id
    return digests


def _section_key(ind: str, source_digest: str | None, data: dict, cat: dict) -> str:
    """What an indicator's section is drawn from, as one digest."""
    payload = [
        SECTION_VERSION,
        duckdb.__version__,
        ind,
        source_digest,
        sorted(cat.items()),
        data.get("series", []),
        data.get("findings", []),
    ]
    return hashlib.sha256(json.dumps(payload, default=str).encode("utf-8")).hexdigest()


def _indicator_section(ind: str, data: dict, cat: dict) -> str:
    """One indicator's section: its chart (element id _CHART_ID), series rows and findings."""
    unit = cat.get("unit") or (data["series"][0]["unit"] if data["series"] else None)
    fig = indicator_figure(data["sources"], data["series"], data["findings"], unit)
    div = _CHART_ID
    config = {"displaylogo": False, "responsive": True}
    parts = []
    parts.append(
        f'<section class="indicator" id="ind-{esc(ind)}">'
        f"<h3>{esc(cat.get('name', ind))}</h3>"
        f'<p class="muted"><code>{esc(ind)}</code> · {esc(unit)} · {esc(cat.get("topic"))}'
        f" · {len(data['sources'])} source figures · x: reference year</p>"
        f'<div class="chart" id="{div}"></div>'
        f"<script>Plotly.newPlot({_script_json(div)},{_script_json(fig['data'])},"
        f"{_script_json(fig['layout'])},{_script_json(config)});</script>"
    )
    rows = [
        [
            fmt_period(r["period_start"], r["period_end"], r["period_part"]),
            fmt_value(r["value"], unit, r["bound"]),
            r["status"],
            r["n_sources"],
            clip_cell(r["values_seen"], "values_seen"),
            "conflict: " + (clip_cell(r["conflict_detail"], "conflict_detail") or "")
            if r["conflict"]
            else "",
        ]
        for r in data["series"]
    ]
    parts.append(
        table_html(
            ["period", "chosen value", "status", "sources", "values seen", "flag"], rows, {3}
        )
    )
    if data["findings"]:
        parts.append(
            "<ul>"
            + "".join(
                f'<li><span class="flag {esc(f["severity"])}">{esc(f["severity"])}</span> '
                f"<b>{esc(f['check_name'])}</b>: {esc(f['message'])}</li>"
                for f in data["findings"]
            )
            + "</ul>"
        )
    parts.append("</section>")
    return "\n".join(parts)


def build_report(
    con_or_path,
    *,
    title: str = "Industrial Internet statistics",
    cache=None,
) -> str:
    """The report page as a string, from an open DuckDB connection or a warehouse path (opened
    read-only).

    `cache` ({indicator: [key, section HTML]} or a SectionCache, updated in place) keeps each indicator's section
    between runs: its key is a digest of everything the section shows (the indicator's sources,
    series rows, findings and catalog entry), so only the sections of indicators whose data
    changed are drawn again, and only their sources are read."""
    if isinstance(con_or_path, str | os.PathLike):
        from pipeline.lib.warehouse import connect_read_only  # bounded as the steps are

        con = connect_read_only(con_or_path)
        try:
            return build_report(con, title=title, cache=cache)
        finally:
            con.close()
    con = con_or_path
    from plotly.offline import get_plotlyjs

    found = _names(con)

    def has(*names: str) -> bool:
        return all(n in found for n in names)

    needed = ("series", "observations", "observation_sources", "findings", "indicator_catalog")
    if not has(*needed):
        raise ValueError(f"the warehouse lacks one of the tables {list(needed)}")

    catalog = {r["indicator_id"]: r for r in _rows(con, "SELECT * FROM indicator_catalog")}
    series = _rows(
        con,
        "SELECT indicator, period_start, period_end, period_part, value, unit, bound, status, "
        "status_class, n_sources, conflict, conflict_detail, selection_rule, values_seen "
        "FROM series ORDER BY indicator, period_start, period_part NULLS FIRST, series_id",
    )
    findings = _rows(
        con,
        "SELECT check_name, severity, indicator, related_indicator, period_start, period_end, "
        "message FROM findings WHERE finding_id IN (SELECT finding_id FROM findings "
        "QUALIFY row_number() OVER (PARTITION BY indicator "
        f"ORDER BY severity DESC, period_start, finding_id) <= {MAX_FINDINGS}) "
        "ORDER BY severity DESC, indicator, period_start, finding_id",
    )
    by_ind: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for r in series:
        by_ind[r["indicator"]]["series"].append(r)
    for f in findings:
        for ind in {f["indicator"], f["related_indicator"]} - {None}:
            by_ind[ind]["findings"].append(f)
    # sources are charted for the indicators of `series` only (a subset of by_ind's)
    charted = [i for i in by_ind if i != "unclassified"]
    keys: dict[str, str] = {}
    _drop_staged(con)
    if cache is not None:
        digests = _current_source_digests(con, cache)
        for ind in charted:
            cat = catalog.get(ind, {})
            keys[ind] = _section_key(ind, digests.get(ind), by_ind[ind], cat)
    entries = {} if cache is None else {i: cache.get(i) or [None, ""] for i in charted}
    redraw = [i for i in charted if cache is None or entries[i][0] != keys[i]]
    cached = {i: entries[i][1] for i in charted if i not in redraw}
    try:
        for s in _sources(con, redraw, _staged(con)):
            by_ind[s["indicator"]]["sources"].append(s)
    finally:
        _drop_staged(con)

    rank = {ind: i for i, ind in enumerate(catalog)}  # the catalog's order: by topic, main first

    def order(ind: str):
        return (rank.get(ind, len(rank)), ind)

    indicators = sorted((i for i in by_ind if i != "unclassified"), key=order)

    n = {
        "articles": _scalar(con, "SELECT count(*) FROM articles"),
        "claims": _scalar(con, "SELECT count(*) FROM claims"),
        "validated": _scalar(con, "SELECT count(*) FROM validated_claims"),
        "quarantined": _scalar(con, "SELECT count(DISTINCT claim_id) FROM quarantine"),
        "observations": _scalar(con, "SELECT count(*) FROM observations"),
        "series rows": len(series),
        "conflicts": sum(1 for r in series if r["conflict"]),
        "findings": len(findings),
        "files rejected": _scalar(con, "SELECT count(*) FROM ingest_rejects"),
    }
    undated = _scalar(con, "SELECT count(*) FROM articles WHERE published_date IS NULL")
    no_outlet = _scalar(con, "SELECT count(*) FROM articles WHERE outlet IS NULL")

    parts = []
    parts.append(f"<h1>{esc(title)}</h1>")
    parts.append(
        f'<p class="muted">Built {dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")} '
        "from the published warehouse. Every point is a source's figure; hover for its "
        "outlet, date and quote. Lines are the value chosen for each period (the "
        "<code>series</code> table): solid for actual or estimated values, dashed for "
        "forecasts, dotted for targets. ○ open marker: about; ▲ more than; ▼ less than. "
        "A red cross marks sources that conflict, an orange ring a finding.</p>"
    )
    parts.append(
        '<div class="kpis">'
        + "".join(f'<div class="kpi"><b>{v}</b>{esc(k)}</div>' for k, v in n.items())
        + "</div>"
    )
    parts.append(
        f'<p class="muted">{undated} of {n["articles"]} articles have no publication date and '
        f"{no_outlet} name no outlet in their header.</p>"
    )
    parts.append(
        '<h2>Indicators</h2><ul class="toc">'
        + "".join(
            f'<li><a href="#ind-{esc(i)}">{esc(catalog[i]["name"] if i in catalog else i)}</a>'
            + (
                ' <span class="flag conflict">conflict</span>'
                if any(r["conflict"] for r in by_ind[i]["series"])
                else ""
            )
            + (
                ' <span class="flag warning">finding</span>'
                if any(f["severity"] == "warning" for f in by_ind[i]["findings"])
                else ""
            )
            + "</li>"
            for i in indicators
        )
        + "</ul>"
        + (
            '<p class="muted">Unclassified claims (no catalog indicator) are not charted: '
            "see <code>claims WHERE indicator = 'unclassified'</code>.</p>"
            if "unclassified" in by_ind
            else ""
        )
    )
    for k, ind in enumerate(indicators):
        if cache is not None and ind not in redraw:
            section = cached[ind]
        else:
            section = _indicator_section(ind, by_ind[ind], catalog.get(ind, {}))
            if cache is not None:
                cache[ind] = [keys[ind], section]
        parts.append(section.replace(_CHART_ID, f"chart-{k}", 2))
    if cache is not None:
        for ind in set(cache) - set(charted):
            del cache[ind]

    # quarantine and rejects
    parts.append("<h2>Quarantine</h2>")
    if has("validation_summary"):
        summary = con.execute(
            "SELECT rule, description, n_checked, n_failed FROM validation_summary "
            "ORDER BY n_failed DESC, rule"
        ).fetchall()
        parts.append(
            table_html(
                ["rule", "requires", "checked", "failed"], [list(r) for r in summary], {2, 3}
            )
        )
    if has("quarantine"):
        q = con.execute(
            "SELECT rule, reason, quote, indicator, article_file FROM quarantine "
            f"ORDER BY rule, article_file, char_start LIMIT {MAX_ROWS}"
        ).fetchall()
        n_q = _scalar(con, "SELECT count(*) FROM quarantine")
        parts.append(f"<p>{n_q} quarantined claim-rule rows{_shown(len(q), n_q)}.</p>")
        parts.append(
            table_html(["rule", "reason", "quote", "indicator", "article"], [list(r) for r in q])
        )
    parts.append("<h2>Ingest rejects</h2>")
    if has("raw_files"):
        outcomes = con.execute(
            "SELECT outcome, count(*) FROM raw_files GROUP BY 1 ORDER BY 2 DESC"
        ).fetchall()
        parts.append(
            "<p>Files under raw/: " + ", ".join(f"{c} {esc(o)}" for o, c in outcomes) + ".</p>"
        )
    if has("ingest_rejects"):
        by_reason = con.execute(
            "SELECT reject_reason, count(*) FROM ingest_rejects GROUP BY 1 ORDER BY 2 DESC, 1"
        ).fetchall()
        parts.append(table_html(["reason", "files"], [list(r) for r in by_reason], {1}))
        rejects = con.execute(
            f"SELECT file_path, reject_reason, detail FROM ingest_rejects ORDER BY file_path "
            f"LIMIT {MAX_ROWS}"
        ).fetchall()
        n_rej = _scalar(con, "SELECT count(*) FROM ingest_rejects")
        if n_rej > len(rejects):
            parts.append(f"<p>{_shown(len(rejects), n_rej).strip('; ')}.</p>")
        parts.append(table_html(["file", "reason", "detail"], [list(r) for r in rejects]))
    if has("articles"):
        parts.append("<h2>Articles</h2>")
        arts = con.execute(
            "SELECT article_file, published_date, date_basis, outlet, title FROM articles "
            f"ORDER BY published_date DESC NULLS LAST, article_file LIMIT {MAX_ROWS}"
        ).fetchall()
        n_art = _scalar(con, "SELECT count(*) FROM articles")
        if n_art > len(arts):
            parts.append(f"<p>{_shown(len(arts), n_art).strip('; ')} (the most recent).</p>")
        parts.append(
            table_html(
                ["article", "published", "date basis", "outlet", "title"],
                [[a, fmt_date(d) if d else "", b, o, t] for a, d, b, o, t in arts],
            )
        )

    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{esc(title)}</title>"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<style>{CSS}</style>"
        f'<script type="text/javascript">{get_plotlyjs()}</script>'
        "</head><body>" + "\n".join(parts) + "</body></html>\n"
    )


def write_report(
    warehouse_path: Path | str,
    out_path: Path | str,
    cache_dir: Path | str | None = None,
    stats: dict | None = None,
) -> Path:
    """Build the report from the warehouse (read-only) and write it atomically to out_path.

    With `cache_dir`, the indicators' sections are kept there between runs (one file each, and
    an index of their keys) and only those whose data changed are drawn again (see
    build_report); a missing or unreadable cache draws every section. `stats`, when given,
    receives the number of charts on the page (`n_charts`)."""
    out = Path(out_path)
    cache = SectionCache(Path(cache_dir)) if cache_dir is not None else None
    page = build_report(Path(warehouse_path), cache=cache)
    if stats is not None:
        stats["n_charts"] = page.count("Plotly.newPlot(")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    tmp.write_text(page, encoding="utf-8")
    os.replace(tmp, out)
    if cache is not None:
        cache.save()
    return out


class SectionCache:
    """Indicator sections kept in a folder: `index.json` ({indicator: key}) and one file per
    section named by its key, read only when used; `save` writes the new sections and the index
    and removes the files no longer listed. Behaves as {indicator: [key, html]} for
    build_report."""

    INDEX = "index.json"

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.keys: dict[str, str] = {}
        self.new: dict[str, str] = {}  # key -> html drawn this run
        # the sources' digests of the publish `publish_id` (see _current_source_digests)
        self.source_digests: dict[str, str] | None = None
        self.publish_id: str | None = None
        try:
            data = json.loads((self.folder / self.INDEX).read_text(encoding="utf-8"))
            if data.get("version") == SECTION_VERSION and isinstance(data.get("keys"), dict):
                self.keys = {str(k): str(v) for k, v in data["keys"].items()}
                sources = data.get("sources")
                if data.get("duckdb") == duckdb.__version__ and isinstance(sources, dict):
                    self.source_digests = {str(k): str(v) for k, v in sources.items()}
                    self.publish_id = data.get("publish_id") or None
        except (OSError, ValueError, AttributeError):
            self.keys = {}
            self.source_digests = self.publish_id = None

    def _file(self, key: str) -> Path:
        return self.folder / f"{key}.html"

    def get(self, ind: str, default=None):
        key = self.keys.get(ind)
        if key is None:
            return default
        if key in self.new:
            return [key, self.new[key]]
        try:
            return [key, self._file(key).read_text(encoding="utf-8")]
        except OSError:
            return [None, ""]  # a lost file: the section is drawn again

    def __getitem__(self, ind: str):
        found = self.get(ind)
        if found is None:
            raise KeyError(ind)
        return found

    def __setitem__(self, ind: str, value) -> None:
        key, html_text = value
        self.keys[ind] = key
        self.new[key] = html_text

    def __delitem__(self, ind: str) -> None:
        del self.keys[ind]

    def __iter__(self):
        return iter(list(self.keys))

    def __contains__(self, ind: str) -> bool:
        return ind in self.keys

    def save(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        for key, html_text in self.new.items():
            if key in self.keys.values():
                _atomic_write(self._file(key), html_text)
        _atomic_write(
            self.folder / self.INDEX,
            json.dumps(
                {
                    "version": SECTION_VERSION,
                    "keys": self.keys,
                    "duckdb": duckdb.__version__,
                    "publish_id": self.publish_id,
                    "sources": self.source_digests,
                },
                sort_keys=True,
            ),
        )
        listed = {f"{k}.html" for k in self.keys.values()}
        for path in self.folder.glob("*.html"):
            if path.name not in listed:
                path.unlink(missing_ok=True)
        self.new = {}


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
