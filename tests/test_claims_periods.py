"""Reference periods: explicit years, paragraph years, present stocks, relative periods."""

from __future__ import annotations

import datetime as dt

from claims_helpers import claims, find

from pipeline.lib.claims.context import Doc, quantity_context
from pipeline.lib.claims.model import PERIOD_BASES
from pipeline.lib.claims.periods import PeriodResolver
from pipeline.lib.quantities.model import Period, Quantity


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
    # a level reached over a span is the span's last year's (issue 9, family 3)
    c = find("From 2018 to 2020, the number of smart factories grew to 300 factories.", "300")
    assert (c.period_start, c.period_end) == (2020, 2020)
    c = find("From 2018 to 2020, smart factories increased by 300.", "300")
    assert (c.period_start, c.period_end) == (2018, 2020)


def test_paragraph_opening_year_carries_to_later_sentences():
    text = (
        "In 2020, the digital economy kept growing. Its scale reached 39.2 trillion yuan.\n\n"
        "The number of 5G base stations reached 1.4 million."
    )
    assert period(find(text, "39.2 trillion", "2021-04-01")) == (2020, 2020, "paragraph_year")
    # another paragraph in the past tense: the article's reference year
    assert period(find(text, "1.4 million", "2021-04-01")) == (2020, 2020, "article_year")
    # ... but a stock stated in the present is the publication year
    present = text.replace("reached 1.4 million", "has exceeded 1.4 million")
    assert period(find(present, "1.4 million", "2021-04-01")) == (2021, 2021, "publication_year")


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
        assert c.period_basis in PERIOD_BASES


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


# ---- carried years -----------------------------------------------------------------------------
def test_year_carries_from_the_nearest_earlier_sentence_of_the_paragraph():
    text = (
        "The city opened a new data centre. By the end of last year, its cloud platforms had "
        "served 12,000 enterprises. The platforms also hosted 3,400 industrial apps."
    )
    assert period(find(text, "12,000", "2024-02-01")) == (2023, 2023, "relative")
    assert period(find(text, "3,400", "2024-02-01")) == (2023, 2023, "paragraph_year")


def test_later_sentence_carries_the_nearest_year_not_the_opening_one():
    text = (
        "In 2019, the park was founded. In 2021, its output reached 8 billion yuan. Exports "
        "amounted to 2 billion yuan."
    )
    assert period(find(text, "2 billion", "2022-06-01"))[:2] == (2021, 2021)


def test_the_same_year_refers_back_to_the_last_named_year():
    text = (
        "In 2022, the robot industry grew quickly.\n\n"
        "In the same year, its revenue exceeded 170 billion yuan."
    )
    assert period(find(text, "170 billion", "2023-12-01")) == (2022, 2022, "paragraph_year")


def test_article_year_only_for_past_tense_without_any_year_in_the_paragraph():
    text = (
        "In 2023, the software industry earned 12 trillion yuan, the ministry said.\n\n"
        "Profits rose 13 percent, while exports amounted to $51 billion.\n\n"
        "The localization rate of design software is still below 10 percent."
    )
    assert period(find(text, "13 percent", "2024-01-30")) == (2023, 2023, "article_year")
    assert period(find(text, "$51 billion", "2024-01-30")) == (2023, 2023, "article_year")
    assert period(find(text, "10 percent", "2024-01-30")) == (2024, 2024, "publication_year")


def test_article_year_is_the_most_named_past_year():
    text = (
        "In 2022, revenue was 5 billion yuan, up from 4 billion yuan in 2021. Last year, profit "
        "was 1 billion yuan.\n\n"
        "The number of employees reached 30,000 people."
    )
    assert period(find(text, "30,000", "2023-03-01")) == (2022, 2022, "article_year")


def test_verb_after_the_quantity_decides_the_tense():
    text = (
        "In 2022, the digital economy grew fast.\n\n"
        "At the provincial level, 13 provinces each had a digital economy above 1 trillion yuan."
    )
    assert period(find(text, "13 provinces", "2023-04-28"))[:2] == (2022, 2022)


def test_since_year_is_not_a_reference_period():
    text = (
        "The report, the fifth of its kind since 2018, was released in Beijing. Digital "
        "industrialization was worth 9.2 trillion yuan."
    )
    # `since 2018` neither dates the sentence nor carries: the stock is at the publication
    # year (past tense and no other year: nothing better to say)
    c = find(text, "9.2 trillion", "2023-04-28")
    assert c.period_start != 2018


def test_since_an_event_dated_is_not_a_reference_period():
    text = (
        "Since the launch of the national computing project in February 2022, 10 national data "
        "center clusters have been approved."
    )
    assert period(find(text, "10 national", "2023-10-10")) == (2023, 2023, "publication_year")


def test_next_n_years_starts_with_the_publication_year():
    text = "The market is expected to grow by 15 percent a year in the next three years."
    c = find(text, "15 percent", "2024-01-30")
    assert period(c) == (2024, 2026, "relative")
    assert c.status == "forecast"
    c = find("Growth over the next two years would stay at 8 percent.", "8 percent", "2023-04-28")
    assert period(c)[:2] == (2023, 2024)
    # `next year` alone is the year after publication
    c = find("Next year the market will reach 2 trillion yuan.", "2 trillion", "2023-06-01")
    assert period(c)[:2] == (2024, 2024)


