"""Families of issue 9 (eighth round, chosen by recurrence over the first contacts of sets 12-21):
bare comparison bases and series members that take the unit of the figure compared, fractions
right after a bound word, results under a survey heading, and the article year of undated texts.

Sentences written for the tests; none is taken from an annotated article."""

from __future__ import annotations

from claims_helpers import claims, find, quotes, span

TITLE = "Weekly notes on manufacturing\n\n"


# -- a bare number set against the figure before it measures the same thing


def test_after_a_year_takes_the_counted_noun_of_the_figure_before():
    got = quotes(TITLE + "The bureau approved 71 pilot projects in 2023, after 58 in 2022.\n")
    c = got["58"]
    assert (c.unit, c.counted, c.indicator) == ("count", "projects", "unclassified")
    assert span(c) == (2022, 2022)


def test_against_a_list_of_places_each_takes_the_unit():
    text = TITLE + (
        "Warehouse density stood at 41 robots per 10,000 workers last year, against 510 in "
        "Singapore, 390 in Sweden and 275 in Denmark.\n"
    )
    got = quotes(text)
    for q in ("510", "390", "275"):
        assert (got[q].unit, got[q].counted) == ("count", "robots")


def test_against_an_average_and_a_second_member():
    text = TITLE + (
        "The region had 55 robots per 10,000 workers, against a world average of 70 and 410 "
        "in Japan.\n"
    )
    got = quotes(text)
    assert got["70"].counted == "robots" and got["410"].counted == "robots"


def test_below_the_average_of():
    text = (
        TITLE
        + "Hospital density reached 14 beds per 1,000 people, below the national average of 19.\n"
    )
    assert quotes(text)["19"].counted == "beds"


def test_up_from_an_amount_keeps_the_currency():
    text = TITLE + "Average monthly pay rose to 6,200 yuan, up from 4,100 in 2019.\n"
    c = quotes(text)["4,100"]
    assert (c.unit, c.value, span(c)) == ("CNY", 4100, (2019, 2019))


def test_goal_of_a_count():
    text = TITLE + "In 2023 the zone had 210 firms on the cloud, against a full-year goal of 300.\n"
    assert quotes(text)["300"].counted == "firms"


def test_percent_base():
    text = TITLE + "Retail sales grew 8 percent in June, against 6 in May.\n"
    assert quotes(text)["6"].unit == "percent"


def test_no_base_without_a_compared_figure_or_with_a_clock_time():
    text = (
        TITLE
        + "The ferry leaves after 9 in the morning.\n\nThe line runs 20 hours, after 3 in the afternoon.\n"
    )
    assert not any(c.quote in ("9", "3") for c in claims(text, "2024-03-01"))


def test_money_base_without_the_scale_word_is_not_read():
    text = TITLE + "Sales were 3.2 billion yuan in 2021 and 45 in 2022.\n"
    assert "45" not in quotes(text)


# -- series members with their years


def test_series_members_with_years():
    text = TITLE + "Deliveries rose to 120 units in 2021, 180 in 2022 and 260 in 2023.\n"
    got = quotes(text)
    assert span(got["180"]) == (2022, 2022) and got["180"].counted == "units"
    assert span(got["260"]) == (2023, 2023) and got["260"].counted == "units"


def test_series_after_a_from_to_change():
    text = TITLE + (
        "The number of certified green factories grew from about 40 in 2019 to more than 120 in "
        "2021 and over 300 in 2023.\n"
    )
    assert quotes(text)["more than 120"].counted == "factories"
    c = quotes(text)["over 300"]
    assert (c.unit, c.bound, span(c)) == ("count", "lower", (2023, 2023))


# -- a fraction right after a bound word


def test_bounded_fraction_ending_the_sentence():
    text = TITLE + "Of the 90 ports in the survey, 40 are automated. That is nearly half.\n"
    c = find(text, "nearly half", "2024-03-01")
    assert (c.value, c.unit, c.bound) == (50, "percent", "approx")


def test_bounded_fraction_before_an_adjective_and_in_a_gapped_list():
    text = TITLE + (
        "Many rural clinics are less than half staffed.\n\n"
        "Firms use the cloud mainly for storage, and more than a third for design work.\n"
    )
    assert find(text, "less than half", "2024-03-01").bound == "upper"
    c = find(text, "more than a third", "2024-03-01")
    assert round(c.value, 2) == 33.33 and c.bound == "lower"


