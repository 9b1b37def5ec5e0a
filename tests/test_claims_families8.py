"""Families found on held-out set 8 (reference years of list lines and company reports, status
of plan texts, bounds, indicators). Every sentence here is written for its test."""

from __future__ import annotations

from claims_helpers import claims, find


# reference year: `respectively` list lines take the years of their list heading in order
def test_respectively_list_line_pairs_with_the_years_of_its_heading():
    text = (
        "Robot Works Ltd.\n\nMain output figures of the plant in 2021 and 2020 are as follows:\n\n"
        "Steel used: 3,400 t and 3,900 t respectively.\n"
        "Power used: 12 million kWh and 15 million kWh respectively.\n"
    )
    cs = {c.quote: c for c in claims(text, "2022-04-01")}
    assert (cs["3,400 t"].period_start, cs["3,400 t"].period_end) == (2021, 2021)
    assert (cs["3,900 t"].period_start, cs["3,900 t"].period_end) == (2020, 2020)
    assert (cs["12 million kWh"].period_start, cs["15 million kWh"].period_end) == (2021, 2020)


def test_list_line_without_respectively_keeps_the_heading_year():
    text = "Output of the plant in 2021:\n\nSteel used: 3,400 t.\nPower used: 12 million kWh.\n"
    c = find(text, "3,400 t", "2022-04-01")
    assert (c.period_start, c.period_end) == (2021, 2021)


# reference year: past-tense verbs of company reports
def test_connected_and_served_are_past_tense_for_the_article_year():
    text = (
        "Lianyun Robotics Co., Ltd.\n2021 Annual Report (Excerpt)\n\n3.2 Platform\n\n"
        "In the reporting period, the platform connected 52,000 sets of machines. "
        "It served 800 customers in 2021.\n"
    )
    c = find(text, "52,000 sets", None)
    assert (c.period_start, c.period_end) == (2021, 2021)


# status: a plan item written as an order with a change verb is a target
def test_plan_item_opening_with_increase_is_a_target():
    text = (
        "Notice on the Robot Plan\n\n(3) Nodes. Increase the number of data nodes to more than "
        "90 and raise the number of users to over 5 million.\n"
    )
    assert find(text, "more than 90", "2021-06-01").status == "target"
    assert find(text, "over 5 million", "2021-06-01").status == "target"


def test_sentence_opening_with_increased_is_not_an_order():
    text = "Increased spending lifted output to 7 million tonnes in 2020."
    assert find(text, "7 million tonnes", "2021-06-01").status == "actual"


# bound: `under` between a plural noun and a count is a preposition
def test_under_after_a_plural_noun_is_not_an_upper_bound():
    text = "The guideline lists 36 tasks under five chapters."
    assert find(text, "five chapters").bound == "exact"


def test_under_before_a_count_of_people_stays_an_upper_bound():
    assert find("Firms with under 40 workers were exempted.", "40 workers").bound == "upper"


# units: two scaled decimals joined by `and` are a list, not one compound number
def test_two_decimal_millions_joined_by_and_are_two_figures():
    text = "The two mills made 2.16 million and 0.58 million tonnes of paper in 2020, respectively."
    cs = {c.quote: c for c in claims(text)}
    assert cs["2.16 million"].value == 2.16e6
    assert cs["0.58 million tonnes"].value == 0.58e6


def test_compound_of_a_scale_and_a_smaller_scale_still_adds():
    c = find("Deposits were 12 trillion and 300 billion yuan at the end of 2019.", "12 trillion")
    assert c.value == 12.3e12


# reference year: `in N years` / `within N years` of a plan counts from publication
def test_train_in_three_years_spans_three_years_from_publication():
    c = find("Train 20,000 data engineers in three years.", "20,000", "2023-05-01")
    assert (c.period_start, c.period_end, c.status) == (2023, 2025, "target")


