"""Asset checks: one blocking schema check per table, generated from its declaration in
pipeline.metadata and run on the build copy in chunks, with the failure cases as Markdown
metadata so the UI shows why; and the flow checks (nothing lost between layers) as SQL. The
checks of the tables one step writes run in one step (fewer steps per run)."""

import dagster as dg

from pipeline.defs.partitions import run_batch_keys
from pipeline.defs.resources import WAREHOUSE_POOL, PipelineSettings
from pipeline.defs.tables import md
from pipeline.lib import warehouse
from pipeline.lib.state import check_scope
from pipeline.lib.validation.schema import validate_table
from pipeline.metadata.resources import RESOURCES, Resource
from pipeline.metadata.views import FLOW_RULES, FlowRule

# Tables whose rows belong to one article and are rewritten only when it is (re)extracted.
PER_ARTICLE = ("quantity_mentions", "claims", "validated_claims", "quarantine")


def _sql_list(keys: list[str]) -> str:
    return "[" + ", ".join("'" + k.replace("'", "''") + "'" for k in keys) + "]"


# The tables checked in one step: those one step writes (the reference tables together), so a
# run has a check step per writing step rather than one per table. A group never holds a table
# and one downstream of it (the blocking checks would wait on each other); a table not listed
# gets a step of its own.
CHECK_GROUPS: dict[str, tuple[str, ...]] = {
    "reference": ("indicator_catalog", "unit_vocabulary", "gdp_reference"),
    "raw": ("raw_files", "ingest_rejects"),
    "articles": ("articles",),
    "extraction": ("quantity_mentions", "claims"),
    "validation": ("validated_claims", "quarantine", "validation_summary"),
    "observations": ("observations", "observation_sources"),
    "series": ("series",),
    "findings": ("findings",),
}


def _groups() -> dict[str, tuple[str, ...]]:
    listed = {t for tables in CHECK_GROUPS.values() for t in tables}
    extra = {name: (name,) for name in RESOURCES if name not in listed}
    return {
        **{g: tuple(t for t in tables if t in RESOURCES) for g, tables in CHECK_GROUPS.items()},
        **extra,
    }


def schema_result(
    context: dg.AssetCheckExecutionContext, con, resource: Resource
) -> dg.AssetCheckResult:
    """The schema check of one table: its rows match the declared fields."""
    where, scope = None, "every row"
    if resource.name in PER_ARTICLE:
        keys = run_batch_keys(context)
        where = (
            "article_file IN (SELECT article_file FROM state.extraction_log "
            f"WHERE batch_key IN (SELECT unnest({_sql_list(keys)}::VARCHAR[])))"
        )
        scope = "the rows of the articles extracted by this run (earlier rows were checked "
        "by the run that wrote them); the primary key over the keys of those rows"
    if resource.name in check_scope.SCOPED:
        where = check_scope.row_condition(con, resource.name)
        if where is not None:
            scope = "the rows rewritten since the last publish (the others were "
            "checked before); the primary key over the keys of those rows"
    report = validate_table(con, resource, where=where)
    return dg.AssetCheckResult(
        asset_key=resource.name,
        check_name="schema",
        passed=report.passed,
        metadata={
            "rows_checked": scope,
            "n_rows": report.n_rows,
            "n_failures": len(report.failures),
            "failures_by_check": md(report.summary()),
            "failure_cases": md(report.failures),
        },
    )


def flow_result(con, rule: FlowRule) -> dg.AssetCheckResult:
    """A flow check: passes when its SQL (run on the build copy) returns no rows; the rows it
    returns are the evidence. Scoped to the rows changed since the last publish where
    check_scope.flow_sql has a variant of the rule."""
    sql, scope = check_scope.flow_sql(con, rule.name, rule.sql)
    offending = con.execute(f"SELECT * FROM ({sql}) LIMIT 50").df()
    n = len(offending)  # counted again only when there are more (a pass runs it once)
    if n == 50:
        n = con.execute(f"SELECT count(*) FROM ({sql})").fetchone()[0]
    return dg.AssetCheckResult(
        asset_key=rule.asset,
        check_name=rule.name,
        passed=n == 0,
        metadata={"rows_checked": scope, "n_offending": n, "offending_rows": md(offending)},
    )


def table_checks(group: str, tables: tuple[str, ...]) -> dg.AssetChecksDefinition:
    """One step checking `tables`: a blocking `schema` check per table, and the flow checks
    (FLOW_RULES) on them."""
    flows = [rule for rule in FLOW_RULES if rule.asset in tables]
    specs = [
        dg.AssetCheckSpec(
            "schema",
            asset=name,
            blocking=True,
            description=f"The rows of {name} match the fields declared in pipeline/metadata "
            "(types, NOT NULL, vocabularies, ranges, primary key).",
        )
        for name in tables
    ] + [
        dg.AssetCheckSpec(
            rule.name,
            asset=rule.asset,
            description=rule.description,
            additional_deps=[d for d in rule.deps if d not in tables],
        )
        for rule in flows
    ]

    @dg.multi_asset_check(
        name=f"{group}_checks",
        specs=specs,
        pool=WAREHOUSE_POOL,
        description=f"The schema checks of {', '.join(tables)}"
        + (f" and the flow checks {', '.join(r.name for r in flows)}" if flows else "")
        + ", on the build copy.",
    )
    def _checks(context: dg.AssetCheckExecutionContext, settings: PipelineSettings):
        con = warehouse.connect(settings.build_path)
        try:
            for name in tables:
                yield schema_result(context, con, RESOURCES[name])
            for rule in flows:
                yield flow_result(con, rule)
        finally:
            con.close()

    return _checks


CHECKS = [table_checks(group, tables) for group, tables in _groups().items() if tables]


@dg.definitions
def defs() -> dg.Definitions:
    return dg.Definitions(asset_checks=CHECKS)
