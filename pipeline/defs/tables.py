"""How a table asset is declared: its group is its layer, its description the table's and its
column schema the declared fields, all from pipeline.metadata (one source of truth for the UI,
the DDL comments and the README)."""

import dagster as dg
import pandas as pd

from pipeline.defs.resources import WAREHOUSE_POOL
from pipeline.metadata.resources import get as get_resource


def column_schema(name: str) -> dg.TableSchema:
    resource = get_resource(name)
    return dg.TableSchema(
        columns=[
            dg.TableColumn(
                name=f.name,
                type=f.duckdb_type,
                description=f.comment(),
                constraints=dg.TableColumnConstraints(nullable=not f.required),
            )
            for f in resource.fields
        ]
    )


def _metadata(name: str) -> dict:
    return {"dagster/column_schema": column_schema(name), "dagster/table_name": name}


def table_spec(name: str, **kwargs) -> dg.AssetSpec:
    """The spec of the table `name` as an output of a multi-asset step."""
    resource = get_resource(name)
    return dg.AssetSpec(
        name,
        group_name=resource.layer,
        kinds={"duckdb"},
        description=resource.description,
        metadata=_metadata(name),
        **kwargs,
    )


def table_asset(name: str, **kwargs) -> dict:
    """Keyword arguments of @dg.asset for the table `name` (the function has the same name)."""
    resource = get_resource(name)
    return {
        "group_name": resource.layer,
        "kinds": {"duckdb"},
        "description": resource.description,
        "metadata": _metadata(name),
        "pool": WAREHOUSE_POOL,
        **kwargs,
    }


def md(frame: pd.DataFrame | None, limit: int = 20) -> dg.MetadataValue:
    """A frame as a Markdown table for the UI (the first `limit` rows)."""
    if frame is None or frame.empty:
        return dg.MetadataValue.md("_none_")
    return dg.MetadataValue.md(frame.head(limit).to_markdown(index=False))


def preview(con, sql: str, limit: int = 20) -> dg.MetadataValue:
    """The first `limit` rows of a query as Markdown."""
    return md(con.execute(f"SELECT * FROM ({sql}) LIMIT {int(limit)}").df(), limit)


def row_count(con, table: str) -> int:
    return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
