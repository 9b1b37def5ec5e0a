"""Families tuned on heldout29 (sentences written for the tests)."""

from __future__ import annotations

from claims_helpers import find, span

from pipeline.lib.quantities.extractor import extract

# a dated heading with a province as its subject, then long bullet lines
_BULLETS = (
    "Zhejiang reported steady progress in factory upgrades this year.\n\n"
    "As of the end of 2023, Zhejiang had:\n\n"
    "- 1,250 provincial digital workshops and 310 smart factories;\n"
    "- 48 national intelligent manufacturing demonstration factories, placing it among the top "
    "three provinces in the country, and 9 factories named in the global benchmark list;\n"
    "- 27 secondary nodes of the industrial internet identification resolution system, with "
    "cumulative registrations of more than 30 billion;\n"
    "- more than 81,000 5G base stations.\n"
)


def test_long_bullets_take_the_heading_year():
    for quote in ("310", "48 ", "27 ", "more than 30 billion", "more than 81,000"):
        assert span(find(_BULLETS, quote, "2024-02-20")) == (2023, 2023), quote


def test_bullets_under_a_region_heading_are_the_regions():
    for quote in ("48 ", "27 ", "more than 30 billion", "more than 81,000"):
        assert find(_BULLETS, quote, "2024-02-20").indicator == "unclassified", quote


def test_national_heading_keeps_national_indicators():
    text = (
        "By the end of 2023, China had:\n\n"
        "- more than 3.3 million 5G base stations, covering all cities at prefecture level and "
        "above and more than 95 percent of counties across the whole country;\n"
        "- 2.2 billion mobile phone users.\n"
    )
    got = find(text, "more than 3.3 million", "2024-02-20")
    assert span(got) == (2023, 2023)
    assert got.indicator == "five_g_base_stations"


def _counts(text: str) -> list[tuple[float, str | None, str | None]]:
    return [(q.value, q.unit, q.counted) for q in extract(text).quantities]


def test_acronym_plural_after_a_scale_word_is_counted():
    text = "Throughput at the terminal rose to 3.4 million TEUs, and the yard holds 800 PLCs."
    assert _counts(text) == [(3.4e6, "count", "teus"), (800.0, "count", "plcs")]


def test_quoted_plural_before_a_participle_is_counted():
    text = 'The region now has 14 "benchmark factories" selected by the ministry.'
    assert _counts(text) == [(14.0, "count", "factories")]


def test_quoted_modifier_before_a_participle_keeps_the_head():
    text = 'It signed 6 "dual-carbon" related contracts.'
    assert _counts(text) == [(6.0, "count", "contracts")]


# a news story that names last year often, then reports today's and last month's figures
_NEWS = (
    "Output of the sector fell last year, and exports also dropped last year.\n\n"
    "Investment last year was flat.\n\n"
    "The regulator said last month that more than 2,300 factories had connected to the "
    "platform.\n\n"
    "Shares of the equipment maker rose 3.4 percent in Shenzhen today.\n"
)


def test_last_month_and_today_date_the_sentence_at_publication():
    assert span(find(_NEWS, "2,300", "2023-09-06")) == (2023, 2023)
    assert span(find(_NEWS, "3.4 percent", "2023-09-06")) == (2023, 2023)


def test_last_month_in_january_is_the_previous_year():
    assert span(find(_NEWS, "2,300", "2024-01-10")) == (2023, 2023)


def test_start_year_in_an_aside_is_not_the_figures_year():
    text = (
        "The automated warehouse, which went into operation in 2016, handled 12,000 parcels an "
        "hour in March, a company record. That is about 40 percent more than a manual site.\n"
    )
    assert span(find(text, "12,000", "2021-06-01")) == (2021, 2021)
    assert span(find(text, "40 percent", "2021-06-01")) == (2021, 2021)


