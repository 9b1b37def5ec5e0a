"""Layers raw -> articles, incrementally: bring the warehouse's raw_files, ingest_rejects and
articles in line with the raw/ folder, reading only what changed.

- `sync_raw_files`: every file under raw/ is listed; a file whose size and modification time
  are those recorded by the last run keeps its row without being read again; new and changed
  files are read, hashed and decoded. Identical content under several names is one article (the
  first name in sort order). raw_files and ingest_rejects are rewritten (they hold no text).
- `sync_articles`: articles whose file or content changed are dropped, new ones are read again
  and their header parsed, in chunks (never every text at once); near-duplicates (syndicated
  copies) are recomputed from the stored MinHash LSH buckets, comparing only pairs not compared
  before; and the articles whose extraction is missing or stale (new content, or another rules
  version) are queued in state.extraction_log under the run's raw_batches partition.

A cold run is the same code on an empty warehouse, so incremental and cold runs give the same
tables. Plain Python and SQL, no Dagster.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from pipeline import settings
from pipeline.lib import warehouse
from pipeline.lib.ingest.raw_files import (
    KEPT,
    SYNDICATION_THRESHOLD,
    RawFile,
    cluster,
    jaccard,
    scan_raw,
    shingle_hashes,
)
from pipeline.lib.ingest.workers import Workers, article_task, default_workers, read_task
from pipeline.lib.state.tables import get_info, set_info
from pipeline.lib.state.versions import HEADER_DIGEST
from pipeline.metadata.resources import get as get_resource

CHUNK = 500  # articles read and parsed at a time
BIG_BUCKET = 50  # a bucket with more members is compared with its first member only

Progress = Callable[[str], None]


@dataclass
class RawSync:
    n_files: int
    n_read: int  # files read this run (new or changed)
    n_new: int  # paths not seen before
    n_removed: int  # paths gone since the last run


@dataclass
class ArticleSync:
    n_articles: int
    n_new: int  # articles parsed this run (new file, or new content)
    n_removed: int  # articles gone (file removed, or content changed)
    n_queued: int  # articles waiting for extraction under batch_key
    n_syndicated_pairs: int
    changed: list[str] | None = None  # articles written or updated this run


def _noop(_: str) -> None:
    pass


def header_version() -> str:
    """What an `articles` row was parsed under: the header code's digest and the
    PIPELINE_BODY_DATES setting (it decides whether an undated text gets its body's year)."""
    return f"{HEADER_DIGEST}:body={int(settings.body_dates())}"


# ---------------------------------------------------------------------------------------------
# raw_files


def sync_raw_files(con, root: Path, max_bytes: int, progress: Progress = _noop) -> RawSync:
    """Bring raw_files and ingest_rejects in line with the folder. Only the rows of new, changed
    and removed files are written (a delta, set-based), then the outcome of every file sharing
    a content hash with them is recomputed: the first name in sort order of a content is its
    article, the others its duplicates. A cold run is the same delta on an empty table."""
    rf, rej = get_resource("raw_files"), get_resource("ingest_rejects")
    warehouse.ensure_table(con, rf)
    known: dict[str, tuple[int, int]] = {
        path: (size, mtime)
        for path, size, mtime in con.execute(
            "SELECT file_path, size_bytes, mtime_ns FROM raw_files WHERE mtime_ns IS NOT NULL"
        ).fetchall()
    }
    kept: list[str] = []

    def reuse(rel: str, size: int, mtime_ns: int) -> object | None:
        return KEPT if known.get(rel) == (size, mtime_ns) else None

    def read_many(items: list[tuple[str, str]]) -> list[RawFile]:
        jobs = [(abs_path, rel, max_bytes) for abs_path, rel in items]
        with Workers(read_task, default_workers(), len(jobs)) as pool:
            return pool.map(jobs)

    fresh = scan_raw(Path(root), max_bytes=max_bytes, reuse=reuse, read_many=read_many, kept=kept)
    paths = {f.path for f in fresh}
    paths.update(kept)
    removed = [p for p in known if p not in paths]
    n_new = sum(1 for p in paths if p not in known)
    n_reused = len(kept)
    progress(
        f"raw: {len(paths):,} files under {root} ({len(fresh):,} read, "
        f"{n_reused:,} unchanged, {len(removed):,} removed)"
    )

    rows = [
        {
            "file_path": f.path,
            "size_bytes": f.size_bytes,
            "mtime_ns": f.mtime_ns,
            "sha256": f.sha256,
            "content_hash": f.content_hash,
            "encoding": f.encoding,
            # articles and duplicates are told apart below, over every file of the content
            "outcome": "article" if f.reject_reason is None and f.content_hash else "rejected",
            "article_file": None,
            "reject_reason": f.reject_reason,
            "detail": f.detail,
        }
        for f in fresh
    ]
    frame = pd.DataFrame(rows, columns=rf.field_names)
    # nanosecond times exceed float64's 53 bits: never let a NULL turn the column into floats
    frame["mtime_ns"] = pd.array([r["mtime_ns"] for r in rows], dtype="Int64")
    fresh_paths = [f.path for f in fresh]
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _gone_files AS SELECT unnest(?::VARCHAR[]) AS file_path",
            [fresh_paths + removed],
        )
        # the content hashes whose files change: their articles and duplicates are recomputed
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _touched_hashes AS "
            "SELECT DISTINCT content_hash FROM raw_files WHERE content_hash IS NOT NULL "
            "AND file_path IN (SELECT file_path FROM _gone_files)"
        )
        con.execute(
            "DELETE FROM raw_files WHERE mtime_ns IS NULL "
            "OR file_path IN (SELECT file_path FROM _gone_files)"
        )
        warehouse.insert_frame(con, rf, frame)
        con.execute(
            "INSERT INTO _touched_hashes SELECT DISTINCT content_hash FROM raw_files "
            "WHERE content_hash IS NOT NULL "
            "AND file_path IN (SELECT file_path FROM _gone_files)"
        )
        con.execute(
            """
            UPDATE raw_files SET
                outcome = CASE WHEN raw_files.file_path = o.owner THEN 'article'
                               ELSE 'duplicate' END,
                article_file = o.owner
            FROM (SELECT content_hash, min(file_path) AS owner FROM raw_files
                  WHERE outcome <> 'rejected'
                    AND content_hash IN (SELECT content_hash FROM _touched_hashes)
                  GROUP BY content_hash) o
            WHERE raw_files.content_hash = o.content_hash AND raw_files.outcome <> 'rejected'
              AND (raw_files.article_file IS DISTINCT FROM o.owner
                   OR raw_files.outcome <> CASE WHEN raw_files.file_path = o.owner
                                                THEN 'article' ELSE 'duplicate' END)
            """
        )
        con.execute("DROP TABLE _gone_files")
        con.execute("DROP TABLE _touched_hashes")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    rejects = con.execute(
        f"SELECT {', '.join(rej.field_names)} FROM raw_files WHERE outcome = 'rejected' "
        "ORDER BY file_path"
    ).df()
    warehouse.write_table(con, rej, rejects)
    return RawSync(len(paths), len(fresh), n_new, len(removed))


