"""The warehouse module: declared tables round-trip through DuckDB with comments, and publishing
is all-or-nothing."""

from __future__ import annotations

import subprocess
import sys

import duckdb
import pandas as pd
import pytest

from pipeline.lib import warehouse
from pipeline.metadata.classes import Field, Resource

THINGS = Resource(
    name="things",
    layer="test",
    description="Things, for the test.",
    primary_key=("id",),
    fields=(
        Field("id", "string", "Id.", required=True),
        Field("n", "integer", "A count.", unit="count", ge=0),
        Field("day", "date", "A day."),
        Field("kind", "string", "A kind.", enum=("a", "b")),
    ),
)


def frame():
    return pd.DataFrame(
        {"id": ["x", "y"], "n": [1, None], "day": ["2022-09-11", None], "kind": ["a", None]}
    )


def test_write_and_read_round_trip(tmp_path):
    con = warehouse.connect(tmp_path / "w.duckdb")
    assert warehouse.write_table(con, THINGS, frame()) == 2
    back = warehouse.read_table(con, THINGS)
    assert back["id"].tolist() == ["x", "y"]
    assert back["n"].tolist()[0] == 1 and pd.isna(back["n"].tolist()[1])
    types = dict(
        con.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name='things'"
        ).fetchall()
    )
    assert types == {"id": "VARCHAR", "n": "INTEGER", "day": "DATE", "kind": "VARCHAR"}
    comments = dict(
        con.execute(
            "SELECT column_name, comment FROM duckdb_columns() WHERE table_name='things'"
        ).fetchall()
    )
    assert comments["n"] == "A count. Unit: count."
    assert "One of: a, b." in comments["kind"]
    assert (
        con.execute("SELECT comment FROM duckdb_tables() WHERE table_name='things'").fetchone()[0]
        == "Things, for the test."
    )


def test_write_rejects_a_frame_missing_a_column(tmp_path):
    con = warehouse.connect(tmp_path / "w.duckdb")
    with pytest.raises(ValueError, match="lacks columns"):
        warehouse.write_table(con, THINGS, frame().drop(columns=["kind"]))


def _published(tmp_path, rows):
    build = tmp_path / ".build" / "w.duckdb"
    con = warehouse.connect(build)
    warehouse.write_table(con, THINGS, frame().head(rows))
    con.close()
    return build


READER = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == "ro")
for line in sys.stdin:
    print(con.execute("SELECT count(*) FROM things").fetchone()[0], flush=True)
"""


@pytest.mark.parametrize("mode", ["ro", "rw"])
def test_publish_replaces_the_file_while_another_process_holds_it(tmp_path, mode):
    published = tmp_path / "w.duckdb"
    warehouse.publish(_published(tmp_path, 1), published, required_tables=["things"])
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(published), mode],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        reader.stdin.write("?\n")
        reader.stdin.flush()
        assert reader.stdout.readline().strip() == "1"
        counts = warehouse.publish(_published(tmp_path, 2), published, required_tables=["things"])
        assert counts == {"things": 2}
        # the reader keeps the snapshot it opened; a new connection sees the new file
        reader.stdin.write("?\n")
        reader.stdin.flush()
        assert reader.stdout.readline().strip() == "1"
        fresh = duckdb.connect(str(published), read_only=True)
        assert fresh.execute("SELECT count(*) FROM things").fetchone()[0] == 2
        fresh.close()
    finally:
        reader.stdin.close()
        reader.wait(timeout=30)


def test_publish_refuses_an_incomplete_build_and_leaves_the_published_file(tmp_path):
    published = tmp_path / "w.duckdb"
    warehouse.publish(_published(tmp_path, 1), published, required_tables=["things"])
    before = published.read_bytes()
    build = _published(tmp_path, 2)
    with pytest.raises(warehouse.WarehouseError, match="lacks tables"):
        warehouse.publish(build, published, required_tables=["things", "other"])
    with pytest.raises(warehouse.WarehouseError, match="no y"):
        warehouse.publish(
            build,
            published,
            required_tables=["things"],
            integrity_sql={"no y": "SELECT id FROM things WHERE id = 'y'"},
        )
    assert published.read_bytes() == before
    assert not list(tmp_path.glob(".w.duckdb.publishing-*"))


ARTICLES = Resource(
    name="articles",
    layer="test",
    description="Articles, for the test.",
    fields=(Field("article_file", "string", "File.", required=True),),
)


def test_an_empty_build_does_not_replace_a_warehouse_with_articles(tmp_path):
    published = tmp_path / "w.duckdb"
    build = tmp_path / ".build" / "w.duckdb"
    con = warehouse.connect(build)
    warehouse.write_table(con, ARTICLES, pd.DataFrame({"article_file": ["a.txt"]}))
    con.close()
    warehouse.publish(build, published, required_tables=["articles"])
    con = warehouse.connect(build)
    warehouse.write_table(con, ARTICLES, pd.DataFrame({"article_file": []}))
    con.close()
    with pytest.raises(warehouse.WarehouseError, match="no articles"):
        warehouse.publish(build, published, required_tables=["articles"])
    published.unlink()  # deleting it first publishes an empty warehouse on purpose
    assert warehouse.publish(build, published, required_tables=["articles"]) == {"articles": 0}
