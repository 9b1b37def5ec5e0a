"""Layer 6, curated: observations (one figure, many sources) and series (one value per indicator
and period, with the reason it was chosen and whether sources conflict).

Set-based DuckDB SQL (`pipeline.lib.curation.sql`: build_observations_sql, build_series_sql,
build_curated), no Dagster. `build_observations` and `build_series` below are the same on
DataFrames: they load the frames into an in-memory DuckDB and run the SQL. Consistency findings
are in `pipeline.lib.curation.findings`.

Observation key (claims with the same key are one observation):
    indicator, period_start, period_end, status_class, value rounded to 6 significant digits,
    unit, bound; for 'unclassified' claims also the counted noun (classified claims are identified
    by their indicator, so a garbled noun does not split them). status_class: actual and estimate
    are 'reported'; 'forecast'; 'target'.
observation_id = "obs_" + the first 12 hex digits of SHA-1 of the key: stable across runs.

Stated precision: the `resolution` of a claim is the place value of the last digit written in its
quote ("4.10 trillion" -> 1e10, "4.1 trillion" -> 1e11, "14.53%" -> 0.01); when the quote has no
digits ("one trillion") it is the place value of the value's last significant digit.
Interval of a figure: exact -> value +- resolution/2; approx -> value +- max(resolution/2, 1% of
value); lower -> [value, +inf); upper -> (-inf, value]. Two figures agree when their intervals
overlap (relative slack 1e-9 for float noise).

Frames (column -> dtype; NULL in DuckDB for NaN/NaT/<NA>):

OBSERVATION_COLUMNS
    observation_id string; indicator string; period_start Int64; period_end Int64;
    status_class string (reported|forecast|target); status string (actual if any claim is actual,
    else the most frequent); value float64 (rounded key value); unit string; bound string;
    counted string; resolution float64; value_low float64 (NaN = unbounded below);
    value_high float64 (NaN = unbounded above); n_claims int64; n_articles int64;
    n_sources int64 (distinct syndication groups); n_syndicated_copies int64 (n_articles -
    n_sources); first_published datetime64[ns]; last_published datetime64[ns]; outlets string;
    cited_sources string; article_files string; syndication_groups string; claim_ids string;
    sources string (readable provenance); example_quote string. Lists are joined with "; ".

OBSERVATION_SOURCE_COLUMNS (one row per claim)
    observation_id string; claim_id string; article_file string; outlet string;
    published_date datetime64[ns]; quote string; cited_source string; claim_value float64;
    status string; sentence string; syndication_group string;
    is_syndicated_copy bool (the article is a syndicated copy of another article listed for this
    observation: not its group's first (earliest published, then by file name));
    counts_as_source bool (exactly one row per syndication group and observation).

SERIES_COLUMNS (one row per classified indicator and reference period; unclassified
observations and observations without a period are not in series)
    series_id string; indicator string; period_start Int64; period_end Int64; value float64;
    unit string; bound string; status string; status_class string; observation_id string
    (the chosen one); selection_rule string; n_observations int64 (all statuses);
    n_sources int64 (distinct syndication groups over all observations); min_value float64;
    max_value float64; spread float64 ((max - min) / max(|min|, |max|), over the observations of
    the chosen status class); values_seen string; conflict bool; conflict_detail string.

Series precedence (first difference decides): status class reported (actual/estimate) >
forecast > target; bound exact > approx > lower/upper; more sources; most recent publication;
then actual > estimate, finer stated precision, observation_id (only for determinism).
Conflict: the observations of the chosen status class do not all share a common point of their
intervals (in one dimension, pairwise overlap = a common point).
"""

from __future__ import annotations

import duckdb
import pandas as pd

from pipeline.lib.curation.sql import (
    PRECEDENCE_TEXT,
    build_observations_sql,
    build_series_sql,
)

__all__ = ["PRECEDENCE_TEXT", "build_observations", "build_series", "load_frame"]

UNCLASSIFIED = "unclassified"
STATUS_CLASS = {
    "actual": "reported",
    "estimate": "reported",
    "forecast": "forecast",
    "target": "target",
}
STATUS_CLASS_RANK = {"reported": 0, "forecast": 1, "target": 2}
BOUND_RANK = {"exact": 0, "approx": 1, "lower": 2, "upper": 2}
VALUE_SIG_DIGITS = 6
APPROX_MIN_REL_HALF_WIDTH = 0.01
FLOAT_SLACK = 1e-9
LIST_SEP = "; "

OBSERVATION_COLUMNS: dict[str, str] = {
    "observation_id": "string",
    "indicator": "string",
    "period_start": "Int64",
    "period_end": "Int64",
    "period_part": "string",
    "status_class": "string",
    "status": "string",
    "value": "float64",
    "unit": "string",
    "bound": "string",
    "counted": "string",
    "resolution": "float64",
    "value_low": "float64",
    "value_high": "float64",
    "n_claims": "int64",
    "n_articles": "int64",
    "n_sources": "int64",
    "n_syndicated_copies": "int64",
    "first_published": "datetime64[ns]",
    "last_published": "datetime64[ns]",
    "outlets": "string",
    "cited_sources": "string",
    "article_files": "string",
    "syndication_groups": "string",
    "claim_ids": "string",
    "sources": "string",
    "example_quote": "string",
}

