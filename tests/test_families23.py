"""Families of issue 9, ninth round (chosen by recurrence over the first contacts of sets 12-23):
a bound word before a list of bare figures, a label line's `from X to Y` change, the start of a
change in a goal sentence, `should` + a verb and `want(s) N` as plan wording.

Sentences written for the tests; none is taken from an annotated article."""

from __future__ import annotations

from claims_helpers import claims, quotes

TITLE = "Weekly notes on manufacturing\n\n"


# -- a bound word before the first member of a list of bare figures bounds every member


def test_bound_word_carries_over_a_list_of_percentages():
    text = TITLE + (
        "Private firms account for more than 40%, 55% and 65% of the province's exports, "
        "investment and jobs.\n"
    )
    got = quotes(text)
    assert got["more than 40%"].bound == "lower"
    assert got["55%"].bound == "lower"
    assert got["65%"].bound == "lower"


def test_bound_word_carries_over_a_respectively_pair():
    text = TITLE + (
        "The ministry says the two shares are now about 61 per cent and 38 per cent respectively.\n"
    )
    got = quotes(text)
    assert got["about 61 per cent"].bound == "approx"
    assert got["38 per cent"].bound == "approx"


def test_member_with_its_own_noun_keeps_exact():
    text = TITLE + (
        "The cloud service now links about 12,000 workshops and 450,000 suppliers across "
        "the region.\n"
    )
    got = quotes(text)
    assert got["about 12,000 workshops"].bound == "approx"
    assert got["450,000 suppliers"].bound == "exact"


def test_list_with_words_between_is_not_carried():
    text = TITLE + (
        "Output rose by more than 8% in the first quarter and 6% in the second quarter.\n"
    )
    got = quotes(text)
    assert got["6%"].bound == "exact"


# -- `Label: from X to Y` on a result line is a change: both ends are exact levels


def test_label_line_from_to_is_a_change():
    text = TITLE + (
        "RESULTS AT THE PILOT SITE\n"
        "- First-pass yield: from 91% to 97%\n"
        "- Order lead time: from 14 to 9 days\n"
    )
    got = quotes(text)
    assert got["91%"].bound == "exact"
    assert got["97%"].bound == "exact"


def test_range_word_keeps_label_line_a_range():
    text = TITLE + "- Price band: ranges from 300 to 500 yuan per unit\n"
    got = quotes(text)
    bounds = {c.bound for q, c in got.items() if q.startswith(("300", "500"))}
    assert bounds == {"lower", "upper"}


# -- the start of a change in a goal or forecast sentence is a level reached


def test_start_of_change_in_goal_sentence_is_actual():
    text = TITLE + (
        "Under the plan, the share of firms using cloud services is to rise from 41% in 2023 "
        "to 60% in 2027.\n"
    )
    got = quotes(text)
    assert got["41%"].status == "actual"
    assert got["60%"].status == "target"


def test_ends_of_a_goal_range_stay_targets():
    text = TITLE + ("The province aims to build from 30 to 40 demonstration factories by 2026.\n")
    got = quotes(text)
    assert {c.status for q, c in got.items() if q.startswith(("30", "40"))} == {"target"}


# -- `should` + a verb is what a proposal or plan asks for; not in an analyst's outlook


def test_should_with_a_verb_is_a_target():
    text = "Proposal on support for small workshops\n\n" + (
        "The provincial budget should allocate 2 billion yuan a year from 2024 to 2026. "
        "Electricity charges for small workshops should fall by 10% this year.\n"
    )
    got = quotes(text)
    assert got["2 billion yuan"].status == "target"
    assert got["10%"].status == "target"


def test_should_in_an_outlook_is_a_forecast():
    text = "Sector Outlook 2025: Machine Tools\n\n" + (
        "Machine tool output should grow by 6% in 2025, we think.\n"
    )
    got = quotes(text, "2024-12-01")
    assert got["6%"].status == "forecast"


