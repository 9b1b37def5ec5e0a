"""SQL views for analysts and the integrity rules checked before the warehouse is published,
declared once; the README's cookbook shows them with their output."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class View:
    name: str
    description: str
    sql: str


VIEWS: list[View] = [
    View(
        "latest_values",
        "The latest reported (actual or estimate) value of each indicator, with its source "
        "count and whether sources conflict.",
        """
        SELECT s.indicator, c.name AS indicator_name, s.period_start, s.period_end,
               s.period_part, s.value, s.unit, s.bound, s.status, s.n_sources, s.conflict,
               s.selection_rule
        FROM series s LEFT JOIN indicator_catalog c ON c.indicator_id = s.indicator
        WHERE s.status_class = 'reported'
        QUALIFY row_number() OVER (
            PARTITION BY s.indicator ORDER BY s.period_end DESC NULLS LAST, s.period_start DESC,
                s.period_part NULLS FIRST
        ) = 1
        ORDER BY s.indicator
        """,
    ),
    View(
        "indicator_timeseries",
        "Every indicator's series over time (one row per indicator and period), with the "
        "catalog name and the values seen across sources.",
        """
        SELECT s.indicator, c.name AS indicator_name, c.topic, s.period_start, s.period_end,
               s.period_part, s.value, s.unit, s.bound, s.status, s.n_sources, s.spread, s.conflict,
               s.values_seen
        FROM series s LEFT JOIN indicator_catalog c ON c.indicator_id = s.indicator
        ORDER BY s.indicator, s.period_start, s.period_end, s.period_part NULLS FIRST
        """,
    ),
    View(
        "source_disagreements",
        "Where sources disagree: conflicting series rows and warning findings, one row each.",
        """
        SELECT 'series conflict' AS kind, indicator, period_start, period_end,
               conflict_detail AS detail
        FROM series WHERE conflict
        UNION ALL
        SELECT 'finding: ' || check_name, indicator, period_start, period_end, message
        FROM findings WHERE severity = 'warning'
        """,
    ),
    View(
        "finding_sources",
        "Every finding with the sources of the figures it compares (findings refer to "
        "observations by id; their provenance is in observation_sources): one row per finding "
        "and claim behind its figures.",
        """
        SELECT f.finding_id, f.check_name, f.severity, f.indicator, f.period_start,
               f.period_end, s.observation_id, s.article_file, s.outlet, s.published_date,
               s.quote, s.cited_source, s.is_syndicated_copy
        FROM findings f
        CROSS JOIN LATERAL (
            SELECT unnest(string_split(f.observation_ids, '; ')) AS observation_id
        ) u
        JOIN observation_sources s ON s.observation_id = u.observation_id
        """,
    ),
    View(
        "quarantine_reasons",
        "What was quarantined and why: each rule with the number of claims and an example.",
        """
        SELECT rule, count(*) AS n_claims, any_value(reason) AS example_reason,
               any_value(quote) AS example_quote, any_value(article_file) AS example_article
        FROM quarantine GROUP BY rule ORDER BY n_claims DESC
        """,
    ),
    View(
        "claims_with_provenance",
        "Claims with their article's publication date, outlet and title: the source of every "
        "number.",
        """
        SELECT c.*, a.published_date, a.outlet, a.title,
               EXISTS (SELECT 1 FROM quarantine q WHERE q.claim_id = c.claim_id) AS quarantined
        FROM claims c JOIN articles a USING (article_file)
        """,
    ),
]


@dataclass(frozen=True)
class FlowRule:
    """Nothing lost between layers: `sql` returns the rows that went missing (none = pass).
    Run as an asset check on `asset` after the tables in `deps`."""

    asset: str
    name: str
    description: str
    sql: str
    deps: tuple[str, ...] = ()


FLOW_RULES: list[FlowRule] = [
    FlowRule(
        "articles",
        "every_file_accounted_for",
        "Every file under raw/ is an article, a duplicate of one, or a reject.",
        "SELECT r.file_path, r.outcome FROM raw_files r LEFT JOIN articles a "
        "ON a.article_file = r.article_file "
        "WHERE (r.outcome IN ('article', 'duplicate') AND a.article_file IS NULL) "
        "OR (r.outcome = 'rejected' AND r.file_path NOT IN (SELECT file_path FROM ingest_rejects))",
        ("raw_files", "ingest_rejects"),
    ),
    FlowRule(
        "validated_claims",
        "every_claim_validated_or_quarantined",
        "Every claim is in validated_claims or in quarantine, never in both.",
        "SELECT c.claim_id, c.quote FROM claims c WHERE "
        "(c.claim_id IN (SELECT claim_id FROM validated_claims)) = "
        "(c.claim_id IN (SELECT claim_id FROM quarantine))",
        ("claims", "quarantine"),
    ),
    FlowRule(
        "observations",
        "every_valid_claim_observed",
        "Every validated claim is a source of exactly one observation.",
        "SELECT v.claim_id, v.quote, count(s.observation_id) AS n_observations "
        "FROM validated_claims v LEFT JOIN observation_sources s USING (claim_id) "
        "GROUP BY ALL HAVING count(s.observation_id) <> 1",
        ("validated_claims", "observation_sources"),
    ),
]

# rule name -> query returning offending rows (none = pass), checked before publishing
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
