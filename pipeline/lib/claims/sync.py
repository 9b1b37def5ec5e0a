"""Layers quantities and claims, incrementally: extract the articles queued under some
raw_batches partitions and store their rows, one extraction pass per article feeding both
`quantity_mentions` and `claims`.

`extract_article(article_file, text, published)` is the one pass (`claims.article_pass`: the
quantity extractor, then the claims layer on its result). `extract_batches(con, batch_keys, ...)`
streams the queued articles from the warehouse in chunks, extracts them (in worker processes when
there are many), replaces their rows, and records each article's outcome in
state.extraction_log (an article a rule fails on is recorded with the error; the others go on).
Rows of articles that no longer exist are deleted. Plain Python and SQL, no Dagster.
"""

from __future__ import annotations

import collections
import datetime as dt
import functools
import multiprocessing
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pandas as pd
import pyarrow as pa

from pipeline import settings
from pipeline.lib import warehouse
from pipeline.lib.claims.article_pass import (
    CLAIMS,  # noqa: F401
    LOG_COLUMNS,
    MENTIONS,  # noqa: F401 (sync.MENTIONS, sync._part, sync.extract_article: the older names)
    Columns,
    _part,  # noqa: F401
    extract_article,  # noqa: F401
    extract_task,
    worker_start,
)
from pipeline.metadata.resources import get as get_resource

CHUNK = 400  # articles read from the warehouse and sent to the workers at a time
STORE_ARTICLES = 4000  # results written back (one transaction) once this many have come back
STORE_SECONDS = 20.0  # ... or once this long has passed since the last write
AHEAD = 3  # chunks handed to the workers beyond the one awaited (they go on while we write)
TASK = 25  # articles sent to a worker at a time
MIN_FOR_WORKERS = 200  # fewer queued articles are extracted in this process (no start-up cost)


@dataclass
class ExtractionSync:
    n_articles: int
    n_failed: int
    n_mentions: int
    n_claims: int
    seconds: float
    n_chars: int


def default_workers() -> int:
    """PIPELINE_WORKERS, else the number of cores this process may use."""
    return settings.workers()


class Extractor:
    """Extracts lists of articles, in worker processes when asked for more than one worker.

    Workers are spawned (no state inherited from a Dagster process) once and kept for the whole
    batch; `submit` returns a handle whose `get()` gives the results in input order, so the
    caller can write one chunk while the workers extract the next."""

    def __init__(self, workers: int):
        self.pool = None
        # the time budget travels with the tasks (a worker need not load the settings)
        self.task = functools.partial(extract_task, seconds=settings.article_seconds())
        if workers > 1:
            self.pool = multiprocessing.get_context("spawn").Pool(
                processes=workers, initializer=worker_start
            )

    def submit(self, items: list[tuple[str, str, dt.date | None]]):
        if self.pool is None:
            return _Done(self.task(items))
        tasks = [items[i : i + TASK] for i in range(0, len(items), TASK)]
        return _Pending(self.pool.map_async(self.task, tasks, chunksize=1))

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
            self.pool.join()

    def __enter__(self) -> Extractor:
        return self

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.terminate() if exc[0] else self.pool.close()
            self.pool.join()


@dataclass
class _Done:
    results: Columns

    def get(self) -> Columns:
        return self.results


@dataclass
class _Pending:
    handle: object

    def get(self) -> Columns:
        out = Columns.empty()
        for part in self.handle.get():
            out.extend(part)
        return out


def _queued(con, batch_keys: list[str]) -> Iterator[list[tuple[str, str, dt.date | None]]]:
    """The queued articles of these batches, CHUNK at a time, with text and date."""
    names = [
        r[0]
        for r in con.execute(
            "SELECT article_file FROM state.extraction_log "
            "WHERE batch_key IN (SELECT unnest(?::VARCHAR[])) ORDER BY article_file",
            [batch_keys],
        ).fetchall()
    ]
    for start in range(0, len(names), CHUNK):
        part = names[start : start + CHUNK]
        rows = con.execute(
            "SELECT article_file, text, published_date FROM articles "
            "WHERE article_file IN (SELECT unnest(?::VARCHAR[])) ORDER BY article_file",
            [part],
        ).fetchall()
        yield [(a, t, d) for a, t, d in rows]


def count_queued(con, batch_keys: list[str]) -> int:
    return con.execute(
        "SELECT count(*) FROM state.extraction_log WHERE batch_key IN (SELECT unnest(?::VARCHAR[]))",
        [batch_keys],
    ).fetchone()[0]


def delete_orphans(con) -> None:
    """Rows of articles that are gone (file removed, content changed) leave with them."""
    for table in ("quantity_mentions", "claims"):
        con.execute(
            f"DELETE FROM {table} WHERE article_file NOT IN (SELECT article_file FROM articles)"
        )
        con.execute(
            f"DELETE FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM state.extraction_log l "
            "WHERE l.article_file = t.article_file AND l.status = 'ok')"
        )