def test_bounded_fraction_of_time_is_not_a_share():
    text = TITLE + (
        "The audit took more than half a year. The backlog grew over a quarter. The mill has "
        "run for nearly half a century. She spent about half the day on site.\n"
    )
    assert not [c for c in claims(text, "2024-03-01") if c.unit == "percent"]


# -- results under a survey heading are the publication year's


def test_results_under_a_survey_heading_are_the_publication_year():
    text = (
        "How factories use data: a study\n\n"
        "Output of the sector reached 9.1 trillion yuan in 2022.\n\n"
        "Survey results\n\n"
        "1. Gains are real. Plants that adopted analytics reported scrap cuts of 9% to 14%.\n"
    )
    assert span(find(text, "14%", "2023-07-01")) == (2023, 2023)


def test_a_heading_without_survey_words_changes_nothing():
    text = (
        "How factories use data: a study\n\n"
        "Output of the sector reached 9.1 trillion yuan in 2022.\n\n"
        "Main results\n\n"
        "Plants that adopted analytics reported scrap cuts of 9% to 14%.\n"
    )
    assert span(find(text, "14%", "2023-07-01")) == (2022, 2022)


# -- the article year of an undated text


def test_undated_facts_page_gets_no_year_from_a_founding_year():
    text = (
        "Lumen Robotics | About us\n\n"
        "Founded in 2016, Lumen was listed by the ministry in 2019 as a model firm.\n\n"
        "Our plants connected 4,200 machines and served more than 900 customers.\n"
    )
    c = find(text, "4,200", None)
    assert span(c) == (None, None)


def test_undated_report_on_a_year_named_in_its_heading_keeps_it():
    text = (
        "Nordhaus Components Ltd.\n"
        "2023 Sustainability Report (excerpt)\n\n"
        "In 2023 the plants cut water use by a tenth.\n\n"
        "The platform connected 52,000 sets of equipment.\n"
    )
    assert span(find(text, "52,000", None)) == (2023, 2023)


def test_undated_text_naming_its_year_often_keeps_it():
    year = "In 2022 the sector grew. "
    text = "The sector in brief\n\n" + year * 5 + "\n\nThe mills shipped 8,000 tonnes of steel.\n"
    assert span(find(text, "8,000", None)) == (2022, 2022)


# -- the size of a set named before a goal is the present's


def test_set_size_between_dashes_before_a_goal():
    text = TITLE + (
        "All listed manufacturers - more than 4,000 firms - should move their records to the "
        "cloud by 2027.\n"
    )
    c = find(text, "4,000", "2024-03-01")
    assert (span(c), c.status) == ((2024, 2024), "actual")


def test_possessive_set_before_would_and_a_year():
    text = TITLE + "Wiring the province's 85 counties would cost about 9 billion yuan by 2026.\n"
    c = find(text, "85 counties", "2024-03-01")
    assert (span(c), c.status) == ((2024, 2024), "actual")


def test_with_a_size_threshold_before_a_plan():
    text = TITLE + "Firms with more than 500 employees plan to spend 2 million yuan each in 2025.\n"
    assert span(find(text, "500 employees", "2024-03-01")) == (2024, 2024)


def test_a_count_after_the_goal_words_stays_the_goal():
    text = TITLE + "The ministry will build 100 platforms by 2025.\n"
    c = find(text, "100 platforms", "2024-03-01")
    assert (span(c), c.status) == ((2025, 2025), "target")


def test_a_set_with_its_own_earlier_year_keeps_it():
    text = TITLE + "In 2020 its 40 plants would cut emissions further.\n"
    assert span(find(text, "40 plants", "2024-03-01")) == (2020, 2020)


# -- plain-text tables: a unit at the right of the caption line, a caption year without time heads


def test_unit_label_at_the_right_of_a_caption_line():
    from pipeline.lib.claims.text_tables import find_cells

    text = (
        "Key figures                                         Unit: RMB 10,000\n"
        "Item                              2023            2022\n"
        "Sales of services            12,500.40       10,020.10\n"
        "Gross profit                  3,210.00        2,900.50\n"
    )
    cells = {c.quote: c for c in find_cells(text, 2024)}
    assert (cells["12,500.40"].unit, cells["12,500.40"].value) == ("CNY", 125004000.0)
    assert cells["2,900.50"].year == 2022


