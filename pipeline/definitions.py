"""The code location: every asset, check and resource under pipeline/defs, run in-process.

The in-process executor runs the whole graph in one process: the default multiprocess executor
re-imports everything for each step (about 5 s a step on two cores).

Loading the definitions also makes Dagster's SQLite storages in DAGSTER_HOME commit without an
fsync per event (pipeline.lib.event_log_sync) and keep one SQLAlchemy engine per file instead of
one per event (pipeline.sqlite_engines), in every process that runs steps: the CLI, and the runs
the UI or the sensor launch.
"""

import os
from pathlib import Path

import dagster as dg

from pipeline import sqlite_engines
from pipeline.lib import event_log_sync


@dg.definitions
def defs() -> dg.Definitions:
    event_log_sync.install(os.environ.get("DAGSTER_HOME"))
    sqlite_engines.install()
    return dg.Definitions.merge(
        dg.load_from_defs_folder(path_within_project=Path(__file__).parent),
        dg.Definitions(executor=dg.in_process_executor),
    )
