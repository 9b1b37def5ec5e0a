"""The DuckDB warehouse: writing declared tables into the build copy, reading them back, and
publishing the build copy atomically over the file analysts read.

Runs never open the published file for writing. They write `warehouse/.build/<name>.duckdb`; the
last step checks the build, renames it over `warehouse/<name>.duckdb` (an atomic rename on one
file system) and puts a copy of it, made before the rename, in its place as the next build. A
reader holding the published file open keeps the snapshot it opened and is never blocked; a run
killed midway leaves the published file as it was.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import duckdb
import pandas as pd

from pipeline.metadata.classes import Resource

# DuckDB's own memory (buffer pool, joins, sorts), beyond which it spills to disk; its default,
# 80% of the machine, would let one query of a large archive take most of it.
DUCKDB_MEMORY = os.environ.get("PIPELINE_DUCKDB_MEMORY", "1GB")

LOCK_MARKERS = ("Could not set lock", "Conflicting lock", "database is locked")


class WarehouseError(RuntimeError):
    """The build copy is not fit to publish (missing table, broken reference ...)."""


BUILD_INFO = "build_info"  # which raw folder and run wrote each table of a build copy
NO_SPACE = "No space left on device"


def connect_read_only(path: Path | str):
    """Open a DuckDB file read-only with the pipeline's memory limit; when this process already
    holds it open with another configuration (DuckDB then refuses a second one), as that one."""
    try:
        return duckdb.connect(str(path), read_only=True, config={"memory_limit": DUCKDB_MEMORY})
    except duckdb.ConnectionException as exc:
        if "different configuration" not in str(exc):
            raise
        return duckdb.connect(str(path), read_only=True)


def _no_space(exc: BaseException) -> bool:
    return getattr(exc, "errno", None) == errno.ENOSPC or NO_SPACE in str(exc)


def connect(path: Path | str, *, read_only: bool = False, timeout_s: float = 60.0):
    """Open a DuckDB file, waiting while another writer holds it (one writer at a time)."""
    path = Path(path)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            return duckdb.connect(
                str(path), read_only=read_only, config={"memory_limit": DUCKDB_MEMORY}
            )
        except duckdb.IOException as exc:
            if not any(m in str(exc) for m in LOCK_MARKERS) or time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def write_table(
    con, resource: Resource, frame: pd.DataFrame, provenance: dict[str, str] | None = None
) -> int:
    """Replace `resource.name` with `frame` (conformed to the declared fields), with comments.

    `provenance` ({"raw_dir": ..., "run_id": ...}) is recorded in the `build_info` table in the
    same transaction, so `publish` can refuse a build whose tables come from two raw folders."""
    frame = resource.conform(frame)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(resource.to_ddl())
        con.register("_incoming", frame)
        con.execute(f"INSERT INTO {resource.name} BY NAME SELECT * FROM _incoming")
        con.unregister("_incoming")
        for stmt in resource.to_comments():
            con.execute(stmt)
        if provenance is not None:
            record_provenance(con, resource.name, provenance)
        con.execute("COMMIT")
    except Exception as exc:
        try:
            con.execute("ROLLBACK")
        except duckdb.Error as rollback_error:
            # DuckDB has already aborted the transaction (a full disk, an I/O error): the
            # rollback error ("cannot rollback - no transaction is active") hides the cause.
            exc.add_note(f"(rollback after the error also failed: {rollback_error})")
        if _no_space(exc):
            raise OSError(
                errno.ENOSPC, f"{NO_SPACE} while writing table {resource.name}: {exc}"
            ) from exc
        raise
    return len(frame)


def record_provenance(con, table: str, provenance: dict[str, str]) -> None:
    """Record which raw folder and run wrote `table` (the build_info table)."""
    con.execute(
        f"CREATE TABLE IF NOT EXISTS {BUILD_INFO} (table_name VARCHAR PRIMARY KEY, "
        "raw_dir VARCHAR, run_id VARCHAR, written_at TIMESTAMP)"
    )
    con.execute(
        f"COMMENT ON TABLE {BUILD_INFO} IS 'Which raw folder and run wrote each table of this "
        "warehouse (publish refuses a build whose tables come from different raw folders).'"
    )
    con.execute(
        f"INSERT OR REPLACE INTO {BUILD_INFO} VALUES (?, ?, ?, now()::TIMESTAMP)",
        [table, provenance.get("raw_dir"), provenance.get("run_id")],
    )


def build_sources(con, tables: Iterable[str]) -> dict[str, str | None]:
    """{table: raw folder that wrote it} for the tables recorded in build_info."""
    exists = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = ?",
        [BUILD_INFO],
    ).fetchone()[0]
    if not exists:
        return {}
    wanted = set(tables)
    rows = con.execute(f"SELECT table_name, raw_dir FROM {BUILD_INFO}").fetchall()
    return {t: d for t, d in rows if t in wanted}


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
    """Articles in a published warehouse: 0 when there is no file (or no `articles` table in
    it). Fails closed: when the file exists but cannot be read (another process holds it
    read-write, it is corrupt ...), raise WarehouseError rather than guess 0."""
    path = Path(path)
    if not path.exists():
        return 0
    try:
        con = connect_read_only(path)
    except duckdb.Error as exc:
        raise WarehouseError(
            f"cannot read the published warehouse {path} to compare article counts ({exc}); "
            "refusing to publish a build without articles over it"
        ) from exc
    try:
        has_articles = con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'articles'"
        ).fetchone()[0]
        if not has_articles:
            return 0
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    except duckdb.Error as exc:
        raise WarehouseError(
            f"cannot count the articles of the published warehouse {path} ({exc}); refusing to "
            "publish a build without articles over it"
        ) from exc
    finally:
        con.close()


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_stale_temporaries(published: Path) -> list[Path]:
    """Remove what a publish killed midway (its PID gone) left beside the published file: its
    partial copy `.NAME.publishing-PID` and `.NAME.retired-PID`, a second name of the file it
    replaced (see `_publish`)."""
    published = Path(published)
    removed = []
    for tmp in [
        *published.parent.glob(f".{published.name}.publishing-*"),
        *published.parent.glob(f".{published.name}.retired-*"),
    ]:
        pid = tmp.name.rsplit("-", 1)[-1]
        if pid.isdigit() and int(pid) != os.getpid() and not _pid_alive(int(pid)):
            try:
                tmp.unlink()
            except FileNotFoundError:
                continue
            removed.append(tmp)
    return removed


def _check_free_space(build: Path, published: Path) -> None:
    """Publishing writes a full copy of the build beside the published file first."""
    need = build.stat().st_size
    free = shutil.disk_usage(published.parent).free
    if free < need:
        raise WarehouseError(
            f"{NO_SPACE} for publishing: the copy needs {need:,} bytes, {free:,} free in "
            f"{published.parent}"
        )


COPY_CHUNK = 256 * 1024 * 1024  # bytes per copy_file_range call (a cancelled copy stops between)


class CopyCancelled(RuntimeError):
    """`copy_file` stopped because its `cancel` event was set."""


def copy_file(src, dst: Path, cancel: threading.Event | None = None) -> None:
    """Copy src (a path, or a file open for binary reading) to dst with copy_file_range: a
    reflink (shared extents, no data copied) where the file system has them (XFS, btrfs), an
    in-kernel copy elsewhere; shutil's copy when the call is not available. With `cancel`,
    stops (CopyCancelled) between chunks once it is set."""
    with contextlib.ExitStack() as stack:
        fin = src if hasattr(src, "fileno") else stack.enter_context(open(src, "rb"))
        try:
            with open(dst, "wb") as fout:
                left = os.fstat(fin.fileno()).st_size
                offset = 0
                while left > 0:
                    if cancel is not None and cancel.is_set():
                        raise CopyCancelled(f"copy to {dst} cancelled")
                    done = os.copy_file_range(
                        fin.fileno(), fout.fileno(), min(left, COPY_CHUNK), offset, None
                    )
                    if done == 0:
                        break
                    left -= done
                    offset += done
            if left == 0:
                return
        except (AttributeError, OSError) as exc:
            if _no_space(exc):
                raise
        fin.seek(0)
        with open(dst, "wb") as fout:
            shutil.copyfileobj(fin, fout, 16 * 1024 * 1024)


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def _next_build_lock(build: Path) -> Path:
    return Path(build).parent / f"{Path(build).name}.next-build.lock"


@contextlib.contextmanager
def _holding_next_build_lock(build: Path):
    """An exclusive flock held while the next build is copied after a publish (possibly after
    the publishing step returned) and while a missing build is restored: a run of another
    process that needs the build waits for the copy instead of starting a second one. The
    kernel releases it when the process dies (the partial copy is then a stale temporary)."""
    path = _next_build_lock(build)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


class _NextBuild:
    """The copy of a publish that becomes the next build, made in a thread (see `_publish`)."""

    def __init__(self) -> None:
        self.thread: threading.Thread | None = None
        self.copied = threading.Event()  # the copy is complete (not yet in the build's place)
        self.error: BaseException | None = None
        self.seconds: float | None = None


_pending: list[_NextBuild] = []  # the copy a publish of this process left running, if any


def wait_for_next_build() -> BaseException | None:
    """Wait until the copy a publish of this process started for the next build is in place
    (no-op when none runs). Returns the error that stopped it, if any: the build is then
    missing and the next run copies the published file again (`restore_build`)."""
    if not _pending:
        return None
    job = _pending[0]
    if job.thread is not None:
        job.thread.join()
    _pending.clear()
    return job.error


def restore_build(build: Path, published: Path) -> bool:
    """When the build copy is missing (deleted, or a publish was killed between renaming the
    build over the published file and putting the next build in place) and a published file
    exists, copy it as the build (the same tables a cold run would rebuild). Waits first for
    a copy a publish is still making (this process's or another's). Returns whether it
    copied."""
    build, published = Path(build), Path(published)
    wait_for_next_build()
    if build.exists() or not published.exists():
        return False
    with _holding_next_build_lock(build):
        if build.exists() or not published.exists():
            return False
        build.parent.mkdir(parents=True, exist_ok=True)
        clean_stale_temporaries(published)
        tmp = published.parent / f".{published.name}.publishing-{os.getpid()}"
        try:
            copy_file(published, tmp)
            os.replace(tmp, build)
        finally:
            tmp.unlink(missing_ok=True)
    return True


def publish(
    build: Path,
    published: Path,
    *,
    required_tables: Iterable[str],
    integrity_sql: dict[str, str] | None = None,
    timings: dict[str, float] | None = None,
    background: bool = False,
    after_copy: Callable[[Path], None] | None = None,
) -> dict[str, int]:
    """`_publish` under the warehouse's run lock (see pipeline.lib.run_guard), which a CLI run
    already holds for the whole run; runs started elsewhere (the UI) publish one at a time.
    `timings`, when given, receives the seconds of each phase."""
    from pipeline.lib.run_guard import exclusive_run

    with exclusive_run(published):
        return _publish(
            build,
            published,
            required_tables=required_tables,
            integrity_sql=integrity_sql,
            timings=timings,
            background=background,
            after_copy=after_copy,
        )


def _publish(
    build: Path,
    published: Path,
    *,
    required_tables: Iterable[str],
    integrity_sql: dict[str, str] | None = None,
    timings: dict[str, float] | None = None,
    background: bool = False,
    after_copy: Callable[[Path], None] | None = None,
) -> dict[str, int]:
    """Check the build copy and rename it over the published file; a copy of it, started while
    it is checked, becomes the next build.

    The build is checkpointed (no WAL left), flushed to disk, and checked read-only while a
    thread copies it (from a descriptor opened before the checks) to a temporary file beside
    the published one; once the checks pass it is renamed over the published file (atomic).
    The file the rename replaces keeps a second name (`.NAME.retired-PID`) until the thread
    removes it, so the rename does not wait for the file system to free 2.5 GB. The thread
    finishes the copy, renames it into the build's place and calls `after_copy(build)`. With
    `background`, publish returns once the published file is in place and the thread goes on
    (non-daemon: the process waits for it before exiting); `wait_for_next_build()` joins it,
    and `restore_build` waits for it (across processes by a lock). Only the build's own pages
    written by this run are flushed: the copy is a working file, not what readers see, and is
    not flushed. A run killed before the rename leaves the published file as it was; killed
    after it, the next run copies the published file as its build (`restore_build`).

    `integrity_sql` maps a rule name to a query that returns the offending rows (none = pass).
    Returns the row count of each table published. Raises WarehouseError and leaves the
    published file untouched when a table is missing, a rule fails, or the build has no
    articles while the published warehouse has some (a wrong raw folder must not wipe it).
    """
    build, published = Path(build), Path(published)
    wait_for_next_build()  # a publish of this process before: its copy is the build
    required_tables = list(required_tables)
    timings = {} if timings is None else timings
    t0 = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal t0
        now = time.perf_counter()
        timings[name] = round(timings.get(name, 0.0) + now - t0, 3)
        t0 = now

    con = connect(build)
    try:
        con.execute("CHECKPOINT")
    finally:
        con.close()
    wal = build.with_name(build.name + ".wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise WarehouseError(f"the build copy still has a write-ahead log ({wal}) after closing")
    lap("checkpoint")
    # Flushed before the copy starts: the pages this run wrote, not queued behind the copy's.
    _fsync_file(build)
    lap("flush")
    published.parent.mkdir(parents=True, exist_ok=True)
    clean_stale_temporaries(published)
    _check_free_space(build, published)
    tmp = published.parent / f".{published.name}.publishing-{os.getpid()}"
    retired = published.parent / f".{published.name}.retired-{os.getpid()}"
    source = open(build, "rb")  # the published file after the rename: never written again
    renamed, cancel = threading.Event(), threading.Event()
    job = _NextBuild()
    lock = contextlib.ExitStack()
    lock.enter_context(_holding_next_build_lock(build))

    def next_build() -> None:
        started = time.perf_counter()
        try:
            with lock, source:
                try:
                    copy_file(source, tmp, cancel)
                except BaseException as exc:
                    job.error = exc
                job.copied.set()
                renamed.wait()
                if job.error is None and not cancel.is_set():
                    retired.unlink(missing_ok=True)  # frees the file replaced, when unread
                    os.replace(tmp, build)  # the next build: the bytes just published
                    if after_copy is not None:
                        after_copy(build)
        except BaseException as exc:  # reported by wait_for_next_build / the caller
            job.error = job.error or exc
        finally:
            job.copied.set()
            tmp.unlink(missing_ok=True)
            if renamed.is_set():
                retired.unlink(missing_ok=True)
            job.seconds = round(time.perf_counter() - started, 3)

    job.thread = threading.Thread(target=next_build, name="publish-next-build", daemon=False)
    try:
        job.thread.start()
    except BaseException:
        lock.close()
        source.close()
        raise
    try:
        counts = _check_build(build, published, required_tables, integrity_sql)
        lap("checks")
        if not background:  # the next build is complete before the published file changes
            job.copied.wait()
            lap("copy (after the checks)")
        if job.error is not None:  # the copy failed: no next build, do not publish
            raise job.error
        if published.exists():
            try:
                os.link(published, retired)
            except OSError:
                pass  # no second name: the rename frees the old file itself
        os.replace(build, published)
        _fsync_dir(published.parent)
        lap("rename")
    except BaseException as exc:
        cancel.set()
        renamed.set()
        job.thread.join()
        retired.unlink(missing_ok=True)
        if _no_space(exc):
            raise WarehouseError(f"{NO_SPACE} while copying the build for publishing") from exc
        raise
    renamed.set()
    _pending[:] = [job]
    if not background:
        error = wait_for_next_build()
        lap("next build in place")
        if error is not None:
            raise error
    return counts


def _check_build(
    build: Path,
    published: Path,
    required_tables: list[str],
    integrity_sql: dict[str, str] | None,
) -> dict[str, int]:
    """The checks a build passes before it is published (see `_publish`); its table counts."""
    check = connect_read_only(build)
    try:
        counts = table_counts(check)
        missing = sorted(set(required_tables) - set(counts))
        if missing:
            raise WarehouseError(f"the build copy lacks tables {missing}; run all assets")
        sources = build_sources(check, required_tables)
        if sources:
            folders = sorted({str(d) for d in sources.values()})
            unrecorded = sorted(set(required_tables) - set(sources))
            if len(folders) > 1 or unrecorded:
                raise WarehouseError(
                    "the build mixes runs: its tables come from the raw folders "
                    f"{folders}"
                    + (f", and {unrecorded} are unrecorded" if unrecorded else "")
                    + "; run all assets on one folder"
                )
        if "articles" in counts and counts["articles"] == 0:
            n_published = _articles_in(published)  # raises when it cannot tell
            if n_published > 0:
                raise WarehouseError(
                    f"the build has no articles but the published warehouse has "
                    f"{n_published}: is the raw folder right? (delete {published} to "
                    "publish an empty warehouse on purpose)"
                )
        for rule, sql in (integrity_sql or {}).items():
            bad = check.execute(sql).fetchmany(5)
            if bad:
                raise WarehouseError(f"integrity rule {rule!r} fails, e.g. {bad}")
        return counts
    finally:
        check.close()


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