def test_year_of_a_figure_inside_the_aside_is_kept():
    text = "The plant, which had 300 workers in 2016, now employs 120 people.\n"
    assert span(find(text, "300", "2021-06-01")) == (2016, 2016)


def test_year_of_a_multiples_base_is_not_its_period():
    text = (
        "Venture funding for robotics start-ups reached 9.2 billion yuan in 2022, four times the "
        "level in 2018, according to a data provider.\n"
    )
    assert span(find(text, "four times", "2023-05-01")) == (2022, 2022)


def test_reporting_clause_does_not_make_a_present_statement_past():
    text = (
        "Output reached 2.1 billion yuan in 2021, the association said.\n\n"
        "A licence of the foreign package costs about 80,000 yuan a year, she added, against "
        "less than 5,000 yuan for local products.\n"
    )
    assert span(find(text, "80,000", "2022-04-01")) == (2022, 2022)
    assert span(find(text, "5,000", "2022-04-01")) == (2022, 2022)


def test_average_growth_over_the_two_years_spans_both():
    text = (
        "Retail sales grew 12.4 percent year-on-year in the first half of 2021, and the average "
        "growth over the two years was 4.4 percent.\n\n"
        "The two-year average growth rate of exports stood at 8.1 percent.\n"
    )
    assert span(find(text, "12.4 percent", "2021-07-20")) == (2021, 2021)
    assert span(find(text, "4.4 percent", "2021-07-20")) == (2020, 2021)
    assert span(find(text, "8.1 percent", "2021-07-20")) == (2020, 2021)


def test_count_of_provinces_locating_the_nodes_before_it():
    text = (
        "The identification resolution system keeps growing. So far 212 secondary nodes have "
        "been launched in 30 provinces, autonomous regions and municipalities.\n"
    )
    got = find(text, "30 provinces", "2023-03-01")
    assert got.indicator == "identification_secondary_node_provinces"


def test_count_of_cities_after_in_keeps_its_own_subject():
    text = "The inspection covered 280 enterprises in 11 cities across the province.\n"
    assert find(text, "11 cities", "2023-03-01").indicator == "unclassified"


def test_a_share_that_could_be_won_is_a_forecast():
    text = (
        "Brokers say local robot makers could capture about 35 per cent of the welding market "
        "by 2026, helped by state procurement.\n"
    )
    assert find(text, "35 per cent", "2023-03-01").status == "forecast"


def test_one_sites_equipment_is_not_national():
    text = (
        "Automation is spreading along the coast. The terminal has installed more than 40 5G "
        "base stations with a telecom operator.\n"
    )
    assert find(text, "more than 40", "2021-05-01").indicator == "unclassified"


def test_growth_glued_to_the_added_value_is_its_growth():
    text = (
        "The added value of China's industrial internet industry reached 3.6 trillion yuan in "
        "2022, up 9.9 percent, according to the academy.\n"
    )
    got = find(text, "9.9 percent", "2023-04-01")
    assert got.indicator == "iip_added_value_nominal_growth"


def test_growth_after_an_unclassified_level_stays_unclassified():
    text = "Port revenue reached 3.6 billion yuan in 2022, up 9.9 percent.\n"
    assert find(text, "9.9 percent", "2023-04-01").indicator == "unclassified"


def test_estimate_of_what_holds_now_is_dated_at_publication():
    text = (
        "She estimated that predictive maintenance can cut a plant's downtime by about 25 "
        "percent.\n\nHe estimated that the market will grow 12 percent.\n"
    )
    assert span(find(text, "25", "2021-06-01")) == (2021, 2021)
    assert span(find(text, "12 percent", "2021-06-01")) == (None, None)


def test_todays_exchange_rate_is_not_a_news_time_word():
    text = (
        "Sales reached a record in 2021.\n\n"
        "We signed a 90 million euro deal, roughly 650 million yuan at today's exchange rate.\n"
    )
    assert find(text, "90 million", "2023-06-01").period_basis != "relative"
