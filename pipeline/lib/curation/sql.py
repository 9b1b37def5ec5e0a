"""Layer 6, curated, as set-based DuckDB SQL: observations, observation_sources, series and
findings are (re)built inside the database from `validated_claims`, `articles` and
`gdp_reference`, without pulling those tables into Python.

    build_observations_sql(con, indicators=None)  # observations + observation_sources
    build_series_sql(con, indicators=None)        # series (reads observations)
    build_findings_sql(con, indicators=None)      # findings (reads observations, gdp_reference)
    build_curated(con, indicators=None)           # all three, in one transaction

`con` is an open duckdb connection. With `indicators=None` the tables are replaced (CREATE OR
REPLACE with the declared DDL of pipeline/metadata/resources.py, then INSERT ... SELECT). With a
list of indicator ids only those indicators' rows are deleted and re-inserted (observations and
their observation_sources, series, and the findings whose indicator or related_indicator is one
of them); the other rows stay. Pass every indicator whose claims changed, including the old
indicator of a claim that moved. The result equals a full rebuild.

The rules (keys, intervals, series precedence, conflicts, the four checks) are documented in
`pipeline.lib.curation.observations`, `pipeline.lib.curation.findings` and docs/curation.md; the
SQL reproduces the former pandas implementation (kept as tests/curation_reference.py) row for row,
including ids and readable strings. Every step is a join, an aggregate or a window function:
nothing loops over rows or over pairs in Python. Memory is DuckDB's (bounded by its
memory_limit, spilling to disk); only the distinct indicator ids and the catalog go through Python.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pandas as pd

from pipeline.metadata.resources import get as get_resource

CURATED_TABLES = ("observations", "observation_sources", "series", "findings")
# Per-claim work table, dropped at the end of build_observations_sql: a TEMP table (DuckDB
# spills it to its temp directory beyond memory_limit), never written to the build file's WAL
# and checkpointed (it holds every claim's sentence: 0.1 GB at 10,000 articles, 1 GB at 100,000).
_TMP = "_curation_claims"
BUCKET_CLAIMS = 250_000  # claims per bucket of observations processed at once (bounds memory)

# Python's f"{v:.6g}" and friends, as DuckDB macros (printf follows C, as Python's format does).
MACROS = r"""
CREATE OR REPLACE TEMP MACRO cur_g(x, d) AS printf('%.' || d || 'g', x);
CREATE OR REPLACE TEMP MACRO cur_fmt_num(v) AS CASE
    WHEN v IS NULL OR isnan(v) THEN 'NULL'
    WHEN isinf(v) THEN CASE WHEN v > 0 THEN 'inf' ELSE '-inf' END
    ELSE replace(replace(replace(printf('%.6g', v), 'e+0', 'e'), 'e+', 'e'), 'e-0', 'e-') END;
CREATE OR REPLACE TEMP MACRO cur_fmt_amount(v, d) AS CASE
    WHEN v IS NULL OR isnan(v) OR isinf(v) THEN cur_fmt_num(v)
    WHEN abs(v) >= 1e12 THEN cur_g(v / 1e12, d) || ' trillion'
    WHEN abs(v) >= 1e9 THEN cur_g(v / 1e9, d) || ' billion'
    WHEN abs(v) >= 1e6 THEN cur_g(v / 1e6, d) || ' million'
    ELSE cur_g(v, d) END;
CREATE OR REPLACE TEMP MACRO cur_bound_word(b) AS CASE b
    WHEN 'approx' THEN 'about ' WHEN 'lower' THEN 'more than ' WHEN 'upper' THEN 'up to '
    ELSE '' END;
CREATE OR REPLACE TEMP MACRO cur_fmt_figure(v, b, u, counted) AS CASE
    WHEN u = 'percent' THEN cur_bound_word(b) || cur_fmt_amount(v, 6) || '%'
    ELSE rtrim(cur_bound_word(b) || cur_fmt_amount(v, 6) || ' ' || CASE
        WHEN u = 'count' AND counted IS NOT NULL THEN counted
        WHEN u = 'percentage_point' THEN 'percentage points'
        ELSE coalesce(u, '') END) END;
