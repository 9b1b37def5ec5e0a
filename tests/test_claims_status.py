"""Status: actual, estimate, forecast, target."""

from __future__ import annotations

from claims_helpers import find


def test_future_year_is_a_forecast():
    text = "The market is expected to reach 2.5 trillion yuan in 2024."
    assert find(text, "2.5 trillion", "2022-11-07").status == "forecast"


def test_expected_for_the_current_year_is_a_forecast():
    text = "It is estimated that the platform market will reach 1.2 trillion yuan in 2022."
    assert find(text, "1.2 trillion", "2022-11-07").status == "forecast"


def test_introducing_forecast_covers_the_following_clause():
    text = (
        "It is estimated that the added value of the industrial Internet industry will reach "
        "5 trillion yuan in 2023, accounting for 4% of GDP."
    )
    assert find(text, "4%", "2023-02-01").status == "forecast"


def test_will_for_a_year_already_over_is_actual():
    text = "In 2021, the number of connected devices will exceed 70 million sets."
    assert find(text, "70 million", "2022-11-07").status == "actual"


def test_approximate_figure_for_the_year_just_ended_is_an_estimate():
    text = "In 2022, the scale of the digital economy will be about 50 trillion yuan."
    assert find(text, "50 trillion", "2023-01-20").status == "estimate"


def test_old_approximate_figure_is_actual():
    text = "In 2015, the scale of the digital economy was about 18 trillion yuan."
    assert find(text, "18 trillion", "2023-01-20").status == "actual"


def test_plan_language_is_a_target():
    text = "The action plan aims to cultivate 45 cross-industry platforms by 2025."
    assert find(text, "45", "2023-01-20").status == "target"


def test_by_future_year_with_will_is_a_target():
    text = "By 2025, the number of 5G base stations will reach 3.6 million."
    c = find(text, "3.6 million", "2023-01-20")
    assert (c.status, c.period_start) == ("target", 2025)


def test_by_future_year_with_expected_is_a_forecast():
    text = "By 2025, the number of 5G users is expected to reach 1.1 billion."
    assert find(text, "1.1 billion", "2023-01-20").status == "forecast"


def test_present_stock_is_actual():
    text = "At present, more than 150 platforms with regional influence have been established."
    assert find(text, "150", "2022-09-10").status == "actual"


def test_unknown_publication_date_and_will_with_a_year_is_actual():
    text = "The investment in IT equipment will exceed 300 billion yuan in 2021."
    assert find(text, "300 billion", None).status == "actual"


def test_unknown_publication_date_and_expected_is_a_forecast():
    text = "The investment in IT equipment is expected to exceed 300 billion yuan in 2021."
    assert find(text, "300 billion", None).status == "forecast"


def test_future_without_a_year_is_a_forecast():
    text = "The scale of the industrial Internet industry will exceed 2 trillion yuan."
    assert find(text, "2 trillion", "2022-09-10").status == "forecast"


# ---- plans, forecasts and estimates (held-out lessons, sentences written for the tests) --------
def test_agent_will_build_is_a_target():
    text = "The ministry will build another 500,000 5G base stations in 2024."
    assert find(text, "500,000", "2024-01-10").status == "target"


def test_agent_will_carry_out_tasks_this_year_is_a_target():
    text = "The bureau said that in 2024 it will carry out pilot programmes in 12 pilot cities."
    assert find(text, "12 pilot", "2024-01-10").status == "target"


def test_quantity_that_will_reach_is_a_forecast_not_a_target():
    text = "The market will reach 3 trillion yuan in 2025, the report said."
    assert find(text, "3 trillion", "2024-01-10").status == "forecast"


def test_expected_to_be_built_is_a_target():
    text = "More than 300 smart factories are expected to be built by 2026."
    assert find(text, "300", "2024-01-10").status == "target"


def test_will_build_for_a_year_already_over_is_actual():
    # translation artefact: the future tense for a past year
    text = "In 2022, the province will build 60,000 5G base stations."
    assert find(text, "60,000", "2023-03-01").status == "actual"


def test_strive_to_without_a_year_in_the_present_year_is_a_target():
    text = "This year, the province will strive to connect 5,000 factories to the network."
    c = find(text, "5,000", "2023-03-01")
    assert (c.status, c.period_start) == ("target", 2023)


def test_nearly_is_a_bound_not_an_estimate():
    text = "By the end of last year, connected equipment reached nearly 81 million sets."
    assert find(text, "81 million", "2023-01-18").status == "actual"


def test_about_in_a_bracketed_conversion_does_not_make_an_estimate():
    text = (
        "In 2022, the digital economy reached 50 trillion yuan (about $7.2 trillion), up 10.3 "
        "percent year on year."
    )
    assert find(text, "10.3 percent", "2023-04-28").status == "actual"


def test_estimated_at_for_the_year_just_ended_is_an_estimate():
    text = "The data trading market is estimated to have reached 87 billion yuan in 2022."
    assert find(text, "87 billion", "2023-04-28").status == "estimate"


def test_estimate_that_a_future_level_will_be_reached_is_a_forecast():
    text = (
        "Analysts estimate that the market for smart sensors will exceed 80 billion yuan by 2026."
    )
    assert find(text, "80 billion", None).status == "forecast"
    assert find(text, "80 billion", "2024-02-01").status == "forecast"


def test_will_exceed_in_an_action_plan_is_a_target():
    text = (
        "Action plan for smart ports released\n\n"
        "The number of automated berths will exceed 60 berths, the plan said."
    )
    assert find(text, "60 berths", "2024-01-10").status == "target"


def test_analyst_could_surpass_by_a_future_year_is_a_forecast():
    text = "An analyst said the market could surpass 2 trillion yuan by 2027."
    assert find(text, "2 trillion", "2024-01-10").status == "forecast"


def test_ministry_said_it_would_launch_is_a_target():
    text = "The ministry said it would launch a pilot program covering 50 counties in 2025."
    assert find(text, "50 counties", "2025-02-01").status == "target"
