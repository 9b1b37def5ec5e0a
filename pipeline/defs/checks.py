"""Asset checks: one blocking schema check per table, generated from its declaration in
pipeline.metadata and run on the build copy in chunks, with the failure cases as Markdown
metadata so the UI shows why; and the flow checks (nothing lost between layers) as SQL."""

import dagster as dg

from pipeline.defs.partitions import run_batch_keys
from pipeline.defs.resources import WAREHOUSE_POOL, PipelineSettings
from pipeline.defs.tables import md
from pipeline.lib import warehouse
from pipeline.lib.state import check_scope
from pipeline.lib.validation.schema import validate_table
from pipeline.metadata.resources import RESOURCES, Resource
from pipeline.metadata.views import FLOW_RULES

# Tables whose rows belong to one article and are rewritten only when it is (re)extracted.
PER_ARTICLE = ("quantity_mentions", "claims", "validated_claims", "quarantine")


def _sql_list(keys: list[str]) -> str:
    return "[" + ", ".join("'" + k.replace("'", "''") + "'" for k in keys) + "]"


def schema_check(resource: Resource, blocking: bool = True) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=resource.name,
        name="schema",
        blocking=blocking,
        pool=WAREHOUSE_POOL,
        description=f"The rows of {resource.name} match the fields declared in "
        "pipeline/metadata (types, NOT NULL, vocabularies, ranges, primary key).",
    )
    def _check(context: dg.AssetCheckExecutionContext, settings: PipelineSettings):
        where, scope = None, "every row"
        if resource.name in PER_ARTICLE:
            keys = run_batch_keys(context)
            where = (
                "article_file IN (SELECT article_file FROM state.extraction_log "
                f"WHERE batch_key IN (SELECT unnest({_sql_list(keys)}::VARCHAR[])))"
            )
            scope = "the rows of the articles extracted by this run (earlier rows were checked "
            "by the run that wrote them); the primary key over the keys of those rows"
        con = warehouse.connect(settings.build_path)
        try:
            if resource.name in check_scope.SCOPED:
                where = check_scope.condition(con, resource.name)
                if where is not None:
                    scope = "the rows rewritten since the last publish (the others were "
                    "checked before); the primary key over the keys of those rows"
            report = validate_table(con, resource, where=where)
        finally:
            con.close()
        return dg.AssetCheckResult(
            passed=report.passed,
            metadata={
                "rows_checked": scope,
                "n_rows": report.n_rows,
                "n_failures": len(report.failures),
                "failures_by_check": md(report.summary()),
                "failure_cases": md(report.failures),
            },
        )

    return _check


def sql_check(
    asset: str, name: str, description: str, sql: str, additional_deps: tuple[str, ...] = ()
) -> dg.AssetChecksDefinition:
    """A check that passes when `sql` (run on the build copy) returns no rows; the rows it
    returns are the evidence."""

    @dg.asset_check(
        asset=asset,
        name=name,
        description=description,
        additional_deps=list(additional_deps),
        pool=WAREHOUSE_POOL,
    )
    def _check(settings: PipelineSettings) -> dg.AssetCheckResult:
        con = warehouse.connect(settings.build_path)
        try:
            offending = con.execute(f"SELECT * FROM ({sql}) LIMIT 50").df()
            n = len(offending)  # counted again only when there are more (a pass runs it once)
            if n == 50:
                n = con.execute(f"SELECT count(*) FROM ({sql})").fetchone()[0]
        finally:
            con.close()
        return dg.AssetCheckResult(
            passed=n == 0,
            metadata={"n_offending": n, "offending_rows": md(offending)},
        )

    return _check


FLOW_CHECKS = [
    sql_check(rule.asset, rule.name, rule.description, rule.sql, rule.deps) for rule in FLOW_RULES
]


@dg.definitions
def defs() -> dg.Definitions:
    return dg.Definitions(
        asset_checks=[schema_check(resource) for resource in RESOURCES.values()] + FLOW_CHECKS
    )
