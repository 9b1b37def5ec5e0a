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


def validate_frame(resource: Resource, frame: pd.DataFrame, unique: bool = True) -> SchemaReport:
    schema = resource.to_pandera(unique=unique)
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


MAX_FAILURE_ROWS = 1000  # failure cases kept for the report (the count is exact)


def validate_table(
    con, resource: Resource, where: str | None = None, chunk_rows: int = 250_000
) -> SchemaReport:
    """The schema check of a table in DuckDB, in chunks of `chunk_rows` rows (memory stays flat
    on tables of millions of rows), of the rows matching `where` (all when None); the primary
    key is checked by SQL, over the whole table or, with `where`, over the rows sharing a key
    with the rows matching it."""
    cols = ", ".join(resource.field_names)
    sql = f"SELECT {cols} FROM {resource.name}" + (f" WHERE {where}" if where else "")
    reader = con.sql(sql).to_arrow_reader(chunk_rows)
    parts: list[pd.DataFrame] = []
    n_rows = n_failures = offset = 0
    for batch in reader:
        frame = resource.conform(batch.to_pandas())
        frame.index = frame.index + offset
        offset += len(frame)
        n_rows += len(frame)
        report = validate_frame(resource, frame, unique=False)
        n_failures += len(report.failures)
        if len(report.failures) and sum(len(p) for p in parts) < MAX_FAILURE_ROWS:
            parts.append(report.failures)
    if resource.primary_key:
        key = ", ".join(resource.primary_key)
        rows = resource.name
        if where:  # a duplicate involving a row in scope has its key among theirs
            rows = (
                f"(SELECT {key} FROM {resource.name} SEMI JOIN (SELECT DISTINCT {key} "
                f"FROM {resource.name} WHERE {where}) _scope USING ({key}))"
            )
        dups = con.execute(
            f"SELECT {key}, count(*) AS n FROM {rows} GROUP BY ALL HAVING count(*) > 1 "
            "ORDER BY n DESC LIMIT 20"
        ).df()
        if len(dups):
            parts.append(
                pd.DataFrame(
                    {
                        "schema_context": "DataFrameSchema",
                        "column": "(table)",
                        "check": f"primary key ({key}) is unique",
                        "check_number": None,
                        "failure_case": [
                            ", ".join(str(v) for v in row[:-1]) + f" ({row[-1]} rows)"
                            for row in dups.itertuples(index=False)
                        ],
                        "index": None,
                    }
                )
            )
    failures = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
    return SchemaReport(resource.name, n_rows, failures.head(MAX_FAILURE_ROWS))
