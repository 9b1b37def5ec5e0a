"""The analysts' views on a small warehouse: latest_values carries its source, the pairs of
disagreeing sources, and a comment on every view column."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from warehouse_helpers import build_warehouse

from pipeline.metadata.views import VIEWS

A = (
    "Platforms keep growing\nPublished: 2022-09-11 | Source: First Daily\n\n"
    "More than 150 industrial Internet platforms with regional and industry influence had been "
    "built by 2022, and the added value of the industrial Internet industry reached 4.1 "
    "trillion yuan in 2021.\n"
)
B = (
    "A later report\nPublished: 2022-11-07\n\n"
    "More than 150 industrial Internet platforms with regional and industry influence had been "
    "built by 2022. The added value of the industrial Internet industry reached 3.6 trillion "
    "yuan in 2021.\n"
)


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    raw = tmp_path_factory.mktemp("raw")
    (raw / "a.txt").write_text(A, encoding="utf-8")
    (raw / "b.txt").write_text(B, encoding="utf-8")
    path = build_warehouse(raw, Path(tmp_path_factory.mktemp("wh")) / "w.duckdb")
    c = duckdb.connect(str(path), read_only=True)
    yield c
    c.close()


def test_every_view_column_has_a_comment(con):
    for view in VIEWS:
        rows = con.execute(
            "SELECT column_name, comment FROM duckdb_columns() WHERE table_name = ?", [view.name]
        ).fetchall()
        assert rows, view.name
        assert [c for c, comment in rows if not comment] == [], view.name
        assert con.execute(
            "SELECT comment FROM duckdb_views() WHERE view_name = ?", [view.name]
        ).fetchone()[0]


def test_latest_values_carries_observation_quote_outlet_and_date(con):
    row = con.execute(
        "SELECT observation_id, quote, outlet, published_date, article_file, n_sources "
        "FROM latest_values WHERE indicator = 'iip_platforms_influential'"
    ).fetchone()
    obs_id, quote, outlet, published, article, n_sources = row
    assert n_sources == 2
    assert (
        con.execute(
            "SELECT observation_id FROM series WHERE indicator = 'iip_platforms_influential'"
        ).fetchone()[0]
        == obs_id
    )
    # the most recent source: b.txt, which names no outlet
    assert (article, str(published), outlet) == ("b.txt", "2022-11-07", None)
    assert quote == "More than 150 industrial Internet platforms"


def test_one_row_per_pair_of_differing_sources(con):
    rows = con.execute(
        "SELECT indicator, period_start, conflict, outlet_a, published_date_a, value_a, quote_a, "
        "outlet_b, published_date_b, value_b, quote_b FROM source_pairs_disagreeing"
    ).fetchall()
    assert len(rows) == 1  # the platforms agree; the 2021 added value differs
    ind, year, conflict, *sides = rows[0]
    assert (ind, year, conflict) == ("iip_added_value", 2021, True)
    side_a, side_b = sides[:4], sides[4:]
    values = sorted([side_a[2], side_b[2]])
    assert values == [3.6e12, 4.1e12]
    assert {side_a[0], side_b[0]} == {"First Daily", None}
    assert all("trillion" in s[3] for s in (side_a, side_b))
