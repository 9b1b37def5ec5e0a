"""Families of issue 9 (sixth round): hard-wrapped lines that start with a name, series of one
measure, shares of the surveyed and their intentions.

Sentences written for the tests; none is taken from an annotated article."""

from __future__ import annotations

from claims_helpers import find, span

from pipeline.lib.claims.segments import segment

# -- a hard-wrapped line starting with a capital (a name) continues the previous line


_WRAPPED = (
    "Port automation keeps spreading along the coast of the country, and the operators of the\n"
    "terminals say that the remote-controlled cranes now move most of the containers that\n"
    "arrive at the quays. The national port network is anchored by hub terminals in Ningbo and\n"
    "Qingdao; more than 40 automated terminals are in operation, and the number of tracked\n"
    "containers exceeded 90 million in March.\n"
)


def test_wrapped_line_starting_with_a_name_continues_the_paragraph():
    seg = segment(_WRAPPED)
    assert len(seg.paragraphs) == 1
    start = _WRAPPED.index("Qingdao")
    s0, _ = seg.sentence_at(start)
    assert _WRAPPED[s0:].startswith("The national port network")


def test_short_heading_before_a_capital_line_stays_its_own_paragraph():
    text = (
        "Ports of the coast\n"
        "Ningbo handled 30 million containers last year, and the operators say that the\n"
        "remote-controlled cranes now move most of the containers that arrive at the quays\n"
        "of the port.\n"
    )
    seg = segment(text)
    assert seg.paragraphs[0] == (0, len("Ports of the coast"))


def test_one_paragraph_a_line_is_not_joined():
    text = (
        "Ningbo handled 30 million containers last year and expects more this year\n"
        "Qingdao handled 25 million containers.\n"
    )
    assert len(segment(text).paragraphs) == 2


# -- a series of one measure: `from 52 percent to 58 percent, 72 percent and 84 percent`


def test_series_members_take_the_measure_of_the_first():
    text = (
        "Under the plan, the penetration rate of digital R&D design tools is to go from 55 "
        "percent to 61 percent, 70 percent and 80 percent over the coming decade."
    )
    for figure in ("61 percent", "70 percent", "80 percent"):
        assert find(text, figure).indicator == "digital_rd_tools_penetration"


def test_series_member_with_words_of_its_own_is_not_the_same_measure():
    text = (
        "By the end of May the country had 3.1 million 5G base stations, 0.9 million more than "
        "a year earlier."
    )
    assert find(text, "0.9 million").indicator != "five_g_base_stations"


def test_series_member_naming_its_own_noun_keeps_it():
    text = (
        "The ministry will build 20,000 5G virtual private networks and more than 500 "
        '"lighthouse factories" by 2026.'
    )
    assert find(text, "more than 500").indicator != "five_g_private_networks"


# -- a share of the surveyed and their intention: measured at the survey


def test_share_of_respondents_expecting_is_actual_of_the_survey_year():
    text = (
        "For 2024, 38 percent of the respondents expect demand in their sector to recover, "
        "while 21 percent expect it to weaken."
    )
    for figure in ("38 percent", "21 percent"):
        c = find(text, figure, published="2023-11-20")
        assert span(c) == (2023, 2023)
        assert c.status == "actual"


def test_bracketed_share_planning_over_the_next_years_is_actual():
    text = (
        "More than a third of the respondents (36 percent) plan to expand their plants in "
        "Vietnam over the next three years."
    )
    c = find(text, "36 percent", published="2023-11-20")
    assert span(c) == (2023, 2023)
    assert c.status == "actual"


def test_in_year_lead_of_a_survey_share_still_dates_it():
    text = "In 2022, 44 percent of the respondents expect prices to rise."
    assert span(find(text, "44 percent", published="2023-11-20")) == (2022, 2022)


def test_plain_forecast_share_is_not_a_survey_share():
    text = "Analysts expect the automation rate to reach 60 percent in 2026."
    c = find(text, "60 percent", published="2023-11-20")
    assert span(c) == (2026, 2026)
    assert c.status == "forecast"


# -- a reference mark after a stop ends the sentence (encyclopedia style)


