"""Which rows of `articles` and the curated tables changed since the build copy was last
published, so that their schema checks read those rows only (the rows published before passed
the checks of the run that wrote them).

Each of those steps widens its table's scope with a SQL condition on the rows it rewrote
(`widen`); a full rebuild widens it to every row. The scope accumulates over runs until a
publish succeeds (`clear_after_publish`), so a run whose check failed leaves its rows in the
scope of the next run. A table without a recorded scope (a build made before scopes were
recorded) is checked whole. Kept in state.build_info; plain SQL, no Dagster.
"""

from __future__ import annotations

import json
import uuid

from pipeline.lib.state.tables import get_info, set_info

ALL = "*"
SCOPED = ("articles", "observations", "observation_sources", "series", "findings")
CHANGED_OBSERVATIONS = "state.changed_observations"  # observation ids rewritten since publish
OBSERVATIONS_CONDITION = f"observation_id IN (SELECT observation_id FROM {CHANGED_OBSERVATIONS})"


def _key(table: str) -> str:
    return f"check_scope:{table}"


def widen(con, table: str, condition: str | None) -> None:
    """Add the rows matching `condition` (None: every row) to the scope of `table`."""
    old = get_info(con, _key(table))
    if condition is None or old is None or old == ALL:
        set_info(con, _key(table), ALL)
    elif not old:
        set_info(con, _key(table), condition)
    elif condition not in old.split("\n OR "):
        set_info(con, _key(table), f"{old}\n OR {condition}")


def record_observations(con, observation_ids_sql: str | None) -> None:
    """The observations (and their sources) rewritten: the ids that `observation_ids_sql`
    selects, or every row (None)."""
    if observation_ids_sql is None:
        for table in ("observations", "observation_sources"):
            widen(con, table, None)
        return
    con.execute(f"CREATE TABLE IF NOT EXISTS {CHANGED_OBSERVATIONS} (observation_id VARCHAR)")
    con.execute(f"INSERT INTO {CHANGED_OBSERVATIONS} {observation_ids_sql}")
    for table in ("observations", "observation_sources"):
        widen(con, table, OBSERVATIONS_CONDITION)


CHANGED_FINDINGS = "state.changed_findings"  # finding ids rewritten since publish
FINDINGS_CONDITION = f"finding_id IN (SELECT finding_id FROM {CHANGED_FINDINGS})"


def record_findings(con, finding_ids_sql: str) -> None:
    """The findings rewritten: the ids that `finding_ids_sql` selects."""
    con.execute(f"CREATE TABLE IF NOT EXISTS {CHANGED_FINDINGS} (finding_id VARCHAR)")
    con.execute(f"INSERT INTO {CHANGED_FINDINGS} {finding_ids_sql}")
    widen(con, "findings", FINDINGS_CONDITION)


CHANGED_ARTICLES = "state.changed_articles"  # articles written or updated since publish
ARTICLES_CONDITION = f"article_file IN (SELECT article_file FROM {CHANGED_ARTICLES})"


def record_articles(con, names: list[str]) -> None:
    """The `articles` rows written or updated (new texts, new duplicate or syndication)."""
    con.execute(f"CREATE TABLE IF NOT EXISTS {CHANGED_ARTICLES} (article_file VARCHAR)")
    if names:
        con.execute(
            f"INSERT INTO {CHANGED_ARTICLES} SELECT unnest(?::VARCHAR[])", [sorted(set(names))]
        )
    widen(con, "articles", ARTICLES_CONDITION)


CHANGED_CLAIM_ARTICLES = "state.changed_claim_articles"  # articles whose claims were observed


def record_claim_articles(con, names: list[str]) -> None:
    """The articles whose validated claims the observations step took (by delta) since publish."""
    con.execute(f"CREATE TABLE IF NOT EXISTS {CHANGED_CLAIM_ARTICLES} (article_file VARCHAR)")
    if names:
        con.execute(
            f"INSERT INTO {CHANGED_CLAIM_ARTICLES} SELECT unnest(?::VARCHAR[])",
            [sorted(set(names))],
        )


