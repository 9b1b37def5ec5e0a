"""Reference tables: the indicator catalog, the unit vocabulary and China's nominal GDP."""

from __future__ import annotations

import dagster as dg
import pandas as pd

from pipeline.defs.checks import md
from pipeline.lib.reference_tables import indicator_catalog_table


@dg.asset(group_name="reference", kinds={"duckdb"})
def indicator_catalog(context: dg.AssetExecutionContext) -> pd.DataFrame:
    """The indicators a claim can measure (pipeline/metadata/indicators.py)."""
    table = indicator_catalog_table()
    context.add_output_metadata({"n_indicators": len(table), "preview": md(table, 100)})
    return table
