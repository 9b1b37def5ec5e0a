"""Dagster's SQLite storages (run history, event log, schedules) under DAGSTER_HOME commit without
an fsync per event.

Dagster opens those files in WAL mode and commits each event on its own (a run of this pipeline
stores about 300: step starts and outputs, materializations, check evaluations, planned events).
With SQLite's default `synchronous=FULL` every commit waits for an fsync of the WAL: 5-12 ms each
on the shared machine, 1.5-3.5 s a run. `synchronous=NORMAL`, SQLite's recommended setting for
WAL, syncs at checkpoints only: a crash of the process loses nothing and never corrupts the
file; a power cut may lose the last events of the run history (the warehouse's own durability,
pipeline.lib.warehouse.publish, does not depend on it).

`install(home)` registers a SQLAlchemy connect hook, once per process, that applies it to the
SQLite files under `home` only (other SQLite databases are left as they are). Plain SQLAlchemy:
no Dagster import.
"""

from __future__ import annotations

import os
import sqlite3

_installed: set[str] = set()


def _under(path: str, home: str) -> bool:
    if not path:
        return False
    path = os.path.realpath(path)
    return path == home or path.startswith(home + os.sep)


def install(home: str | os.PathLike | None) -> bool:
    """Apply `PRAGMA synchronous=NORMAL` to every SQLite connection SQLAlchemy opens on a file
    under `home` (DAGSTER_HOME). Returns False when there is no home or it was done already."""
    if not home:
        return False
    home = os.path.realpath(os.fspath(home))
    if home in _installed:
        return False
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    def _on_connect(dbapi_connection, _record) -> None:
        if not isinstance(dbapi_connection, sqlite3.Connection):
            return
        try:
            files = [row[2] for row in dbapi_connection.execute("PRAGMA database_list")]
            if any(_under(f, home) for f in files):
                dbapi_connection.execute("PRAGMA synchronous=NORMAL")
        except sqlite3.Error:
            pass  # the default (FULL) stays: slower, never wrong

    event.listen(Engine, "connect", _on_connect)
    _installed.add(home)
    return True
