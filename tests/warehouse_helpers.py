"""A small warehouse for tests, built from a raw folder with the plain library functions (no
Dagster): every table of pipeline/metadata/resources.py, the views, written with the same DDL and
comments as a run writes them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pipeline.lib import warehouse
from pipeline.lib.claims.table import claims_table
from pipeline.lib.curation.findings import build_findings
from pipeline.lib.curation.observations import build_observations, build_series
from pipeline.lib.ingest.folder import ingest_folder
from pipeline.lib.quantities.table import mentions_table
from pipeline.lib.reference.gdp import load_gdp_reference
from pipeline.lib.reference.tables import indicator_catalog_table, unit_vocabulary_table
from pipeline.lib.validation.rules import validate
from pipeline.metadata.resources import RESOURCES
from pipeline.metadata.views import create_views


def build_tables(raw: Path, today: dt.date | None = None) -> dict:
    ingest = ingest_folder(raw, max_bytes=5_000_000, today=today)
    articles = ingest.articles
    mentions, _ = mentions_table(zip(articles["article_file"], articles["text"], strict=True))
    claims, _ = claims_table(articles)
    result = validate(claims, articles)
    observations, sources = build_observations(result.valid, articles)
    gdp = load_gdp_reference()
    return {
        "raw_files": ingest.raw_files,
        "ingest_rejects": ingest.ingest_rejects,
        "articles": articles,
        "quantity_mentions": mentions,
        "claims": claims,
        "validated_claims": result.valid,
        "quarantine": result.quarantine,
        "validation_summary": result.summary,
        "observations": observations,
        "observation_sources": sources,
        "series": build_series(observations),
        "findings": build_findings(observations, gdp),
        "indicator_catalog": indicator_catalog_table(),
        "unit_vocabulary": unit_vocabulary_table(),
        "gdp_reference": gdp,
    }


def build_warehouse(raw: Path, path: Path) -> Path:
    tables = build_tables(raw)
    assert set(tables) == set(RESOURCES), set(RESOURCES) ^ set(tables)
    con = warehouse.connect(path)
    try:
        for name, frame in tables.items():
            warehouse.write_table(con, RESOURCES[name], frame)
        create_views(con)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return path
