"""Scale of the whole pipeline: cold runs and one-article updates on generated archives.

    .venv/bin/python benchmarks/bench_scale.py [--sizes 1000,10000,100000] [--keep]
    .venv/bin/python benchmarks/bench_scale.py --generate-only --sizes 1000
    .venv/bin/python benchmarks/bench_scale.py --sizes 10000 --incremental-only  # +1 / -1 only,
        # on the warehouse a previous `--keep` run left in benchmarks/out/scale/run_N/

For each size N it generates a realistic corpus of N articles (about 4 KB each) from the
project's own texts - paragraphs of the seeds and the held-out sets recombined, every number
perturbed, a title and a dated outlet line on top - under benchmarks/out/scale/corpus_N/, then:

1. cold run: `python -m pipeline run --raw corpus_N --warehouse <fresh file>` with a fresh
   DAGSTER_HOME: wall time, CPU time of the process tree, peak RSS of the process tree (the sum
   over the pipeline process and its workers, sampled every 0.1 s from /proc), and the seconds
   of each step (from the run's own per-step summary);
2. one new article dropped into the folder, then the same command again (the incremental run):
   wall time of the command, and `published_s`: the seconds from the command's start until the
   run prints that the publish step is done (the published file holds the new article from
   then on; the report step follows);
3. the same with the article removed again (back to the cold state).

It prints one table (Markdown) and writes benchmarks/out/scale/results.json. The machine is
shared: wall times vary by a few tens of percent between runs; CPU time is steadier. Each run's
`all_steps_s` holds every step's seconds from the run's log (asset checks included), and
`outside_steps_s` the wall time spent outside any step (start-up, Dagster's bookkeeping).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out" / "scale"
PY = sys.executable

OUTLETS = (
    "Xinhua", "China Daily", "Global Times", "CGTN", "Caixin Global", "People's Daily Online",
    "Economic Daily", "Science and Technology Daily", "China Securities Journal", "Seetao",
)  # fmt: skip
_NUM = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w,]*G\b)(?!\d)")


def source_paragraphs() -> list[str]:
    """Paragraphs of the project's own texts (seeds and held-out sets), header lines dropped."""
    files = sorted((ROOT / "raw").glob("*.txt")) + sorted(
        (ROOT / "benchmarks").glob("heldout*/articles/*.txt")
    )
    paras: list[str] = []
    for f in files:
        text = f.read_text(encoding="utf-8", errors="replace")
        for p in re.split(r"\n\s*\n", text):
            p = p.strip()
            if len(p) >= 200 and sum(ch.isdigit() for ch in p) >= 2:
                paras.append(p)
    return paras


def _perturb(paragraph: str, rng: random.Random) -> str:
    """Change every number a little (keep years plausible, keep decimals' precision)."""

    def one(m: re.Match) -> str:
        whole, frac = m.group(1), m.group(2)
        grouped = "," in whole
        n = int(whole.replace(",", ""))
        if frac:
            v = float(f"{n}{frac}") * rng.uniform(0.7, 1.3)
            return f"{v:,.{len(frac) - 1}f}" if grouped else f"{v:.{len(frac) - 1}f}"
        if 1990 <= n <= 2035 and len(whole) == 4:  # a year: shift it a little
            return str(min(2030, max(2000, n + rng.choice((-2, -1, 0, 0, 1)))))
        v = max(1, round(n * rng.uniform(0.7, 1.3)))
        return f"{v:,}" if grouped else str(v)

    return _NUM.sub(one, paragraph)


def make_article(i: int, paras: list[str], rng: random.Random, target_bytes: int = 3200) -> str:
    day = f"{rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    body: list[str] = []
    size = 0
    while size < target_bytes:
        p = _perturb(rng.choice(paras), rng)
        body.append(p)
        size += len(p) + 2
    first = re.split(r"(?<=[.!?])\s", body[0], maxsplit=1)[0][:90]
    title = f"Industrial Internet update {i}: {first}"
    return f"{title}\n{rng.choice(OUTLETS)} | {day}\n\n" + "\n\n".join(body) + "\n"


def generate(n: int, seed: int = 20261201) -> Path:
    """The corpus of n articles (kept between runs; regenerated when missing or incomplete)."""
    folder = OUT / f"corpus_{n}"
    done = folder / ".complete"
    if done.exists():
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    paras = source_paragraphs()
    rng = random.Random(seed)
    for i in range(n):
        sub = folder / f"{i // 1000:03d}"  # 1,000 files a folder, as archives are kept
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"article_{i:06d}.txt").write_text(make_article(i, paras, rng), encoding="utf-8")
    done.write_text(str(n))  # a dotfile: ingestion records it as hidden, never reads it
    return folder


# ---------------------------------------------------------------------------------------------
# Measuring a run


def _tree_rss_bytes(pid: int) -> int:
    """RSS of a process and all its descendants (from /proc)."""
    children: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(d))
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        stack.extend(children.get(p, []))
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
                        break
        except OSError:
            pass
    return total


_DURATION = re.compile(
    r'Finished execution of step "([^"]+)" in (?:(\d+)h)?(?:(\d+)m(?!s))?(?:([\d.]+)s)?'
    r"(?:([\d.]+)ms)?"
)


