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


def test_publish_renames_the_build_and_leaves_a_copy_as_the_next_build(tmp_path):
    """No full copy is flushed to disk at publish: the checked build itself is renamed over the
    published file and a copy made meanwhile becomes the next build (another file: what the
    next run writes never reaches readers). A missing build is copied back from the published
    file (a publish killed between its two renames)."""
    import os

    published = tmp_path / "w.duckdb"
    build = _published(tmp_path, 2)
    warehouse.publish(build, published, required_tables=["things"])
    assert build.read_bytes() == published.read_bytes()
    assert os.stat(build).st_ino != os.stat(published).st_ino
    con = warehouse.connect(build)
    con.execute("DELETE FROM things")
    con.close()
    check = duckdb.connect(str(published), read_only=True)
    assert check.execute("SELECT count(*) FROM things").fetchone()[0] == 2
    check.close()
    build.unlink()
    assert warehouse.restore_build(build, published)
    assert build.read_bytes() == published.read_bytes()
    assert not warehouse.restore_build(build, published)
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


# ---------------------------------------------------------------------------------------------
# Issue 12: fail closed, never mixed, no leftovers, the real cause of a full disk


def _articles_build(tmp_path, names, raw_dir=None):
    build = tmp_path / ".build" / "w.duckdb"
    con = warehouse.connect(build)
    provenance = {"raw_dir": raw_dir, "run_id": "r"} if raw_dir else None
    warehouse.write_table(con, ARTICLES, pd.DataFrame({"article_file": names}), provenance)
    con.close()
    return build


