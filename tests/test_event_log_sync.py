"""Dagster's SQLite files under DAGSTER_HOME commit without an fsync per event; other SQLite
files keep SQLite's default."""

from __future__ import annotations

import sqlalchemy as sa

from pipeline.lib import event_log_sync


def _synchronous(path) -> int:
    engine = sa.create_engine(f"sqlite:///{path}", poolclass=sa.pool.NullPool)
    with engine.connect() as con:
        return con.execute(sa.text("PRAGMA synchronous")).scalar()


def test_only_the_files_under_the_home_are_relaxed(tmp_path) -> None:
    home, other = tmp_path / "home", tmp_path / "other"
    home.mkdir()
    other.mkdir()
    assert event_log_sync.install(home)
    assert not event_log_sync.install(home)  # once per process
    assert not event_log_sync.install(None)
    assert _synchronous(home / "runs.db") == 1  # NORMAL
    assert _synchronous(other / "x.db") == 2  # FULL, SQLite's default


def test_an_idle_connection_keeps_the_wal_of_the_files_under_the_home(tmp_path) -> None:
    """Dagster's connection per event is never the last one to a file under the home: closing
    it neither checkpoints nor deletes the WAL (two fsyncs an event otherwise)."""
    home = tmp_path / "home2"
    home.mkdir()
    event_log_sync.install(home)
    db = home / "events.db"
    engine = sa.create_engine(f"sqlite:///{db}", poolclass=sa.pool.NullPool)
    with engine.connect() as con:
        con.execute(sa.text("PRAGMA journal_mode=WAL"))
        con.execute(sa.text("CREATE TABLE t (x INTEGER)"))
        con.commit()
    for i in range(3):
        with engine.connect() as con:  # as Dagster: a connection per event
            con.execute(sa.text("INSERT INTO t VALUES (:x)"), {"x": i})
            con.commit()
    assert (home / "events.db-wal").exists()  # not checkpointed and deleted at each close
    with engine.connect() as con:
        assert con.execute(sa.text("SELECT count(*) FROM t")).scalar() == 3
    assert str(db) in event_log_sync._kept
    event_log_sync._close_kept()  # at exit: the last connection checkpoints the WAL
    assert not (home / "events.db-wal").exists()
