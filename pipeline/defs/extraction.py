"""Layers quantities and claims: one extraction pass over the articles of a raw_batches
partition feeds both tables (worker processes when the batch is large)."""

import time

import dagster as dg

from pipeline.defs.partitions import RAW_BATCHES, run_batch_keys
from pipeline.defs.resources import WAREHOUSE_POOL, PipelineSettings
from pipeline.defs.tables import md, preview, row_count, table_spec

FAILED_SQL = (
    "SELECT article_file, batch_key, error, error_where FROM state.extraction_log "
    "WHERE status = 'failed' ORDER BY article_file"
)


def _processed_spec(asset: str) -> dg.AssetCheckSpec:
    return dg.AssetCheckSpec(
        name="every_article_processed",
        asset=asset,
        description="Extraction ran on every article; an article it failed on (a bug in a rule, "
        "or over its time budget) is listed with the error: it has no rows, the run goes on.",
    )


@dg.multi_asset(
    pool=WAREHOUSE_POOL,
    specs=[
        table_spec("quantity_mentions", deps=["articles"], partitions_def=RAW_BATCHES),
        table_spec("claims", deps=["articles"], partitions_def=RAW_BATCHES),
    ],
    check_specs=[_processed_spec("quantity_mentions"), _processed_spec("claims")],
    backfill_policy=dg.BackfillPolicy.multi_run(max_partitions_per_run=20),
)
def extraction(context: dg.AssetExecutionContext, settings: PipelineSettings):
    # imported here: the extractor's and the rules' patterns (about 0.8 s of CPU) are compiled
    # only by a process that extracts, not by every process that loads the definitions
    from pipeline.lib.claims.sync import extract_batches

    keys = run_batch_keys(context)
    con = settings.open_build()
    try:
        start = time.monotonic()

        def progress(done: int, total: int) -> None:
            rate = done / max(time.monotonic() - start, 1e-9)
            context.log.info(f"extraction: {done:,}/{total:,} articles ({rate:,.0f}/s)")

        stats = extract_batches(con, keys, progress=progress)
        settings.stamp(con, context, "quantity_mentions", "claims")
        failed = con.execute(FAILED_SQL).df()
        for f in failed.head(20).itertuples(index=False):
            context.log.error(f"extraction failed on {f.article_file}: {f.error} ({f.error_where})")
        common = {
            "batches": ", ".join(keys) or "(none)",
            "n_articles_extracted": stats.n_articles,
            "n_failed_this_run": stats.n_failed,
            "chars_per_second": round(stats.n_chars / max(stats.seconds, 1e-9)),
        }
        kinds = dict(
            con.execute(
                "SELECT mention_kind, count(*) FROM quantity_mentions GROUP BY 1 ORDER BY 1"
            ).fetchall()
        )
        yield dg.MaterializeResult(
            asset_key="quantity_mentions",
            metadata={
                **common,
                "dagster/row_count": row_count(con, "quantity_mentions"),
                "n_rows_this_run": stats.n_mentions,
                **{f"n_{k}": int(v) for k, v in kinds.items()},
                "preview": preview(
                    con,
                    "SELECT article_file, char_start, quote, value, unit, counted, bound "
                    "FROM quantity_mentions WHERE mention_kind = 'quantity' "
                    "ORDER BY article_file, mention_no",
                ),
            },
        )
        yield dg.MaterializeResult(
            asset_key="claims",
            metadata={
                **common,
                "dagster/row_count": row_count(con, "claims"),
                "n_rows_this_run": stats.n_claims,
                "n_unclassified": con.execute(
                    "SELECT count(*) FROM claims WHERE indicator = 'unclassified'"
                ).fetchone()[0],
                "by_status": dg.MetadataValue.json(
                    dict(
                        con.execute(
                            "SELECT status, count(*) FROM claims GROUP BY 1 ORDER BY 1"
                        ).fetchall()
                    )
                ),
                "by_indicator": preview(
                    con,
                    "SELECT indicator, count(*) AS n FROM claims GROUP BY 1 ORDER BY 2 DESC",
                    50,
                ),
                "preview": preview(
                    con,
                    "SELECT article_file, quote, value, unit, bound, period_start, status, "
                    "indicator FROM claims ORDER BY article_file, char_start",
                ),
            },
        )
        for asset in ("quantity_mentions", "claims"):
            yield dg.AssetCheckResult(
                check_name="every_article_processed",
                asset_key=asset,
                passed=failed.empty,
                severity=dg.AssetCheckSeverity.WARN,
                metadata={"n_failed_articles": len(failed), "failures": md(failed)},
            )
    finally:
        con.close()
