#!/usr/bin/env python3
"""Scores the extractor on the held-out articles (benchmarks/heldout/).

For each article in benchmarks/heldout/gold.json, runs
    .venv/bin/python -m pipeline extract benchmarks/heldout/articles/FILE [--published DATE]
(DATE = the gold's "published" for that file; omitted when null), collects the printed claims
with article_file set to the file name, writes them to a temporary JSON file and runs
    python ../shared/tools/score_claims.py --gold benchmarks/heldout/gold.json --claims TMP.json [--show]

    python benchmarks/score_heldout.py [--show] [--keep PATH] [--min-f1 X]
"""

import argparse
import json
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "benchmarks" / "heldout"
GOLD = HELDOUT / "gold.json"
SCORER = pathlib.Path(__file__).resolve().parents[2].joinpath("shared", "tools/score_claims.py")


def python_exe():
    venv = ROOT / ".venv" / "bin" / "python"
    return str(venv) if venv.exists() else sys.executable


def extract(fname, published):
    path = HELDOUT / "articles" / fname
    rel = str(path.relative_to(ROOT))
    cmd = [python_exe(), "-m", "pipeline", "extract", rel]
    if published:
        cmd += ["--published", published]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(f"extract failed for {fname} (exit {proc.returncode}):\n{proc.stderr}\n")
        return []
    claims = []
    for line in proc.stdout.splitlines():
        line = line.strip()
        if not line.startswith("{"):
            continue
        row = json.loads(line)
        given = row.get("article_file")
        if given not in (rel, str(path), fname):
            sys.stderr.write(f"warning: unexpected article_file {given!r} for {fname}\n")
        row["article_file"] = fname
        claims.append(row)
    return claims


def main():
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--keep", help="also write the collected claims JSON here")
    ap.add_argument("--min-f1", type=float)
    args = ap.parse_args()
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    claims = []
    for fname, published in sorted(gold["published"].items()):
        got = extract(fname, published)
        print(f"{fname}: {len(got)} claims extracted", file=sys.stderr)
        claims.extend(got)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as tmp:
        json.dump(claims, tmp, ensure_ascii=False)
        tmp_path = tmp.name
    if args.keep:
        pathlib.Path(args.keep).write_text(
            json.dumps(claims, ensure_ascii=False, indent=1), encoding="utf-8"
        )
    cmd = [sys.executable, str(SCORER), "--gold", str(GOLD), "--claims", tmp_path]
    if args.show:
        cmd.append("--show")
    if args.min_f1 is not None:
        cmd += ["--min-f1", str(args.min_f1)]
    rc = subprocess.run(cmd, cwd=ROOT).returncode
    pathlib.Path(tmp_path).unlink(missing_ok=True)
    sys.exit(rc)


if __name__ == "__main__":
    main()
