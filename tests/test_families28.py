"""Families tuned on heldout28, ordinary news (sentences written for the tests)."""

from __future__ import annotations

from tests.claims_helpers import quotes, span

_TITLE = "Provinces speed up factory upgrades\n\n"


def test_a_plan_named_by_its_years_sets_goals_for_its_last_year():
    text = (
        "The work plan for 2023-2025 sets out to cultivate 12 demonstration parks, train 4,000 "
        "engineers and connect 60,000 machines."
    )
    cs = quotes(text, "2023-04-02")
    for q in ("12 demonstration parks", "4,000 engineers", "60,000 machines"):
        assert span(cs[q]) == (2025, 2025), q
        assert cs[q].status == "target", q


def test_a_range_before_the_plan_noun_also_names_it():
    text = "The province's 2024-2026 action plan aims to build 35 shared factories."
    c = quotes(text, "2024-05-01")["35 shared factories"]
    assert (span(c), c.status) == ((2026, 2026), "target")


def test_under_a_plan_the_figures_span_its_years():
    text = "Under the action plan for 2014-2016, the county built 80 workshops."
    c = quotes(text, "2017-03-01")["80 workshops"]
    assert span(c) == (2014, 2016)


def test_a_plan_without_a_goal_verb_keeps_its_range():
    text = "The plan for 2019-2021 was released with 30 measures."
    c = quotes(text, "2019-03-01")["30 measures"]
    assert span(c) == (2019, 2021)


def test_in_the_three_years_takes_the_span_named_before():
    text = (
        "The ministry released an action plan for 2021-2023 on Monday.\n\n"
        "Hebei plans to add 40 digital workshops in the three years, while Shanxi has set aside "
        "2 billion yuan to help 500 small firms."
    )
    cs = quotes(text, "2021-01-12")
    for q in ("40 digital workshops", "2 billion yuan", "500 small firms"):
        assert span(cs[q]) == (2021, 2023), q


def test_in_the_three_years_needs_a_span_of_three_years():
    text = (
        "The plan for 2021-2025 was released on Monday.\n\n"
        "Hebei plans to add 40 digital workshops in the three years."
    )
    c = quotes(text, "2021-01-12")["40 digital workshops"]
    assert span(c) != (2021, 2025)


def test_an_expected_level_attributed_to_a_plan_is_its_goal():
    text = _TITLE + (
        "By 2027, the share of cloud-connected firms is expected to reach 60 percent, according "
        "to the provincial Digital Economy Development Plan."
    )
    c = quotes(text, "2024-02-01")["60 percent"]
    assert c.status == "target"


def test_an_analysts_expectation_stays_a_forecast():
    text = _TITLE + (
        "By 2027, the share of cloud-connected firms is expected to reach 60 percent, analysts "
        "said."
    )
    c = quotes(text, "2024-02-01")["60 percent"]
    assert c.status == "forecast"


def test_by_then_after_a_plan_sentence_is_the_plans_goal():
    text = _TITLE + (
        "According to a three-year plan unveiled on Tuesday, by 2028 the city aims to build 40 "
        "smart factories. Sales of robots are expected to exceed 90 billion yuan by then."
    )
    c = quotes(text, "2025-06-01")["exceed 90 billion yuan"]
    assert c.status == "target"


def test_an_actors_spending_to_come_is_planned():
    text = _TITLE + (
        "The city will also spend 800 million yuan this year from its budget to support more "
        "than 120 automation projects."
    )
    cs = quotes(text, "2025-03-01")
    assert cs["800 million yuan"].status == "target"
    assert cs["more than 120 automation projects"].status == "target"


def test_a_plan_action_coordinated_after_another_will():
    text = _TITLE + (
        "Hunan will make robots a common tool in factories and help another 3,000 firms "
        "go digital this year, the provincial bureau said."
    )
    c = quotes(text, "2025-03-01")["3,000 firms"]
    assert c.status == "target"


