"""Check that every span of heldout6/gold.json matches its article text."""

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
    for kind in ("claims", "neutral"):
        for row in gold[kind]:
            text = texts.get(row["article_file"])
            if text is None:
                errors.append(f"{kind}: missing file {row['article_file']}")
                continue
            got = text[row["char_start"] : row["char_end"]]
            if got != row["quote"]:
                errors.append(f"{kind}: {row['article_file']} {got!r} != {row['quote']!r}")
            if kind == "claims" and (row["bound"] not in BOUNDS or row["status"] not in STATUSES):
                errors.append(f"bad bound/status: {row}")
    for name, text in texts.items():
        if not 1200 <= len(text) <= 3500:
            errors.append(f"{name}: length {len(text)}")
        if name not in gold["published"]:
            errors.append(f"{name}: no published date")
    for e in errors:
        print(e)
    print(f"{len(gold['claims'])} claims, {len(gold['neutral'])} neutral, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