# ---------------------------------------------------------------------------------------------
# articles


def sync_articles(
    con,
    root: Path,
    rules_version: str,
    batch_key: str | None,
    max_bytes: int,
    today: dt.date | None = None,
    progress: Progress = _noop,
) -> ArticleSync:
    art = get_resource("articles")
    warehouse.ensure_table(con, art)
    # rows parsed under other header rules (or another PIPELINE_BODY_DATES) are all parsed
    # again, as new: their publication dates may differ, and so may their claims' years
    version = header_version()
    reparse = get_info(con, "header_version") != version
    if reparse and con.execute("SELECT count(*) FROM articles").fetchone()[0]:
        progress("articles: the header rules or PIPELINE_BODY_DATES changed: parsing every article")
    # set-based: the articles whose file is gone or whose content changed, and the files to
    # parse (new, or new content)
    same = "FALSE" if reparse else "r.content_hash = a.content_hash"
    gone = [
        r[0]
        for r in con.execute(
            "SELECT a.article_file FROM articles a LEFT JOIN raw_files r "
            "ON r.file_path = a.article_file AND r.outcome = 'article' "
            f"WHERE r.content_hash IS NULL OR NOT ({same})"
        ).fetchall()
    ]
    todo_rows = con.execute(
        "SELECT r.file_path, r.content_hash FROM raw_files r LEFT JOIN articles a "
        "ON a.article_file = r.file_path "
        "WHERE r.outcome = 'article' AND r.content_hash IS NOT NULL "
        f"AND (a.content_hash IS NULL OR NOT ({same})) ORDER BY 1"
    ).fetchall()
    todo = [path for path, _ in todo_rows]
    warehouse.delete_articles(con, ["articles", "state.extraction_log"], gone)
    _drop_bands(con, pd.Series([chash for _, chash in todo_rows], dtype=object))

    done = 0

    def store(parsed: list[tuple[dict, list[int]] | None]) -> None:
        nonlocal done
        kept = [p for p in parsed if p is not None]
        frame = pd.DataFrame([row for row, _ in kept], columns=art.field_names)
        frame["published_date"] = pd.to_datetime(frame["published_date"])
        warehouse.insert_frame(con, art, frame)
        _store_bands(con, [(row["content_hash"], keys) for row, keys in kept])
        done += len(parsed)
        progress(f"articles: parsed {done:,}/{len(todo):,} new articles")

    names = todo
    with Workers(article_task, default_workers(), len(names)) as pool:
        pending = None  # the workers parse one chunk while this process stores the previous
        for start in range(0, len(names), CHUNK):
            items = [
                (str(Path(root) / name), name, max_bytes, today)
                for name in names[start : start + CHUNK]
            ]
            handle = pool.submit(items)
            if pending is not None:
                store(pending.get())
            pending = handle
        if pending is not None:
            store(pending.get())

    set_info(con, "header_version", version)
    updated = _sync_duplicate_files(con)
    n_pairs, regrouped = _sync_syndication(con, progress)
    n_queued = _queue_extraction(con, rules_version, batch_key)
    n_articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    changed = names + updated + regrouped
    return ArticleSync(n_articles, len(todo), len(gone), n_queued, n_pairs, changed)


