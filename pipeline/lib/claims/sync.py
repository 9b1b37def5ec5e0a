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

import collections
import datetime as dt
import multiprocessing
import operator
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pandas as pd
import pyarrow as pa

from pipeline import settings
from pipeline.lib import warehouse
from pipeline.lib.claims.extract import claims_from_extraction
from pipeline.lib.claims.model import claim_to_dict
from pipeline.lib.per_article import time_budget
from pipeline.lib.quantities import extract
from pipeline.lib.quantities.table import MENTION_TUPLE_FIELDS, extraction_rows, mention_tuples
from pipeline.metadata.resources import get as get_resource

CHUNK = 400  # articles read from the warehouse and sent to the workers at a time
STORE_ARTICLES = 4000  # results written back (one transaction) once this many have come back
STORE_SECONDS = 20.0  # ... or once this long has passed since the last write
AHEAD = 3  # chunks handed to the workers beyond the one awaited (they go on while we write)
TASK = 25  # articles sent to a worker at a time
MIN_FOR_WORKERS = 200  # fewer queued articles are extracted in this process (no start-up cost)

MENTIONS = get_resource("quantity_mentions")
CLAIMS = get_resource("claims")
_CLAIM_ROW = operator.attrgetter(*CLAIMS.field_names)  # a Claim as a tuple of the columns


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
    article_file: str,
    text: str,
    published: dt.date | None,
    seconds: float | None = None,
    *,
    tuples: bool = False,
) -> ArticleResult:
    """One extraction pass: quantity mentions and attributed claims of one article, within the
    time budget (`seconds`, default PIPELINE_ARTICLE_SECONDS). An exception, or running over
    the budget (ArticleTimeout), is caught and returned as the article's error.

    The rows are dicts (extraction_rows, claim_to_dict); with `tuples`, tuples of
    MENTION_TUPLE_FIELDS and of the claims' columns (what the workers send: no dict per row)."""
    t0 = time.perf_counter()
    if seconds is None:
        seconds = settings.article_seconds()
    try:
        with time_budget(seconds):
            ex = extract(text)
            # the mentions before the claims layer runs on the extraction, as always
            mentions = mention_tuples(ex) if tuples else extraction_rows(article_file, ex)
            found = claims_from_extraction(text, ex, published, article_file)
            if tuples:
                claims = list(map(_CLAIM_ROW, found))
            else:
                claims = [claim_to_dict(c) for c in found]
    except Exception as exc:
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        return ArticleResult(
            article_file,
            [],
            [],
            time.perf_counter() - t0,
            f"{type(exc).__name__}: {exc}",
            f"{frame.filename.rsplit('/', 1)[-1]}:{frame.lineno} in {frame.name.rsplit('.', 1)[-1]}",  # compiled frames: module.func
        )
    return ArticleResult(article_file, mentions, claims, time.perf_counter() - t0)


LOG_COLUMNS = (
    "article_file", "status", "error", "error_where", "seconds", "n_mentions", "n_claims",
)  # fmt: skip
ARROW_TYPES = {
    "string": pa.string(),
    "integer": pa.int32(),
    "bigint": pa.int64(),
    "number": pa.float64(),
    "boolean": pa.bool_(),
    "date": pa.date32(),
    "datetime": pa.timestamp("us"),
}


def _part(resource, rows: list[dict]) -> pa.Table | dict[str, list]:
    """These rows as an Arrow table of the declared column types (cheap to pickle and to
    append), or as a list per column when a value does not convert to its column's type (the
    main process then goes through warehouse.insert_frame, which conforms or says what is
    wrong)."""
    return _columns_part(
        resource, {name: [row.get(name) for row in rows] for name in resource.field_names}
    )


_INT_TYPES = {int, type(None)}


def _columns_part(resource, columns: dict[str, list]) -> pa.Table | dict[str, list]:
    """_part of rows given as a list per column (every declared column)."""
    for f in resource.fields:  # Arrow would truncate a float in an integer column
        if f.type in ("integer", "bigint") and not set(map(type, columns[f.name])) <= _INT_TYPES:
            return columns
    try:
        return pa.table(
            {f.name: pa.array(columns[f.name], ARROW_TYPES[f.type]) for f in resource.fields}
        )
    except (pa.ArrowInvalid, pa.ArrowTypeError, KeyError):
        return columns


def _tuples_part(results: list[ArticleResult]) -> tuple[pa.Table | dict, pa.Table | dict]:
    """The mentions and claims parts of results extracted with `tuples=True`."""
    files: list[str] = []
    numbers: list[int] = []
    mention_rows: list[tuple] = []
    claim_rows: list[tuple] = []
    for r in results:
        n = len(r.mentions)
        files.extend([r.article_file] * n)
        numbers.extend(range(n))
        mention_rows.extend(r.mentions)
        claim_rows.extend(r.claims)
    mentions = _transpose(MENTION_TUPLE_FIELDS, mention_rows)
    mentions["article_file"], mentions["mention_no"] = files, numbers
    claims = _transpose(CLAIMS.field_names, claim_rows)
    return (
        _columns_part(MENTIONS, {name: mentions[name] for name in MENTIONS.field_names}),
        _columns_part(CLAIMS, claims),
    )


def _transpose(names, rows: list[tuple]) -> dict[str, list]:
    if not rows:
        return {name: [] for name in names}
    return dict(zip(names, map(list, zip(*rows, strict=True)), strict=True))


@dataclass
class Columns:
    """The results of some articles in columns: what a worker sends back (Arrow tables pickle
    and append much faster than a dict per row) and what the main process gathers over several
    chunks and appends in one transaction."""

    log: dict[str, list]
    mentions: list  # of _part()s: pa.Table, or dict[str, list] when Arrow refused a value
    claims: list

    @classmethod
    def empty(cls) -> Columns:
        return cls({c: [] for c in LOG_COLUMNS}, [], [])

    @classmethod
    def of(cls, results: list[ArticleResult]) -> Columns:
        out = cls.empty()
        log = out.log
        for r in results:
            log["article_file"].append(r.article_file)
            log["status"].append("failed" if r.error else "ok")
            log["error"].append(r.error)
            log["error_where"].append(r.error_where)
            log["seconds"].append(round(r.seconds, 4))
            log["n_mentions"].append(len(r.mentions))
            log["n_claims"].append(len(r.claims))
        if any(isinstance(row, tuple) for r in results for row in r.mentions[:1] + r.claims[:1]):
            mentions, claims = _tuples_part(results)
        else:
            mentions = _part(MENTIONS, [m for r in results for m in r.mentions])
            claims = _part(CLAIMS, [c for r in results for c in r.claims])
        out.mentions.append(mentions)
        out.claims.append(claims)
        return out

    def extend(self, other: Columns) -> None:
        for name, values in self.log.items():
            values.extend(other.log[name])
        self.mentions.extend(other.mentions)
        self.claims.extend(other.claims)

    def __len__(self) -> int:
        return len(self.log["article_file"])


def _task(items: list[tuple[str, str, dt.date | None]]) -> Columns:
    return Columns.of([extract_article(*item, tuples=True) for item in items])


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
            return _Done(_task(items))
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