def test_year_in_quoted_speech_is_a_reference_period_but_not_in_a_title():
    text = (
        '"In the next three years, investment will shift to applications," the analyst said, '
        "adding that annual spending could stay at 190 billion yuan."
    )
    assert period(find(text, "190 billion", "2023-01-18"))[:2] == (2023, 2025)


def test_explicit_year_after_a_dollar_amount_with_initials():
    text = "Globally, the digital economy amounted to 38.1 trillion U.S. dollars in 2021. It grew."
    assert period(find(text, "38.1 trillion", "2023-04-28")) == (2021, 2021, "explicit_year")


def test_hard_wrapped_line_continues_the_paragraph():
    text = (
        "In 2022, the digital economy of the province reached 6.4 trillion yuan, and the\n"
        "core industries will be worth 1.3 trillion yuan."
    )
    c = find(text, "1.3 trillion", "2023-03-02")
    assert period(c)[:2] == (2022, 2022)
    assert c.status == "actual"


# ---- headlines ---------------------------------------------------------------------------------
def test_headline_takes_the_period_of_the_same_figure_in_the_body():
    text = (
        "Country's 5G base stations top 2.3 million\n\n"
        "The country had built 2.31 million 5G base stations by the end of 2022, the ministry "
        "said on Wednesday."
    )
    head = find(text, "2.3 million", "2023-01-18")
    assert (head.period_start, head.period_end, head.period_basis) == (2022, 2022, "article_year")
    assert head.status == "actual"


def test_headline_without_a_body_figure_keeps_its_own_reading():
    text = (
        "Software exports top $50 billion\n\n"
        "The number of software engineers reached 7 million people in 2023."
    )
    head = find(text, "$50 billion", "2024-01-30")
    assert period(head) == (2024, 2024, "publication_year")


# ---- plans and goal lists ----------------------------------------------------------------------
GOALS = (
    "Action Plan for the Digital Upgrade of Light Industry (2024-2026)\n\n"
    "I. Main goals\n\n"
    "By 2026, strive to achieve the following goals:\n\n"
    "(1) Networks are stronger. The number of gigabit ports reaches 30 million, and more than "
    "5,000 factories are connected.\n\n"
    "(2) Applications spread. The penetration of digital design tools exceeds 90%.\n\n"
    "At present, the sector has 1,200 digital workshops.\n\n"
    "II. Key tasks\n\n"
    "1. Build 40 public service platforms for small firms.\n"
)


def test_goal_list_items_are_targets_for_the_heading_year():
    for needle in ("30 million", "5,000", "90%"):
        c = find(GOALS, needle, "2024-03-01")
        assert (c.period_start, c.period_end, c.period_basis, c.status) == (
            2026,
            2026,
            "plan_year",
            "target",
        ), needle


def test_goal_list_ends_at_a_paragraph_that_is_not_an_item():
    c = find(GOALS, "1,200", "2024-03-01")
    assert (c.period_start, c.status) == (2024, "actual")


def test_imperative_task_takes_the_plan_period_of_the_title():
    c = find(GOALS, "40 public", "2024-03-01")
    assert (c.period_start, c.period_end, c.period_basis, c.status) == (
        2026,
        2026,
        "plan_year",
        "target",
    )


def test_goal_of_a_named_plan_takes_the_plan_end_year():
    text = (
        "Under the action plan for the sector (2021-2023), the ministry set a goal of building "
        "more than 30 national platforms, a target met a year early."
    )
    c = find(text, "30 national", "2024-01-19")
    assert (c.period_start, c.period_end, c.status) == (2023, 2023, "target")


# ---- comparison bases, event dates, parts of `the year`, fiscal years ---------------------------


def test_comparison_base_is_not_the_period_of_the_figure():
    text = (
        "In the first half, the output of the robot sector rose 7.2% year on year, "
        "2.1 percentage points faster than in the third quarter of last year."
    )
    assert period(find(text, "7.2%", "2023-07-20"))[:2] == (2023, 2023)
    assert period(find(text, "2.1 percentage points", "2023-07-20"))[:2] == (2023, 2023)


def test_up_from_last_year_does_not_date_a_current_figure():
    text = (
        "The province had 64 million cloud subscribers, up 11 percent from the same "
        "period last year."
    )
    assert period(find(text, "64 million", "2023-06-02"))[:2] == (2023, 2023)
    text = (
        "The number of charging stations stood at 2.1 million, compared with the end of last year."
    )
    assert period(find(text, "2.1 million", "2023-06-02"))[:2] == (2023, 2023)


def test_comparison_base_is_not_carried_to_the_next_sentence():
    text = (
        "In the first five months, exports grew 9.4% compared with 2022. "
        "Imports climbed 3.3% in the period."
    )
    assert period(find(text, "3.3%", "2023-06-20"))[:2] == (2023, 2023)


