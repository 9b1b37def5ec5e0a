"""The year of an undated article from its body (pipeline/lib/ingest/body_dates.py) and the
header parser's rule 6 (`date_basis` = `body`, `date_precision` = `year`)."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline import settings
from pipeline.lib.ingest.article_headers import parse_header
from pipeline.lib.ingest.body_dates import infer_year, year_date

TODAY = dt.date(2026, 6, 1)


def year(text: str) -> int | None:
    r = infer_year(text, TODAY)
    return r.year if r else None


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # part of a year: the text is from that year
        ("In the first half of 2024, the output of the sector grew 6.1 percent.", 2024),
        ("Revenue in January-October 2023 rose 8 percent to 2.1 trillion yuan.", 2023),
        ("As of the end of June 2022, the company had 425 million users.", 2022),
        # a complete year: the text is from the next year
        ("By the end of 2023, the province had built 95,000 base stations.", 2024),
        ("For the whole of 2021, exports reached 3.3 trillion dollars.", 2022),
        ("In 2022, the added value of the sector reached 1.2 trillion yuan.", 2023),
        ("The market reached 640 billion yuan in 2020, the institute said.", 2021),
        # a complete year outranks a part of it
        (
            "In the first half of 2023, sales rose 9 percent. In 2023 as a whole, sales reached "
            "8 million units.",
            2024,
        ),
        # a fiscal year over in March: the text is from that year
        ("Sales reached 12 billion yen in the fiscal year ended March 2024.", 2024),
        # an event of the year reported as it happens
        ("The vice minister said on Monday at the 2021 World Robot Conference that ...", 2021),
        # a document numbered in its year of issue
        ("Ministry Notice [2025] No. 37\nThe departments shall ...", 2025),
        # an event of the year and the previous year's data agree
        (
            "The fair opened in 2024. Output reached 3.1 billion yuan in 2023, the organiser said.",
            2024,
        ),
    ],
)
def test_year_from_past_data(text, want):
    assert year(text) == want


@pytest.mark.parametrize(
    "text",
    [
        # forecasts and targets are never the year of the text
        "The city aims to connect 20 million devices by 2025.",
        "Output will reach 5 trillion yuan in 2026, the report expects.",
        "The sector is expected to grow 9 percent in 2024.",
        # plan periods and names
        "The Action Plan (2021-2023) set out ten tasks.",
        "Made in China 2025 names ten sectors.",
        # founding and history years, starting points of a change
        "The group was founded in 2015 and employs 300 people.",
        "Its share rose to 14 percent, up from 11 percent in 2021.",
        # an event alone can be reported years later
        "In 2023, the factory was selected as a demonstration site.",
        # no year at all
        "The platform serves more than 3,000 enterprises.",
        # an event still ahead: the text may be from the year before
        "The next review meeting is on 14 June 2020.",
        "The forthcoming 2024 edition of the fair opens in May 2024.",
    ],
)
def test_abstains(text):
    assert year(text) is None


def test_target_year_does_not_hide_past_data():
    text = (
        "The province aims to have 50 platforms by 2025. In 2022, the added value of its "
        "digital economy reached 5.1 trillion yuan, up 9 percent."
    )
    r = infer_year(text, TODAY)
    assert r is not None and r.year == 2023
    assert "2022" in r.evidence
    assert text[r.evidence_start : r.evidence_start + len(r.evidence)] == r.evidence


def test_year_after_today_abstains():
    # the 2026 data would date the text 2027, after today
    assert year("In 2026, output reached 3 trillion yuan.") is None


def test_year_date_is_mid_year_and_never_after_today():
    assert year_date(2023, TODAY) == dt.date(2023, 7, 1)
    assert year_date(2026, TODAY) == TODAY


BODY = (
    "Provincial digital economy keeps growing\n\n"
    "In 2023, the digital economy of the province reached 6.9 trillion yuan, up 8 percent, "
    "officials said. The province plans to add 20 platforms by 2027.\n"
)


def test_parse_header_rule_6_body():
    h = parse_header(BODY, today=TODAY, body_dates=True)
    assert h.published_date == dt.date(2024, 7, 1)
    assert h.date_basis == "body"
    assert h.date_precision == "year"
    assert "2023" in h.date_evidence
    assert "year 2024 from the body" in h.detail


def test_parse_header_body_dates_off():
    h = parse_header(BODY, today=TODAY, body_dates=False)
    assert h.published_date is None and h.date_basis is None and h.date_precision is None


def test_header_date_wins_and_has_day_precision():
    h = parse_header("Title\nPublished: 2024-03-05\n\n" + BODY, today=TODAY, body_dates=True)
    assert h.published_date == dt.date(2024, 3, 5)
    assert h.date_basis == "header_line" and h.date_precision == "day"


def test_setting(monkeypatch):
    monkeypatch.delenv("PIPELINE_BODY_DATES", raising=False)
    assert settings.body_dates() is True  # on by default
    assert parse_header(BODY, today=TODAY).date_basis == "body"
    monkeypatch.setenv("PIPELINE_BODY_DATES", "0")
    assert settings.body_dates() is False
    assert parse_header(BODY, today=TODAY).date_basis is None
    monkeypatch.setenv("PIPELINE_BODY_DATES", "1")
    assert settings.body_dates() is True
    assert parse_header(BODY, today=TODAY).date_basis == "body"
    monkeypatch.setenv("PIPELINE_BODY_DATES", "maybe")
    with pytest.raises(settings.SettingsError):
        settings.body_dates()


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # year-less data up to a month: the text is from the month after
        (
            "In 2023, sales reached 2 million units. As of the end of October, sales were up "
            "9 percent.",
            (2024, 11),
        ),
        (
            "In 2022, output reached 5 trillion yuan. In the first ten months, output grew "
            "6 percent.",
            (2023, 11),
        ),
        (
            "In 2022, output reached 5 trillion yuan. In the first three quarters, exports "
            "rose 4 percent.",
            (2023, 10),
        ),
        # a month of last year, a month with a year, a future month: no month
        (
            "In 2022, output reached 5 trillion yuan. By the end of October last year, 300 "
            "plants had joined.",
            (2023, None),
        ),
        (
            "In 2022, output reached 5 trillion yuan. As of October 2022, 300 plants had joined.",
            (2023, None),
        ),
        (
            "In 2022, output reached 5 trillion yuan. By the end of October, 300 more plants "
            "will join.",
            (2023, None),
        ),
    ],
)
def test_month_from_year_less_data(text, want):
    r = infer_year(text, TODAY)
    assert r is not None and (r.year, r.month) == want


def test_parse_header_month_precision():
    text = BODY + "As of the end of May, 120 more enterprises had joined the platform.\n"
    h = parse_header(text, today=TODAY, body_dates=True)
    assert h.published_date == dt.date(2024, 6, 1)
    assert h.date_basis == "body" and h.date_precision == "month"
    assert "month 6" in h.detail
