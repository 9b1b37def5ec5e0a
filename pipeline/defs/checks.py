"""Asset checks: one blocking schema check per table, generated from its declaration in
pipeline.metadata and run on the build copy in chunks, with the failure cases as Markdown
metadata so the UI shows why; and the flow checks (nothing lost between layers) as SQL."""

import dagster as dg

from pipeline.defs.resources import PipelineSettings
from pipeline.defs.tables import md
from pipeline.lib import warehouse
from pipeline.lib.validation.schema import validate_table
from pipeline.metadata.resources import RESOURCES, Resource
from pipeline.metadata.views import FLOW_RULES


def schema_check(resource: Resource, blocking: bool = True) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=resource.name,
        name="schema",
        blocking=blocking,
        description=f"The rows of {resource.name} match the fields declared in "
        "pipeline/metadata (types, NOT NULL, vocabularies, ranges, primary key).",
    )
    def _check(settings: PipelineSettings) -> dg.AssetCheckResult:
        con = warehouse.connect(settings.build_path)
        try:
            report = validate_table(con, resource)
        finally:
            con.close()
        return dg.AssetCheckResult(
            passed=report.passed,
            metadata={
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
    )
    def _check(settings: PipelineSettings) -> dg.AssetCheckResult:
        con = warehouse.connect(settings.build_path)
        try:
            n = con.execute(f"SELECT count(*) FROM ({sql})").fetchone()[0]
            offending = con.execute(f"SELECT * FROM ({sql}) LIMIT 50").df()
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
