"""Mention-level score of the quantity extractor on the seed articles.

    .venv/bin/python benchmarks/score_mentions.py [--out FILE.json] [--no-show]

Runs `extract()` on every raw/*.txt, writes a claims JSON (article_file, char_start, char_end,
value, unit, bound, counted; bare numbers with unit None are left out: the claims layer infers
their unit from context) and runs ../shared/tools/score_claims.py on it. Only the mention
figure (value + unit + span) is meaningful here: periods, status and indicators belong to the
claims layer.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.lib.quantities import extract  # noqa: E402

GOLD = pathlib.Path(__file__).resolve().parents[2].joinpath("shared", "gold/seeds.json")
SCORER = pathlib.Path(__file__).resolve().parents[2].joinpath("shared", "tools/score_claims.py")


def claims_for(raw_dir: pathlib.Path) -> list[dict]:
    claims = []
    for path in sorted(raw_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for q in extract(text).quantities:
            if q.unit is None:
                continue
            claims.append(
                {
                    "article_file": path.name,
                    "char_start": q.start,
                    "char_end": q.end,
                    "quote": q.text,
                    "value": q.value,
                    "unit": q.unit,
                    "bound": q.bound,
                    "counted": q.counted,
                }
            )
    return claims


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", default="/tmp/quantities_claims.json")
    ap.add_argument("--no-show", action="store_true")
    ap.add_argument("--raw", default=str(ROOT / "raw"))
    args = ap.parse_args()
    claims = claims_for(pathlib.Path(args.raw))
    pathlib.Path(args.out).write_text(json.dumps({"claims": claims}, indent=1), encoding="utf-8")
    cmd = [sys.executable, str(SCORER), "--gold", str(GOLD), "--claims", args.out]
    if not args.no_show:
        cmd.append("--show")
    out = subprocess.run(cmd, check=False, capture_output=True, text=True).stdout
    for line in out.splitlines():
        # periods, status and indicators are the claims layer's job: only show what is ours
        if "WRONG" in line and " bound:" not in line:
            continue
        if line.startswith(("  period", "  status", "  indicator", "strict")):
            continue
        print(line)


if __name__ == "__main__":
    main()
