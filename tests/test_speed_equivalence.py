"""The speed-ups of the extraction give the same results as the plain forms they replace:
first-character guards and required strings read from patterns (`quantities/guards.py`), the
trie of region names, `segments.norm`, the plain-figure path of `numbers.parse`, the folded
pattern's memo and pre-filter, the table unit forms' literal pre-test, the index of the words
the source patterns need, the indicator candidate loop, the claims layer's words-of-the-sentence
gate (`periods.absent`, its strings looked up without a Python frame each) and imperative
opening once per sentence, the folded survey-intention pattern asked of a whole text, the
claims patterns searched per figure behind a lookahead of their first letters, the `, or`
look-up before the apposition gap pattern, the extractor's first-character tests on the number
path and its reuse of numbers read ahead; and the dense-prose round's: the survey window found in
the lowered text, the tries of needed strings, the tests run before nine patterns, two scan
patterns rewritten to start with a literal or a class, a quantity's index by bisection. No timing
here."""

from __future__ import annotations

import random
import re
from decimal import Decimal
from pathlib import Path

import regex

from pipeline.lib.claims import casefold, indicators, periods, segments, status
from pipeline.lib.claims import extract as claims_extract
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
    # (the plain form: the pattern without its first-letter guard, case-insensitive)
    plain = re.compile(re.sub(r"^\(\?=\[[^\]]*\]\)", "", claims_extract._VERBISH.pattern), re.I)
    for piece in _pieces(_texts()):
        m = claims_extract._VERBISH.search(piece)
        assert (piece[: m.start()] if m else piece) == plain.split(piece)[0]


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


# ---- the digit shortcuts of the extractor's trigger loop ---------------------------------------
_AFTER_DIGITS = [
    "",
    " ",
    "%",
    ",",
    ", ",
    ".",
    ". ",
    ".5",
    ".5.6",
    ".5G",
    ".1.1",
    ")",
    '"',
    "’",
    "-",
    "/",
    ":",
    " am",
    " AM",
    " a.m.",
    " pm",
    " p.m.",
    " and",
    " percent",
    " per cent",
    " of May",
    " OF June",
    " o'clock",
    " o’clock",
    " of the",
    " years ago",
    " year plan",
    " YEAR plan",
    "-year plan",
    " years",
    " yuan",
    " million",
    " bn",
    "bn",
    "m",
    "k",
    "G",
    "g",
    "D",
    "d",
    "th",
    "st",
    "nd",
    "TH",
    " Jan.",
    " January",
    "\nJune",
    "\u2009000",
    "\u00a0am",
    " 000 000",
    "/12/2021",
    "-01-05",
    ".01.27",
    "-1234567",
    "-123-4567",
    " to 2022",
    "–23",
    "s",
    "s ",
    " 5",
    "e6",
    "E+3",
    ":30 pm",
    " - 2022",
    " ~ 5",
    " (2021-2023)",
    " or 6",
    " times",
]
_DIGIT_RUNS = [
    "1",
    "3",
    "5",
    "7",
    "10",
    "12",
    "24",
    "99",
    "123",
    "138",
    "999",
    "1234",
    "1900",
    "2021",
    "2100",
    "2200",
    "12345",
    "13812345678",
    "4.45",
    "2021.5",
    "0.5",
    "10.1",
]


def _digit_cases() -> list[tuple[str, int]]:
    """(text, position of a digit run's start): the held-out texts and short crafted contexts,
    each run after the words that come before figures."""
    out = []
    for text in _texts() + _pieces(_texts())[:2000]:
        out += [(text, m.start()) for m in re.finditer(r"(?<!\d)\d", text)]
    for lead in ("", "in ", "In the ", "for ", "within ", "over the ", "from ", "(", "the "):
        for run in _DIGIT_RUNS:
            for after in _AFTER_DIGITS:
                out.append((f"It grew {lead}{run}{after} here.", len(f"It grew {lead}")))
    return out


def test_only_number_positions_match_the_number_alternative_alone():
    seen = 0
    for text, p in _digit_cases():
        if extractor.ONLY_NUMBER.match(text, p) is None:
            continue
        seen += 1
        a, b = extractor.MASTER_NO_AGO.match(text, p), extractor.NUMBER_AT.match(text, p)
        if a is None or b is None:
            assert a is b, (text[p : p + 30],)
            continue
        assert a.group("num") is not None and a.span() == a.span("num") == b.span(), text[p:]
        assert a.span("neg") == b.span("neg")
    assert seen > 1000


def test_only_year_positions_match_years_or_number_only():
    seen = 0
    for text, p in _digit_cases():
        if extractor.ONLY_YEAR.match(text, p) is None:
            continue
        seen += 1
        a, b = extractor.MASTER_NO_AGO.match(text, p), extractor.MASTER_YEAR_NUMBER.match(text, p)
        if a is None or b is None:
            assert a is b, (text[p : p + 30],)
            continue
        names = extractor.MASTER_YEAR_NUMBER.groupindex
        assert a.span() == b.span() and all(a.span(n) == b.span(n) for n in names)
        assert all(a.group(n) is None for n in extractor.MASTER_NO_AGO.groupindex if n not in names)
    assert seen > 100


def test_no_master_match_at_prepositions_before_a_plain_figure():
    seen = 0
    for text, p in _digit_cases():
        if (
            extractor.ONLY_NUMBER.match(text, p) is None
            and extractor.ONLY_YEAR.match(text, p) is None
        ):
            continue
        pre = extractor.PREFIX.match(text, max(0, p - 32), p)
        if pre is None or not extractor.ONLY_PREPOSITIONS.fullmatch(pre.group(0)):
            continue
        seen += 1
        m = extractor.MASTER_NO_AGO.match(text, pre.start())
        assert m is None or m.end() <= p, (text[pre.start() : p + 30],)
    assert seen > 100


