"""Layers quantities and claims: run the extractor and the attribution over every article."""

import time

import dagster as dg
import pandas as pd

from pipeline.defs.checks import md
from pipeline.lib.claim_table import claims_table
from pipeline.lib.mention_table import mentions_table


def _progress(context: dg.AssetExecutionContext, total: int, what: str, every: int = 500):
    start = time.monotonic()

    def report(n: int) -> None:
        if n % every == 0 or n == total:
            rate = n / max(time.monotonic() - start, 1e-9)
            context.log.info(f"{what}: {n}/{total} articles ({rate:,.0f} articles/s)")

    return report


@dg.asset(group_name="quantities", kinds={"duckdb"})
def quantity_mentions(context: dg.AssetExecutionContext, articles: pd.DataFrame) -> pd.DataFrame:
    """Every quantity mention, period expression and set-aside number in each article."""
    pairs = zip(articles["article_file"], articles["text"], strict=True)
    t0 = time.monotonic()
    table = mentions_table(pairs, progress=_progress(context, len(articles), "quantities"))
    seconds = time.monotonic() - t0
    kinds = table["mention_kind"].value_counts().to_dict()
    context.add_output_metadata(
        {
            **{f"n_{k}": int(v) for k, v in kinds.items()},
            "chars_per_second": float(articles["n_chars"].sum() / max(seconds, 1e-9)),
            "ignored_reasons": dg.MetadataValue.json(
                table.loc[table["mention_kind"] == "ignored", "reason"].value_counts().to_dict()
            ),
            "preview": md(table[table["mention_kind"] == "quantity"].drop(columns=["reason"])),
        }
    )
    return table


@dg.asset(group_name="claims", kinds={"duckdb"})
def claims(context: dg.AssetExecutionContext, articles: pd.DataFrame) -> pd.DataFrame:
    """Statistical claims: each quantity with its indicator, reference period, status, source."""
    table = claims_table(articles, progress=_progress(context, len(articles), "claims"))
    context.add_output_metadata(
        {
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
        }
    )
    return table
