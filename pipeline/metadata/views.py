"""SQL views for analysts and the integrity rules checked before the warehouse is published,
declared once; the README's cookbook shows them with their output."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from pipeline.metadata.fields import FIELDS


@dataclass(frozen=True)
class View:
    """A view: its SQL, what it holds, and a description of each column that is not a declared
    field (pipeline/metadata/fields.py) or that means something else here."""

    name: str
    description: str
    sql: str
    columns: dict[str, str] = field(default_factory=dict)

    def column_comment(self, column: str) -> str | None:
        if column in self.columns:
            return self.columns[column]
        f = FIELDS.get(column)
        return f.comment() if f else None


_INDICATOR_NAME = "Human-readable name of the indicator (indicator_catalog.name)."
_SELECTED = "of the chosen observation's most recent source (latest publication date)."
_SIDE = {
    "outlet": "Publishing outlet of source {s} (NULL when its header names none).",
    "published_date": "Publication date of source {s}'s article.",
    "article_file": "Article of source {s}.",
    "value": "Value of source {s}'s observation, in base units.",
    "bound": "Bound of source {s}'s figure (exact, approx, lower, upper).",
    "status": "Status of source {s}'s claim (actual, estimate, forecast, target).",
    "quote": "The quote of source {s} (the text at its offsets).",
    "observation_id": "Observation of source {s}.",
    "claim_id": "Claim of source {s}.",
}


VIEWS: list[View] = [
    View(
        "latest_values",
        "The latest reported (actual or estimate) value of each indicator, with its source "
        "count, whether sources conflict, and the observation, quote, outlet and publication "
        "date it comes from (its most recent source).",
        """
        WITH latest_source AS (
            SELECT observation_id, claim_id, quote, outlet, published_date, article_file
            FROM observation_sources
            QUALIFY row_number() OVER (
                PARTITION BY observation_id
                ORDER BY published_date DESC NULLS LAST, counts_as_source DESC, article_file,
                    claim_id
            ) = 1
        )
        SELECT s.indicator, c.name AS indicator_name, s.period_start, s.period_end,
               s.period_part, s.value, s.unit, s.bound, s.status, s.n_sources, s.conflict,
               s.selection_rule, s.observation_id, o.outlets, l.quote, l.outlet, l.published_date,
               l.article_file, l.claim_id
        FROM series s LEFT JOIN indicator_catalog c ON c.indicator_id = s.indicator
        LEFT JOIN observations o USING (observation_id)
        LEFT JOIN latest_source l USING (observation_id)
        WHERE s.status_class = 'reported'
        QUALIFY row_number() OVER (
            PARTITION BY s.indicator ORDER BY s.period_end DESC NULLS LAST, s.period_start DESC,
                s.period_part NULLS FIRST
        ) = 1
        ORDER BY s.indicator
        """,
        {
            "indicator_name": _INDICATOR_NAME,
            "status": "Status of the chosen value: actual or estimate.",
            "observation_id": "The observation the value is taken from (series.observation_id).",
            "quote": "The quote " + _SELECTED,
            "outlet": "Publishing outlet " + _SELECTED + " NULL when its header names none.",
            "published_date": "Publication date " + _SELECTED,
            "article_file": "Article " + _SELECTED,
            "claim_id": "Claim " + _SELECTED,
        },
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
        {"indicator_name": _INDICATOR_NAME, "topic": "Topic of the indicator (catalog)."},
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
        {
            "kind": "'series conflict', or 'finding: ' and the consistency check's name.",
            "indicator": "Id of the indicator (for a finding, the one it is about).",
            "detail": "The disagreeing figures (series.conflict_detail) or the finding's message.",
        },
    ),
    View(
        "source_pairs_disagreeing",
        "Pairs of sources that report different figures for the same indicator, period and "
        "status class (actual/estimate, forecast or target): one row per pair, with the outlet, "
        "date, value and quote of each side. `conflict` is true when the two figures' intervals "
        "have no common point (they disagree beyond rounding and bounds).",
        """
        WITH src AS (
            SELECT o.indicator, o.period_start, o.period_end, o.period_part, o.status_class,
                   o.unit, o.value, o.bound, o.value_low, o.value_high, s.observation_id,
                   s.claim_id, s.article_file, s.outlet, s.published_date, s.status, s.quote,
                   s.syndication_group
            FROM observation_sources s JOIN observations o USING (observation_id)
        )
        SELECT a.indicator, a.period_start, a.period_end, a.period_part, a.status_class, a.unit,
               NOT (coalesce(a.value_high >= b.value_low, true)
                    AND coalesce(b.value_high >= a.value_low, true)) AS conflict,
               a.outlet AS outlet_a, a.published_date AS published_date_a,
               a.value AS value_a, a.bound AS bound_a, a.quote AS quote_a,
               a.article_file AS article_file_a,
               b.outlet AS outlet_b, b.published_date AS published_date_b,
               b.value AS value_b, b.bound AS bound_b, b.quote AS quote_b,
               b.article_file AS article_file_b,
               a.observation_id AS observation_id_a, b.observation_id AS observation_id_b,
               a.claim_id AS claim_id_a, b.claim_id AS claim_id_b
        FROM src a JOIN src b
          ON a.indicator = b.indicator AND a.period_start IS NOT DISTINCT FROM b.period_start
         AND a.period_end IS NOT DISTINCT FROM b.period_end
         AND a.period_part IS NOT DISTINCT FROM b.period_part
         AND a.status_class = b.status_class AND a.unit = b.unit
         AND a.observation_id < b.observation_id
         AND a.article_file <> b.article_file
        ORDER BY a.indicator, a.period_start, conflict DESC, a.published_date, b.published_date
        """,
        {
            "indicator": "Id of the indicator both sources measure.",
            "unit": "Unit of both values.",
            "conflict": "The two figures' intervals (rounding, approximation, bound) have no "
            "common point: a disagreement beyond rounding, not just a different precision or "
            "bound.",
            **{
                f"{col}_{side}": text.format(s=side.upper())
                for side in ("a", "b")
                for col, text in _SIDE.items()
            },
        },
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
        {
            "n_claims": "Claims quarantined by the rule.",
            "example_reason": "The reason given for one of them.",
            "example_quote": "The quote of one of them.",
            "example_article": "The article of one of them.",
        },
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
        {
            "quarantined": "The claim broke a validation rule (it is in quarantine).",
            "outlet": "Publishing outlet named in the article's header (NULL when none is).",
        },
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
        "SELECT v.claim_id, v.quote, coalesce(n.n_observations, 0) AS n_observations "
        "FROM validated_claims v LEFT JOIN (SELECT claim_id, count(*) AS n_observations "
        "FROM observation_sources GROUP BY claim_id) n USING (claim_id) "
        "WHERE coalesce(n.n_observations, 0) <> 1",
        ("validated_claims", "observation_sources"),
    ),
]

# rule name -> query returning offending rows (none = pass), checked before publishing
# The per-article tables are compared with articles on their distinct article_file values (the
# articles missing, NULL included, as examples): the same pass or fail as joining every row, and
# about a third of the CPU on 3.3 million claims (0.07 against 0.2-0.3 s at 100,000 articles;
# these run before the rename, so they delay the publish).
INTEGRITY_SQL: dict[str, str] = {
    "claims reference articles": (
        "SELECT c.article_file FROM (SELECT DISTINCT article_file FROM claims) c "
        "ANTI JOIN articles a USING (article_file)"
    ),
    "mentions reference articles": (
        "SELECT m.article_file FROM (SELECT DISTINCT article_file FROM quantity_mentions) m "
        "ANTI JOIN articles a USING (article_file)"
    ),
    "articles come from raw_files": (
        "SELECT a.article_file FROM articles a LEFT JOIN raw_files r "
        "ON r.file_path = a.article_file AND r.outcome = 'article' "
        "AND r.sha256 IS NOT DISTINCT FROM a.sha256 WHERE r.file_path IS NULL"
    ),
    "every raw file is an article, a duplicate or a reject": (
        "SELECT file_path FROM raw_files WHERE (outcome = 'rejected') = (reject_reason IS NULL)"
    ),
}


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def views_digest() -> str:
    """A digest of every view's name, SQL, description and column comments (what
    `create_views` writes): a build whose views were created under the same digest has them."""
    payload = [(v.name, v.sql, v.description, sorted(v.columns.items())) for v in VIEWS]
    payload.append(sorted((name, f.comment()) for name, f in FIELDS.items()))
    return hashlib.sha256(repr(payload).encode("utf-8")).hexdigest()[:16]


def create_views(con) -> None:
    """Create every view with its comment and a comment on each of its columns (a column without
    a description is an error: declare it in the view's `columns`), in one transaction."""
    con.execute("BEGIN TRANSACTION")
    try:
        for view in VIEWS:
            con.execute(f"CREATE OR REPLACE VIEW {view.name} AS {view.sql}")
            con.execute(f"COMMENT ON VIEW {view.name} IS {_literal(view.description)}")
            for (column,) in con.execute(
                "SELECT column_name FROM duckdb_columns() WHERE table_name = ? "
                "ORDER BY column_index",
                [view.name],
            ).fetchall():
                comment = view.column_comment(column)
                if comment is None:
                    raise ValueError(f"view {view.name}: column {column!r} has no description")
                con.execute(f'COMMENT ON COLUMN {view.name}."{column}" IS {_literal(comment)}')
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
