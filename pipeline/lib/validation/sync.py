"""Layer validated, incrementally: validate the claims of the articles extracted since the last
validation (or all of them when the rules changed), keep the others' results, and rebuild the
per-rule summary from per-article counts. Plain Python and SQL, no Dagster.

`validated_claims` and `quarantine` keep their rows per article; `validation_summary` is the sum
of state.validation_counts, with up to three examples per rule taken from the quarantine in
claim_id order (so a cold and an incremental run give the same summary).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from pipeline.lib import warehouse
from pipeline.lib.state.tables import get_info, set_info
from pipeline.lib.state.versions import VALIDATION_VERSION
from pipeline.lib.validation.rules import RULES, validate
from pipeline.metadata.resources import get as get_resource

CHUNK = 2000  # articles validated at a time


@dataclass
class ValidationSync:
    n_articles: int  # articles (re)validated this run
    n_removed: int  # articles whose results were dropped (gone, or re-extracted)
    indicators: set[str]  # indicators whose validated claims may have changed
    n_valid: int
    n_quarantined: int  # quarantine rows
    full: bool = False  # every claim was (re)validated: the curated layer is rebuilt whole
    articles: list[str] | None = None  # articles whose validated claims may have changed


def _changed(con) -> tuple[list[str], list[str]]:
    todo = [
        r[0]
        for r in con.execute(
            """
            SELECT l.article_file FROM state.extraction_log l
            LEFT JOIN state.validation_log v USING (article_file)
            WHERE l.status = 'ok' AND (v.extraction_seq IS DISTINCT FROM l.extraction_seq
                                       OR v.validation_version IS DISTINCT FROM ?)
            ORDER BY l.article_file
            """,
            [VALIDATION_VERSION],
        ).fetchall()
    ]
    gone = [
        r[0]
        for r in con.execute(
            """
            SELECT article_file FROM state.validation_log v
            WHERE NOT EXISTS (SELECT 1 FROM state.extraction_log l
                              WHERE l.article_file = v.article_file AND l.status = 'ok')
            """
        ).fetchall()
    ]
    return todo, gone


def validate_changed(con, progress: Callable[[int, int], None] | None = None) -> ValidationSync:
    vres, qres = get_resource("validated_claims"), get_resource("quarantine")
    warehouse.ensure_table(con, vres)
    warehouse.ensure_table(con, qres)
    full = get_info(con, "validation_version") != VALIDATION_VERSION
    if full:
        con.execute("DELETE FROM state.validation_log")
        set_info(con, "validation_version", VALIDATION_VERSION)
    todo, gone = _changed(con)
    affected = todo + gone
    indicators: set[str] = set()
    if affected:
        con.register("_aff", pd.DataFrame({"article_file": affected}, dtype=object))
        indicators |= {
            r[0]
            for r in con.execute(
                "SELECT DISTINCT indicator FROM validated_claims "
                "WHERE article_file IN (SELECT article_file FROM _aff)"
            ).fetchall()
        }
        con.unregister("_aff")
    warehouse.delete_articles(
        con,
        [
            "validated_claims",
            "quarantine",
            "state.validation_counts",
            "state.validation_log",
        ],
        affected,
    )
    claim_cols = ", ".join(get_resource("claims").field_names)
    for start in range(0, len(todo), CHUNK):
        part = todo[start : start + CHUNK]
        # read once as Arrow: the rules see it as pandas, and the valid rows go back to DuckDB
        # from Arrow (inserting a pandas frame of every claim cost a quarter of the step)
        table = con.sql(
            f"SELECT {claim_cols} FROM claims WHERE article_file IN "
            "(SELECT unnest(?::VARCHAR[])) ORDER BY article_file, char_start, claim_id",
            params=[part],
        ).to_arrow_table()
        claims = con.from_arrow(table).df()
        articles = con.execute(
            "SELECT article_file, published_date FROM articles WHERE article_file IN "
            "(SELECT unnest(?::VARCHAR[]))",
            [part],
        ).df()
        res = validate(claims, articles, per_article=True)
        _insert_rows(con, vres.name, table.take(res.valid.index.to_numpy()))
        warehouse.insert_frame(con, qres, res.quarantine)
        indicators |= set(res.valid["indicator"].dropna().unique())
        if res.counts is not None and len(res.counts):
            con.register("_counts", res.counts)
            con.execute(
                "INSERT INTO state.validation_counts "
                "SELECT article_file, rule, n_checked, n_failed FROM _counts"
            )
            con.unregister("_counts")
        con.execute(
            """
            INSERT INTO state.validation_log
            SELECT article_file, extraction_seq, ? FROM state.extraction_log
            WHERE article_file IN (SELECT unnest(?::VARCHAR[]))
            """,
            [VALIDATION_VERSION, part],
        )
        if progress:
            progress(min(start + CHUNK, len(todo)), len(todo))
    write_summary(con)
    n_valid = con.execute("SELECT count(*) FROM validated_claims").fetchone()[0]
    n_quar = con.execute("SELECT count(*) FROM quarantine").fetchone()[0]
    return ValidationSync(len(todo), len(gone), indicators, n_valid, n_quar, full, affected)


def _insert_rows(con, name: str, rows) -> None:
    """Append an Arrow table of rows read from a table with the same declared fields."""
    if not rows.num_rows:
        return
    con.register("_rows", rows)
    try:
        con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM _rows")
    finally:
        con.unregister("_rows")


def write_summary(con) -> pd.DataFrame:
    """validation_summary from the per-article counts and the quarantine."""
    rules = pd.DataFrame(
        {
            "rule": [r.id for r in RULES],
            "description": [r.description for r in RULES],
            "rule_order": range(len(RULES)),
        }
    )
    con.register("_rules", rules)
    try:
        summary = con.execute(
            """
            WITH c AS (SELECT rule, sum(n_checked) AS n_checked, sum(n_failed) AS n_failed
                       FROM state.validation_counts GROUP BY rule),
            q AS (SELECT rule, claim_id || ': ' || coalesce(reason, '') AS ex,
                         row_number() OVER (PARTITION BY rule ORDER BY claim_id) AS k
                  FROM quarantine),
            e AS (SELECT rule, string_agg(ex, ' | ' ORDER BY k) AS examples
                  FROM q WHERE k <= 3 GROUP BY rule)
            SELECT r.rule, r.description, coalesce(c.n_checked, 0)::BIGINT AS n_checked,
                   coalesce(c.n_failed, 0)::BIGINT AS n_failed, coalesce(e.examples, '') AS examples
            FROM _rules r LEFT JOIN c USING (rule) LEFT JOIN e USING (rule)
            ORDER BY r.rule_order
            """
        ).df()
    finally:
        con.unregister("_rules")
    warehouse.write_table(con, get_resource("validation_summary"), summary)
    return summary
