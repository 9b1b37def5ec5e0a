"""Check a hand-annotated set (articles/ + gold.json) before it is used to score the pipeline.

    .venv/bin/python benchmarks/check_gold.py heldout3        # or a folder, or --all

For every claim and neutral span: text[char_start:char_end] == quote in the decoded article; for
every claim: bound and status from their vocabularies, unit from the project's unit vocabulary
(pipeline/metadata/units.py), indicator from the catalog (pipeline/metadata/indicators.py) or
`unclassified`, period_start <= period_end, a counted noun only on counts; no claim overlaps a
neutral span; every article has an entry in "published" (an ISO date or null) and vice versa.
Prints the counts and every problem; exits 1 when there is one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.cli_extract import read_text  # noqa: E402
from pipeline.metadata.indicators import CATALOG, UNCLASSIFIED  # noqa: E402
from pipeline.metadata.units import STORED_CODES  # noqa: E402

SETS = (
    "heldout",
    "heldout2",
    "heldout3",
    "heldout4",
    "heldout5",
    "heldout6",
    "heldout7",
    "heldout8",
    "heldout9",
    "heldout10",
    "heldout11",
    "heldout12",
    "heldout13",
    "heldout14",
    "heldout15",
    "heldout16",
    "heldout17",
    "heldout18",
    "heldout19",
    "heldout20",
    "heldout21",
    "heldout22",
    "heldout23",
    "heldout24",
    "heldout25",
    "heldout26",
    "heldout27",
    "heldout28",
    "heldout29",
    "heldout30",
    "heldout31",
)
BOUNDS = {"exact", "approx", "lower", "upper"}
STATUSES = {"actual", "estimate", "forecast", "target"}


def check(folder: Path) -> tuple[list[str], str]:
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    texts = {p.name: read_text(p.read_bytes()) for p in sorted((folder / "articles").glob("*.txt"))}
    problems: list[str] = []
    published = gold.get("published", {})
    for name in sorted(set(texts) ^ set(published)):
        problems.append(f"{name}: in articles/ or in 'published', not in both")
    for name, day in published.items():
        if day is not None:
            try:
                dt.date.fromisoformat(day)
            except ValueError:
                problems.append(f"{name}: published {day!r} is not an ISO date")

    def span(kind: str, item: dict) -> str | None:
        where = f"{item.get('article_file')}:{item.get('char_start')} {kind} {item.get('quote')!r}"
        text = texts.get(item.get("article_file"))
        if text is None:
            problems.append(f"{where}: no such article")
        elif text[item["char_start"] : item["char_end"]] != item["quote"]:
            problems.append(
                f"{where}: the offsets give {text[item['char_start'] : item['char_end']]!r}"
            )
        return where

    for c in gold["claims"]:
        where = span("claim", c)
        if c.get("bound") not in BOUNDS:
            problems.append(f"{where}: bound {c.get('bound')!r}")
        if c.get("status") not in STATUSES:
            problems.append(f"{where}: status {c.get('status')!r}")
        if c.get("unit") not in STORED_CODES:
            problems.append(f"{where}: unit {c.get('unit')!r} is not in the unit vocabulary")
        if c.get("indicator") not in CATALOG and c.get("indicator") != UNCLASSIFIED:
            problems.append(f"{where}: indicator {c.get('indicator')!r} is not in the catalog")
        if c.get("counted") and c.get("unit") != "count":
            problems.append(f"{where}: a counted noun on a {c.get('unit')} figure")
        ps, pe = c.get("period_start"), c.get("period_end")
        if (ps is None) != (pe is None) or (ps is not None and ps > pe):
            problems.append(f"{where}: period {ps}-{pe}")
    neutral = gold.get("neutral", [])
    for n in neutral:
        span("neutral", n)
        for c in gold["claims"]:
            if c["article_file"] == n["article_file"] and min(c["char_end"], n["char_end"]) > max(
                c["char_start"], n["char_start"]
            ):
                problems.append(f"claim {c['quote']!r} overlaps neutral span {n['quote']!r}")
    counts = f"{len(texts)} articles, {len(gold['claims'])} claims, {len(neutral)} neutral spans"
    return problems, counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("set", nargs="?", help="heldout ... heldout31, or a folder")
    ap.add_argument("--all", action="store_true", help="every held-out set")
    args = ap.parse_args(argv)
    if not args.all and not args.set:
        ap.error("name a set, or --all")
    names = SETS if args.all else (args.set,)
    failed = False
    for name in names:
        folder = ROOT / "benchmarks" / name if name in SETS else Path(name)
        problems, counts = check(folder)
        print(f"{name}: {counts}: {'OK' if not problems else f'{len(problems)} problem(s)'}")
        for p in problems:
            print(f"  {p}")
        failed |= bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
