"""The last step of a run: create the analysts' views in the build copy, check it, and publish it
atomically over warehouse/industrial_internet.duckdb."""

import dagster as dg
import pandas as pd

from pipeline.defs.resources import WAREHOUSE_POOL, PipelineSettings
from pipeline.lib import warehouse
from pipeline.lib.state import check_scope
from pipeline.lib.state.tables import get_info, set_info
from pipeline.metadata.resources import RESOURCES
from pipeline.metadata.views import INTEGRITY_SQL, VIEWS, create_views, views_digest

VIEWS_KEY = "views_digest"


def _ensure_views(con) -> None:
    """Create the analysts' views, unless the build has them as declared already (a copy of the
    last publish: the same digest and every view present)."""
    digest = views_digest()
    present = {
        r[0]
        for r in con.execute(
            "SELECT view_name FROM duckdb_views() WHERE NOT internal AND schema_name = 'main'"
        ).fetchall()
    }
    if get_info(con, VIEWS_KEY) == digest and {v.name for v in VIEWS} <= present:
        return
    create_views(con)
    set_info(con, VIEWS_KEY, digest)


def _clear_check_scope(build) -> None:
    """The next schema checks read the rows changed from now on (run on the next build, the
    copy of what was published)."""
    con = warehouse.connect(build)
    try:
        check_scope.clear_after_publish(con)
    finally:
        con.close()


@dg.asset(
    deps=list(RESOURCES),
    group_name="publish",
    pool=WAREHOUSE_POOL,
    kinds={"duckdb"},
    description="Publishes the build copy of the warehouse (all tables and views) by an atomic "
    "rename over the file analysts read, after checking that every table is there and that "
    "rows reference each other. Readers holding the old file keep their snapshot.",
)
def published_warehouse(
    context: dg.AssetExecutionContext, settings: PipelineSettings
) -> dg.MaterializeResult:
    con = warehouse.connect(settings.build_path)
    try:
        _ensure_views(con)
        check_scope.stamp_publish(con)  # the report keeps what did not change since the last
    finally:
        con.close()
    timings: dict[str, float] = {}
    counts = warehouse.publish(
        settings.build_path,
        settings.published_path,
        required_tables=list(RESOURCES),
        integrity_sql=INTEGRITY_SQL,
        timings=timings,
        # the copy for the next build goes on while the report is drawn (the report step, the
        # CLI and process exit wait for it; a run that needs the build waits for it too)
        background=True,
        after_copy=_clear_check_scope,
    )
    context.log.info(
        f"published {settings.published_path} ({len(counts)} tables); seconds: "
        + ", ".join(f"{k} {v}" for k, v in timings.items())
    )
    table = pd.DataFrame(
        [
            {"table": name, "rows": n, "layer": RESOURCES[name].layer if name in RESOURCES else ""}
            for name, n in counts.items()
        ]
    )
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(settings.published_path)),
            "seconds": dg.MetadataValue.json(timings),
            "size_bytes": settings.published_path.stat().st_size,
            "tables": dg.MetadataValue.md(table.to_markdown(index=False)),
            "views": dg.MetadataValue.md(
                "\n".join(f"- `{v.name}`: {v.description}" for v in VIEWS)
            ),
        }
    )
