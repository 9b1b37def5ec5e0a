"""Families tuned on heldout30, ordinary news (sentences written for the tests)."""

from __future__ import annotations

from tests.claims_helpers import claims, find, span

_TITLE = "Ministry reviews the year of digital industry\n\n"

_REVIEW = (
    _TITLE + "The ministry gave its annual figures at a briefing in Beijing on Tuesday, where a "
    "spokeswoman reviewed the results of industry and telecoms over the past year.\n\n"
    "By the end of last year, the country had 2.9 million optical nodes in service, up from 2.4 "
    "million a year earlier.\n\n"
    "In the data sector, the number of public data platforms has topped 640, and more than 85 "
    "million sensors are connected to them.\n\n"
    "Highlights\n"
    "* Cloud adoption of large firms: 72.5 percent\n"
)


def test_a_january_review_of_last_year_in_the_present_takes_last_year():
    for q in ("640", "85", "72.5"):
        assert span(find(_REVIEW, q, "2027-01-14")) == (2026, 2026), q


def test_the_same_text_later_in_the_year_speaks_of_the_present():
    for q in ("640", "72.5"):
        assert span(find(_REVIEW, q, "2027-06-14")) == (2027, 2027), q


def test_a_flow_of_last_year_does_not_date_the_present():
    text = (
        _TITLE + "Last year alone, 310,000 optical nodes were added, the ministry said on Tuesday "
        "at its briefing on the results of the year in Beijing.\n\n"
        "More than 900 data projects are under construction across the country."
    )
    assert span(find(text, "900", "2027-01-14")) == (2027, 2027)


def test_now_in_the_paragraph_keeps_the_present():
    text = (
        _TITLE + "By the end of last year, the country had 2.9 million optical nodes in service, "
        "the ministry said at its annual briefing in Beijing on Tuesday.\n\n"
        "The western parks now host 40 percent of the racks. But their use rate is 48 percent."
    )
    assert span(find(text, "48 percent", "2027-01-14")) == (2027, 2027)


def test_a_figure_with_a_base_year_of_its_own_is_not_carried():
    text = (
        _TITLE + "By the end of last year, the country had 2.9 million optical nodes in service, "
        "the ministry said at its annual briefing in Beijing on Tuesday.\n\n"
        "Only 35 percent of small firms have gone digital, up from 22 percent in 2024."
    )
    assert span(find(text, "35 percent", "2027-01-14")) != (2026, 2026)


_SINCE = (
    _TITLE + "Since 2016, the agency has chosen 210 model workshops. After the retrofit, their "
    "output per worker rose by 24.5 percent on average and scrap fell by 18.2 percent."
)


def test_the_sentence_after_a_since_total_spans_the_same_years():
    for q in ("24.5 percent", "18.2 percent"):
        assert span(find(_SINCE, q, "2019-11-05")) == (2016, 2019), q


def test_without_a_back_reference_the_next_sentence_keeps_its_year():
    text = _SINCE.replace("their output per worker", "output per worker in the sector")
    assert span(find(text, "24.5 percent", "2019-11-05")) == (2019, 2019)


def test_a_ministry_would_select_in_reported_speech_is_a_target():
    text = (
        _TITLE + "The spokesman said the ministry would this year select about 400 model "
        "scenarios and support the building of 60 shared labs."
    )
    for q in ("400", "60"):
        assert find(text, q, "2026-03-02").status == "target", q


def test_a_level_or_a_company_in_reported_speech_stays_a_forecast():
    text = _TITLE + "Analysts said sales would reach 80 billion yuan this year."
    assert find(text, "80 billion", "2026-03-02").status == "forecast"
    text = _TITLE + "The chairman said the company would hire 300 engineers this year."
    assert find(text, "300", "2026-03-02").status == "forecast"


def test_a_bare_ratio_is_exact_and_a_hedged_one_approx():
    text = _TITLE + "Seven out of 10 plants use the system. Perhaps only one in four has a plan."
    assert find(text, "Seven out of 10", "2025-05-01").bound == "exact"
    assert find(text, "one in four", "2025-05-01").bound == "approx"


def test_a_bound_verb_carries_over_a_coordinated_pair_with_years():
    text = _TITLE + "The share is to exceed 60 percent by 2027 and 85 percent by 2030."
    assert find(text, "85 percent", "2025-05-01").bound == "lower"


def test_a_new_clause_after_and_keeps_its_own_bound():
    text = (
        _TITLE + "Connected machines will exceed 3 million sets, and 8,000 enterprises will be "
        "moved to the cloud."
    )
    assert find(text, "8,000", "2025-05-01").bound == "exact"


def test_a_conversion_bracket_does_not_take_the_year_from_the_growth_rate():
    text = _TITLE + "Sales of robots rose 9.6% to 81.2 billion yuan ($11.3 billion) in 2024."
    assert span(find(text, "9.6%", "2025-04-01")) == (2024, 2024)