def test_highest_in_three_years_is_not_a_future_span():
    c = find(
        "Exports rose 8 percent in May, the highest in three years.", "8 percent", "2023-06-20"
    )
    assert c.period_end == 2023


# reference year: a year right after another figure dates that figure, not the next one
def test_year_after_another_figure_yields_to_the_figures_own_span():
    text = (
        "The county plans to open 12 robot labs in 2024 and will spend 300 million yuan on "
        "training over the next two years."
    )
    c = find(text, "300 million yuan", "2024-02-01")
    assert (c.period_start, c.period_end) == (2024, 2025)
    assert find(text, "12 robot labs", "2024-02-01").period_end == 2024


# bound: a negated lower-bound verb is an upper bound; conversions carry `approx`
def test_shall_not_exceed_is_an_upper_bound():
    c = find("The subsidy for one project shall not exceed 20 percent of its cost.", "20 percent")
    assert c.bound == "upper"
    assert c.quote.startswith("not exceed")


def test_conversion_of_a_nearly_amount_is_approximate():
    text = "Exports of the sector rose to nearly 40 billion yuan ($5.6 billion) in 2019."
    assert find(text, "$5.6 billion").bound == "approx"


# status: an estimate of a present or past figure is an estimate, not a forecast
def test_analysts_estimate_that_a_present_share_is_an_estimate():
    text = "Dealers estimate that about 40 percent of the robots sold are used in car plants."
    assert find(text, "40 percent", "2023-03-01").status == "estimate"
    assert find(text, "40 percent", None).status == "estimate"


def test_by_our_estimate_closing_the_sentence_is_an_estimate():
    text = "Fitting a line with sensors costs about 80,000 yuan, by our estimate."
    assert find(text, "80,000 yuan", None).status == "estimate"


def test_estimate_of_a_figure_to_come_stays_a_forecast():
    text = "Output is likely to reach 9 million units in 2024, according to an estimate by a bank."
    assert find(text, "9 million units", "2024-01-10").status == "forecast"


# reference year: `now` right after the figure is the publication date
def test_now_after_the_figure_beats_a_span_of_another_clause():
    text = (
        '"Sales could grow 20 percent a year over the next five years," an analyst said, adding '
        "that the market is estimated at about 60 billion yuan ($8.3 billion) now."
    )
    c = find(text, "60 billion yuan", "2025-03-01")
    assert (c.period_start, c.period_end, c.status) == (2025, 2025, "estimate")
    assert find(text, "$8.3 billion", "2025-03-01").period_end == 2025


# reference year and status: measures of a notice without plan years
def test_will_measure_of_a_notice_without_years_is_a_target_of_the_year_of_issue():
    text = (
        "Notice of the Provincial Department of Commerce on Supporting Robot Makers\n\n"
        "3. Funding. The provincial budget will set aside funds, with each firm receiving up to "
        "2 million yuan, and the subsidy shall not exceed 25 percent of the investment.\n"
    )
    for needle in ("2 million yuan", "25 percent"):
        c = find(text, needle, "2022-07-01")
        assert (c.period_start, c.period_end, c.status) == (2022, 2022, "target"), needle


def test_will_sentence_of_a_news_story_keeps_no_year():
    text = "Robots are spreading\n\nThe company will hire 300 engineers in Munich."
    c = find(text, "300 engineers", "2022-07-01")
    assert c.period_start is None


def test_will_also_support_is_a_commitment():
    text = "The ministry will also support no less than 500 firms in using AI models in 2023."
    assert find(text, "500 firms", "2023-02-01").status == "target"


# reference year: a January/February report on last year's results, in the present perfect
def test_present_perfect_in_a_january_report_on_last_year_is_last_year():
    text = (
        "Anhui Releases Robot Industry Results for 2021\n\n"
        "The provincial department announced the robot industry's results for 2021 at a meeting "
        "held on Monday, saying output rose strongly in 2021 and exports grew in 2021.\n\n"
        "The province has built 40 robot parks and 12 test centres.\n"
    )
    c = find(text, "40 robot parks", "2022-01-20")
    assert (c.period_start, c.period_basis) == (2021, "article_year")