# The articles whose duplicate_files changed: only an article that has duplicates, or had some,
# can (the others' list is NULL and stays NULL). Selected first, then updated by key: an UPDATE
# scans the whole articles table even when nothing changes (a second or more at 100,000).
CHANGED_DUPLICATES_SQL = """
SELECT a.article_file, string_agg(r.file_path, '; ' ORDER BY r.file_path) AS files
FROM articles a LEFT JOIN raw_files r ON r.article_file = a.article_file AND r.outcome = 'duplicate'
WHERE a.duplicate_files IS NOT NULL
   OR a.article_file IN (SELECT article_file FROM raw_files WHERE outcome = 'duplicate')
GROUP BY a.article_file, a.duplicate_files
HAVING a.duplicate_files IS DISTINCT FROM files
"""


def _sync_duplicate_files(con) -> list[str]:
    """Set articles.duplicate_files from raw_files; returns the articles whose list changed."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE _dups AS {CHANGED_DUPLICATES_SQL}")
    return _update_by_key(con, "_dups", "duplicate_files", "files")


def _update_groups(con, mapping: pd.DataFrame) -> list[str]:
    """Set syndication_group from `mapping` (article_file, grp) where it differs, and back to the
    article itself for every article not in `mapping`; returns the articles whose group changed.
    The changes are selected first (a whole-table UPDATE costs even when nothing changes)."""
    con.register("_groups", mapping)
    try:
        con.execute(
            """
            CREATE OR REPLACE TEMP TABLE _regroup AS
            SELECT g.article_file, g.grp FROM articles a JOIN _groups g USING (article_file)
            WHERE a.syndication_group IS DISTINCT FROM g.grp
            UNION ALL
            SELECT article_file, article_file AS grp FROM articles
            WHERE syndication_group IS DISTINCT FROM article_file
              AND article_file NOT IN (SELECT article_file FROM _groups)
            """
        )
    finally:
        con.unregister("_groups")
    return _update_by_key(con, "_regroup", "syndication_group", "grp")


def _update_by_key(con, temp: str, column: str, source: str) -> list[str]:
    """articles.column = temp.source for the articles of the temp table (dropped after); returns
    those articles. Nothing is updated when the table is empty."""
    try:
        changed = [r[0] for r in con.execute(f"SELECT article_file FROM {temp}").fetchall()]
        if changed:
            con.execute(
                f"UPDATE articles SET {column} = t.{source} FROM {temp} t "
                "WHERE articles.article_file = t.article_file"
            )
    finally:
        con.execute(f"DROP TABLE IF EXISTS {temp}")
    return changed


def _drop_bands(con, content_hashes: pd.Series) -> None:
    """Forget the band keys stored for these contents (once, before the new ones are stored:
    a delete per chunk would scan the whole, growing table each time)."""
    if not len(content_hashes):
        return
    con.register("_todo_hashes", pd.DataFrame({"content_hash": content_hashes.to_numpy()}))
    try:
        con.execute(
            "DELETE FROM state.lsh_bands WHERE content_hash IN "
            "(SELECT content_hash FROM _todo_hashes)"
        )
    finally:
        con.unregister("_todo_hashes")


def _store_bands(con, keys: list[tuple[str, list[int]]]) -> None:
    """Store the band keys of these contents ((content_hash, band keys) pairs), whose earlier
    keys `_drop_bands` removed."""
    hashes = [chash for chash, buckets in keys for _ in buckets]
    if not hashes:
        return
    bands = pd.DataFrame(
        {
            "content_hash": hashes,
            "band": np.concatenate([np.arange(len(b), dtype=np.int64) for _, b in keys if b]),
            "bucket": np.fromiter(
                (bucket for _, b in keys for bucket in b), dtype=np.int64, count=len(hashes)
            ),
        }
    )
    con.register("_bands", bands)
    try:
        con.execute("INSERT INTO state.lsh_bands SELECT * FROM _bands")
    finally:
        con.unregister("_bands")


CANDIDATE_PAIRS_SQL = f"""
WITH shared AS (  -- buckets holding several contents (a superset: some may be gone)
    SELECT band, bucket FROM state.lsh_bands GROUP BY band, bucket HAVING count(*) > 1
),
b AS (
    SELECT l.band, l.bucket, a.article_file, a.content_hash
    FROM state.lsh_bands l SEMI JOIN shared s ON s.band = l.band AND s.bucket = l.bucket
    JOIN articles a USING (content_hash)
),
buckets AS (
    SELECT band, bucket, count(*) AS n, min(article_file) AS first
    FROM b GROUP BY band, bucket HAVING count(*) > 1
),
pairs AS (
    SELECT x.article_file AS a, y.article_file AS b
    FROM b x JOIN b y ON x.band = y.band AND x.bucket = y.bucket AND x.article_file < y.article_file
    JOIN buckets k ON k.band = x.band AND k.bucket = x.bucket
    WHERE k.n <= {BIG_BUCKET}
    UNION ALL
    SELECT k.first AS a, x.article_file AS b
    FROM b x JOIN buckets k ON k.band = x.band AND k.bucket = x.bucket
    WHERE k.n > {BIG_BUCKET} AND x.article_file <> k.first
)
SELECT DISTINCT p.a, p.b, least(ha.content_hash, hb.content_hash) AS hash_a,
       greatest(ha.content_hash, hb.content_hash) AS hash_b, s.similarity
