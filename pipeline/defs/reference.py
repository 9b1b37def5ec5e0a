"""Reference tables: the indicator catalog, the unit vocabulary and China's nominal GDP, written
by one step."""

import dagster as dg

from pipeline.defs.resources import WAREHOUSE_POOL, PipelineSettings
from pipeline.defs.tables import md, table_spec
from pipeline.lib import warehouse
from pipeline.lib.reference.gdp import load_gdp_reference
from pipeline.lib.reference.tables import indicator_catalog_table, unit_vocabulary_table
from pipeline.metadata.resources import get as get_resource


@dg.multi_asset(
    name="reference",
    pool=WAREHOUSE_POOL,
    specs=[
        table_spec("indicator_catalog"),
        table_spec("unit_vocabulary"),
        table_spec("gdp_reference"),
    ],
)
def reference(context: dg.AssetExecutionContext, settings: PipelineSettings):
    """The reference tables, written in one step: the indicators a claim can measure
    (pipeline/metadata/indicators.py), the controlled unit vocabulary (pipeline/metadata/units.py)
    and China's nominal GDP by year, National Bureau of Statistics
    (pipeline/metadata/reference/china_gdp.csv)."""
    tables = {
        "indicator_catalog": (indicator_catalog_table(), lambda t: md(t, 100)),
        "unit_vocabulary": (unit_vocabulary_table(), lambda t: md(t, 200)),
        "gdp_reference": (load_gdp_reference(), lambda t: md(t.drop(columns="note"))),
    }
    con = settings.open_build()
    try:
        counts = {}
        for name, (table, _) in tables.items():
            counts[name] = warehouse.write_table(con, get_resource(name), table)
            settings.stamp(con, context, name)
    finally:
        con.close()
    for name, (table, preview) in tables.items():
        yield dg.MaterializeResult(
            asset_key=name,
            metadata={"dagster/row_count": counts[name], "preview": preview(table)},
        )