OBSERVATION_SOURCE_COLUMNS: dict[str, str] = {
    "observation_id": "string",
    "claim_id": "string",
    "article_file": "string",
    "outlet": "string",
    "published_date": "datetime64[ns]",
    "quote": "string",
    "cited_source": "string",
    "claim_value": "float64",
    "status": "string",
    "sentence": "string",
    "syndication_group": "string",
    "is_syndicated_copy": "bool",
    "counts_as_source": "bool",
}

SERIES_COLUMNS: dict[str, str] = {
    "series_id": "string",
    "indicator": "string",
    "period_start": "Int64",
    "period_end": "Int64",
    "period_part": "string",
    "value": "float64",
    "unit": "string",
    "bound": "string",
    "status": "string",
    "status_class": "string",
    "observation_id": "string",
    "selection_rule": "string",
    "n_observations": "int64",
    "n_sources": "int64",
    "min_value": "float64",
    "max_value": "float64",
    "spread": "float64",
    "values_seen": "string",
    "conflict": "bool",
    "conflict_detail": "string",
}

# Columns the SQL reads from the input tables (missing frame columns are NULL).
VALIDATED_CLAIM_INPUT: dict[str, str] = {
    "claim_id": "VARCHAR",
    "article_file": "VARCHAR",
    "char_start": "INTEGER",
    "char_end": "INTEGER",
    "quote": "VARCHAR",
    "value": "DOUBLE",
    "unit": "VARCHAR",
    "counted": "VARCHAR",
    "bound": "VARCHAR",
    "period_start": "INTEGER",
    "period_end": "INTEGER",
    "period_part": "VARCHAR",
    "status": "VARCHAR",
    "indicator": "VARCHAR",
    "source": "VARCHAR",
    "sentence": "VARCHAR",
}
ARTICLE_INPUT: dict[str, str] = {
    "article_file": "VARCHAR",
    "published_date": "DATE",
    "outlet": "VARCHAR",
    "syndication_group": "VARCHAR",
}


def empty_frame(columns: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in columns.items()})


def load_frame(con, name: str, frame: pd.DataFrame | None, columns: dict | None = None) -> None:
    """Create table `name` in `con` from a DataFrame: with `columns` (name -> DuckDB type) those
    columns, cast (NULL where the frame lacks one); else the declared DDL of the table."""
    from pipeline.metadata.resources import get as get_resource

    if columns is None:
        resource = get_resource(name)
        columns = {f.name: f.duckdb_type for f in resource.fields}
    frame = pd.DataFrame() if frame is None else frame.reset_index(drop=True)
    present = [c for c in columns if c in frame.columns]
    sub = frame[present].copy()
    for c in present:  # pandas string/extension dtypes -> plain objects DuckDB reads as text
        if str(sub[c].dtype) in ("string", "str"):
            sub[c] = sub[c].astype(object).where(sub[c].notna(), None)
    cols = ", ".join(
        (f'"{c}"::{t} AS "{c}"' if c in present else f'NULL::{t} AS "{c}"')
        for c, t in columns.items()
    )
    if present:
        con.register("_cur_frame", sub)
        try:
            con.execute(f'CREATE OR REPLACE TABLE "{name}" AS SELECT {cols} FROM _cur_frame')
        finally:
            con.unregister("_cur_frame")
    else:
        con.execute(f'CREATE OR REPLACE TABLE "{name}" AS SELECT {cols} LIMIT {len(frame)}')


def build_observations(
    valid_claims: pd.DataFrame, articles: pd.DataFrame | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(observations, observation_sources) on DataFrames, through `build_observations_sql`."""
    con = duckdb.connect()
    try:
        load_frame(con, "validated_claims", valid_claims, VALIDATED_CLAIM_INPUT)
        load_frame(con, "articles", articles, ARTICLE_INPUT)
        build_observations_sql(con, primary_key=False)
        obs = con.execute("SELECT * FROM observations").df()
        src = con.execute("SELECT * FROM observation_sources").df()
    finally:
        con.close()
    return (
        obs[list(OBSERVATION_COLUMNS)].astype(OBSERVATION_COLUMNS),
        src[list(OBSERVATION_SOURCE_COLUMNS)].astype(OBSERVATION_SOURCE_COLUMNS),
    )


def build_series(observations: pd.DataFrame) -> pd.DataFrame:
    """One row per classified indicator and reference period, through `build_series_sql`."""
    con = duckdb.connect()
    try:
        load_frame(con, "observations", observations)
        build_series_sql(con, primary_key=False)
        out = con.execute("SELECT * FROM series").df()
    finally:
        con.close()
    return out[list(SERIES_COLUMNS)].astype(SERIES_COLUMNS)
