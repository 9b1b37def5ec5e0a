"""Dagster's SQLite storages (run history, event log, schedules) under DAGSTER_HOME commit without
an fsync per event.

Dagster opens those files in WAL mode and commits each event on its own (a run of this pipeline
stores about 300: step starts and outputs, materializations, check evaluations, planned events).
With SQLite's default `synchronous=FULL` every commit waits for an fsync of the WAL: 5-12 ms each
on the shared machine, 1.5-3.5 s a run. `synchronous=NORMAL`, SQLite's recommended setting for
WAL, syncs at checkpoints only: a crash of the process loses nothing and never corrupts the
file; a power cut may lose the last events of the run history (the warehouse's own durability,
pipeline.lib.warehouse.publish, does not depend on it).

Dagster also opens a new connection for each event and closes it (no pool). When the last
connection to a WAL file closes, SQLite checkpoints the WAL into the file, syncs it and deletes
the WAL: two fsyncs and a file deletion per event (12-30 ms each on the loaded machine, more than
the commits cost before). The hook therefore keeps one idle connection open to each of those
files (the most recent `KEEP` files of the process, closed at exit): Dagster's connections are
then never the last, the WAL stays, and SQLite checkpoints it when it reaches its usual size
(1,000 pages). The idle connection holds no transaction, so it never holds a checkpoint back.

`install(home)` registers a SQLAlchemy connect hook, once per process, that applies both to the
SQLite files under `home` only (other SQLite databases are left as they are). Plain SQLAlchemy:
no Dagster import.
"""

from __future__ import annotations

import atexit
import os
import sqlite3
import threading
from collections import OrderedDict

_installed: set[str] = set()
KEEP = 16  # files kept open per process (a long-lived process touches many run files)
_kept: OrderedDict[str, sqlite3.Connection] = OrderedDict()
_kept_lock = threading.Lock()


def _keep_open(path: str) -> None:
    """Hold an idle connection to the WAL-mode file `path` (see the module docstring)."""
    global _owner
    with _kept_lock:
        if os.getpid() != _owner:  # forked: the inherited connections are the parent's
            _inherited.extend(_kept.values())
            _kept.clear()
            _owner = os.getpid()
        if path in _kept:
            _kept.move_to_end(path)
            return
        try:
            keeper = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
            # a first read maps the WAL index: from then on this connection counts as open
            keeper.execute("SELECT count(*) FROM sqlite_master").fetchall()
        except sqlite3.Error:
            return
        _kept[path] = keeper
        while len(_kept) > KEEP:
            _, oldest = _kept.popitem(last=False)
            oldest.close()


_owner = os.getpid()
_inherited: list[sqlite3.Connection] = []


@atexit.register
def _close_kept() -> None:
    """Close the idle connections (the last one to close checkpoints the WAL). A process forked
    from the one that opened them leaves them alone: they are its parent's."""
    with _kept_lock:
        if os.getpid() != _owner:
            _inherited.extend(_kept.values())  # never closed here (nor collected)
            _kept.clear()
            return
        while _kept:
            _, keeper = _kept.popitem(last=False)
            try:
                keeper.close()
            except sqlite3.Error:
                pass


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
            mine = [f for f in files if _under(f, home)]
            if mine:
                dbapi_connection.execute("PRAGMA synchronous=NORMAL")
                mode = dbapi_connection.execute("PRAGMA journal_mode").fetchall()
                if mode and str(mode[0][0]).lower() == "wal":
                    for f in mine:
                        _keep_open(f)
        except sqlite3.Error:
            pass  # the default (FULL) stays: slower, never wrong

    event.listen(Engine, "connect", _on_connect)
    _installed.add(home)
    return True
