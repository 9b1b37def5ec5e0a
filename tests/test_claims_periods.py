"""Reference periods: explicit years, paragraph years, present stocks, relative periods."""

from __future__ import annotations

import datetime as dt

from claims_helpers import claims, find

from pipeline.lib.claims.context import Doc, quantity_context
from pipeline.lib.claims.periods import PeriodResolver
from pipeline.lib.mentions import Period, Quantity


def period(c):
    return (c.period_start, c.period_end, c.period_basis)


def test_year_in_own_clause():
    c = find("Shipments of industrial robots reached 443,000 units in 2022.", "443,000")
    assert period(c) == (2022, 2022, "explicit_year")


def test_year_earlier_in_sentence_scopes_the_sentence():
    text = "In 2021, the revenue of the platform sector was 120 billion yuan, up 18%."
    assert period(find(text, "120 billion")) == (2021, 2021, "explicit_year")
    assert period(find(text, "18%")) == (2021, 2021, "explicit_year")


def test_year_attached_to_another_quantity_is_not_taken():
    text = (
        "Last quarter the sector's output will exceed 3 trillion yuan, and it is expected to reach "
        "3.6 trillion yuan in 2023."
    )
    assert period(find(text, "3.6 trillion", "2022-12-01"))[:2] == (2023, 2023)
    first = find(text, "exceed 3 trillion", "2022-12-01")
    assert (first.period_start, first.period_end) != (2023, 2023)


def test_earlier_year_attached_to_other_quantity_gives_way_to_free_year():
    text = (
        "In 2021, sales were 5 billion yuan, up from 4 billion yuan in 2020, and profits reached "
        "1 billion yuan."
    )
    assert period(find(text, "4 billion", "2022-05-01"))[:2] == (2020, 2020)
    assert period(find(text, "1 billion", "2022-05-01"))[:2] == (2021, 2021)


def test_year_range():
    c = find("From 2018 to 2020, the number of smart factories grew to 300 factories.", "300")
    assert (c.period_start, c.period_end) == (2018, 2020)


def test_paragraph_opening_year_carries_to_later_sentences():
    text = (
        "In 2020, the digital economy kept growing. Its scale reached 39.2 trillion yuan.\n\n"
        "The number of 5G base stations reached 1.4 million."
    )
    assert period(find(text, "39.2 trillion", "2021-04-01")) == (2020, 2020, "paragraph_year")
    # another paragraph: no carry, a stock stated in the present -> publication year
    assert period(find(text, "1.4 million", "2021-04-01")) == (2021, 2021, "publication_year")


def test_sentence_year_overrides_paragraph_year():
    text = (
        "In 2020, exports rose sharply. In 2019, the number of 5G users reached 150 million users."
    )
    assert period(find(text, "150 million", "2021-04-01"))[:2] == (2019, 2019)


def test_present_stock_is_publication_year():
    text = "So far, more than 80 million sets of industrial equipment have been connected."
    assert period(find(text, "80 million", "2022-11-07")) == (2022, 2022, "publication_year")


def test_perfect_tense_without_time_words_is_publication_year():
    c = find("More than 2,000 smart factories have been built across the country.", "2,000")
    assert period(c) == (2022, 2022, "publication_year")


def test_past_two_years_is_relative_to_publication():
    text = "The penetration rate among SMEs rose by 4 percentage points in the past two years."
    assert period(find(text, "4 percentage points", "2023-03-01")) == (2021, 2023, "relative")


def test_last_year_and_next_year():
    assert period(
        find(
            "Last year the scale of the digital economy was 45 trillion yuan.",
            "45 trillion",
            "2023-06-01",
        )
    )[:2] == (2022, 2022)
    c = find(
        "Next year, the market is expected to reach 2 trillion yuan.", "2 trillion", "2023-06-01"
    )
    assert period(c)[:2] == (2024, 2024)


def test_title_year_is_not_a_reference_period():
    text = (
        'The "Report on the Development of Computing Power (2022)" pointed out that the total '
        "computing power reached 150 EFLOPS."
    )
    c = find(text, "150", "2023-07-30")
    assert period(c) == (2023, 2023, "publication_year")