def test_master_without_ago_is_guarded_and_matches_as_unguarded():
    assert all(guarded(a).startswith("(?=[") for a in extractor._NO_AGO_ALTERNATIVES)
    plain = regex.compile("|".join(extractor._NO_AGO_ALTERNATIVES), regex.IGNORECASE)
    for text in _texts()[:8] + [ODD]:
        for p in range(0, len(text), 3):
            assert _same(plain.match(text, p), extractor.MASTER_NO_AGO.match(text, p))
    assert guarded(r"(?!)a|b") == r"(?=[b])(?!)a|b"


def test_unit_suffix_trie_matches_as_the_flat_alternation():
    from pipeline.lib.quantities import unitmatch

    cases = []
    for f in list(unitmatch._SUFFIX) + list(unitmatch._SUFFIX_CS):
        for v in {f, f.upper(), f.title(), f[:-1], f.replace(" ", "-"), f.replace(" ", " \n ")}:
            for lead in ("", " ", "-", " - ", "\n", "  \n ", "\n\n"):
                for tail in ("", " ", "s", "x", "1", " 1", ".", "-", "es", "/h"):
                    cases.append("5" + lead + v + tail)
    texts = _texts()
    cases += [t[p:] for t in texts[:10] for p in range(0, len(t), 2)]
    for text in cases:
        flat, trie = unitmatch.SUFFIX_FLAT.match(text, 1), unitmatch.SUFFIX.match(text, 1)
        assert _same(flat, trie), (text[:40], flat, trie)


def test_master_without_ago_matches_the_same_after_the_last_ago():
    texts = [t for t in _texts() if "ago" in t.lower()]
    texts += ["It fell 5 years ago, then 3 years later 2 years ago it was 7 years old."]
    for text in texts:
        last = text.lower().rfind("ago")
        for p in range(last + 1, len(text)):
            a, b = extractor.MASTER.match(text, p), extractor.MASTER_NO_AGO.match(text, p)
            assert _same(a, b) and (a is None or a.groupdict() == b.groupdict())


def test_currency_before_skips_only_where_no_sign_can_end():
    from pipeline.lib.quantities import unitmatch

    def plain(text, start):
        m = unitmatch.PREFIX.match(text, max(0, start - unitmatch.WINDOW), start)
        return None if m is None else (unitmatch._PREFIX[m.group("p")], m.start("p"))

    texts = _texts() + [f"x{f}{sp}5 {f}" for f in unitmatch._PREFIX for sp in ("", " ", "\n", "  ")]
    for text in texts:
        for p in range(len(text) + 1):
            assert unitmatch.currency_before(text, p) == plain(text, p), text[max(0, p - 12) : p]


def test_parse_memo_gives_the_plain_values():
    for s in ["5", "1,234.5", "three million", "2 ten-thousand", "4.10", "1" * 40, "x"]:
        assert numbers.parse(s) == numbers.parse.__wrapped__(s)


def test_abbreviation_and_table_scale_start_with_the_characters_checked():
    for text in _texts() + ["5bn 5 bn 5mil 5MM 5 k 5\tK 5T 5 10,000 yuan 5\t100 million yuan"]:
        for p in range(len(text)):
            if extractor.ABBR.match(text, p) is not None:
                assert text[p] in extractor._ABBR_FIRST
            if extractor.CN_TABLE_SCALE.match(text, p) is not None:
                assert text[p] in " \t"


def _table_labels() -> list[str]:
    from pipeline.metadata.units import UNITS

    forms = [s for u in UNITS for s in (*u.suffixes, *u.suffix_cs, *u.prefixes)]
    rng = random.Random(11)
    out = list(forms) + [f.upper() for f in forms] + [f.lower() for f in forms]
    out += [f"Revenue ({f})" for f in forms] + [f"x{f}y" for f in forms] + [f"{f}s" for f in forms]
    out += _pieces(_texts())[:400] + [ODD, "\u212aM", "\u017fq\u0130n", "USD mn", "RMB bn"]
    for _ in range(300):
        out.append(" ".join(rng.sample(forms, 3)))
    return out


def test_table_unit_prefilter_finds_the_form_the_plain_loop_finds():
    from pipeline.lib.claims import text_tables

    plain = text_tables._surface_forms()
    for label in _table_labels():
        want = next((code for pat, code in plain if pat.search(label)), None)
        assert text_tables._form_code(label) == want, label


def test_source_need_index_tries_the_patterns_the_word_test_tries():
    from pipeline.lib.claims import sources
    from pipeline.lib.claims.segments import segment

    texts = _texts() + [
        "According to CCTV statistics, output rose. Data from the Ministry of Industry shows 5%.",
        '\u212aCCORDING TO the "White Paper" pointed out. The Ministry said 3 nodes. ſhows',
    ]
    for text in texts:
        sentences = segment(text).sentences
        rng = random.Random(3)
        spans = [tuple(sorted(rng.sample(range(len(text) + 1), 2))) for _ in range(50)]
        by_sentence = sources._NeedIndex(text, sentences)
        by_span = sources._NeedIndex(text)
        assert by_sentence._by_sentence is not None  # sentences do not overlap
        for index, asked in ((by_sentence, sentences), (by_span, sentences + spans)):
            for s0, s1 in asked:
                sent = text[s0:s1]
                low = casefold.fold(sent)
                want = [
                    i
                    for i, (folds, words) in enumerate(sources._NEEDS)
                    if any(w in (low if folds else sent) for w in words)
                ]
                assert index.tries(s0, s1) == want, sent
                assert sources._source_in(sent, want) == sources.source_in(sent)


