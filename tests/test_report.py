"""The report: built from a small warehouse made here, self-contained, with a chart per indicator;
opened in headless Chromium it draws every chart with no console error."""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import dagster as dg
import duckdb
import pytest
from warehouse_helpers import build_warehouse

from pipeline.lib.report import build_report, write_report

REPO = Path(__file__).resolve().parent.parent
SEEDS = sorted((REPO / "raw").glob("*.txt"))

CONFLICTING = (
    "Industrial Internet keeps growing\n"
    "Published: 2023-02-01 | Source: Example Daily\n\n"
    "The added value of the industrial Internet industry reached 4.6 trillion yuan in 2021, "
    "according to the alliance. It is expected to reach 5 trillion yuan in 2023.\n"
)


@pytest.fixture(scope="module")
def small_warehouse(tmp_path_factory) -> Path:
    raw = tmp_path_factory.mktemp("raw")
    for seed in SEEDS[:3]:
        shutil.copy(seed, raw / seed.name)
    (raw / "zz_conflicting.txt").write_text(CONFLICTING, encoding="utf-8")
    (raw / "empty.txt").write_bytes(b"")
    return build_warehouse(raw, tmp_path_factory.mktemp("wh") / "w.duckdb")


@pytest.fixture(scope="module")
def page(small_warehouse) -> str:
    return build_report(small_warehouse)


def _charted(path: Path) -> list[str]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return [
            r[0]
            for r in con.execute(
                "SELECT DISTINCT indicator FROM series WHERE indicator <> 'unclassified'"
            ).fetchall()
        ]
    finally:
        con.close()


def test_the_small_warehouse_has_a_conflict_and_a_pair_of_disagreeing_sources(small_warehouse):
    con = duckdb.connect(str(small_warehouse), read_only=True)
    try:
        assert (
            con.execute(
                "SELECT count(*) FROM series WHERE indicator = 'iip_added_value' AND period_start = 2021 "
                "AND conflict"
            ).fetchone()[0]
            == 1
        )
        pairs = con.execute(
            "SELECT outlet_a, value_a, quote_a, outlet_b, value_b, quote_b, conflict "
            "FROM source_pairs_disagreeing WHERE indicator = 'iip_added_value' "
            "AND period_start = 2021 AND (outlet_a = 'Example Daily' OR outlet_b = 'Example Daily')"
        ).fetchall()
    finally:
        con.close()
    assert pairs and all(p[-1] for p in pairs if 4.6e12 in (p[1], p[4]) and 4.1e12 in (p[1], p[4]))
    assert any("4.6 trillion" in (p[2] + p[5]) for p in pairs)


def test_report_has_a_chart_per_indicator_and_the_summaries(small_warehouse, page):
    charted = _charted(small_warehouse)
    assert charted
    assert page.count("Plotly.newPlot(") == len(charted)
    for ind in charted:
        assert f'id="ind-{ind}"' in page
    # sources with outlet, date and quote in the hover text; conflicts and forecasts marked
    assert "Example Daily" in page and "2023-02-01" in page and "4.6 trillion yuan" in page
    assert "sources conflict" in page and "chosen: forecast" in page
    assert "<h2>Quarantine</h2>" in page and "<h2>Ingest rejects</h2>" in page
    assert "empty.txt" in page


def test_report_is_self_contained(page):
    assert page.count("<script") == page.count("Plotly.newPlot(") + 1  # plotly.js inlined once
    assert not re.search(r"<script[^>]*\bsrc=", page)
    assert not re.search(r"<link\b", page)
    assert "cdn.plot.ly" not in page.split("</script>", 1)[1]


