"""Issue 9 families, fourth round (rules4): indicators of samples, per-unit figures, other
countries and single facilities; levels after a change; pronoun sentences; flows; statistical
bulletins; magazine issue lines. Sentences written for the tests."""

from __future__ import annotations

import datetime as dt

from pipeline.lib.ingest.article_headers import parse_header
from tests.claims_helpers import find

TITLE = "Industrial internet keeps spreading\n\n"


def _years(c):
    return (c.period_start, c.period_end)


# -- header: a magazine's issue in the date line ---------------------------------------------


def test_season_issue_segment_does_not_hide_the_published_date():
    text = (
        "Three questions for an engineer\n\n"
        "Harbour Engineering Review | Autumn/Winter issue | Published 14 October 2022\n"
        "Interview by Chen Yu\n\n"
        "Most plants we visit still log their downtime by hand.\n"
    )
    assert parse_header(text).published_date == dt.date(2022, 10, 14)


def test_month_issue_segment_with_a_year():
    text = (
        "Data on the shop floor\n\n"
        "Factory Quarterly | March 2023 issue | Published: 2 March 2023\n\n"
        "The survey covered 300 plants.\n"
    )
    assert parse_header(text).published_date == dt.date(2023, 3, 2)


# -- indicators: levels after a change, and pronoun sentences ----------------------------------


def test_share_levels_after_rose_from_to_are_levels():
    text = TITLE + (
        "The digital economy kept growing over the decade. Its share of GDP rose from 27.4 "
        "percent to 39.8 percent.\n"
    )
    assert find(text, "27.4 percent", "2023-07-01").indicator == "digital_economy_gdp_share"
    assert find(text, "39.8 percent", "2023-07-01").indicator == "digital_economy_gdp_share"


def test_rate_rose_to_is_a_level_but_growth_eased_to_stays_growth():
    text = TITLE + (
        "The numerical control rate of key processes rose to 61.3 percent in 2022.\n\n"
        "Nominal growth of the digital economy eased to 6.8 percent last year.\n"
    )
    assert find(text, "61.3 percent", "2023-07-01").indicator == "key_process_nc_rate"
    assert find(text, "6.8 percent", "2023-07-01").indicator != "digital_economy_gdp_share"


def test_level_after_from_a_year_to_another_year():
    text = TITLE + (
        "The penetration of digital R&D and design tools in industrial enterprises rose from "
        "51.2 percent in 2015 to 76.4 percent in 2022.\n"
    )
    assert find(text, "76.4 percent", "2023-07-01").indicator == "digital_rd_tools_penetration"


def test_that_compares_with_takes_the_subject_of_the_sentence_before():
    text = TITLE + (
        "The think tank puts the added value of the industrial internet industry at 4.1 trillion "
        "yuan in 2022. That compares with 2.6 trillion yuan in 2019.\n"
    )
    assert find(text, "2.6 trillion", "2023-07-01").indicator == "iip_added_value"


# -- indicators: samples and per-unit figures ------------------------------------------------


def test_figures_of_a_monitoring_sample_are_not_national():
    text = TITLE + (
        "The association's monitoring sample of 210 platforms connected 86.3 million devices at "
        "the end of June. The number of industrial apps listed on sample platforms was 402,100.\n"
    )
    assert find(text, "86.3 million", "2024-07-20").indicator == "unclassified"
    assert find(text, "402,100", "2024-07-20").indicator == "unclassified"


def test_per_platform_figures_are_not_national_totals():
    text = TITLE + (
        "The study found that 14 of the platforms could connect more than 50,000 devices each. "
        "China now has over 60 platforms with regional influence, each connecting more than "
        "80,000 industrial devices on average.\n"
    )
    assert find(text, "50,000 devices", "2020-05-01").indicator == "unclassified"
    assert find(text, "80,000 industrial devices", "2020-05-01").indicator == "unclassified"


