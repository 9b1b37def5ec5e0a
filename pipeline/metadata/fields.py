"""Every warehouse column, declared once: logical type, description, unit and constraints.

A table in `resources.py` lists field names from here; a table that needs a narrower version of
a field (NOT NULL, another description) says so with `Field.with_()` there.
"""

from __future__ import annotations

from pipeline.lib.claims.model import PERIOD_BASES
from pipeline.lib.ingest.article_headers import DATE_BASES, DATE_PRECISIONS
from pipeline.lib.ingest.raw_files import REJECT_REASONS
from pipeline.metadata.classes import Field

BOUNDS = ("exact", "approx", "lower", "upper")
STATUSES = ("actual", "estimate", "forecast", "target")

_FIELDS = [
    # --- files and articles ------------------------------------------------------------------
    Field(
        "file_path",
        "string",
        "Path of the file relative to raw/, with forward slashes.",
        required=True,
    ),
    Field("size_bytes", "bigint", "Size of the file.", unit="bytes", ge=0),
    Field(
        "mtime_ns",
        "bigint",
        "Modification time of the file when it was read, in nanoseconds since the epoch: a file "
        "whose size and mtime are unchanged is not read again by the next run.",
        unit="ns",
    ),
    Field("sha256", "string", "SHA-256 of the file's bytes, in hex.", pattern=r"^[0-9a-f]{64}$"),
    Field("encoding", "string", "Text encoding the file was decoded with (NULL for a reject)."),
    Field(
        "outcome",
        "string",
        "What ingestion made of the file: an article, a duplicate of another article (same "
        "content under another name), or a reject.",
        required=True,
        enum=("article", "duplicate", "rejected"),
    ),
    Field(
        "reject_reason",
        "string",
        "Why the file is not an article.",
        enum=REJECT_REASONS,
    ),
    Field("detail", "string", "Human-readable detail of the decoding outcome or the reject."),
    Field(
        "article_file",
        "string",
        "Path of the article's file relative to raw/ (the first in sort order when the same "
        "content is stored under several names).",
        required=True,
    ),
    Field("title", "string", "Title of the article: its first meaningful line."),
    Field(
        "published_date",
        "date",
        "Publication date; NULL when nothing in the text dates it (never guessed without a "
        "recorded basis, see date_basis).",
    ),
    Field(
        "date_basis",
        "string",
        "How the publication date was found: a header line, a dateline, a date in the text, "
        "inferred from an event date in the text, or the year the body's past data give (body; "
        "PIPELINE_BODY_DATES=0 turns that off).",
        enum=DATE_BASES,
    ),
    Field(
        "date_precision",
        "string",
        "How much of published_date is known: day, month (stored as the 1st) or year (a year "
        "inferred from the body, stored as July 1st of that year); NULL when there is no date.",
        enum=DATE_PRECISIONS,
    ),
    Field("date_evidence", "string", "The text that dated the article."),
    Field(
        "date_detail",
        "string",
        "The header parser's notes: why a date was taken or rejected, or why there is none.",
    ),
    Field("outlet", "string", "Publishing outlet named in the header (e.g. Seetao, Xinhua)."),
    Field("byline", "string", "Reporter or editor named in the header."),
    Field(
        "content_hash",
        "string",
        "SHA-256 of the decoded text with white space folded: equal for the same article saved "
        "under other names or encodings.",
        required=True,
    ),
    Field("duplicate_files", "string", "Other files with the same content, separated by '; '."),
    Field(
        "syndication_group",
        "string",
        "Articles that are syndicated copies of one text (near-identical body) share this id; "
        "otherwise it equals article_file.",
        required=True,
    ),
    Field("n_chars", "integer", "Length of the decoded text.", unit="characters", ge=0),
    Field("text", "string", "The decoded text; claim offsets index into it.", required=True),
    # --- mentions and claims -----------------------------------------------------------------
    Field("mention_no", "integer", "Order of the mention in its article.", required=True, ge=0),
    Field(
        "mention_kind",
        "string",
        "quantity: a quantity mention; period: a year, date or relative period; ignored: a "
        "number set aside as not a statistic (see reason).",
        required=True,
        enum=("quantity", "period", "ignored"),
    ),
    Field("reason", "string", "Why a number was set aside (ordinal, plan_name, technology ...)."),
    Field("period_kind", "string", "Kind of a period expression (year, date, relative, present)."),
    Field("range_id", "integer", "The two ends of a range share this id within an article."),
    Field(
        "char_start",
        "integer",
        "Start of the quote in the decoded text (a Python string index).",
        required=True,
        ge=0,
    ),
    Field("char_end", "integer", "End of the quote (exclusive).", required=True, ge=0),
    Field("quote", "string", "The text at char_start:char_end.", required=True),
    Field(
        "value",
        "number",
        "The value in base units: 4.45 trillion yuan -> 4.45e12; 14.53% -> 14.53.",
    ),
    Field(
        "unit",
        "string",
        "ISO 4217 code for money, percent, percentage_point, count, or a physical unit code of "
        "the unit vocabulary (table unit_vocabulary).",
    ),
    Field("counted", "string", "For counts, the noun counted (platforms, sets, enterprises)."),
    Field(
        "bound",
        "string",
        "exact; approx (about, nearly); lower (more than, exceeds); upper (less than, up to). A "
        "range gives two claims, its lower and upper end.",
        enum=BOUNDS,
    ),
    # no range here: the extraction tables (quantity_mentions, claims, quarantine) take every
    # year the extractor can emit (`founded in 1850`); an implausible year is quarantined by
    # the validation rule period_plausible, and validated_claims declares the plausible range
    Field("period_start", "integer", "First reference year of the figure."),
    Field("period_end", "integer", "Last reference year of the figure."),
    Field(
        "period_part",
        "string",
        "Part of the reference year when the figure covers less than a year (H1, Q3, Q1-Q3, "
        "M1-M11 ...); NULL for a whole year or more. Series keep parts apart from whole years.",
    ),
    Field(
        "period_basis",
        "string",
        "How the reference period was found: explicit_year (a year in the claim's clause or "
        "sentence), paragraph_year (carried from an earlier sentence of the paragraph), "
        "article_year (the year a past-tense article is about), plan_year (the goal year of a "
        "plan or goal list), publication_year (a stock stated at present), relative (the past "
        "two years ...), none.",
        enum=PERIOD_BASES,
    ),
    Field(
        "status",
        "string",
        "actual; estimate (a period just ended, stated as approximate or preliminary); forecast "
        "(a period not over at publication); target (a plan's goal).",
        enum=STATUSES,
    ),
    Field(
        "indicator",
        "string",
        "Id of the indicator in indicator_catalog, or 'unclassified'.",
    ),
    Field(
        "claim_id",
        "string",
        "Deterministic id of the claim (hash of file, offsets, value).",
        required=True,
    ),
    Field(
        "source", "string", "The source the text cites for the figure (CCTV, a white paper ...)."
    ),
    Field("sentence", "string", "The sentence the claim was found in."),
    Field("noun_phrase", "string", "The noun phrase the quantity belongs to."),
    # --- validation ----------------------------------------------------------------------------
    Field("rule", "string", "Id of the validation rule (see validation_summary).", required=True),
    Field("n_checked", "bigint", "Rows the rule was applied to.", ge=0),
    Field("n_failed", "bigint", "Rows that broke the rule (they are in quarantine).", ge=0),
    Field("examples", "string", "A few failing rows, readable."),
    # --- observations, series, findings ----------------------------------------------------------
    Field(
        "observation_id",
        "string",
        "Id of an observation: one figure (indicator, period, "
        "status class, value, unit, bound) however many articles report it.",
        required=True,
    ),
    Field(
        "status_class",
        "string",
        "reported (actual or estimate), forecast or target.",
        enum=("reported", "forecast", "target"),
    ),
    Field("resolution", "number", "Precision of the stated figure (4.10 trillion -> 1e10)."),
    Field(
        "value_low",
        "number",
        "Lower end of the interval the figure stands for (rounding, "
        "approximation, bound); NULL = unbounded.",
    ),
    Field("value_high", "number", "Upper end of that interval; NULL = unbounded."),
    Field("n_claims", "bigint", "Claims behind the row.", ge=0),
    Field("n_articles", "bigint", "Articles behind the row.", ge=0),
    Field(
        "n_sources",
        "bigint",
        "Independent sources: articles, with syndicated copies of one text counted once.",
        ge=0,
    ),
    Field(
        "n_syndicated_copies",
        "bigint",
        "Articles that are syndicated copies of another listed article.",
        ge=0,
    ),
    Field("first_published", "date", "Earliest publication date among the sources."),
    Field("last_published", "date", "Latest publication date among the sources."),
    Field("outlets", "string", "Outlets of the sources, separated by '; '."),
    Field("cited_sources", "string", "Sources the articles cite, separated by '; '."),
    Field("article_files", "string", "Articles reporting the figure, separated by '; '."),
    Field("syndication_groups", "string", "Syndication groups of those articles, '; '."),
    Field("claim_ids", "string", "Claims behind the row, separated by '; '."),
    Field("sources", "string", "Readable provenance: article, outlet, date and cited source."),
    Field("example_quote", "string", "One quote of the figure."),
    Field("cited_source", "string", "The source the article cites for the figure."),
    Field("claim_value", "number", "The value as the claim states it (base units)."),
    Field(
        "is_syndicated_copy",
        "boolean",
        "The article is a syndicated copy of another listed "
        "article (it does not count as a source of its own).",
    ),
    Field(
        "counts_as_source", "boolean", "This row counts in n_sources (one per syndication group)."
    ),
    Field("series_id", "string", "Id of the series row (indicator and period).", required=True),
    Field("selection_rule", "string", "Why this value was chosen among the observations."),
    Field("n_observations", "bigint", "Observations of the indicator and period.", ge=0),
    Field("min_value", "number", "Smallest value among the chosen status class."),
    Field("max_value", "number", "Largest value among the chosen status class."),
    Field(
        "spread", "number", "(max - min) / max(|min|, |max|) over the chosen status class.", ge=0
    ),
    Field("values_seen", "string", "Every value reported, with its status and bound."),
    Field(
        "conflict",
        "boolean",
        "Sources disagree beyond rounding: their intervals have no common point.",
    ),
    Field("conflict_detail", "string", "The disagreeing figures."),
    Field("finding_id", "string", "Id of the finding.", required=True),
    Field(
        "check_name",
        "string",
        "The consistency check that found it.",
        required=True,
        enum=("gdp_share", "growth_vs_levels", "cumulative_decline", "forecast_vs_actual"),
    ),
    Field("severity", "string", "info or warning.", enum=("info", "warning"), required=True),
    Field("related_indicator", "string", "The other indicator involved, if any."),
    Field(
        "message",
        "string",
        "What was found: the figures, the arithmetic and the deviation (short; no sources).",
        required=True,
    ),
    Field("deviation", "number", "Signed relative deviation between the figures compared."),
    Field(
        "figures",
        "string",
        "The figures involved, each with its indicator, period, status and observation id.",
    ),
    Field("observation_ids", "string", "Observations involved, separated by '; '."),
    # --- catalogs and reference --------------------------------------------------------------
    Field("indicator_id", "string", "Indicator id.", required=True),
    Field("name", "string", "Human-readable name.", required=True),
    Field("description", "string", "What it means."),
    Field("kind", "string", "Kind of indicator (level, flow, growth_rate, share, change, count)."),
    Field("topic", "string", "Topic the indicator belongs to."),
    Field("cumulative", "boolean", "A cumulative stock: its value should not fall over time."),
    Field("phrases", "string", "Phrases that signal the indicator in a text, separated by '; '."),
    Field("year", "integer", "Calendar year.", required=True, ge=1900, le=2200),
    Field("gdp_cny", "number", "China's nominal GDP, latest revised figure.", unit="CNY", ge=0),
    Field(
        "gdp_cny_initial",
        "number",
        "China's nominal GDP, first (preliminary) release.",
        unit="CNY",
        ge=0,
    ),
    Field("note", "string", "Notes on the figure and its vintage."),
    Field("unit_code", "string", "Code of the unit as stored in claims.unit.", required=True),
    Field(
        "unit_kind",
        "string",
        "Kind of quantity the unit measures (currency, ratio, count, mass, energy ...).",
    ),
    Field("base_unit", "string", "Code of the unit values are converted to."),
    Field("factor", "number", "Multiplier from this unit to the base unit."),
    Field("surface_forms", "string", "How the unit is written in texts, separated by '; '."),
]

FIELDS: dict[str, Field] = {f.name: f for f in _FIELDS}


def fields(*names: str, **overrides: dict) -> tuple[Field, ...]:
    """The named fields, in order; `overrides` maps a name to Field.with_() keyword arguments."""
    out = []
    for name in names:
        f = FIELDS[name]
        if name in overrides:
            f = f.with_(**overrides[name])
        out.append(f)
    return tuple(out)
