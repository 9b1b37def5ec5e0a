"""Section headings, clause-bound years, event years, undated present stocks, plan wording."""

from __future__ import annotations

from claims_helpers import find


def years(c):
    return (c.period_start, c.period_end)


def test_section_heading_year_governs_following_paragraphs():
    text = (
        "Annual Statement of the Harbour Board\n\n"
        "I. What We Did in 2021\n\n"
        "We improved the port. Container throughput grew by 4.3 percent.\n\n"
        "II. Plans for 2022\n\n"
        "We plan to invest 2.1 billion yuan in new berths.\n"
    )
    assert years(find(text, "4.3 percent", "2022-03-01")) == (2021, 2021)
    c = find(text, "2.1 billion", "2022-03-01")
    assert years(c) == (2022, 2022)
    assert c.status == "target"


def test_year_in_sentence_beats_section_heading():
    text = "III. Review of 2021\n\nIn 2019 the fleet carried 7.5 million passengers.\n"
    assert years(find(text, "7.5 million", "2022-03-01")) == (2019, 2019)


def test_later_year_of_another_clause_is_not_taken():
    text = "The ministry on Tuesday named 12 demonstration parks after the first batch was named in 2020."
    assert years(find(text, "12 demonstration", "2022-06-01")) == (2022, 2022)


def test_event_year_is_not_a_reference_period():
    text = (
        "Annual Report Summary 2021\n\n"
        "In 2021 the firm earned RMB 3.1 billion. The board proposes a dividend of RMB 1.50 for "
        "every 10 shares for the year, subject to the 2022 annual general meeting.\n"
    )
    assert years(find(text, "RMB 1.50", "2022-04-20")) == (2021, 2021)


def test_undated_present_stock_gets_no_year():
    text = "In 2020 the sector grew fast. Fibre lines now reach 31 provinces."
    assert years(find(text, "31 provinces", None)) == (None, None)


def test_first_person_plan_wording_is_target():
    text = "We have set the budget deficit at 2.8 percent of GDP for this year."
    assert find(text, "2.8 percent", "2022-03-05").status == "target"
    text = "The group aims for sales growth of 10% to 15% in 2023."
    assert find(text, "10%", "2022-12-01").status == "target"


def test_past_figure_in_we_will_sentence_stays_actual():
    text = "We will extend the grid, whose registered users have exceeded 90 million users."
    assert find(text, "90 million", "2022-03-05").status == "actual"


def test_analyst_would_not_be_surprised_is_forecast():
    text = '"By 2026, I would not be surprised to see more than 200 industrial parks," said an analyst.'
    assert find(text, "200 industrial", "2023-01-10").status == "forecast"