def step_seconds(log_file: Path) -> dict[str, float]:
    """Seconds of every step of a run (asset checks included), from its Dagster log."""
    out: dict[str, float] = {}
    try:
        text = log_file.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return out
    for m in _DURATION.finditer(text):
        h, mi, s, ms = (float(g) if g else 0.0 for g in m.group(2, 3, 4, 5))
        out[m.group(1)] = round(h * 3600 + mi * 60 + s + ms / 1000, 2)
    return out


def timed_run(raw: Path, warehouse: Path, home: Path) -> dict:
    env = {**os.environ, "DAGSTER_HOME": str(home)}
    home.mkdir(parents=True, exist_ok=True)
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    cmd = [PY, "-m", "pipeline", "run", "--raw", str(raw), "--warehouse", str(warehouse)]
    t0 = time.monotonic()
    before = os.times()
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    peak = [0]

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], _tree_rss_bytes(proc.pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    lines, published_at = [], None
    for raw_line in proc.stdout:  # as the run prints them: when was the warehouse published?
        line = raw_line.decode("utf-8", "replace")
        lines.append(line)
        if published_at is None and line.startswith("done published_warehouse"):
            published_at = time.monotonic() - t0
    out = "".join(lines)
    proc.wait()
    sampler.join()
    wall = time.monotonic() - t0
    after = os.times()
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    steps = {
        m.group(1): float(m.group(2))
        for m in re.finditer(r"^\s*(?:done|step)\s+(\S+)\s.*?([\d.]+) s\b", out, re.M)
    }
    log = re.search(r"^full log: (.+)$", out, re.M)
    all_steps = step_seconds(Path(log.group(1))) if log else {}
    return {
        "exit": proc.returncode,
        "wall_s": round(wall, 1),
        # the published file holds the new state from here on (the report step follows)
        "published_s": None if published_at is None else round(published_at, 1),
        "cpu_s": round(cpu, 1),
        "peak_rss_gb": round(peak[0] / 1e9, 2),
        "steps_s": steps,
        "all_steps_s": all_steps,
        "outside_steps_s": round(wall - sum(all_steps.values()), 1),
        "tail": out.strip().splitlines()[-6:],
    }


def bench(n: int, keep: bool, incremental_only: bool = False) -> dict:
    corpus = generate(n)
    work = OUT / f"run_{n}"
    warehouse = work / "warehouse" / "industrial_internet.duckdb"
    home = work / "dagster_home"
    if incremental_only:
        if not warehouse.exists():
            raise SystemExit(f"{warehouse} is missing: run once with --keep first")
        cold: dict = {}
        keep = True
    else:
        if work.exists():
            shutil.rmtree(work)
        print(f"[{n}] cold run ...", flush=True)
        cold = timed_run(corpus, warehouse, home)
        print(f"[{n}] cold: {cold['wall_s']} s wall, {cold['peak_rss_gb']} GB", flush=True)
    extra = corpus / "zz_new" / "new_article.txt"
    extra.parent.mkdir(exist_ok=True)
    extra.write_text(make_article(n + 1, source_paragraphs(), random.Random(n)), encoding="utf-8")
    try:
        print(f"[{n}] one new article ...", flush=True)
        add = timed_run(corpus, warehouse, home)
    finally:
        shutil.rmtree(extra.parent)
    print(f"[{n}] one removed again ...", flush=True)
    remove = timed_run(corpus, warehouse, home)
    if not keep:
        shutil.rmtree(work, ignore_errors=True)
    return {"articles": n, "cold": cold, "add_one": add, "remove_one": remove}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated article counts")
    ap.add_argument("--generate-only", action="store_true")
    ap.add_argument("--keep", action="store_true", help="keep the warehouses and instances")
    ap.add_argument(
        "--incremental-only",
        action="store_true",
        help="skip the cold run: +1 and -1 on the warehouse kept by an earlier --keep run",
    )
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if args.generate_only:
        for n in sizes:
            print(generate(n))
        return 0
    results = [bench(n, args.keep, args.incremental_only) for n in sizes]
    OUT.mkdir(parents=True, exist_ok=True)
    name = "results_incremental.json" if args.incremental_only else "results.json"
    (OUT / name).write_text(json.dumps(results, indent=1))
    print()
    print(
        "| articles | cold wall | cold CPU | peak RSS | +1 article (published after) "
        "| -1 article (published after) | exit |"
    )
    print("|---:|---:|---:|---:|---:|---:|---|")
    for r in results:
        c = r["cold"] or {"wall_s": "-", "cpu_s": "-", "peak_rss_gb": "-", "exit": "-"}
        print(
            f"| {r['articles']:,} | {c['wall_s']} s | {c['cpu_s']} s | {c['peak_rss_gb']} GB "
            f"| {r['add_one']['wall_s']} s ({r['add_one']['published_s']} s) "
            f"| {r['remove_one']['wall_s']} s ({r['remove_one']['published_s']} s) "
            f"| {c['exit']}/{r['add_one']['exit']}/{r['remove_one']['exit']} |"
        )
    for r in results:
        for run in ("cold", "add_one", "remove_one"):
            steps = (r[run] or {}).get("all_steps_s")
            if steps:
                print(
                    f"\nsteps of {run} at {r['articles']:,} ({r[run]['wall_s']} s wall, "
                    f"{r[run]['cpu_s']} s CPU, {r[run]['outside_steps_s']} s outside steps): "
                    + ", ".join(f"{k} {v:.1f}" for k, v in steps.items())
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
