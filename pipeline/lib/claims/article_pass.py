"""The extraction pass of one article and what a worker sends back: the code an extraction
worker runs (`extract_task`), kept apart from the storing side (`claims.sync`) so that a spawned
worker imports the extractor and Arrow only, not pandas, pandera or DuckDB.

`extract_article(article_file, text, published)` is the one pass (the quantity extractor, then the
claims layer on its result); `Columns` holds the results of some articles as Arrow tables of the
declared column types (cheap to pickle and to append).
"""

from __future__ import annotations

import datetime as dt
import operator
import time
import traceback
from dataclasses import dataclass

import pyarrow as pa

from pipeline.lib.claims.model import claim_to_dict
from pipeline.lib.per_article import time_budget
from pipeline.lib.quantities.table import MENTION_TUPLE_FIELDS, extraction_rows, mention_tuples
from pipeline.metadata.resources import get as get_resource

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
    # here, not at the top: a run that extracts nothing (a removed article) imports this module
    # through claims.sync and need not compile the patterns (about 1 s); the first article
    # compiles them before its clock starts
    from pipeline.lib.claims.extract import claims_from_extraction
    from pipeline.lib.quantities.extractor import extract

    t0 = time.perf_counter()
    if seconds is None:
        from pipeline import settings  # (pydantic: workers are given the budget instead)

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


class _NoPandas:
    """An import hook that refuses pandas (see worker_start)."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        if name == "pandas" or name.startswith("pandas."):
            raise ModuleNotFoundError(f"{name} is not imported in an extraction worker", name=name)
        return None


def worker_start() -> None:
    """Run once in each spawned extraction worker: pandas is made unimportable there. pyarrow
    imports pandas (about 0.6 s of CPU) the first time it turns a list into an array, only to ask
    whether the list is a pandas object; nothing a worker runs uses pandas, and without it
    pyarrow converts lists exactly as before."""
    import sys

    if "pandas" not in sys.modules:
        sys.meta_path.insert(0, _NoPandas())


def extract_task(
    items: list[tuple[str, str, dt.date | None]], seconds: float | None = None
) -> Columns:
    """What a worker runs: these articles' results, each within `seconds` (default
    PIPELINE_ARTICLE_SECONDS)."""
    return Columns.of([extract_article(*item, seconds, tuples=True) for item in items])
