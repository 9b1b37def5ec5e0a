"""The curated tables built with the pandas builders over frames read from the warehouse
(observations, observation_sources, series, findings). Plain Python, no Dagster."""

from __future__ import annotations

from pipeline.lib import warehouse
from pipeline.lib.curation.findings import build_findings
from pipeline.lib.curation.observations import build_observations, build_series
from pipeline.metadata.resources import RESOURCES

ARTICLE_COLUMNS = "article_file, published_date, outlet, title, syndication_group, content_hash"


def build_observations_sql(con, indicators=None) -> None:
    claims = warehouse.read_table(con, RESOURCES["validated_claims"])
    articles = con.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles").df()
    obs, sources = build_observations(claims, articles)
    warehouse.write_table(con, RESOURCES["observations"], obs)
    warehouse.write_table(con, RESOURCES["observation_sources"], sources)


def build_series_sql(con, indicators=None) -> None:
    obs = warehouse.read_table(con, RESOURCES["observations"])
    warehouse.write_table(con, RESOURCES["series"], build_series(obs))


def build_findings_sql(con, indicators=None) -> None:
    obs = warehouse.read_table(con, RESOURCES["observations"])
    gdp = warehouse.read_table(con, RESOURCES["gdp_reference"])
    warehouse.write_table(con, RESOURCES["findings"], build_findings(obs, gdp))
