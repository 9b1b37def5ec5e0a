"""The README's SQL cookbook: common analyst questions and their queries. `python -m
pipeline.metadata.docs --cookbook` runs them on the published warehouse and writes the real
output into README.md."""

from __future__ import annotations

RECIPES: list[tuple[str, str]] = [
    (
        "Latest value of each indicator",
        "SELECT indicator, period_start AS year, value, unit, bound, n_sources\n"
        "FROM latest_values ORDER BY indicator LIMIT 8",
    ),
    (
        "Where each latest value comes from: observation, quote, outlet and date",
        "SELECT indicator, value, observation_id, quote, outlet, published_date\n"
        "FROM latest_values ORDER BY published_date DESC, indicator LIMIT 6",
    ),
    (
        "A series over time: the added value of the industrial Internet industry",
        "SELECT period_start AS year, status, value / 1e12 AS trillion_yuan, bound, n_sources,\n"
        "       values_seen\n"
        "FROM indicator_timeseries WHERE indicator = 'iip_added_value' ORDER BY year, status",
    ),
    (
        "One figure, many sources",
        "SELECT indicator, period_start AS year, value, bound, n_sources, article_files\n"
        "FROM observations WHERE n_sources > 1 ORDER BY n_sources DESC, indicator",
    ),
    (
        "Where sources disagree",
        "SELECT kind, indicator, period_start AS year, detail FROM source_disagreements",
    ),
    (
        "Which sources disagree, pair by pair (outlet, date, value and quote of each side)",
        "SELECT indicator, period_start AS year, conflict, outlet_a, published_date_a, value_a,\n"
        "       quote_a, outlet_b, published_date_b, value_b, quote_b\n"
        "FROM source_pairs_disagreeing ORDER BY conflict DESC, indicator, year",
    ),
    (
        "Figures by outlet (NULL: the article's header names no outlet)",
        "SELECT outlet, count(DISTINCT article_file) AS articles, count(*) AS source_figures,\n"
        "       count(DISTINCT observation_id) AS observations\n"
        "FROM observation_sources GROUP BY outlet ORDER BY source_figures DESC",
    ),
    (
        "What was quarantined and why",
        "SELECT rule, n_checked, n_failed FROM validation_summary ORDER BY n_failed DESC, rule",
    ),
    (
        "The source of a number",
        "SELECT article_file, published_date, outlet, quote, source, status\n"
        "FROM claims_with_provenance WHERE indicator = 'iip_platforms_influential'\n"
        "ORDER BY published_date",
    ),
    (
        "Forecasts and targets, with the publication they come from",
        "SELECT c.indicator, c.period_start AS year, c.value, c.unit, c.status, c.quote,\n"
        "       a.published_date\n"
        "FROM claims c JOIN articles a USING (article_file)\n"
        "WHERE c.status IN ('forecast', 'target') ORDER BY year",
    ),
    (
        "What a view's columns mean",
        "SELECT column_name, data_type, comment FROM duckdb_columns()\n"
        "WHERE table_name = 'source_pairs_disagreeing' LIMIT 8",
    ),
    (
        "What the catalog does not cover yet (grow it from here)",
        "SELECT counted, unit, count(*) AS n, any_value(quote) AS example\n"
        "FROM claims WHERE indicator = 'unclassified' GROUP BY ALL ORDER BY n DESC LIMIT 10",
    ),
]
