"""`python -m pipeline run`: materialize every asset in-process on the instance in DAGSTER_HOME
(default <repo>/.dagster_home, so the run shows in `dg dev`), then print what was built.

Each run is one raw_batches partition (the files that arrived since the last run); only the new
and changed articles are extracted. The console shows one line per step; the full log is in
DAGSTER_HOME/logs/<run id>.log and in the UI (`--verbose` prints it all on the console).
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
    home = os.environ.setdefault("DAGSTER_HOME", str(settings.REPO_ROOT / ".dagster_home"))
    os.makedirs(home, exist_ok=True)
    raw, published = settings.raw_dir(), settings.warehouse_path()
    if not raw.is_dir():
        print(f"error: the raw folder {raw} does not exist", file=sys.stderr)
        return 2

    import dagster as dg

    from pipeline.definitions import defs
    from pipeline.defs.partitions import RAW_BATCHES, new_batch_key
    from pipeline.run_console import console_logger

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
            instance.add_dynamic_partitions(RAW_BATCHES.name, [key])
            result = job.execute_in_process(
                instance=instance,
                partition_key=key,
                run_id=run_id,
                run_config={"loggers": {"console": {}}},
                raise_on_error=False,
                tags={"pipeline/raw_dir": str(raw), "pipeline/warehouse": str(published)},
            )
            _drop_empty_batch(instance, result, key)
    except Exception as exc:  # the instance itself failed (disk full, killed storage ...)
        print(f"\nrun {run_id}: FAILED: {type(exc).__name__}: {exc}", file=sys.stderr)
        print(f"full log: {log_file}", file=sys.stderr)
        return 1
    return _summary(result, log_file, published)


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


def _summary(result, log_file, published) -> int:
    failed = [e for e in result.all_events if e.event_type_value == "STEP_FAILURE"]
    checks = [
        e.event_specific_data
        for e in result.all_events
        if e.event_type_value == "ASSET_CHECK_EVALUATION"
    ]
    bad_checks = [c for c in checks if not c.passed]
    print(f"\nrun {result.run_id}: {'succeeded' if result.success else 'FAILED'}")
    print(f"asset checks: {len(checks) - len(bad_checks)} passed, {len(bad_checks)} failed")
    for c in bad_checks:
        print(f"  failed check: {c.asset_key.to_user_string()}:{c.check_name}")
    for e in failed:
        print(f"  failed step: {e.step_key}: {_reason(e)}")
    if result.success:
        print(f"warehouse: {published}")
    print(f"full log: {log_file}")
    return 0 if result.success and not bad_checks else 1


def _reason(event) -> str:
    """The innermost error of a step failure, on one line."""
    err = event.step_failure_data.error if event.step_failure_data else None
    while err is not None and err.cause is not None:
        err = err.cause
    if err is None or not err.message:
        return "failed"
    return err.message.strip().splitlines()[0]
