"""Asset checks: one blocking schema check per table, generated from its declaration in
pipeline.metadata, with the failure cases as Markdown metadata so the UI shows why."""

import dagster as dg

from pipeline.defs.resources import PipelineSettings
from pipeline.lib import warehouse
from pipeline.lib.validation.schema import validate_frame
from pipeline.metadata.resources import RESOURCES, Resource
from pipeline.metadata.views import FLOW_RULES


def md(frame, limit: int = 20) -> dg.MetadataValue:
    if frame is None or frame.empty:
        return dg.MetadataValue.md("_none_")
    return dg.MetadataValue.md(frame.head(limit).to_markdown(index=False))


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
            frame = con.execute(f"SELECT * FROM {resource.name}").df()
        finally:
            con.close()
        report = validate_frame(resource, frame)
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
            offending = con.execute(sql).df()
        finally:
            con.close()
        return dg.AssetCheckResult(
            passed=offending.empty,
            metadata={"n_offending": len(offending), "offending_rows": md(offending)},
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
