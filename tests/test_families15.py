"""Issue 9 families found on heldout9-13 (rules3), on sentences written for the tests."""

from __future__ import annotations

from tests.claims_helpers import claims, find

TITLE = "Smart factories spread across the delta\n\n"


def _years(c):
    return (c.period_start, c.period_end)


# -- periods: a comparison base after the figure dates the base only ---------------------------


def test_base_at_the_end_of_last_year_does_not_date_the_figure_before_it():
    text = TITLE + (
        "The number of connected workshops in the province has passed 8,200, up from roughly "
        "5,100 at the end of last year. The workshops span 23 sectors of manufacturing.\n"
    )
    assert _years(find(text, "8,200", "2024-06-03")) == (2024, 2024)
    assert _years(find(text, "5,100", "2024-06-03")) == (2023, 2023)
    # the base's year is not carried into the next sentence either
    assert _years(find(text, "23 sectors", "2024-06-03")) == (2024, 2024)


def test_base_at_the_close_of_a_named_year():
    text = TITLE + (
        "Cloud adoption among small suppliers now stands at 47 percent, compared with 31 percent "
        "at the close of 2021.\n"
    )
    assert _years(find(text, "47 percent", "2023-04-11")) == (2023, 2023)
    assert _years(find(text, "31 percent", "2023-04-11")) == (2021, 2021)


def test_change_and_base_in_a_fiscal_year_with_a_currency_prefix():
    text = (
        "Lianhe Robotics Reports Fiscal Year 2022 Results\n\n"
        "Fiscal Year 2022 Highlights\n\n"
        "- Revenue was RMB912.6 million, an increase of 17.4% from RMB777.3 million in fiscal "
        "year 2021.\n"
    )
    assert _years(find(text, "RMB912.6 million", "2023-03-20")) == (2022, 2022)
    assert _years(find(text, "17.4%", "2023-03-20")) == (2022, 2022)
    assert _years(find(text, "RMB777.3 million", "2023-03-20")) == (2021, 2021)


# -- periods: a yearly growth rate up to a year spans the years it grows over ------------------


def test_growth_a_year_through_a_year_starts_at_publication():
    text = TITLE + (
        "Spending on factory sensors in the region is forecast to rise 9 to 11 percent a year "
        "through 2027, the consultancy said.\n"
    )
    assert _years(find(text, "9", "2024-05-02")) == (2024, 2027)
    assert _years(find(text, "11 percent", "2024-05-02")) == (2024, 2027)


def test_compound_rate_through_a_year_starts_after_the_base_year():
    text = TITLE + (
        "The machine-vision market was worth about 41 billion yuan in 2021 and is expected to "
        "grow at a compound annual rate of 16 percent through 2026.\n"
    )
    assert _years(find(text, "16 percent", "2022-08-30")) == (2022, 2026)


def test_compound_growth_rate_after_a_change_between_two_years():
    text = TITLE + (
        "Sales of edge servers rose from 3.1 billion yuan in 2018 to 7.7 billion yuan in 2022, "
        "a compound annual growth rate of 25.5 percent.\n"
    )
    # the years of the change, base year included: the annotation of sets 4, 16 and 23 (`from
    # RMB13.7 billion in 2016 to RMB45.3 billion in 2020, representing a CAGR` = 2016-2020)
    assert _years(find(text, "25.5 percent", "2023-03-01")) == (2018, 2022)


def test_year_of_another_subject_is_not_the_growth_base():
    text = TITLE + (
        "The city plans to add 900 robots in 2023, and Orient Securities expects the local "
        "automation market to grow 8 percent a year through 2026.\n"
    )
    assert _years(find(text, "8 percent", "2023-02-10")) == (2023, 2026)


# -- indicators: catalog qualifiers ------------------------------------------------------------

NET = "5G and the industrial internet\n\n"