def _plain_viable(doc, paragraph):
    """`indicators._viable` over the parts present as substrings of the paragraph (the plain form
    of the parts present at a word start: a phrase with a part only inside words scores 0)."""
    ind = indicators
    present = ind._PARTS.present(doc.norm, paragraph[0], paragraph[1])
    found: dict[int, list] = {}
    for index, parts, concepts, part_set in ind._ALL_PHRASES:
        if part_set <= present:
            found.setdefault(index, []).append((parts, concepts))
    return {k: tuple(v) for k, v in found.items()}


def _plain_candidates(doc, c, unit, has_scale, integral, counted, count_like, garbled):
    """The candidate loop of `indicators.match_indicator` before the counted-noun gate was a
    set and only the paragraph's viable indicators were scored (the plain form)."""
    ind = indicators
    q = c.q
    candidates = []
    viable = _plain_viable(doc, c.paragraph)
    near_ctx = doc._par_cache.get(("near", q.start, q.end))
    weights = None
    oks = ind._topic_oks(doc, c.paragraph)
    for comp in ind._unit_candidates(unit, has_scale, integral):
        phrases = viable.get(comp.index, ())
        if (count_like or comp.ind.unit == "count") and not ind.counted_compatible(
            comp, counted, garbled
        ):
            continue
        if not ind._topic_ok(doc, c, comp, oks):
            continue
        if near_ctx is None:
            near_ctx = ind._near(doc, c)
        if not phrases:
            continue
        if weights is None:
            weights = ind._weights(doc, c)
        score = ind._score(doc, c, phrases, near_ctx, weights)
        if score > 0:
            candidates.append((score, comp))
    return candidates


def test_indicator_candidates_match_the_plain_loop():
    import datetime as dt

    from pipeline.lib.claims.context import Doc, quantity_context
    from pipeline.lib.quantities import extract

    for text in _texts():
        ex = extract(text)
        docs = [Doc.build(text, ex.quantities, ex.periods, dt.date(2023, 5, 1)) for _ in "ab"]
        for i, q in enumerate(docs[0].quantities):
            for unit, has_scale in ((q.unit, False), (None, True), (None, False), ("count", False)):
                got = []
                for doc, fn in zip(docs, (_plain_candidates, indicators._candidates), strict=True):
                    c = quantity_context(doc, i)
                    for counted, count_like, garbled in (
                        (q.counted, unit == "count", False),
                        ("enterprises", True, False),
                        ("nationals", True, True),
                        ("widgets", False, False),
                    ):
                        integral = float(q.value).is_integer()
                        args = (unit, has_scale, integral, counted, count_like, garbled)
                        got.append([(s, comp.index) for s, comp in fn(doc, c, *args)])
                assert got[:4] == got[4:], (text[q.start - 40 : q.end + 40], unit)
        assert _near_values(docs[0]) == _near_values(docs[1])


def _near_values(doc) -> dict:
    """The near regions of every span whose deciding context is known, computed (the plain form
    computes them at once, `_decide_near` only keeps the context)."""
    out = {}
    for key in list(doc._par_cache):
        if key[0] == "near":
            out[key[1:]] = doc._par_cache[key]
        elif key[0] == "near_by":
            out[key[1:]] = indicators._near(doc, doc._par_cache[key])
    return out


def _plain_implied(doc, c, has_scale=False):
    """`indicators.implied_indicator` computing `_near` as soon as an indicator passes the gates
    (the plain form of the lazy `_decide_near`)."""
    ind = indicators
    q = c.q
    integral = float(q.value).is_integer()
    counted = q.counted or ind.trailing_noun(doc, c)
    garbled = ind._garbled_noun(doc, c)
    best, best_score = None, 0.0
    viable = _plain_viable(doc, c.paragraph)
    near_ctx = doc._par_cache.get(("near", q.start, q.end))
    weights = None
    oks = ind._topic_oks(doc, c.paragraph)
    for comp in ind._unit_candidates(None, has_scale, integral):
        phrases = viable.get(comp.index, ())
        if not phrases and near_ctx is not None:
            continue
        if comp.ind.unit == "count" and not ind.counted_compatible(comp, counted, garbled):
            continue
        if not ind._topic_ok(doc, c, comp, oks):
            continue
        if near_ctx is None:
            near_ctx = ind._near(doc, c)
        if not phrases:
            continue
        if weights is None:
            weights = ind._weights(doc, c)
        score = ind._score(doc, c, phrases, near_ctx, weights)
        if score > best_score:
            best, best_score = comp.ind, score
    if best is None or best_score < ind.MIN_SCORE:
        return None
    return best


def test_implied_indicator_with_lazy_near_matches_the_plain_form():
    import datetime as dt

    from pipeline.lib.claims.context import Doc, quantity_context
    from pipeline.lib.quantities import extract

    for text in _texts():
        ex = extract(text)
        docs = [Doc.build(text, ex.quantities, ex.periods, dt.date(2023, 5, 1)) for _ in "ab"]
        for i in range(len(docs[0].quantities)):
            for has_scale in (False, True):
                got = [
                    fn(doc, quantity_context(doc, i), has_scale)
                    for doc, fn in zip(
                        docs, (_plain_implied, indicators.implied_indicator), strict=True
                    )
                ]
                assert got[0] == got[1]
        assert _near_values(docs[0]) == _near_values(docs[1])


def test_word_start_parts_match_find_part():
    import datetime as dt

    from pipeline.lib.claims.context import Doc

    parts = indicators._ALL_PARTS
    finder = indicators._PARTS
    rng = random.Random(11)
    for text in _texts()[:30] + ["x" + ODD, "\u00e9conomy digital economy"]:
        doc = Doc.build(text, [], [], dt.date(2023, 5, 1))
        low = doc.norm
        spans = [(0, len(low))]
        for _ in range(20):
            lo = rng.randrange(len(low))
            spans.append((lo, min(len(low), lo + rng.randrange(1, 1500))))
        for lo, hi in spans:
            want = frozenset(p for p in parts if doc.find_part(p, lo, hi))
            assert finder.present_at_word_starts(low, lo, hi) == want, (lo, hi)