def test_reference_mark_ends_the_sentence():
    text = (
        'The 2016 port plan set goals for 2020 and 2025, including 30 automated terminals "on '
        'the network".[4] A later programme, for 2021-2023, raised container traffic by 9%.'
    )
    seg = segment(text)
    assert len(seg.sentences) == 2
    assert text[seg.sentences[0][0] : seg.sentences[0][1]].endswith("[4]")


# -- a goal in a history of the plan stays a target


def test_goal_of_a_past_plan_is_a_target():
    text = (
        "The 2016 port plan set goals for two stages. By 2020 it called for around 30 automated "
        "terminals and 50,000 remote-controlled cranes."
    )
    for figure in ("30 automated", "50,000"):
        c = find(text, figure, published="2024-05-01")
        assert c.status == "target"
        assert span(c) == (2020, 2020)


def test_figure_reached_after_a_past_goal_is_actual():
    text = "By 2020 the country had 35 automated terminals, up from 12 in 2016."
    assert find(text, "35 automated", published="2024-05-01").status == "actual"


def test_series_with_years_between_members():
    text = (
        "Industry researchers put the added value of the industrial internet industry at 3.2 "
        "trillion yuan in 2019, 3.6 trillion yuan in 2020 and 4.0 trillion yuan in 2021."
    )
    for figure in ("3.2 trillion", "3.6 trillion", "4.0 trillion"):
        assert find(text, figure).indicator == "iip_added_value"
    assert span(find(text, "3.6 trillion")) == (2020, 2020)


def test_series_before_a_later_respectively_list():
    text = (
        "The added value of the industrial internet industry was 3.2 trillion yuan in 2019 and "
        "3.6 trillion yuan in 2020, with growth of 5.1% and 6.3% respectively."
    )
    assert find(text, "3.6 trillion").indicator == "iip_added_value"


# -- a year to come does not carry into a later sentence without future or plan words


def test_future_year_does_not_date_a_present_statement():
    text = (
        "The average automation budget of the surveyed ports is planned to rise to USD 8 million "
        "in 2025. At the same time, 41 percent name the shortage of engineers as their main "
        "obstacle."
    )
    c = find(text, "41 percent", published="2024-06-01")
    assert span(c) == (2024, 2024)
    assert c.status == "actual"


def test_future_year_still_dates_a_following_plan_sentence():
    text = (
        "The port authority will open a new automated terminal in 2026. It plans to install 60 "
        "remote-controlled cranes there."
    )
    assert span(find(text, "60 remote", published="2024-06-01")) == (2026, 2026)


def test_one_year_earlier_is_a_year_earlier():
    text = "Automation reached 61 percent in 2020, down from 66 percent one year earlier."
    c = find(text, "66 percent", published="2021-03-01")
    assert span(c) == (2019, 2019)
    assert c.status == "actual"


# -- `Since 2016, it has held ...`: an irregular participle in the present perfect


def test_since_year_with_irregular_participle_spans_to_publication():
    text = "Since 2017, the alliance has held 14 plenary meetings and run 9 training camps."
    assert span(find(text, "14 plenary", published="2021-04-01")) == (2017, 2021)
    assert span(find(text, "9 training", published="2021-04-01")) == (2017, 2021)


# -- `is to rise from ... to ...`: an official goal; `over the same years`: the years before


_GOALS = (
    "Under the strategy, the share of automated berths is to rise from 12 percent in 2018 to 20 "
    "percent in 2022, 35 percent in 2026 and 50 percent in 2030. The share of remote-operated "
    "cranes is to go from 8 percent to 15 percent, 30 percent and 45 percent over the same years."
)


def test_is_to_rise_is_a_goal():
    for figure, year in (("35 percent", 2026), ("50 percent", 2030)):
        c = find(_GOALS, figure, published="2022-03-01")
        assert c.status == "target"
        assert span(c) == (year, year)


def test_go_from_to_ends_are_exact_levels():
    assert find(_GOALS, "8 percent", published="2022-03-01").bound == "exact"
    assert find(_GOALS, "15 percent", published="2022-03-01").bound == "exact"


