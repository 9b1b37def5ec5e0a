"""Fuzz: random and adversarial texts through the quantity extractor and the claims layer.

Seeded (reproducible) and bounded in time (a few seconds): no exception, every offset inside the
text, every quote equal to the text at its offsets."""

from __future__ import annotations

import datetime as dt
import random
import time
from pathlib import Path

import pytest

from pipeline.lib.claims import extract_claims
from pipeline.lib.quantities import extract

ROOT = Path(__file__).resolve().parents[1]
SEED = 20261201
BUDGET_SECONDS = 4.0

TOKENS = (
    "0 1 5 7 12 99 100 150 1,000 2,500 9,499.4 .5 1.3e6 1e999999 2021 2022 1850 2035 Q3 H1 5G "
    "one two three ten twenty hundred thousand million billion trillion ten-thousand hundred-million "
    "and to or from between - – ~ % percent per cent percentage points yuan RMB CNY $ US$ € "
    "dollars tonnes kWh GW EFLOPS sets platforms enterprises times fold more than over about nearly "
    "up to less than at least in by the end of since first second quarter half of year last next "
    'past years at present so far ( ) [ ] " “ ” , ; : . ! ? \n \n\n \t \u2009 \u00a0 \u3000 '
    "industrial Internet added value scale GDP according to CCTV said will reach expected target "
    "14th Five-Year Plan (2021-2023) Made in China 2025 Top 500 one in five a third twice"
).split(" ")
ODD = ["\u2009", "\u00a0", "\ufeff", "\u200b", "İ", "ß", "ﬁ", "\x00", "\r", "\ud7ff", "€", "１２"]


def _random_text(rng: random.Random) -> str:
    n = rng.randint(0, 120)
    parts = []
    for _ in range(n):
        r = rng.random()
        if r < 0.8:
            parts.append(rng.choice(TOKENS))
        elif r < 0.9:
            parts.append(rng.choice(ODD))
        else:
            parts.append(str(rng.randint(0, 10 ** rng.randint(1, 40))))
        parts.append(rng.choice([" ", " ", " ", "", "\n", "-", ","]))
    return "".join(parts)


def _adversarial(rng: random.Random) -> str:
    unit = rng.choice(
        ["5% ", "5 yuan ", "up 5% year on year, ", "1\n", "1-", "1 to ", "\u2009000", "one in ",
         "1234567890", "more than 5 billion yuan, ", "Output rose 5% in 2021. ", "“5G” ", "(1) "]
    )  # fmt: skip
    return unit * rng.randint(1, 4000 // len(unit))


def _mutated_article(rng: random.Random, articles: list[str]) -> str:
    text = rng.choice(articles)
    a = rng.randrange(len(text))
    text = text[a : a + rng.randint(50, 3000)]
    chars = list(text)
    for _ in range(rng.randint(0, 30)):
        i = rng.randrange(len(chars) + 1)
        op = rng.random()
        if op < 0.4:
            chars.insert(i, rng.choice('0123456789 ,.-%\n“”"()$'))
        elif op < 0.7 and i < len(chars):
            del chars[i]
        elif i < len(chars):
            chars[i] = rng.choice("0123456789 abc\n")
    return "".join(chars)


def _check(text: str) -> None:
    n = len(text)
    ex = extract(text)
    for q in ex.quantities:
        assert 0 <= q.start <= q.end <= n and q.text == text[q.start : q.end], q
        assert q.start <= q.number_start <= q.number_end <= q.end, q
    for p in ex.periods:
        assert 0 <= p.start <= p.end <= n and p.text == text[p.start : p.end], p
    for g in ex.ignored:
        assert 0 <= g.start <= g.end <= n and g.text == text[g.start : g.end], g
    for published in (dt.date(2023, 5, 4), None):
        claims = extract_claims(text, published, "fuzz.txt")
        for c in claims:
            assert 0 <= c.char_start <= c.char_end <= n, c
            assert c.quote == text[c.char_start : c.char_end], c
        ids = [c.claim_id for c in claims]
        assert len(ids) == len(set(ids)), "claim_id is the primary key of claims"


@pytest.mark.parametrize("family", ["random", "adversarial", "mutated"])
def test_fuzz_never_raises_and_offsets_stay_inside(family):
    rng = random.Random(f"{SEED}-{family}")
    articles = [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("raw/*.txt"))]
    deadline = time.monotonic() + BUDGET_SECONDS / 3
    n = 0
    while n < 5 or time.monotonic() < deadline:
        if family == "random":
            text = _random_text(rng)
        elif family == "adversarial":
            text = _adversarial(rng)
        else:
            text = _mutated_article(rng, articles)
        try:
            _check(text)
        except Exception as exc:  # show the input that broke it
            raise AssertionError(f"input #{n} ({family}): {text[:300]!r}") from exc
        n += 1
        if n >= 400:
            break