FROM pairs p
JOIN articles ha ON ha.article_file = p.a
JOIN articles hb ON hb.article_file = p.b
LEFT JOIN state.syndication_pairs s
  ON s.hash_a = least(ha.content_hash, hb.content_hash)
 AND s.hash_b = greatest(ha.content_hash, hb.content_hash)
"""


def _sync_syndication(con, progress: Progress) -> tuple[int, list[str]]:
    """Recompute syndication_group from the candidate pairs; compare only new pairs. Returns
    the number of linked pairs and the articles whose group changed."""
    pairs = con.execute(CANDIDATE_PAIRS_SQL).df()
    missing = pairs[pairs["similarity"].isna()]
    if len(missing):
        progress(f"articles: comparing {len(missing):,} candidate syndicated pairs")
        names = sorted(set(missing["a"]) | set(missing["b"]))
        shingles: dict[str, np.ndarray] = {}
        for start in range(0, len(names), CHUNK):
            part = names[start : start + CHUNK]
            texts = con.execute(
                "SELECT article_file, text FROM articles WHERE article_file IN "
                "(SELECT unnest(?::VARCHAR[]))",
                [part],
            ).fetchall()
            for name, text in texts:
                shingles[name] = shingle_hashes(text)
        sims = [
            round(jaccard(shingles[a], shingles[b]), 4)
            for a, b in zip(missing["a"], missing["b"], strict=True)
        ]
        fresh = pd.DataFrame(
            {"hash_a": missing["hash_a"], "hash_b": missing["hash_b"], "similarity": sims}
        ).drop_duplicates(["hash_a", "hash_b"])
        con.register("_sims", fresh)
        try:
            con.execute("INSERT INTO state.syndication_pairs SELECT * FROM _sims")
        finally:
            con.unregister("_sims")
        pairs.loc[missing.index, "similarity"] = sims
    linked = pairs[pairs["similarity"] >= SYNDICATION_THRESHOLD]
    # the articles of linked pairs are clustered; every other article is its own group
    names = sorted(set(linked["a"]) | set(linked["b"]))
    groups = cluster(names, zip(linked["a"], linked["b"], strict=True))
    mapping = pd.DataFrame(
        {"article_file": list(groups), "grp": list(groups.values())}, dtype=object
    )
    regrouped = _update_groups(con, mapping)
    return len(linked), regrouped


def _queue_extraction(con, rules_version: str, batch_key: str | None) -> int:
    """Queue the articles whose extraction is missing or stale, and give every queued article
    the run's batch (one left over by a run that failed included). Returns how many articles
    wait for batch_key (0 when the run has no batch: they wait for the next one)."""
    con.execute(
        """
        DELETE FROM state.extraction_log l
        WHERE NOT EXISTS (SELECT 1 FROM articles a
                          WHERE a.article_file = l.article_file
                            AND a.content_hash = l.content_hash)
           OR l.rules_version <> ?
        """,
        [rules_version],
    )
    con.execute(
        """
        INSERT INTO state.extraction_log (article_file, content_hash, rules_version, batch_key,
                                          status)
        SELECT article_file, content_hash, ?, NULL, 'pending' FROM articles
        WHERE article_file NOT IN (SELECT article_file FROM state.extraction_log)
        """,
        [rules_version],
    )
    if batch_key is None:
        return 0
    con.execute(
        "UPDATE state.extraction_log SET batch_key = ? WHERE status = 'pending'",
        [batch_key],
    )
    return con.execute(
        "SELECT count(*) FROM state.extraction_log WHERE batch_key = ? AND status = 'pending'",
        [batch_key],
    ).fetchone()[0]