def test_over_the_same_years_pairs_the_series_with_the_years_before():
    spans = [span(find(_GOALS, f, published="2022-03-01")) for f in ("8 percent", "15 percent")]
    spans += [span(find(_GOALS, f, published="2022-03-01")) for f in ("30 percent", "45 percent")]
    assert spans == [(2018, 2018), (2022, 2022), (2026, 2026), (2030, 2030)]


def test_same_years_needs_as_many_years_as_figures():
    text = (
        "Output rose 4 percent in 2019 and 6 percent in 2020. Exports rose 3 percent, 5 percent "
        "and 9 percent over the same years."
    )
    assert find(text, "9 percent", published="2021-03-01").period_basis != "explicit_year"


# -- a state in the simple present is the publication year's, not the last year named


def test_present_state_after_a_past_year_is_of_the_publication_year():
    text = (
        "Port traffic grew 6% in 2021. The federation alone coordinates the work of some 4,200 "
        "engineers."
    )
    assert span(find(text, "4,200", published="2022-09-01")) == (2022, 2022)


# -- `built around five nodes`: the preposition, not `about`


def test_built_around_is_no_approximation():
    text = "The network is built around five hub ports and links 40 feeder terminals."
    assert find(text, "five hub").bound == "exact"
    assert find("The ministry counts around 40 feeder terminals.", "40 feeder").bound == "approx"


# -- `the reporting period` of an annual report is the year it reports on


def test_end_of_the_reporting_period_is_the_report_year():
    text = (
        "Harbour Robotics Co., Ltd.\n2021 Annual Report\n\n"
        "In 2021 the Company kept to its strategy. Revenue in 2021 rose 12%.\n\n"
        "By the end of the reporting period the Company's platform had connected 52,000 cranes."
    )
    assert span(find(text, "52,000", published="2022-04-20")) == (2021, 2021)


def test_budgeted_and_will_pursue_are_targets():
    text = (
        "The Company will pursue revenue growth of no less than 15% in 2023. Spending on the "
        "new test centre is budgeted at RMB 80 million over 2023 and 2024."
    )
    assert find(text, "15%", published="2023-03-30").status == "target"
    assert find(text, "RMB 80 million", published="2023-03-30").status == "target"


def test_estimated_to_reach_is_a_forecast():
    text = "The smart port equipment market is estimated to reach 90 billion yuan this year."
    assert find(text, "90 billion", published="2023-05-01").status == "forecast"
    past = "The market is estimated at 80 billion yuan last year."
    assert find(past, "80 billion", published="2023-05-01").status == "estimate"


# -- `N secondary nodes covered M provinces`: the figure before is the verb's subject


def test_previous_figure_is_the_subject_of_covered():
    text = (
        "In the identification resolution system, 210 secondary nodes covered 29 provinces at "
        "the end of 2022."
    )
    assert find(text, "29 provinces").indicator == "identification_secondary_node_provinces"


# -- a respectively list with no years of its own: the years of the series before it


def test_respectively_list_takes_the_years_and_tail_of_the_series():
    text = (
        "The added value of the industrial internet industry was 3.2 trillion yuan in 2019, 3.6 "
        "trillion yuan in 2020 and 4.0 trillion yuan in 2021, equal to 3.1%, 3.3% and 3.4% of "
        "GDP respectively."
    )
    got = [find(text, f) for f in ("3.1%", "3.3%", "3.4%")]
    assert [span(c) for c in got] == [(2019, 2019), (2020, 2020), (2021, 2021)]
    assert {c.indicator for c in got} == {"iip_added_value_gdp_share"}


# -- a year after a bracketed conversion dates the amount converted, not the figures before


def test_year_after_a_conversion_stays_with_its_amount():
    text = (
        "Beilun, a district of about 900,000 people, is home to more than 600 mould makers, "
        "which together posted sales of 30.2 billion yuan (about 4.2 billion U.S. dollars) in "
        "2025."
    )
    assert span(find(text, "900,000", published="2026-02-01")) == (2026, 2026)
    assert span(find(text, "600 mould", published="2026-02-01")) == (2026, 2026)
    assert span(find(text, "30.2 billion", published="2026-02-01")) == (2025, 2025)


