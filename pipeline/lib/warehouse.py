"""The DuckDB warehouse: writing declared tables into the build copy, reading them back, and
publishing the build copy atomically over the file analysts read.

Runs never open the published file for writing. They write `warehouse/.build/<name>.duckdb`; the
last step checks the copy and renames it over `warehouse/<name>.duckdb` (an atomic rename on one
file system). A reader holding the published file open keeps the snapshot it opened and is never
blocked; a run killed midway leaves the published file as it was.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterable
from pathlib import Path

import duckdb
import pandas as pd

from pipeline.metadata.classes import Resource

LOCK_MARKERS = ("Could not set lock", "Conflicting lock", "database is locked")


class WarehouseError(RuntimeError):
    """The build copy is not fit to publish (missing table, broken reference ...)."""


def connect(path: Path | str, *, read_only: bool = False, timeout_s: float = 60.0):
    """Open a DuckDB file, waiting while another writer holds it (one writer at a time)."""
    path = Path(path)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            if not any(m in str(exc) for m in LOCK_MARKERS) or time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def write_table(con, resource: Resource, frame: pd.DataFrame) -> int:
    """Replace `resource.name` with `frame` (conformed to the declared fields), with comments."""
    frame = resource.conform(frame)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(resource.to_ddl())
        con.register("_incoming", frame)
        con.execute(f"INSERT INTO {resource.name} BY NAME SELECT * FROM _incoming")
        con.unregister("_incoming")
        for stmt in resource.to_comments():
            con.execute(stmt)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return len(frame)


def read_table(con, resource: Resource) -> pd.DataFrame:
    cols = ", ".join(resource.field_names)
    frame = con.execute(f"SELECT {cols} FROM {resource.name}").df()
    return resource.conform(frame)


def table_counts(con) -> dict[str, int]:
    names = [
        r[0]
        for r in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' ORDER BY 1"
        ).fetchall()
    ]
    return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _articles_in(path: Path) -> int:
    """Articles in a published warehouse (0 when there is none or it cannot be read)."""
    if not Path(path).exists():
        return 0
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error:
        return 0
    try:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    except duckdb.Error:
        return 0
    finally:
        con.close()


def publish(
    build: Path,
    published: Path,
    *,
    required_tables: Iterable[str],
    integrity_sql: dict[str, str] | None = None,
) -> dict[str, int]:
    """Check the build copy and rename a copy of it over the published file.

    `integrity_sql` maps a rule name to a query that returns the offending rows (none = pass).
    Returns the row count of each table published. Raises WarehouseError and leaves the
    published file untouched when a table is missing, a rule fails, or the build has no
    articles while the published warehouse has some (a wrong raw folder must not wipe it).
    """
    build, published = Path(build), Path(published)
    con = connect(build)
    try:
        con.execute("CHECKPOINT")
    finally:
        con.close()
    published.parent.mkdir(parents=True, exist_ok=True)
    tmp = published.parent / f".{published.name}.publishing-{os.getpid()}"
    try:
        shutil.copyfile(build, tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        check = duckdb.connect(str(tmp), read_only=True)
        try:
            counts = table_counts(check)
            missing = sorted(set(required_tables) - set(counts))
            if missing:
                raise WarehouseError(f"the build copy lacks tables {missing}; run all assets")
            if counts.get("articles", 0) == 0 and _articles_in(published) > 0:
                raise WarehouseError(
                    "the build has no articles but the published warehouse has "
                    f"{_articles_in(published)}: is the raw folder right? (delete "
                    f"{published} to publish an empty warehouse on purpose)"
                )
            for rule, sql in (integrity_sql or {}).items():
                bad = check.execute(sql).fetchmany(5)
                if bad:
                    raise WarehouseError(f"integrity rule {rule!r} fails, e.g. {bad}")
        finally:
            check.close()
        os.replace(tmp, published)
        _fsync_dir(published.parent)
        return counts
    finally:
        if tmp.exists():
            tmp.unlink()


# ---------------------------------------------------------------------------------------------
# Incremental writes: tables that keep their rows between runs


def ensure_table(con, resource: Resource) -> None:
    """Create `resource.name` (with its comments) when it does not exist yet."""
    exists = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = ?",
        [resource.name],
    ).fetchone()[0]
    if not exists:
        con.execute(resource.to_ddl())
        for stmt in resource.to_comments():
            con.execute(stmt)


def insert_frame(con, resource: Resource, frame: pd.DataFrame) -> int:
    """Append `frame` (conformed to the declared fields) to `resource.name`."""
    if frame is None or frame.empty:
        return 0
    frame = resource.conform(frame)
    con.register("_incoming", frame)
    try:
        con.execute(f"INSERT INTO {resource.name} BY NAME SELECT * FROM _incoming")
    finally:
        con.unregister("_incoming")
    return len(frame)


def delete_articles(con, tables: Iterable[str], article_files: Iterable[str]) -> None:
    """Delete the rows of these articles from each table (a temporary key table, set-based)."""
    keys = pd.DataFrame({"article_file": list(article_files)}, dtype=object)
    if keys.empty:
        return
    con.register("_gone", keys)
    try:
        for t in tables:
            con.execute(f"DELETE FROM {t} WHERE article_file IN (SELECT article_file FROM _gone)")
    finally:
        con.unregister("_gone")


def open_build(build: Path, schema_version: str):
    """Connect to the build copy, discarding it first when it was made under another schema
    version (its tables would not match the declared ones: the run starts cold)."""
    from pipeline.lib.state.tables import ensure_state, get_info, set_info

    con = connect(build)
    try:
        ensure_state(con)
        found = get_info(con, "schema_version")
    except duckdb.Error:
        found = "unreadable"
    if found is not None and found != schema_version:
        con.close()
        Path(build).unlink(missing_ok=True)
        Path(str(build) + ".wal").unlink(missing_ok=True)
        con = connect(build)
        ensure_state(con)
    if found != schema_version:
        set_info(con, "schema_version", schema_version)
    return con
