"""Families of issue 9 (tuned on the first contacts of sets 22 and 23): bracketed prior-year
comparatives of annual reports (`31.2% (2012: 33.5%)`) and a report's own heading line under
the company's name (`Annual Report 2013`) as the year the report is about.

Sentences written for the tests; none is taken from an annotated article."""

from __future__ import annotations

from claims_helpers import quotes, span

TITLE = "Weekly notes on manufacturing\n\n"


# -- a bracketed comparative `(YEAR: figure)` is the prior year's; the figure before it is not


def test_figure_before_a_bracketed_comparative_is_of_the_following_year():
    text = TITLE + (
        "Weaker demand for spindles cut the operating margin to 12.4% (2022: 14.1%), and "
        "orders softened.\n"
    )
    got = quotes(text)
    assert span(got["12.4%"]) == (2023, 2023)
    assert span(got["14.1%"]) == (2022, 2022)


def test_bracket_year_does_not_date_the_figure_after_the_bracket():
    text = TITLE + (
        "Weaker demand for spindles cut the operating margin to 12.4% (2022: 14.1%), a fall "
        "of 1.7 percentage points.\n"
    )
    got = quotes(text)
    assert span(got["1.7 percentage points"]) != (2022, 2022)


def test_a_figure_with_its_own_year_keeps_it():
    text = TITLE + (
        "In 2023 the group sold 8,400 robot arms (2022: 7,100 robot arms) to appliance makers.\n"
    )
    got = quotes(text)
    assert span(got["8,400 robot arms"]) == (2023, 2023)
    assert span(got["7,100 robot arms"]) == (2022, 2022)


def test_bracket_without_a_figure_is_no_comparative():
    text = TITLE + "The plant shipped 5,200 units (2023: first full year) to Europe in 2023.\n"
    got = quotes(text)
    assert span(got["5,200 units"]) == (2023, 2023)


# -- a report's heading line under the company's name


def test_annual_report_heading_line_gives_the_report_year():
    text = (
        "Jinhe Precision Machinery Holdings Limited\n"
        "(incorporated in Bermuda with limited liability)\n\n"
        "Annual Report 2022\n\n"
        "CHAIRMAN'S STATEMENT\n\n"
        "Dear Shareholders,\n\n"
        "On behalf of the Board, I present the results of the Group for the year ended 31 "
        "December 2022, a year in which demand for machine tools recovered in the second half "
        "and our export business grew.\n\n"
        "The Board recommends a final dividend of HK8 cents per share, a payout ratio of "
        "approximately 35%.\n\n"
        "I thank our 2,900 colleagues for their work.\n"
    )
    got = quotes(text, "2023-03-24")
    assert span(got["approximately 35%"]) == (2022, 2022)
    assert span(got["2,900 colleagues"]) == (2022, 2022)


# -- a state at a date, and a base `below the X spent in YEAR`


def test_state_at_end_month_dates_the_figure():
    text = TITLE + (
        "Output should slow in 2025, as the build-out matures: the province had installed "
        "61,000 charging posts at end-September 2024, according to its energy bureau.\n"
    )
    got = quotes(text, "2024-11-20")
    assert span(got["61,000 charging posts"]) == (2024, 2024)


def test_state_at_a_day_dates_the_figure():
    text = TITLE + "Orders on hand at 31 January 2024 stood at approximately RMB2.4 billion.\n"
    got = quotes(text, "2024-03-20")
    assert span(got["approximately RMB2.4 billion"]) == (2024, 2024)


def test_percent_below_a_base_spent_in_a_year_dates_the_base_only():
    text = TITLE + (
        "The three carriers budgeted 2024 spending of CNY80 billion, CNY45 billion and CNY30 "
        "billion. The combined CNY155 billion is about 6% below the CNY165 billion spent in "
        "2023.\n"
    )
    got = quotes(text, "2024-06-10")
    assert span(got["CNY165 billion"]) == (2023, 2023)
    assert span(got["CNY155 billion"]) == (2024, 2024)


# -- a target year is not carried into a statement of the present that counts `projects`


def test_counted_projects_are_no_future_word():
    text = TITLE + (
        "The city's plan targets output of 900 billion yuan by 2030. Its software sector "
        "employs about 41,000 people, and the innovation fund has so far backed more than 1,200 "
        "projects.\n"
    )
    got = quotes(text, "2024-05-02")
    assert span(got["about 41,000 people"]) == (2024, 2024)


def test_projects_as_a_verb_still_looks_ahead():
    text = TITLE + (
        "The city's plan targets output of 900 billion yuan by 2030. The bureau projects that "
        "the sector will employ 60,000 people.\n"
    )
    got = quotes(text, "2024-05-02")
    assert span(got["60,000 people"]) != (2024, 2024)
