"""Families tuned on heldout28, ordinary news (sentences written for the tests)."""

from __future__ import annotations

from tests.claims_helpers import quotes, span


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
