"""HTML pages as input: trafilatura keeps the main text, title, date and author; navigation,
scripts and style sheets never become claims; a page yields the same claims as its plain text,
each quote at its offsets in the stored text."""

from __future__ import annotations

import json

import pytest

from pipeline.cli_extract import main as extract_main
from pipeline.lib.claims.table import claims_table
from pipeline.lib.ingest.folder import ingest_folder
from pipeline.lib.ingest.html import html_to_article, looks_like_html

PARAGRAPHS = [
    "SHENYANG, Nov. 7 -- The added value of China's industrial Internet industry reached 4.10 "
    "trillion yuan in 2021, a nominal growth of 14.53%, accounting for 3.58% of GDP, the "
    "conference heard on Monday.",
    "More than 150 industrial Internet platforms with regional and industry influence have "
    "been built, and the number of industrial equipment connections has exceeded 79 million "
    "sets.",
    "The added value of the industrial Internet industry is expected to reach 4.45 trillion "
    "yuan in 2022.",
]
TITLE = "Industrial Internet added value reached 4.1 trillion yuan"

PLAIN = (
    f"{TITLE}\nPublished: 2022-11-07\nSource: Example Daily\nBy: Li Ming\n\n"
    + "\n\n".join(PARAGRAPHS)
    + "\n"
)

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{TITLE} - Example Daily</title>
<meta property="og:title" content="{TITLE}">
<meta property="og:site_name" content="Example Daily">
<meta name="author" content="Li Ming">
<meta property="article:published_time" content="2022-11-07T09:00:00+08:00">
<style>body{{width:100%;margin:0 auto}} .nav li{{width:25%}} .ad{{height:250px}}</style>
<script>var slots = 300; window.layout = {{width: "100%", cols: 12}};</script>
</head><body>
<nav class="nav"><ul><li><a href="/">Home</a></li><li><a href="/tech">Top 10 gadgets of 2023</a></li>
<li><a href="/deals">Save 50% today</a></li></ul></nav>
<div class="ad" style="width:100%">Subscribe: 3 months for 99 yuan</div>
<main><article>
<h1>{TITLE}</h1>
<p class="byline">By Li Ming | 2022-11-07</p>
{"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}
</article></main>
<aside><h3>Most read</h3><ul><li><a href="/a">5 tips for 2024</a></li><li><a href="/b">China's 20 best cities</a></li></ul></aside>
<footer><p>Copyright 2022 Example Daily. 100% original content. Tel: 010-12345678</p></footer>
<script>document.querySelectorAll('.ad').forEach(e => e.style.width = '100%');</script>
</body></html>
"""

KEY = ("quote", "value", "unit", "bound", "indicator", "period_start", "period_end", "status")


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("a.html", "plain words", True),
        ("a.HTM", "plain words", True),
        ("a.txt", PAGE, True),
        ("noname", "\ufeff<html><body><p>x</p></body></html>", True),
        ("a.txt", "<?xml version='1.0'?>\n<!-- saved -->\n<html>", True),
        ("a.txt", "Text <head> and <body> mentioned, not a page.", False),
        ("a.txt", "<meta charset=utf-8><head></head><body><p>x</p></body>", True),
        ("a.txt", "Title\nPublished: 2022-11-07\n\n<b>bold</b> and 100% text", False),
        (None, "The added value reached 4.1 trillion yuan.", False),
    ],
)
def test_looks_like_html(name, text, expected):
    assert looks_like_html(name, text) is expected


def test_main_text_title_date_author_and_no_boilerplate():
    text, meta = html_to_article(PAGE)
    assert meta["title"] == TITLE
    assert meta["date"] == "2022-11-07"
    assert meta["author"] == "Li Ming"
    assert meta["sitename"] == "Example Daily"
    assert meta["extraction"] == "trafilatura"
    for paragraph in PARAGRAPHS:
        assert f"\n\n{paragraph}" in text
    for junk in ("width", "100%", "Top 10", "50%", "Subscribe", "Most read", "Copyright", "slots"):
        assert junk not in text
    assert text.startswith(f"{TITLE}\nPublished: 2022-11-07\n")


def _claims_of(folder):
    tables = ingest_folder(folder, max_bytes=5_000_000)
    claims, outcome = claims_table(tables.articles)
    return tables.articles, claims


def test_a_page_yields_the_same_claims_as_its_plain_text(tmp_path):
    (tmp_path / "html").mkdir()
    (tmp_path / "txt").mkdir()
    (tmp_path / "html" / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "txt" / "page.txt").write_text(PLAIN, encoding="utf-8")
    html_articles, html_claims = _claims_of(tmp_path / "html")
    txt_articles, txt_claims = _claims_of(tmp_path / "txt")

    def keyed(frame):
        return sorted(
            tuple(str(v) for v in row) for row in frame[list(KEY)].itertuples(index=False)
        )

    assert len(txt_claims) >= 6
    assert keyed(html_claims) == keyed(txt_claims)
    assert not (html_claims["unit"].eq("percent") & html_claims["value"].eq(100)).any()
    # the stored text is the extracted text, and every quote sits at its offsets
    article = html_articles.iloc[0]
    assert "<p>" not in article["text"] and article["n_chars"] == len(article["text"])
    for c in html_claims.itertuples():
        assert article["text"][c.char_start : c.char_end] == c.quote
    # the header parser reads the header written for the page
    assert str(article["published_date"].date()) == "2022-11-07"
    assert article["outlet"] == "Example Daily" and article["byline"] == "Li Ming"
    assert article["title"] == TITLE


def test_a_page_saved_as_txt_is_detected_by_its_content(tmp_path):
    (tmp_path / "saved.txt").write_text(PAGE, encoding="utf-8")
    articles, claims = _claims_of(tmp_path)
    assert articles.iloc[0]["text"].startswith(TITLE)
    assert "width" not in " ".join(claims["sentence"].fillna(""))


def test_a_page_without_main_text_keeps_its_visible_text(tmp_path):
    text, meta = html_to_article(
        "<html><head><title>T</title><style>p{width:100%}</style></head>"
        "<body><div>Short note: 20 platforms.</div></body></html>"
    )
    assert meta["title"] == "T"
    assert "width" not in text
    assert text.startswith("T\n\n") and "20 platforms" in text


def test_extract_command_reads_html_pages(tmp_path, capsys):
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    plain = tmp_path / "page.txt"
    plain.write_text(PLAIN, encoding="utf-8")
    assert extract_main([str(page)]) == 0
    from_page = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert extract_main([str(plain)]) == 0
    from_text = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert from_page and [tuple(str(c[k]) for k in KEY) for c in from_page] == [
        tuple(str(c[k]) for k in KEY) for c in from_text
    ]