def test_the_growth_of_another_sectors_value_added_is_not_the_iip_growth():
    text = (
        "Industrial internet forum opens\n\nThe industrial internet keeps spreading. In the first "
        "half, the value added of high-tech manufacturing grew 8.4 percent year on year."
    )
    assert find(text, "8.4 percent", "2021-08-01").indicator != "iip_added_value_nominal_growth"


def test_provincial_and_basic_level_factories_are_not_the_national_demo_series():
    text = (
        _TITLE + "The country has 230 national-level smart manufacturing demonstration factories "
        "and more than 8,000 provincial-level digital workshops."
    )
    assert find(text, "230", "2024-05-01").indicator == "im_demo_factories"
    assert find(text, "8,000", "2024-05-01").indicator == "unclassified"


def test_software_industry_revenue_after_a_product_qualifier_in_china():
    text = (
        _TITLE + "Sales of industrial software products in China rose 12.1% in 2021, slower than "
        "the wider software and information technology services industry, whose revenue "
        "reached 9.5 trillion yuan."
    )
    assert find(text, "9.5 trillion", "2022-03-01").indicator == "software_revenue"


def test_a_listed_firms_revenue_is_not_the_industry_series():
    text = (
        _TITLE + "Hong Kong-listed Zhiyun Software said its software revenue rose to 640 "
        "million yuan last year."
    )
    assert find(text, "640 million", "2022-03-01").indicator == "unclassified"


def test_a_vetoed_best_hands_over_to_the_sibling_its_qualifier_names():
    text = (
        _TITLE + 'The number of "5G plus industrial internet" projects has exceeded 2,600, '
        "covering 30 key industries of the national economy."
    )
    assert find(text, "30 key industries", "2022-11-01").indicator == "iip_5g_key_industries"


def test_n_more_plural_noun_counts_the_noun():
    text = "Three more Korean plants join the network\n\nThe network has grown."
    c = find(text, "Three", "2020-07-01")
    assert (c.unit, c.counted) == ("count", "plants")


def test_output_of_things_changed_to_a_scaled_number_counts_them():
    text = _TITLE + "Output of electric buses rose 6.2 percent to 1.18 million."
    c = find(text, "1.18 million", "2021-02-01")
    assert (c.unit, c.value) == ("count", 1180000)


def test_the_object_of_is_planning_is_a_target():
    text = _TITLE + "Back at the plant, Zhou is already planning six more robots for next year."
    assert find(text, "six", "2015-05-01").status == "target"


def test_a_labelled_signed_cell_is_the_size_of_the_reduction():
    text = (
        _TITLE + "Site | sector | output | other\n"
        "Ningbo | moulds | +21% | changeover time -30%\n"
        "Xiamen | batteries | -12.5% | n/a\n"
    )
    cs = {c.quote: c for c in claims(text, "2020-01-01")}
    assert cs["-30%"].value == 30
    assert cs["-12.5%"].value == -12.5


def test_numerical_control_rate_is_no_present_verb():
    text = (
        _TITLE + "The penetration rate of design tools reached 79% last year, and the numerical "
        "control rate of key processes 61.2%."
    )
    assert span(find(text, "61.2%", "2024-03-10")) == (2023, 2023)


def test_a_present_perfect_total_after_last_year_is_of_the_present():
    text = (
        _TITLE + "Output made up about 28 percent of the world total last year. The country has "
        "built 380 demonstration factories, he said."
    )
    assert span(find(text, "380", "2024-09-20")) == (2024, 2024)
    assert span(find(text, "380", "2024-01-20")) != (2024, 2024)


def test_last_spring_is_last_year():
    text = _TITLE + "When the mill lost its licence last spring, output fell by 40 percent."
    assert span(find(text, "40 percent", "2023-03-14")) == (2022, 2022)


def test_later_members_of_a_tier_list_after_a_label_count_its_noun():
    text = (
        _TITLE + "Highlights\n"
        "* Digital workshops: more than 9,000 basic-level, 840 advanced-level and 120 "
        "leading-level\n"
    )
    for q in ("840", "120"):
        c = find(text, q, "2025-06-01")
        assert (c.unit, c.counted) == ("count", "workshops"), q


def test_a_line_of_many_ands_is_no_tier_list():
    """The members' pattern may split at every `and` of the line (2 ** n ways when it fails):
    a line with more than four is not read as a tier list, so the work stays bounded."""
    from pipeline.lib.claims import extract as ex

    members = "robots and arms and belts and cells and lines and tools and 840 advanced-level"
    assert members.count(" and") > ex._TIER_MAX_ANDS
    text = (
        _TITLE + "Highlights\n* Digital workshops: more than 9,000 basic-level, " + members + "\n"
    )
    assert not [c for c in claims(text, "2025-06-01") if "840" in c.quote and c.counted]
