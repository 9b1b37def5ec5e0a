"""Hostile and oversized input (issue 10): not-prose stretches set aside with a reason, numbers
too large to be statistics, long texts read in pieces with the same results, the time budget per
article, settings validation, the extract command's limits and the 1850 article."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from pipeline import settings
from pipeline.cli_extract import main as extract_main
from pipeline.lib.claims import extract_claims
from pipeline.lib.claims import table as claim_table
from pipeline.lib.per_article import ArticleTimeout, check_budget, each_article, time_budget
from pipeline.lib.quantities import extract, prose
from pipeline.lib.quantities import table as mention_table
from pipeline.lib.validation import rules
from pipeline.lib.validation.schema import validate_frame
from pipeline.metadata.resources import get as get_resource

ROOT = Path(__file__).resolve().parents[1]
DAY = dt.date(2023, 3, 1)
NORMAL = "Output reached 1.2 million tonnes in 2022, up 5% year on year.\n"


def _reasons(ex) -> list[str]:
    return [g.reason for g in ex.ignored]


# ---- not prose -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "junk",
    [
        "5% " * 20_000,  # one sentence of 60,000 characters
        "up 5% year on year, " * 3_000,
        "1\n" * 5_000,  # lines without a letter
        "1-" * 5_000,
        " ".join(str(i) for i in range(2_000)),  # a sentence of 2,000 numbers
        "1" + "\u2009000" * 3_000,
        "one in " * 5_000,
    ],
)
def test_not_prose_is_set_aside_and_the_rest_still_yields_claims(junk):
    text = NORMAL + "\n" + junk + "\n\n" + NORMAL
    ex = extract(text)
    claims = extract_claims(text, DAY, "a.txt")
    [skipped] = [g for g in ex.ignored if g.reason == "not_prose"]
    assert skipped.text == text[skipped.start : skipped.end]
    assert junk.strip() in skipped.text or skipped.text in junk
    quotes = [(c.quote, c.char_start) for c in claims]
    second = text.rindex(NORMAL)
    assert ("1.2 million tonnes", 15) in quotes
    assert ("1.2 million tonnes", second + 15) in quotes
    assert all(c.char_end <= skipped.start or c.char_start >= skipped.end for c in claims)


# a prose paragraph longer than FIGURE_LINE_CHARS, so that it never joins a run of figure lines
PROSE = (
    "Industrial output reached 1.2 million tonnes in 2022, up 5% year on year, the bureau said.\n"
)


def _set_aside_between_prose(junk: str):
    """`junk` between two prose paragraphs: the one `not_prose` stretch, and the claims."""
    text = PROSE + "\n" + junk + "\n\n" + PROSE
    ex = extract(text)
    [skipped] = [g for g in ex.ignored if g.reason == "not_prose"]
    assert skipped.text == text[skipped.start : skipped.end]
    claims = extract_claims(text, DAY, "a.txt")
    quotes = [(c.quote, c.char_start) for c in claims]
    assert ("1.2 million tonnes", 26) in quotes
    assert ("1.2 million tonnes", text.rindex(PROSE) + 26) in quotes
    assert all(c.char_end <= skipped.start or c.char_start >= skipped.end for c in claims)
    return text, skipped


def test_a_paragraph_of_too_many_numbers_is_set_aside_whole():
    # every sentence is short (3 digit runs), the paragraph holds 3,000
    junk = "Output rose 5% to 3 million tonnes in 2021. " * 1_000
    assert len(prose._DIGITS.findall(junk)) > prose.MAX_PARAGRAPH_NUMBERS
    text, skipped = _set_aside_between_prose(junk)
    assert skipped.text.strip() == junk.strip()


def test_a_paragraph_under_the_number_cap_is_read_whole():
    sentence = "Output rose 5% to 3 million tonnes in 2021. "
    junk = sentence * (prose.MAX_PARAGRAPH_NUMBERS // 3)  # 3 digit runs a sentence
    text = PROSE + junk + "\n"
    assert prose.regions(text) == []
    claims = extract_claims(text, DAY, "a.txt")
    assert [c.quote for c in claims].count("3 million tonnes") == prose.MAX_PARAGRAPH_NUMBERS // 3


def test_a_long_run_of_figure_lines_is_set_aside():
    junk = "Revenue: 5 yuan\n\n" * (prose.MAX_FIGURE_LINES + 1)  # blank lines do not break it
    text, skipped = _set_aside_between_prose(junk)
    assert skipped.text.strip() == junk.strip()


def test_a_table_of_figure_lines_under_the_cap_is_read():
    lines = [f"Region {i}: {i + 1} million yuan" for i in range(prose.MAX_FIGURE_LINES)]
    text = PROSE + "\n".join(lines) + "\n" + PROSE
    assert prose.regions(text) == []
    quotes = [c.quote for c in extract_claims(text, DAY, "a.txt")]
    assert all(f"{i + 1} million yuan" in quotes for i in range(prose.MAX_FIGURE_LINES))


def test_a_line_starting_in_lower_case_or_a_long_line_breaks_a_run_of_figure_lines():
    half = "Revenue: 5 yuan\n" * (prose.MAX_FIGURE_LINES // 2 + 10)
    for breaker in ("and sales of 6 yuan\n", PROSE):  # hard-wrapped prose; a longer line
        assert prose.regions(half + breaker + half) == []
    assert prose.regions(half + "Sales: 6 yuan\n" + half) != []


def test_normal_article_has_no_not_prose():
    for p in sorted(ROOT.glob("benchmarks/heldout*/articles/*.txt")):
        text = p.read_text(encoding="utf-8")
        assert prose.regions(text) == [], p.name


def test_a_long_text_is_read_in_pieces_with_the_same_claims():
    article = (ROOT / "benchmarks/heldout/articles/001_miit_5g_base_stations.txt").read_text(
        encoding="utf-8"
    )
    one = extract(article)
    copies = 3 + prose.PIECE_CHARS // len(article)
    text = "\n\n".join([article] * copies)
    assert len(prose.pieces(text, [])) > 1
    many = extract(text)
    assert len(many.quantities) == copies * len(one.quantities)
    step = len(article) + 2
    for k in range(copies):
        part = many.quantities[k * len(one.quantities) : (k + 1) * len(one.quantities)]
        assert [(q.start - k * step, q.end - k * step, q.value) for q in part] == [
            (q.start, q.end, q.value) for q in one.quantities
        ]
    ids = [q.range_id for q in many.quantities if q.range_id is not None]
    assert len(set(ids)) == len(ids) // 2  # each range's two ends, unique across pieces
    for i, q in enumerate(many.quantities):
        if q.converts is not None:
            assert (
                many.quantities[q.converts].end <= q.start <= many.quantities[q.converts].end + 40
            )
            assert many.quantities[q.converts].unit != q.unit, i


# ---- numbers too large ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number", ["9" * 400, "1e999999", "1e9999999", "1.5e99999999999", "7" * 25 + " trillion"]
)
def test_a_number_too_large_is_set_aside_and_the_rest_yields_claims(number):
    text = f"The fund holds {number} yuan. " + NORMAL
    ex = extract(text)
    assert "too_large" in _reasons(ex)
    g = next(g for g in ex.ignored if g.reason == "too_large")
    assert g.text == text[g.start : g.end] and number.split()[0] in g.text
    claims = extract_claims(text, DAY, "a.txt")
    assert "1.2 million tonnes" in [c.quote for c in claims]


# ---- the 1850 article ---------------------------------------------------------------------------


def test_the_1850_article_passes_the_schema_and_its_odd_figure_is_quarantined_or_kept():
    text = "Bank history\n\nThe bank was founded in 1850 and now has 3,000 branches.\n"
    articles = pd.DataFrame(
        {
            "article_file": ["bank.txt"],
            "text": [text],
            "published_date": [pd.Timestamp("2023-05-04")],
        }
    )
    claims, outcome = claim_table.claims_table(articles)
    assert not outcome.failures
    mentions, outcome = mention_table.mentions_table([("bank.txt", text)])
    assert not outcome.failures
    assert (mentions["period_start"] == 1850).any()
    for name, frame in (("claims", claims), ("quantity_mentions", mentions)):
        report = validate_frame(get_resource(name), frame)
        assert report.passed, report.summary()
    res = rules.validate(claims, articles)
    assert len(res.valid) + res.quarantine["claim_id"].nunique() == len(claims)
    odd = claims[(claims["period_start"] < 1949) | (claims["period_end"] < 1949)]
    assert set(odd["claim_id"]) <= set(res.quarantine["claim_id"])
    assert validate_frame(get_resource("validated_claims"), res.valid).passed
    assert validate_frame(get_resource("quarantine"), res.quarantine).passed


# ---- time budget --------------------------------------------------------------------------------


def test_an_article_over_budget_is_recorded_and_the_run_goes_on():
    done = []

    def fn(name, text):
        if name == "slow.txt":
            while True:  # a runaway rule: only the budget stops it
                check_budget()
        done.append((name, len(extract_claims(text, DAY, name))))

    outcome = each_article(
        [("a.txt", NORMAL), ("slow.txt", NORMAL), ("b.txt", NORMAL)], fn, seconds=0.3
    )
    assert [n for n, _ in done] == ["a.txt", "b.txt"]
    [failure] = outcome.failures
    assert failure.article_file == "slow.txt"
    assert failure.error.startswith("ArticleTimeout: over the time budget of 0.3 s")


def test_the_alarm_stops_a_loop_that_never_checks():
    t0 = time.monotonic()
    with pytest.raises(ArticleTimeout), time_budget(0.2):
        while True:
            pass
    assert time.monotonic() - t0 < 5


def test_the_budget_defaults_to_the_setting(monkeypatch):
    monkeypatch.setenv("PIPELINE_ARTICLE_SECONDS", "0.2")
    outcome = each_article([("x.txt", 0)], lambda n, _: time.sleep(3))
    assert "ArticleTimeout" in outcome.failures[0].error


# ---- settings -----------------------------------------------------------------------------------


def test_settings_are_validated():
    s = settings.load({"PIPELINE_MAX_FILE_BYTES": "1_000_000", "PIPELINE_ARTICLE_SECONDS": "5"})
    assert s.max_file_bytes == 1_000_000 and s.article_seconds == 5.0
    for env in (
        {"PIPELINE_MAX_FILE_BYTES": "abc"},
        {"PIPELINE_MAX_FILE_BYTES": "0"},
        {"PIPELINE_ARTICLE_SECONDS": "-1"},
        {"PIPELINE_ARTICLE_SECONDS": "soon"},
        {"PIPELINE_RAW_DIR": ""},
    ):
        with pytest.raises(settings.SettingsError) as info:
            settings.load(env)
        assert next(iter(env)) in str(info.value)


def test_settings_functions_keep_working(monkeypatch):
    monkeypatch.setenv("PIPELINE_RAW_DIR", "/tmp/r")
    monkeypatch.setenv("PIPELINE_MAX_FILE_BYTES", "123")
    assert settings.raw_dir() == Path("/tmp/r")
    assert settings.max_file_bytes() == 123
    assert settings.build_path_for(Path("/w/x.duckdb")) == Path("/w/.build/x.duckdb")
    monkeypatch.setenv("PIPELINE_MAX_FILE_BYTES", "abc")
    assert settings.raw_dir() == Path("/tmp/r")  # another variable's bad value is not its concern
    with pytest.raises(ValueError):
        settings.max_file_bytes()


# ---- the extract command ------------------------------------------------------------------------


def test_extract_bad_setting_exits_2_with_a_message(tmp_path, monkeypatch, capsys):
    f = tmp_path / "a.txt"
    f.write_text(NORMAL, encoding="utf-8")
    monkeypatch.setenv("PIPELINE_MAX_FILE_BYTES", "abc")
    assert extract_main([str(f)]) == 2
    err = capsys.readouterr().err
    assert "PIPELINE_MAX_FILE_BYTES='abc'" in err and "Traceback" not in err
    assert extract_main([str(f), "--max-file-bytes", "-5"]) == 2
    assert "--max-file-bytes" in capsys.readouterr().err


def test_extract_size_limit(tmp_path, monkeypatch, capsys):
    big, small = tmp_path / "big.txt", tmp_path / "small.txt"
    big.write_text(NORMAL * 10, encoding="utf-8")
    small.write_text(NORMAL, encoding="utf-8")
    monkeypatch.setenv("PIPELINE_MAX_FILE_BYTES", str(len(NORMAL) + 10))
    assert extract_main([str(big), str(small), "--published", "2023-01-01"]) == 2
    captured = capsys.readouterr()
    assert "too_large" in captured.err and str(big) in captured.err
    assert '"1.2 million tonnes"' in captured.out
    assert extract_main([str(big), "--max-file-bytes", "100000", "--published", "2023-01-01"]) == 0


def test_extract_progress_for_a_large_text(tmp_path, capsys):
    f = tmp_path / "large.txt"
    f.write_text(NORMAL * 4000 + "5% " * 20_000, encoding="utf-8")
    assert extract_main([str(f), "--published", "2023-01-01"]) == 0
    err = capsys.readouterr().err
    assert "finding quantities" in err and "set aside as not prose" in err and "claims in" in err


def test_extract_into_a_closed_pipe_has_no_traceback(tmp_path):
    f = tmp_path / "many.txt"
    f.write_text(NORMAL * 3000, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "extract", str(f), "--published", "2023-01-01"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    proc.stdout.readline()  # `| head -1`
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0
    assert "Traceback" not in err and "BrokenPipe" not in err


# ---- a run over a folder with hostile files ------------------------------------------------------


def test_a_run_over_hostile_files_finishes_and_publishes_the_rest(tmp_path, monkeypatch):
    import duckdb

    from tests.test_pipeline_e2e import make_raw, run_all

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_hostile import make

    raw = make_raw(tmp_path / "raw")
    (raw / "h_percent.txt").write_text("5% " * 100_000, encoding="utf-8")
    (raw / "h_lines.txt").write_text("Figures\n\n" + "1\n" * 100_000, encoding="utf-8")
    (raw / "h_digits.txt").write_text(
        "Published: 2023-03-02\n\nThe fund holds " + "9" * 500 + " yuan. " + NORMAL, "utf-8"
    )
    (raw / "h_bank.txt").write_text(
        "Published: 2023-05-04\nBank history\n\nThe bank was founded in 1850 and now has 3,000 "
        "branches.\n",
        encoding="utf-8",
    )
    (raw / "h_slow.txt").write_text(make("news", 0.6), encoding="utf-8")
    monkeypatch.setenv("PIPELINE_ARTICLE_SECONDS", "0.5")  # h_slow.txt needs more
    published = tmp_path / "wh" / "industrial_internet.duckdb"
    result = run_all(monkeypatch, raw, published)
    assert result.success
    checks = {
        (e.event_specific_data.asset_key.to_user_string(), e.event_specific_data.check_name): (
            e.event_specific_data.passed
        )
        for e in result.all_events
        if e.event_type_value == "ASSET_CHECK_EVALUATION"
    }
    assert all(passed for (table, name), passed in checks.items() if name == "schema")
    assert checks[("claims", "every_article_processed")] is False  # h_slow.txt, over budget
    con = duckdb.connect(str(published), read_only=True)
    per_file = dict(con.execute("SELECT article_file, count(*) FROM claims GROUP BY 1").fetchall())
    assert "h_slow.txt" not in per_file
    assert per_file.get("h_digits.txt", 0) >= 1 and per_file.get("h_bank.txt", 0) >= 1
    assert sum(per_file.values()) >= 30
    reasons = dict(
        con.execute(
            "SELECT article_file, list(DISTINCT reason) FROM quantity_mentions "
            "WHERE reason IN ('not_prose', 'too_large') GROUP BY 1"
        ).fetchall()
    )
    assert reasons["h_percent.txt"] == ["not_prose"] and reasons["h_lines.txt"] == ["not_prose"]
    assert reasons["h_digits.txt"] == ["too_large"]
    con.close()
