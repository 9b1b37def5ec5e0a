"""Layers validated and curated: validation rules split claims into validated_claims and
quarantine (one asset check per rule, evaluated on the tables just written); observations across
sources, series with conflicts, and consistency findings."""

import dagster as dg

from pipeline.defs.resources import WAREHOUSE_POOL, PipelineSettings
from pipeline.defs.tables import md, preview, row_count, table_asset, table_spec
from pipeline.lib.curation.findings import build_findings_sql, touched_findings_sql
from pipeline.lib.curation.pending import (
    add_pending,
    add_pending_cells,
    clear_cells,
    mark_cells_unknown,
    pending_cells,
    take_pending,
    take_pending_articles,
)
from pipeline.lib.curation.sql import _sql_list, build_observations_sql, build_series_sql
from pipeline.lib.state import check_scope
from pipeline.lib.validation.rules import RULES
from pipeline.lib.validation.sync import validate_changed

RULE_CHECKS = [
    dg.AssetCheckSpec(
        name=f"rule_{rule.id}",
        asset="validated_claims",
        description=f"Claims that break '{rule.id}' are quarantined: {rule.description}",
    )
    for rule in RULES
]


@dg.multi_asset(
    pool=WAREHOUSE_POOL,
    specs=[
        table_spec("validated_claims", deps=["claims", "articles"]),
        table_spec("quarantine", deps=["claims", "articles"]),
        table_spec("validation_summary", deps=["claims", "articles"]),
    ],
    check_specs=RULE_CHECKS,
)
def validation(context: dg.AssetExecutionContext, settings: PipelineSettings):
    con = settings.open_build()
    try:
        stats = validate_changed(con)
        settings.stamp(con, context, "validated_claims", "quarantine", "validation_summary")
        add_pending(con, stats.indicators, full=stats.full, articles=stats.articles)
        check_scope.record_validated_articles(con, None if stats.full else stats.articles or [])
        context.log.info(
            f"validation: {stats.n_articles:,} articles validated this run, "
            f"{stats.n_valid:,} valid claims, {stats.n_quarantined:,} quarantine rows"
        )
        summary = con.execute("SELECT * FROM validation_summary").df()
        n_claims = row_count(con, "claims")
        yield dg.MaterializeResult(
            asset_key="validated_claims",
            metadata={
                "dagster/row_count": stats.n_valid,
                "n_claims": n_claims,
                "n_articles_validated_this_run": stats.n_articles,
            },
        )
        yield dg.MaterializeResult(
            asset_key="quarantine",
            metadata={
                "dagster/row_count": stats.n_quarantined,
                "n_claims_quarantined": con.execute(
                    "SELECT count(DISTINCT claim_id) FROM quarantine"
                ).fetchone()[0],
                "preview": preview(
                    con, "SELECT rule, reason, quote, article_file FROM quarantine ORDER BY rule"
                ),
            },
        )
        yield dg.MaterializeResult(
            asset_key="validation_summary",
            metadata={"dagster/row_count": len(summary), "rules": md(summary)},
        )
        # The checks come after the tables they check, so the UI attaches them to this run.
        for row in summary.itertuples(index=False):
            failed = con.execute(
                "SELECT claim_id, article_file, quote, value, unit, indicator, reason "
                "FROM quarantine WHERE rule = ? ORDER BY claim_id LIMIT 20",
                [row.rule],
            ).df()
            yield dg.AssetCheckResult(
                check_name=f"rule_{row.rule}",
                asset_key="validated_claims",
                passed=bool(row.n_failed == 0),
                severity=dg.AssetCheckSeverity.WARN,
                metadata={
                    "n_checked": int(row.n_checked),
                    "n_passed": int(row.n_checked - row.n_failed),
                    "n_failed": int(row.n_failed),
                    "failures": md(failed),
                },
            )
    finally:
        con.close()


