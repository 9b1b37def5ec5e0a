"""The raw and articles layers give the same tables whether files are read and parsed in worker
processes or in the step's own process."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from pipeline.lib.ingest import workers
from pipeline.lib.ingest.sync import sync_articles, sync_raw_files
from pipeline.lib.state.tables import ensure_state

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    folder = tmp_path / "raw"
    (folder / "sub").mkdir(parents=True)
    for f in sorted((REPO / "raw").glob("*.txt")):
        shutil.copy(f, folder / f.name)
    for f in sorted((REPO / "benchmarks" / "heldout2" / "articles").glob("*.txt"))[:6]:
        shutil.copy(f, folder / "sub" / f.name)
    first = sorted((REPO / "raw").glob("*.txt"))[0]
    shutil.copy(first, folder / "sub" / "zz_copy.txt")  # an exact duplicate
    (folder / "empty.txt").write_bytes(b"")  # a reject
    (folder / "binary.bin").write_bytes(bytes(range(256)) * 4)
    return folder


def _build(raw: Path, db: Path) -> dict[str, list]:
    con = duckdb.connect(str(db))
    try:
        ensure_state(con)
        sync_raw_files(con, raw, 5_000_000)
        sync_articles(con, raw, "v-test", "batch-1", 5_000_000)
        return {
            "raw_files": con.execute(
                "SELECT * EXCLUDE (mtime_ns) FROM raw_files ORDER BY file_path"
            ).fetchall(),
            "articles": con.execute("SELECT * FROM articles ORDER BY article_file").fetchall(),
            "bands": con.execute("SELECT * FROM state.lsh_bands ORDER BY ALL").fetchall(),
            "log": con.execute(
                "SELECT article_file, content_hash, batch_key, status FROM state.extraction_log "
                "ORDER BY article_file"
            ).fetchall(),
        }
    finally:
        con.close()


def test_workers_give_the_same_tables(raw: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PIPELINE_WORKERS", "1")
    alone = _build(raw, tmp_path / "alone.duckdb")
    monkeypatch.setenv("PIPELINE_WORKERS", "2")
    monkeypatch.setattr(workers, "MIN_FOR_WORKERS", 1)
    monkeypatch.setattr(workers, "TASK", 3)  # several tasks per chunk, results kept in order
    pooled = _build(raw, tmp_path / "pooled.duckdb")
    assert len(alone["articles"]) >= 10 and len(alone["bands"]) > 0
    assert alone == pooled