def test_table_without_time_heads_takes_the_caption_year():
    from pipeline.lib.claims.text_tables import find_cells

    text = (
        "Table 2  Spending of the city on selected programmes, 2023\n"
        "Unit: 100 million yuan\n"
        "Programme                      Budget    Actual    Actual as % of budget\n"
        "Road maintenance                 40.0      38.0       95.0\n"
        "Public transport                 25.0      26.0      104.0\n"
    )
    cells = [(c.quote, c.unit, c.year, c.status) for c in find_cells(text, 2024)]
    assert ("40.0", "CNY", 2023, "target") in cells
    assert ("38.0", "CNY", 2023, "actual") in cells
    assert ("104.0", "percent", 2023, "actual") in cells


def test_table_without_time_heads_or_caption_year_is_not_read():
    from pipeline.lib.claims.text_tables import find_cells

    text = (
        "Unit: 100 million yuan\n"
        "Programme                      Budget    Actual\n"
        "Road maintenance                 40.0      38.0\n"
    )
    assert find_cells(text, 2024) == []


# -- a range whose lower end has no scale word of its own and is already large


def test_range_lower_end_in_units_below_the_upper_scale():
    text = TITLE + "A typical retrofit costs 600,000 to 1.2 million yuan.\n"
    got = quotes(text)
    assert (got["600,000"].value, got["600,000"].unit, got["600,000"].bound) == (
        600000,
        "CNY",
        "lower",
    )
    assert got["1.2 million yuan"].bound == "upper"


def test_small_lower_end_still_takes_the_scale():
    text = TITLE + "Exports could reach 8 to 9 billion yuan.\n"
    assert quotes(text)["8"].value == 8e9


# -- spelled-out decimals with a scale word (transcripts)


def test_spelled_decimal_with_a_scale_word():
    text = TITLE + "REPORTER: The county has spent three point four billion yuan on new lines.\n"
    c = quotes(text)["three point four billion yuan"]
    assert (c.value, c.unit) == (3.4e9, "CNY")


def test_spelled_decimal_tonnes_is_not_a_count():
    text = TITLE + "ANCHOR: Output reached two point five million tonnes last year.\n"
    c = find(text, "two point five million tonnes", "2024-03-01")
    assert (c.value, c.unit) == (2.5e6, "t")


# -- comparison signs as bounds (slides, bullet lists)


def test_comparison_signs_before_a_number_are_bounds():
    text = TITLE + (
        "Key numbers:\n"
        "- Cloud users: >25,000 firms (2023)\n"
        "- Core market: > RMB 2.4 tn (2023)\n"
        "- Suppliers: <300 certified suppliers\n"
    )
    got = quotes(text)
    assert got[">25,000 firms"].bound == "lower"
    assert got["> RMB 2.4 tn"].bound == "lower"
    assert got["<300 certified suppliers"].bound == "upper"


def test_quote_marker_and_arrows_are_not_bounds():
    text = TITLE + "> 45 robots were counted in the hall.\n\nIt went from 2 => 9 units.\n"
    got = quotes(text)
    assert got["45 robots"].bound == "exact"
    assert got["9 units"].bound == "exact"


# -- a national share measured by the national body's survey keeps its indicator


def test_share_from_the_ministry_survey_keeps_the_indicator():
    text = TITLE + (
        "Of the industrial enterprises surveyed in 2022 by the Ministry of Industry and "
        "Information Technology, 70.1 per cent used digital design tools.\n"
    )
    assert find(text, "70.1", "2024-03-01").indicator == "digital_rd_tools_penetration"


def test_share_from_an_own_survey_stays_unclassified():
    text = TITLE + "Of the 400 firms in our survey, 52 per cent used digital design tools.\n"
    assert find(text, "52 per cent", "2024-03-01").indicator == "unclassified"


# -- a conversion in brackets on the next line of a wrapped text


def test_conversion_bracket_opening_the_next_line():
    text = TITLE + (
        "Shipments abroad were worth 4.2 billion euros\n"
        "(about 33 billion yuan) in 2022, and fell in the first half of 2023.\n"
    )
    got = quotes(text, "2023-09-01")
    assert span(got["4.2 billion euros"]) == (2022, 2022)
    assert span(got["about 33 billion yuan"]) == (2022, 2022)


