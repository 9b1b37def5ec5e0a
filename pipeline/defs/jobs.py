"""Jobs besides the implicit one: the whole graph under the multiprocess executor (steps in
parallel processes, for a large backfill on a machine with many cores; the one-command path
stays in-process). The same graph runs on Kubernetes with dagster-k8s's k8s_job_executor: see
docs/scaling.md and deploy/k8s/."""

import dagster as dg

MULTIPROCESS_JOB = "whole_graph_multiprocess"


def _standalone_checks() -> dg.AssetSelection:
    """The schema and flow checks: a step per group of tables, which a multiprocess run would
    start as a process each (about 5 s apiece); the asset steps' own checks stay."""
    from pipeline.defs.checks import CHECKS

    return dg.AssetSelection.checks(*[k for c in CHECKS for k in c.check_keys])


@dg.definitions
def defs() -> dg.Definitions:
    return dg.Definitions(
        jobs=[
            dg.define_asset_job(
                MULTIPROCESS_JOB,
                selection=dg.AssetSelection.all() - _standalone_checks(),
                executor_def=dg.multiprocess_executor.configured({"max_concurrent": 2}),
                description="Every asset, steps in parallel processes (checks of the tables "
                "are left to the in-process runs).",
            )
        ]
    )


def multiprocess_job() -> dg.JobDefinition:
    """The job, for `dg.reconstructable` (the multiprocess executor re-imports it per step)."""
    from pipeline.definitions import defs as all_defs

    return all_defs().resolve_job_def(MULTIPROCESS_JOB)