def _sentence_patterns():
    pats = [
        v
        for mod in (status, periods)
        for v in vars(mod).values()
        if isinstance(v, (casefold.FoldedPattern, re.Pattern))
    ]
    assert len(pats) > 50
    return pats


def test_absent_words_of_a_sentence_hide_no_match():
    """`periods.absent` (once per pattern and sentence) answers `no match` only where the plain
    search of the stretch, as a string of its own or within the text, finds none."""
    rng = random.Random(11)
    pats = _sentence_patterns()
    docs = _docs()
    odd = ODD + " ǅ İSTANBUL ſince KELVIN \u212aM ın ΣΑΣ Year-End YEARS ANNUALLY"
    from pipeline.lib.claims.context import Doc

    docs.append(Doc.build(odd, [], [], None))
    skipped = 0
    for doc in docs:
        text = doc.text
        for s0, s1 in doc.seg.sentences:
            for _ in range(3):
                a = rng.randint(s0, s1)
                b = rng.randint(a, s1)
                for p in pats:
                    if periods.absent(doc, p, (s0, s1), a, b):
                        skipped += 1
                        assert p.search(text, a, b) is None, (p.pattern, text[a:b])
                        assert p.search(text[a:b]) is None, (p.pattern, text[a:b])
        # outside the sentence nothing is known
        assert not periods.absent(doc, pats[0], doc.seg.sentences[0], -1, 3)
    assert skipped > 1000


def test_imperative_once_a_sentence_is_the_plain_match():
    for doc in _docs():
        for s0, _ in doc.seg.sentences:
            for _ in range(2):  # twice: from the cache
                m, plain = periods.imperative(doc, s0), periods.IMPERATIVE.match(doc.text, s0)
                assert _same(m, plain)


def _all_chars() -> list[str]:
    return [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]


def test_every_regex_space_is_str_isspace():
    # the guards before DENOMINATOR, bounds.BEFORE/AFTER and RANGE_SEP test `str.isspace` for `\s`
    space = regex.compile(r"\s")
    assert all(c.isspace() for c in _all_chars() if space.match(c))


def test_first_character_guards_of_the_number_path():
    """Each pattern is tried only at the characters checked first (`extractor._finish`,
    `_shared_unit`, `_range_end`, `bounds.bound_after`): every character at which it can match
    passes the check. The letters of case-insensitive patterns fold from no other character."""
    from pipeline.lib.quantities import bounds, exclusions

    guards = [
        (exclusions.COMPOUND, lambda c: c == "-"),
        (exclusions.DURATION_HYPHEN, lambda c: c == "-"),
        (extractor.ATTACHED_LETTER, lambda c: "a" <= c <= "z" or "A" <= c <= "Z"),
        (extractor.CODE_PLUS, lambda c: c == "+"),
        (bounds.SUFFIX, lambda c: c in extractor._SUFFIX_FIRST),
        (extractor.LIST_SEP, lambda c: c in extractor._LIST_FIRST),
        (extractor.OF_SET, lambda c: c in extractor._OF_FIRST),
        (extractor.RANGE_SEP, lambda c: c.isspace() or c in extractor._RANGE_FIRST),
        (bounds.AFTER, lambda c: c.isspace() or c in "+-"),
    ]
    tails = [
        "", "5", " 5", "-5", "o 5", "r 5", "nd 5", "nd 5 yuan", "level", "year", "odd firms",
        " or more firms", " of the 10", "+ firms", "5 yuan", "\t5", " and 5", "ear",
    ]  # fmt: skip
    chars = [chr(c) for c in range(0x3000)] + ["\u3000", "\uff0c", "\u212a", "\u017f", "\u0130"]
    for pattern, ok in guards:
        for c in chars:
            if ok(c):
                continue
            for tail in tails:
                assert pattern.match(c + tail) is None, (pattern.pattern[:40], c, tail)
    fold = regex.compile(r"(?i)[a-z]")
    for c in _all_chars():
        if fold.match(c) and not c.isascii():
            assert c in "\u212a\u017f\u0130\u0131", c  # K (Kelvin), long s: no guard letter
    for c in "\u212a\u017f\u0130\u0131":
        assert not extractor.RANGE_SEP.match(c + "o 5") and not extractor.RANGE_SEP.match(
            c + "nd 5"
        )
        assert not extractor.SCALE_LEAD.match(c + "undred")


def test_bound_before_skips_only_where_no_bound_word_can_end():
    from pipeline.lib.quantities import bounds

    texts = _texts() + ["more than 5", "about\t5", "over\n5", "nearly the 5", "~5", "x≈5"]
    for text in texts:
        for p in range(len(text) + 1):
            got = bounds.bound_before(text, p)
            if p and not text[p - 1].isspace() and text[p - 1] not in "~\u2248":
                assert bounds.BEFORE.match(text, max(0, p - bounds.WINDOW), p) is None
            assert got is None or got[1] < p


def test_scale_words_need_cased_letters():
    # `_read_number` looks for a scale word only in a figure with a cased letter
    cased = [c for c in _all_chars() if c.lower() != c.upper()]
    fold = regex.compile(r"(?i)[a-z]")
    assert all(c.lower() != c.upper() for c in _all_chars() if fold.match(c))
    assert len(cased) > 1000
    assert extractor._SCALE_WORDS_RE.search("5 million") is not None


def test_scale_lead_first_letters():
    for w in ("hundred", "thousand", "million", "billion", "trillion", "lakh", "crore"):
        assert w[0] in extractor._SCALE_LEAD_FIRST and w[0].upper() in extractor._SCALE_LEAD_FIRST