def test_present_perfect_in_a_january_story_not_about_last_year_is_the_present():
    text = (
        "Robot forum opens in Hefei\n\n"
        "On January 18, 2022, a forum on robots opened in Hefei, where officials and business "
        "leaders from across the country discussed plans for factories and supply chains.\n\n"
        "Output rose 9 percent in 2021. Exports grew 5 percent in 2021.\n\n"
        "China has built more than 50 robot parks.\n"
    )
    assert find(text, "50 robot parks", "2022-01-20").period_start == 2022


def test_present_perfect_in_a_june_report_is_the_present():
    text = (
        "Anhui Releases Robot Industry Results for 2021\n\n"
        "The provincial department announced the robot industry's results for 2021 at a meeting "
        "held on Monday, saying output rose strongly in 2021 and exports grew in 2021.\n\n"
        "The province has built 40 robot parks.\n"
    )
    assert find(text, "40 robot parks", "2022-06-20").period_start == 2022


# reference year: a figure restated after `, or` takes the period of the figure it restates
def test_share_restating_a_level_takes_the_level_year_not_the_span():
    text = (
        "From 2016 to 2022, the robot industry's output more than doubled, and output grew to "
        "1.2 trillion yuan last year, or about 1 percent of GDP."
    )
    c = find(text, "1 percent", "2023-03-01")
    assert (c.period_start, c.period_end) == (2022, 2022)


def test_restated_figure_with_its_own_year_keeps_it():
    text = "Output was 1.2 trillion yuan in 2022, or 1 percent of GDP in 2021 terms in 2021."
    c = find(text, "1 percent", "2023-03-01")
    assert c.period_end == 2021


# indicator: after `and the`, the words before the next figure are that figure's subject
def test_second_subject_after_and_belongs_to_the_next_figure():
    text = (
        "In 2022, the penetration rate of digital R&D and design tools was 77 percent and the "
        "numerical control rate of key processes was 58.6 percent."
    )
    assert find(text, "77 percent").indicator == "digital_rd_tools_penetration"
    assert find(text, "58.6 percent").indicator == "key_process_nc_rate"


def test_rate_after_a_growth_word_is_still_a_share():
    text = (
        "In 2022, output rose 3 percent, up 0.5 percentage points from 2021, and the numerical "
        "control rate of key processes reached 58.6 percent."
    )
    assert find(text, "58.6 percent").indicator == "key_process_nc_rate"


# reference year and status: a finished plan period reported in the past tense
def test_finished_plan_period_in_the_past_tense_is_the_span_and_actual():
    text = (
        "Robots\n\nDuring the 13th Five-Year Plan period (2016-2020), the province trained "
        "more than 9,000 robot engineers, officials said."
    )
    c = find(text, "9,000", "2021-01-15")
    assert (c.period_start, c.period_end, c.status) == (2016, 2020, "actual")


def test_plan_period_not_over_keeps_its_target_year():
    text = (
        "Robots\n\nDuring the 14th Five-Year Plan period (2021-2025), the province will train "
        "9,000 robot engineers."
    )
    c = find(text, "9,000", "2022-01-15")
    assert (c.period_end, c.status) == (2025, "target")


# reference year and status: `That would ...` continues the last state of the sentence before
def test_that_would_sentence_takes_the_last_year_of_the_previous_sentence_as_a_forecast():
    text = (
        "Robot output is expected to reach 2 million units in 2024 and top 3 million units by "
        "2028, according to a forecast. That would lift its share of world output to about 60 "
        "percent."
    )
    c = find(text, "60", "2024-03-01")
    assert (c.period_start, c.period_end, c.status) == (2028, 2028, "forecast")