def test_gains_of_firms_in_general_are_not_demonstration_factory_gains():
    text = (
        "Smart factories and digital workshops in the delta\n\n"
        "The region added 120 smart factories last year. Enterprises that finished their upgrades "
        "reported that production efficiency rose by 19.6 percent on average.\n"
    )
    assert find(text, "19.6 percent", "2024-03-01").indicator == "unclassified"


def test_gains_of_demonstration_factories_keep_their_indicator():
    text = (
        "Smart factories in China\n\n"
        "After transformation, the production efficiency of the demonstration factories has "
        "risen by 31.5 percent on average.\n"
    )
    assert find(text, "31.5 percent", "2024-03-01").indicator == "im_demo_factory_efficiency_gain"


def test_a_rate_a_year_is_not_a_yearly_growth_rate_or_a_share():
    text = TITLE + (
        "Added value of the industrial internet has grown roughly 14 percent a year in nominal "
        "terms since 2019. From 2024 to 2026 it is expected to grow at an average annual rate of "
        "9 percent.\n"
    )
    assert find(text, "14 percent", "2024-03-01").indicator == "unclassified"
    assert find(text, "9 percent", "2024-03-01").indicator == "unclassified"


# -- indicators: flows ------------------------------------------------------------------------


def test_more_and_each_year_are_increments():
    text = TITLE + (
        "Next, the ministry will cultivate 12 more cross-industry and cross-domain platforms. "
        "The lab plans to incubate at least 15 industrial apps each year.\n"
    )
    assert find(text, "12", "2024-03-01").indicator == "unclassified"
    assert find(text, "15 industrial apps", "2024-03-01").indicator == "unclassified"


def test_built_over_the_year_is_a_flow_and_the_total_is_the_stock():
    text = TITLE + (
        "We built more than 500,000 5G base stations over the year, bringing the total to "
        "931,000.\n"
    )
    assert find(text, "500,000", "2021-01-20").indicator == "unclassified"
    assert find(text, "931,000", "2021-01-20").indicator == "five_g_base_stations"


def test_comparison_base_of_an_addition_is_an_addition():
    text = TITLE + (
        "In the third quarter, 190,000 new 5G base stations were added, compared with 155,000 "
        "in the second quarter.\n"
    )
    assert find(text, "155,000", "2024-10-20").indicator == "unclassified"


# -- indicators: scope ------------------------------------------------------------------------


def test_other_countries_figures_are_not_chinas():
    text = TITLE + (
        "China has more than 60 industrial internet platforms with regional or industry "
        "influence, Japan about 25 and Germany more than 30.\n"
    )
    assert find(text, "more than 60", "2019-09-01").indicator == "iip_platforms_influential"
    assert find(text, "about 25", "2019-09-01").indicator == "unclassified"
    assert find(text, "more than 30", "2019-09-01").indicator == "unclassified"


def test_a_group_of_provinces_named_before_scopes_the_figures():
    text = TITLE + (
        "Nine secondary nodes of identification resolution are in operation in the four "
        "provinces, with cumulative registrations exceeding 3.6 billion.\n"
    )
    assert find(text, "Nine secondary nodes", "2023-11-01").indicator == "unclassified"
    assert find(text, "3.6 billion", "2023-11-01").indicator == "unclassified"


def test_one_region_after_the_figure_scopes_it_but_a_list_of_cities_does_not():
    text = TITLE + (
        "At present, more than 410,000 pieces of equipment in Wuxi are connected to industrial "
        "internet platforms.\n\n"
        "The five national top-level nodes in Beijing, Shanghai, Guangzhou, Wuhan and Chongqing "
        "are running stably.\n"
    )
    assert find(text, "410,000", "2022-11-01").indicator == "unclassified"
    assert find(text, "five national", "2022-11-01").indicator == "identification_top_level_nodes"