def test_figure_with_its_own_year_after_from_keeps_it():
    text = "In 2021, revenue was 5 billion yuan, up from 4 billion yuan in 2020."
    assert period(find(text, "4 billion", "2022-03-01"))[:2] == (2020, 2020)
    assert period(find(text, "5 billion", "2022-03-01"))[:2] == (2021, 2021)


def test_end_of_month_without_year_is_the_publication_year():
    text = (
        "The country had 512,000 charging piles by the end of May, "
        "growing about 40 per cent annually in the past three years."
    )
    assert period(find(text, "512,000", "2023-07-01"))[:2] == (2023, 2023)


def test_part_of_the_year_not_yet_over_in_past_tense_is_last_year():
    text = "The logistics platform handled over 3 million parcels by the end of the year."
    assert period(find(text, "3 million", "2024-03-20")) == (2023, 2023, "relative")
    text = "In the first three quarters, freight volume reached 41 billion tonnes."
    assert period(find(text, "41 billion", "2023-01-15"))[:2] == (2022, 2022)


def test_end_of_the_year_ahead_is_this_year():
    text = "The operator plans to cover more than 200 counties by the end of the year."
    c = find(text, "200 counties", "2024-05-17")
    assert period(c)[:2] == (2024, 2024)
    assert c.status == "target"
    text = "The operator expects to cover more than 200 counties by year-end."
    c = find(text, "200 counties", "2024-05-17")
    assert period(c)[:2] == (2024, 2024)
    assert c.status == "forecast"


def test_fiscal_year_and_year_ended():
    text = "The group's FY2023 revenue was RMB 8.1 billion."
    assert period(find(text, "8.1 billion", "2024-03-20"))[:2] == (2023, 2023)
    text = (
        "The firm today announced its results for the year ended December 31, 2023. "
        "Net profit was RMB 640 million."
    )
    assert period(find(text, "640 million", "2024-03-20"))[:2] == (2023, 2023)
    text = "In its annual results for 2023, the firm posted revenue of RMB 3.3 billion."
    assert period(find(text, "3.3 billion", "2024-03-20"))[:2] == (2023, 2023)


def test_event_date_of_a_named_plan_is_not_the_period():
    text = (
        "Under a guideline issued by the ministry in November 2023, the country has built "
        "75 innovation centres."
    )
    assert period(find(text, "75 innovation", "2024-06-01"))[:2] == (2024, 2024)
    text = "A total of 50 smart factories were established in 2023."
    assert period(find(text, "50 smart", "2024-06-01"))[:2] == (2023, 2023)


def test_since_clause_verb_does_not_make_the_sentence_past():
    text = (
        "The plant reported its 2022 results in March. "
        "In 2022 the plant reached 3 lines.\n"
        "Since the park was opened in 2019, 42 research institutes have settled there."
    )
    # the sentence is not past (it ends in 2023); its founding year starts the total built up
    # since (the annotation of sets 18 and 21: `Since it was set up in 2019, the fund has
    # supported 612 projects` spans 2019 to the publication year)
    assert period(find(text, "42 research", "2023-05-01"))[:2] == (2019, 2023)


def test_article_year_counts_parts_of_the_publication_year():
    text = (
        "In the first four months, e-commerce sales rose 12 percent.\n\n"
        "A pilot scheme launched last year is being extended.\n\n"
        "Online retail sales of physical goods reached 3.9 trillion yuan."
    )
    assert period(find(text, "3.9 trillion", "2023-05-20"))[:2] == (2023, 2023)


def test_month_end_without_year_in_a_stock_sentence_is_the_publication_year():
    text = (
        "The grid had 40 charging hubs at the end of 2021. By the end of April, 95 charging hubs "
        "had been opened across the region."
    )
    assert period(find(text, "95", "2023-07-15"))[:2] == (2023, 2023)
    # April not yet over at publication in March: last year's April
    assert period(find(text, "95", "2023-03-15"))[:2] == (2022, 2022)


def test_period_of_a_comparison_base_does_not_spread():
    text = (
        "The app has exceeded 60 million registered users, up from about 8 million users at the "
        "end of 2019, and serves an average of 2 million orders a day. It has handled more than "
        "5 billion orders in total, the firm said."
    )
    assert period(find(text, "8 million", "2023-06-01"))[:2] == (2019, 2019)
    assert period(find(text, "2 million", "2023-06-01"))[:2] == (2023, 2023)
    assert period(find(text, "5 billion", "2023-06-01"))[:2] == (2023, 2023)


def test_change_from_year_to_year_is_not_a_base():
    text = "Output rose from 2 million tonnes in 2015 to 9 million tonnes in 2021."
    assert period(find(text, "2 million", "2023-06-01"))[:2] == (2015, 2015)


def test_of_the_total_takes_the_period_of_the_figure_it_breaks_down():
    text = (
        "In 2021, the region's tourism revenue stood at 80 billion yuan, up 6 percent.\n\n"
        "Of the total, rural tourism contributed 25 billion yuan, the bureau said."
    )
    assert period(find(text, "25 billion", "2022-08-01"))[:2] == (2021, 2021)
