"""Run a table's pandera schema (generated from pipeline.metadata) and report what failed,
without raising: the report feeds a Dagster asset check and the tests."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pandera.errors as pa_errors

from pipeline.metadata.classes import Resource


@dataclass
class SchemaReport:
    table: str
    n_rows: int
    failures: (
        pd.DataFrame
    )  # columns: schema_context, column, check, check_number, failure_case, index

    @property
    def passed(self) -> bool:
        return self.failures.empty

    def summary(self) -> pd.DataFrame:
        """Failures counted by column and check."""
        if self.failures.empty:
            return pd.DataFrame(columns=["column", "check", "n_failures", "example"])
        grouped = self.failures.groupby(["column", "check"], dropna=False)
        return (
            grouped.agg(n_failures=("failure_case", "size"), example=("failure_case", "first"))
            .reset_index()
            .sort_values("n_failures", ascending=False)
        )


def validate_frame(resource: Resource, frame: pd.DataFrame) -> SchemaReport:
    schema = resource.to_pandera()
    try:
        schema.validate(frame, lazy=True)
        failures = pd.DataFrame()
    except pa_errors.SchemaErrors as exc:
        failures = exc.failure_cases.copy()
        failures["column"] = failures["column"].astype(object).fillna("(table)")
        failures["failure_case"] = failures["failure_case"].astype(str)
    except pa_errors.SchemaError as exc:  # not lazy-collectable (e.g. a broken dtype)
        failures = pd.DataFrame(
            [
                {
                    "schema_context": "DataFrameSchema",
                    "column": "(table)",
                    "check": str(exc),
                    "check_number": None,
                    "failure_case": str(exc),
                    "index": None,
                }
            ]
        )
    return SchemaReport(resource.name, len(frame), _with_article(failures, frame))


def _with_article(failures: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """Name the article of each failing row (when the table has one), so a failed check says
    which article broke it."""
    if failures.empty or "article_file" not in frame.columns or "index" not in failures:
        return failures
    articles = frame["article_file"]

    def article_of(i):
        try:
            return articles.loc[i] if i is not None and not pd.isna(i) else None
        except (KeyError, TypeError, ValueError):
            return None

    failures = failures.copy()
    failures["article_file"] = failures["index"].map(article_of)
    return failures
