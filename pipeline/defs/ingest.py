"""Layers raw and articles: list raw/, read what is new or changed, reject what cannot be an
article, then parse the new articles' headers and queue them for extraction."""

import dagster as dg

from pipeline.defs.partitions import run_batch_keys
from pipeline.defs.resources import WAREHOUSE_POOL, PipelineSettings
from pipeline.defs.tables import preview, row_count, table_asset, table_spec
from pipeline.lib.ingest.sync import sync_articles, sync_raw_files
from pipeline.lib.state import check_scope
from pipeline.lib.state.versions import RULES_VERSION


@dg.multi_asset(
    pool=WAREHOUSE_POOL,
    specs=[table_spec("raw_files"), table_spec("ingest_rejects")],
)
def ingest(context: dg.AssetExecutionContext, settings: PipelineSettings):
    con = settings.open_build()
    try:
        stats = sync_raw_files(con, settings.raw_root, settings.file_limit, context.log.info)
        settings.stamp(con, context, "raw_files", "ingest_rejects")
        outcomes = dict(
            con.execute("SELECT outcome, count(*) FROM raw_files GROUP BY 1 ORDER BY 1").fetchall()
        )
        yield dg.MaterializeResult(
            asset_key="raw_files",
            metadata={
                "dagster/row_count": stats.n_files,
                "raw_dir": str(settings.raw_root),
                "n_read_this_run": stats.n_read,
                "n_new_paths": stats.n_new,
                "n_removed_paths": stats.n_removed,
                **{f"n_{k}": int(v) for k, v in outcomes.items()},
                "preview": preview(
                    con,
                    "SELECT file_path, size_bytes, encoding, outcome, article_file, "
                    "reject_reason, detail FROM raw_files ORDER BY file_path",
                ),
            },
        )
        yield dg.MaterializeResult(
            asset_key="ingest_rejects",
            metadata={
                "dagster/row_count": row_count(con, "ingest_rejects"),
                "preview": preview(con, "SELECT * FROM ingest_rejects ORDER BY file_path"),
            },
        )
    finally:
        con.close()


@dg.asset(**table_asset("articles", deps=["raw_files"]))
def articles(context: dg.AssetExecutionContext, settings: PipelineSettings) -> dg.MaterializeResult:
    """Header metadata and text of each distinct article; new and changed articles are queued
    for extraction under the run's raw_batches partition."""
    keys = run_batch_keys(context)
    con = settings.open_build()
    try:
        stats = sync_articles(
            con,
            settings.raw_root,
            RULES_VERSION,
            keys[-1] if keys else None,
            settings.file_limit,
            progress=context.log.info,
        )
        settings.stamp(con, context, "articles")
        check_scope.record_articles(con, stats.changed or [])
        waiting = con.execute(
            "SELECT count(*) FROM state.extraction_log WHERE status = 'pending'"
        ).fetchone()[0]
        if waiting and not keys:
            context.log.warning(
                f"{waiting} articles wait for extraction: this run has no raw_batches "
                "partition. The raw folder sensor launches one, or run `python -m pipeline run`."
            )
        basis = dict(
            con.execute(
                "SELECT coalesce(date_basis, 'none'), count(*) FROM articles GROUP BY 1 ORDER BY 1"
            ).fetchall()
        )
        return dg.MaterializeResult(
            metadata={
                "dagster/row_count": stats.n_articles,
                "n_new_this_run": stats.n_new,
                "n_removed_this_run": stats.n_removed,
                "n_queued_for_extraction": stats.n_queued,
                "n_waiting_without_batch": waiting if not keys else 0,
                "n_syndicated_pairs": stats.n_syndicated_pairs,
                "rules_version": RULES_VERSION,
                "date_basis": dg.MetadataValue.json(basis),
                "preview": preview(
                    con,
                    "SELECT article_file, published_date, date_basis, outlet, title FROM articles "
                    "ORDER BY article_file",
                ),
            }
        )
    finally:
        con.close()
