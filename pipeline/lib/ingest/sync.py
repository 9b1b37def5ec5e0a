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

from pipeline.lib import warehouse
from pipeline.lib.ingest.raw_files import (
    SYNDICATION_THRESHOLD,
    RawFile,
    cluster,
    jaccard,
    scan_raw,
    shingle_hashes,
)
from pipeline.lib.ingest.workers import Workers, article_task, default_workers, read_task
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


# ---------------------------------------------------------------------------------------------
# raw_files


def sync_raw_files(con, root: Path, max_bytes: int, progress: Progress = _noop) -> RawSync:
    rf, rej = get_resource("raw_files"), get_resource("ingest_rejects")
    warehouse.ensure_table(con, rf)
    known: dict[str, RawFile] = {}
    for path, size, mtime, sha, chash, enc, reason, detail in con.execute(
        "SELECT file_path, size_bytes, mtime_ns, sha256, content_hash, encoding, reject_reason, "
        "detail FROM raw_files WHERE mtime_ns IS NOT NULL"
    ).fetchall():
        known[path] = RawFile(path, size, sha, enc, None, reason, detail, chash, mtime)
    n_reused = 0

    def reuse(rel: str, size: int, mtime_ns: int) -> RawFile | None:
        nonlocal n_reused
        old = known.get(rel)
        if old is not None and old.size_bytes == size and old.mtime_ns == mtime_ns:
            n_reused += 1
            return old
        return None

    def read_many(items: list[tuple[str, str]]) -> list[RawFile]:
        jobs = [(abs_path, rel, max_bytes) for abs_path, rel in items]
        with Workers(read_task, default_workers(), len(jobs)) as pool:
            return pool.map(jobs)

    files = scan_raw(Path(root), max_bytes=max_bytes, reuse=reuse, read_many=read_many)
    paths = {f.path for f in files}
    n_removed = sum(1 for p in known if p not in paths)
    n_new = sum(1 for p in paths if p not in known)
    progress(
        f"raw: {len(files):,} files under {root} ({len(files) - n_reused:,} read, "
        f"{n_reused:,} unchanged, {n_removed:,} removed)"
    )

    canonical: dict[str, str] = {}
    for f in files:  # sorted by path: the first name of a content is its article
        if f.reject_reason is None and f.content_hash is not None:
            canonical.setdefault(f.content_hash, f.path)
    rows = []
    for f in files:
        owner = canonical.get(f.content_hash) if f.reject_reason is None else None
        rows.append(
            {
                "file_path": f.path,
                "size_bytes": f.size_bytes,
                "mtime_ns": f.mtime_ns,
                "sha256": f.sha256,
                "content_hash": f.content_hash,
                "encoding": f.encoding,
                "outcome": "rejected"
                if owner is None
                else ("article" if owner == f.path else "duplicate"),
                "article_file": owner,
                "reject_reason": f.reject_reason,
                "detail": f.detail,
            }
        )
    frame = pd.DataFrame(rows, columns=rf.field_names)
    # nanosecond times exceed float64's 53 bits: never let a NULL turn the column into floats
    frame["mtime_ns"] = pd.array([r["mtime_ns"] for r in rows], dtype="Int64")
    warehouse.write_table(con, rf, frame)
    rejects = frame.loc[frame["outcome"] == "rejected", rej.field_names]
    warehouse.write_table(con, rej, rejects)
    return RawSync(len(files), len(files) - n_reused, n_new, n_removed)


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
    wanted = con.execute(
        "SELECT article_file, content_hash FROM raw_files WHERE outcome = 'article' "
        "ORDER BY article_file"
    ).df()
    have = con.execute("SELECT article_file, content_hash FROM articles").df()
    merged = wanted.merge(have, on="article_file", how="outer", suffixes=("", "_have"))
    gone = merged.loc[
        merged["content_hash"].isna() | (merged["content_hash"] != merged["content_hash_have"]),
        "article_file",
    ]
    gone = gone[gone.isin(have["article_file"])]
    todo = merged.loc[
        merged["content_hash"].notna()
        & (
            merged["content_hash_have"].isna()
            | (merged["content_hash"] != merged["content_hash_have"])
        )
    ]
    warehouse.delete_articles(con, ["articles", "state.extraction_log"], gone)
    _drop_bands(con, todo["content_hash"])

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

    names = todo["article_file"].tolist()
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

    updated = con.execute(
        """
        UPDATE articles SET duplicate_files = d.files
        FROM (SELECT a.article_file, string_agg(r.file_path, '; ' ORDER BY r.file_path) AS files
              FROM articles a LEFT JOIN raw_files r
                ON r.article_file = a.article_file AND r.outcome = 'duplicate'
              GROUP BY a.article_file) d
        WHERE articles.article_file = d.article_file
          AND articles.duplicate_files IS DISTINCT FROM d.files
        RETURNING articles.article_file
        """
    ).fetchall()
    n_pairs, regrouped = _sync_syndication(con, progress)
    n_queued = _queue_extraction(con, rules_version, batch_key)
    n_articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    changed = names + [r[0] for r in updated] + regrouped
    return ArticleSync(n_articles, len(todo), len(gone), n_queued, n_pairs, changed)


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
WITH b AS (
    SELECT l.band, l.bucket, a.article_file, a.content_hash
    FROM state.lsh_bands l JOIN articles a USING (content_hash)
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
    names = [r[0] for r in con.execute("SELECT article_file FROM articles").fetchall()]
    groups = cluster(names, zip(linked["a"], linked["b"], strict=True))
    mapping = pd.DataFrame({"article_file": list(groups), "grp": list(groups.values())})
    con.register("_groups", mapping)
    try:
        regrouped = con.execute(
            "UPDATE articles SET syndication_group = g.grp FROM _groups g "
            "WHERE articles.article_file = g.article_file "
            "AND articles.syndication_group IS DISTINCT FROM g.grp "
            "RETURNING articles.article_file"
        ).fetchall()
    finally:
        con.unregister("_groups")
    return len(linked), [r[0] for r in regrouped]


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
