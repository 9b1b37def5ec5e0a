"""Layer claims as a table: the attributed claims of every article (the `claims` table)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict

import pandas as pd

from pipeline.lib.claims import extract_claims
from pipeline.metadata.resources import get as get_resource

COLUMNS = get_resource("claims").field_names


def claims_table(
    articles: pd.DataFrame, progress: Callable[[int], None] | None = None
) -> pd.DataFrame:
    """`articles` needs article_file, text and published_date."""
    rows: list[dict] = []
    dates = pd.to_datetime(articles["published_date"])
    for n, (article_file, text, published) in enumerate(
        zip(articles["article_file"], articles["text"], dates, strict=True), 1
    ):
        day = None if pd.isna(published) else published.date()
        for claim in extract_claims(text, day, article_file=article_file):
            rows.append(asdict(claim))
        if progress:
            progress(n)
    frame = pd.DataFrame(rows)
    for col in COLUMNS:
        if col not in frame.columns:
            frame[col] = None
    return frame[COLUMNS]