def test_a_read_write_holder_does_not_let_an_empty_build_through(tmp_path):
    """The guard used to read a lock error as "0 articles" and publish an empty warehouse."""
    published = tmp_path / "w.duckdb"
    warehouse.publish(_articles_build(tmp_path, ["a.txt"]), published, required_tables=["articles"])
    before = published.read_bytes()
    empty = _articles_build(tmp_path, [])
    holder = subprocess.Popen(
        [sys.executable, "-c", READER.replace("things", "articles"), str(published), "rw"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        holder.stdin.write("?\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "1"
        with pytest.raises(warehouse.WarehouseError, match="cannot read the published"):
            warehouse.publish(empty, published, required_tables=["articles"])
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert published.read_bytes() == before


def test_a_build_whose_tables_come_from_two_raw_folders_is_refused(tmp_path):
    published = tmp_path / "w.duckdb"
    build = _articles_build(tmp_path, ["a.txt"], raw_dir="/data/A")
    con = warehouse.connect(build)
    warehouse.write_table(con, THINGS, frame(), {"raw_dir": "/data/B", "run_id": "s"})
    con.close()
    with pytest.raises(warehouse.WarehouseError, match="mixes runs"):
        warehouse.publish(build, published, required_tables=["articles", "things"])
    assert not published.exists()
    con = warehouse.connect(build)
    warehouse.write_table(con, THINGS, frame(), {"raw_dir": "/data/A", "run_id": "s"})
    con.close()
    counts = warehouse.publish(build, published, required_tables=["articles", "things"])
    assert counts["articles"] == 1 and counts[warehouse.BUILD_INFO] == 2


def test_articles_without_a_raw_files_row_break_an_integrity_rule(tmp_path):
    """raw_files from folder A with articles from folder B was published (5 of 16 trials)."""
    from pipeline.metadata.views import INTEGRITY_SQL

    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    con.execute(
        "CREATE TABLE raw_files (file_path VARCHAR, outcome VARCHAR, article_file VARCHAR, "
        "reject_reason VARCHAR, sha256 VARCHAR)"
    )
    con.execute("CREATE TABLE articles (article_file VARCHAR, sha256 VARCHAR)")
    con.execute("INSERT INTO raw_files VALUES ('a.txt', 'article', 'a.txt', NULL, 'h1')")
    con.execute("INSERT INTO articles VALUES ('a.txt', 'h1')")
    rule = INTEGRITY_SQL["articles come from raw_files"]
    assert con.execute(rule).fetchall() == []
    con.execute("INSERT INTO articles VALUES ('b.txt', 'h2')")  # from another folder
    con.execute("UPDATE articles SET sha256 = 'other' WHERE article_file = 'a.txt'")  # same name
    assert sorted(con.execute(rule).fetchall()) == [("a.txt",), ("b.txt",)]


def test_claims_and_mentions_of_a_missing_article_break_an_integrity_rule():
    """The rules compare distinct article_file values: a row of an article that is not in
    `articles` (or with no article at all) fails them, as joining every row did."""
    from pipeline.metadata.views import INTEGRITY_SQL

    con = duckdb.connect()
    con.execute("CREATE TABLE articles (article_file VARCHAR)")
    con.execute("INSERT INTO articles VALUES ('a.txt')")
    for table, rule in (
        ("claims", "claims reference articles"),
        ("quantity_mentions", "mentions reference articles"),
    ):
        con.execute(f"CREATE TABLE {table} (claim_id VARCHAR, article_file VARCHAR)")
        con.execute(f"INSERT INTO {table} VALUES ('c1', 'a.txt'), ('c2', 'a.txt')")
        assert con.execute(INTEGRITY_SQL[rule]).fetchall() == []
        con.execute(f"INSERT INTO {table} VALUES ('c3', 'gone.txt'), ('c4', NULL)")
        bad = con.execute(INTEGRITY_SQL[rule]).fetchall()
        assert sorted(bad, key=str) == [("gone.txt",), (None,)]


def test_stale_publishing_temporaries_are_removed(tmp_path):
    published = tmp_path / "w.duckdb"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], check=True,
                          capture_output=True, text=True)  # fmt: skip
    stale = tmp_path / f".w.duckdb.publishing-{int(dead.stdout)}"
    stale.write_bytes(b"partial copy")
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        in_use = tmp_path / f".w.duckdb.publishing-{live.pid}"
        in_use.write_bytes(b"another run's copy, being written")
        warehouse.publish(_published(tmp_path, 1), published, required_tables=["things"])
        assert not stale.exists()
        assert in_use.exists()
    finally:
        live.kill()
        live.wait()


def test_the_run_lock_is_exclusive_across_processes_and_reentrant(tmp_path):
    from pipeline.lib import run_guard

    published = tmp_path / "w.duckdb"
    code = (
        "import sys, time\n"
        "from pipeline.lib.run_guard import exclusive_run\n"
        f"with exclusive_run({str(published)!r}):\n"
        "    print('held', flush=True)\n"
        "    sys.stdin.readline()\n"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        waits = []
        with pytest.raises(TimeoutError):
            with run_guard.exclusive_run(published, wait_message=waits.append, timeout_s=1):
                pass
        assert waits and f"pid {holder.pid}" in waits[0]
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    with run_guard.exclusive_run(published, timeout_s=10):
        # publish takes the same lock: re-entrant in one process
        warehouse.publish(_published(tmp_path, 1), published, required_tables=["things"])


@pytest.fixture
def small_disk(tmp_path):
    """A 6 MB tmpfs (root only)."""
    import os

    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mount = tmp_path / "small_disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


BLOB = Resource(
    name="blob",
    layer="test",
    description="Big rows.",
    fields=(Field("t", "string", "Text.", required=True),),
)


def test_a_full_disk_says_so_and_leaves_the_published_file(small_disk):
    import dagster as dg

    from pipeline.lib import run_guard
    from pipeline.run_report import failure_lines

    published = small_disk / "w.duckdb"
    warehouse.publish(_published(small_disk, 1), published, required_tables=["things"])
    before = published.read_bytes()
    build = small_disk / ".build" / "w.duckdb"
    big = pd.DataFrame({"t": [f"row {i} " * 400 for i in range(4000)]})  # about 12 MB

    @dg.op
    def write_big():
        con = warehouse.connect(build)
        try:
            warehouse.write_table(con, BLOB, big, {"raw_dir": "/raw", "run_id": "r"})
        finally:
            con.close()

    @dg.job
    def fill_the_disk():
        write_big()

    result = fill_the_disk.execute_in_process(raise_on_error=False)
    assert not result.success
    lines = failure_lines(result)
    assert len(lines) == 1, lines
    assert lines[0].startswith("failed step write_big: OSError: [Errno 28] No space left on device")
    assert "cannot rollback" not in lines[0]
    assert published.read_bytes() == before
    note = run_guard.release_build_after_failure(build, lines)
    assert note and not build.exists()


RESTORER = """
import sys
from pipeline.lib import warehouse
print("ready", flush=True)
sys.stdin.readline()
print(warehouse.restore_build(sys.argv[1], sys.argv[2]), flush=True)
"""


def test_a_background_publish_puts_the_next_build_in_place_later_and_runs_wait_for_it(
    tmp_path, monkeypatch
):
    """With `background`, publish returns once the published file is in place; the copy for the
    next build finishes in a thread (then `after_copy` runs on it). Another process that needs
    the build meanwhile waits for that copy (a lock) instead of copying again; the file the
    rename replaced is freed (its second name removed), nothing is left beside the file."""
    import os
    import threading
    import time

    published = tmp_path / "w.duckdb"
    warehouse.publish(_published(tmp_path, 1), published, required_tables=["things"])
    old_inode = os.stat(published).st_ino
    build = _published(tmp_path, 2)
    release = threading.Event()
    real_copy = warehouse.copy_file

    def slow_copy(src, dst, cancel=None):
        release.wait(30)
        real_copy(src, dst, cancel)

    monkeypatch.setattr(warehouse, "copy_file", slow_copy)
    seen: list[int] = []

    def after(path):
        con = warehouse.connect(path)
        seen.append(con.execute("SELECT count(*) FROM things").fetchone()[0])
        con.close()

    counts = warehouse.publish(
        build, published, required_tables=["things"], background=True, after_copy=after
    )
    assert counts == {"things": 2}
    assert os.stat(published).st_ino != old_inode
    check = duckdb.connect(str(published), read_only=True)
    assert check.execute("SELECT count(*) FROM things").fetchone()[0] == 2
    check.close()
    assert not build.exists()  # the copy waits for `release`
    other = subprocess.Popen(
        [sys.executable, "-c", RESTORER, str(build), str(published)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout.readline().strip() == "ready"
        other.stdin.write("go\n")
        other.stdin.flush()
        time.sleep(0.5)  # it reaches restore_build, and waits for the copy
        assert other.poll() is None
        release.set()
        assert warehouse.wait_for_next_build() is None
        out = other.communicate(timeout=60)[0].split()
    finally:
        other.kill()
    assert out == ["False"]  # it found the build the thread put in place, and copied nothing
    assert seen == [2]
    assert build.read_bytes() == published.read_bytes()
    assert warehouse.wait_for_next_build() is None  # nothing pending any more
    left = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("."))
    assert left == [".build"], left


def test_a_background_publish_that_fails_its_checks_stops_the_copy(tmp_path):
    published = tmp_path / "w.duckdb"
    warehouse.publish(_published(tmp_path, 1), published, required_tables=["things"])
    before = published.read_bytes()
    build = _published(tmp_path, 2)
    build_before = build.read_bytes()
    with pytest.raises(warehouse.WarehouseError, match="no y"):
        warehouse.publish(
            build,
            published,
            required_tables=["things"],
            integrity_sql={"no y": "SELECT id FROM things WHERE id = 'y'"},
            background=True,
        )
    assert warehouse.wait_for_next_build() is None
    assert published.read_bytes() == before
    assert build.read_bytes() == build_before
    left = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("."))
    assert left == [".build"], left