@dg.multi_asset(
    pool=WAREHOUSE_POOL,
    specs=[
        table_spec("observations", deps=["validated_claims", "articles"]),
        table_spec("observation_sources", deps=["validated_claims", "articles"]),
    ],
)
def observations_and_sources(context: dg.AssetExecutionContext, settings: PipelineSettings):
    con = settings.open_build()
    try:
        indicators = take_pending(con, "observations")
        articles = take_pending_articles(con)

        def on_delta(ids_sql: str, cells_sql: str) -> None:
            check_scope.record_observations(con, ids_sql)
            add_pending_cells(con, cells_sql)

        if indicators is None:
            build_observations_sql(con)
            add_pending(con, [], full=True, steps=("series", "findings"))
            check_scope.record_observations(con, None)
            check_scope.record_source_indicators(con, None)
        elif articles is not None:  # only the observations of the changed articles' claims
            check_scope.record_claim_articles(con, articles)
            changed = build_observations_sql(con, articles=articles, on_delta=on_delta)
            add_pending(con, changed or (), steps=("series", "findings"))
            check_scope.record_source_indicators(con, changed)
            context.log.info(
                f"observations: {len(articles):,} changed articles, indicators recomputed "
                f"in series and findings: {len(changed or ()):,}"
            )
        else:  # a build made before changed articles were recorded
            build_observations_sql(con, indicators)
            check_scope.record_observations(con, None)
            check_scope.record_source_indicators(con, None)
            mark_cells_unknown(con)
        settings.stamp(con, context, "observations", "observation_sources")
        yield dg.MaterializeResult(
            asset_key="observations",
            metadata={
                "dagster/row_count": row_count(con, "observations"),
                "n_with_several_sources": con.execute(
                    "SELECT count(*) FROM observations WHERE n_sources > 1"
                ).fetchone()[0],
                "several_sources": preview(
                    con,
                    "SELECT indicator, period_start, value, unit, bound, n_sources, "
                    "article_files FROM observations WHERE n_sources > 1 "
                    "ORDER BY n_sources DESC, indicator",
                ),
            },
        )
        yield dg.MaterializeResult(
            asset_key="observation_sources",
            metadata={"dagster/row_count": row_count(con, "observation_sources")},
        )
    finally:
        con.close()


@dg.asset(**table_asset("series", deps=["observations"]))
def series(context: dg.AssetExecutionContext, settings: PipelineSettings) -> dg.MaterializeResult:
    """One row per indicator and reference period with the value to use and why."""
    con = settings.open_build()
    try:
        indicators = take_pending(con, "series")
        # the (indicator, year) cells whose observations changed, when known (findings clears
        # them after its own use): only their series rows are recomputed
        build_series_sql(con, indicators, cells=pending_cells(con))
        if indicators is None:
            check_scope.widen(con, "series", None)
        elif indicators:
            check_scope.widen(con, "series", f"indicator IN {_sql_list(indicators)}")
        settings.stamp(con, context, "series")
        return dg.MaterializeResult(
            metadata={
                "dagster/row_count": row_count(con, "series"),
                "n_conflicts": con.execute("SELECT count(*) FROM series WHERE conflict").fetchone()[
                    0
                ],
                "conflicts": preview(
                    con,
                    "SELECT indicator, period_start, values_seen, conflict_detail FROM series "
                    "WHERE conflict ORDER BY indicator, period_start",
                ),
                "preview": preview(
                    con,
                    "SELECT indicator, period_start, period_end, value, unit, status, n_sources, "
                    "selection_rule FROM series ORDER BY indicator, period_start",
                    50,
                ),
            }
        )
    finally:
        con.close()


@dg.asset(**table_asset("findings", deps=["observations", "gdp_reference"]))
def findings(context: dg.AssetExecutionContext, settings: PipelineSettings) -> dg.MaterializeResult:
    """Consistency findings across figures (GDP share, growth vs levels, cumulative declines,
    forecasts vs actuals)."""
    con = settings.open_build()
    try:
        indicators = take_pending(con, "findings")
        # the findings the changed observations can alter, or by indicator when not known
        cells = pending_cells(con)
        build_findings_sql(con, indicators, cells=cells)
        if indicators is None:
            check_scope.widen(con, "findings", None)
        elif cells is not None:
            check_scope.record_findings(con, touched_findings_sql(cells))
        elif indicators:
            inds = _sql_list(indicators)
            check_scope.widen(
                con, "findings", f"indicator IN {inds} OR related_indicator IN {inds}"
            )
        clear_cells(con)
        settings.stamp(con, context, "findings")
        return dg.MaterializeResult(
            metadata={
                "dagster/row_count": row_count(con, "findings"),
                "by_check": dg.MetadataValue.json(
                    dict(
                        con.execute(
                            "SELECT check_name, count(*) FROM findings GROUP BY 1 ORDER BY 1"
                        ).fetchall()
                    )
                ),
                "findings": preview(
                    con,
                    "SELECT check_name, severity, message FROM findings "
                    "ORDER BY check_name, finding_id",
                    50,
                ),
            }
        )
    finally:
        con.close()