def test_speaker_should_add_is_not_a_plan():
    text = TITLE + "I should add that the ministry counted 1,300 pilot projects last year.\n"
    got = quotes(text)
    assert got["1,300 pilot projects"].status == "actual"


# -- `want(s)` straight before a figure is an intention: a target


def test_wants_a_number_is_a_target():
    text = TITLE + (
        "The city has 8,000 charging posts. The mayor wants more than 12,000 charging posts by "
        "the end of the year.\n"
    )
    got = quotes(text)  # (published in March: the year is this year, not the last one)
    assert got["more than 12,000 charging posts"].status == "target"
    assert got["more than 12,000 charging posts"].period_start == 2024


# -- a bare number opening its sentence as the subject of a verb counts the count before it


def test_bare_number_opening_a_sentence_takes_the_count_before():
    text = TITLE + (
        "The province set out to build 5,000 digital workshops by 2025. About 1,900 have been "
        "built so far.\n"
    )
    got = quotes(text)
    assert got["About 1,900"].unit == "count"
    assert got["About 1,900"].counted == "workshops"


# -- the members of a series of one measure keep its indicator, a base in another year too


def test_series_by_years_and_its_base_keep_the_indicator():
    text = TITLE + (
        "Under the plan, the numerical control rate of key processes is to rise to 55% by 2026 "
        "and 68% by 2030, from 41% in 2023.\n"
    )
    got = quotes(text, "2024-03-01")
    assert got["55%"].indicator == "key_process_nc_rate"
    assert got["68%"].indicator == "key_process_nc_rate"
    assert got["41%"].indicator == "key_process_nc_rate"


# -- `the two rates ... respectively` takes the measures named just before, in order


def test_pointing_subject_takes_the_last_measures_in_order():
    text = TITLE + (
        "The share of enterprises using digital R&D and design tools is to rise to 80% by 2027. "
        "The numerical control rate of key processes is to reach 66% in the same year. In 2022 "
        "the two rates stood at 77% and 58% respectively.\n"
    )
    got = quotes(text, "2024-03-01")
    assert got["77%"].indicator == "digital_rd_tools_penetration"
    assert got["58%"].indicator == "key_process_nc_rate"


# -- money a budget or programme provides for a period not over is planned (target)


def test_budget_money_for_a_coming_period_is_a_target():
    text = TITLE + (
        "For 2025, general public budget revenue of the city is projected at 88.4 billion yuan. "
        "The new programme provides for EUR 3.6 billion over 2026-2030.\n"
    )
    got = quotes(text, "2025-01-20")
    assert got["88.4 billion yuan"].status == "target"
    assert got["EUR 3.6 billion"].status == "target"


def test_analysts_expected_spending_stays_a_forecast():
    text = TITLE + (
        "Analysts expect IT budgets of manufacturers to reach 95 billion yuan in 2026.\n"
    )
    got = quotes(text, "2025-01-20")
    assert got["95 billion yuan"].status == "forecast"


# -- the period of a change's base is not the change's period


def test_change_over_the_end_of_an_earlier_year_is_this_years():
    text = TITLE + (
        "Storage capacity reached 18 EB at the end of June, an increase of nearly 40% over the "
        "end of 2023.\n"
    )
    got = quotes(text, "2024-08-20")
    assert got["nearly 40%"].period_start == 2024


def test_multiple_of_last_years_amount_is_this_years():
    text = TITLE + (
        "The operators plan to spend about 90 billion yuan on fibre in 2025, more than double "
        "last year's amount.\n"
    )
    got = quotes(text, "2025-04-01")
    assert got["more than double"].period_start == 2025


def test_verb_double_by_a_year_keeps_that_year():
    text = TITLE + (
        "Spending on platforms reached 10 billion yuan in 2024 and could double by 2027, the "
        "report says.\n"
    )
    got = quotes(text, "2025-04-01")
    assert got["double"].period_end == 2027


# -- a share of the surveyed followed by what they expect of a noun phrase is measured now


