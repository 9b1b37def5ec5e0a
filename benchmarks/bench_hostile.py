"""Speed of the claims layer (extractor included) on hostile and oversized texts.

    .venv/bin/python benchmarks/bench_hostile.py [--sizes 0.1,0.3,1] [--news 1,4,20]
                                                [--family NAME ...] [--timeout 120]

Generates adversarial families (repeated figures, repeated bound words, long number runs,
separators, number words) at 0.1 / 0.3 / 1 MB and a news-like text (real paragraphs of the
held-out articles, repeated with varied numbers) at 1 / 4 / 20 MB, and runs
`extract_claims(text, published, ...)` (what `python -m pipeline extract` runs) on each in a
child process, killed after --timeout seconds of wall time. Prints CPU seconds
(time.process_time, robust to the other processes on a shared machine), seconds per MB, and the
growth ratio time(largest)/time(smallest) beside the size ratio (linear growth gives ratios
close to each other). Targets (issue 10): every adversarial 1 MB text <= 5 s; 20 MB news-like
<= 40 s.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import pathlib
import random
import re
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MB = 1_000_000

_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
    "hundred thousand million billion trillion and point half a dozen first second third"
).split()


def _repeat(unit: str):
    return lambda n, rng: unit * (n // len(unit) + 1)


def _number_words(n: int, rng: random.Random) -> str:
    out, size = [], 0
    while size < n:
        w = rng.choice(_WORDS)
        out.append(w)
        size += len(w) + 1
    return " ".join(out)


def _spaced_numbers(n: int, rng: random.Random) -> str:
    out, size = [], 0
    while size < n:
        w = str(rng.randint(0, 99999))
        out.append(w)
        size += len(w) + 1
    return " ".join(out)


FAMILIES = {
    "percent": _repeat("5% "),
    "yuan": _repeat("5 yuan "),
    "yoy": _repeat("up 5% year on year, "),
    "number_words": _number_words,
    "one_newline": _repeat("1\n"),
    "dashes": _repeat("1-"),
    "spaced_numbers": _spaced_numbers,
    "to_chain": _repeat("1 to "),
    "thin_space": lambda n, rng: "1" + "\u2009000" * (n // 4),
    "one_in": _repeat("one in "),
    "digit_run": _repeat("1234567890"),
    "more_than": _repeat("more than 5 billion yuan, "),
    # one paragraph of short sentences full of figures: over MAX_PARAGRAPH_NUMBERS, set aside
    "short_sentences": _repeat("Output rose 5% to 3 million tonnes in 2021. "),
    # a data dump of figure lines: runs over MAX_FIGURE_LINES, set aside
    "figure_lines": _repeat("Revenue: 5 yuan\n"),
    # dense but paragraph-shaped (four such sentences a line): passes the not-prose caps, every
    # figure is read; measures the cost per claim of the whole claims layer
    "dense_paragraphs": _repeat("Output rose 5% to 3 million tonnes in 2021. " * 4 + "\n"),
}


def news_articles() -> list[list[str]]:
    """The held-out articles, each as its list of paragraphs (title and header lines included)."""
    return [
        p.read_text(encoding="utf-8").split("\n\n")
        for p in sorted(ROOT.glob("benchmarks/heldout*/articles/*.txt"))
    ]


def news_like(n: int, rng: random.Random) -> str:
    """Real articles, repeated in random order with their digits varied (years kept in
    2000-2030), separated by blank lines: the number density of the held-out sets."""
    articles = news_articles()
    out, size = [], 0

    def vary(m: re.Match) -> str:
        s = m.group(0)
        if len(s) == 4 and s[:2] in ("19", "20"):
            return str(rng.randint(2000, 2030))
        return "".join(str(rng.randint(1 if i == 0 else 0, 9)) for i in range(len(s)))

    while size < n:
        for para in rng.choice(articles):
            p = re.sub(r"\d+", vary, para)
            out.append(p)
            size += len(p) + 2
    return "\n\n".join(out)


def make(family: str, mb: float, seed: int = 7) -> str:
    rng = random.Random(seed)
    n = int(mb * MB)
    gen = news_like if family == "news" else FAMILIES[family]
    return gen(n, rng)[:n]


def _child(family: str, mb: float, conn) -> None:
    import datetime as dt

    from pipeline.lib.claims import extract_claims

    extract_claims("warm up: 5 percent in 2021", dt.date(2023, 1, 1), "w")
    text = make(family, mb)
    t0 = time.process_time()
    claims = extract_claims(text, dt.date(2023, 1, 1), "bench.txt")
    conn.send((time.process_time() - t0, len(claims)))


def measure(family: str, mb: float, timeout: float) -> tuple[float | None, int]:
    """(CPU seconds, claims) of one run in a child process; (None, 0) past the timeout."""
    parent, child = mp.Pipe(duplex=False)
    proc = mp.Process(target=_child, args=(family, mb, child))
    proc.start()
    if parent.poll(timeout):
        sec, n = parent.recv()
        proc.join()
        return sec, n
    proc.kill()
    proc.join()
    return None, 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sizes", default="0.1,0.3,1", help="MB sizes of the adversarial texts")
    ap.add_argument("--news", default="1,4,20", help="MB sizes of the news-like text")
    ap.add_argument("--family", action="append", help="only these families (repeatable)")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds before a run is killed")
    args = ap.parse_args()
    sizes = [float(s) for s in args.sizes.split(",") if s]
    news = [float(s) for s in args.news.split(",") if s]
    plan = [(f, sizes) for f in FAMILIES] + [("news", news)]
    if args.family:
        plan = [(f, s) for f, s in plan if f in args.family]
    print(f"{'family':<15} {'MB':>5} {'cpu s':>8} {'s/MB':>7} {'claims':>8}   growth")
    for family, family_sizes in plan:
        done = []
        for mb in family_sizes:
            sec, n = measure(family, mb, args.timeout)
            if sec is None:
                print(
                    f"{family:<15} {mb:>5g} {'>' + format(args.timeout, 'g'):>8} {'-':>7} {'-':>8}"
                )
                break
            done.append((mb, sec))
            print(f"{family:<15} {mb:>5g} {sec:>8.2f} {sec / mb:>7.2f} {n:>8}", flush=True)
        if len(done) >= 2 and done[0][1] > 0:
            (m0, t0), (m1, t1) = done[0], done[-1]
            print(f"{'':<15} time x{t1 / t0:.1f} for size x{m1 / m0:g}")


if __name__ == "__main__":
    main()
