"""The warehouse tables, declared once: layer, description, primary key and fields.

Order follows the data flow: raw -> articles -> quantities -> claims -> validated -> curated, then
reference tables. The Dagster asset that writes a table has the table's name.
"""

from __future__ import annotations

from pipeline.metadata.classes import Resource
from pipeline.metadata.fields import fields

_RESOURCES = [
    Resource(
        name="raw_files",
        layer="raw",
        description=(
            "Every file found under raw/ and what ingestion made of it: an article, a duplicate "
            "of another article, or a reject. Nothing is dropped silently: each file is one row."
        ),
        primary_key=("file_path",),
        fields=fields(
            "file_path", "size_bytes", "sha256", "encoding", "outcome", "article_file",
            "reject_reason", "detail", article_file={"required": False,
            "description": "The article this file became (NULL for a reject)."},
        ),
        example_query="SELECT outcome, count(*) FROM raw_files GROUP BY outcome",
    ),
    Resource(
        name="ingest_rejects",
        layer="raw",
        description="Files under raw/ that could not become an article, with the reason.",
        primary_key=("file_path",),
        fields=fields(
            "file_path", "size_bytes", "sha256", "reject_reason", "detail",
            reject_reason={"required": True},
        ),
        example_query="SELECT file_path, reject_reason, detail FROM ingest_rejects",
    ),
    Resource(
        name="articles",
        layer="articles",
        contract=True,
        description=(
            "One row per distinct article (identical content under several names is one "
            "article), with its header metadata and decoded text."
        ),
        primary_key=("article_file",),
        fields=fields(
            "article_file", "published_date", "date_basis", "date_evidence", "title", "outlet",
            "byline", "encoding", "sha256", "content_hash", "duplicate_files",
            "syndication_group", "n_chars", "text",
        ),
        example_query=(
            "SELECT article_file, published_date, date_basis, outlet, title FROM articles "
            "ORDER BY article_file"
        ),
    ),
    Resource(
        name="quantity_mentions",
        layer="quantities",
        description=(
            "Every number the quantity extractor found in each article: quantity mentions (value "
            "in base units, unit, bound), period expressions (years, dates, relative periods) and "
            "numbers set aside as not statistics, with the reason."
        ),
        primary_key=("article_file", "mention_no"),
        fields=fields(
            "article_file", "mention_no", "mention_kind", "char_start", "char_end", "quote",
            "value", "unit", "counted", "bound", "range_id", "period_kind", "period_start",
            "period_end", "reason",
        ),
        example_query=(
            "SELECT reason, count(*) FROM quantity_mentions WHERE mention_kind = 'ignored' "
            "GROUP BY reason ORDER BY 2 DESC"
        ),
    ),
    Resource(
        name="claims",
        layer="claims",
        contract=True,
        description=(
            "One row per extracted statistical claim: a quantity with the indicator it measures, "
            "its reference period, status and cited source, and the quote it comes from."
        ),
        primary_key=("claim_id",),
        fields=fields(
            "claim_id", "article_file", "char_start", "char_end", "quote", "value", "unit",
            "counted", "bound", "period_start", "period_end", "period_basis", "status",
            "indicator", "source", "noun_phrase", "sentence",
            value={"required": True}, unit={"required": True}, bound={"required": True},
            status={"required": True}, indicator={"required": True},
        ),
        example_query=(
            "SELECT indicator, period_start, status, value, unit, bound, quote FROM claims "
            "WHERE indicator = 'iip_added_value' ORDER BY period_start"
        ),
    ),
    Resource(
        name="indicator_catalog",
        layer="reference",
        description="The indicators a claim can measure, with their unit and kind.",
        primary_key=("indicator_id",),
        fields=fields(
            "indicator_id", "name", "description", "unit", "kind", "topic", "cumulative",
            "phrases", unit={"required": True},
        ),
        example_query="SELECT indicator_id, unit, kind FROM indicator_catalog ORDER BY topic",
    ),
]

RESOURCES = {r.name: r for r in _RESOURCES}


def get(name: str) -> Resource:
    try:
        return RESOURCES[name]
    except KeyError:
        raise KeyError(f"no table {name!r} is declared in pipeline/metadata/resources.py") from None
