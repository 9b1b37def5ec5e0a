"""Which indicators the curated tables must recompute: validation records the indicators whose
validated claims changed (old and new), each curated step takes its own list and clears it.
Kept in state.build_info as JSON; "*" means every indicator (a cold build, a rules change, or a
curated table that does not exist yet). Plain Python and SQL, no Dagster."""

from __future__ import annotations

import json
from collections.abc import Iterable

from pipeline.lib.state.tables import get_info, set_info

CURATED = ("observations", "series", "findings")
ALL = "*"


def add_pending(con, indicators: Iterable[str], full: bool = False) -> None:
    """Add indicators to every curated step's list (full=True: everything)."""
    new = sorted(set(indicators))
    for step in CURATED:
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
