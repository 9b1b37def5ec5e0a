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


def condition(con, table: str) -> str | None:
    """The SQL condition selecting the rows of `table` to check, or None for every row."""
    value = get_info(con, _key(table))
    if value is None or value == ALL:
        return None
    return f"({value})" if value else "FALSE"


def clear_after_publish(con) -> None:
    """After a successful publish: nothing has changed since."""
    for table in SCOPED:
        set_info(con, _key(table), "")
    con.execute(f"DROP TABLE IF EXISTS {CHANGED_OBSERVATIONS}")
    con.execute(f"DROP TABLE IF EXISTS {CHANGED_FINDINGS}")
    con.execute(f"DROP TABLE IF EXISTS {CHANGED_ARTICLES}")
