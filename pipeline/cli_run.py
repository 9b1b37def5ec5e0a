"""`python -m pipeline run`: materialize every asset in-process on the instance in DAGSTER_HOME
(default <repo>/.dagster_home, so the run shows in `dg dev`), then print what was built and, one
line each, why anything failed.

Each run is one raw_batches partition (the files that arrived since the last run); only the new
and changed articles are extracted. The console shows one line per step; the full log is in
DAGSTER_HOME/logs/<run id>.log and in the UI (`--verbose` prints it all on the console).

Before the run: runs left STARTED by a process that is gone are marked failed (they would block
the UI's queue), and the warehouse's run lock is taken for the whole run (a second run on the
same warehouse waits), then publishing temporaries left by killed runs are removed.
"""

from __future__ import annotations

import argparse
import os
import sys
import uuid
from pathlib import Path

from pipeline import settings


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline run", description=__doc__)
    parser.add_argument("--raw", help="folder of article texts (default: raw/)")
    parser.add_argument("--warehouse", help="published DuckDB file (default: warehouse/...)")
    parser.add_argument(
        "--verbose", action="store_true", help="print every log record (Dagster's DEBUG too)"
    )
    args = parser.parse_args(argv)
    if args.raw:
        os.environ["PIPELINE_RAW_DIR"] = str(os.path.abspath(args.raw))
    if args.warehouse:
        os.environ["PIPELINE_WAREHOUSE"] = str(os.path.abspath(args.warehouse))
    home = os.path.abspath(os.environ.get("DAGSTER_HOME") or settings.REPO_ROOT / ".dagster_home")
    os.environ["DAGSTER_HOME"] = home  # Dagster requires an absolute path
    os.makedirs(home, exist_ok=True)
    try:
        raw, published = settings.raw_dir(), settings.warehouse_path()
        settings.max_file_bytes()
        settings.article_seconds()
    except ValueError as exc:  # a bad PIPELINE_* setting
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not raw.is_dir():
        print(f"error: the raw folder {raw} does not exist", file=sys.stderr)
        return 2

    import dagster as dg

    from pipeline.definitions import defs
    from pipeline.defs.partitions import RAW_BATCHES, new_batch_key
    from pipeline.lib import run_guard, warehouse
    from pipeline.run_console import console_logger
    from pipeline.run_report import failure_lines

    run_id = str(uuid.uuid4())
    log_file = Path(home) / "logs" / f"{run_id}.log"
    definitions = dg.Definitions.merge(
        defs(), dg.Definitions(loggers={"console": console_logger(log_file, args.verbose)})
    )
    job = definitions.resolve_implicit_global_asset_job_def()
    key = new_batch_key()
    print(f"run {run_id}: raw {raw} -> {published} (batch {key})", flush=True)
    try:
        with dg.DagsterInstance.get() as instance:
            run_guard.sweep_dead_runs(instance, log=print)
            with run_guard.exclusive_run(published, wait_message=print):
                for tmp in warehouse.clean_stale_temporaries(published):
                    print(f"removed {tmp.name}, left by a killed publish")
                instance.add_dynamic_partitions(RAW_BATCHES.name, [key])
                result = job.execute_in_process(
                    instance=instance,
                    partition_key=key,
                    run_id=run_id,
                    run_config={"loggers": {"console": {}}},
                    raise_on_error=False,
                    tags={
                        **run_guard.run_tags(),
                        "pipeline/raw_dir": str(raw),
                        "pipeline/warehouse": str(published),
                    },
                )
                error = warehouse.wait_for_next_build()  # before the lock is released
                if error is not None:
                    print(
                        f"note: the next build copy was not made ({error}); the next run "
                        "copies the published file first"
                    )
                _drop_empty_batch(instance, result, key)
    except Exception as exc:  # the summary is always ours, never a traceback
        print(f"\nrun {run_id}: FAILED before it could finish: {type(exc).__name__}: {exc}")
        print(f"full log: {log_file}")
        return 1
    return _summary(result, log_file, published, failure_lines(result))


def _drop_empty_batch(instance, result, key: str) -> None:
    """A run that found nothing new leaves no empty raw_batches partition behind."""
    from pipeline.defs.partitions import RAW_BATCHES

    for event in result.get_asset_materialization_events():
        mat = event.event_specific_data.materialization
        if mat.asset_key.to_user_string() == "claims":
            n = mat.metadata.get("n_articles_extracted")
            if n is not None and n.value == 0:
                instance.delete_dynamic_partition(RAW_BATCHES.name, key)
            return


def _summary(result, log_file: Path, published: Path, lines: list[str]) -> int:
    from pipeline.lib import run_guard

    checks = [
        e.event_specific_data
        for e in result.all_events
        if e.event_type_value == "ASSET_CHECK_EVALUATION"
    ]
    n_bad = sum(1 for c in checks if not c.passed)
    print(f"\nrun {result.run_id}: {'succeeded' if result.success else 'FAILED'}")
    print(f"asset checks: {len(checks) - n_bad} passed, {n_bad} failed")
    for line in lines:
        print(f"  {line}")
    if not result.success:
        note = run_guard.release_build_after_failure(settings.build_path_for(published), lines)
        if note:
            print(f"  {note}")
    if result.success:
        print(f"warehouse: {published}")
        report = published.parent / "report.html"
        if report.exists():
            print(f"report: {report}")
    print(f"full log: {log_file}")
    return 0 if result.success and not n_bad else 1
