"""The speed-ups of the extraction give the same results as the plain forms they replace:
first-character guards and required strings read from patterns (`quantities/guards.py`), the
trie of region names, `segments.norm`, the plain-figure path of `numbers.parse`, the folded
pattern's memo and pre-filter. No timing here."""

from __future__ import annotations

import random
import re
from decimal import Decimal
from pathlib import Path

import regex

from pipeline.lib.claims import casefold, indicators, periods, segments, status
from pipeline.lib.quantities import extractor, numbers
from pipeline.lib.quantities.guards import guarded, required_literals

ROOT = Path(__file__).resolve().parents[1]
ODD = (
    "ÉCOLE İstanbul ſ \u212a – — ‘x’ “y” 《z》 A-B_C/D`E ΣΑΣ, 1,234.5 (2021) 5 years ago "
    "At present 3 In 2022 -7 minus two 2023-01-05 12:30 +86 10 1234 5678 Q3 2022 FY2023 "
    "by the end of June, year-end, 4.10 trillion yuan, Guangdong's, Xi’an, Haier Group Co. Ltd."
)


def _texts() -> list[str]:
    out = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "raw").glob("*.txt"))]
    held = sorted((ROOT / "benchmarks").glob("heldout*/articles/*.txt"))[:12]
    out += [p.read_text(encoding="utf-8") for p in held]
    return out + [ODD, ODD.lower(), ODD.upper()]


def _pieces(texts: list[str]) -> list[str]:
    rng = random.Random(7)
    out = []
    for t in texts:
        for _ in range(30):
            a = rng.randrange(len(t))
            out.append(t[a : a + rng.randint(1, 200)])
    return out


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return a.span() == b.span() and a.regs == b.regs


def test_guarded_master_alternatives_match_the_same():
    plain = regex.compile("|".join(extractor._ALTERNATIVES), regex.IGNORECASE)
    for text in _texts()[:8] + [ODD]:
        for p in range(0, len(text), 3):
            assert _same(plain.match(text, p), extractor.MASTER.match(text, p)), (text[p : p + 40],)


def test_master_without_ago_matches_the_same_in_texts_without_ago():
    for text in _texts():
        if "ago" in text.lower():
            text = text.lower().replace("ago", "agx")
        for p in range(0, len(text), 3):
            a, b = extractor.MASTER.match(text, p), extractor.MASTER_NO_AGO.match(text, p)
            assert _same(a, b) and (a is None or a.groupdict() == b.groupdict())


def test_guarded_leaves_what_it_cannot_bound():
    assert guarded(r"\d+|.") == r"\d+|."  # `.` starts anywhere
    assert guarded(r"a?") == r"a?"  # can match empty
    assert guarded(r"[^x]y") == r"[^x]y"
    assert guarded(r"\bab|c").startswith("(?=[")


def test_required_literals_hold_for_every_match():
    pats = [
        v.pattern
        for mod in (status, periods)
        for v in vars(mod).values()
        if isinstance(v, casefold.FoldedPattern)
    ]
    assert pats
    texts = [casefold.fold(t) for t in _pieces(_texts())]
    for pat in pats:
        needs = required_literals(pat)
        if needs is None:
            continue
        compiled = re.compile(pat)
        for t in texts:
            m = compiled.search(t)
            if m is not None:
                assert any(n in m.group(0) for n in needs), (pat, m.group(0))
    assert required_literals(r"\b(?:ab|cd)e?") == ("ab", "cd")
    assert required_literals(r"a|bc") is None  # `a` is too short to look for
    assert required_literals(r"(?:xy)?z+") is None


def test_folded_search_with_memo_and_prefilter_is_the_plain_search():
    pats = [
        v
        for mod in (status, periods)
        for v in vars(mod).values()
        if isinstance(v, casefold.FoldedPattern)
    ]
    rng = random.Random(3)
    for t in _texts()[:10]:
        for _ in range(40):
            a = rng.randrange(len(t))
            b = min(len(t), a + rng.randint(0, 300))
            for p in pats:
                plain = re.compile(p.pattern).search(casefold.fold(t), a, b)
                assert _same(plain, p.search(t, a, b))
                assert _same(plain, p.search(t, a, b))  # again, from the memo
                piece = t[a:b]
                assert _same(re.compile(p.pattern).search(casefold.fold(piece)), p.search(piece))


