"""Incremental runs equal cold runs: adding, changing and removing files gives, table by table,
the warehouse a cold run on the final folder gives; the raw folder sensor picks up a dropped
file; and the graph run by the multiprocess executor writes the same tables as in-process."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import dagster as dg
import duckdb
import pandas as pd
import pytest

from pipeline.defs.jobs import multiprocess_job
from pipeline.defs.partitions import RAW_BATCHES, new_batch_key
from pipeline.defs.resources import PipelineSettings
from pipeline.metadata.resources import RESOURCES

REPO = Path(__file__).resolve().parent.parent
SEEDS = sorted((REPO / "raw").glob("*.txt"))
MORE = sorted((REPO / "benchmarks" / "heldout2" / "articles").glob("*.txt"))[:4]
# columns that say when or how a file was read, not what it holds
VOLATILE = {"raw_files": ["mtime_ns"]}


def _defs() -> dg.Definitions:
    from pipeline.definitions import defs

    return defs()


def run_partition(raw: Path, published: Path, monkeypatch) -> dg.ExecuteInProcessResult:
    monkeypatch.setenv("PIPELINE_RAW_DIR", str(raw))
    monkeypatch.setenv("PIPELINE_WAREHOUSE", str(published))
    job = _defs().resolve_implicit_global_asset_job_def()
    key = new_batch_key()
    with dg.DagsterInstance.ephemeral() as instance:
        instance.add_dynamic_partitions(RAW_BATCHES.name, [key])
        result = job.execute_in_process(instance=instance, partition_key=key, raise_on_error=False)
    assert result.success
    return result


def tables(path: Path) -> dict[str, pd.DataFrame]:
    """Every table of the main schema, rows sorted, volatile columns dropped."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        out = {}
        for name in RESOURCES:
            df = con.execute(f"SELECT * FROM {name}").df().drop(columns=VOLATILE.get(name, []))
            df = df.astype(str).sort_values(list(df.columns)).reset_index(drop=True)
            out[name] = df
        return out
    finally:
        con.close()


def assert_same(a: Path, b: Path) -> None:
    ta, tb = tables(a), tables(b)
    for name in RESOURCES:
        pd.testing.assert_frame_equal(ta[name], tb[name], obj=name)


