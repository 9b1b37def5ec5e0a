"""The README's generated sections: the table reference (from resources.py), the views (from
views.py) and the indicator catalog (from indicators.py). `python -m pipeline.metadata.docs`
rewrites them in README.md between their markers; a test fails when they are stale."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from pipeline.metadata.resources import RESOURCES
from pipeline.metadata.views import VIEWS

README = Path(__file__).resolve().parents[2] / "README.md"


def tables_markdown() -> str:
    parts = []
    for layer in dict.fromkeys(r.layer for r in RESOURCES.values()):
        for r in RESOURCES.values():
            if r.layer == layer:
                parts.append(r.to_markdown())
    if VIEWS:
        parts.append(views_markdown())
    return "\n".join(parts).rstrip() + "\n"


def view_columns() -> dict[str, list[tuple[str, str, str]]]:
    """Each view's columns (name, type, comment), from the views created over empty tables."""
    import duckdb

    from pipeline.metadata.views import create_views

    con = duckdb.connect()
    try:
        for r in RESOURCES.values():
            con.execute(r.to_ddl())
        create_views(con)
        out: dict[str, list[tuple[str, str, str]]] = {}
        for name, col, typ, comment in con.execute(
            "SELECT table_name, column_name, data_type, comment FROM duckdb_columns() "
            "WHERE table_name IN (SELECT view_name FROM duckdb_views() WHERE NOT internal) "
            "ORDER BY table_name, column_index"
        ).fetchall():
            out.setdefault(name, []).append((col, typ, comment or ""))
        return out
    finally:
        con.close()


def views_markdown() -> str:
    columns = view_columns()
    parts = ["### Views\n"]
    for v in VIEWS:
        parts.append(f"#### `{v.name}`\n\n{v.description}\n")
        parts.append("| column | type | description |\n| --- | --- | --- |")
        for c, t, d in columns.get(v.name, []):
            d = d.replace("|", "\\|")
            parts.append(f"| `{c}` | {t} | {d} |")
        parts.append("")
    return "\n".join(parts)


def catalog_markdown() -> str:
    from pipeline.metadata import indicators

    render = getattr(indicators, "catalog_markdown", None)
    if render:
        return render().rstrip() + "\n"
    lines = ["| id | unit | kind | name |", "| --- | --- | --- | --- |"]
    for ind in indicators.CATALOG.values():
        lines.append(f"| `{ind.id}` | {ind.unit} | {ind.kind} | {ind.name} |")
    return "\n".join(lines) + "\n"


SECTIONS = {"tables": tables_markdown, "catalog": catalog_markdown}


def cookbook_markdown(warehouse_path: Path) -> str:
    """Each recipe with its query and the output it gives on the warehouse."""
    import duckdb

    from pipeline.metadata.cookbook import RECIPES

    con = duckdb.connect(str(warehouse_path), read_only=True)
    parts = []
    try:
        for title, sql in RECIPES:
            frame = con.execute(sql).df()
            for col in frame.columns:  # dates as dates, not midnight timestamps
                if str(frame[col].dtype).startswith("datetime64"):
                    frame[col] = frame[col].dt.strftime("%Y-%m-%d")
            with_output = (
                frame.to_markdown(index=False, floatfmt="g") if len(frame) else "_no rows_"
            )
            parts.append(f"#### {title}\n\n```sql\n{sql}\n```\n\n{with_output}\n")
    finally:
        con.close()
    return "\n".join(parts)


def render(text: str, warehouse_path: Path | None = None) -> str:
    sections = dict(SECTIONS)
    if warehouse_path is not None:
        sections["cookbook"] = lambda: cookbook_markdown(warehouse_path)
    for name, fn in sections.items():
        pattern = re.compile(rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)", flags=re.DOTALL)
        text = pattern.sub(lambda m, fn=fn: m.group(1) + fn() + m.group(2), text)
    return text


def main(argv: list[str] | None = None) -> int:
    import argparse

    from pipeline import settings

    parser = argparse.ArgumentParser(prog="python -m pipeline.metadata.docs", description=__doc__)
    parser.add_argument(
        "--cookbook",
        action="store_true",
        help="also run the cookbook queries on the published warehouse and write their output",
    )
    args = parser.parse_args(argv)
    text = README.read_text(encoding="utf-8")
    new = render(text, settings.warehouse_path() if args.cookbook else None)
    if new != text:
        README.write_text(new, encoding="utf-8")
        print(f"updated {README}")
    else:
        print(f"{README} is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