def test_secondary_nodes_without_a_counted_noun_are_nodes_not_provinces():
    text = NET + "Identification secondary nodes of the industrial internet grew from 120 to 260.\n"
    assert find(text, "120", "2022-05-01").indicator == "identification_secondary_nodes"
    assert find(text, "260", "2022-05-01").indicator == "identification_secondary_nodes"
    text = NET + (
        "Secondary nodes of the industrial internet identification system now cover 29 provinces.\n"
    )
    assert (
        find(text, "29 provinces", "2022-05-01").indicator
        == "identification_secondary_node_provinces"
    )


def test_users_of_other_networks_in_a_5g_paragraph_are_not_5g_users():
    text = NET + (
        "Fixed broadband users exceeded 410 million nationwide, and 4G users reached 1.1 "
        "billion, while 5G users hit 355 million.\n"
    )
    both = NET + (
        "The numbers of 5G mobile phone users and gigabit broadband users reached 561 million "
        "and 98 million, respectively.\n"
    )
    assert find(both, "561 million", "2022-05-01").indicator == "five_g_users"
    assert find(text, "410 million", "2022-05-01").indicator == "unclassified"
    assert find(text, "1.1 billion", "2022-05-01").indicator == "unclassified"
    assert find(text, "355 million", "2022-05-01").indicator == "five_g_users"


def test_other_generations_of_base_stations_are_not_5g_base_stations():
    text = NET + (
        "China had about 5.9 million 4G base stations at the end of 2022, the ministry said, "
        "and 5G-Advanced base stations passed 60,000, against 2.3 million 5G base stations.\n"
    )
    assert find(text, "5.9 million", "2023-02-01").indicator == "unclassified"
    c = find(text, "60,000", "2023-02-01")
    assert (c.indicator, c.unit) == ("unclassified", "count")
    assert find(text, "2.3 million", "2023-02-01").indicator == "five_g_base_stations"


def test_private_5g_networks_and_graded_smart_factories():
    text = NET + "Private 5G networks for industry numbered 31,400 across the country.\n"
    assert find(text, "31,400", "2023-02-01").indicator == "five_g_private_networks"
    text = NET + (
        "The industrial internet drive continued: the ministry has certified 8,000 basic-level "
        "smart factories so far.\n"
    )
    assert find(text, "8,000", "2023-02-01").indicator == "unclassified"


# -- status ------------------------------------------------------------------------------------


def test_government_will_set_aside_allocate_invest_is_a_target():
    text = TITLE + (
        "The city finance bureau will set aside 800 million yuan to help suppliers automate. "
        "The provincial government will allocate 2 billion yuan each year from 2025 to 2027. "
        "To fund the scheme, the county will invest 600 million yuan from 2024 to 2026.\n"
    )
    for needle in ("800 million yuan", "2 billion yuan", "600 million yuan"):
        assert find(text, needle, "2024-03-05").status == "target", needle


def test_encouraged_and_can_apply_for_are_plan_terms():
    text = TITLE + (
        "Each district is encouraged to set up transformation funds of no less than 50 million "
        "yuan. Firms that upgrade their lines can apply for subsidies of up to 20 percent of "
        "the cost.\n"
    )
    assert find(text, "50 million yuan", "2024-03-05").status == "target"
    assert find(text, "20 percent", "2024-03-05").status == "target"


def test_plan_with_a_number_and_no_to_is_a_target():
    text = TITLE + (
        "The two carriers have finished their trials, and they plan 12,000 to 15,000 new sites "
        "each this year.\n"
    )
    assert find(text, "15,000", "2019-05-05").status == "target"


def test_modal_right_before_the_multiplier_is_a_forecast():
    text = TITLE + (
        "Spending on factory software hit 6 billion yuan in 2020 and could double by 2023, the "
        "report says.\n"
    )
    assert find(text, "double", "2021-02-10").status == "forecast"


def test_figure_measured_against_a_forecast_is_actual():
    text = TITLE + (
        "Huaxin Automation reported revenue of 2.2 billion yuan for the second quarter of 2023, "
        "up 18.5% year-on-year and above our forecast.\n"
    )
    assert find(text, "18.5%", "2023-08-20").status == "actual"


def test_full_year_guidance_is_a_forecast_of_the_current_year():
    text = TITLE + "Management guided full-year revenue growth of 12%-15%.\n"
    c = find(text, "15%", "2023-10-30")
    assert (c.status, c.period_start, c.period_end) == ("forecast", 2023, 2023)


