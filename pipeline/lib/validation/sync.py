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

import numpy as np
import pandas as pd

from pipeline.lib import warehouse
from pipeline.lib.state.tables import get_info, set_info
from pipeline.lib.state.versions import VALIDATION_VERSION
from pipeline.lib.validation.rules import RULES, validate
from pipeline.metadata.resources import get as get_resource

CHUNK = 2000  # articles validated at a time
# the claims columns the rules read (the rest of a row is copied by SQL, never through Python)
RULE_COLUMNS = (
    "claim_id", "article_file", "char_start", "value", "unit", "bound", "status", "indicator",
    "period_start", "period_end",
)  # fmt: skip


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
    if todo:
        _stage(con, todo)
    failed: list[pd.DataFrame] = []  # (claim_id, rule, reason) of the quarantined claims
    n_chunks = -(-len(todo) // CHUNK)
    for chunk in range(n_chunks):
        # the staged columns of one chunk: a range of the sorted chunk key (zone maps skip the
        # other row groups), in the order the rules always saw (article, position, id)
        claims = con.execute(
            f"SELECT {', '.join(RULE_COLUMNS)} FROM _val_claims WHERE chunk = ? "
            "ORDER BY article_file, char_start, claim_id",
            [chunk],
        ).df()
        articles = con.execute(
            "SELECT article_file, published_date FROM _val_todo WHERE chunk = ? AND dated",
            [chunk],
        ).df()
        res = validate(claims, articles, per_article=True)
        if len(res.quarantine):
            failed.append(res.quarantine[["claim_id", "rule", "reason"]])
        indicators |= set(res.valid["indicator"].dropna().unique())
        if res.counts is not None and len(res.counts):
            con.register("_counts", res.counts)
            con.execute(
                "INSERT INTO state.validation_counts "
                "SELECT article_file, rule, n_checked, n_failed FROM _counts"
            )
            con.unregister("_counts")
        if progress:
            progress(min((chunk + 1) * CHUNK, len(todo)), len(todo))
    if todo:
        _write_results(con, claim_cols, failed)
    write_summary(con)
    n_valid = con.execute("SELECT count(*) FROM validated_claims").fetchone()[0]
    n_quar = con.execute("SELECT count(*) FROM quarantine").fetchone()[0]
    return ValidationSync(len(todo), len(gone), indicators, n_valid, n_quar, full, affected)


def _stage(con, todo: list[str]) -> None:
    """The articles to validate with their chunk number (`_val_todo`, sorted names in chunks of
    CHUNK) and the columns the rules read of their claims, sorted by chunk (`_val_claims`): one
    pass over `claims` instead of one per chunk."""
    keys = pd.DataFrame(
        {"article_file": todo, "chunk": np.arange(len(todo), dtype=np.int64) // CHUNK}
    )
    con.register("_val_keys", keys)
    try:
        # `dated`: the article has a row in `articles` (the rules see only those rows)
        con.execute(
            """
            CREATE OR REPLACE TEMP TABLE _val_todo AS
            SELECT k.article_file, k.chunk, a.published_date, a.article_file IS NOT NULL AS dated
            FROM _val_keys k LEFT JOIN (
                -- one row an article, whatever the table holds (the rules take the first)
                SELECT article_file, any_value(published_date) AS published_date
                FROM articles GROUP BY article_file) a USING (article_file)
            ORDER BY k.chunk, k.article_file
            """
        )
    finally:
        con.unregister("_val_keys")
    cols = ", ".join(f"c.{c}" for c in RULE_COLUMNS)
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE _val_claims AS
        SELECT t.chunk, {cols} FROM claims c JOIN _val_todo t USING (article_file)
        ORDER BY t.chunk
        """
    )


def _write_results(con, claim_cols: str, failed: list[pd.DataFrame]) -> None:
    """validated_claims (every staged claim that broke no rule), quarantine (a row per broken
    rule, the claim's columns copied from `claims`) and the validation log, set-based."""
    bad = (
        pd.concat(failed, ignore_index=True)
        if failed
        else pd.DataFrame({"claim_id": [], "rule": [], "reason": []}, dtype=object)
    )
    bad = bad.astype(object).where(bad.notna(), None)
    cols = ", ".join(f"c.{c}" for c in claim_cols.split(", "))
    con.register("_val_failed", bad)
    try:
        con.execute(
            f"""
            INSERT INTO validated_claims BY NAME
            SELECT {cols} FROM claims c SEMI JOIN _val_todo t USING (article_file)
            WHERE c.claim_id NOT IN (SELECT claim_id::VARCHAR FROM _val_failed)
            ORDER BY c.article_file, c.char_start, c.claim_id
            """
        )
        con.execute(
            f"""
            INSERT INTO quarantine BY NAME
            SELECT {cols}, q.rule::VARCHAR AS rule, q.reason::VARCHAR AS reason
            FROM _val_failed q JOIN claims c ON c.claim_id = q.claim_id::VARCHAR
            """
        )
    finally:
        con.unregister("_val_failed")
    con.execute(
        """
        INSERT INTO state.validation_log
        SELECT article_file, extraction_seq, ? FROM state.extraction_log
        WHERE article_file IN (SELECT article_file FROM _val_todo)
        """,
        [VALIDATION_VERSION],
    )
    con.execute("DROP TABLE IF EXISTS _val_claims")
    con.execute("DROP TABLE IF EXISTS _val_todo")


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
