"""Issue 12: a killed run is marked failed so the queue moves; failure lines say why."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import dagster as dg
import pandas as pd

from pipeline.defs.checks import md
from pipeline.lib import run_guard
from pipeline.lib.validation.schema import validate_frame
from pipeline.metadata.classes import Field, Resource
from pipeline.run_report import failure_lines

SLOW_RUN = """
import time, dagster as dg
from pipeline.lib.run_guard import run_tags

@dg.op
def slow():
    print("started", flush=True)
    time.sleep(600)

@dg.job
def slow_job():
    slow()

with dg.DagsterInstance.get() as instance:
    slow_job.execute_in_process(instance=instance, tags=run_tags() if {tagged} else None)
"""


def _start_slow_run(home, tagged: bool) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", SLOW_RUN.format(tagged=tagged)],
        env=dict(os.environ, DAGSTER_HOME=str(home)),
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert proc.stdout.readline().strip() == "started"
    return proc


def test_runs_whose_process_is_gone_are_marked_failed(tmp_path, monkeypatch):
    home = tmp_path / "dagster_home"
    home.mkdir()
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    killed = [_start_slow_run(home, tagged) for tagged in (True, False)]
    alive = _start_slow_run(home, True)
    try:
        for proc in killed:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
        with dg.DagsterInstance.get() as instance:
            in_progress = dg.RunsFilter(statuses=[dg.DagsterRunStatus.STARTED])
            assert len(instance.get_runs(filters=in_progress)) == 3
            marked = run_guard.sweep_dead_runs(instance)
            assert len(marked) == 2
            for run_id in marked:
                assert instance.get_run_by_id(run_id).status == dg.DagsterRunStatus.FAILURE
            (still,) = instance.get_runs(filters=in_progress)  # the live one is left alone
            assert still.tags[run_guard.PID_TAG] == str(alive.pid)
            assert run_guard.sweep_dead_runs(instance) == []
    finally:
        os.killpg(alive.pid, signal.SIGKILL)
        alive.wait(timeout=30)
    with dg.DagsterInstance.get() as instance:
        assert len(run_guard.sweep_dead_runs(instance)) == 1
        assert not instance.get_runs(
            filters=dg.RunsFilter(
                statuses=[dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.STARTING]
            )
        )


def test_a_reused_pid_is_not_the_run_process():
    assert run_guard.run_process_alive(os.getpid(), None)
    assert not run_guard.run_process_alive(os.getpid(), run_started_at=0.0)  # started 1970


ROWS = Resource(
    name="rows",
    layer="test",
    description="Rows.",
    fields=(
        Field("article_file", "string", "Article.", required=True),
        Field("n", "integer", "A count.", ge=0),
    ),
)


def test_failure_lines_name_the_reason_and_the_article():
    @dg.asset
    def rows() -> None:
        return None

    @dg.asset_check(asset=rows, name="schema")
    def rows_schema() -> dg.AssetCheckResult:
        frame = pd.DataFrame({"article_file": ["a.txt", "b.txt"], "n": [1, -5]})
        report = validate_frame(ROWS, frame)
        return dg.AssetCheckResult(
            passed=report.passed,
            metadata={"n_failures": len(report.failures), "failure_cases": md(report.failures)},
        )

    @dg.asset
    def broken() -> None:
        raise ValueError("the catalog lists indicator 'x' twice")

    defs = dg.Definitions(assets=[rows, broken], asset_checks=[rows_schema])
    result = defs.resolve_implicit_global_asset_job_def().execute_in_process(raise_on_error=False)
    lines = failure_lines(result)
    assert len(lines) == 2, lines
    (step,) = [ln for ln in lines if ln.startswith("failed step")]
    assert step == "failed step broken: ValueError: the catalog lists indicator 'x' twice"
    (check,) = [ln for ln in lines if ln.startswith("failed check")]
    assert check.startswith("failed check rows:schema: 1 failures; e.g. ")
    assert "column=n" in check and "failure_case=-5" in check
    assert check.endswith("article b.txt")
