"""One article's failure costs that article only."""

import pandas as pd

from pipeline.lib.claims import table as claim_table
from pipeline.lib.ingest import folder as ingest
from pipeline.lib.per_article import each_article


def test_each_article_records_a_failure_and_goes_on():
    seen = []

    def fn(name, value):
        if value < 0:
            raise ValueError("negative")
        seen.append(name)

    outcome = each_article([("a", 1), ("b", -1), ("c", 2)], fn)
    assert seen == ["a", "c"]
    [failure] = outcome.failures
    assert failure.article_file == "b"
    assert failure.error == "ValueError: negative"
    assert "in fn" in failure.where


def test_claims_table_keeps_the_claims_of_the_other_articles(monkeypatch):
    real = claim_table.extract_claims

    def flaky(text, published, article_file="-"):
        if article_file == "bad.txt":
            raise RuntimeError("a rule broke")
        return real(text, published, article_file=article_file)

    monkeypatch.setattr(claim_table, "extract_claims", flaky)
    articles = pd.DataFrame(
        {
            "article_file": ["good.txt", "bad.txt"],
            "text": ["Output reached 1.2 million tonnes in 2023."] * 2,
            "published_date": [pd.Timestamp("2024-01-05")] * 2,
        }
    )
    table, outcome = claim_table.claims_table(articles)
    assert table["article_file"].tolist() == ["good.txt"]
    assert [f.article_file for f in outcome.failures] == ["bad.txt"]


def test_a_header_parser_failure_keeps_the_article_without_a_date(monkeypatch):
    def broken(text, today=None):
        raise IndexError("list index out of range")

    monkeypatch.setattr(ingest, "parse_header", broken)
    header = ingest._header("Title\n\nBody text.", None)
    assert header.published_date is None
    assert "header parser failed (IndexError" in header.detail