def test_one_node_or_platform_as_the_subject_is_not_national():
    text = TITLE + (
        "Under the plan, by the end of 2022 the node will connect no fewer than 500 enterprises "
        "and register more than 200 million identifiers.\n\n"
        "The platform served 1,870 enterprise customers last year.\n"
    )
    assert find(text, "500 enterprises", "2021-03-01").indicator == "unclassified"
    assert find(text, "200 million identifiers", "2021-03-01").indicator == "unclassified"
    assert find(text, "1,870", "2021-03-01").indicator == "unclassified"


def test_a_provincial_work_report_is_a_local_document():
    text = (
        "Report on the Work of the Government of Hunan Province\n\n"
        "We will cultivate 15 industrial internet platforms with influence in their industries "
        "and build 120 smart factories.\n"
    )
    assert find(text, "15 industrial internet platforms", "2020-01-20").indicator == (
        "unclassified"
    )


# -- periods: statistical bulletins -------------------------------------------------------------


def test_statistical_bulletin_released_mid_year_speaks_of_its_year():
    text = (
        "Statistical Bulletin on the Digital Economy of Hunan Province in 2022\n\n"
        "Release date: 2023-07-15\n\n"
        "At the end of the year, the province had 88,000 5G base stations.\n\n"
        "The number of standard racks in data centres in use was 131,000.\n"
    )
    assert _years(find(text, "88,000", "2023-07-15")) == (2022, 2022)
    assert _years(find(text, "131,000", "2023-07-15")) == (2022, 2022)


# -- status -------------------------------------------------------------------------------------


def test_could_be_worth_this_year_is_a_forecast():
    text = TITLE + (
        "The country's industrial software market could be worth 310 billion yuan this year, "
        "according to a consultancy.\n"
    )
    assert find(text, "310 billion", "2021-04-10").status == "forecast"


def test_estimate_of_the_present_in_a_later_clause_is_an_estimate():
    text = TITLE + (
        "Analysts at a brokerage estimate that integration work accounts for most of the revenue "
        "of platform firms, leaving gross margins at 20% to 30%.\n"
    )
    assert find(text, "20%", "2022-06-01").status == "estimate"
    assert find(text, "30%", "2022-06-01").status == "estimate"


def test_estimate_that_looks_ahead_is_a_forecast_even_after_a_plan():
    text = TITLE + (
        "The province plans to add 50,000 industrial robots in 2023, and a broker estimates the "
        "province's automation market will grow 10 to 13 per cent a year through 2026.\n"
    )
    assert find(text, "13 per cent", "2023-02-01").status == "forecast"


def test_reported_would_after_the_figure_is_a_forecast():
    text = TITLE + (
        "Organizers said some 800 new products would be launched during the four-day fair.\n"
    )
    assert find(text, "800 new products", "2024-09-18").status == "forecast"


def test_a_guess_about_a_year_ahead_is_a_forecast_not_a_target():
    text = TITLE + (
        "My own guess is that by 2026 some 50 percent of the suppliers in our survey will use a "
        "platform.\n"
    )
    assert find(text, "50 percent", "2022-06-01").status == "forecast"


# -- bounds -------------------------------------------------------------------------------------


def test_an_estimated_figure_is_exact_and_an_estimate():
    text = TITLE + (
        "The country's industrial control market was worth an estimated 21.3 billion yuan in "
        "2023, barely changed from a year earlier.\n"
    )
    c = find(text, "21.3 billion", "2024-03-01")
    assert c.bound == "exact"
    assert c.status == "estimate"


# -- indicators: a list of places after `in` is where, not whose --------------------------------


def test_a_list_of_cities_after_in_does_not_scope_the_next_figure():
    text = TITLE + (
        "Five national top-level nodes in Beijing, Shanghai, Guangzhou, Wuhan and Chongqing are "
        "in operation, and 31 secondary nodes had been launched by the end of June.\n"
    )
    assert find(text, "31 secondary nodes", "2020-07-10").indicator == (
        "identification_secondary_nodes"
    )