CREATE OR REPLACE TEMP MACRO cur_fmt_interval(lo, hi, u) AS
    '[' || CASE WHEN lo = '-inf'::DOUBLE THEN '-inf' ELSE cur_fmt_amount(lo, 4) END
    || CASE WHEN u = 'percent' THEN '%' ELSE '' END || ', '
    || CASE WHEN hi = 'inf'::DOUBLE THEN 'inf' ELSE cur_fmt_amount(hi, 4) END
    || CASE WHEN u = 'percent' THEN '%' ELSE '' END || ']';
CREATE OR REPLACE TEMP MACRO cur_fmt_date(d) AS coalesce(strftime(d, '%Y-%m-%d'), 'undated');
CREATE OR REPLACE TEMP MACRO cur_fmt_period(ps, pe) AS CASE
    WHEN ps IS NULL AND pe IS NULL THEN 'period unknown'
    WHEN ps = pe OR pe IS NULL THEN ps::VARCHAR
    WHEN ps IS NULL THEN pe::VARCHAR
    ELSE ps::VARCHAR || '-' || pe::VARCHAR END;
CREATE OR REPLACE TEMP MACRO cur_fmt_pct(x) AS printf('%+.1f', x * 100) || '%';
CREATE OR REPLACE TEMP MACRO cur_hash(prefix, text) AS prefix || substr(sha1(text), 1, 12);
CREATE OR REPLACE TEMP MACRO cur_round_value(v) AS CASE
    WHEN v IS NULL OR isnan(v) OR isinf(v) OR v = 0 THEN v
    ELSE printf('%.6g', v)::DOUBLE END;
CREATE OR REPLACE TEMP MACRO cur_value_resolution(v) AS CASE
    WHEN v IS NULL OR isnan(v) OR isinf(v) OR v = 0 THEN NULL::DOUBLE
    ELSE pow(10.0,
        split_part(printf('%.5e', abs(v)), 'e', 2)::INTEGER
        - (greatest(length(rtrim(replace(split_part(printf('%.5e', abs(v)), 'e', 1), '.', ''),
                                 '0')), 1) - 1)) END;
CREATE OR REPLACE TEMP MACRO cur_stated_resolution(q, v) AS CASE
    WHEN v IS NULL OR isnan(v) OR isinf(v) OR v = 0 THEN NULL::DOUBLE
    ELSE coalesce(
        list_transform(
            list_filter(
                list_transform(
                    regexp_extract_all(
                        translate(q, '０１２３４５６７８９', '0123456789'),
                        '(^|[^0-9.])((?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?)', 2),
                    lambda s: {'num': replace(s, ',', '')::DOUBLE,
                               'dec': CASE WHEN contains(s, '.')
                                      THEN length(split_part(s, '.', 2)) ELSE 0 END}),
                lambda t: t.num <> 0 AND abs(abs(v) / (t.num * pow(10.0,
                    round(log10(abs(v) / t.num)))) - 1) < 1e-6),
            lambda t: pow(10.0, round(log10(abs(v) / t.num)) - t.dec))[1],
        cur_value_resolution(abs(v))) END;
CREATE OR REPLACE TEMP MACRO cur_status_rank(sc) AS CASE sc
    WHEN 'reported' THEN 0 WHEN 'forecast' THEN 1 WHEN 'target' THEN 2 ELSE 9 END;
CREATE OR REPLACE TEMP MACRO cur_bound_rank(b) AS CASE b
    WHEN 'exact' THEN 0 WHEN 'approx' THEN 1 WHEN 'lower' THEN 2 WHEN 'upper' THEN 2 ELSE 9 END;
CREATE OR REPLACE TEMP MACRO cur_res_rank(res, v) AS
    coalesce(res, 'inf'::DOUBLE) / CASE WHEN abs(v) = 0 THEN 1 ELSE abs(v) END;
CREATE OR REPLACE TEMP MACRO cur_gap(alo, ahi, blo, bhi) AS
    greatest(0.0, greatest(alo, blo) - least(ahi, bhi));
CREATE OR REPLACE TEMP MACRO cur_scale_lo(lo, klo, khi) AS CASE
    WHEN isinf(lo) THEN lo WHEN lo >= 0 THEN lo * klo ELSE lo * khi END;
