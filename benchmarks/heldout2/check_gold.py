"""Check the second held-out gold file against its articles.

    python benchmarks/heldout2/check_gold.py

Verifies that every claim and neutral span quotes its article exactly (text[start:end] == quote),
that claims carry valid attributes (unit from the unit vocabulary, indicator from the catalog,
bound, status, periods, counted noun for counts), that no claim overlaps a neutral span, and that
every article is dated (or explicitly undated) in "published". Exits 1 on any problem.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.metadata.indicators import CATALOG, UNCLASSIFIED  # noqa: E402
from pipeline.metadata.units import STORED_CODES  # noqa: E402

BOUNDS = {"exact", "approx", "lower", "upper"}
STATUSES = {"actual", "estimate", "forecast", "target"}
CLAIM_KEYS = {
    "article_file", "quote", "char_start", "char_end", "value", "unit", "counted", "bound",
    "period_start", "period_end", "status", "indicator", "note",
}  # fmt: skip


def check(gold: dict, articles: Path) -> list[str]:
    problems = []
    if gold.get("schema") != "claims-gold/1":
        problems.append(f"schema is {gold.get('schema')!r}")
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(articles.glob("*.txt"))}
    published = gold.get("published", {})
    for name, text in texts.items():
        if name not in published:
            problems.append(f"{name}: missing from 'published'")
        if not 1200 <= len(text) <= 4500:
            problems.append(f"{name}: {len(text)} characters (want 1,200-4,500)")
    for name in published:
        if name not in texts:
            problems.append(f"published names a missing article {name}")
    spans = {}
    for kind in ("claims", "neutral"):
        for item in gold.get(kind, []):
            name = item["article_file"]
            where = f"{kind} {name}:{item['char_start']} {item['quote']!r}"
            text = texts.get(name)
            if text is None:
                problems.append(f"{where}: unknown article")
                continue
            if text[item["char_start"] : item["char_end"]] != item["quote"]:
                got = text[item["char_start"] : item["char_end"]]
                problems.append(f"{where}: text at offsets is {got!r}")
            spans.setdefault((kind, name), []).append(item)
    for c in gold.get("claims", []):
        where = f"claim {c['article_file']}:{c['char_start']} {c['quote']!r}"
        if set(c) != CLAIM_KEYS:
            problems.append(f"{where}: keys {sorted(set(c) ^ CLAIM_KEYS)}")
        if c["unit"] not in STORED_CODES:
            problems.append(f"{where}: unit {c['unit']!r} not in the vocabulary")
        if (c["unit"] == "count") != bool(c.get("counted")):
            problems.append(f"{where}: counted noun must be set exactly for counts")
        if c["bound"] not in BOUNDS:
            problems.append(f"{where}: bound {c['bound']!r}")
        if c["status"] not in STATUSES:
            problems.append(f"{where}: status {c['status']!r}")
        ind = c["indicator"]
        if ind != UNCLASSIFIED:
            if ind not in CATALOG:
                problems.append(f"{where}: indicator {ind!r} not in the catalog")
            elif CATALOG[ind].unit != c["unit"]:
                problems.append(f"{where}: indicator {ind} has unit {CATALOG[ind].unit}")
        ps, pe = c["period_start"], c["period_end"]
        if (ps is None) != (pe is None) or (ps is not None and ps > pe):
            problems.append(f"{where}: period {ps}-{pe}")
        pub = published.get(c["article_file"])
        if (
            ps is not None
            and pub
            and pe > int(pub[:4])
            and c["status"] not in ("forecast", "target")
        ):
            problems.append(f"{where}: period after publication but status {c['status']}")
        if not isinstance(c["value"], (int, float)) or c["value"] <= 0:
            problems.append(f"{where}: value {c['value']!r}")
        for n in spans.get(("neutral", c["article_file"]), []):
            if min(n["char_end"], c["char_end"]) > max(n["char_start"], c["char_start"]):
                problems.append(f"{where}: overlaps neutral span {n['quote']!r}")
    return problems


def main() -> int:
    gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    problems = check(gold, HERE / "articles")
    for p in problems:
        print("PROBLEM", p)
    n_claims, n_neutral = len(gold["claims"]), len(gold["neutral"])
    print(
        f"{len(gold['published'])} articles, {n_claims} claims, {n_neutral} neutral spans: "
        f"{'OK' if not problems else f'{len(problems)} problems'}"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
