"""Run a table's pandera schema (generated from pipeline.metadata) and report what failed,
without raising: the report feeds a Dagster asset check and the tests."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
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


# pandas' datetime64[ns] range: a date outside it cannot be conformed (the frame path raises)
_NS_DATES = ("1677-09-22", "2262-04-11")


def _sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def suspect_rows_sql(resource: Resource) -> str | None:
    """A SQL condition true for every row that could fail a per-row check of the table's pandera
    schema (NOT NULL, vocabulary, range, pattern, datetime range): a superset, so pandera run on
    those rows only finds every failure it would find on all rows. None when the schema has
    checks that SQL cannot pre-select (table-wide checks, unique columns)."""
    if resource.extra_checks or any(f.unique for f in resource.fields):
        return None
    parts: list[str] = []
    for f in resource.fields:
        c = f'"{f.name}"'
        if f.required:
            parts.append(f"{c} IS NULL")
            if f.type == "number":  # pandas counts NaN as missing
                parts.append(f"isnan({c})")
        if f.enum:
            parts.append(f"{c} NOT IN ({', '.join(_sql_string(v) for v in f.enum)})")
        if f.type == "number" and (f.ge is not None or f.le is not None):
            parts.append(f"isnan({c})")  # NaN compares above every number in DuckDB
        if f.ge is not None:
            parts.append(f"{c} < {float(f.ge)!r}")
        if f.le is not None:
            parts.append(f"{c} > {float(f.le)!r}")
        if f.pattern:  # pandas' str.match: anchored at the start only
            parts.append(f"NOT regexp_matches({c}, {_sql_string('^(?:' + f.pattern + ')')})")
        if f.type in ("date", "datetime"):
            parts.append(f"({c} < DATE '{_NS_DATES[0]}' OR {c} > DATE '{_NS_DATES[1]}')")
    return " OR ".join(f"coalesce({p}, FALSE)" for p in parts) or "FALSE"


def _types_as_declared(con, resource: Resource) -> bool:
    """The table's columns are exactly the declared ones, with the declared DuckDB types (then
    pandera's dtype checks and coercions cannot fail on any row)."""
    # DESCRIBE reads one table's entry (about 1 ms); duckdb_columns() lists every column of the
    # catalog (about 20 ms on the first call of a connection, once per check step)
    try:
        found = con.execute(
            f'SELECT column_name, column_type FROM (DESCRIBE main."{resource.name}")'
        ).fetchall()
    except duckdb.CatalogException:  # no such table
        return False
    return dict(found) == {f.name: f.duckdb_type for f in resource.fields}


def _count(con, table: str) -> int:
    return con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]


def validate_table(
    con, resource: Resource, where: str | None = None, chunk_rows: int = 250_000
) -> SchemaReport:
    """The schema check of a table in DuckDB, in chunks of `chunk_rows` rows (memory stays flat
    on tables of millions of rows), of the rows matching `where` (all when None); the primary
    key is checked by SQL, over the whole table or, with `where`, over the rows sharing a key
    with the rows matching it.

    When the table has the declared columns and types, SQL first selects the rows that could
    fail a check (`suspect_rows_sql`) and pandera runs on those only (usually none): the same
    failures, without bringing every row into pandas. `index` in the failure cases is the row's
    position among the rows in scope, as in a check of every row."""
    cols = ", ".join(resource.field_names)
    scoped = f"SELECT {cols} FROM {resource.name}" + (f" WHERE {where}" if where else "")
    suspect = suspect_rows_sql(resource)
    if suspect is not None and _types_as_declared(con, resource):
        n_rows = con.execute(f"SELECT count(*) FROM ({scoped})").fetchall()[0][0]
        sql = (
            f"SELECT * FROM (SELECT row_number() OVER () - 1 AS _row, * FROM ({scoped})) "
            f"WHERE {suspect}"
        )
    else:
        n_rows, sql = None, f"SELECT NULL::BIGINT AS _row, * FROM ({scoped})"
    reader = con.sql(sql).to_arrow_reader(chunk_rows)
    parts: list[pd.DataFrame] = []
    n_read = n_failures = offset = 0
    for batch in reader:
        raw = batch.to_pandas()
        frame = resource.conform(raw)
        if n_rows is None:
            frame.index = frame.index + offset
        else:
            frame.index = pd.Index(raw["_row"].to_numpy())
        offset += len(frame)
        n_read += len(frame)
        report = validate_frame(resource, frame, unique=False)
        n_failures += len(report.failures)
        if len(report.failures) and sum(len(p) for p in parts) < MAX_FAILURE_ROWS:
            parts.append(report.failures)
    if resource.primary_key:
        key = ", ".join(resource.primary_key)
        rows = resource.name
        # a duplicate involving a row in scope has its key among theirs; when every row is in
        # scope (a cold run) that is the whole table, without the join
        if where and (n_rows is None or n_rows != _count(con, resource.name)):
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
    n_rows = n_read if n_rows is None else n_rows
    return SchemaReport(resource.name, n_rows, failures.head(MAX_FAILURE_ROWS))