# The flow rule `every_valid_claim_observed` (pipeline.metadata.views) on the validated claims
# that can have changed since the last publish: those of the articles the observations step took,
# and those whose observation_sources rows were rewritten. A claim outside both has the rows it
# had when the last publish checked it. The quotes are read for the offending claims only.
_VALID_CLAIM_OBSERVED_SQL = """
WITH sc AS MATERIALIZED (
    SELECT claim_id FROM validated_claims WHERE article_file IN (SELECT article_file FROM {articles})
    UNION SELECT claim_id FROM observation_sources WHERE {observations}),
n AS (SELECT claim_id, count(*) AS n_observations FROM observation_sources
      WHERE claim_id IN (SELECT claim_id FROM sc) GROUP BY claim_id),
bad AS MATERIALIZED (
    SELECT v.claim_id, coalesce(n.n_observations, 0) AS n_observations
    FROM (SELECT DISTINCT claim_id FROM validated_claims
          WHERE claim_id IN (SELECT claim_id FROM sc)) v
    LEFT JOIN n USING (claim_id) WHERE coalesce(n.n_observations, 0) <> 1)
SELECT v.claim_id, v.quote, bad.n_observations FROM validated_claims v JOIN bad USING (claim_id)
"""


CHANGED_VALIDATED = "state.changed_validated_articles"  # articles (re)validated since publish
VALIDATED_KEY = "validated_articles"  # its check_scope key: ALL after a full validation


def record_validated_articles(con, names: list[str] | None) -> None:
    """The articles whose claims validation split again (or dropped), or every article (None:
    the validation rules changed). Their claims are the ones `every_claim_validated_or_quarantined`
    reads; the claims of the other articles are in the tables as the last publish checked them."""
    if names is None:
        widen(con, VALIDATED_KEY, None)
        return
    con.execute(f"CREATE TABLE IF NOT EXISTS {CHANGED_VALIDATED} (article_file VARCHAR)")
    if names:
        con.execute(
            f"INSERT INTO {CHANGED_VALIDATED} SELECT unnest(?::VARCHAR[])", [sorted(set(names))]
        )
    widen(con, VALIDATED_KEY, f"article_file IN (SELECT article_file FROM {CHANGED_VALIDATED})")


# The flow rule `every_claim_validated_or_quarantined` (pipeline.metadata.views) on the claims of
# the articles validated since the last publish (validation rewrites the validated_claims and
# quarantine rows of exactly those, and of the articles whose claims were dropped) and of the
# articles extracted again and not validated since (a run that stopped between the two steps).
_UNVALIDATED = (
    "SELECT l.article_file FROM state.extraction_log l "
    "LEFT JOIN state.validation_log v USING (article_file) "
    "WHERE v.extraction_seq IS DISTINCT FROM l.extraction_seq"
)
_CLAIM_VALIDATED_SQL = """
WITH c AS (SELECT claim_id, quote FROM claims WHERE article_file IN ({files}))
SELECT c.claim_id, c.quote FROM c WHERE
(c.claim_id IN (SELECT claim_id FROM validated_claims WHERE claim_id IN (SELECT claim_id FROM c)))
= (c.claim_id IN (SELECT claim_id FROM quarantine WHERE claim_id IN (SELECT claim_id FROM c)))
"""


def _validated_sql(con, sql: str) -> tuple[str, str]:
    scope = condition(con, VALIDATED_KEY)
    if scope is None:
        return sql, "every row"
    files = _UNVALIDATED
    if scope != "FALSE":  # recorded: the table exists
        files = f"SELECT article_file FROM {CHANGED_VALIDATED} UNION ALL {files}"
    return _CLAIM_VALIDATED_SQL.format(files=files), (
        "the claims of the articles validated since the last publish, or extracted and not "
        "validated since (the others were checked before)"
    )


