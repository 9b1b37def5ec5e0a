"""Speed and memory of the quantity extractor.

    .venv/bin/python benchmarks/bench_extract.py [--repeat 5] [--quantulum]

Builds a corpus from the seed articles (raw/*.txt) repeated 1x, 10x and 100x, both as ONE
concatenated text and as MANY documents, runs `extract()` over each, and prints characters per
second of CPU time, peak memory (tracemalloc, in a separate run so it does not slow the
timing) and the ratio time(100x)/time(1x) per layout (linear scaling gives ~100; target <= 110).
With --quantulum, compares with quantulum3 when it is installed (it is not a project dependency).
"""

from __future__ import annotations

import argparse
import pathlib
import sys
import time
import tracemalloc

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.lib.quantities import extract  # noqa: E402


def load_seeds() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "raw").glob("*.txt"))]


def run(docs: list[str], fn, repeat: int) -> float:
    """CPU time of one pass over `docs` (time.process_time: per core, robust to other processes
    on the machine): the best of `repeat` samples, each sample looping over the input until it
    lasts at least 0.2 s, so that the 1x corpus (about 10 ms) is timed as reliably as 100x."""

    def sample(loops: int) -> float:
        t0 = time.process_time()
        for _ in range(loops):
            for d in docs:
                fn(d)
        return time.process_time() - t0

    loops = 1
    while (elapsed := sample(loops)) < 0.2:
        loops *= 2
    best = elapsed / loops
    for _ in range(repeat - 1):
        best = min(best, sample(loops) / loops)
    return best


def peak_mb(docs: list[str], fn) -> float:
    tracemalloc.start()
    for d in docs:
        fn(d)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--quantulum", action="store_true")
    args = ap.parse_args()
    seeds = load_seeds()
    extract("warm up 5 percent")  # compile the patterns outside the timing
    fns = {"extract": extract}
    if args.quantulum:
        try:
            from quantulum3 import parser as qparser  # type: ignore

            fns["quantulum3"] = qparser.parse
        except ImportError:
            print("quantulum3 not installed; skipping the comparison")
    print(
        f"{'impl':<11} {'layout':<6} {'x':>4} {'chars':>10} {'seconds':>9} {'chars/s':>12}"
        f" {'peak MB':>8}"
    )
    for name, fn in fns.items():
        times: dict[tuple[str, int], float] = {}
        for layout in ("one", "many"):
            for k in (1, 10, 100):
                if name != "extract" and k == 100:
                    continue  # quantulum3 is too slow on long texts
                docs = ["\n\n".join(seeds * k)] if layout == "one" else seeds * k
                chars = sum(len(d) for d in docs)
                sec = run(docs, fn, args.repeat)
                mem = peak_mb(docs, fn) if name == "extract" else float("nan")
                times[(layout, k)] = sec
                print(
                    f"{name:<11} {layout:<6} {k:>4} {chars:>10} {sec:>9.4f} {chars / sec:>12,.0f}"
                    f" {mem:>8.1f}"
                )
        for layout in ("one", "many"):
            if (layout, 100) in times:
                ratio = times[(layout, 100)] / times[(layout, 1)]
                print(f"{name}: time(100x)/time(1x) [{layout}] = {ratio:.1f}")


if __name__ == "__main__":
    main()
