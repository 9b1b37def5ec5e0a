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
