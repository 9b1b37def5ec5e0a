"""Command line: `python -m pipeline run` materializes every asset; `python -m pipeline extract
PATH... [--published YYYY-MM-DD]` prints the claims of texts as JSON lines (no warehouse); `python -m pipeline export DIR` writes the
curated tables and views of the published warehouse as CSV or Parquet files."""

from __future__ import annotations

import sys

USAGE = """usage: python -m pipeline COMMAND ...

commands:
  run                 materialize every asset on raw/ and publish warehouse/industrial_internet.duckdb
  extract PATH...     print the claims found in text files (or - for standard input) as JSON lines
                      [--published YYYY-MM-DD]; the warehouse is not touched
  export DIR          write the curated tables and views of the published warehouse to DIR
                      [--format csv|parquet] [--warehouse FILE] (read-only)
"""


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(USAGE)
        return 0 if argv else 2
    command, rest = argv[0], argv[1:]
    if command == "run":
        from pipeline.cli_run import main as run_main

        return run_main(rest)
    if command == "extract":
        from pipeline.cli_extract import main as extract_main

        return extract_main(rest)
    if command == "export":
        from pipeline.cli_export import main as export_main

        return export_main(rest)
    print(f"unknown command {command!r}\n\n{USAGE}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
