"""Check heldout4/gold.json: every claim and neutral span quotes its article exactly.

python benchmarks/heldout4/check_gold.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BOUNDS = {"exact", "approx", "lower", "upper"}
STATUSES = {"actual", "estimate", "forecast", "target"}


def main() -> int:
    gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    texts = {p.name: p.read_text(encoding="utf-8") for p in (HERE / "articles").glob("*.txt")}
    errors = []
    if set(gold["published"]) != set(texts):
        errors.append(f"published keys {sorted(gold['published'])} != articles {sorted(texts)}")
    for kind in ("claims", "neutral"):
        for item in gold[kind]:
            text = texts.get(item["article_file"])
            got = None if text is None else text[item["char_start"] : item["char_end"]]
            if got != item["quote"]:
                errors.append(
                    f"{kind} {item['article_file']}:{item['char_start']} {item['quote']!r} != {got!r}"
                )
    for c in gold["claims"]:
        if c["bound"] not in BOUNDS or c["status"] not in STATUSES:
            errors.append(f"bad bound/status {c}")
        if (c["unit"] == "count") != bool(c["counted"]):
            errors.append(f"counted noun must be set exactly for counts: {c['quote']!r}")
    for size in (len(t) for t in texts.values()):
        if not 1500 <= size <= 4000:
            errors.append(f"article size {size} outside 1500-4000")
    for e in errors:
        print(e)
    print(
        f"{len(gold['claims'])} claims, {len(gold['neutral'])} neutral spans, {len(errors)} errors"
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
