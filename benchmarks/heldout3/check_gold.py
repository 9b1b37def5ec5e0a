"""Check the third held-out gold file (benchmarks/heldout3/gold.json) against its articles.

    python benchmarks/heldout3/check_gold.py

Verifies, for every claim and neutral span, that text[char_start:char_end] == quote in the UTF-8
article, that attributes use the allowed values, that catalog ids exist in the indicator ids
listed here (checked by hand against pipeline/metadata/indicators.py), that no claim overlaps a
neutral span, and that every article is listed in "published". Exits 1 on any problem.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BOUNDS = {"exact", "approx", "lower", "upper"}
STATUSES = {"actual", "estimate", "forecast", "target"}
UNITS = {
    "CNY",
    "USD",
    "EUR",
    "HKD",
    "percent",
    "percentage_point",
    "count",
    "t",
    "kWh",
    "kW",
    "tce",
    "m2",
}
INDICATORS = {
    "unclassified",
    "digital_economy_scale",
    "digital_economy_gdp_share",
    "five_g_base_stations",
    "five_g_users",
    "gigabit_broadband_users",
    "iip_added_value",
    "iip_added_value_gdp_share",
    "iip_added_value_nominal_growth",
    "iip_industry_scale",
    "iip_platforms_influential",
    "industrial_equipment_connections",
    "identification_registrations",
    "identification_secondary_nodes",
    "iip_5g_projects",
    "industrial_apps",
    "key_process_nc_rate",
    "digital_rd_tools_penetration",
    "five_g_private_networks",
    "iip_economy_categories_covered",
    "im_demo_factories",
}
CLAIM_KEYS = {
    "article_file",
    "quote",
    "char_start",
    "char_end",
    "value",
    "unit",
    "counted",
    "bound",
    "period_start",
    "period_end",
    "status",
    "indicator",
    "note",
}


def main() -> int:
    gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    texts = {
        p.name: p.read_text(encoding="utf-8") for p in sorted((HERE / "articles").glob("*.txt"))
    }
    problems: list[str] = []
    if set(gold["published"]) != set(texts):
        problems.append(
            f"published keys differ from articles: {set(gold['published']) ^ set(texts)}"
        )
    for kind in ("claims", "neutral"):
        for item in gold[kind]:
            text = texts.get(item["article_file"])
            where = f"{kind} {item['article_file']}:{item['char_start']} {item['quote']!r}"
            if text is None:
                problems.append(f"{where}: unknown article")
                continue
            if text[item["char_start"] : item["char_end"]] != item["quote"]:
                problems.append(
                    f"{where}: offsets give {text[item['char_start'] : item['char_end']]!r}"
                )
    for cl in gold["claims"]:
        where = f"{cl['article_file']}:{cl['char_start']} {cl['quote']!r}"
        if set(cl) != CLAIM_KEYS:
            problems.append(f"{where}: keys {sorted(set(cl) ^ CLAIM_KEYS)}")
        if cl["bound"] not in BOUNDS:
            problems.append(f"{where}: bound {cl['bound']}")
        if cl["status"] not in STATUSES:
            problems.append(f"{where}: status {cl['status']}")
        if cl["unit"] not in UNITS:
            problems.append(f"{where}: unit {cl['unit']}")
        if cl["indicator"] not in INDICATORS:
            problems.append(f"{where}: indicator {cl['indicator']}")
        if (cl["unit"] == "count") != (cl["counted"] is not None):
            problems.append(f"{where}: counted must be set exactly for counts")
        ps, pe = cl["period_start"], cl["period_end"]
        if (ps is None) != (pe is None) or (ps is not None and ps > pe):
            problems.append(f"{where}: period {ps}-{pe}")
        for ne in gold["neutral"]:
            if ne["article_file"] == cl["article_file"] and min(
                ne["char_end"], cl["char_end"]
            ) > max(ne["char_start"], cl["char_start"]):
                problems.append(f"{where}: overlaps neutral {ne['quote']!r}")
    spans: dict[tuple[str, int], str] = {}
    for cl in gold["claims"]:
        key = (cl["article_file"], cl["char_start"])
        if key in spans:
            problems.append(f"duplicate claim start {key}")
        spans[key] = cl["quote"]
    for name, text in texts.items():
        if not 1200 <= len(text) <= 4500:
            problems.append(f"{name}: {len(text)} characters")
    for p in problems:
        print("PROBLEM", p)
    per = {n: sum(c["article_file"] == n for c in gold["claims"]) for n in texts}
    print(
        f"{len(gold['claims'])} claims, {len(gold['neutral'])} neutral spans, {len(texts)} articles"
    )
    for n, k in per.items():
        print(f"  {n:<45} {k:>3} claims  published {gold['published'][n]}")
    print("OK" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
