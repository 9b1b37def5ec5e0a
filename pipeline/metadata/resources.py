"""The warehouse tables, declared once: layer, description, primary key and fields.

Order follows the data flow: raw -> articles -> quantities -> claims -> validated -> curated, then
reference tables. The Dagster asset that writes a table has the table's name.
"""

from __future__ import annotations

from pipeline.metadata.classes import Resource
from pipeline.metadata.fields import fields

# The columns of a claim, shared by claims, validated_claims and quarantine.
CLAIM_FIELDS = (
    "claim_id", "article_file", "char_start", "char_end", "quote", "value", "unit", "counted",
    "bound", "period_start", "period_end", "period_part", "period_basis", "status", "indicator", "source",
    "noun_phrase", "sentence",
)  # fmt: skip

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
            "file_path",
            "size_bytes",
            "mtime_ns",
            "sha256",
            "content_hash",
            "encoding",
            "outcome",
            "article_file",
            "reject_reason",
            "detail",
            content_hash={
                "required": False,
                "description": "SHA-256 of the decoded text with "
                "white space folded (NULL for a reject); files with equal hashes are "
                "one article.",
            },
            article_file={
                "required": False,
                "description": "The article this file became (NULL for a reject).",
            },
        ),
        example_query="SELECT outcome, count(*) FROM raw_files GROUP BY outcome",
    ),
    Resource(
        name="ingest_rejects",
        layer="raw",
        description="Files under raw/ that could not become an article, with the reason.",
        primary_key=("file_path",),
        fields=fields(
            "file_path",
            "size_bytes",
            "sha256",
            "reject_reason",
            "detail",
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
            "article_file",
            "published_date",
            "date_basis",
            "date_precision",
            "date_evidence",
            "date_detail",
            "title",
            "outlet",
            "byline",
            "encoding",
            "sha256",
            "content_hash",
            "duplicate_files",
            "syndication_group",
            "n_chars",
            "text",
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
            "article_file",
            "mention_no",
            "mention_kind",
            "char_start",
            "char_end",
            "quote",
            "value",
            "unit",
            "counted",
            "bound",
            "range_id",
            "period_kind",
            "period_start",
            "period_end",
            "reason",
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
            *CLAIM_FIELDS,
            value={"required": True},
            unit={"required": True},
            bound={"required": True},
            status={"required": True},
            indicator={"required": True},
        ),
        example_query=(
            "SELECT indicator, period_start, status, value, unit, bound, quote FROM claims "
            "WHERE indicator = 'iip_added_value' ORDER BY period_start"
        ),
    ),
    Resource(
        name="validated_claims",
        layer="validated",
        description=(
            "Claims that pass every validation rule (units from the vocabulary, the indicator's "
            "unit, plausible years, shares and rates in range, positive levels): they flow on to "
            "observations. The others are in quarantine."
        ),
        primary_key=("claim_id",),
        fields=fields(
            *CLAIM_FIELDS,
            # what the rule period_plausible lets through (1949..2100), declared with a margin
            period_start={"ge": 1900, "le": 2200},
            period_end={"ge": 1900, "le": 2200},
        ),
        example_query="SELECT indicator, count(*) FROM validated_claims GROUP BY 1 ORDER BY 2 DESC",
    ),
    Resource(
        name="quarantine",
        layer="validated",
        description=(
            "Claims that broke a validation rule, one row per claim and rule, with a readable "
            "reason. Nothing is dropped: every claim is in validated_claims or here."
        ),
        primary_key=("claim_id", "rule"),
        fields=fields(
            "rule",
            "reason",
            *CLAIM_FIELDS,
            reason={"required": True, "description": "Why the claim broke the rule, readable."},
        ),
        example_query="SELECT rule, reason, quote FROM quarantine ORDER BY rule",
    ),
    Resource(
        name="validation_summary",
        layer="validated",
        description="Each validation rule with how many claims it checked and failed.",
        primary_key=("rule",),
        fields=fields(
            "rule",
            "description",
            "n_checked",
            "n_failed",
            "examples",
            description={"required": True, "description": "What the rule requires."},
        ),
        example_query="SELECT rule, n_checked, n_failed FROM validation_summary",
    ),
    Resource(
        name="observations",
        layer="curated",
        description=(
            "One row per distinct figure (indicator, period, status class, value, unit, bound) "
            "across articles, with all its sources. Syndicated copies count once."
        ),
        primary_key=("observation_id",),
        fields=fields(
            "observation_id",
            "indicator",
            "period_start",
            "period_end",
            "period_part",
            "status_class",
            "status",
            "value",
            "unit",
            "bound",
            "counted",
            "resolution",
            "value_low",
            "value_high",
            "n_claims",
            "n_articles",
            "n_sources",
            "n_syndicated_copies",
            "first_published",
            "last_published",
            "outlets",
            "cited_sources",
            "article_files",
            "syndication_groups",
            "claim_ids",
            "sources",
            "example_quote",
        ),
        example_query=(
            "SELECT indicator, period_start, value, unit, bound, n_sources, outlets "
            "FROM observations WHERE n_sources > 1"
        ),
    ),
    Resource(
        name="observation_sources",
        layer="curated",
        description="Every source of every observation: one row per claim behind it.",
        primary_key=("observation_id", "claim_id"),
        fields=fields(
            "observation_id",
            "claim_id",
            "article_file",
            "outlet",
            "published_date",
            "quote",
            "cited_source",
            "claim_value",
            "status",
            "sentence",
            "syndication_group",
            "is_syndicated_copy",
            "counts_as_source",
        ),
        example_query="SELECT observation_id, article_file, published_date, quote FROM observation_sources",
    ),
    Resource(
        name="series",
        layer="curated",
        description=(
            "One row per indicator and reference period: the value an analyst should use and "
            "why (selection_rule), the spread across sources and a conflict flag."
        ),
        primary_key=("series_id",),
        fields=fields(
            "series_id",
            "indicator",
            "period_start",
            "period_end",
            "period_part",
            "value",
            "unit",
            "bound",
            "status",
            "status_class",
            "observation_id",
            "selection_rule",
            "n_observations",
            "n_sources",
            "min_value",
            "max_value",
            "spread",
            "values_seen",
            "conflict",
            "conflict_detail",
        ),
        example_query="SELECT indicator, period_start, value, unit, conflict FROM series ORDER BY 1, 2",
    ),
    Resource(
        name="findings",
        layer="curated",
        description=(
            "Consistency findings across figures: shares of GDP against the GDP reference, "
            "growth rates against consecutive levels, cumulative stocks that fall, forecasts "
            "against later actuals. Each row names the figures with their numbers and refers "
            "to them by observation id; their sources are in observation_sources (view "
            "finding_sources), not copied here."
        ),
        primary_key=("finding_id",),
        fields=fields(
            "finding_id",
            "check_name",
            "severity",
            "indicator",
            "related_indicator",
            "period_start",
            "period_end",
            "message",
            "deviation",
            "figures",
            "observation_ids",
            indicator={"required": False},
            observation_ids={
                "required": True,
                "description": (
                    "The observations compared, separated by '; ', in the order the message "
                    "names them (join observation_sources on observation_id for their sources)."
                ),
            },
        ),
        example_query="SELECT check_name, severity, message FROM findings ORDER BY severity DESC",
    ),
    Resource(
        name="indicator_catalog",
        layer="reference",
        description="The indicators a claim can measure, with their unit and kind.",
        primary_key=("indicator_id",),
        fields=fields(
            "indicator_id",
            "name",
            "description",
            "unit",
            "kind",
            "topic",
            "cumulative",
            "phrases",
            unit={"required": True},
        ),
        example_query="SELECT indicator_id, unit, kind FROM indicator_catalog ORDER BY topic",
    ),
]

_RESOURCES += [
    Resource(
        name="unit_vocabulary",
        layer="reference",
        description="The controlled unit vocabulary: every unit a claim may carry and how "
        "values written in it are converted (pipeline/metadata/units.py).",
        primary_key=("unit_code",),
        fields=fields("unit_code", "name", "unit_kind", "base_unit", "factor", "surface_forms"),
        example_query="SELECT unit_code, unit_kind, base_unit, factor FROM unit_vocabulary",
    ),
    Resource(
        name="gdp_reference",
        layer="reference",
        description="China's nominal GDP by year (National Bureau of Statistics), the reference "
        "for share-of-GDP findings.",
        primary_key=("year",),
        fields=fields("year", "gdp_cny", "gdp_cny_initial", "source", "note"),
        example_query="SELECT year, gdp_cny / 1e12 AS trillion_yuan FROM gdp_reference",
    ),
]

RESOURCES = {r.name: r for r in _RESOURCES}


def get(name: str) -> Resource:
    try:
        return RESOURCES[name]
    except KeyError:
        raise KeyError(f"no table {name!r} is declared in pipeline/metadata/resources.py") from None
