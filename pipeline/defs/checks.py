"""Asset checks: one blocking schema check per table, generated from its declaration in
pipeline.metadata, with the failure cases as Markdown metadata so the UI shows why."""

import dagster as dg

from pipeline.defs.resources import PipelineSettings
from pipeline.lib import warehouse
from pipeline.lib.schema_checks import validate_frame
from pipeline.metadata.resources import RESOURCES, Resource


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


# Tables whose assets exist in defs/: a check for a table without an asset would not load.
CHECKED_TABLES = [name for name in RESOURCES]


@dg.definitions
def defs() -> dg.Definitions:
    return dg.Definitions(asset_checks=[schema_check(RESOURCES[name]) for name in CHECKED_TABLES])
