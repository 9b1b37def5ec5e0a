"""Reference tables: the indicator catalog, the unit vocabulary and China's nominal GDP."""

import dagster as dg

from pipeline.defs.resources import PipelineSettings
from pipeline.defs.tables import md, table_asset
from pipeline.lib import warehouse
from pipeline.lib.reference.gdp import load_gdp_reference
from pipeline.lib.reference.tables import indicator_catalog_table, unit_vocabulary_table
from pipeline.metadata.resources import get as get_resource


def _write(context, settings: PipelineSettings, name: str, table) -> int:
    con = settings.open_build()
    try:
        n = warehouse.write_table(con, get_resource(name), table)
        settings.stamp(con, context, name)
        return n
    finally:
        con.close()


@dg.asset(**table_asset("indicator_catalog"))
def indicator_catalog(
    context: dg.AssetExecutionContext, settings: PipelineSettings
) -> dg.MaterializeResult:
    """The indicators a claim can measure (pipeline/metadata/indicators.py)."""
    table = indicator_catalog_table()
    n = _write(context, settings, "indicator_catalog", table)
    return dg.MaterializeResult(metadata={"dagster/row_count": n, "preview": md(table, 100)})


@dg.asset(**table_asset("unit_vocabulary"))
def unit_vocabulary(
    context: dg.AssetExecutionContext, settings: PipelineSettings
) -> dg.MaterializeResult:
    """The controlled unit vocabulary (pipeline/metadata/units.py)."""
    table = unit_vocabulary_table()
    n = _write(context, settings, "unit_vocabulary", table)
    return dg.MaterializeResult(metadata={"dagster/row_count": n, "preview": md(table, 200)})


@dg.asset(**table_asset("gdp_reference"))
def gdp_reference(
    context: dg.AssetExecutionContext, settings: PipelineSettings
) -> dg.MaterializeResult:
    """China's nominal GDP by year, National Bureau of Statistics
    (pipeline/metadata/reference/china_gdp.csv)."""
    table = load_gdp_reference()
    n = _write(context, settings, "gdp_reference", table)
    return dg.MaterializeResult(
        metadata={"dagster/row_count": n, "preview": md(table.drop(columns="note"))}
    )
