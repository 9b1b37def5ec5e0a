"""`python -m pipeline run`: materialize every asset in-process on the instance in DAGSTER_HOME
(default <repo>/.dagster_home, so the run shows in `dg dev`), then print what was built and, one
line each, why anything failed.

Before the run: runs left STARTED by a process that is gone are marked failed (they would block
the UI's queue), and the warehouse's run lock is taken for the whole run (a second run on the
same warehouse waits), then publishing temporaries left by killed runs are removed."""

from __future__ import annotations

import argparse
import os
import sys

from pipeline import settings


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline run", description=__doc__)
    parser.add_argument("--raw", help="folder of article texts (default: raw/)")
    parser.add_argument("--warehouse", help="published DuckDB file (default: warehouse/...)")
    args = parser.parse_args(argv)
    if args.raw:
        os.environ["PIPELINE_RAW_DIR"] = args.raw
    if args.warehouse:
        os.environ["PIPELINE_WAREHOUSE"] = args.warehouse
    home = os.environ.setdefault("DAGSTER_HOME", str(settings.REPO_ROOT / ".dagster_home"))
    os.makedirs(home, exist_ok=True)
    if not settings.raw_dir().is_dir():
        print(f"error: the raw folder {settings.raw_dir()} does not exist", file=sys.stderr)
        return 2

    import dagster as dg

    from pipeline.definitions import defs
    from pipeline.lib import run_guard, warehouse
    from pipeline.run_report import failure_lines

    published = settings.warehouse_path()
    definitions = defs()
    job = definitions.resolve_implicit_global_asset_job_def()
    with dg.DagsterInstance.get() as instance:
        run_guard.sweep_dead_runs(instance, log=print)
        try:
            with run_guard.exclusive_run(published, wait_message=print):
                for tmp in warehouse.clean_stale_temporaries(published):
                    print(f"removed {tmp.name}, left by a killed publish")
                result = job.execute_in_process(
                    instance=instance, raise_on_error=False, tags=run_guard.run_tags()
                )
        except Exception as exc:  # the summary is always ours, never a traceback
            print(f"\nrun FAILED before it could finish: {type(exc).__name__}: {exc}")
            return 1
    checks = [
        e.event_specific_data
        for e in result.all_events
        if e.event_type_value == "ASSET_CHECK_EVALUATION"
    ]
    n_bad = sum(1 for c in checks if not c.passed)
    lines = failure_lines(result)
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
    return 0 if result.success and not n_bad else 1