def extract_batches(
    con,
    batch_keys: list[str],
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ExtractionSync:
    """Extract every article queued under `batch_keys`, replacing its rows."""
    mres, cres = get_resource("quantity_mentions"), get_resource("claims")
    warehouse.ensure_table(con, mres)
    warehouse.ensure_table(con, cres)
    con.execute("CREATE SEQUENCE IF NOT EXISTS state.extraction_seq")
    total = count_queued(con, batch_keys)
    workers = default_workers() if workers is None else workers
    if total < MIN_FOR_WORKERS:
        workers = 1
    t0 = time.monotonic()
    stats = {"done": 0, "failed": 0, "mentions": 0, "claims": 0, "chars": 0}
    had_rows = _with_rows(con, batch_keys)
    waiting = Columns.empty()
    since = time.monotonic()

    def store() -> None:
        nonlocal waiting, since
        if len(waiting):
            _store(con, mres, cres, waiting, had_rows, stats)
        waiting, since = Columns.empty(), time.monotonic()

    def gather(results: Columns) -> None:
        waiting.extend(results)
        if len(waiting) >= STORE_ARTICLES or time.monotonic() - since >= STORE_SECONDS:
            store()
        if progress:
            progress(stats["done"] + len(waiting), total)

    with Extractor(workers) as extractor:
        pending: collections.deque = collections.deque()
        for chunk in _queued(con, batch_keys):
            stats["chars"] += sum(len(t) for _, t, _ in chunk)
            pending.append(extractor.submit(chunk))
            if len(pending) > AHEAD:
                gather(pending.popleft().get())
        while pending:
            gather(pending.popleft().get())
        store()
    delete_orphans(con)
    return ExtractionSync(
        stats["done"],
        stats["failed"],
        stats["mentions"],
        stats["claims"],
        time.monotonic() - t0,
        stats["chars"],
    )


def _with_rows(con, batch_keys: list[str]) -> set[str]:
    """The queued articles that have rows in quantity_mentions or claims already (stale rows, or
    a partition extracted again): only theirs need deleting before their new rows go in."""
    return {
        r[0]
        for r in con.execute(
            """
            WITH q AS (SELECT article_file FROM state.extraction_log
                       WHERE batch_key IN (SELECT unnest(?::VARCHAR[])))
            SELECT article_file FROM quantity_mentions WHERE article_file IN (FROM q)
            UNION SELECT article_file FROM claims WHERE article_file IN (FROM q)
            """,
            [batch_keys],
        ).fetchall()
    }


def _append(con, resource, parts: list) -> int:
    """Append the rows of these parts to `resource.name`: the Arrow tables at once, the lists
    (values Arrow refused) through warehouse.insert_frame."""
    tables = [p for p in parts if isinstance(p, pa.Table) and p.num_rows]
    n = sum(t.num_rows for t in tables)
    if tables:
        con.register("_incoming", pa.concat_tables(tables))
        try:
            con.execute(f"INSERT INTO {resource.name} BY NAME SELECT * FROM _incoming")
        finally:
            con.unregister("_incoming")
    for p in parts:
        if not isinstance(p, pa.Table):
            n += warehouse.insert_frame(con, resource, pd.DataFrame(p))
    return n


def _store(con, mres, cres, results: Columns, had_rows: set[str], stats: dict) -> None:
    """Replace the rows of these articles and record their outcome, in one transaction."""
    log = pd.DataFrame(results.log, columns=LOG_COLUMNS)
    replaced = [a for a in results.log["article_file"] if a in had_rows]
    con.execute("BEGIN TRANSACTION")
    try:
        # sequence numbers in article_file order (an UPDATE calling nextval() numbers the rows
        # in whatever order its join yields them)
        seqs = sorted(
            r[0]
            for r in con.execute(
                "SELECT nextval('state.extraction_seq') FROM range(?)", [len(log)]
            ).fetchall()
        )
        log["extraction_seq"] = pd.Series(seqs, index=log["article_file"].sort_values().index)
        warehouse.delete_articles(con, ["quantity_mentions", "claims"], replaced)
        n_mentions = _append(con, mres, results.mentions)
        n_claims = _append(con, cres, results.claims)
        con.register("_log", log)
        con.execute(
            """
            UPDATE state.extraction_log SET status = g.status, error = g.error,
                error_where = g.error_where, seconds = g.seconds,
                n_mentions = g.n_mentions, n_claims = g.n_claims,
                extraction_seq = g.extraction_seq
            FROM _log g WHERE extraction_log.article_file = g.article_file
            """
        )
        con.unregister("_log")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    stats["done"] += len(log)
    stats["failed"] += int((log["status"] == "failed").sum())
    stats["mentions"] += n_mentions
    stats["claims"] += n_claims
