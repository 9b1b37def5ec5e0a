"""Score the claims layer on the seed articles against the hand annotation.

    .venv/bin/python benchmarks/score_claims_seeds.py [--out FILE.json] [--no-show] [--min-f1 X]

Runs `extract_claims` on raw/*.txt with the gold's publication dates (falling back to the
article header parser for files the gold does not date), writes the claims as JSON and runs the
shared scorer (`score_claims.py --show`). Prints the time the extraction took.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.cli_extract import header_date, read_text  # noqa: E402
from pipeline.lib.claims import extract_claims  # noqa: E402

GOLD = Path(__file__).resolve().parents[2].joinpath("shared", "gold/seeds.json")
SCORER = Path(__file__).resolve().parents[2].joinpath("shared", "tools/score_claims.py")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--raw", default=str(ROOT / "raw"))
    ap.add_argument("--gold", default=str(GOLD))
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "out" / "claims_seeds.json"))
    ap.add_argument("--no-show", action="store_true")
    ap.add_argument("--min-f1", type=float, default=None)
    args = ap.parse_args(argv)
    gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
    published = gold.get("published", {})
    rows = []
    chars = 0
    t0 = time.perf_counter()
    for path in sorted(Path(args.raw).glob("*.txt")):
        text = read_text(path.read_bytes())
        chars += len(text)
        if path.name in published:
            date = published[path.name]
            pub = dt.date.fromisoformat(date) if date else None
        else:
            pub = header_date(text)
        rows.extend(c.to_dict() for c in extract_claims(text, pub, path.name))
    elapsed = time.perf_counter() - t0
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(rows)} claims from {chars} characters in {elapsed:.3f}s -> {out}")
    cmd = [sys.executable, str(SCORER), "--gold", args.gold, "--claims", str(out)]
    if not args.no_show:
        cmd.append("--show")
    if args.min_f1 is not None:
        cmd += ["--min-f1", str(args.min_f1)]
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
