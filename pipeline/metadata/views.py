"""SQL views for analysts and the integrity rules checked before the warehouse is published,
declared once; the README's cookbook shows them with their output."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class View:
    name: str
    description: str
    sql: str


VIEWS: list[View] = []

# rule name -> query returning offending rows (none = pass)
INTEGRITY_SQL: dict[str, str] = {
    "claims reference articles": (
        "SELECT c.claim_id, c.article_file FROM claims c "
        "LEFT JOIN articles a USING (article_file) WHERE a.article_file IS NULL"
    ),
    "mentions reference articles": (
        "SELECT m.article_file FROM quantity_mentions m "
        "LEFT JOIN articles a USING (article_file) WHERE a.article_file IS NULL"
    ),
    "every raw file is an article, a duplicate or a reject": (
        "SELECT file_path FROM raw_files WHERE (outcome = 'rejected') = (reject_reason IS NULL)"
    ),
}


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def create_views(con) -> None:
    for view in VIEWS:
        con.execute(f"CREATE OR REPLACE VIEW {view.name} AS {view.sql}")
        con.execute(f"COMMENT ON VIEW {view.name} IS {_literal(view.description)}")