def test_numbers_read_ahead_give_the_extraction_read_twice(monkeypatch):
    """A number read ahead (`_read_ahead`: the end of a range, the next number of a list) and
    reused when the scan reaches it gives what reading it again gives."""
    texts = _texts() + [
        "Output rose 5% to 3 million tonnes in 2021. " * 4,
        "29.2, 6.7 and 26.6 percent; 30.16 million and 30.09 million units respectively.",
        "62 of the world's 153 lighthouse factories, between 10 and 20 billion yuan, 3 to 5 firms.",
        "rose 1.5% to 4,115.05 and 2 and 3, 5, 6 or 7 to 9 -10 to -12, 3-4, 1 to 2020",
    ]
    fast = [extractor.extract(t) for t in texts]

    def plain(st, pos, found=None):
        n = extractor._read_number(st, pos, found)
        return (None, None) if n is None else (n, extractor._finish(st, n))

    monkeypatch.setattr(extractor, "_read_ahead", plain)
    assert [extractor.extract(t) for t in texts] == fast


def test_master_matches_as_without_ago_where_no_years_ago_begins():
    crafted = [
        "Five years ago 3 firms, 10 years ago, in the past 2 years ago, 1.5 million years ago; "
        "two hundred years ago and 2021 ago. Chicago 5 paragon 2020 in 3 years ago 40%.",
        "A decade ago, 30 percent; 3 years  ago; 4 year ago; (5 years ago) -6 years ago",
    ]
    texts = [t for t in _texts() if "ago" in t.lower()] + crafted
    assert len(texts) >= 3
    for text in texts:
        for p in range(len(text)):
            if extractor.AGO_AT.match(text, p) is not None:
                continue
            a, b = extractor.MASTER.match(text, p), extractor.MASTER_NO_AGO.match(text, p)
            assert _same(a, b) and (a is None or a.groupdict() == b.groupdict()), text[p : p + 30]


