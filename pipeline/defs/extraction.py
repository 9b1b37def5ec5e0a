"""Layers quantities and claims: run the extractor and the attribution over every article."""

import time

import dagster as dg
import pandas as pd

from pipeline.defs.checks import md
from pipeline.defs.tables import table_asset
from pipeline.lib.claims.table import claims_table
from pipeline.lib.per_article import Outcome
from pipeline.lib.quantities.table import mentions_table


def _progress(context: dg.AssetExecutionContext, total: int, what: str, every: int = 500):
    start = time.monotonic()

    def report(n: int) -> None:
        if n % every == 0 or n == total:
            rate = n / max(time.monotonic() - start, 1e-9)
            context.log.info(f"{what}: {n}/{total} articles ({rate:,.0f} articles/s)")

    return report


def _failures_check(
    context: dg.AssetExecutionContext, outcome: Outcome, asset: str, what: str
) -> dg.AssetCheckResult:
    """The articles a step failed on (a bug in a rule): they have no rows, the run goes on."""
    for f in outcome.failures:
        context.log.error(f"{what} failed on {f.article_file}: {f.error} ({f.where})")
    return dg.AssetCheckResult(
        check_name="every_article_processed",
        asset_key=asset,
        passed=not outcome.failures,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={
            "n_failed_articles": len(outcome.failures),
            "failures": md(pd.DataFrame(outcome.rows())),
        },
    )


def _processed_spec(asset: str, what: str) -> dg.AssetCheckSpec:
    return dg.AssetCheckSpec(
        name="every_article_processed",
        asset=asset,
        description=f"The {what} ran on every article; an article it failed on is listed with "
        "the error (it has no rows, the run goes on).",
    )


@dg.asset(
    **table_asset(
        "quantity_mentions",
        check_specs=[_processed_spec("quantity_mentions", "quantity extractor")],
    )
)
def quantity_mentions(context: dg.AssetExecutionContext, articles: pd.DataFrame):
    """Every quantity mention, period expression and set-aside number in each article."""
    pairs = zip(articles["article_file"], articles["text"], strict=True)
    t0 = time.monotonic()
    table, outcome = mentions_table(pairs, progress=_progress(context, len(articles), "quantities"))
    seconds = time.monotonic() - t0
    kinds = table["mention_kind"].value_counts().to_dict()
    yield dg.Output(
        table,
        metadata={
            **{f"n_{k}": int(v) for k, v in kinds.items()},
            "chars_per_second": float(articles["n_chars"].sum() / max(seconds, 1e-9)),
            "ignored_reasons": dg.MetadataValue.json(
                table.loc[table["mention_kind"] == "ignored", "reason"].value_counts().to_dict()
            ),
            "preview": md(table[table["mention_kind"] == "quantity"].drop(columns=["reason"])),
        },
    )
    yield _failures_check(context, outcome, "quantity_mentions", "quantity extraction")


@dg.asset(**table_asset("claims", check_specs=[_processed_spec("claims", "claims layer")]))
def claims(context: dg.AssetExecutionContext, articles: pd.DataFrame):
    """Statistical claims: each quantity with its indicator, reference period, status, source."""
    table, outcome = claims_table(articles, progress=_progress(context, len(articles), "claims"))
    yield dg.Output(
        table,
        metadata={
            "n_claims": len(table),
            "n_unclassified": int((table["indicator"] == "unclassified").sum()),
            "by_status": dg.MetadataValue.json(table["status"].value_counts().to_dict()),
            "by_indicator": md(
                table["indicator"].value_counts().rename_axis("indicator").reset_index(), 50
            ),
            "preview": md(
                table[
                    [
                        "article_file",
                        "quote",
                        "value",
                        "unit",
                        "bound",
                        "period_start",
                        "status",
                        "indicator",
                    ]
                ]
            ),
        },
    )
    yield _failures_check(context, outcome, "claims", "claims extraction")
