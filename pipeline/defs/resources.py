"""Resources: where articles come from and the DuckDB warehouse the table assets are stored in.

`WarehouseIOManager` stores each table asset in the build copy of the warehouse with the DDL and
comments generated from `pipeline.metadata`; `published_warehouse` publishes that copy.
"""

from pathlib import Path

import dagster as dg
import pandas as pd

from pipeline import settings
from pipeline.lib import warehouse
from pipeline.metadata.resources import get as get_resource


class PipelineSettings(dg.ConfigurableResource):
    """The raw/ folder, the published warehouse file and the ingestion size limit."""

    raw_dir: str | None = None  # default: settings.raw_dir() (PIPELINE_RAW_DIR or <repo>/raw)
    warehouse_path: str | None = None  # default: settings.warehouse_path()
    max_file_bytes: int | None = None  # default: settings.max_file_bytes()

    @property
    def raw_root(self) -> Path:
        return Path(self.raw_dir) if self.raw_dir else settings.raw_dir()

    @property
    def published_path(self) -> Path:
        return Path(self.warehouse_path) if self.warehouse_path else settings.warehouse_path()

    @property
    def build_path(self) -> Path:
        return settings.build_path_for(self.published_path)

    @property
    def file_limit(self) -> int:
        return self.max_file_bytes or settings.max_file_bytes()


class WarehouseIOManager(dg.ConfigurableIOManager):
    """Writes a table asset's DataFrame into the build copy; loads it back for downstream steps."""

    warehouse_path: str | None = None  # default: settings.warehouse_path()
    raw_dir: str | None = None  # default: settings.raw_dir(); recorded with each table written

    @property
    def build_path(self) -> Path:
        published = Path(self.warehouse_path) if self.warehouse_path else settings.warehouse_path()
        return settings.build_path_for(published)

    def handle_output(self, context: dg.OutputContext, obj: pd.DataFrame) -> None:
        if obj is None:
            return
        resource = get_resource(context.asset_key.path[-1])
        con = warehouse.connect(self.build_path)
        try:
            raw = Path(self.raw_dir) if self.raw_dir else settings.raw_dir()
            provenance = {"raw_dir": str(raw.resolve()), "run_id": context.run_id}
            n = warehouse.write_table(con, resource, obj, provenance=provenance)
        finally:
            con.close()
        context.add_output_metadata(
            {"dagster/row_count": n, "table": f"{resource.name} ({resource.layer} layer)"}
        )

    def load_input(self, context: dg.InputContext) -> pd.DataFrame:
        resource = get_resource(context.asset_key.path[-1])
        con = warehouse.connect(self.build_path, read_only=False)
        try:
            return warehouse.read_table(con, resource)
        finally:
            con.close()


def make_resources(
    raw_dir: str | None = None, warehouse_path: str | None = None, max_file_bytes: int | None = None
) -> dict:
    """The resource set. Paths left None are resolved from the environment at run time
    (PIPELINE_RAW_DIR, PIPELINE_WAREHOUSE, PIPELINE_MAX_FILE_BYTES; see pipeline.settings)."""
    return {
        "settings": PipelineSettings(
            raw_dir=raw_dir, warehouse_path=warehouse_path, max_file_bytes=max_file_bytes
        ),
        "io_manager": WarehouseIOManager(warehouse_path=warehouse_path, raw_dir=raw_dir),
    }


@dg.definitions
def defs() -> dg.Definitions:
    return dg.Definitions(resources=make_resources())
