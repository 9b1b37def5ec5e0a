"""`python -m pipeline export DIR`: the curated tables and views as CSV or Parquet, read-only."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import duckdb
import pytest
from warehouse_helpers import build_warehouse

from pipeline.__main__ import main as pipeline_main
from pipeline.cli_export import TABLES
from pipeline.metadata.views import VIEWS

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    raw = tmp_path_factory.mktemp("raw")
    for seed in sorted((REPO / "raw").glob("*.txt"))[:2]:
        shutil.copy(seed, raw / seed.name)
    return build_warehouse(raw, tmp_path_factory.mktemp("wh") / "w.duckdb")


def _count(path: Path, name: str) -> int:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
    finally:
        con.close()


def test_csv_export_of_every_table_and_view(published, tmp_path, capsys):
    before = published.read_bytes()
    out = tmp_path / "csv"
    assert pipeline_main(["export", str(out), "--warehouse", str(published)]) == 0
    printed = capsys.readouterr().out
    names = list(TABLES) + [v.name for v in VIEWS]
    for name in names:
        path = out / f"{name}.csv"
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        assert len(rows) == _count(published, name), name
        assert f"{name}.csv: {len(rows)} rows" in printed
    with (out / "articles.csv").open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    assert "text" not in header and "article_file" in header
    with (out / "_columns.csv").open(encoding="utf-8", newline="") as fh:
        columns = list(csv.DictReader(fh))
    assert {c["file"] for c in columns} == set(names)
    assert all(c["description"] for c in columns)
    assert not any(c["file"] == "articles" and c["column"] == "text" for c in columns)
    assert published.read_bytes() == before  # read-only


def test_parquet_export_while_a_reader_holds_the_warehouse(published, tmp_path):
    reader = duckdb.connect(str(published), read_only=True)
    try:
        out = tmp_path / "pq"
        assert (
            pipeline_main(
                ["export", str(out), "--format", "parquet", "--warehouse", str(published)]
            )
            == 0
        )
    finally:
        reader.close()
    con = duckdb.connect()
    got = con.execute(f"SELECT count(*) FROM read_parquet('{out / 'series.parquet'}')").fetchone()[
        0
    ]
    assert got == _count(published, "series")
    cols = [
        r[0]
        for r in con.execute(
            f"DESCRIBE SELECT * FROM read_parquet('{out / 'latest_values.parquet'}')"
        ).fetchall()
    ]
    assert {"observation_id", "quote", "outlet", "published_date"} <= set(cols)


def test_export_without_a_warehouse_says_so(tmp_path, capsys):
    assert (
        pipeline_main(["export", str(tmp_path / "x"), "--warehouse", str(tmp_path / "no.duckdb")])
        == 2
    )
    assert "no warehouse" in capsys.readouterr().err
