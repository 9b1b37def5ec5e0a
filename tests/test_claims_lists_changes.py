"""List headings that carry a year to their lines, changes `from X to Y` with the years of the
change, future periods that do not carry into past-tense sentences, possessive years."""

from __future__ import annotations

from claims_helpers import find


def test_list_heading_year_carries_to_its_lines():
    text = (
        "Steel output rose across the region.\n\n"
        "Crude steel output by city, 2021 (preliminary):\n\n"
        "Tangshan: 120 million tonnes, up 2.3%\n"
        "Handan: 45 million tonnes, down 1.1%\n"
    )
    for needle in ("45 million", "1.1%", "2.3%"):
        c = find(text, needle, "2022-02-15")
        assert (c.period_start, c.period_end) == (2021, 2021), needle
        assert c.status in ("actual", "estimate")


def test_list_heading_gives_the_counted_noun_of_bare_lines():
    text = "Charging piles at the end of 2021:\n\nShenzhen: 84,000\nChengdu: 61,000\n"
    c = find(text, "61,000", "2022-03-01")
    assert (c.unit, c.period_start) == ("count", 2021) and c.counted.endswith("piles")


def test_goal_heading_is_not_a_plain_list_heading():
    text = "By 2025, the city aims to reach the following targets:\n\n1. 5G base stations: 40,000\n"
    c = find(text, "40,000", "2022-03-01")
    assert c.status == "target"


def test_change_ends_without_years_take_the_years_of_the_change_before():
    text = (
        "Online sales grew from 2.1 trillion yuan in 2015 to 9.8 trillion yuan in 2021. "
        "Their share of retail sales rose from 10.8 percent to 24.5 percent."
    )
    a, b = find(text, "10.8 percent"), find(text, "24.5 percent")
    assert (a.period_start, a.period_end, a.bound) == (2015, 2015, "exact")
    assert (b.period_start, b.period_end, b.bound) == (2021, 2021, "exact")


def test_elided_change_in_the_same_sentence_is_not_a_range():
    text = (
        "The share of automated lines increased from 30.2 percent in 2016 to 51.7 percent in "
        "2021, and the share of cloud users from 12.5 percent to 38 percent."
    )
    a, b = find(text, "12.5 percent"), find(text, "38 percent")
    assert (a.bound, a.period_start) == ("exact", 2016)
    assert (b.bound, b.period_start) == ("exact", 2021)


def test_a_plain_range_stays_a_range():
    c = find("Analysts put the margin at from 3 percent to 5 percent in 2021.", "3 percent")
    assert c.bound == "lower"


def test_sentence_after_a_change_takes_the_year_it_arrives_at():
    text = (
        "Freight volume grew from 40 billion tonnes in 2016 to 52 billion tonnes in 2021. "
        "Rail carried 4.7 billion tonnes."
    )
    c = find(text, "4.7 billion", "2022-05-01")
    assert (c.period_start, c.period_end) == (2021, 2021)


def test_next_year_does_not_carry_into_a_past_tense_sentence():
    text = (
        "The carmaker said its new plant is set to open next year. "
        "It reported first-half sales of 2.3 billion yuan, up 41%."
    )
    c = find(text, "2.3 billion", "2023-08-20")
    assert (c.period_start, c.status) == (2023, "actual")


def test_next_year_still_carries_into_a_future_sentence():
    text = "The plant will open next year. It will employ 1,200 workers."
    c = find(text, "1,200", "2023-08-20")
    assert c.period_start == 2024 and c.status in ("forecast", "target")


def test_possessive_relative_year_owns_the_figure():
    text = "Revenue is expected to reach 5.6 billion yuan this year, up 12% from last year's 5 billion yuan."
    c = find(text, "5 billion", "2023-10-01")
    assert (c.period_start, c.period_end, c.status) == (2022, 2022, "actual")
    assert find(text, "5.6 billion", "2023-10-01").status == "forecast"


def test_goal_year_carries_into_a_numbered_list_under_specifically():
    text = (
        "Under the new programme, by 2026, the province will have set up a complete smart grid "
        "network. Specifically:\n\n"
        "1. Forty smart substations will be built in 12 cities.\n\n"
        "2. Connected meters will exceed 9 million units.\n"
    )
    for needle in ("Forty", "12 cities", "9 million"):
        c = find(text, needle, "2024-02-01")
        assert (c.period_start, c.period_end, c.status) == (2026, 2026, "target"), needle


def test_goal_year_from_the_sentence_before_a_short_goal_heading():
    text = (
        "By 2027, the city will complete its water-saving programme.\n\n"
        "The main targets are:\n\n"
        "(1) 300 rainwater collection sites will be in use.\n\n"
        "(2) Leakage will fall to 8 percent.\n"
    )
    for needle in ("300", "8 percent"):
        c = find(text, needle, "2025-03-01")
        assert (c.period_start, c.period_end, c.status) == (2027, 2027, "target"), needle


def test_results_list_after_a_past_year_is_not_a_goal_list():
    text = (
        "By the end of 2022, the following results were obtained. Specifically:\n\n"
        "1. 45 pilot farms were opened.\n"
    )
    c = find(text, "45 pilot", "2023-05-01")
    assert c.status == "actual"