def test_plain_following_sentence_still_takes_the_first_year():
    text = (
        "Robot output reached 2 million units in 2023 and exports hit 500,000 units in 2022. "
        "Prices fell 4 percent."
    )
    assert find(text, "4 percent", "2024-03-01").period_end == 2023


# status: a coordinated clause after the figure does not introduce it
def test_will_clause_after_the_figure_does_not_make_it_a_target():
    text = (
        "Notice on the Robot Plan\n\nThe plan lists 20 tasks under five chapters and will be "
        "carried out in all 16 cities."
    )
    c = find(text, "five chapters", "2022-05-01")
    assert (c.period_end, c.status) == (2022, "actual")
    assert find(text, "16 cities", "2022-05-01").status == "target"


def test_order_after_an_ordinal_is_a_target():
    text = "Robots\n\nFirst, subsidize at least a third of the cost of robot arms for small firms."
    assert find(text, "a third", None).status == "target"


def test_will_have_by_the_end_of_the_year_is_a_forecast():
    text = "The country will have more than 80,000 robot cells by the end of the year, he said."
    assert find(text, "80,000", "2022-05-01").status == "forecast"


# reference year: two `respectively` lists in one sentence both pair with its years
def test_second_respectively_list_pairs_with_the_years_too():
    text = (
        "In 2019 and 2020, robot sales stood at 80 billion yuan and 95 billion yuan "
        "respectively, with growth of 12.1 percent and 18.8 percent, respectively."
    )
    cs = {c.quote: c for c in claims(text, "2021-05-01")}
    assert cs["12.1 percent"].period_end == 2019
    assert cs["18.8 percent"].period_end == 2020
    assert cs["80 billion yuan"].period_end == 2019


# indicator: `and top N` shares the subject of the figure before it
def test_and_top_shares_the_subject_of_the_previous_figure():
    text = (
        "The added value of the industrial internet industry is expected to reach 5 trillion "
        "yuan in 2024 and top 6 trillion yuan by 2027, according to a think tank."
    )
    assert find(text, "6 trillion yuan", "2024-01-05").indicator == "iip_added_value"


# reference year: a milestone clause `, and crossed N` keeps the other figure's year off
def test_milestone_clause_does_not_take_the_year_of_the_figure_before():
    text = (
        "Registrations of identifiers stood at 2 billion at the end of 2018, and passed 6 "
        "billion in July, officials said."
    )
    c = find(text, "6 billion", "2019-11-20")
    assert c.period_end == 2019
    assert find(text, "2 billion", "2019-11-20").period_end == 2018


# indicator: a company's own ESG / annual report is company scope
def test_figures_of_a_company_esg_report_are_not_national_indicators():
    text = (
        "Hengda Robot Co., Ltd.\n2023 Environmental, Social and Governance (ESG) Report\n\n"
        "The number of industrial apps on the platform reached 2,100.\n"
    )
    assert find(text, "2,100", None).indicator == "unclassified"


def test_a_national_news_story_keeps_the_indicator():
    text = "China's robots\n\nThe number of industrial apps in China reached 2,100 in 2023.\n"
    assert find(text, "2,100", "2024-01-05").indicator == "industrial_apps"


# status: the share of a group that plans something is a survey fact, not a goal
def test_share_of_respondents_who_plan_is_actual():
    text = "A survey in May found that 45% of manufacturers planned to buy robots this year."
    assert find(text, "45%", "2021-06-01").status == "actual"


def test_plan_to_reach_a_share_is_still_a_target():
    text = "The city aims to have 45% of plants equipped with robots by 2023."
    assert find(text, "45%", "2021-06-01").status == "target"


# indicator: the base verb `serve` names the platforms' enterprises served
def test_platforms_serve_enterprises():
    text = "China's key industrial internet platforms serve over 900,000 enterprises in 2022."
    assert find(text, "900,000 enterprises", "2023-01-10").indicator == "iip_enterprises_served"