CREATE OR REPLACE TEMP MACRO cur_scale_hi(hi, klo, khi) AS CASE
    WHEN isinf(hi) THEN hi WHEN hi >= 0 THEN hi * khi ELSE hi * klo END;
"""

PRECEDENCE_SQL = (
    "cur_status_rank(status_class), cur_bound_rank(bound), n_sources DESC, "
    "last_published DESC NULLS LAST, (status IS DISTINCT FROM 'actual'), "
    "cur_res_rank(resolution, value) NULLS LAST, observation_id"
)


def _sql_list(values: Iterable[str]) -> str:
    return "(" + ", ".join("'" + str(v).replace("'", "''") + "'" for v in values) + ")"


def install_macros(con) -> None:
    """The formatting and interval macros (TEMP: they live in the connection, not the file)."""
    for stmt in MACROS.split(";\n"):
        if stmt.strip():
            con.execute(stmt)


def _create_declared(con, name: str, primary_key: bool = True) -> None:
    resource = get_resource(name)
    ddl = resource.to_ddl()
    if not primary_key and resource.primary_key:
        ddl = ddl.replace(f",\n    PRIMARY KEY ({', '.join(resource.primary_key)})", "")
    con.execute(ddl)
    for stmt in resource.to_comments():
        con.execute(stmt)


def _exists(con, name: str) -> bool:
    return bool(
        con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND NOT temporary", [name]
        ).fetchall()[0][0]
    )


def _prepare(con, names: tuple[str, ...], indicators, primary_key: bool) -> str:
    """Create the tables (full build) or delete the indicators' rows (partial build); returns the
    SQL condition selecting the indicators to (re)compute."""
    install_macros(con)
    if indicators is None or not all(_exists(con, n) for n in names):
        for name in names:
            _create_declared(con, name, primary_key)
        return "TRUE"
    return "indicator IN " + _sql_list(indicators) if indicators else "FALSE"


# --------------------------------------------------------------------------------------------
# observations and observation_sources

_CLAIMS_SQL = """
CREATE OR REPLACE TEMP TABLE {tmp} AS
WITH a AS (
    SELECT article_file, any_value(published_date)::DATE AS published_date,
           any_value(outlet) AS outlet, any_value(syndication_group) AS syndication_group
    FROM articles GROUP BY article_file
),
-- stated precision once per distinct quote and value (popular figures repeat them)
res AS (
    SELECT quote, value, cur_stated_resolution(quote, value) AS resolution
    FROM (SELECT DISTINCT v.quote, v.value::DOUBLE AS value FROM validated_claims v
          WHERE {where})
),
c AS (
    SELECT
        coalesce(v.claim_id, cur_hash('clm_', concat_ws('|', coalesce(v.article_file, ''),
            coalesce(v.char_start::VARCHAR, ''), coalesce(v.char_end::VARCHAR, '')))) AS claim_id,
        v.article_file, v.char_start, v.quote, v.sentence, v.value::DOUBLE AS claim_value,
        v.status,
        v.counted, v.source, v.indicator, v.unit, v.bound,
        v.period_start::INTEGER AS period_start, v.period_end::INTEGER AS period_end,
        v.period_part, a.published_date, a.outlet,
        coalesce(a.syndication_group, v.article_file) AS syndication_group,
        coalesce(CASE v.status WHEN 'actual' THEN 'reported' WHEN 'estimate' THEN 'reported'
                 WHEN 'forecast' THEN 'forecast' WHEN 'target' THEN 'target' END,
                 v.status) AS status_class,
        cur_round_value(v.value::DOUBLE) AS value_key,
        res.resolution
    FROM validated_claims v LEFT JOIN a ON a.article_file = v.article_file
    LEFT JOIN res ON res.quote IS NOT DISTINCT FROM v.quote
        AND res.value IS NOT DISTINCT FROM v.value::DOUBLE
    WHERE {where}
),
k AS (
    SELECT *,
        cur_hash('obs_', coalesce(indicator, '') || '|' || coalesce(period_start::VARCHAR, '')
            || '|' || coalesce(period_end::VARCHAR, '') || '|' || coalesce(status_class, '')
            || '|' || cur_fmt_num(value_key) || '|' || coalesce(unit, '') || '|'
            || coalesce(bound, '') || '|'
            || CASE WHEN indicator = 'unclassified' AND counted IS NOT NULL THEN counted
                    ELSE '' END
            || CASE WHEN period_part IS NULL THEN '' ELSE '|' || period_part END
        ) AS observation_id
    FROM c
)
SELECT *, hash(observation_id) % {n_buckets} AS bucket FROM k
"""

# One bucket of observations at a time (all claims of an observation are in one bucket): the
# windows and ordered aggregates below hold one bucket in memory, not the whole table.
_BUCKET_SQL = """
CREATE OR REPLACE TEMP TABLE {tmp}_b AS
WITH k AS (SELECT * EXCLUDE (bucket) FROM {tmp} WHERE bucket = {bucket}),
r AS (
    SELECT *,
        row_number() OVER w AS rn,
        syndication_group IS DISTINCT FROM lag(syndication_group) OVER w AS counts_as_source,
        article_file IS DISTINCT FROM lag(article_file) OVER w AS first_of_file
    FROM k
    WINDOW w AS (PARTITION BY observation_id ORDER BY syndication_group,
                 coalesce(published_date, DATE '9999-12-31'), article_file,
                 coalesce(char_start, 2147483647), claim_id)
)
-- rows of one article, and of one syndication group, are contiguous in rn order
SELECT *,
    article_file <> last_value(CASE WHEN counts_as_source THEN article_file END IGNORE NULLS)
        OVER (PARTITION BY observation_id ORDER BY rn ROWS UNBOUNDED PRECEDING)
        AS is_syndicated_copy
