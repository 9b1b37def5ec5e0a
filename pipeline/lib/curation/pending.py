"""What the curated tables must recompute: validation records the indicators whose validated
claims changed (old and new) and the articles whose validated claims changed; each curated step
takes its own list and clears it. `observations` recomputes only the observations of the
changed articles' claims (before and after) and passes the indicators it touched on to `series`
and `findings`. Kept in state.build_info as JSON; "*" means everything (a cold build, a rules
change, or a curated table that does not exist yet). Plain Python and SQL, no Dagster."""

from __future__ import annotations

import json
from collections.abc import Iterable

from pipeline.lib.state.tables import get_info, set_info

CURATED = ("observations", "series", "findings")
ALL = "*"


ARTICLES_KEY = "pending_articles:observations"


def add_pending(
    con,
    indicators: Iterable[str],
    full: bool = False,
    steps: Iterable[str] = CURATED,
    articles: Iterable[str] | None = None,
) -> None:
    """Add indicators to the lists of `steps` (full=True: everything), and `articles` to the
    observations step's list of changed articles."""
    if "observations" in steps and (articles is not None or full):
        old = get_info(con, ARTICLES_KEY)
        if full or old == ALL:
            set_info(con, ARTICLES_KEY, ALL)
        else:
            merged = sorted(set(json.loads(old) if old else []) | set(articles or ()))
            set_info(con, ARTICLES_KEY, json.dumps(merged))
    new = sorted(set(indicators))
    for step in steps:
        key = f"pending_indicators:{step}"
        old = get_info(con, key)
        if full or old == ALL:
            set_info(con, key, ALL)
        else:
            merged = sorted(set(json.loads(old) if old else []) | set(new))
            set_info(con, key, json.dumps(merged))


def take_pending(con, step: str) -> list[str] | None:
    """The indicators `step` must recompute, or None for all of them; clears the list. A step
    whose table does not exist yet recomputes everything."""
    key = f"pending_indicators:{step}"
    value = get_info(con, key)
    exists = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = ?",
        [step],
    ).fetchone()[0]
    set_info(con, key, "[]")
    if not exists or value is None or value == ALL:
        return None
    return json.loads(value)


def take_pending_articles(con) -> list[str] | None:
    """The articles whose validated claims changed since the observations step last ran, or
    None when it must rebuild (or a build made before articles were recorded); clears it."""
    value = get_info(con, ARTICLES_KEY)
    set_info(con, ARTICLES_KEY, "[]")
    if value is None or value == ALL:
        return None
    return json.loads(value)


CELLS = "state.findings_cells"  # (indicator, period_end) of observations changed since findings
CELLS_KEY = "pending_cells:findings"


def add_pending_cells(con, cells_sql: str) -> None:
    """Add the (indicator, period_end) cells `cells_sql` selects to the findings step's list."""
    con.execute(f"CREATE TABLE IF NOT EXISTS {CELLS} (indicator VARCHAR, period_end INTEGER)")
    con.execute(f"INSERT INTO {CELLS} {cells_sql}")
    if get_info(con, CELLS_KEY) != ALL:
        set_info(con, CELLS_KEY, "cells")


def mark_cells_unknown(con) -> None:
    """The observations changed without their cells recorded: findings go by indicator."""
    set_info(con, CELLS_KEY, ALL)


def pending_cells(con) -> str | None:
    """A query of the cells changed since the findings step last ran, or None when they are
    not known (the step then goes by indicator)."""
    return f"SELECT DISTINCT * FROM {CELLS}" if get_info(con, CELLS_KEY) == "cells" else None


def clear_cells(con) -> None:
    con.execute(f"DROP TABLE IF EXISTS {CELLS}")
    set_info(con, CELLS_KEY, "")
