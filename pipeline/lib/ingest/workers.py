"""Worker processes for the raw and articles layers: reading, hashing and decoding files, and
parsing the articles' headers and MinHash LSH buckets, spread over the cores.

The pattern is the extraction step's (pipeline.lib.claims.sync.Extractor): the workers are
spawned once per step (no state inherited from a Dagster process) and kept for all its chunks;
`submit(items)` returns a handle whose `get()` gives the results in input order, so the caller
writes one chunk while the workers parse the next. With one worker, or fewer items than
MIN_FOR_WORKERS, everything runs in this process (no start-up cost for an incremental run).

The tasks are plain functions of picklable items: `read_task` (a RawFile per file, its text
dropped once hashed) and `article_task` (the `articles` row of a file with its band keys).
Plain Python, no Dagster.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from pipeline import settings

MIN_FOR_WORKERS = 300  # fewer items are handled in this process
TASK = 50  # items sent to a worker at a time


def default_workers() -> int:
    """PIPELINE_WORKERS, else the number of cores this process may use."""
    return settings.workers()


# ---------------------------------------------------------------------------------------------
# Tasks (run in the workers; module-level so that spawned processes can import them)

ReadItem = tuple[str, str, int]  # absolute path, relative path, max bytes
ArticleItem = tuple[str, str, int, "dt.date | None"]  # absolute path, article_file, max, today


def read_task(items: Sequence[ReadItem]) -> list:
    """RawFiles of these files (read, hashed, decoded), without their text."""
    from pipeline.lib.ingest.raw_files import read_raw_file

    out = []
    for abs_path, rel, max_bytes in items:
        rf = read_raw_file(abs_path, rel, max_bytes)
        out.append(rf if rf.text is None else replace(rf, text=None))
    return out


def article_task(items: Sequence[ArticleItem]) -> list[tuple[dict, list[int]] | None]:
    """For each file: (its `articles` row, its MinHash LSH band keys), or None when the file is
    gone or broken since the scan (the caller keeps the scan's verdict for now)."""
    from pipeline.lib.ingest.folder import article_row
    from pipeline.lib.ingest.raw_files import band_keys, read_raw_file

    out: list[tuple[dict, list[int]] | None] = []
    for abs_path, article_file, max_bytes, today in items:
        f = read_raw_file(Path(abs_path), article_file, max_bytes=max_bytes)
        if f.text is None:
            out.append(None)
            continue
        out.append((article_row(article_file, f, today), band_keys(f.text)))
    return out


# ---------------------------------------------------------------------------------------------
# The pool


@dataclass
class _Done:
    results: list

    def get(self) -> list:
        return self.results


@dataclass
class _Pending:
    handle: object

    def get(self) -> list:
        return [r for part in self.handle.get() for r in part]


class Workers:
    """Runs a task function over lists of items, in `workers` spawned processes (one: here)."""

    def __init__(self, task: Callable[[Sequence], list], workers: int, n_items: int):
        self.task = task
        self.pool = None
        if workers > 1 and n_items >= MIN_FOR_WORKERS:
            self.pool = multiprocessing.get_context("spawn").Pool(processes=workers)

    def submit(self, items: Sequence):
        if self.pool is None:
            return _Done(self.task(items))
        parts = [items[i : i + TASK] for i in range(0, len(items), TASK)]
        return _Pending(self.pool.map_async(self.task, parts, chunksize=1))

    def map(self, items: Sequence) -> list:
        return self.submit(items).get()

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.terminate() if exc[0] else self.pool.close()
            self.pool.join()
