"""Layers validated and curated: validation rules split claims into validated_claims and
quarantine (one asset check per rule shows what failed); observations across sources, series
with conflicts, and consistency findings."""

import dagster as dg
import pandas as pd

from pipeline.defs.checks import md
from pipeline.defs.tables import table_asset, table_out
from pipeline.lib.curation.findings import build_findings
from pipeline.lib.curation.observations import build_observations, build_series
from pipeline.lib.validation.rules import RULES, validate

RULE_CHECKS = [
    dg.AssetCheckSpec(
        name=f"rule_{rule.id}",
        asset="validated_claims",
        description=f"Claims that break '{rule.id}' are quarantined: {rule.description}",
    )
    for rule in RULES
]


@dg.multi_asset(
    outs={
        "validated_claims": table_out("validated_claims"),
        "quarantine": table_out("quarantine"),
        "validation_summary": table_out("validation_summary"),
    },
    check_specs=RULE_CHECKS,
)
def validation(context: dg.AssetExecutionContext, claims: pd.DataFrame, articles: pd.DataFrame):
    result = validate(claims, articles)
    summary = result.summary
    for row in summary.itertuples(index=False):
        failed = result.quarantine[result.quarantine["rule"] == row.rule]
        yield dg.AssetCheckResult(
            check_name=f"rule_{row.rule}",
            asset_key="validated_claims",
            passed=bool(row.n_failed == 0),
            severity=dg.AssetCheckSeverity.WARN,
            metadata={
                "n_checked": int(row.n_checked),
                "n_passed": int(row.n_checked - row.n_failed),
                "n_failed": int(row.n_failed),
                "failures": md(
                    failed[
                        [
                            "claim_id",
                            "article_file",
                            "quote",
                            "value",
                            "unit",
                            "indicator",
                            "reason",
                        ]
                    ]
                ),
            },
        )
    yield dg.Output(
        result.valid,
        output_name="validated_claims",
        metadata={"n_valid": len(result.valid), "n_claims": len(claims)},
    )
    yield dg.Output(
        result.quarantine,
        output_name="quarantine",
        metadata={
            "n_rows": len(result.quarantine),
            "n_claims_quarantined": int(result.quarantine["claim_id"].nunique()),
            "preview": md(result.quarantine[["rule", "reason", "quote", "article_file"]]),
        },
    )
    yield dg.Output(summary, output_name="validation_summary", metadata={"rules": md(summary)})


@dg.multi_asset(
    outs={
        "observations": table_out("observations"),
        "observation_sources": table_out("observation_sources"),
    },
)
def observations_and_sources(
    context: dg.AssetExecutionContext, validated_claims: pd.DataFrame, articles: pd.DataFrame
):
    observations, sources = build_observations(validated_claims, articles)
    multi = observations[observations["n_sources"] > 1]
    yield dg.Output(
        observations,
        output_name="observations",
        metadata={
            "n_observations": len(observations),
            "n_with_several_sources": len(multi),
            "several_sources": md(
                multi[
                    [
                        "indicator",
                        "period_start",
                        "value",
                        "unit",
                        "bound",
                        "n_sources",
                        "article_files",
                    ]
                ]
            ),
        },
    )
    yield dg.Output(sources, output_name="observation_sources", metadata={"n_rows": len(sources)})


@dg.asset(**table_asset("series"))
def series(context: dg.AssetExecutionContext, observations: pd.DataFrame) -> pd.DataFrame:
    """One row per indicator and reference period with the value to use and why."""
    table = build_series(observations)
    conflicts = table[table["conflict"]]
    context.add_output_metadata(
        {
            "n_series": len(table),
            "n_conflicts": len(conflicts),
            "conflicts": md(
                conflicts[["indicator", "period_start", "values_seen", "conflict_detail"]]
            ),
            "preview": md(
                table[
                    [
                        "indicator",
                        "period_start",
                        "period_end",
                        "value",
                        "unit",
                        "status",
                        "n_sources",
                        "selection_rule",
                    ]
                ],
                50,
            ),
        }
    )
    return table


@dg.asset(**table_asset("findings"))
def findings(
    context: dg.AssetExecutionContext, observations: pd.DataFrame, gdp_reference: pd.DataFrame
) -> pd.DataFrame:
    """Consistency findings across figures (GDP share, growth vs levels, cumulative declines,
    forecasts vs actuals)."""
    table = build_findings(observations, gdp_reference)
    context.add_output_metadata(
        {
            "n_findings": len(table),
            "by_check": dg.MetadataValue.json(table["check_name"].value_counts().to_dict()),
            "findings": md(table[["check_name", "severity", "message"]], 50),
        }
    )
    return table
