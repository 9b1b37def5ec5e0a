"""Resources: where articles come from and the DuckDB warehouse the table assets write.

Table assets write their tables into the build copy of the warehouse themselves (set-based SQL
and chunked inserts: no table passes through memory whole); `published_warehouse` publishes
the copy.
"""

from pathlib import Path

import dagster as dg

from pipeline import settings
from pipeline.lib import warehouse
from pipeline.lib.state.versions import SCHEMA_VERSION

# Every step that opens the build copy belongs to this pool. DuckDB has one writer: with the
# instance's pool limit at 1 (dagster.yaml `concurrency: pools: default_limit: 1`, as on
# Kubernetes where several runs share one volume) two such steps never overlap, across runs too.
WAREHOUSE_POOL = "duckdb_warehouse"


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

    def open_build(self):
        """A read-write connection to the build copy (a copy made under another schema version
        is discarded first: the run starts cold; a missing one is copied from the published
        file first)."""
        warehouse.restore_build(self.build_path, self.published_path)
        return warehouse.open_build(self.build_path, SCHEMA_VERSION)

    def stamp(self, con, context, *tables: str) -> None:
        """Record in the build that this run wrote `tables` from this raw folder (publish
        refuses a build whose tables come from two raw folders)."""
        provenance = {"raw_dir": str(self.raw_root.resolve()), "run_id": context.run.run_id}
        for table in tables:
            warehouse.record_provenance(con, table, provenance)


def make_resources(
    raw_dir: str | None = None, warehouse_path: str | None = None, max_file_bytes: int | None = None
) -> dict:
    """The resource set. Paths left None are resolved from the environment at run time
    (PIPELINE_RAW_DIR, PIPELINE_WAREHOUSE, PIPELINE_MAX_FILE_BYTES; see pipeline.settings)."""
    return {
        "settings": PipelineSettings(
            raw_dir=raw_dir, warehouse_path=warehouse_path, max_file_bytes=max_file_bytes
        ),
    }


@dg.definitions
def defs() -> dg.Definitions:
    return dg.Definitions(resources=make_resources())
