"""Score the claims the pipeline extracts against a hand-annotated set, with the shared scorer.

    .venv/bin/python benchmarks/score.py SET [--dates header|gold] [--show] [--min-f1 X]
                                         [--strip-dates] [--[no-]body-dates]
    .venv/bin/python benchmarks/score.py --all [--strip-dates] [--[no-]body-dates]

SET is `seeds` (raw/ against ../shared/gold/seeds.json), `heldout` ... `heldout31`
(benchmarks/<set>/articles against benchmarks/<set>/gold.json) or a folder holding `articles/`
and `gold.json`. Each article goes through what `python -m pipeline extract PATH` runs (decoding,
the header's publication date, extract_claims); `--dates gold` passes the gold's dates instead,
to score extraction without the header parser. The claims are written to benchmarks/out/ and
scored by `../shared/tools/score_claims.py`; then the publication dates found are compared with
the gold's. `--all` prints one summary line per set.

`--strip-dates` first blanks the lines that date each article (header and footer date lines,
datelines: benchmarks/date_strip.py, offsets kept), as a page scraped without its header;
The header parser infers an undated text's year from its body (PIPELINE_BODY_DATES, on by
default, pipeline/lib/ingest/body_dates.py); `--no-body-dates` scores without it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score_claims.py"
OUT = ROOT / "benchmarks" / "out"
SETS = (
    "seeds",
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

sys.path.insert(0, str(ROOT))

from pipeline.cli_extract import header_date, read_text  # noqa: E402
from pipeline.lib.claims import extract_claims  # noqa: E402


def locate(name: str) -> tuple[Path, Path]:
    """(articles folder, gold file) of a set."""
    if name == "seeds":
        return ROOT / "raw", SHARED / "gold" / "seeds.json"
    folder = ROOT / "benchmarks" / name if name in SETS else Path(name)
    return folder / "articles", folder / "gold.json"


def run_set(
    name: str, dates: str, strip: bool = False, body: bool | None = None
) -> tuple[Path, dict, dict, float]:
    """Extract every article of the set; returns (claims file, gold, dates found, seconds)."""
    articles, gold_path = locate(name)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    wanted = gold.get("published", {})
    rows, found = [], {}
    seconds = 0.0
    for path in sorted(articles.glob("*.txt")):
        text = read_text(path.read_bytes())
        if strip:
            from date_strip import strip_dates  # benchmarks/date_strip.py

            text = strip_dates(text)
        t0 = time.perf_counter()
        found[path.name] = header_date(text, body)
        if dates == "gold" and path.name in wanted:
            day = dt.date.fromisoformat(wanted[path.name]) if wanted[path.name] else None
        else:
            day = found[path.name]
        claims = extract_claims(text, day, path.name)
        seconds += time.perf_counter() - t0
        rows.extend(asdict(c) for c in claims)
    OUT.mkdir(parents=True, exist_ok=True)
    out = OUT / f"claims_{Path(name).name}.json"
    out.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return out, gold, found, seconds


def score(claims: Path, gold_path: Path, show: bool, min_f1: float | None) -> tuple[int, str]:
    cmd = [sys.executable, str(SCORER), "--gold", str(gold_path), "--claims", str(claims)]
    cmd += ["--show"] if show else []
    cmd += ["--min-f1", str(min_f1)] if min_f1 is not None else []
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    return proc.returncode, proc.stdout + proc.stderr


def date_report(gold: dict, found: dict) -> tuple[int, list[str]]:
    lines, ok = [], 0
    for name, got in sorted(found.items()):
        want = gold.get("published", {}).get(name)
        same = (got.isoformat() if got else None) == want
        ok += same
        lines.append(f"  {'ok  ' if same else 'DIFF'} {name:<48} found {got}  gold {want}")
    return ok, lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("set", nargs="?", help="seeds, heldout, heldout2, heldout3, or a folder")
    ap.add_argument("--all", action="store_true", help="a summary line for every set")
    ap.add_argument("--dates", choices=("header", "gold"), default="header")
    ap.add_argument("--show", action="store_true", help="list every miss, wrong attribute, extra")
    ap.add_argument("--min-f1", type=float, default=None, help="exit 1 below this strict F1")
    ap.add_argument("--strip-dates", action="store_true", help="blank header/dateline dates")
    body_group = ap.add_mutually_exclusive_group()
    body_group.add_argument(
        "--body-dates", action="store_true", help="infer a year from the body (the default)"
    )
    body_group.add_argument(
        "--no-body-dates", action="store_true", help="never infer a year from the body"
    )
    args = ap.parse_args(argv)
    if not args.all and not args.set:
        ap.error("name a set, or --all")
    if not SCORER.exists():
        ap.error(f"the shared scorer is not at {SCORER}")
    body = True if args.body_dates else (False if args.no_body_dates else None)
    if args.all:
        print(
            f"{'set':<10} {'claims':>6} {'mention F1':>10} {'strict F1':>9} {'dates':>6} {'s':>6}"
        )
        for name in SETS:
            claims, gold, found, seconds = run_set(name, args.dates, args.strip_dates, body)
            _, text = score(claims, locate(name)[1], False, None)
            mention = re.search(r"^mention .* F1 ([\d.]+)", text, re.M).group(1)
            strict = re.search(r"^strict .* F1 ([\d.]+)", text, re.M).group(1)
            ok, _ = date_report(gold, found)
            n = len(gold["claims"])
            print(
                f"{name:<10} {n:>6} {mention:>10} {strict:>9} {ok:>3}/{len(found):<2} {seconds:6.2f}"
            )
        return 0
    claims, gold, found, seconds = run_set(args.set, args.dates, args.strip_dates, body)
    code, text = score(claims, locate(args.set)[1], args.show, args.min_f1)
    print(text, end="")
    ok, lines = date_report(gold, found)
    print(f"\npublished dates found by the header parser: {ok}/{len(found)} as in the gold")
    if args.show:
        print("\n".join(lines))
    print(f"extraction took {seconds:.2f} s for {len(found)} articles")
    return code


if __name__ == "__main__":
    sys.exit(main())