def test_a_caption_line_in_brackets_gives_the_money_unit():
    from pipeline.lib.claims.text_tables import find_cells

    text = (
        "Quarterly results\n\n"
        "(USD in thousands, except percentages and per share data)\n"
        "                         Q1 2023      Q1 2024      Change\n"
        "Net revenues             5,210.5      6,044.0      16.0%\n"
        "Operating loss           (812.3)      (95.1)       N/A\n"
    )
    cells = {c.quote: c for c in find_cells(text)}
    assert (cells["5,210.5"].unit, cells["5,210.5"].value) == ("USD", 5210500.0)
    assert (cells["(812.3)"].unit, cells["(812.3)"].value) == ("USD", -812300.0)
    assert cells["16.0%"].unit == "percent"


def test_heads_with_one_bracketed_year_and_a_unit_make_a_table():
    from pipeline.lib.claims.text_tables import find_cells

    text = (
        "The bureau released the figures below:\n\n"
        "County      Firms upgraded (2024)      Robot sales (million yuan)\n"
        "Wuxi        1,250                      310.5\n"
        "Changzhou   980                        204.0\n"
    )
    cells = {c.quote: c for c in find_cells(text)}
    assert (cells["1,250"].unit, cells["1,250"].counted, cells["1,250"].year) == (
        "count",
        "firms",
        2024,
    )
    assert (cells["204.0"].unit, cells["204.0"].value, cells["204.0"].year) == (
        "CNY",
        204e6,
        2024,
    )


def test_heads_with_two_bracketed_years_and_no_time_axis_are_not_read_as_one_year():
    from pipeline.lib.claims.text_tables import find_cells

    text = (
        "The bureau released the figures below:\n\n"
        "County      Firms upgraded (2024)      Firms planned (2026)\n"
        "Wuxi        1,250                      1,900\n"
        "Changzhou   980                        1,400\n"
    )
    assert all(c.year != 2024 or c.quote in ("1,250", "980") for c in find_cells(text))


_IIP_TITLE = "Industrial internet spreads to more sectors\n\n"


def test_the_economy_around_the_industrial_internet_is_not_its_added_value():
    text = _IIP_TITLE + (
        "The industrial internet's added value grew 14 percent in 2021, the academy said.\n\n"
        "The added value of industrial enterprises above designated size grew 4.2 percent last "
        "year, and manufacturing accounted for 26.1 percent of GDP. Manufacturing's added value "
        "reached 31.4 trillion yuan, and the core AI industry reached 420 billion yuan."
    )
    cs = quotes(text, "2022-01-20")
    assert cs["14 percent"].indicator == "iip_added_value_nominal_growth"
    for q in ("4.2 percent", "26.1 percent", "31.4 trillion yuan", "420 billion yuan"):
        assert cs[q].indicator == "unclassified", q


def test_enterprises_not_served_by_platforms():
    text = _IIP_TITLE + (
        "The country now has 90 industrial internet platforms, and the platforms serve over "
        "1.8 million enterprises.\n\n"
        "Apps on these platforms topped 150,000, while over 2 million small firms have started "
        "using cloud services.\n\n"
        "On average, each platform connects about 400,000 sets of equipment and serves over "
        "6,000 enterprises.\n\n"
        "The ministry will promote the use of the industrial internet in 20,000 small firms."
    )
    cs = quotes(text, "2021-05-01")
    assert cs["over 1.8 million enterprises"].indicator == "iip_enterprises_served"
    for q in ("over 2 million small firms", "over 6,000 enterprises", "20,000 small firms"):
        assert cs[q].indicator == "unclassified", q


def test_the_same_period_of_a_year_dates_the_base_only():
    text = (
        "Company reports results\n\n"
        "Third Quarter 2024 Highlights\n\n"
        "- Net revenues were RMB88.5 million, an increase of 12.0% from RMB79.0 million in the "
        "same period of 2023.\n"
    )
    cs = quotes(text, "2024-11-20")
    assert span(cs["RMB79.0 million"]) == (2023, 2023)
    assert span(cs["RMB88.5 million"]) == (2024, 2024)
    assert span(cs["12.0%"]) == (2024, 2024)


