"""The claims the rules gave on each annotated set before they were tuned on it ("first contact").

    .venv/bin/python benchmarks/first_contact.py [SET ...]

For a set `benchmarks/<SET>/gold.json`, the rules "at first contact" are the code of the parent of
the commit that added the gold file (git history; nothing is checked out: `git archive` unpacks
`pipeline/` of that commit under benchmarks/out/first_contact/<commit>/). Each article is
extracted with that code in a subprocess, with the publication date the current header parser
finds (the old one crashed on some headers; the dates are not what is measured) and the claims
are written to benchmarks/out/first_contact/claims_<SET>.json (cached: delete to redo). A set that
is not in the history yet (a brand-new set) is first met by the current code: its first-contact
claims are the current rules' claims.

benchmarks/learn_attribution.py uses these files to measure whether a learned period/status
chooser helps the rules where they were weakest: on articles they had never seen.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out" / "first_contact"
sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(ROOT / "benchmarks"))

_RUNNER = r"""
import datetime as dt, json, sys
from dataclasses import asdict
from pathlib import Path
from pipeline.cli_extract import read_text
from pipeline.lib.claims import extract_claims
dates = json.loads(sys.argv[3])
rows = []
for path in sorted(Path(sys.argv[1]).glob("*.txt")):
    text = read_text(path.read_bytes())
    day = dt.date.fromisoformat(dates[path.name]) if dates.get(path.name) else None
    rows.extend(asdict(c) for c in extract_claims(text, day, path.name))
Path(sys.argv[2]).write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
"""


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()


def first_commit(gold: Path) -> str | None:
    """The commit that added `gold` (None when the file is not in the history)."""
    try:
        rel = gold.resolve().relative_to(ROOT)
    except ValueError:
        return None
    out = _git("log", "--diff-filter=A", "--format=%H", "--", str(rel))
    return out.splitlines()[-1] if out else None


def _unpack(commit: str) -> Path:
    dest = OUT / commit[:12]
    if (dest / "pipeline").is_dir():
        return dest
    data = subprocess.run(
        ["git", "archive", commit, "pipeline"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    dest.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=BytesIO(data)) as tar:
        tar.extractall(dest, filter="data")
    return dest


def first_contact_claims(name: str, articles: Path, gold: Path) -> list[dict]:
    """The first-contact claims of a set (computed once, then read from the cache)."""
    out = OUT / f"claims_{Path(name).name}.json"
    if out.exists():
        return json.loads(out.read_text(encoding="utf-8"))
    OUT.mkdir(parents=True, exist_ok=True)
    added = first_commit(gold)
    code = _unpack(_git("rev-parse", f"{added}^")) if added else ROOT
    from pipeline.cli_extract import header_date, read_text

    dates = {}
    for path in sorted(articles.glob("*.txt")):
        day = header_date(read_text(path.read_bytes()))
        dates[path.name] = day.isoformat() if day else None
    subprocess.run(
        [sys.executable, "-c", _RUNNER, str(articles), str(out), json.dumps(dates)],
        cwd=code,
        env={"PYTHONPATH": str(code), "PATH": "/usr/bin:/bin"},
        check=True,
    )
    return json.loads(out.read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    from score import SETS, locate

    names = (argv if argv is not None else sys.argv[1:]) or [s for s in SETS if s != "seeds"]
    for name in names:
        articles, gold = locate(name)
        rows = first_contact_claims(name, articles, gold)
        print(f"{name:<10} {len(rows):>5} claims  (rules of {first_commit(gold) or 'HEAD'}^)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