FROM r
"""

_OBSERVATIONS_SQL = """
INSERT INTO observations BY NAME
WITH counted AS (
    SELECT observation_id, counted FROM (
        SELECT observation_id, counted, count(*) AS n, min(rn) AS first_ok
        FROM {tmp}_b WHERE counted IS NOT NULL GROUP BY ALL)
    QUALIFY row_number() OVER (PARTITION BY observation_id ORDER BY n DESC, first_ok) = 1
),
firsts AS (
    SELECT observation_id, 'o' AS what, outlet AS v, min(rn) AS r FROM {tmp}_b
    WHERE outlet <> '' GROUP BY ALL
    UNION ALL
    SELECT observation_id, 's' AS what, source AS v, min(rn) AS r FROM {tmp}_b
    WHERE source <> '' GROUP BY ALL
),
lists AS (
    SELECT observation_id,
        nullif(array_to_string(list_transform(list_sort(list({'r': r, 'v': v})
            FILTER (WHERE what = 'o')), lambda e: e.v), '; '), '') AS outlets,
        nullif(array_to_string(list_transform(list_sort(list({'r': r, 'v': v})
            FILTER (WHERE what = 's')), lambda e: e.v), '; '), '') AS cited_sources
    FROM firsts GROUP BY observation_id
),
g AS (
    SELECT observation_id,
        any_value(indicator) AS indicator, any_value(period_start) AS period_start,
        any_value(period_end) AS period_end, any_value(period_part) AS period_part,
        any_value(status_class) AS status_class,
        CASE WHEN bool_or(status = 'actual') THEN 'actual' ELSE max(status) END AS status,
        any_value(value_key) AS value, any_value(unit) AS unit, any_value(bound) AS bound,
        max(resolution) AS resolution,
        count(*) AS n_claims, count(DISTINCT article_file) AS n_articles,
        count(DISTINCT syndication_group) AS n_sources,
        min(published_date) AS first_published, max(published_date) AS last_published,
        nullif(array_to_string(list_transform(list_sort(list({'r': rn, 'v': article_file}) FILTER (WHERE first_of_file)), lambda e: e.v), '; '), '')
            AS article_files,
        nullif(array_to_string(list_transform(list_sort(list({'r': rn, 'v': syndication_group})
                     FILTER (WHERE counts_as_source AND syndication_group <> '')), lambda e: e.v), '; '), '')
            AS syndication_groups,
        nullif(array_to_string(list_transform(list_sort(list({'r': rn, 'v': claim_id})), lambda e: e.v), '; '), '') AS claim_ids,
        nullif(array_to_string(list_transform(list_sort(list({'r': rn, 'v':
                coalesce(outlet, 'unknown outlet') || ' ' || cur_fmt_date(published_date)
                || ' (' || article_file
                || CASE WHEN source IS NOT NULL THEN '; cites ' || source ELSE '' END || ')'
            }) FILTER (WHERE first_of_file AND NOT is_syndicated_copy)), lambda e: e.v), '; '), '') AS sources,
        arg_min(quote, rn) AS example_quote
    FROM {tmp}_b GROUP BY observation_id
),
h AS (
    SELECT g.*, c.counted, li.outlets, li.cited_sources,
        CASE WHEN g.bound IN ('lower', 'upper') THEN 0.0
             WHEN g.bound = 'approx' THEN greatest(coalesce(g.resolution / 2, 0.0),
                                                  0.01 * abs(g.value))
             ELSE coalesce(g.resolution / 2, 0.0) END AS _half
    FROM g LEFT JOIN counted c USING (observation_id)
    LEFT JOIN lists li USING (observation_id)
)
SELECT * EXCLUDE (_half),
    CASE WHEN bound = 'upper' THEN NULL WHEN bound = 'lower' THEN value
         ELSE value - _half END AS value_low,
    CASE WHEN bound = 'lower' THEN NULL WHEN bound = 'upper' THEN value
         ELSE value + _half END AS value_high,
    n_articles - n_sources AS n_syndicated_copies