def test_and_over_before_the_next_number_is_not_a_bound_suffix():
    text = "Plants\n\nA typical assembly hall has about 120 robots and over 2,500 sensors today."
    cs = quotes(text, "2020-05-01")
    assert cs["about 120 robots"].bound == "approx"
    assert cs["over 2,500 sensors"].bound == "lower"


def test_and_over_at_the_end_of_a_figure_is_still_a_bound():
    text = "Firms\n\nFirms with 300 employees and over were counted in the survey."
    cs = quotes(text, "2020-05-01")
    assert cs["300 employees and over"].bound == "lower"


def test_a_base_written_in_words_after_a_share_is_not_a_percent():
    text = (
        "Lighthouses\n\nThe network now has 180 factories, 80 of them in China. That is more "
        "than 44% of the total, up from just three in the first batch in 2019."
    )
    cs = quotes(text, "2024-10-10")
    assert all(c.unit != "percent" or c.value != 3 for c in cs.values())
    assert span(cs["more than 44%"]) == (2024, 2024)


def test_the_market_continues_the_subject_of_the_sentence_before():
    text = _IIP_TITLE + (
        "China's industrial internet market was worth about 610 billion yuan in 2018, the "
        "academy said. The market is expected to exceed 700 billion yuan this year."
    )
    cs = quotes(text, "2019-03-01")
    assert cs["exceed 700 billion yuan"].indicator == cs["about 610 billion yuan"].indicator
    assert cs["about 610 billion yuan"].indicator == "iip_industry_scale"


def test_two_subjects_and_two_figures_pair_up_without_respectively():
    text = "Digital factories\n\n" + (
        "The ministry said on Monday that the numerical control rate of key processes and the "
        "penetration rate of digital research and development tools had reached 61.3% and 80.1% "
        "by the end of 2024."
    )
    cs = quotes(text, "2025-03-01")
    assert cs["61.3%"].indicator == "key_process_nc_rate"
    assert cs["80.1%"].indicator == "digital_rd_tools_penetration"


def test_a_count_risen_to_its_level_counts_its_subject():
    text = "Results\n\n- Active enterprise users increased to 4,310 as of March 31, 2025."
    c = quotes(text, "2025-05-01")["4,310"]
    assert (c.unit, c.counted) == ("count", "users")


def test_an_amount_risen_to_its_level_is_not_a_count():
    text = "Results\n\n- Export sales increased to 4,310 in March."
    assert all(c.unit != "count" for c in quotes(text, "2025-05-01").values())


def test_up_after_a_level_is_its_growth():
    text = _IIP_TITLE + (
        "The added value of the country's industrial internet industry reached 2.1 trillion "
        "yuan ($300 billion) in 2019, up 47.9 percent year-on-year, the white paper said."
    )
    cs = quotes(text, "2020-07-01")
    assert cs["47.9 percent"].indicator == "iip_added_value_nominal_growth"


def test_up_after_an_unrelated_level_stays_unclassified():
    text = _IIP_TITLE + (
        "Exports of industrial robots reached 2.1 billion yuan in 2019, up 47.9 percent "
        "year-on-year, the bureau said."
    )
    cs = quotes(text, "2020-07-01")
    assert cs["47.9 percent"].indicator == "unclassified"


def test_respectively_after_coordinated_verb_phrases():
    text = "Smart factories\n\n" + (
        "After the upgrade, the demonstration factories shortened product development cycles and "
        "cut defect rates by an average of 31.5% and 44.0% respectively, the ministry said."
    )
    cs = quotes(text, "2024-10-10")
    assert cs["31.5%"].indicator == "im_demo_factory_dev_cycle_reduction"
    assert cs["44.0%"].indicator == "im_demo_factory_defect_rate_reduction"


def test_a_figure_inside_the_plan_source_clause_is_not_its_goal():
    text = "Computing\n\n" + (
        'According to the "Action Plan for Data Centres" issued by seven departments including '
        "the ministry, the racks in use will exceed 9 million this year."
    )
    cs = quotes(text, "2024-06-01")
    assert cs["seven departments"].status == "actual"
