"""Score the extractor on the third held-out set (benchmarks/heldout3) as a user would run it.

    python benchmarks/score_heldout3.py [--out FILE.json] [--no-show] [--min-f1 X]

For each article, runs `.venv/bin/python -m pipeline extract PATH` WITHOUT --published (the
pipeline must find the publication date in the header itself), maps each claim's article_file
back to the file name, writes all claims as one JSON file and runs the shared scorer
(`../shared/tools/score_claims.py --gold benchmarks/heldout3/gold.json --claims FILE --show`).
Then prints, per article, the publication date the header parser finds next to the gold's.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
SCORER = SHARED / "tools" / "score_claims.py"
HELDOUT = ROOT / "benchmarks" / "heldout3"
GOLD = HELDOUT / "gold.json"
PYTHON = ROOT / ".venv" / "bin" / "python"

DATE_SNIPPET = (
    "import sys\n"
    "from pipeline.lib.article_headers import parse_header\n"
    "text = open(sys.argv[1], encoding='utf-8').read()\n"
    "h = parse_header(text)\n"
    "print(h.published_date.isoformat() if h.published_date else 'None', h.date_basis or '')\n"
)


def python() -> str:
    return str(PYTHON) if PYTHON.exists() else sys.executable


def extract(path: Path) -> list[dict]:
    proc = subprocess.run(
        [python(), "-m", "pipeline", "extract", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        print(f"extract failed on {path.name}: {proc.stderr.strip()[-500:]}", file=sys.stderr)
    rows = []
    for line in proc.stdout.splitlines():
        line = line.strip()
        if not line:
            continue
        row = json.loads(line)
        row["article_file"] = Path(row["article_file"]).name
        rows.append(row)
    return rows


def found_date(path: Path) -> str:
    proc = subprocess.run(
        [python(), "-c", DATE_SNIPPET, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        return "ERROR " + proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "ERROR"
    return proc.stdout.strip()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--gold", default=str(GOLD))
    ap.add_argument("--articles", default=str(HELDOUT / "articles"))
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "out" / "claims_heldout3.json"))
    ap.add_argument("--no-show", action="store_true")
    ap.add_argument("--min-f1", type=float, default=None)
    args = ap.parse_args(argv)
    gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
    paths = sorted(Path(args.articles).glob("*.txt"))
    rows = []
    for path in paths:
        rows.extend(extract(path))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(rows)} claims from {len(paths)} articles -> {out}")
    cmd = [sys.executable, str(SCORER), "--gold", args.gold, "--claims", str(out)]
    if not args.no_show:
        cmd.append("--show")
    if args.min_f1 is not None:
        cmd += ["--min-f1", str(args.min_f1)]
    code = subprocess.run(cmd, cwd=ROOT, check=False).returncode
    print("\npublished dates (pipeline header parser vs gold):")
    want = gold.get("published", {})
    ok = 0
    for path in paths:
        got = found_date(path)
        gold_date = want.get(path.name)
        got_date = got.split()[0] if got else "None"
        same = got_date == (gold_date or "None")
        ok += same
        print(f"  {'ok  ' if same else 'DIFF'} {path.name:<45} found {got:<28} gold {gold_date}")
    print(f"published dates correct {ok}/{len(paths)}")
    return code


if __name__ == "__main__":
    sys.exit(main())