def test_year_of_a_named_event_is_not_a_reference_period():
    text = "The 2019 World Manufacturing Convention attracted more than 30,000 visitors."
    c = find(text, "30,000", "2021-01-05")
    assert c.period_basis == "publication_year"


def test_future_without_year_has_no_period():
    c = find(
        "The industrial Internet industry scale will exceed 1.2 trillion yuan.", "1.2 trillion"
    )
    assert (c.period_start, c.period_end, c.period_basis) == (None, None, "none")


def test_unknown_publication_date_leaves_present_stocks_without_period():
    c = find("At present, more than 150 platforms with regional influence exist.", "150", None)
    assert (c.period_start, c.period_end) == (None, None)


def test_resolver_on_hand_built_objects():
    text = "Since then, in 2021, the count reached 300 cities."
    q = Quantity(
        start=39,
        end=49,
        text="300 cities",
        value=300.0,
        unit="count",
        counted="cities",
        number_start=39,
        number_end=42,
    )
    p = Period(start=12, end=19, text="in 2021", kind="year", year_start=2021, year_end=2021)
    assert text[q.start : q.end] == "300 cities" and text[p.start : p.end] == "in 2021"
    doc = Doc.build(text, [q], [p], dt.date(2022, 1, 1))
    res = PeriodResolver(doc).resolve(quantity_context(doc, 0))
    assert (res.start, res.end, res.basis) == (2021, 2021, "explicit_year")


def test_every_claim_has_a_known_basis():
    text = "In 2021, X reached 5 billion yuan. At present, 20 nodes are running."
    for c in claims(text):
        assert c.period_basis in (
            "explicit_year",
            "paragraph_year",
            "publication_year",
            "relative",
            "none",
        )


def test_from_to_pair_splits_a_year_range():
    text = (
        "From 2012 to 2021, the scale of the digital economy grew from 11 trillion yuan to "
        "45.5 trillion yuan, an average annual growth of 15.9%."
    )
    assert period(find(text, "11 trillion", "2022-07-01"))[:2] == (2012, 2012)
    assert period(find(text, "45.5 trillion", "2022-07-01"))[:2] == (2021, 2021)
    assert period(find(text, "15.9%", "2022-07-01"))[:2] == (2012, 2021)


# ---- parts of a year ---------------------------------------------------------------------------
def test_part_of_year_gives_its_year():
    text = (
        "In the first three quarters of 2022, the added value of the industrial Internet industry "
        "reached 3.1 trillion yuan."
    )
    c = find(text, "3.1 trillion", "2023-02-01")
    assert period(c) == (2022, 2022, "explicit_year")
    assert c.status == "actual"
    # `three` is part of the period, not a claim
    assert [x.quote for x in claims(text, "2023-02-01")] == ["3.1 trillion yuan"]


def test_part_of_year_codes_and_month_counts():
    c = find("In the first 11 months of 2021, shipments rose 12.5%.", "12.5%", "2022-01-10")
    assert period(c) == (2021, 2021, "explicit_year")
    c = find(
        "Q3 2022 shipments of industrial robots reached 443,000 units.", "443,000", "2023-01-10"
    )
    assert period(c) == (2022, 2022, "explicit_year")


def test_part_of_year_without_year_is_the_publication_year():
    c = find(
        "From January to October, software business revenue rose 10.1%.", "10.1%", "2023-11-20"
    )
    assert period(c) == (2023, 2023, "publication_year")
    c = find(
        "In the first half, industrial enterprises bought 52,000 industrial robots.",
        "52,000",
        "2023-08-01",
    )
    assert period(c) == (2023, 2023, "publication_year")
    # without a publication date there is no year to give
    c = find("In the first quarter, firms bought 52,000 robots.", "52,000", None)
    assert (c.period_start, c.period_end) == (None, None)


def test_part_of_relative_year():
    c = find("In the first half of last year, the firm sold 20,000 robots.", "20,000", "2023-03-01")
    assert period(c) == (2022, 2022, "relative")


def test_recent_years_keeps_the_fallback():
    c = find(
        "In recent years, more than 150 industrial Internet platforms have emerged.",
        "150",
        "2022-09-10",
    )
    assert period(c) == (2022, 2022, "publication_year")
