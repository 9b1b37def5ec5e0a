"""How well the text alone dates an article whose header is lost (issue 9, family 6).

    .venv/bin/python benchmarks/undated_dates.py [--split develop|test|all] [--body-dates]
                                                 [--show] [--no-f1]

Every annotated article with a gold publication date (seeds, benchmarks/heldout*) is stripped
of the lines that date it today (`benchmarks/date_strip.py`: header date lines, footer date
lines, datelines; offsets kept), then parsed again. Reported per split: how often the text alone
gives the gold's publication YEAR and MONTH, how often it gives a wrong one, how often it
abstains; and the pooled strict F1 of the claims extracted from the stripped texts (with the
date found in them) against the gold, next to the F1 of the unstripped texts.

`--body-dates` turns on the body's year (pipeline/lib/ingest/body_dates.py, rule 6 of the
header parser); without it the header parser runs as the PIPELINE_BODY_DATES setting says.

Splits: `develop` = seeds, heldout, heldout2 ... heldout17 (choose rules and thresholds here);
`test` = heldout18 ... heldout27 (measure once at the end).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from date_strip import strip_dates  # noqa: E402
from score import OUT, SETS, locate, score  # noqa: E402

from pipeline.cli_extract import read_text  # noqa: E402
from pipeline.lib.claims import extract_claims  # noqa: E402
from pipeline.lib.ingest.article_headers import parse_header  # noqa: E402

TEST = tuple(f"heldout{i}" for i in range(18, 28))
DEVELOP = tuple(s for s in SETS if s not in TEST)


def _counts(text: str) -> tuple[int, int, int]:
    """(true positives, predicted, gold) of the strict line of the scorer's output."""
    n_gold = int(re.search(r"gold claims (\d+)", text).group(1))
    m = re.search(r"^strict\s+precision ([\d.]+)\s+recall ([\d.]+)", text, re.M)
    p, r = float(m.group(1)), float(m.group(2))
    tp = round(r * n_gold)
    pred = round(tp / p) if p > 0 else 0
    return tp, pred, n_gold


def _f1(tp: int, pred: int, gold: int) -> float:
    return 2 * tp / (pred + gold) if pred + gold else 0.0


def run(sets: tuple[str, ...], show: bool, with_f1: bool, body: bool | None = None) -> dict:
    tally = {"articles": 0, "year": 0, "month": 0, "wrong_year": 0, "abstain": 0}
    counts = {"stripped": [0, 0, 0], "unstripped": [0, 0, 0], "stripped_gold_date": [0, 0, 0]}
    rows = []
    for name in sets:
        articles, gold_path = locate(name)
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        wanted = gold.get("published", {})
        claims = {"stripped": [], "unstripped": [], "stripped_gold_date": []}
        for path in sorted(articles.glob("*.txt")):
            text = read_text(path.read_bytes())
            stripped = strip_dates(text)
            h = parse_header(stripped, body_dates=body)
            want = wanted.get(path.name)
            if want:
                w = dt.date.fromisoformat(want)
                got = h.published_date
                tally["articles"] += 1
                if got is None:
                    tally["abstain"] += 1
                    verdict = "none"
                elif got.year != w.year:
                    tally["wrong_year"] += 1
                    verdict = "WRONG"
                else:
                    tally["year"] += 1
                    same_month = got.month == w.month and getattr(h, "date_precision", "day") in (
                        "day",
                        "month",
                    )
                    tally["month"] += same_month
                    verdict = "month" if same_month else "year"
                rows.append(
                    f"  {verdict:<5} {name}/{path.name:<52} found {got} "
                    f"({h.date_basis}, {getattr(h, 'date_precision', '')}) gold {want}"
                    f"  {(h.date_evidence or '')[:70]!r}"
                )
            if with_f1:
                gold_day = dt.date.fromisoformat(want) if want else None
                for kind, t in (
                    ("stripped", stripped),
                    ("unstripped", text),
                    ("stripped_gold_date", stripped),
                ):
                    day = {
                        "stripped": h.published_date,
                        "unstripped": parse_header(t, body_dates=body).published_date,
                        "stripped_gold_date": gold_day,
                    }[kind]
                    claims[kind].extend(asdict(c) for c in extract_claims(t, day, path.name))
        if with_f1:
            for kind in claims:
                OUT.mkdir(parents=True, exist_ok=True)
                out = OUT / f"claims_undated_{kind}_{Path(name).name}.json"
                out.write_text(json.dumps(claims[kind], ensure_ascii=False), encoding="utf-8")
                _, text = score(out, gold_path, False, None)
                for i, v in enumerate(_counts(text)):
                    counts[kind][i] += v
    if show:
        print("\n".join(rows))
    tally["f1_stripped"] = round(_f1(*counts["stripped"]), 3) if with_f1 else None
    tally["f1_unstripped"] = round(_f1(*counts["unstripped"]), 3) if with_f1 else None
    tally["f1_gold_date"] = round(_f1(*counts["stripped_gold_date"]), 3) if with_f1 else None
    return tally


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--split", choices=("develop", "test", "all"), default="develop")
    ap.add_argument("--show", action="store_true", help="one line per dated article")
    ap.add_argument("--no-f1", action="store_true", help="dates only (fast)")
    ap.add_argument("--body-dates", action="store_true", help="infer a year from the body")
    args = ap.parse_args(argv)
    splits = {"develop": DEVELOP, "test": TEST, "all": DEVELOP + TEST}[args.split]
    t = run(splits, args.show, not args.no_f1, True if args.body_dates else None)
    n = t["articles"]
    print(
        f"{args.split}: {n} dated articles, stripped of header/dateline dates: "
        f"year right {t['year']}/{n}, month right {t['month']}/{n}, "
        f"wrong year {t['wrong_year']}, abstained {t['abstain']}"
    )
    if not args.no_f1:
        print(
            f"pooled strict F1: stripped {t['f1_stripped']:.3f}, unstripped "
            f"{t['f1_unstripped']:.3f}, stripped with the gold's date {t['f1_gold_date']:.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
