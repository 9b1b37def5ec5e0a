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
