"""How a table asset is declared: its group is its layer and its description the table's, both
from pipeline.metadata (one source of truth for the UI, the DDL comments and the README)."""

import dagster as dg

from pipeline.metadata.resources import get as get_resource


def table_out(name: str) -> dg.AssetOut:
    """An output of a multi-asset step that writes the table `name`."""
    resource = get_resource(name)
    return dg.AssetOut(
        group_name=resource.layer, kinds={"duckdb"}, description=resource.description
    )


def table_asset(name: str, **kwargs) -> dict:
    """Keyword arguments of @dg.asset for the table `name` (the function has the same name)."""
    resource = get_resource(name)
    return {
        "group_name": resource.layer,
        "kinds": {"duckdb"},
        "description": resource.description,
        **kwargs,
    }