def test_enumerator_bracket_opens_its_own_paragraph():
    from pipeline.lib.claims.segments import segment

    text = "Targets for the sector\n(a) add 300 platforms by 2025;\n(b) cut costs.\n"
    assert len(segment(text).paragraphs) == 3


# -- `Label: N` lines: the counted noun never comes from the next label; an own web page


def test_counted_noun_does_not_cross_into_the_next_label_line():
    text = TITLE + ("Plant figures\nMachines connected: about 3,400\nSoftware licences: 1,250\n")
    assert not [
        c for c in claims(text, "2024-03-01") if c.value == 3400 and c.counted == "licences"
    ]


def test_wrapped_count_keeps_its_noun_on_the_next_line():
    text = TITLE + "By June the platform had connected 4.37 million\nusers across the province.\n"
    assert find(text, "4.37 million", "2024-03-01").counted == "users"


def test_an_about_us_page_is_the_company_s_own():
    text = (
        "Nordlicht Automation | About Us | Facts & Figures\n\n"
        "Industrial apps on our marketplace: about 4,100\n"
    )
    assert find(text, "4,100", "2024-03-01").indicator == "unclassified"


def test_table_of_month_rows_takes_the_caption_year():
    from pipeline.lib.claims.text_tables import find_cells

    text = (
        "Table 4  Shipments of servo motors, 2022\n"
        "Month        Units      y/y (%)\n"
        "Jan.-Feb.    1,200      +5.0\n"
        "Mar.         700        -2.5\n"
    )
    cells = [(c.quote, c.unit, c.year, c.part) for c in find_cells(text, 2022)]
    assert ("1,200", "count", 2022, "M1-M2") in cells
    assert ("-2.5", "percent", 2022, "M3") in cells


def test_month_rows_without_a_caption_year_are_not_read():
    from pipeline.lib.claims.text_tables import find_cells

    text = "Month        Units\nJan.         1,200\nFeb.         1,300\n"
    assert find_cells(text, 2022) == []


# -- a simple present of a claim or a count after an earlier year is the publication year's


def test_platform_claims_after_an_earlier_year():
    text = TITLE + (
        "The market was worth 90 billion yuan in 2023. The leading platform claims some "
        "22,000 developers.\n"
    )
    assert span(find(text, "22,000", "2024-03-01")) == (2024, 2024)
    assert span(find(text, "90 billion", "2024-03-01")) == (2023, 2023)


def test_ministry_counts_after_an_earlier_year():
    text = TITLE + "Sales rose 8 percent in 2023. The ministry counts over 6,000 pilot projects.\n"
    assert span(find(text, "6,000", "2024-03-01")) == (2024, 2024)


def test_claims_as_a_noun_with_a_past_verb_keeps_the_year():
    text = TITLE + "Output fell in 2023. Insurance claims rose to 3,000 cases.\n"
    assert span(find(text, "3,000", "2024-03-01")) == (2023, 2023)


# -- money set aside or a level set at, for a period not over: a target


def test_money_set_aside_for_this_year_is_a_target():
    text = TITLE + "The two operators have each set aside about 5 billion yuan for 5G in 2024.\n"
    c = find(text, "5 billion", "2024-03-01")
    assert (span(c), c.status) == ((2024, 2024), "target")


def test_a_level_set_at_is_a_target():
    text = TITLE + "This year the deficit is set at 2.1 trillion yuan.\n"
    assert find(text, "2.1 trillion", "2024-03-01").status == "target"


def test_money_set_aside_in_a_year_now_over_is_actual():
    text = TITLE + "In 2021 the city had set aside 300 million yuan for the scheme.\n"
    assert find(text, "300 million", "2024-03-01").status == "actual"


def test_parts_of_a_total_after_of_which():
    text = TITLE + (
        "The fund has backed 540 projects, of which 150, 180 and 210 in 2021, 2022 and 2023 "
        "respectively.\n"
    )
    got = quotes(text)
    assert got["150"].counted == "projects" and span(got["150"]) == (2021, 2021)
    assert span(got["210"]) == (2023, 2023)