def test_intent_word_folded_finds_what_the_ignorecase_pattern_finds():
    """`periods._INTENT_WORD` (asked of a whole text once: folded, see casefold) matches where
    the plain pattern compiled with `re.IGNORECASE` does, at the same offsets."""
    plain = re.compile(periods._INTENT_WORD.pattern, re.I)
    texts = _texts() + [
        "Of those, 63.5% plan to raise it; Two Thirds OF THE firms SAID THEY intend to; "
        "in five \u212aIND aim; 12 PER CENT expect; 40 percent Of Respondents plan",
    ]
    n = 0
    for t in texts + [t.upper() for t in texts] + _pieces(texts):
        for pos in (0, len(t) // 3):
            a, b = plain.search(t, pos), periods._INTENT_WORD.search(t, pos)
            assert (a and a.span()) == (b and b.span()), t[:80]
            n += a is not None
    assert n > 3


_GUARD = re.compile(r"\(\?=\[[^\]]*\]\)")
GUARDED_CLAIMS_PATTERNS = [
    *(getattr(periods, n) for n in ("TARGET_WORDS", "FUTURE_WORDS", "_PAST", "_STATE_PRESENT")),
    *(getattr(periods, n) for n in ("_COMPARE_BEFORE", "_SINCE_BEFORE", "_NOW_WORD", "_SAME_YEAR")),
    status._WILL_LEVEL,
    claims_extract._VERBISH,
]


def test_guarded_claims_patterns_match_as_their_plain_forms():
    """The claims patterns searched per figure behind a lookahead of their first letters
    (`guards.guarded`) find what the plain pattern (case-insensitive) finds, at the same offsets,
    searched whole or from an offset, and need the same strings (`periods.absent`)."""
    texts = _texts()
    texts += [t.upper() for t in texts[:4]] + _pieces(texts)
    for p in GUARDED_CLAIMS_PATTERNS:
        assert _GUARD.match(p.pattern), p.pattern[:40]
        bare = _GUARD.sub("", p.pattern, count=1)
        plain = re.compile(bare, re.I)
        assert required_literals(bare) == required_literals(p.pattern)
        for t in texts:
            for pos in (0, len(t) // 2):
                assert _same(plain.search(t, pos), p.search(t, pos)), (p.pattern[:40], t[:60])


def test_apposition_gap_needs_its_comma_and_or():
    """`PeriodResolver._apposition` looks up `or` and `,` in the gap before running
    `_APPOSITION_GAP`: every gap it matches holds both."""
    rng = random.Random(5)
    texts = _texts() + [
        "5 billion yuan, or 3%",
        "5 (about $1) in total , or 4",
        "5,or 6",
        "5 or, 6",
    ]
    n = 0
    for t in texts:
        for _ in range(400):
            a = rng.randrange(len(t))
            b = min(len(t), a + rng.randint(0, 40))
            for x, y in ((a, b), (t.find(" ", a), t.find("or ", a) + 3)):
                if 0 <= x <= y and periods._APPOSITION_GAP.fullmatch(t, x, y):
                    n += 1
                    assert "or" in t[x:y] and "," in t[x:y]
    assert n > 0


def _shifted_plain(ex, offset: int, rid_base: int, n_before: int):
    """The plain form of a piece's mentions moved into the whole text (as `extract` did before
    the scan wrote them there directly): offsets shifted, range ids and conversions renumbered."""
    from dataclasses import replace

    def sh(v):
        return None if v is None else v + offset

    qs = [
        replace(
            q,
            start=q.start + offset,
            end=q.end + offset,
            number_start=q.number_start + offset,
            number_end=q.number_end + offset,
            unit_start=sh(q.unit_start),
            unit_end=sh(q.unit_end),
            range_id=None if q.range_id is None else q.range_id + rid_base,
            converts=None if q.converts is None else q.converts + n_before,
        )
        for q in ex.quantities
    ]
    ps = [replace(p, start=p.start + offset, end=p.end + offset) for p in ex.periods]
    gs = [replace(g, start=g.start + offset, end=g.end + offset) for g in ex.ignored]
    rid = rid_base + max((q.range_id for q in ex.quantities if q.range_id is not None), default=0)
    return qs, ps, gs, rid


def test_pieces_written_in_place_are_the_pieces_read_alone_and_shifted():
    """A long text's pieces (`prose.pieces`) are scanned straight into one extraction; that is
    each piece extracted alone, then its offsets, range ids and conversion indexes moved."""
    from pipeline.lib.quantities import prose
    from pipeline.lib.quantities.model import Extraction, Ignored

    rng = random.Random(11)
    units = [
        "Revenue hit 1.2 trillion yuan ($168 billion) in the first half of 2023. ",
        "Between 10 and 20 billion yuan, 3 to 5 percent, 62 of the world's 153 factories. ",
        f"The fund holds {'9' * 400} yuan and {'7' * 25} trillion yuan, 5 years ago. ",
        "On 2021-05-03 at 12:30, the 14th Five-Year Plan, 5G and IPv6, the past two years. ",
        "At present, about one-fifth of 30 firms; one in five; US$680 billion to US$720 billion.\n",
        "Output rose 5% to 3 million tonnes in 2021. " * 4 + "\n",
        "1\n" * 60,
    ]
    texts = []
    for _ in range(4):
        parts = [rng.choice(units) + rng.choice(["", "\n", "\n\n"]) for _ in range(900)]
        texts.append("".join(parts))
    texts += [t * 30 for t in _texts()[:6]]
    seen = set()
    for text in texts:
        skipped = prose.regions(text)
        parts = prose.pieces(text, skipped)
        assert len(parts) > 1
        plain = Extraction()
        gaps = iter(skipped)
        gap = next(gaps, None)
        rid = 0
        for a, b in parts:
            while gap is not None and gap[0] < a:
                plain.ignored.append(Ignored(gap[0], gap[1], text[gap[0] : gap[1]], "not_prose"))
                gap = next(gaps, None)
            alone = extractor._extract_piece(extractor._State(text[a:b]))
            qs, ps, gs, rid = _shifted_plain(alone, a, rid, len(plain.quantities))
            plain.quantities += qs
            plain.periods += ps
            plain.ignored += gs
        while gap is not None:
            plain.ignored.append(Ignored(gap[0], gap[1], text[gap[0] : gap[1]], "not_prose"))
            gap = next(gaps, None)
        assert extractor.extract(text) == plain
        seen.update(g.reason for g in plain.ignored)
        seen.update("converts" for q in plain.quantities if q.converts is not None)
        seen.update("range" for q in plain.quantities if q.range_id is not None)
    assert {"not_prose", "too_large", "converts", "range", "date", "year"} <= seen


def test_regions_skip_lines_within_the_sentence_caps():
    """`prose.regions` skips the sentences of a line within both sentence caps: no sentence of
    such a line breaks one (the plain loop over every sentence finds none)."""
    from pipeline.lib.quantities import prose

    rng = random.Random(5)
    words = ["5", "10.5", "2021", "rose", "yuan.", "Output", "3!", "x?", "1,234", "\n", "a"]
    for _ in range(300):
        line = " ".join(rng.choice(words[:-2] + ["a"]) for _ in range(rng.randint(30, 1200)))
        if len(line) > prose.MAX_SENTENCE_CHARS:
            continue
        n = len(prose._DIGITS.findall(line))
        if n > prose.MAX_SENTENCE_NUMBERS:
            continue
        for s, e, sent in prose._sentences(line, 0):
            assert e - s <= prose.MAX_SENTENCE_CHARS
            assert len(prose._DIGITS.findall(sent)) <= prose.MAX_SENTENCE_NUMBERS


def test_abbreviation_and_table_scale_second_characters():
    """After a space or a tab, ABBR begins with one of `_ABBR_SPACED`; CN_TABLE_SCALE's second
    character is a `1`, a space or a tab (the extractor tests those before matching)."""
    extra = "5 bn 5 mln 5\tk 5 K 5 tn 5  10,000 yuan 5\t\t100 million 5 1,000 5 b 5 T 5 M 5 mm"
    for text in _texts() + [extra, extra.upper()]:
        for p in range(len(text)):
            if text[p] in " \t" and extractor.ABBR.match(text, p) is not None:
                assert text[p + 1] in extractor._ABBR_SPACED
            if extractor.CN_TABLE_SCALE.match(text, p) is not None:
                assert text[p + 1] in extractor._CN_SECOND


def test_bound_before_last_word_test_rejects_no_match():
    """`bound_before` leaves a window to BEFORE unless its last word (ASCII) ends with none of
    BEFORE's last words: wherever BEFORE matches, that test passes."""
    from pipeline.lib.quantities import bounds

    phrases = [*bounds.BOUND_OF, "a total of", "the", "only", "just", "an"]
    crafted = [
        f"{pre}{w}{sp}{fill}5"
        for w in phrases
        for pre in ("", "x ", "(", "-")
        for sp in (" ", "\t", "\n ")
        for fill in ("", "a total of ", "the ", "only ")
    ]
    crafted += [t.upper() for t in crafted[::7]] + ["ABOUT 5", "Nearly\u00a05", "over\u20035"]
    for text in _texts() + crafted:
        for p in range(1, len(text) + 1):
            lo = max(0, p - bounds.WINDOW)
            if bounds.BEFORE.match(text, lo, p) is None:
                continue
            tail = text[lo:p].rsplit(None, 1)
            assert tail and (
                not tail[-1].isascii() or tail[-1].lower().endswith(bounds._LAST_WORDS)
            ), text[lo:p]


def test_prefix_test_rejects_no_match():
    """`_prefix_possible` is False only where PREFIX matches nothing (in the extractor's window)."""
    words = [*extractor._PREFIX_WORDS, "Industry", "Wi-Fi", "IPv", "iOS", "THE", "x", "rose", "5"]
    crafted = [
        f"{a}{w}{sp}{b}"
        for w in words
        for a in ("", " ", "(", "-", "x-")
        for sp in ("", " ", "\t", "  ", "\n", "\u00a0")
        for b in ("5", "five", "")
    ]
    for text in _texts() + crafted + [ODD]:
        for p in range(len(text) + 1):
            for lo in {max(0, p - 32), max(0, p - 3), p}:
                if extractor.PREFIX.match(text, lo, p) is not None:
                    assert extractor._prefix_possible(text, lo, p), (text[lo:p], p)


def test_plain_figures_read_alone_are_number_at_matches():
    """Where PLAIN_AT matches (stdlib `re`), NUMBER_AT matches the same span, without `neg`."""
    rng = random.Random(3)
    parts = ["5", "12", "1,234", "1,2345", "12,34", "3.5", "3.", ".5", "1e6", "2E-3", "7\u2009000",
             "1 234 567", "10 million", "10 Million", "5 thousand", "5 dozen", "5 lakh", "5 crore",
             "5 ten thousand", "5-billion", "5%", "5;", "5)", "5\"", "5”", "5’", "5 yuan", "5\tyuan",
             "5\n\nyuan", "5 Yuan", "5 \u00a0yuan", "5\u00a0million", "٣", "5٣", "5.٣", "5,٣", ",5",
             "5 and 6", "5 to 6", "5 Hundred", "5 billion and 2 million", "5 ", " ", "x"]  # fmt: skip
    texts = _texts() + ["".join(rng.choice(parts) for _ in range(40)) for _ in range(300)]
    for text in texts:
        for p in range(len(text)):
            m = extractor.PLAIN_AT.match(text, p)
            if m is None:
                continue
            n = extractor.NUMBER_AT.match(text, p)
            assert n is not None and n.span() == m.span(), (text[p : p + 30],)
            assert m.group("neg") is None and n.group("neg") is None


# ---- the dense-prose round (issue 10): per-text work and guards looked up first -------------


def _crafted_windows() -> list[str]:
    """Short stretches around the words the guards below look for, in several cases and with
    the characters that fold to ASCII letters."""
    words = [
        "from", "than", "compared with", "compared to", "comparing with", "over", "versus",
        "vs", "vs.", "against", "relative to", "higher on", "down on", "5% on", "per cent on",
        "points on", "times what it reported", "2x what the firm had", "double what they were",
        "times that of", "twice the level in", "half those for", "more than double",
        "nearly triple", "times", "per", "every", "each", "or more", "and above", "or so",
        "-odd", "+", "a year earlier", "two years before", "the previous year", ", and", ";",
        "after", "when", "because", "whereas", "becau\u017fe", "where\u017fe", "V\u017f",
        "rose from", "grew 5 points from", "fell sharply from",
    ]  # fmt: skip
    tails = [
        "", "in ", "at ", "during ", "the ", "in the ", "the same period of ", "end of the ",
        "the corresponding period in the ", "5 ", "firms ",
    ]  # fmt: skip
    out = []
    for w in words:
        for t in tails:
            for sp in (" ", "  ", "\n", "\t"):
                s = f"output rose 5 {w} {t}".replace(" ", sp)
                out += [s, s.upper(), s.title(), s + "\n", s.rstrip(), "x" + s]
    return out


def test_survey_window_on_the_lowered_text_is_the_window_lowered():
    from pipeline.lib.claims.present_state import in_survey_section

    heading = "Survey findings\n\nMost firms plan to invest 5% more.\n\n"
    texts = _texts() + [heading * 3, heading.upper() * 2, "SURVEY\n\nx 5\n", "Poll\n\nA 5\n"]
    texts += ["questionna\u0130re results\n\nThe 5 firms\n", "\u017furvey\n\nA 5\n"]
    for t in texts:
        low = t.lower()
        if len(low) != len(t):
            continue
        starts = [0] + [i + 1 for i, c in enumerate(t) if c == "\n"] + list(range(0, len(t), 97))
        for p0 in starts:
            assert in_survey_section(t, p0, low) == in_survey_section(t, p0), (t[:60], p0)


def test_needed_string_tries_find_what_the_string_loop_finds():
    """The trie of a pattern's needed strings (folded patterns, `periods.absent`) finds one in a
    stretch exactly where one of the strings occurs."""
    rng = random.Random(9)
    pats = [
        v
        for mod in (status, periods, claims_extract, indicators)
        for v in vars(mod).values()
        if isinstance(v, (casefold.FoldedPattern, re.Pattern))
    ]
    strings = [casefold.fold(s) for s in _pieces(_texts()) + _crafted_windows()]
    tried = 0
    for p in pats:
        needs = periods._needs(p)
        if not needs or len(needs) < 8:
            continue
        trie = re.compile(extractor.trie_pattern(sorted(set(needs))))
        for s in rng.sample(strings, 300):
            a = rng.randint(0, len(s))
            b = rng.randint(a, len(s))
            plain = any(s.find(n, a, b) >= 0 for n in needs)
            assert (trie.search(s, a, b) is not None) == plain, (p.pattern[:40], s[a:b])
            tried += 1
    assert tried > 3000


def test_guards_looked_up_first_hide_no_match():
    """Where the plain pattern matches, the test run before it passes: bounds.AFTER (the first
    character after the spaces), DENOMINATOR and CHANGE_FROM (the last word), `periods._other_clause` and
    `_search_needed` (the same match), `_YEAR_EARLIER_AFTER` (a space, then `year` or `before`),
    `_may_compare` (the last two words)."""
    from pipeline.lib.quantities import bounds, exclusions

    texts = _texts() + _crafted_windows()
    checked = 0
    for text in texts:
        low = text.lower()
        for e in range(len(text) + 1):
            c = text[e : e + 1]
            if c and c != "-" and bounds.AFTER.match(text, e):
                rest = text[e : e + 32].lstrip()
                assert not rest or rest[0] in bounds._AFTER_FIRST, text[e : e + 20]
                checked += 1
            lo = max(0, e - 12)
            if exclusions.DENOMINATOR.match(text, lo, e):
                assert text[lo:e].rstrip().lower().endswith(extractor._DENOMINATOR_WORDS)
                checked += 1
            lead = text[max(0, e - 60) : e]
            if extractor.CHANGE_FROM.match(text, max(0, e - 60), e):
                assert lead[-1:].isspace() and lead.rstrip().lower().endswith("from"), lead
                checked += 1
            if periods._YEAR_EARLIER_AFTER.match(text, e, e + 40):
                w = low[e : e + 40]
                assert w[:1].isspace() and ("year" in w or "before" in w)
                checked += 1
            before = text[max(0, e - 40) : e]
            if periods._COMPARE_BEFORE.search(before):
                assert periods._may_compare(before), before
                checked += 1
        for a in range(0, len(text), 7):
            for b in (a + 5, a + 24, a + 60):
                plain = periods._OTHER_CLAUSE.search(text, a, b)
                assert _same(periods._other_clause(text, a, b), plain), text[a:b]
                plain = periods._BASE_FIG_LEAD.search(text, a, b)
                assert _same(periods._search_needed(periods._BASE_FIG_LEAD, text, a, b), plain)
    assert checked > 500


def test_scan_patterns_starting_with_a_class_match_as_their_plain_forms():
    """`periods._FISCAL` and `segments._CLAUSE_SEP`, rewritten to start with a literal or a
    class the engine skips to, give the matches of their plain forms."""
    pairs = [
        (re.compile(periods._FISCAL_PLAIN), periods._FISCAL, "FYfiscal year 2019 20 '21.,aX_é\n"),
        (
            re.compile(segments._CLAUSE_SEP_PLAIN),
            segments._CLAUSE_SEP,
            ",;:1a \n\t-\u2013\u2014()\uff0c\u3000",
        ),
    ]
    rng = random.Random(3)
    for plain, fast, alphabet in pairs:
        strings = _texts() + [
            "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 25))) for _ in range(20000)
        ]
        for t in strings:
            got = [(m.span(), m.groups()) for m in fast.finditer(t)]
            assert got == [(m.span(), m.groups()) for m in plain.finditer(t)], t


def test_quantity_index_by_bisection_is_the_index_of_every_span():
    rng = random.Random(4)
    for doc in _docs():
        index = {(q.start, q.end): i for i, q in enumerate(doc.quantities)}
        spans = list(index) + [
            (rng.randint(0, len(doc.text)), rng.randint(0, 9)) for _ in range(99)
        ]
        spans += [(a, b + 1) for a, b in list(index)[:50]] + [
            (a - 1, b) for a, b in list(index)[:50]
        ]
        for a, b in spans:
            assert claims_extract._quantity_index(doc, a, b) == index.get((a, b)), (a, b)


def test_ago_starts_hide_no_match_of_ago_at():
    """`ago.AgoStarts.possible` is False only where AGO_AT does not match (the superset the
    extractor asks before running AGO_AT at a trigger), also with odd characters around the
    number: non-ASCII letters that case-fold to ASCII ones, Unicode digits and spaces."""
    from pipeline.lib.quantities.ago import AgoStarts

    crafted = [
        "it began five years ago; 20 years ago and twenty-three years ago, or 1.3e2 years ago",
        "One Hundred And Six YEARS AGO, a dozen years ago, ſix years ago, \u0663 years ago",
        "ten\u00a0thousand years\u2009ago; x7 years ago; 2,000\n years \n ago; years ago years ago",
        "the same 5 years ago—and 7 years agoé 8 years ago",
    ]
    texts = _texts() + crafted + [t.upper() for t in crafted]
    for text in texts:
        starts = AgoStarts(text)
        for s in range(len(text)):
            if not starts.possible(s):
                assert extractor.AGO_AT.match(text, s) is None, (text[s : s + 40], s)


def test_folded_respectively_finds_what_the_ignorecase_pattern_finds():
    """`periods._RESPECTIVELY` (folded, the word looked up first) gives the spans of the
    `re.IGNORECASE` pattern it replaced, over whole texts and sentence stretches."""
    plain = re.compile(r"\brespectively\b", re.I)
    texts = _texts() + ["RESPECTIVELY, Respectively; xrespectively reſpectively respectively_"]
    rng = random.Random(5)
    for t in texts:
        for _ in range(20):
            lo = rng.randrange(len(t) + 1)
            hi = rng.randrange(lo, len(t) + 1)
            got = [m.span() for m in periods._RESPECTIVELY.finditer(t, lo, hi)]
            assert got == [m.span() for m in plain.finditer(t, lo, hi)]


def test_same_years_over_a_text_matches_as_the_plain_pattern():
    """`periods._SAME_YEARS_TEXT` (folded, led by its first letters) gives the spans of
    `_SAME_YEARS` (`re.IGNORECASE`, led by `\\b`) over whole texts and stretches."""
    texts = _texts() + [
        "Over the same years; xover the same years, IN THE SAME 3 YEARS, for  the\nsame five years",
        "during the same two yearsx; in the same years_ in the ſame years; 5in the same years",
    ]
    rng = random.Random(3)
    for t in texts:
        for _ in range(10):
            lo = rng.randrange(len(t) + 1)
            hi = rng.randrange(lo, len(t) + 1)
            got = [m.span() for m in periods._SAME_YEARS_TEXT.finditer(t, lo, hi)]
            assert got == [m.span() for m in periods._SAME_YEARS.finditer(t, lo, hi)]
        a, b = periods._SAME_YEARS_TEXT.search(t), periods._SAME_YEARS.search(t)
        assert (a and a.span()) == (b and b.span())
