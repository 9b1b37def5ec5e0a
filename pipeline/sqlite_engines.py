"""Dagster's SQLite storages (the run history and the event log under DAGSTER_HOME) reuse one
SQLAlchemy engine, and its connections, per file instead of a new engine for every event.

Dagster's `SqliteEventLogStorage._connect` and `SqliteRunStorage.connect` call `create_engine`
(with `NullPool`) on every use and dispose of it after: a run of this pipeline stores about 200
events, each through one or two connections (asset events are mirrored in the index file). A new
engine has a new dialect and an empty compiled-statement cache, and a new SQLite connection runs
the connect hooks (pipeline.lib.event_log_sync) again: every event compiled its INSERT, set up a
dialect and opened a file. Here the engine of each file is created once per process and keeps
a small pool of connections (`QueuePool`, `check_same_thread=False`: a connection is used by
one thread at a time, and SQLAlchemy rolls back whatever a connection left open when it returns
to the pool, so an idle connection holds no transaction and no lock; Dagster's busy timeout is
kept). Each use is still one transaction, committed when the block ends, as before.

Measured on the 10,000 warehouse (a run with nothing new; the CPU of the thread storing events,
summed over Dagster's `store_event`, 195 events; two runs each, the machine under load): 1.42 and
1.84 s before, 0.87 and 1.0 s with kept engines, 0.70 and 0.77 s with kept connections too.

The `KEEP` most recently used files keep their engines (a long-lived process, the UI or the
daemon, touches one event-log file per run); older engines are disposed of, which closes their
idle connections. A forked process makes its own engines and leaves the parent's alone (never
used, closed nor collected in the child: closing a SQLite connection inherited across a fork can
break the parent's locks and WAL).

`install()` patches the two methods once per process; when Dagster's classes do not have them
(another Dagster version), it changes nothing and returns False.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager

KEEP = 16  # files whose engine is kept per process
_lock = threading.Lock()
_engines: OrderedDict[tuple, object] = OrderedDict()
_inherited: list = []
_owner = os.getpid()
_installed = False


def _engine(create_engine, conn_string: str, timeout: float | None = None):
    """The process's engine for `conn_string` (created on first use)."""
    global _owner
    from sqlalchemy.pool import QueuePool

    key = (conn_string, timeout)
    with _lock:
        if os.getpid() != _owner:  # forked: the parent's engines stay the parent's
            _inherited.extend(_engines.values())
            _engines.clear()
            _owner = os.getpid()
        engine = _engines.get(key)
        if engine is not None:
            _engines.move_to_end(key)
            return engine
        connect_args: dict = {"check_same_thread": False}
        if timeout is not None:
            connect_args["timeout"] = timeout
        engine = create_engine(
            conn_string,
            poolclass=QueuePool,
            pool_size=2,
            max_overflow=8,
            connect_args=connect_args,
        )
        _engines[key] = engine
        while len(_engines) > KEEP:
            _, oldest = _engines.popitem(last=False)
            oldest.dispose()
        return engine


def install() -> bool:
    """Make Dagster's SQLite event log and run storage keep their engines (see the module
    docstring). Returns False when already done or when Dagster's classes differ."""
    global _installed
    if _installed:
        return False
    try:
        from dagster._core.storage.event_log.sqlite import sqlite_event_log as ev
        from dagster._core.storage.runs.sqlite import sqlite_run_storage as rs
    except ImportError:
        return False
    events, runs = ev.SqliteEventLogStorage, rs.SqliteRunStorage
    needed = ((events, "_connect"), (events, "conn_string_for_shard"), (events, "_initdb"))
    if (
        not all(callable(getattr(obj, name, None)) for obj, name in needed)
        or not callable(getattr(runs, "connect", None))
        or not hasattr(ev, "SQLITE_BUSY_TIMEOUT_SECONDS")
    ):
        return False

    @contextmanager
    def _connect(self, shard: str) -> Iterator:
        with self._db_lock:
            engine = _engine(
                ev.create_engine,
                self.conn_string_for_shard(shard),
                ev.SQLITE_BUSY_TIMEOUT_SECONDS,
            )
            if shard not in self._initialized_dbs:
                self._initdb(engine)
                self._initialized_dbs.add(shard)
            with engine.connect() as conn:
                with conn.begin():
                    yield conn

    @contextmanager
    def connect(self) -> Iterator:
        engine = _engine(rs.create_engine, self._conn_string)
        with engine.connect() as conn:
            with conn.begin():
                yield conn

    events._connect = _connect
    runs.connect = connect
    _installed = True
    return True