FROM h
ORDER BY indicator NULLS LAST, period_start NULLS LAST, period_end NULLS LAST,
    cur_status_rank(status_class), value NULLS LAST, observation_id
"""

_SOURCES_SQL = """
INSERT INTO observation_sources BY NAME
SELECT observation_id, claim_id, article_file, outlet, published_date, quote,
    source AS cited_source, claim_value, status, sentence, syndication_group,
    is_syndicated_copy, counts_as_source
FROM {tmp}_b
"""


def build_observations_sql(
    con,
    indicators: Iterable[str] | None = None,
    *,
    primary_key: bool = True,
    articles: Iterable[str] | None = None,
    on_delta: Callable[[str, str], None] | None = None,
) -> set[str] | None:
    """(Re)build `observations` and `observation_sources` from `validated_claims` and
    `articles`. `indicators`: only those indicators' rows (see the module docstring).
    `articles` (instead of `indicators`): only the observations the claims of these articles
    belong to, before or after (see `_observation_delta`); `on_delta(ids_sql, cells_sql)` is
    then called with queries selecting the ids of the observations recomputed and their
    (indicator, period_end) before and after.

    Returns the indicators whose observations were recomputed (None: all of them)."""
    names = ("observations", "observation_sources")
    if articles is not None and all(_exists(con, n) for n in names):
        install_macros(con)
        try:
            if not _observation_delta(con, sorted(set(articles))):
                return set()
            changed = {
                r[0]
                for r in con.execute(
                    f"SELECT DISTINCT indicator FROM {_TMP}_obs JOIN observations USING "
                    f"(observation_id) UNION SELECT DISTINCT indicator FROM {_TMP}"
                ).fetchall()
            }
            cells = (  # the (indicator, year) of the observations recomputed, old and new
                f"SELECT DISTINCT indicator, period_end FROM observations WHERE period_end IS "
                f"NOT NULL AND observation_id IN (SELECT observation_id FROM {_TMP}_obs)"
            )
            con.execute(f"CREATE OR REPLACE TEMP TABLE {_TMP}_cells AS {cells}")
            for table in names[::-1]:
                con.execute(
                    f"DELETE FROM {table} WHERE observation_id IN (SELECT * FROM {_TMP}_obs)"
                )
            _insert_buckets(con, _rebucket(con))
            con.execute(f"INSERT INTO {_TMP}_cells {cells}")
            if on_delta is not None:
                on_delta(
                    f"SELECT observation_id FROM {_TMP}_obs",
                    f"SELECT DISTINCT indicator, period_end FROM {_TMP}_cells",
                )
            return changed
        finally:
            _drop_work(con)
    indicators = None if indicators is None else sorted(set(indicators))
    where = _prepare(con, names, indicators, primary_key)
    if where != "TRUE":
        con.execute(
            "DELETE FROM observation_sources WHERE observation_id IN "
            f"(SELECT observation_id FROM observations WHERE {where})"
        )
        con.execute(f"DELETE FROM observations WHERE {where}")
    where_v = where.replace("indicator IN", "v.indicator IN")
    n_claims = con.execute(f"SELECT count(*) FROM validated_claims v WHERE {where_v}").fetchall()
    n_buckets = max(1, -(-n_claims[0][0] // BUCKET_CLAIMS))
    try:
        con.execute(_CLAIMS_SQL.format(tmp=_TMP, where=where_v, n_buckets=n_buckets))
        _insert_buckets(con, n_buckets)
    finally:
        _drop_work(con)
    return None if indicators is None else set(indicators)


# Articles whose observation_sources rows no longer match the article (removed, or its date,
# outlet or syndication group changed: a new syndicated copy can regroup older articles).
_STALE_ARTICLES_SQL = """
SELECT DISTINCT s.article_file FROM observation_sources s
LEFT JOIN (SELECT article_file, any_value(published_date)::DATE AS published_date,
                  any_value(outlet) AS outlet, any_value(syndication_group) AS syndication_group
           FROM articles GROUP BY article_file) a USING (article_file)
