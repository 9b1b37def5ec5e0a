"""Layer quantities as a table: every quantity, period and set-aside number the extractor finds
in each article, one row each (the `quantity_mentions` table)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from operator import itemgetter
from typing import TYPE_CHECKING

from pipeline.lib.per_article import Outcome, each_article
from pipeline.lib.quantities.model import Extraction
from pipeline.metadata.resources import get as get_resource

if TYPE_CHECKING:
    import pandas as pd

COLUMNS = get_resource("quantity_mentions").field_names
_ORDER = itemgetter("char_start", "char_end", "mention_kind")  # the rows' order


def extraction_rows(article_file: str, ex: Extraction) -> list[dict]:
    rows = []
    for q in ex.quantities:
        rows.append(
            {
                "mention_kind": "quantity",
                "char_start": q.start,
                "char_end": q.end,
                "quote": q.text,
                "value": q.value,
                "unit": q.unit,
                "counted": q.counted,
                "bound": q.bound,
                "range_id": q.range_id,
            }
        )
    for p in ex.periods:
        rows.append(
            {
                "mention_kind": "period",
                "char_start": p.start,
                "char_end": p.end,
                "quote": p.text,
                "period_kind": p.kind,
                "period_start": p.year_start,
                "period_end": p.year_end,
            }
        )
    for g in ex.ignored:
        rows.append(
            {
                "mention_kind": "ignored",
                "char_start": g.start,
                "char_end": g.end,
                "quote": g.text,
                "reason": g.reason,
            }
        )
    rows.sort(key=_ORDER)
    for i, row in enumerate(rows):
        row["article_file"] = article_file
        row["mention_no"] = i
    return rows


def mentions_table(
    articles: Iterable[tuple[str, str]], progress: Callable[[int], None] | None = None
) -> tuple[pd.DataFrame, Outcome]:
    """`articles` yields (article_file, text) pairs. An article the extractor fails on has no
    rows; the failure is in the returned Outcome."""
    from pipeline.lib.quantities.extractor import extract

    rows: list[dict] = []

    def one(article_file: str, text: str) -> None:
        rows.extend(extraction_rows(article_file, extract(text)))

    outcome = each_article(articles, one, progress)
    import pandas as pd  # here: the extraction workers import this module and need no pandas

    return pd.DataFrame(rows, columns=COLUMNS), outcome


# The columns of `mention_tuples`' rows (quantity_mentions without article_file and mention_no).
MENTION_TUPLE_FIELDS = (
    "mention_kind", "char_start", "char_end", "quote", "value", "unit", "counted", "bound",
    "range_id", "period_kind", "period_start", "period_end", "reason",
)  # fmt: skip
_BY_POSITION = itemgetter(1, 2, 0)  # extraction_rows' order: char_start, char_end, mention_kind


def mention_tuples(ex: Extraction) -> list[tuple]:
    """`extraction_rows` as tuples of MENTION_TUPLE_FIELDS, in the same order (mention_no is
    the index): what the pipeline's extraction step stores, without a dict per row."""
    rows = [
        ("quantity", q.start, q.end, q.text, q.value, q.unit, q.counted, q.bound, q.range_id,
         None, None, None, None)
        for q in ex.quantities
    ]  # fmt: skip
    rows += [
        ("period", p.start, p.end, p.text, None, None, None, None, None,
         p.kind, p.year_start, p.year_end, None)
        for p in ex.periods
    ]  # fmt: skip
    rows += [
        ("ignored", g.start, g.end, g.text, None, None, None, None, None, None, None, None,
         g.reason)
        for g in ex.ignored
    ]  # fmt: skip
    rows.sort(key=_BY_POSITION)  # stable, as extraction_rows' sort on the same key
    return rows