def test_folded_finditer_with_prefilter_is_the_plain_finditer():
    pats = [
        v
        for mod in (status, periods)
        for v in vars(mod).values()
        if isinstance(v, casefold.FoldedPattern)
    ]
    rng = random.Random(5)
    for t in _texts()[:10]:
        for _ in range(20):
            a = rng.randrange(len(t))
            b = min(len(t), a + rng.randint(0, 300))
            for p in pats:
                plain = re.compile(p.pattern).finditer(casefold.fold(t), a, b)
                assert [m.span() for m in plain] == [m.span() for m in p.finditer(t, a, b)]


def _docs():
    from pipeline.lib.claims.context import Doc
    from pipeline.lib.quantities import extract

    out = []
    for t in _texts()[:8]:
        ex = extract(t)
        out.append(Doc.build(t, ex.quantities, ex.periods, None))
    return out


def test_periods_in_a_span_cached_are_the_plain_list():
    for doc in _docs():
        res = periods.PeriodResolver(doc)
        spans = list(doc.seg.sentences) + list(doc.seg.paragraphs) + [(0, len(doc.text))]
        for a, b in spans + spans:  # twice: from the cache
            plain = [p for p in res.periods if a <= p.start and p.end <= b]
            assert list(res._in(a, b)) == plain
        for p in res.periods:  # the cached base test is the plain one
            assert periods.base_period(doc, p) == periods._base_period(doc, p)


def test_number_of_before_without_the_word_finds_nothing():
    from pipeline.lib.claims import units
    from pipeline.lib.claims.context import quantity_context

    for doc in _docs():
        for i in range(len(doc.quantities)):
            c = quantity_context(doc, i)
            found = list(units._NUMBER_OF.finditer(doc.text, c.backward[0], c.q.start))
            plain = found[-1].group(1).split()[-1].lower() if found else None
            assert units.number_of_before(doc, c) == plain


def test_subject_before_the_first_verb_is_the_first_split_piece():
    from pipeline.lib.claims import extract as claims_extract

    for piece in _pieces(_texts()):
        m = claims_extract._VERBISH.search(piece)
        assert (piece[: m.start()] if m else piece) == claims_extract._VERBISH.split(piece)[0]


def test_norm_is_the_translate_table():
    for t in _texts() + _pieces(_texts()) + ["\udcff-x", ""]:
        assert segments.norm(t) == t.translate(segments._NORM_TABLE)


def _tail(pattern: str) -> str:
    """What follows the trie of names in the pattern."""
    return pattern[pattern.index(")(?![\\w-])") :]


def test_region_and_company_names_match_as_the_flat_lists():
    flat_regions = re.compile(
        r"(?<![\w'-])(?:"
        + "|".join(
            sorted(
                (re.escape(r).replace("'", "['\u2019]") for r in indicators.REGIONS),
                key=len,
                reverse=True,
            )
        )
        + _tail(indicators._REGION_NAME.pattern)
    )
    flat_companies = re.compile(
        r"(?<![\w-])(?:"
        + "|".join(sorted((re.escape(x) for x in indicators.COMPANIES), key=len, reverse=True))
        + _tail(indicators._COMPANY_NAME.pattern)
    )
    names = " ".join(list(indicators.REGIONS) + list(indicators.COMPANIES))
    for t in _texts() + [names, names.replace(" ", "-"), names + " Group"]:
        ours = [m.span() for m in indicators._REGION_NAME.finditer(t)]
        assert ours == [m.span() for m in flat_regions.finditer(t)]
        ours = [m.span() for m in indicators._company_name(t).finditer(t)]
        assert ours == [m.span() for m in flat_companies.finditer(t)]


def test_plain_figures_parse_as_the_decimal_path():
    rng = random.Random(5)
    for _ in range(3000):
        k = rng.randint(1, 27)
        d = "".join(rng.choice("0123456789") for _ in range(k))
        if k > 2 and rng.random() < 0.5:
            j = rng.randint(1, k - 1)
            d = d[:j] + "." + d[j:]
        assert numbers.parse(d) == float(Decimal(0) + Decimal(d))
    for d in ("1,234", "12,345.678", "999,999,999,999,999.5", "0.5", "007"):
        assert numbers.parse(d) == float(Decimal(0) + Decimal(d.replace(",", "")))