def test_share_of_the_surveyed_that_intends_is_measured_at_the_survey():
    text = TITLE + (
        "Of the 860 suppliers surveyed, 41.2% plan to raise automation budgets in 2025, while "
        "6.5% plan to cut them.\n"
    )
    for needle in ("860 suppliers", "41.2%", "6.5%"):
        c = find(text, needle, "2024-11-15")
        assert (c.status, c.period_start, c.period_end) == ("actual", 2024, 2024), needle


# -- periods in plan documents -----------------------------------------------------------------

PLAN_TITLE = "Anhui unveils plan to make 3,000 factories smart by 2026\n\n"


def test_by_then_takes_the_year_named_before():
    text = PLAN_TITLE + (
        "The province aims to have 400 digital workshops by the end of 2026. By then, it plans "
        "to have 90 provincial-level platforms.\n"
    )
    assert _years(find(text, "90 provincial", "2024-01-08")) == (2026, 2026)


def test_goal_list_without_a_year_takes_the_deadline_of_the_title():
    text = PLAN_TITLE + (
        "The plan also sets targets for networks: the number of 5G factories will reach 700 and "
        "gigabit parks 120.\n"
    )
    assert _years(find(text, "700", "2024-01-08")) == (2026, 2026)


def test_a_trailing_deadline_dates_every_member_of_the_list():
    text = TITLE + (
        "The city aims to cultivate 40 lighthouse factories, 300 smart factories and 900 digital "
        "workshops by the end of 2027.\n"
    )
    for needle in ("40 lighthouse", "300 smart", "900 digital"):
        assert _years(find(text, needle, "2024-02-01")) == (2027, 2027), needle


# -- periods: a total built up since a year ----------------------------------------------------


def test_total_built_up_since_a_year_spans_to_publication():
    text = TITLE + (
        "Foshan has paid out 2.4 billion yuan in robot subsidies since 2018, a city official "
        "said. Since 2016, the province has issued at least 9 action plans, and about 14 cities "
        "have set up dedicated funds.\n"
    )
    assert _years(find(text, "2.4 billion", "2021-06-01")) == (2018, 2021)
    assert _years(find(text, "at least 9", "2021-06-01")) == (2016, 2021)
    assert _years(find(text, "about 14 cities", "2021-06-01")) == (2016, 2021)


def test_since_an_event_in_a_year_spans_too_but_a_passive_does_not():
    text = TITLE + (
        'Since the city launched its cloud plan in 2020, more than 9,000 firms have "moved onto '
        'the cloud". A total of 64 "5G factories" have been named since 2020.\n'
    )
    assert _years(find(text, "9,000", "2022-09-01")) == (2020, 2022)
    assert _years(find(text, "64", "2022-09-01")) == (2022, 2022)


def test_the_making_of_a_report_is_dated_at_publication_not_the_year_it_reports_on():
    text = (
        "Robotics alliance publishes 2021 survey\n\n"
        "Robot installations reached 268,000 units in 2021, and revenue grew in 2021.\n\n"
        "The survey covered 410 manufacturers in 18 provinces. Most of them reported gains.\n"
    )
    assert _years(find(text, "410 manufacturers", "2022-08-01")) == (2022, 2022)
    text = (
        "Robotics alliance publishes 2021 survey\n\n"
        "Robot installations reached 268,000 units in 2021, and revenue grew in 2021.\n\n"
        "The white paper was compiled by 35 researchers using data from 600 enterprises.\n"
    )
    assert _years(find(text, "35 researchers", "2022-08-01")) == (2022, 2022)


def test_outcomes_of_last_year_released_in_the_reporting_season():
    text = (
        "Wuxi releases outcomes of 2022 smart manufacturing campaign\n"
        "Publishing date: 2023-03-02\n\n"
        "In 2022, Wuxi carried out its smart manufacturing campaign. Results are as follows.\n\n"
        "1. Workshops. 64 workshops were recognised in 2022.\n\n"
        "2. Cloud. 5,200 enterprises went onto the cloud in 2022.\n\n"
        "3. Platforms. 9 platforms were listed in 2022.\n\n"
        "4. Funds. The city finance arranged special funds of 160 million yuan, supporting 212 "
        "projects.\n"
    )
    assert _years(find(text, "160 million", "2023-03-02")) == (2022, 2022)
    assert _years(find(text, "212 projects", "2023-03-02")) == (2022, 2022)


