"""Time from dropping one article into raw/ to its publication, through the raw folder sensor.

    .venv/bin/python benchmarks/bench_sensor.py [--sizes 1000,10000] [--repeat 2]

For each size N it uses the generated corpus benchmarks/out/scale/corpus_N (bench_scale.py makes
it) and a warehouse of its own under benchmarks/out/sensor/run_N: `python -m pipeline run` brings
that warehouse up to date first (cold the first time, or when the rules changed). Then it starts
the Dagster daemon (`dagster-daemon run`, what `make dev` runs beside the UI) on a fresh
DAGSTER_HOME with the repository's instance settings (.dagster_home/dagster.yaml: queued runs,
one at a time), waits for the sensor's first evaluation, and:

1. drops a new article into the corpus folder and polls the published warehouse (read-only,
   every 0.25 s: readers never block a run) until the article is in `articles`;
2. removes it again and polls until it is gone.

It prints, for each drop and removal, the seconds until the published file had the change (what
the analyst waits for: the sensor's tick, the queue, the run's start-up and its steps up to
publish), and writes benchmarks/out/sensor/results.json. The daemon's own log is in
benchmarks/out/sensor/run_N/daemon.log.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_scale  # noqa: E402

OUT = ROOT / "benchmarks" / "out" / "sensor"
PY = str(ROOT / ".venv" / "bin" / "python")
DAEMON = str(ROOT / ".venv" / "bin" / "dagster-daemon")
NEW = "zz_sensor/new_article.txt"


def _present(warehouse: Path, name: str) -> bool | None:
    """Whether the published warehouse has the article (None: it could not be read now)."""
    try:
        con = duckdb.connect(str(warehouse), read_only=True)
    except duckdb.Error:
        return None
    try:
        return bool(
            con.execute("SELECT count(*) FROM articles WHERE article_file = ?", [name]).fetchall()[
                0
            ][0]
        )
    except duckdb.Error:
        return None
    finally:
        con.close()


def _wait_for(warehouse: Path, name: str, present: bool, timeout: float) -> float | None:
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        if _present(warehouse, name) is present:
            return time.monotonic() - t0
        time.sleep(0.25)
    return None


def bench(n: int, repeat: int, timeout: float) -> dict:
    corpus = bench_scale.generate(n)
    work = OUT / f"run_{n}"
    warehouse = work / "warehouse" / "industrial_internet.duckdb"
    home = work / "dagster_home"
    shutil.rmtree(corpus / NEW.split("/")[0], ignore_errors=True)
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "PIPELINE_RAW_DIR": str(corpus),
        "PIPELINE_WAREHOUSE": str(warehouse),
    }
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(parents=True)
    shutil.copy(ROOT / ".dagster_home" / "dagster.yaml", home / "dagster.yaml")
    print(f"[{n}] bringing the warehouse up to date ...", flush=True)
    t0 = time.monotonic()
    subprocess.run(
        [PY, "-m", "pipeline", "run", "--raw", str(corpus), "--warehouse", str(warehouse)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        check=False,
    )
    print(f"[{n}] up to date after {time.monotonic() - t0:.0f} s; starting the daemon", flush=True)
    log = open(work / "daemon.log", "w")  # noqa: SIM115 (closed below)
    daemon = subprocess.Popen(
        [DAEMON, "run", "-m", "pipeline.definitions"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    drops: list[dict] = []
    try:
        time.sleep(20)  # the daemon loads the code and evaluates the sensor once (nothing new)
        rng = random.Random(n)
        for i in range(repeat):
            new = corpus / NEW
            new.parent.mkdir(exist_ok=True)
            text = bench_scale.make_article(n + 1 + i, bench_scale.source_paragraphs(), rng)
            new.write_text(text, encoding="utf-8")
            added = _wait_for(warehouse, NEW, True, timeout)
            print(f"[{n}] drop {i + 1}: published after {added} s", flush=True)
            shutil.rmtree(new.parent)
            removed = _wait_for(warehouse, NEW, False, timeout)
            print(f"[{n}] removal {i + 1}: published after {removed} s", flush=True)
            drops.append({"added_s": added, "removed_s": removed})
            time.sleep(3)
    finally:
        shutil.rmtree(corpus / NEW.split("/")[0], ignore_errors=True)
        os.killpg(daemon.pid, signal.SIGTERM)
        try:
            daemon.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(daemon.pid, signal.SIGKILL)
        log.close()
    return {"articles": n, "drops": drops}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds to wait for a change")
    args = ap.parse_args()
    results = [bench(int(s), args.repeat, args.timeout) for s in args.sizes.split(",") if s]
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "results.json").write_text(json.dumps(results, indent=1))
    print("\n| articles | dropped article published after | removal published after |")
    print("|---:|---|---|")
    for r in results:
        adds = ", ".join(f"{d['added_s']:.1f} s" if d["added_s"] else "-" for d in r["drops"])
        rems = ", ".join(f"{d['removed_s']:.1f} s" if d["removed_s"] else "-" for d in r["drops"])
        print(f"| {r['articles']:,} | {adds} | {rems} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
