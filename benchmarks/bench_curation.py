"""Benchmark (not a test) of the set-based curated layer: `build_curated` on a synthetic
warehouse of N articles x K validated claims, in a DuckDB file.

    python benchmarks/bench_curation.py                      # 100,000 articles x 30 claims
    python benchmarks/bench_curation.py --articles 10000 --memory-limit 1GB

The synthetic data are generated inside DuckDB (no Python loop): every catalog indicator plus
`unclassified`, years 2015..2025, all statuses and bounds, quotes whose stated precision matches
the value, 10% of articles syndicated copies of another one. Figures repeat the way real news
does: most claims repeat one of 20 rounded variants of a figure of their indicator and year, 10%
are one-off perturbed values, and 5 very popular figures are each repeated in 10,000 articles.

Generation and the build run in separate child processes; the build reports its own wall time,
CPU time and peak RSS (resource.getrusage), for the cold build and for an incremental rebuild of
one indicator.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def generate(path: Path, n_articles: int, per_article: int) -> None:
    import duckdb
    import pandas as pd

    from pipeline.lib.reference.gdp import load_gdp_reference
    from pipeline.metadata import indicators
    from pipeline.metadata.resources import get

    path.unlink(missing_ok=True)
    con = duckdb.connect(str(path))
    con.execute("SET threads = 2")
    for name in ("articles", "validated_claims", "gdp_reference"):
        con.execute(get(name).to_ddl())
    con.register("_gdp", load_gdp_reference())
    con.execute("INSERT INTO gdp_reference BY NAME SELECT * FROM _gdp")
    cat = [(i.id, i.unit, i.kind) for i in indicators.CATALOG.values()]
    cat.append(("unclassified", "count", "count"))
    con.register(
        "_cat",
        pd.DataFrame(
            {
                "ind_no": range(len(cat)),
                "indicator": [c[0] for c in cat],
                "unit": [c[1] for c in cat],
                "kind": [c[2] for c in cat],
            }
        ),
    )
    con.execute("CREATE TEMP TABLE cat AS SELECT * FROM _cat")
    n_ind = len(cat)
    con.execute(
        f"""
        INSERT INTO articles BY NAME
        SELECT printf('a%06d.txt', i) AS article_file,
            DATE '2019-01-01' + (hash(i, 'd') % 2400)::INTEGER AS published_date,
            'header_line' AS date_basis, 'outlet ' || (hash(i, 'o') % 50) AS outlet,
            'title ' || i AS title, printf('%064d', i) AS content_hash,
            CASE WHEN i % 10 = 3 THEN printf('a%06d.txt', i - 3)
                 ELSE printf('a%06d.txt', i) END AS syndication_group,
            4000 AS n_chars, '' AS text
        FROM range({n_articles}) t(i)
        """
    )
    con.execute(
        f"""
        INSERT INTO validated_claims BY NAME
        WITH slots AS (
            SELECT i, j, hash(i, j) AS h FROM range({n_articles}) a(i), range({per_article}) b(j)
        ),
        k AS (
            SELECT i, j, h,
                CASE WHEN j = 0 AND i < 50000 THEN i % 5
                     ELSE (h % {n_ind})::INTEGER END AS ind_no,
                CASE WHEN j = 0 AND i < 50000 THEN 2021
                     ELSE 2015 + ((h >> 8) % 11)::INTEGER END AS year,
                CASE WHEN j = 0 AND i < 50000 THEN 'actual'
                     ELSE (['actual', 'actual', 'actual', 'actual', 'actual', 'actual',
                            'actual', 'actual', 'actual', 'actual', 'actual', 'actual',
                            'actual', 'actual', 'actual', 'actual', 'estimate', 'forecast',
                            'forecast', 'target'])[1 + ((h >> 16) % 20)::INTEGER] END AS status,
                CASE WHEN j = 0 AND i < 50000 THEN 'exact'
                     ELSE (['exact', 'exact', 'exact', 'exact', 'exact', 'exact', 'exact',
                            'approx', 'approx', 'lower', 'lower', 'upper'])
                          [1 + ((h >> 24) % 12)::INTEGER] END AS bound,
                CASE WHEN j = 0 AND i < 50000 THEN 0
                     WHEN (h >> 32) % 10 = 0 THEN -1
                     ELSE ((h >> 36) % 20)::INTEGER END AS variant
            FROM slots
        ),
        v AS (
            SELECT k.*, c.indicator, c.unit, c.kind,
                (CASE WHEN c.unit = 'CNY' THEN 1e12 WHEN c.unit = 'percent' THEN 10.0
                      WHEN c.unit = 'percentage_point' THEN 2.0 WHEN c.unit = 'EFLOPS' THEN 200
                      ELSE pow(10.0, 2 + ind_no % 6) END)
                * (1 + 0.12 * (year - 2015))
                * CASE WHEN variant < 0 THEN 1 + ((h >> 40) % 100000) / 1e6
                       ELSE 1 + (variant - 10) * 0.004 END AS raw
            FROM k JOIN cat c USING (ind_no)
        ),
        q AS (
            SELECT *, CASE WHEN variant < 0 THEN raw ELSE printf('%.3g', raw)::DOUBLE END AS value
            FROM v
        )
        SELECT printf('c%06d_%02d', i, j) AS claim_id, printf('a%06d.txt', i) AS article_file,
            100 * j AS char_start, 100 * j + 20 AS char_end,
            CASE WHEN unit = 'CNY' THEN printf('%.6g trillion yuan', value / 1e12)
                 WHEN unit = 'percent' THEN printf('%.6g%%', value)
                 ELSE printf('%.6g', value) END AS quote,
            value, unit,
            CASE WHEN unit = 'count' THEN (['platforms', 'sets', 'enterprises'])
                 [1 + (h % 3)::INTEGER] END AS counted,
            bound, year AS period_start, year AS period_end, 'explicit_year' AS period_basis,
            status, indicator,
            CASE WHEN h % 7 = 0 THEN 'CAICT' WHEN h % 7 = 1 THEN 'MIIT' END AS source,
            'noun phrase ' || j AS noun_phrase,
            'In ' || year || ', the figure of ' || indicator || ' reached ' || value
                || ' according to the statement of the ministry at a press conference '
                || 'held in Beijing on the development of the industry.' AS sentence
        FROM q
        """
    )
    con.execute("CHECKPOINT")
    con.close()


def run(path: Path, threads: int, memory_limit: str, incremental: str | None) -> dict:
    import resource

    import duckdb

    from pipeline.lib.curation.sql import build_curated

    con = duckdb.connect(str(path))
    con.execute(f"SET threads = {threads}")
    con.execute(f"SET memory_limit = '{memory_limit}'")
    out = {}
    t0, c0 = time.perf_counter(), time.process_time()
    counts = build_curated(con)
    out["cold_wall_s"] = round(time.perf_counter() - t0, 2)
    out["cold_cpu_s"] = round(time.process_time() - c0, 2)
    out["rows"] = counts
    if incremental:
        t0 = time.perf_counter()
        build_curated(con, indicators=[incremental])
        out["incremental_indicator"] = incremental
        out["incremental_wall_s"] = round(time.perf_counter() - t0, 2)
    con.execute("CHECKPOINT")
    con.close()
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    out["db_mb"] = round(path.stat().st_size / 2**20)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--claims-per-article", type=int, default=30)
    parser.add_argument("--db", type=Path, default=Path("/tmp/bench_curation.duckdb"))
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--memory-limit", default="1GB")
    parser.add_argument("--incremental", default="iip_added_value")
    parser.add_argument("--keep", action="store_true", help="reuse an existing --db")
    parser.add_argument("--child", choices=("generate", "run"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child == "generate":
        generate(args.db, args.articles, args.claims_per_article)
        return 0
    if args.child == "run":
        print(json.dumps(run(args.db, args.threads, args.memory_limit, args.incremental)))
        return 0
    base = [sys.executable, __file__, "--db", str(args.db), "--articles", str(args.articles),
            "--claims-per-article", str(args.claims_per_article), "--threads", str(args.threads),
            "--memory-limit", args.memory_limit, "--incremental", args.incremental]  # fmt: skip
    if not (args.keep and args.db.exists()):
        t0 = time.perf_counter()
        subprocess.run([*base, "--child", "generate"], check=True, cwd=ROOT)
        print(f"generated {args.articles} articles x {args.claims_per_article} claims in "
              f"{time.perf_counter() - t0:.1f} s -> {args.db}")  # fmt: skip
    res = subprocess.run([*base, "--child", "run"], check=True, cwd=ROOT, stdout=subprocess.PIPE,
                         text=True)  # fmt: skip
    result = json.loads(res.stdout.strip().splitlines()[-1])
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
