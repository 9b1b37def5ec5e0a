"""Layer claims as a table: the attributed claims of every article (the `claims` table)."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from pipeline.lib.claims import claim_to_dict, extract_claims
from pipeline.lib.per_article import Outcome, each_article
from pipeline.metadata.resources import get as get_resource

COLUMNS = get_resource("claims").field_names


def claims_table(
    articles: pd.DataFrame, progress: Callable[[int], None] | None = None
) -> tuple[pd.DataFrame, Outcome]:
    """`articles` needs article_file, text and published_date. An article the claims layer
    fails on has no claims; the failure is in the returned Outcome."""
    rows: list[dict] = []
    dates = pd.to_datetime(articles["published_date"])
    items = zip(articles["article_file"], zip(articles["text"], dates, strict=True), strict=True)

    def one(article_file: str, item) -> None:
        text, published = item
        day = None if pd.isna(published) else published.date()
        rows.extend(claim_to_dict(c) for c in extract_claims(text, day, article_file=article_file))

    outcome = each_article(items, one, progress)
    frame = pd.DataFrame(rows)
    for col in COLUMNS:
        if col not in frame.columns:
            frame[col] = None
    return frame[COLUMNS], outcome