def test_share_expecting_a_noun_phrase_to_change_is_actual():
    text = TITLE + (
        "In the chamber's survey, 38 per cent expected the business environment to get worse "
        "by 2027.\n"
    )
    got = quotes(text, "2024-06-01")
    assert got["38 per cent"].status == "actual"
    assert got["38 per cent"].period_end == 2024


# -- a world or regional scope named after the figure: not the country's indicator


def test_world_figure_after_the_noun_is_unclassified():
    text = TITLE + (
        "China had built 1.2 million 5G base stations, while roughly 1.9 million 5G base stations "
        "were in service worldwide.\n"
    )
    got = quotes(text, "2022-03-01")
    assert got["1.2 million 5G base stations"].indicator == "five_g_base_stations"
    assert got["roughly 1.9 million 5G base stations"].indicator == "unclassified"


# -- one row of figures under a header of years, its unit in the caption


def test_unlabelled_row_under_years_reads_each_cell():
    text = TITLE + (
        "Robot cell market in China, 2019-2026E\n"
        "(RMB billion)\n"
        "\n"
        "2019    2020    2021    2022    2023    2024    2025E   2026E\n"
        "8.1     9.4     11.2    12.9    14.8    16.6    18.9    21.5\n"
        "\n"
        "Source: a consultancy.\n"
    )
    got = {c.quote: c for c in claims(text, "2025-03-01")}
    assert got["8.1"].value == 8.1e9 and got["8.1"].unit == "CNY"
    assert got["8.1"].period_start == 2019 and got["8.1"].status == "actual"
    assert got["18.9"].period_start == 2025
    assert got["21.5"].period_start == 2026 and got["21.5"].status == "forecast"


def test_title_line_ending_in_its_unit_gives_the_unit():
    text = TITLE + (
        "[Slide 4]\n"
        "Machine vision market sizing (RMB bn)\n"
        "2022A   2024E   2028F\n"
        "  21      30     62\n"
    )
    got = {c.quote: c for c in claims(text, "2025-03-01")}
    assert got["21"].value == 21e9 and got["21"].period_start == 2022
    assert got["30"].status == "estimate"
    assert got["62"].status == "forecast"


# -- `Since X was set up in YEAR, it has ...`: the founding year starts the total


def test_since_founding_year_starts_the_total():
    text = TITLE + (
        "Since the alliance was founded in 2018, it has published 14 joint standards.\n"
    )
    got = quotes(text, "2022-05-01")
    c = got["14 joint standards"]
    assert (c.period_start, c.period_end) == (2018, 2022)


# -- a CAGR of a from-to change spans the years of the change


def test_cagr_of_a_from_to_change_starts_at_the_base_year():
    text = TITLE + (
        "The market grew from RMB8.2 billion in 2017 to RMB21.9 billion in 2022, representing "
        "a CAGR of 21.7%.\n"
    )
    got = quotes(text, "2023-06-01")
    c = got["21.7%"]
    assert (c.period_start, c.period_end) == (2017, 2022)


def test_cagr_after_a_base_level_without_from_starts_the_year_after():
    text = TITLE + (
        "Sales were US$1.2 billion in 2018 and are expected to grow to US$3.4 billion in 2023, "
        "a compound annual growth rate of 23.2 per cent.\n"
    )
    got = quotes(text, "2019-06-01")
    c = got["23.2 per cent"]
    assert (c.period_start, c.period_end) == (2019, 2023)


# -- a bare scaled number after a level verb counts the plural subject; money plurals do not


def test_plural_subject_reached_a_scaled_number_is_a_count():
    text = TITLE + (
        "Registered drone pilots reached 2.3 million by the end of June. Sales reached 1.4 billion "
        "in the same period.\n"
    )
    got = quotes(text, "2024-08-01")
    assert got["2.3 million"].unit == "count" and got["2.3 million"].counted == "pilots"
    assert "1.4 billion" not in got or got["1.4 billion"].unit != "count"
