#!/usr/bin/env python3
"""Checks benchmarks/heldout/gold.json against the article texts and prints counts.

- every claim / neutral span: text[char_start:char_end] == quote (Python indices, UTF-8 text)
- attributes: bound, status, unit, indicator ids (catalog), periods, "published" for every file
- no neutral span overlaps a claim span; no duplicate claims

    python benchmarks/heldout/check_gold.py      (exit 1 on any problem)
"""

import collections
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

BOUNDS = {"exact", "approx", "lower", "upper"}
STATUSES = {"actual", "estimate", "forecast", "target"}


def catalog():
    try:
        from pipeline.metadata import indicators, units

        return set(indicators.CATALOG) | {indicators.UNCLASSIFIED}, set(units.STORED_CODES)
    except Exception as exc:  # the metadata modules are plain Python; should import
        print(f"warning: cannot import catalog ({exc}); ids and units not checked")
        return None, None


def main():
    gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    problems = []
    ids, codes = catalog()
    if codes is not None:
        codes = codes | {"EFLOPS"}  # the catalog's unit for computing_power_total
    assert gold.get("schema") == "claims-gold/1", "schema"
    files = sorted(p.name for p in (HERE / "articles").glob("*.txt"))
    if sorted(gold["published"]) != files:
        problems.append(f"published keys {sorted(gold['published'])} != files {files}")
    for f, d in gold["published"].items():
        if d is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", d):
            problems.append(f"{f}: bad date {d!r}")
    texts = {f: (HERE / "articles" / f).read_text(encoding="utf-8") for f in files}
    for f, t in texts.items():
        if not 1500 <= len(t) <= 5000:
            problems.append(f"{f}: length {len(t)} outside 1500-5000")

    def span_ok(item, kind):
        t = texts.get(item["article_file"])
        if t is None:
            problems.append(f"{kind} in unknown file {item['article_file']}")
            return
        got = t[item["char_start"] : item["char_end"]]
        if got != item["quote"]:
            problems.append(
                f"{kind} {item['article_file']}:{item['char_start']} {item['quote']!r} != {got!r}"
            )

    seen = set()
    for c in gold["claims"]:
        span_ok(c, "claim")
        key = (c["article_file"], c["char_start"], c["char_end"], c["value"], c["unit"], c["bound"])
        if key in seen:
            problems.append(f"duplicate claim {key}")
        seen.add(key)
        if c["bound"] not in BOUNDS:
            problems.append(f"bad bound {c}")
        if c["status"] not in STATUSES:
            problems.append(f"bad status {c}")
        if codes is not None and c["unit"] not in codes:
            problems.append(f"unit {c['unit']!r} not in vocabulary: {c['quote']!r}")
        if ids is not None and c["indicator"] not in ids:
            problems.append(f"indicator {c['indicator']!r} not in catalog: {c['quote']!r}")
        if (c["unit"] == "count") != bool(c.get("counted")):
            problems.append(f"counted noun iff count: {c['quote']!r}")
        ps, pe = c["period_start"], c["period_end"]
        if (ps is None) != (pe is None) or (ps is not None and ps > pe):
            problems.append(f"bad period {ps}-{pe}: {c['quote']!r}")
        pub = gold["published"].get(c["article_file"])
        if (
            pub
            and pe is not None
            and pe > int(pub[:4])
            and c["status"] not in ("forecast", "target")
        ):
            problems.append(f"period after publication but status {c['status']}: {c['quote']!r}")
    for n in gold["neutral"]:
        span_ok(n, "neutral")
        for c in gold["claims"]:
            if c["article_file"] == n["article_file"] and min(c["char_end"], n["char_end"]) > max(
                c["char_start"], n["char_start"]
            ):
                problems.append(f"neutral {n['quote']!r} overlaps claim {c['quote']!r}")

    per = collections.Counter(c["article_file"] for c in gold["claims"])
    neu = collections.Counter(n["article_file"] for n in gold["neutral"])
    for f in files:
        print(
            f"{f:<42} {len(texts[f]):>5} chars  published {str(gold['published'][f]):<10}  claims {per[f]:>3}  neutral {neu[f]:>3}"
        )
    print(
        f"total: {len(files)} articles, {len(gold['claims'])} claims, {len(gold['neutral'])} neutral spans"
    )
    for name in ("unit", "bound", "status", "indicator"):
        print(
            f"  {name}: {dict(collections.Counter(c[name] for c in gold['claims']).most_common())}"
        )
    for p in problems:
        print("PROBLEM", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
