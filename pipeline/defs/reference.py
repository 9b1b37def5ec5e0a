"""Reference tables: the indicator catalog, the unit vocabulary and China's nominal GDP."""

import dagster as dg
import pandas as pd

from pipeline.defs.checks import md
from pipeline.defs.tables import table_asset
from pipeline.lib.reference.gdp import load_gdp_reference
from pipeline.lib.reference.tables import indicator_catalog_table, unit_vocabulary_table


@dg.asset(**table_asset("indicator_catalog"))
def indicator_catalog(context: dg.AssetExecutionContext) -> pd.DataFrame:
    """The indicators a claim can measure (pipeline/metadata/indicators.py)."""
    table = indicator_catalog_table()
    context.add_output_metadata({"n_indicators": len(table), "preview": md(table, 100)})
    return table


@dg.asset(**table_asset("unit_vocabulary"))
def unit_vocabulary(context: dg.AssetExecutionContext) -> pd.DataFrame:
    """The controlled unit vocabulary (pipeline/metadata/units.py)."""
    table = unit_vocabulary_table()
    context.add_output_metadata({"n_units": len(table), "preview": md(table, 200)})
    return table


@dg.asset(**table_asset("gdp_reference"))
def gdp_reference(context: dg.AssetExecutionContext) -> pd.DataFrame:
    """China's nominal GDP by year, National Bureau of Statistics
    (pipeline/metadata/reference/china_gdp.csv)."""
    table = load_gdp_reference()
    context.add_output_metadata({"n_years": len(table), "preview": md(table.drop(columns="note"))})
    return table
