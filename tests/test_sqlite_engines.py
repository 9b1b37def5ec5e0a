"""Dagster's SQLite storages keep one engine per file (pipeline.sqlite_engines): runs and their
events are stored and read back as before, and a run no longer creates an engine per event."""

from __future__ import annotations

import dagster as dg
import sqlalchemy as sa

from pipeline import sqlite_engines


@dg.asset
def _one() -> int:
    return 1


@dg.asset_check(asset=_one)
def _one_check() -> dg.AssetCheckResult:
    return dg.AssetCheckResult(passed=True)


def _run(home) -> tuple[dg.DagsterRun, list]:
    home.mkdir()
    with dg.instance_for_test(temp_dir=str(home)) as instance:
        defs = dg.Definitions(assets=[_one], asset_checks=[_one_check])
        job = defs.resolve_implicit_global_asset_job_def()
        result = job.execute_in_process(instance=instance)
        assert result.success
        run = instance.get_run_by_id(result.run_id)
        records = instance.all_logs(result.run_id)
        mat = instance.get_latest_materialization_event(dg.AssetKey("_one"))
        assert mat is not None and mat.run_id == result.run_id
        return run, records


def test_runs_and_events_are_stored_with_kept_engines(tmp_path, monkeypatch) -> None:
    sqlite_engines.install()
    assert not sqlite_engines.install()  # once per process
    created: list[str] = []
    real = sa.create_engine

    def counting(url, *args, **kwargs):
        created.append(str(url))
        return real(url, *args, **kwargs)

    from dagster._core.storage.event_log.sqlite import sqlite_event_log as ev
    from dagster._core.storage.runs.sqlite import sqlite_run_storage as rs

    monkeypatch.setattr(ev, "create_engine", counting)
    monkeypatch.setattr(rs, "create_engine", counting)
    run, records = _run(tmp_path / "a")
    assert run.status == dg.DagsterRunStatus.SUCCESS
    types = {r.dagster_event.event_type_value for r in records if r.dagster_event}
    assert {
        "STEP_START",
        "ASSET_MATERIALIZATION",
        "ASSET_CHECK_EVALUATION",
        "STEP_SUCCESS",
    } <= types
    # dozens of events, a handful of files: one engine per file (and its storage set-up)
    assert len(records) > 15
    assert len(created) < len(records) / 2
    # a second run on another home works the same (its own files, its own engines)
    run, records = _run(tmp_path / "b")
    assert run.status == dg.DagsterRunStatus.SUCCESS


def test_the_number_of_kept_engines_is_bounded() -> None:
    engines = [
        sqlite_engines._engine(sa.create_engine, f"sqlite:///:memory:?n={i}")
        for i in range(sqlite_engines.KEEP + 5)
    ]
    assert len(sqlite_engines._engines) <= sqlite_engines.KEEP
    last = f"sqlite:///:memory:?n={sqlite_engines.KEEP + 4}"
    assert sqlite_engines._engine(sa.create_engine, last) is engines[-1]
