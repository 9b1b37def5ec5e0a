"""`python -m pipeline run`: materialize every asset in-process on the instance in DAGSTER_HOME
(default <repo>/.dagster_home, so the run shows in `dg dev`), then print what was built."""

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

    definitions = defs()
    job = definitions.resolve_implicit_global_asset_job_def()
    with dg.DagsterInstance.get() as instance:
        result = job.execute_in_process(instance=instance, raise_on_error=False)
    failed = [e.step_key for e in result.all_events if e.event_type_value == "STEP_FAILURE"]
    checks = [
        e.event_specific_data
        for e in result.all_events
        if e.event_type_value == "ASSET_CHECK_EVALUATION"
    ]
    bad_checks = [f"{c.asset_key.to_user_string()}:{c.check_name}" for c in checks if not c.passed]
    print(f"\nrun {result.run_id}: {'succeeded' if result.success else 'FAILED'}")
    print(f"asset checks: {len(checks) - len(bad_checks)} passed, {len(bad_checks)} failed")
    for name in bad_checks:
        print(f"  failed check: {name}")
    for step in failed:
        print(f"  failed step: {step}")
    if result.success:
        print(f"warehouse: {settings.warehouse_path()}")
    return 0 if result.success and not bad_checks else 1