def flow_sql(con, rule_name: str, sql: str) -> tuple[str, str]:
    """The query to run for a flow rule and the rows it reads: `sql` on every row, or a variant
    on the rows changed since the last publish when the rule has one and the scope is known."""
    if rule_name == "every_claim_validated_or_quarantined":
        return _validated_sql(con, sql)
    if rule_name != "every_valid_claim_observed":
        return sql, "every row"
    scope = condition(con, "observation_sources")
    if scope is None:
        return sql, "every row"
    exists = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'state' AND table_name = ?",
        [CHANGED_CLAIM_ARTICLES.split(".")[1]],
    ).fetchone()[0]
    if not exists:
        if scope != "FALSE":  # a delta recorded before the articles were: check every row
            return sql, "every row"
        return "SELECT NULL AS claim_id, NULL AS quote, 0 AS n_observations WHERE FALSE", (
            "no row (nothing observed since the last publish)"
        )
    return _VALID_CLAIM_OBSERVED_SQL.format(articles=CHANGED_CLAIM_ARTICLES, observations=scope), (
        "the validated claims of the articles observed since the last publish and those of the "
        "observations rewritten since (the others were checked before)"
    )


SOURCE_INDICATORS = "source_indicators"  # build_info key: indicators whose sources changed


def record_source_indicators(con, indicators) -> None:
    """The indicators whose observations or observation_sources rows were rewritten (before or
    after), or every indicator (None). The report redraws their sections and takes the digest
    of the others' sources from the last report (see pipeline.lib.report)."""
    old = get_info(con, SOURCE_INDICATORS)
    if indicators is None or old is None or old == ALL:
        set_info(con, SOURCE_INDICATORS, ALL)
        return
    merged = sorted(set(json.loads(old) if old else []) | {str(i) for i in indicators})
    set_info(con, SOURCE_INDICATORS, json.dumps(merged))


def source_indicators(con) -> set[str] | None:
    """The indicators recorded by `record_source_indicators` since the last publish (read on the
    published file: those since the publish before it), or None when unknown or all."""
    value = get_info(con, SOURCE_INDICATORS)
    if value is None or value == ALL:
        return None
    return set(json.loads(value)) if value else set()


PUBLISH_ID, PREVIOUS_PUBLISH_ID = "publish_id", "previous_publish_id"


def stamp_publish(con) -> None:
    """Before publishing: a new id for this publish, and the id of the publish this build was
    copied from (its changes since are recorded above)."""
    set_info(con, PREVIOUS_PUBLISH_ID, get_info(con, PUBLISH_ID) or "")
    set_info(con, PUBLISH_ID, uuid.uuid4().hex)


def publish_ids(con) -> tuple[str | None, str | None]:
    """(this publish's id, the previous publish's id) of a published file."""
    return get_info(con, PUBLISH_ID), get_info(con, PREVIOUS_PUBLISH_ID)


def condition(con, table: str) -> str | None:
    """The SQL condition selecting the rows of `table` to check, or None for every row."""
    value = get_info(con, _key(table))
    if value is None or value == ALL:
        return None
    return f"({value})" if value else "FALSE"


def row_condition(con, table: str) -> str | None:
    """`condition` as a filter on `table`'s row ids: the rows in scope are found on the columns
    the condition reads, then only those rows' other columns are read (a join on the condition
    itself reads every column of every row; the rows a run rewrote are appended together, so
    their row ids also prune most of the table). None for every row."""
    where = condition(con, table)
    if where is None or where == "FALSE":
        return where
    return f"rowid IN (SELECT rowid FROM {table} WHERE {where})"


def clear_after_publish(con) -> None:
    """After a successful publish: nothing has changed since."""
    for table in (*SCOPED, VALIDATED_KEY):
        set_info(con, _key(table), "")
    set_info(con, SOURCE_INDICATORS, "")
    con.execute(f"DROP TABLE IF EXISTS {CHANGED_OBSERVATIONS}")
    con.execute(f"DROP TABLE IF EXISTS {CHANGED_FINDINGS}")
    con.execute(f"DROP TABLE IF EXISTS {CHANGED_ARTICLES}")
    con.execute(f"DROP TABLE IF EXISTS {CHANGED_CLAIM_ARTICLES}")
    con.execute(f"DROP TABLE IF EXISTS {CHANGED_VALIDATED}")
