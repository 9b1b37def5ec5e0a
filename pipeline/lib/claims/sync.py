"""Layers quantities and claims, incrementally: extract the articles queued under some
raw_batches partitions and store their rows, one extraction pass per article feeding both
`quantity_mentions` and `claims`.

`extract_article(article_file, text, published)` is the one pass (the quantity extractor, then the
claims layer on its result). `extract_batches(con, batch_keys, ...)` streams the queued articles
from the warehouse in chunks, extracts them (in worker processes when there are many), replaces
their rows, and records each article's outcome in state.extraction_log (an article a rule fails
on is recorded with the error; the others go on). Rows of articles that no longer exist are
deleted. Plain Python and SQL, no Dagster.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pandas as pd

from pipeline import settings
from pipeline.lib import warehouse
from pipeline.lib.claims.extract import claims_from_extraction
from pipeline.lib.claims.model import claim_to_dict
from pipeline.lib.per_article import time_budget
from pipeline.lib.quantities import extract
from pipeline.lib.quantities.table import extraction_rows
from pipeline.metadata.resources import get as get_resource

CHUNK = 400  # articles read from the warehouse and written back at a time
TASK = 25  # articles sent to a worker at a time
MIN_FOR_WORKERS = 200  # fewer queued articles are extracted in this process (no start-up cost)

MENTION_COLUMNS = get_resource("quantity_mentions").field_names
CLAIM_COLUMNS = get_resource("claims").field_names


@dataclass
class ArticleResult:
    article_file: str
    mentions: list[dict]
    claims: list[dict]
    seconds: float
    error: str | None = None
    error_where: str | None = None


@dataclass
class ExtractionSync:
    n_articles: int
    n_failed: int
    n_mentions: int
    n_claims: int
    seconds: float
    n_chars: int


def extract_article(
    article_file: str, text: str, published: dt.date | None, seconds: float | None = None
) -> ArticleResult:
    """One extraction pass: quantity mentions and attributed claims of one article, within the
    time budget (`seconds`, default PIPELINE_ARTICLE_SECONDS). An exception, or running over
    the budget (ArticleTimeout), is caught and returned as the article's error."""
    t0 = time.perf_counter()
    if seconds is None:
        seconds = settings.article_seconds()
    try:
        with time_budget(seconds):
            ex = extract(text)
            mentions = extraction_rows(article_file, ex)
            claims = [
                claim_to_dict(c) for c in claims_from_extraction(text, ex, published, article_file)
            ]
    except Exception as exc:
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        return ArticleResult(
            article_file,
            [],
            [],
            time.perf_counter() - t0,
            f"{type(exc).__name__}: {exc}",
            f"{frame.filename.rsplit('/', 1)[-1]}:{frame.lineno} in {frame.name}",
        )
    return ArticleResult(article_file, mentions, claims, time.perf_counter() - t0)


def _task(items: list[tuple[str, str, dt.date | None]]) -> list[ArticleResult]:
    return [extract_article(*item) for item in items]


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
        if workers > 1:
            self.pool = multiprocessing.get_context("spawn").Pool(processes=workers)

    def submit(self, items: list[tuple[str, str, dt.date | None]]):
        if self.pool is None:
            results = _task(items)
            return _Done(results)
        tasks = [items[i : i + TASK] for i in range(0, len(items), TASK)]
        return _Pending(self.pool.map_async(_task, tasks, chunksize=1))

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
    results: list[ArticleResult]

    def get(self) -> list[ArticleResult]:
        return self.results


@dataclass
class _Pending:
    handle: object

    def get(self) -> list[ArticleResult]:
        return [r for task in self.handle.get() for r in task]


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

    def store(results: list[ArticleResult]) -> None:
        _store(con, mres, cres, results, stats)
        if progress:
            progress(stats["done"], total)

    with Extractor(workers) as extractor:
        pending = None
        for chunk in _queued(con, batch_keys):
            stats["chars"] += sum(len(t) for _, t, _ in chunk)
            handle = extractor.submit(chunk)
            if pending is not None:
                store(pending.get())
            pending = handle
        if pending is not None:
            store(pending.get())
    delete_orphans(con)
    return ExtractionSync(
        stats["done"],
        stats["failed"],
        stats["mentions"],
        stats["claims"],
        time.monotonic() - t0,
        stats["chars"],
    )


def _store(con, mres, cres, results: list[ArticleResult], stats: dict) -> None:
    """Replace the rows of these articles and record their outcome, in one transaction."""
    mentions = pd.DataFrame([row for r in results for row in r.mentions], columns=MENTION_COLUMNS)
    claims = pd.DataFrame([row for r in results for row in r.claims])
    for col in CLAIM_COLUMNS:
        if col not in claims.columns:
            claims[col] = None
    log = pd.DataFrame(
        {
            "article_file": [r.article_file for r in results],
            "status": ["failed" if r.error else "ok" for r in results],
            "error": [r.error for r in results],
            "error_where": [r.error_where for r in results],
            "seconds": [round(r.seconds, 4) for r in results],
            "n_mentions": [len(r.mentions) for r in results],
            "n_claims": [len(r.claims) for r in results],
        }
    )
    con.execute("BEGIN TRANSACTION")
    try:
        warehouse.delete_articles(con, ["quantity_mentions", "claims"], log["article_file"])
        warehouse.insert_frame(con, mres, mentions)
        warehouse.insert_frame(con, cres, claims[CLAIM_COLUMNS])
        con.register("_log", log)
        con.execute(
            """
            UPDATE state.extraction_log SET status = g.status, error = g.error,
                error_where = g.error_where, seconds = g.seconds,
                n_mentions = g.n_mentions, n_claims = g.n_claims,
                extraction_seq = nextval('state.extraction_seq')
            FROM _log g WHERE extraction_log.article_file = g.article_file
            """
        )
        con.unregister("_log")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    stats["done"] += len(results)
    stats["failed"] += int((log["status"] == "failed").sum())
    stats["mentions"] += len(mentions)
    stats["claims"] += len(claims)
