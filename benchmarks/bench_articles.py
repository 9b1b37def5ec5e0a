"""CPU time of the per-article extraction (`extract_article`: quantities, claims, rows) on a
generated scale corpus, and a snapshot of its output to check that an optimisation changes
nothing.

    .venv/bin/python benchmarks/bench_articles.py [--corpus DIR] [--n 1000] [--repeat 3]
        [--dump out.json] [--profile]

The corpus defaults to benchmarks/out/scale/corpus_1000 (made by `bench_scale.py
--generate-only --sizes 1000`). Each article's publication date comes from its header, as in the
pipeline. Prints milliseconds of CPU time (time.process_time, robust to other processes on a
shared machine) per article, the best of `--repeat` passes, and articles per second on one core.
`--dump` writes every article's mentions and claims as JSON (sorted keys): two dumps taken before
and after a change must be byte-identical. `--profile` prints the cProfile top of one pass.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.cli_extract import header_date  # noqa: E402
from pipeline.lib.claims.sync import extract_article  # noqa: E402


def load(corpus: Path, n: int) -> list[tuple[str, str, object]]:
    files = sorted(corpus.rglob("*.txt"))[:n]
    out = []
    for f in files:
        text = f.read_text(encoding="utf-8")
        out.append((f.name, text, header_date(text)))
    return out


def one_pass(items) -> tuple[float, list]:
    t0 = time.process_time()
    results = [extract_article(name, text, pub, seconds=0) for name, text, pub in items]
    return time.process_time() - t0, results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT / "benchmarks/out/scale/corpus_1000")
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--dump", type=Path, default=None)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()
    items = load(args.corpus, args.n)
    if not items:
        raise SystemExit(f"no articles under {args.corpus}")
    extract_article("-", "warm up: 5 percent in 2023", None, seconds=0)
    if args.profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        prof.enable()
        one_pass(items)
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(30)
    best, results = one_pass(items)
    for _ in range(args.repeat - 1):
        best = min(best, one_pass(items)[0])
    failed = [r for r in results if r.error]
    n_m = sum(len(r.mentions) for r in results)
    n_c = sum(len(r.claims) for r in results)
    print(
        f"{len(items)} articles, {sum(len(t) for _, t, _ in items):,} chars, {n_m} mentions, "
        f"{n_c} claims, {len(failed)} failed"
    )
    ms = best / len(items) * 1000
    print(f"CPU {best:.2f} s: {ms:.2f} ms/article, {1000 / ms:.1f} articles/s per core")
    if args.dump:
        data = [
            {"file": r.article_file, "error": r.error, "mentions": r.mentions, "claims": r.claims}
            for r in results
        ]
        args.dump.write_text(json.dumps(data, sort_keys=True, default=str, indent=0))
        print(f"wrote {args.dump}")


if __name__ == "__main__":
    main()