WHERE a.article_file IS NULL
   OR s.published_date IS DISTINCT FROM a.published_date
   OR s.outlet IS DISTINCT FROM a.outlet
   OR s.syndication_group IS DISTINCT FROM coalesce(a.syndication_group, s.article_file)
"""


def _observation_delta(con, articles: list[str]) -> bool:
    """Prepare a delta of the observations: the affected articles (`articles`, whose validated
    claims changed, plus the stale ones of _STALE_ARTICLES_SQL), the observations their claims
    belong to before (observation_sources) and after (computed) in {_TMP}_obs, and in {_TMP}
    every claim of those observations, computed as a full build computes it (an observation's
    rows depend only on its own claims and their articles). False when nothing changed."""
    con.register("_cur_given", pd.DataFrame({"article_file": articles}, dtype=object))
    try:
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE {_TMP}_aff AS SELECT article_file FROM _cur_given "
            f"UNION {_STALE_ARTICLES_SQL}"
        )
    finally:
        con.unregister("_cur_given")
    if not con.execute(f"SELECT count(*) FROM {_TMP}_aff").fetchone()[0]:
        return False
    in_aff = f"v.article_file IN (SELECT article_file FROM {_TMP}_aff)"
    con.execute(_CLAIMS_SQL.format(tmp=_TMP, where=in_aff, n_buckets=1))
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE {_TMP}_obs AS
        SELECT observation_id FROM {_TMP}
        UNION
        SELECT observation_id FROM observation_sources
        WHERE article_file IN (SELECT article_file FROM {_TMP}_aff)
        """
    )
    # the claims of the affected articles (in {_TMP} now; claim_id is never NULL) and those of
    # the observations they touch, as one id list: a single IN keeps the filter in the scan of
    # validated_claims (an OR of two IN lists was applied after the joins, to every row)
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE {_TMP}_ids AS
        SELECT claim_id FROM {_TMP}
        UNION
        SELECT claim_id FROM observation_sources
        WHERE observation_id IN (SELECT observation_id FROM {_TMP}_obs)
        """
    )
    where_v = f"v.claim_id IN (SELECT claim_id FROM {_TMP}_ids)"
    con.execute(_CLAIMS_SQL.format(tmp=_TMP, where=where_v, n_buckets=1))
    con.execute(f"DELETE FROM {_TMP} WHERE observation_id NOT IN (SELECT * FROM {_TMP}_obs)")
    return True


def _rebucket(con) -> int:
    """Spread the rows of {_TMP} over buckets of at most BUCKET_CLAIMS claims."""
    n = con.execute(f"SELECT count(*) FROM {_TMP}").fetchone()[0]
    n_buckets = max(1, -(-n // BUCKET_CLAIMS))
    if n_buckets > 1:
        con.execute(f"UPDATE {_TMP} SET bucket = hash(observation_id) % {n_buckets}")
    return n_buckets


def _insert_buckets(con, n_buckets: int) -> None:
    """Insert the observations and observation_sources of the claims in {_TMP}, one bucket of
    observations at a time."""
    for bucket in range(n_buckets):
        con.execute(_BUCKET_SQL.format(tmp=_TMP, bucket=bucket))
        con.execute(_OBSERVATIONS_SQL.replace("{tmp}", _TMP))
        con.execute(_SOURCES_SQL.format(tmp=_TMP))


def _drop_work(con) -> None:
    for suffix in ("_b", "_obs", "_aff", "_cells", "_ids", ""):
        con.execute(f"DROP TABLE IF EXISTS {_TMP}{suffix}")


# --------------------------------------------------------------------------------------------
# series

PRECEDENCE_TEXT = (
    "precedence: status (actual/estimate > forecast > target), bound (exact > approx > "
    "lower/upper), more sources, latest publication"
)

_SERIES_SQL = """
INSERT INTO series BY NAME
WITH o AS (
    SELECT observation_id, indicator, period_start, period_end, period_part,
        coalesce(period_part, '') AS part_key, status_class, status, value, unit, bound,
        counted, resolution, n_sources, last_published, syndication_groups, sources,
        coalesce(value_low, '-inf'::DOUBLE) AS lo, coalesce(value_high, 'inf'::DOUBLE) AS hi
    FROM observations
    WHERE indicator <> 'unclassified' AND period_start IS NOT NULL AND period_end IS NOT NULL
      AND {where}
),
r AS (
    SELECT *,
        row_number() OVER (PARTITION BY indicator, period_start, period_end, part_key
                           ORDER BY {precedence}) AS rk,
        count(*) OVER (PARTITION BY indicator, period_start, period_end, part_key) AS n_obs
    FROM o
),
best AS (SELECT * FROM r WHERE rk = 1),
runner AS (SELECT * FROM r WHERE rk = 2),
same AS (
    SELECT r.* FROM r JOIN best b USING (indicator, period_start, period_end, part_key)
    WHERE r.status_class = b.status_class
),
lo_row AS (
    SELECT * FROM same
    QUALIFY row_number() OVER (PARTITION BY indicator, period_start, period_end, part_key
                               ORDER BY lo DESC, rk) = 1
),
hi_row AS (
    SELECT * FROM same
    QUALIFY row_number() OVER (PARTITION BY indicator, period_start, period_end, part_key
                               ORDER BY hi, rk) = 1
),
stats AS (
    SELECT indicator, period_start, period_end, part_key, count(*) AS n_same,
        min(value) AS min_value, max(value) AS max_value
    FROM same GROUP BY ALL
),
seen AS (
    SELECT indicator, period_start, period_end, part_key,
        string_agg(cur_fmt_figure(value, bound, unit, counted) || ' ' || status || ' ['
            || n_sources || ' source' || CASE WHEN n_sources <> 1 THEN 's' ELSE '' END || ']',
            '; ' ORDER BY rk) AS values_seen
    FROM r GROUP BY ALL
),
groups AS (
    SELECT indicator, period_start, period_end, part_key, count(DISTINCT grp) AS n_sources
    FROM (SELECT indicator, period_start, period_end, part_key,
                 unnest(string_split(syndication_groups, '; ')) AS grp FROM o)
    WHERE grp <> ''
    GROUP BY ALL
),
j AS (
    SELECT b.*, s.n_same, s.min_value, s.max_value, seen.values_seen,
        coalesce(gr.n_sources, 0) AS n_sources_all,
        l.lo AS c_lo, l.hi AS c_lo_hi, l.value AS l_value, l.bound AS l_bound,
        l.counted AS l_counted, l.unit AS l_unit,
        coalesce(nullif(l.sources, ''), l.observation_id) AS l_src,
        h.hi AS c_hi, h.lo AS c_hi_lo, h.value AS h_value, h.bound AS h_bound,
        h.counted AS h_counted, coalesce(nullif(h.sources, ''), h.observation_id) AS h_src,
        CASE
            WHEN ru.observation_id IS NULL THEN NULL
            WHEN cur_status_rank(b.status_class) <> cur_status_rank(ru.status_class)
                THEN 'status (actual/estimate > forecast > target)'
            WHEN cur_bound_rank(b.bound) <> cur_bound_rank(ru.bound)
                THEN 'bound (exact > approx > lower/upper)'
            WHEN b.n_sources <> ru.n_sources THEN 'number of sources'
            WHEN b.last_published IS DISTINCT FROM ru.last_published
                THEN 'latest publication'
            WHEN (b.status = 'actual') IS DISTINCT FROM (ru.status = 'actual')
                THEN 'actual over estimate'
            WHEN b.resolution IS NULL OR ru.resolution IS NULL
                 OR b.resolution <> ru.resolution THEN 'finer stated precision'
            ELSE 'observation id (tie)' END AS decided_by
    FROM best b
    JOIN stats s USING (indicator, period_start, period_end, part_key)
    JOIN seen USING (indicator, period_start, period_end, part_key)
    JOIN lo_row l USING (indicator, period_start, period_end, part_key)
    JOIN hi_row h USING (indicator, period_start, period_end, part_key)
    LEFT JOIN groups gr USING (indicator, period_start, period_end, part_key)
    LEFT JOIN runner ru USING (indicator, period_start, period_end, part_key)
),
k AS (
    SELECT *,
        n_same >= 2 AND greatest(0.0, c_lo - c_hi)
            > 1e-9 * greatest(abs(c_lo), abs(c_hi), 1e-300) AS conflict,
        'chose ' || cur_fmt_figure(value, bound, unit, counted) || ' (' || status || ', '
            || bound || ', ' || n_sources || ' source(s), published '
            || cur_fmt_date(last_published) || ')' AS chosen
    FROM j
)
SELECT
    cur_hash('ser_', indicator || '|' || period_start || '|' || period_end
        || CASE WHEN part_key <> '' THEN '|' || part_key ELSE '' END) AS series_id,
    indicator, period_start, period_end, nullif(part_key, '') AS period_part, value, unit, bound,
    status, status_class, observation_id,
    CASE WHEN n_obs = 1 THEN chosen || ': the only observation'
         ELSE chosen || ' from ' || n_obs || ' observations, decided by ' || decided_by
              || '; ' || '{precedence_text}' END AS selection_rule,
    n_obs AS n_observations, n_sources_all AS n_sources, min_value, max_value,
    CASE WHEN greatest(abs(min_value), abs(max_value)) <> 0
         THEN (max_value - min_value) / greatest(abs(min_value), abs(max_value))
         ELSE 0.0 END AS spread,
    values_seen, conflict,
    CASE WHEN conflict THEN
        cur_fmt_figure(h_value, h_bound, l_unit, h_counted) || ' '
        || cur_fmt_interval(c_hi_lo, c_hi, l_unit) || ' (' || h_src || ') vs '
        || cur_fmt_figure(l_value, l_bound, l_unit, l_counted) || ' '
        || cur_fmt_interval(c_lo, c_lo_hi, l_unit) || ' (' || l_src || ')'
        || ': intervals do not overlap' END AS conflict_detail