def test_tasks_of_a_notice_written_as_orders_take_the_year_of_issue():
    text = (
        "Notice on Issuing the Action Plan for Smart Ports (2024-2026)\n"
        "Issued on: May 6, 2024\n\n"
        "I. Goals\n\n"
        "By 2026, no fewer than 80 smart terminals will be in operation.\n\n"
        "II. Key tasks\n\n"
        "(1) Build port models. Develop no fewer than 12 port-specific large models, and "
        "cultivate 300 typical application scenarios.\n\n"
        "(2) Upgrade networks. Promote 5G in terminals, with no fewer than 400 5G berths completed "
        "in the plan period.\n"
    )
    assert _years(find(text, "80 smart", "2024-05-06")) == (2026, 2026)
    assert _years(find(text, "12 port", "2024-05-06")) == (2024, 2024)
    assert _years(find(text, "300 typical", "2024-05-06")) == (2024, 2024)
    assert _years(find(text, "400 5G", "2024-05-06")) == (2024, 2026)


def test_respectively_list_after_a_list_of_years_shares_the_subject():
    text = NET + (
        "In 2020, 2021 and 2022, industrial equipment connections reached 70 million, 79 "
        "million and 89 million sets, respectively.\n"
    )
    for needle in ("70 million", "79 million", "89 million"):
        c = find(text, needle, "2023-05-01")
        assert c.indicator == "industrial_equipment_connections", needle
    assert [_years(find(text, n, "2023-05-01")) for n in ("70", "79", "89")] == [
        (2020, 2020),
        (2021, 2021),
        (2022, 2022),
    ]


def test_times_the_level_of_a_period_is_the_base_period():
    text = TITLE + (
        "In the third quarter of 2024, export orders were 318 million yuan, 1.8 times the level "
        "of Q3 2023.\n"
    )
    assert _years(find(text, "318 million", "2024-11-02")) == (2024, 2024)


def test_the_base_loss_a_year_earlier_is_the_year_before():
    text = TITLE + (
        "The prospectus shows revenue of 2.4 billion yuan in 2022 and a net loss of 610 million "
        "yuan, wider than the 420 million yuan loss a year earlier.\n"
    )
    assert _years(find(text, "420 million", "2023-05-02")) == (2021, 2021)
    assert _years(find(text, "610 million", "2023-05-02")) == (2022, 2022)


def test_headline_question_and_possible_level_are_forecasts():
    text = (
        "Will China's factory robot fleet pass 3 million units by 2030?\n\n"
        "Installations reached 1.8 million units in 2023. The bottom line: 3 million units by "
        "2030 is possible. If you extrapolate the trend, you get 2.9 million units by 2029.\n"
    )
    found = {c.char_start: c for c in claims(text, "2024-03-01") if "million" in c.quote}
    title, later = text.index("3 million"), text.index("line: 3 million") + 6
    assert found[text.index("pass 3")].status == "forecast"  # the headline question
    assert title < later and found[later].status == "forecast"  # `is possible`
    assert find(text, "2.9 million", "2024-03-01").status == "forecast"  # `If you extrapolate`


# -- mentions: a count restated for another time, or its change ---------------------------------


def test_previous_value_in_brackets_and_change_of_a_count_are_counts():
    text = NET + (
        "Secondary nodes in operation: 274 (March: 268). "
        "Enterprises connected: 405,000, an increase of 7,300 over the previous month.\n"
    )
    c = find(text, "268", "2023-05-10")  # the same measure a month before
    assert (c.unit, c.indicator) == ("count", "identification_secondary_nodes")
    c = find(text, "7,300", "2023-05-10")
    assert (c.unit, c.indicator) == ("count", "unclassified")