# -- a payback time is no period


def test_payback_time_is_no_period():
    text = (
        "Our checks with 14 integrators suggest that a typical crane retrofit costs Rmb2mn and "
        "pays back within three years."
    )
    c = find(text, "14 integrators", published="2021-01-12")
    assert span(c) == (2021, 2021)
    assert c.status == "actual"
    plan = "The city will train 5,000 technicians within three years."
    assert span(find(plan, "5,000", published="2021-01-12"))[1] == 2023


# -- `the number of equipment connected to platforms` counts equipment


def test_number_of_noun_phrase_ends_at_a_participle():
    text = (
        "The number of equipment connected to industrial internet platforms was 65000000 in 2020."
    )
    assert find(text, "65000000").indicator == "industrial_equipment_connections"


def test_percent_on_a_year_is_a_comparison_base():
    text = "The 2021 fund totals 90 million yuan, an increase of 20% on 2020."
    assert span(find(text, "20%", published="2021-04-08")) == (2021, 2021)


def test_since_total_runs_to_publication_not_to_an_earlier_sentence_year():
    text = (
        "Ningbo's port throughput exceeded 1.2 billion tonnes in 2020. The province has "
        "supported more than 8,000 shippers in going digital since 2018."
    )
    assert span(find(text, "8,000", published="2021-04-08")) == (2018, 2021)


# -- `~720,000`: approximate; `3x what it reported in 2017`: a comparison base


def test_tilde_is_approximate_and_multiple_of_a_past_level_is_a_base():
    text = "The platform now connects ~410,000 cranes, about 3x what it reported in 2018."
    c = find(text, "410,000", published="2020-11-02")
    assert c.bound == "approx"
    assert span(c) == (2020, 2020)


# -- `A by 2020 and B by 2025`: each goal takes its own `by` year


def test_coordinated_goals_take_their_own_by_year():
    text = (
        "The plan set goals including about 20 smart ports by 2020 and three to five world-class "
        "hub ports with global influence by 2025."
    )
    assert span(find(text, "three", published="2024-03-04")) == (2025, 2025)
    assert span(find(text, "five world", published="2024-03-04")) == (2025, 2025)
    assert span(find(text, "20 smart", published="2024-03-04")) == (2020, 2020)


def test_number_of_takes_the_first_plural_noun():
    text = (
        "In the identification resolution system, the cumulative number of resolutions has "
        "passed 70 billion."
    )
    assert find(text, "70 billion").indicator == "identification_resolutions"
    text = "The number of connected workshops in the industrial internet has passed 8,200."
    assert find(text, "8,200").counted == "workshops"


def test_target_set_in_a_past_plan_stays_a_target_when_met():
    text = (
        "The target set in the 2021 port plan, 40 automated terminals by 2024, was therefore met."
    )
    assert find(text, "40 automated", published="2025-06-01").status == "target"


# -- `the core industry of the industrial internet`: the industry's scale


def test_core_industry_of_the_industrial_internet_is_its_scale():
    text = "By official count, the core industry of China's industrial internet passed 1.4 trillion yuan in 2024."
    assert find(text, "1.4 trillion").indicator == "iip_industry_scale"
    part = (
        "The added value of the industrial internet reached 5.1 trillion yuan. Of the total, the "
        "core industry contributed 1.4 trillion yuan."
    )
    assert find(part, "1.4 trillion").indicator == "unclassified"


# -- a phrase of a hard-wrapped text may run over a line break


def test_phrase_over_a_line_break():
    text = (
        "According to the research institute, the digital\neconomy reached 48.5 trillion yuan in "
        "2022, 40.1% of GDP."
    )
    assert find(text, "48.5 trillion").indicator == "digital_economy_scale"
    assert find(text, "40.1%").indicator == "digital_economy_gdp_share"


def test_figure_that_was_added_is_a_flow_not_the_stock():
    text = (
        "China had built 718,000 5G base stations by the end of 2020, of which more than "
        "580,000 were added in the year."
    )
    assert find(text, "718,000").indicator == "five_g_base_stations"
    assert find(text, "580,000").indicator == "unclassified"
