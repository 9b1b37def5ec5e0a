"""claims.casefold: a lower-case pattern over `fold(text)` finds exactly what the pattern with
re.IGNORECASE finds over the text (same offsets); claims.partindex: the parts present in a
stretch are those found by substring tests."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from pipeline.lib.claims import indicators, periods, sources, status
from pipeline.lib.claims.casefold import FoldedPattern, fold, folded
from pipeline.lib.claims.partindex import PartFinder

ROOT = Path(__file__).resolve().parents[1]
SPECIAL = "\u0130\u0131\u017f\u212a"


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("raw/*.txt"))]
    texts += [
        p.read_text(encoding="utf-8")
        for p in sorted(ROOT.glob("benchmarks/heldout*/articles/*.txt"))[:40]
    ]
    rng = random.Random(3)
    mixed = []
    for t in texts[:20]:
        chars = list(t)
        for _ in range(len(chars) // 50):  # sprinkle the characters that fold to ASCII letters
            chars[rng.randrange(len(chars))] = rng.choice(SPECIAL + "ÉéßΣ\u201c")
        mixed.append("".join(chars).upper())
    return texts + mixed + ["WILL ſHALL AİMS TO ıS \u212aEY the PLAN TO target GOALS"]


def test_fold_keeps_length_and_character_classes():
    for cp in range(0x110000):
        c = chr(cp)
        if 0xD800 <= cp <= 0xDFFF:
            continue
        f = fold(c)
        assert len(f) == 1, hex(cp)
        if f != c:
            for cls in (r"\w", r"\s", r"\d"):
                assert bool(re.match(cls, c)) == bool(re.match(cls, f)), (hex(cp), cls)
        if f.isascii() and f.isalpha() and not c.isascii():
            assert c in SPECIAL, hex(cp)  # only these fold to ASCII letters
        if c in SPECIAL or "A" <= c <= "Z":
            assert re.fullmatch(f, c, re.I)


def _converted() -> list[tuple[str, FoldedPattern]]:
    out = []
    for mod in (periods, status, indicators):
        for name, value in vars(mod).items():
            if isinstance(value, FoldedPattern):
                out.append((f"{mod.__name__}.{name}", value))
    assert len(out) >= 20
    return out


@pytest.mark.parametrize("name,pat", _converted())
def test_folded_patterns_match_like_ignorecase(name, pat):
    ref = re.compile(pat.pattern, re.I)
    for text in _texts():
        got = [m.span() for m in pat.finditer(text)]
        assert got == [m.span() for m in ref.finditer(text)], name
        for pos in range(0, len(text), 97):
            end = min(len(text), pos + 150)
            a, b = pat.search(text, pos, end), ref.search(text, pos, end)
            assert (a and a.span()) == (b and b.span()), (name, pos)
            piece = text[pos:end]
            a, b = pat.search(piece), ref.search(piece)
            assert (a and a.span()) == (b and b.span()), (name, pos)
            a, b = pat.match(text, pos, end), ref.match(text, pos, end)
            assert (a and a.span()) == (b and b.span()), (name, pos)


def test_folded_rejects_patterns_with_case():
    for bad in ("Foo", r"(?i:a)", r"\u00e9", "é", r"(a)\1"):
        with pytest.raises(ValueError):
            folded(bad)
    assert folded(r"(?P<x>\bwill)\W").search("It WILL be").span("x") == (3, 7)


def test_part_finder_matches_substring_tests():
    parts = indicators._ALL_PARTS
    finder = PartFinder(parts)
    rng = random.Random(5)
    for text in _texts()[:30]:
        low = indicators.norm(text)
        assert finder.present(low) == frozenset(p for p in parts if p in low)
        for _ in range(20):
            lo = rng.randrange(len(low))
            hi = min(len(low), lo + rng.randrange(1, 1500))
            expected = frozenset(p for p in parts if p in low[lo:hi])
            assert finder.present(low, lo, hi) == expected


def _source_in_unfiltered(text: str) -> str | None:
    for i, pat in enumerate(sources._PATTERNS):
        for m in pat.finditer(text):
            src = sources._clean(m.group("src"))
            if src and sources._CUT_NAME.search(src):
                continue
            if src and (i != sources._ORG_SAID or sources._ORG_RE.search(src)):
                return src
    return None


def test_source_prefilter_changes_nothing():
    n = 0
    for text in _texts():
        for sent in re.split(r"(?<=[.!?])\s+|\n", text):
            assert sources.source_in(sent) == _source_in_unfiltered(sent), sent
            n += sources.source_in(sent) is not None
    assert n > 20
