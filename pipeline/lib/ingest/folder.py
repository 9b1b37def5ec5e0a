"""Layers raw -> articles as tables: every file under raw/ becomes a row of raw_files (an
article, a duplicate or a reject), rejects are listed in ingest_rejects, and each distinct
article gets its header metadata (title, publication date with its basis, outlet, byline).

`article_row` is what the articles step's worker processes import: pandas and the table
declarations (which import the claims layer and the quantity extractor, about 2 s of CPU per
spawned worker) are imported only by the functions that build frames."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.lib.ingest.article_headers import ArticleHeader, parse_header
from pipeline.lib.ingest.raw_files import RawFile, group_duplicates, scan_raw

if TYPE_CHECKING:
    import pandas as pd


def _header(text: str, today: dt.date | None) -> ArticleHeader:
    """The article's header; a parser failure leaves the fields empty and says why (the article
    is kept: its claims do not depend on the header)."""
    try:
        return parse_header(text, today=today) if today else parse_header(text)
    except Exception as exc:
        return ArticleHeader(
            title=None, published_date=None, date_basis=None, date_evidence=None,
            date_evidence_start=None, outlet=None, byline=None,
            detail=f"header parser failed ({type(exc).__name__}: {exc})",
        )  # fmt: skip


def article_row(article_file: str, f: RawFile, today: dt.date | None) -> dict:
    """The `articles` row of a decoded file (an HTML page is already its main text, see
    raw_files.read_raw_file): header fields, hashes and text. duplicate_files is None and the
    article is its own syndication group until the caller knows better."""
    text = f.text or ""
    header = _header(text, today)
    evidence = header.date_evidence
    if isinstance(evidence, tuple):
        evidence = evidence[0]
    return {
        "article_file": article_file,
        "published_date": header.published_date,
        "date_basis": header.date_basis,
        "date_precision": header.date_precision,
        "date_evidence": evidence,
        "date_detail": header.detail or None,
        "title": header.title,
        "outlet": header.outlet,
        "byline": header.byline,
        "encoding": f.encoding,
        "sha256": f.sha256,
        "content_hash": f.content_hash,
        "duplicate_files": None,
        "syndication_group": article_file,
        "n_chars": len(text),
        "text": text,
    }


@dataclass
class IngestTables:
    raw_files: pd.DataFrame
    ingest_rejects: pd.DataFrame
    articles: pd.DataFrame


def ingest_folder(
    root: Path,
    max_bytes: int,
    today: dt.date | None = None,
    progress: Callable[[str], None] | None = None,
) -> IngestTables:
    files = scan_raw(Path(root), max_bytes=max_bytes)
    if progress:
        progress(f"scanned {len(files)} files under {root}")
    return build_tables(files, today=today, progress=progress)


def build_tables(
    files: list[RawFile],
    today: dt.date | None = None,
    progress: Callable[[str], None] | None = None,
) -> IngestTables:
    import pandas as pd

    from pipeline.metadata.resources import get as get_resource

    groups = group_duplicates([f for f in files if f.reject_reason is None])
    owner = {}
    for g in groups:
        owner[g.article_file] = (g.article_file, "article")
        for dup in g.duplicate_files:
            owner[dup] = (g.article_file, "duplicate")

    raw_rows = []
    for f in files:
        article, outcome = owner.get(f.path, (None, "rejected"))
        raw_rows.append(
            {
                "file_path": f.path,
                "size_bytes": f.size_bytes,
                "sha256": f.sha256,
                "encoding": f.encoding,
                "outcome": outcome,
                "article_file": article,
                "reject_reason": f.reject_reason,
                "detail": f.detail,
            }
        )
    raw_files = pd.DataFrame(raw_rows, columns=get_resource("raw_files").field_names)
    rejects = raw_files.loc[
        raw_files["outcome"] == "rejected", get_resource("ingest_rejects").field_names
    ].reset_index(drop=True)

    article_rows = []
    for i, g in enumerate(groups, 1):
        row = article_row(g.article_file, g.file, today)
        row["duplicate_files"] = "; ".join(g.duplicate_files) or None
        row["syndication_group"] = g.syndication_key
        article_rows.append(row)
        if progress and i % 1000 == 0:
            progress(f"parsed headers of {i}/{len(groups)} articles")
    articles = pd.DataFrame(article_rows, columns=get_resource("articles").field_names)
    articles["published_date"] = pd.to_datetime(articles["published_date"])
    return IngestTables(raw_files, rejects, articles)
