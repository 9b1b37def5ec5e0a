"""The code location: every asset, check and resource under pipeline/defs, run in-process.

The in-process executor runs the whole graph in one process: the default multiprocess executor
re-imports everything for each step (about 5 s a step on two cores).
"""

from pathlib import Path

import dagster as dg


@dg.definitions
def defs() -> dg.Definitions:
    return dg.Definitions.merge(
        dg.load_from_defs_folder(path_within_project=Path(__file__).parent),
        dg.Definitions(executor=dg.in_process_executor),
    )
