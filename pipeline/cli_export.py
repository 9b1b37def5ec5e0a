"""`python -m pipeline export DIR [--format csv|parquet] [--warehouse FILE]`: the curated tables and
the analysts' views of the published warehouse as files, one per table or view, plus
`_columns.<ext>` (every exported column with its type and description).

The warehouse is opened read-only: exporting never blocks or changes a run. `articles` is
exported without its `text` column (the article texts stay in the warehouse).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline import settings

# name -> columns left out
TABLES: dict[str, tuple[str, ...]] = {
    "observations": (),
    "observation_sources": (),
    "series": (),
    "findings": (),
    "claims": (),
    "validated_claims": (),
    "quarantine": (),
    "validation_summary": (),
    "articles": ("text",),
    "ingest_rejects": (),
    "indicator_catalog": (),
    "unit_vocabulary": (),
    "gdp_reference": (),
}


def _views() -> list[str]:
    from pipeline.metadata.views import VIEWS

    return [v.name for v in VIEWS]


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def export(warehouse_path: Path, out_dir: Path, fmt: str = "csv") -> dict[str, int]:
    """Write each table and view to out_dir/<name>.<fmt>; returns rows per file written."""
    import duckdb

    options = "(FORMAT csv, HEADER true)" if fmt == "csv" else "(FORMAT parquet)"
    out_dir.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(warehouse_path), read_only=True)
    written: dict[str, int] = {}
    try:
        present = {
            r[0]
            for r in con.execute(
                "SELECT table_name FROM duckdb_tables() UNION ALL "
                "SELECT view_name FROM duckdb_views() WHERE NOT internal"
            ).fetchall()
        }
        names = [(n, TABLES[n]) for n in TABLES] + [(v, ()) for v in _views()]
        dictionary = []
        for name, dropped in names:
            if name not in present:
                continue
            select = f"SELECT * EXCLUDE ({', '.join(dropped)})" if dropped else "SELECT *"
            query = f"{select} FROM {name}"
            path = out_dir / f"{name}.{fmt}"
            con.execute(f"COPY ({query}) TO {_literal(str(path))} {options}")
            written[name] = con.execute(f"SELECT count(*) FROM ({query})").fetchone()[0]
            keep = ", ".join(_literal(c) for c in dropped) or "''"
            dictionary.append(
                f"SELECT table_name AS file, column_name, data_type AS type, "
                f"comment AS description, column_index FROM duckdb_columns() "
                f"WHERE table_name = {_literal(name)} AND column_name NOT IN ({keep})"
            )
        if dictionary:
            query = " UNION ALL ".join(dictionary)
            path = out_dir / f"_columns.{fmt}"
            con.execute(
                f'COPY (SELECT file, column_name AS "column", type, description FROM ({query}) '
                f"ORDER BY file, column_index) TO {_literal(str(path))} {options}"
            )
    finally:
        con.close()
    return written


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(prog="python -m pipeline export", description=__doc__)
    parser.add_argument("dir", metavar="DIR", help="folder to write the files into")
    parser.add_argument("--format", choices=("csv", "parquet"), default="csv")
    parser.add_argument("--warehouse", help="published DuckDB file (default: warehouse/...)")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    path = Path(args.warehouse) if args.warehouse else settings.warehouse_path()
    if not path.is_file():
        print(f"export: no warehouse at {path} (run `make run` first)", file=sys.stderr)
        return 2
    written = export(path, Path(args.dir), args.format)
    for name, rows in written.items():
        print(f"{Path(args.dir) / f'{name}.{args.format}'}: {rows} rows")
    print(f"{Path(args.dir) / f'_columns.{args.format}'}: every column with its description")
    return 0


if __name__ == "__main__":
    sys.exit(main())