def test_report_escapes_what_the_articles_say(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(
        "Title </script><b>bold</b>\nPublished: 2023-02-01 | Source: A </script> Outlet\n\n"
        "The added value of the industrial Internet industry reached 4.6 trillion yuan in 2021.\n",
        encoding="utf-8",
    )
    page = build_report(build_warehouse(raw, tmp_path / "w.duckdb"))
    body = page.split("</head>", 1)[1]
    assert "</script><b>" not in body
    assert "<b>bold</b>" not in body


def test_write_report_reads_the_warehouse_read_only(small_warehouse, tmp_path):
    con = duckdb.connect(str(small_warehouse), read_only=True)  # a reader holds it open
    try:
        out = write_report(small_warehouse, tmp_path / "report.html")
    finally:
        con.close()
    assert out.stat().st_size > 1_000_000  # plotly.js is inlined


def test_report_asset_writes_beside_the_published_warehouse(small_warehouse, tmp_path):
    from pipeline.defs.report import report
    from pipeline.defs.resources import PipelineSettings

    published = tmp_path / "pub" / "w.duckdb"
    published.parent.mkdir()
    shutil.copy(small_warehouse, published)
    result = dg.materialize(
        [report], resources={"settings": PipelineSettings(warehouse_path=str(published))}
    )
    assert result.success
    assert (published.parent / "report.html").stat().st_size > 1_000_000


def test_report_asset_is_in_the_publish_group_after_the_warehouse():
    from pipeline.definitions import defs

    graph = defs().resolve_asset_graph()
    node = graph.get(dg.AssetKey("report"))
    assert node.group_name == "publish"
    assert dg.AssetKey("published_warehouse") in node.parent_keys


# ---------------------------------------------------------------------------------------------
# headless Chromium

CAPTURE = (
    "<script>window.__errors=[];"
    "window.addEventListener('error',function(e){window.__errors.push(String(e.message))});"
    "(function(){var ce=console.error;console.error=function(){"
    "window.__errors.push(Array.prototype.map.call(arguments,String).join(' '));"
    "ce.apply(console,arguments)}})();"
    "window.addEventListener('load',function(){var d=document.createElement('pre');"
    "d.id='console-errors';d.textContent=JSON.stringify(window.__errors);"
    "document.body.appendChild(d)});</script>"
)


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip(
        "headless Chromium not installed (Debian: apt-get install chromium); "
        "the report's rendering is not checked"
    )


def _run_chromium(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            _chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
            "--virtual-time-budget=10000",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )


def _png_is_not_blank(path: Path) -> bool:
    """True when the PNG's pixel rows hold more than a couple of distinct byte values."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        if kind == b"IDAT":
            idat += data[pos + 8 : pos + 8 + length]
        pos += 12 + length
    return len(set(zlib.decompress(idat))) > 16


def test_report_renders_in_headless_chromium(small_warehouse, page, tmp_path):
    chromium = _chromium()
    assert chromium
    html_path = tmp_path / "report.html"
    html_path.write_text(page.replace("<head>", "<head>" + CAPTURE, 1), encoding="utf-8")
    dom = _run_chromium("--dump-dom", html_path.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    m = re.search(r'<pre id="console-errors">(.*?)</pre>', dom.stdout, flags=re.S)
    assert m, "the page did not finish loading"
    assert json.loads(m.group(1).replace("&quot;", '"')) == []
    charts = re.findall(r'<div class="chart[^"]*" id="chart-\d+"', dom.stdout)
    assert len(charts) == page.count("Plotly.newPlot(")
    # plotly drew each chart: an SVG per chart with the sources as points
    assert dom.stdout.count('class="main-svg"') >= len(charts)
    assert dom.stdout.count('class="point"') >= len(charts)

    shot = tmp_path / "report.png"
    res = _run_chromium("--window-size=1200,1600", f"--screenshot={shot}", html_path.as_uri())
    assert res.returncode == 0, res.stderr[-2000:]
    assert _png_is_not_blank(shot)


def test_the_section_cache_redraws_only_changed_indicators(small_warehouse, tmp_path):
    """Sections kept between runs give the same page; a section whose key no longer matches
    its indicator's data is drawn again, one whose key matches is reused as it is."""
    cache_dir = tmp_path / "sections"

    def page_of():
        out = write_report(small_warehouse, tmp_path / "report.html", cache_dir=cache_dir)
        return re.sub(r"Built [^<]*UTC", "Built", out.read_text(encoding="utf-8"))

    fresh = re.sub(r"Built [^<]*UTC", "Built", build_report(small_warehouse))
    assert page_of() == fresh
    index = json.loads((cache_dir / "index.json").read_text(encoding="utf-8"))
    files = sorted(p.name for p in cache_dir.glob("*.html"))
    assert files == sorted(f"{k}.html" for k in index["keys"].values())
    ind = sorted(index["keys"])[0]
    kept = cache_dir / f"{index['keys'][ind]}.html"
    kept.write_text(kept.read_text(encoding="utf-8").replace("source figures", "KEPT"), "utf-8")
    assert "KEPT" in page_of()
    index["keys"][ind] = "a key of other data"
    (cache_dir / "index.json").write_text(json.dumps(index), encoding="utf-8")
    assert page_of() == fresh
    assert not (cache_dir / "a key of other data.html").exists()
    assert sorted(p.name for p in cache_dir.glob("*.html")) == files


def test_the_sources_digest_is_recomputed_only_for_the_indicators_that_changed(
    small_warehouse, tmp_path
):
    """With the digests of the publish before, only the indicators the runs since recorded are
    aggregated again; the page is the one a fresh drawing gives. An unrecorded change is not
    seen (the digest of the other indicators is taken as it was), which is why every writer of
    the sources records its indicators."""
    from pipeline.lib.report import build as report_build
    from pipeline.lib.state import check_scope
    from pipeline.lib.state.tables import ensure_state

    path = tmp_path / "w.duckdb"
    shutil.copy(small_warehouse, path)
    cache_dir = tmp_path / "sections"

    def publish(changed) -> None:
        con = duckdb.connect(str(path))
        try:
            ensure_state(con)
            if changed is not None:
                check_scope.record_source_indicators(con, changed)
            check_scope.stamp_publish(con)
        finally:
            con.close()

    def page_of():
        out = write_report(path, tmp_path / "report.html", cache_dir=cache_dir)
        return re.sub(r"Built [^<]*UTC", "Built", out.read_text(encoding="utf-8"))

    def fresh():
        return re.sub(r"Built [^<]*UTC", "Built", build_report(path))

    publish(None)
    assert page_of() == fresh()
    first = json.loads((cache_dir / "index.json").read_text(encoding="utf-8"))
    assert first["publish_id"] and first["sources"]
    ind = sorted(first["sources"])[0]
    con = duckdb.connect(str(path))
    try:
        check_scope.clear_after_publish(con)  # as the next build
        con.execute(
            "UPDATE observation_sources SET quote = quote || ' (changed)' WHERE observation_id "
            "IN (SELECT observation_id FROM observations WHERE indicator = ?)",
            [ind],
        )
    finally:
        con.close()
    publish([ind])
    asked: list = []
    real = report_build._source_digests

    def spy(con, indicators=None):
        asked.append(None if indicators is None else sorted(indicators))
        return real(con, indicators)

    report_build._source_digests = spy
    try:
        assert page_of() == fresh()
        assert asked[0] == [ind]  # page_of: only the changed indicator (fresh() asks no digest)
        again = json.loads((cache_dir / "index.json").read_text(encoding="utf-8"))
        assert again["sources"][ind] != first["sources"][ind]
        assert again["sources"] == real(duckdb.connect(str(path), read_only=True))
        asked.clear()
        assert page_of() == fresh()  # the same publish again: nothing aggregated
        assert asked == []
    finally:
        report_build._source_digests = real


def test_long_cells_of_the_series_table_are_cut_with_what_is_left_named():
    from pipeline.lib.report.build import clip_cell

    assert clip_cell(None, "values_seen") is None
    assert clip_cell("1 unit actual [1 source]", "values_seen") == "1 unit actual [1 source]"
    long = "; ".join(f"{i} units actual [1 source]" for i in range(1000))
    cut = clip_cell(long, "values_seen", limit=100)
    kept = cut.split(" … ")[0]
    assert long.startswith(kept) and len(kept) <= 100 and not kept.endswith(";")
    assert cut.endswith(f"({len(long) - len(kept):,} more characters in series.values_seen)")
