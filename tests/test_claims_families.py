"""Rule families found on unseen articles: implied units of differences and set members,
comparison bases `a year earlier`, per-year quotas, present statements vs future clauses,
expectations vs plans, headline infinitives, growth vs share, parts of a whole, company scope."""

from __future__ import annotations

from claims_helpers import claims, find


def test_difference_takes_the_unit_of_the_figure_before_it():
    text = "By the end of May the city had 52,000 charging piles, 8,400 more than a year earlier."
    c = find(text, "8,400", "2023-07-01")
    assert (c.unit, c.counted, c.indicator) == ("count", "piles", "unclassified")


def test_member_of_a_named_set_is_a_count_of_the_set():
    text = "Of the 50 largest ports surveyed by the association, 31 reported a loss."
    c = find(text, "31", "2023-07-01")
    assert (c.unit, c.counted) == ("count", "ports")


def test_quoted_counted_noun_before_a_coordination():
    c = find('The city named 45 "lighthouse plants" and 300 digital workshops.', "45")
    assert c.quote == '45 "lighthouse plants"' and c.counted == "plants"


def test_hyphenated_unit_adjective():
    c = find("The firm will open a 35,000-square-meter warehouse next year.", "35,000")
    assert (c.quote, c.unit, c.value) == ("35,000-square-meter", "m2", 35000.0)


def test_countries_footprint_is_a_statistic():
    text = "The supplier sells to 3,500 customers in 48 countries and regions."
    c = find(text, "48")
    assert c.quote == "48 countries and regions" and c.counted == "countries"
    assert find("Our software runs in 17 countries.", "17").unit == "count"


def test_comparison_base_a_year_earlier_is_the_previous_year():
    text = "Software revenue reached 9.1 billion yuan in 2022, up from 8.3 billion yuan a year ago."
    assert find(text, "9.1").period_start == 2022
    base = find(text, "8.3")
    assert (base.period_start, base.period_end) == (2021, 2021)


def test_quota_each_year_without_years_has_no_period():
    text = (
        "The province aims to cut energy use by 10 percent by 2025 from 2020 levels, and to "
        "certify 80 green mines each year."
    )
    c = find(text, "80 green mines", "2022-05-01")
    assert (c.period_start, c.period_end, c.status) == (None, None, "target")


def test_present_statement_does_not_take_a_future_year_of_another_clause():
    text = 'He said: "Our platform now links 2.4 million machines, and we want to list by 2027."'
    c = find(text, "2.4 million", "2022-05-01")
    assert (c.period_start, c.status) == (2022, "actual")
    assert c.indicator == "unclassified"  # the speaker's company, not a national figure


def test_company_expectation_and_modal_are_forecasts():
    text = "The company expects deliveries of 7,000 to 8,000 units in 2023 and will build a plant."
    assert find(text, "7,000", "2022-05-01").status == "forecast"
    text = "Global spending on factory software could reach $90 billion by 2030, analysts say."
    assert find(text, "$90 billion", "2022-05-01").status == "forecast"


def test_headline_infinitive_is_a_forecast_lower_bound():
    text = (
        "Cloud revenue to top 2 trillion yuan this year: report\n\n"
        "Cloud revenue reached 1.8 trillion yuan last year, the report said."
    )
    c = find(text, "2 trillion", "2022-03-01")
    assert (c.bound, c.status, c.period_start) == ("lower", "forecast", 2022)


def test_growth_rate_is_not_a_share_indicator():
    text = (
        "China's digital economy reached 50 trillion yuan, equivalent to 41.5% of GDP. Nominal "
        "growth of the digital economy slowed to 9.2% last year, compared with 14.1% in 2020."
    )
    by = {c.quote: c for c in claims(text, "2022-05-01")}
    assert by["41.5%"].indicator == "digital_economy_gdp_share"
    assert by["9.2%"].indicator == "unclassified"
    assert by["14.1%"].indicator == "unclassified"


def test_part_of_the_whole_is_not_the_whole():
    text = "The added value of the core industries of the digital economy was 8.4 trillion yuan."
    assert find(text, "8.4", "2022-05-01").indicator == "unclassified"


def test_coordinated_forecast_shares_the_sentence_subject():
    text = (
        "The added value of China's industrial internet industry reached 4.1 trillion yuan in "
        "2021, up from 3.6 trillion yuan in 2020, and is expected to hit 4.5 trillion yuan in 2022."
    )
    assert find(text, "4.5 trillion", "2022-03-01").indicator == "iip_added_value"