FROM k
ORDER BY indicator, period_start, period_end, part_key
"""


def build_series_sql(
    con,
    indicators: Iterable[str] | None = None,
    *,
    primary_key: bool = True,
    cells: str | None = None,
) -> None:
    """(Re)build `series` from `observations` (see the module docstring). `cells`: a query of
    the (indicator, period_end) pairs whose observations changed; with `indicators`, only the
    series rows of those pairs are recomputed (a series row depends only on the observations
    of its own indicator and period)."""
    indicators = None if indicators is None else sorted(set(indicators))
    where = _prepare(con, ("series",), indicators, primary_key)
    if cells is not None and where not in ("TRUE", "FALSE"):
        where = (
            f"{where} AND (indicator, period_end) IN (SELECT indicator, period_end FROM ({cells}))"
        )
    if where != "TRUE":
        con.execute(f"DELETE FROM series WHERE {where}")
    con.execute(
        _SERIES_SQL.format(where=where, precedence=PRECEDENCE_SQL, precedence_text=PRECEDENCE_TEXT)
    )


def build_curated(
    con, indicators: Iterable[str] | None = None, *, primary_key: bool = True
) -> dict[str, int]:
    """observations, observation_sources, series and findings in one transaction; returns the
    row count of each table."""
    from pipeline.lib.curation.findings import build_findings_sql

    con.execute("BEGIN TRANSACTION")
    try:
        build_observations_sql(con, indicators, primary_key=primary_key)
        build_series_sql(con, indicators, primary_key=primary_key)
        build_findings_sql(con, indicators, primary_key=primary_key)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in CURATED_TABLES}
