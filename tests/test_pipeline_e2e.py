"""End to end: the code location loads, every asset materializes in-process into a temporary
warehouse, the checks pass, and the published warehouse survives readers and a killed run."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import dagster as dg
import duckdb

from pipeline.metadata.resources import RESOURCES

REPO = Path(__file__).resolve().parent.parent
SEEDS = sorted((REPO / "raw").glob("*.txt"))
SEED_DATES = {
    "000_8ec7da9e05a1918a.txt": "2022-11",
    "001_25a1eacc2e73b6ae.txt": "2022-09-11",
    "002_601bd3ad4da9f692.txt": "2021-01-27",
    "003_252e8168e49078f7.txt": "2022-09-10",
    "004_ac438887a82c07fe.txt": None,
}


def _load_defs() -> dg.Definitions:
    from pipeline.definitions import defs

    return defs()


def make_raw(folder: Path) -> Path:
    """The seeds plus the files a real folder holds: a copy, a re-encoding, an empty file, a
    binary file and a nested article."""
    folder.mkdir(parents=True, exist_ok=True)
    for seed in SEEDS:
        shutil.copy(seed, folder / seed.name)
    (folder / "zz_copy_of_001.txt").write_bytes(SEEDS[1].read_bytes())
    (folder / "zz_utf16_copy_of_003.txt").write_bytes(
        SEEDS[3].read_text(encoding="utf-8").encode("utf-16")
    )
    (folder / "empty.txt").write_bytes(b"")
    (folder / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "nested").mkdir()
    (folder / "nested" / "note.txt").write_text(
        "Published: 2023-03-02\nFactory output\n\nChina's industrial output of steel reached "
        "1.02 billion tonnes in 2022, and more than 240 industrial Internet platforms were "
        "active by the end of 2022.\n",
        encoding="utf-8",
    )
    return folder


def run_all(monkeypatch, raw: Path, published: Path) -> dg.ExecuteInProcessResult:
    monkeypatch.setenv("PIPELINE_RAW_DIR", str(raw))
    monkeypatch.setenv("PIPELINE_WAREHOUSE", str(published))
    from pipeline.defs.partitions import RAW_BATCHES, new_batch_key

    job = _load_defs().resolve_implicit_global_asset_job_def()
    key = new_batch_key()
    with dg.DagsterInstance.ephemeral() as instance:
        instance.add_dynamic_partitions(RAW_BATCHES.name, [key])
        return job.execute_in_process(instance=instance, partition_key=key, raise_on_error=False)


def test_code_location_loads_every_table_and_check():
    defs = _load_defs()
    graph = defs.resolve_asset_graph()
    # the lineage is true: raw_files feeds articles, which feeds the extraction
    assert dg.AssetKey("raw_files") in graph.get(dg.AssetKey("articles")).parent_keys
    assert dg.AssetKey("articles") in graph.get(dg.AssetKey("claims")).parent_keys
    keys = {k.to_user_string() for k in defs.resolve_all_asset_keys()}
    assert set(RESOURCES) <= keys
    assert "published_warehouse" in keys
    check_keys = {
        (key.asset_key.to_user_string(), key.name)
        for key in defs.resolve_asset_graph().asset_check_keys
    }
    for table in RESOURCES:
        assert (table, "schema") in check_keys


def test_materialize_everything_into_a_temporary_warehouse(tmp_path, monkeypatch):
    raw = make_raw(tmp_path / "raw")
    # a file name that is not UTF-8 (issue 10/12): read, recorded escaped, never fatal
    with open(os.path.join(os.fsencode(raw), b"bad\xff.txt"), "wb") as fh:
        fh.write(SEEDS[0].read_bytes())
    published = tmp_path / "wh" / "industrial_internet.duckdb"
    result = run_all(monkeypatch, raw, published)
    assert result.success
    evaluations = [
        e.event_specific_data
        for e in result.all_events
        if e.event_type_value == "ASSET_CHECK_EVALUATION"
    ]
    failed = [(c.asset_key.to_user_string(), c.check_name) for c in evaluations if not c.passed]
    assert evaluations and not failed
    # Issue 11: the rule checks are evaluated on the tables this run wrote (they come after the
    # materialization of validated_claims, which the UI attaches them to), not an older run's.
    events = result.all_events
    wrote = max(
        i
        for i, e in enumerate(events)
        if e.event_type_value == "ASSET_MATERIALIZATION"
        and e.asset_key == dg.AssetKey("validated_claims")
    )
    rules = [
        i
        for i, e in enumerate(events)
        if e.event_type_value == "ASSET_CHECK_EVALUATION"
        and e.event_specific_data.check_name.startswith("rule_")
    ]
    assert len(rules) == 12 and min(rules) > wrote

    con = duckdb.connect(str(published), read_only=True)
    outcomes = dict(con.execute("SELECT file_path, outcome FROM raw_files").fetchall())
    assert outcomes["zz_copy_of_001.txt"] == "duplicate"
    assert outcomes["zz_utf16_copy_of_003.txt"] == "duplicate"
    assert outcomes["nested/note.txt"] == "article"
    assert outcomes["bad\\xff.txt"] == "duplicate"
    sources = con.execute("SELECT DISTINCT raw_dir FROM build_info").fetchall()
    assert sources == [(str(raw.resolve()),)]
    rejects = dict(con.execute("SELECT file_path, reject_reason FROM ingest_rejects").fetchall())
    assert rejects == {"empty.txt": "empty", "picture.png": "binary"}

    dates = dict(
        con.execute("SELECT article_file, CAST(published_date AS VARCHAR) FROM articles").fetchall()
    )
    assert len(dates) == 6
    for name, want in SEED_DATES.items():
        got = dates[name]
        assert (got is None) if want is None else got.startswith(want), (name, got)

    n_claims = con.execute("SELECT count(*) FROM claims").fetchone()[0]
    assert n_claims >= 30
    row = con.execute(
        "SELECT value, unit, bound FROM claims WHERE article_file = 'nested/note.txt' "
        "AND unit = 't'"
    ).fetchone()
    assert row == (1.02e9, "t", "exact")
    comment = con.execute(
        "SELECT comment FROM duckdb_columns() WHERE table_name = 'claims' AND column_name = 'bound'"
    ).fetchone()[0]
    assert "lower" in comment


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _run_cli(raw: Path, published: Path, home: Path) -> subprocess.Popen:
    env = dict(os.environ, DAGSTER_HOME=str(home), PYTHONUNBUFFERED="1")
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline", "run", "--raw", str(raw), "--warehouse", str(published)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


class Holder:
    """Another process holding the published warehouse open, answering counts on request."""

    def __init__(self, path: Path, read_only: bool):
        code = (
            "import sys, duckdb\n"
            f"con = duckdb.connect({str(path)!r}, read_only={read_only})\n"
            "for line in sys.stdin:\n"
            "    print(con.execute('SELECT count(*) FROM articles').fetchone()[0], flush=True)\n"
        )
        self.proc = subprocess.Popen(
            [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )

    def count(self) -> int:
        self.proc.stdin.write("?\n")
        self.proc.stdin.flush()
        return int(self.proc.stdout.readline())

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


def _count(path: Path) -> int:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        con.close()


def _grow_corpus(raw: Path, copies: int) -> None:
    """Distinct articles (not duplicates) so the claims step takes a moment."""
    body = SEEDS[0].read_text(encoding="utf-8")
    for i in range(copies):
        (raw / f"grown_{i:04d}.txt").write_text(f"Copy {i} of a report\n\n{body}", "utf-8")


def test_readers_do_not_break_runs_and_a_killed_run_leaves_the_warehouse(tmp_path):
    raw = make_raw(tmp_path / "raw")
    published = tmp_path / "wh" / "industrial_internet.duckdb"
    home = tmp_path / "dagster_home"
    home.mkdir()
    first = _run_cli(raw, published, home)
    out, _ = first.communicate(timeout=600)
    assert first.returncode == 0, out[-3000:]
    before = _sha(published)

    # An analyst holds the published file open (read-only) while a second run adds articles:
    # the run succeeds, the reader keeps a consistent snapshot, a new connection sees new data.
    reader = Holder(published, read_only=True)
    try:
        assert reader.count() == 6
        _grow_corpus(raw, 3)
        second = _run_cli(raw, published, home)
        out, _ = second.communicate(timeout=600)
        assert second.returncode == 0, out[-3000:]
        assert reader.count() == 6
    finally:
        reader.close()
    assert _count(published) == 9
    before = _sha(published)

    # Another analyst holds it open read-write. A run killed while it extracts quantities or claims leaves the
    # published warehouse as it was, and the next run recovers from the half-written build copy.
    writer = Holder(published, read_only=False)
    try:
        assert writer.count() == 9
        _grow_corpus(raw, 200)  # replaces the 3 above: 206 articles
        third = _run_cli(raw, published, home)
        deadline = time.monotonic() + 300
        seen = []
        for line in third.stdout:
            seen.append(line)
            if line.startswith("done articles"):  # the extraction step starts now
                break
            assert time.monotonic() < deadline, "".join(seen[-50:])
        os.killpg(third.pid, signal.SIGKILL)
        third.wait(timeout=60)
        assert _sha(published) == before
        assert writer.count() == 9

        # a publish killed earlier left its temporary copy (the pid is gone)
        stale = published.parent / f".{published.name}.publishing-{third.pid}"
        stale.write_bytes(b"partial")
        fourth = _run_cli(raw, published, home)
        out, _ = fourth.communicate(timeout=900)
        assert fourth.returncode == 0, out[-3000:]
        assert writer.count() == 9
    finally:
        writer.close()
    assert _count(published) == 206
    assert not stale.exists()
    # the killed run was marked failed by the next run: nothing left STARTED to block the queue
    assert "is gone (killed or crashed)" in out
    instance = dg.DagsterInstance.from_config(str(home))
    try:
        active = dg.RunsFilter(statuses=[dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.STARTING])
        assert instance.get_runs(filters=active) == []
        statuses = [r.status for r in instance.get_runs()]
        assert statuses.count(dg.DagsterRunStatus.FAILURE) == 1
    finally:
        instance.dispose()


def _tables(path: Path) -> dict:
    con = duckdb.connect(str(path), read_only=True)
    try:
        names = [
            r[0]
            for r in con.execute(
                "SELECT table_name FROM duckdb_tables() "
                "WHERE table_name <> 'build_info' AND schema_name = 'main'"
            ).fetchall()
        ]
        names += [
            r[0]
            for r in con.execute(
                "SELECT view_name FROM duckdb_views() WHERE NOT internal"
            ).fetchall()
        ]
        frames = {n: con.execute(f'SELECT * FROM "{n}" ORDER BY ALL').df() for n in names}
        frames["build_info"] = con.execute("SELECT DISTINCT raw_dir FROM build_info").df()
        return frames
    finally:
        con.close()


def _same(a: dict, b: dict) -> bool:
    return a.keys() == b.keys() and all(a[k].equals(b[k]) for k in a)


def test_concurrent_runs_on_two_folders_publish_one_of_them(tmp_path):
    """Issue 12: two runs on different raw folders published raw_files of one with the articles
    of the other (5 of 16 trials). Now the second waits for the first (the run lock), and the
    published warehouse is, table by table, what one of them builds alone."""
    folder_a, folder_b = tmp_path / "A", tmp_path / "B"
    folder_a.mkdir()
    folder_b.mkdir()
    for seed in SEEDS[:2]:
        shutil.copy(seed, folder_a / seed.name)
    for seed in SEEDS[2:]:
        shutil.copy(seed, folder_b / seed.name)
    home = tmp_path / "dagster_home"
    home.mkdir()
    cold = {}
    for name, folder in (("A", folder_a), ("B", folder_b)):
        path = tmp_path / f"cold_{name}" / "industrial_internet.duckdb"
        proc = _run_cli(folder, path, home)
        out, _ = proc.communicate(timeout=600)
        assert proc.returncode == 0, out[-3000:]
        cold[name] = _tables(path)
    assert not _same(cold["A"], cold["B"])

    published = tmp_path / "wh" / "industrial_internet.duckdb"
    runs = [_run_cli(folder_a, published, home), _run_cli(folder_b, published, home)]
    outs = [p.communicate(timeout=900)[0] for p in runs]
    assert [p.returncode for p in runs] == [0, 0], [o[-2000:] for o in outs]
    assert any("waiting for another run" in o for o in outs)
    got = _tables(published)
    assert _same(got, cold["A"]) or _same(got, cold["B"])

    # Fail closed: the duckdb CLI (read-write) holds a published warehouse and a run on an
    # empty folder is refused: the published file is left byte for byte.
    target = tmp_path / "cold_A" / "industrial_internet.duckdb"
    before = _sha(target)
    empty = tmp_path / "empty"
    empty.mkdir()
    holder = Holder(target, read_only=False)
    try:
        assert holder.count() == 2
        proc = _run_cli(empty, target, home)
        out, _ = proc.communicate(timeout=600)
    finally:
        holder.close()
    assert proc.returncode == 1, out[-3000:]
    assert "failed step published_warehouse: WarehouseError: cannot read the published" in out
    assert _sha(target) == before