def _copy(files: list[Path], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for f in files:
        shutil.copy(f, folder / f.name)


def test_incremental_runs_equal_a_cold_run(tmp_path, monkeypatch):
    inc_raw, inc_wh = tmp_path / "inc", tmp_path / "inc_wh" / "w.duckdb"
    _copy(SEEDS[:3] + MORE[:2], inc_raw)
    run_partition(inc_raw, inc_wh, monkeypatch)
    # add files, change one, remove one, add a duplicate under another name
    _copy(SEEDS[3:] + MORE[2:], inc_raw)
    changed = inc_raw / SEEDS[1].name
    changed.write_text(changed.read_text(encoding="utf-8") + "\nIt had 12 platforms.\n", "utf-8")
    (inc_raw / MORE[0].name).unlink()
    shutil.copy(SEEDS[0], inc_raw / "zz_copy.txt")
    second = run_partition(inc_raw, inc_wh, monkeypatch)
    mats = {
        e.event_specific_data.materialization.asset_key.to_user_string(): e
        for e in second.get_asset_materialization_events()
    }
    extracted = mats["claims"].event_specific_data.materialization.metadata["n_articles_extracted"]
    assert extracted.value == len(SEEDS[3:]) + len(MORE[2:]) + 1  # new + changed, nothing else

    cold_raw, cold_wh = tmp_path / "cold", tmp_path / "cold_wh" / "w.duckdb"
    shutil.copytree(inc_raw, cold_raw)
    run_partition(cold_raw, cold_wh, monkeypatch)
    assert_same(inc_wh, cold_wh)

    # a run with nothing new extracts nothing and changes nothing
    third = run_partition(inc_raw, inc_wh, monkeypatch)
    mats = {
        e.event_specific_data.materialization.asset_key.to_user_string(): e
        for e in third.get_asset_materialization_events()
    }
    extracted = mats["claims"].event_specific_data.materialization.metadata["n_articles_extracted"]
    assert extracted.value == 0
    assert_same(inc_wh, cold_wh)


def _skipped(result) -> bool:
    """A sensor evaluation that requested nothing (a bare skip, or a skip that moves the
    cursor)."""
    if isinstance(result, dg.SkipReason):
        return True
    return isinstance(result, dg.SensorResult) and not result.run_requests and result.skip_reason


def test_the_raw_folder_sensor_picks_up_a_dropped_file(tmp_path, monkeypatch):
    from pipeline.defs.sensors import raw_folder_sensor
    from pipeline.lib.ingest.changes import SensorState

    raw, published = tmp_path / "raw", tmp_path / "wh" / "w.duckdb"
    _copy(SEEDS[:2], raw)
    run_partition(raw, published, monkeypatch)
    settings = PipelineSettings(raw_dir=str(raw), warehouse_path=str(published))
    with dg.DagsterInstance.ephemeral() as instance:
        ctx = dg.build_sensor_context(instance=instance, resources={"settings": settings})
        assert _skipped(raw_folder_sensor(ctx))  # nothing new yet

        shutil.copy(SEEDS[2], raw / SEEDS[2].name)
        result = raw_folder_sensor(ctx)
        assert isinstance(result, dg.SensorResult)
        (request,) = result.run_requests
        # the daemon applies partition requests; a test calling the sensor does it itself
        for add in result.dynamic_partitions_requests:
            instance.add_dynamic_partitions(add.partitions_def_name, list(add.partition_keys))
        job = _defs().resolve_implicit_global_asset_job_def()
        run = job.execute_in_process(
            instance=instance, partition_key=request.partition_key, raise_on_error=False
        )
        assert run.success
        ctx = dg.build_sensor_context(
            instance=instance, resources={"settings": settings}, cursor=result.cursor
        )
        assert _skipped(raw_folder_sensor(ctx))  # published: nothing pending
        ctx = dg.build_sensor_context(  # the same at the next full comparison
            instance=instance,
            resources={"settings": settings},
            cursor=SensorState(None, 0.0, request.run_key).dump(),
        )
        assert _skipped(raw_folder_sensor(ctx))
    con = duckdb.connect(str(published), read_only=True)
    try:
        files = {r[0] for r in con.execute("SELECT article_file FROM claims").fetchall()}
    finally:
        con.close()
    assert SEEDS[2].name in files


@pytest.mark.skipif(os.name != "posix", reason="the multiprocess executor test needs fork/spawn")
def test_multiprocess_executor_writes_the_same_tables(tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    _copy(SEEDS + MORE, raw)
    inproc = tmp_path / "a" / "w.duckdb"
    run_partition(raw, inproc, monkeypatch)

    multi = tmp_path / "b" / "w.duckdb"
    monkeypatch.setenv("PIPELINE_WAREHOUSE", str(multi))
    home = tmp_path / "home"
    home.mkdir()
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    key = new_batch_key()
    with dg.DagsterInstance.get() as instance:
        instance.add_dynamic_partitions(RAW_BATCHES.name, [key])
        with dg.execute_job(
            dg.reconstructable(multiprocess_job), instance=instance, tags={"dagster/partition": key}
        ) as result:
            assert result.success
    assert_same(inproc, multi)


def test_an_unchanged_file_is_not_read_again(tmp_path, monkeypatch):
    """A file recorded without an mtime (a hidden file is never read) beside articles must not
    turn the nanosecond times into floats: that lost their last digits and made every file look
    changed (all 100,000 files of an archive read again)."""
    raw, published = tmp_path / "raw", tmp_path / "wh" / "w.duckdb"
    _copy(SEEDS[:3], raw)
    (raw / ".hidden").write_bytes(b"x")
    run_partition(raw, published, monkeypatch)
    second = run_partition(raw, published, monkeypatch)
    mats = {
        e.event_specific_data.materialization.asset_key.to_user_string(): e
        for e in second.get_asset_materialization_events()
    }
    meta = mats["raw_files"].event_specific_data.materialization.metadata
    assert meta["n_read_this_run"].value == 1  # the hidden file, listed again (never read)
