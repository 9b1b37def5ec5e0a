"""Issue 9 families, fifth round: counted nouns after coordinated noun modifiers and slash lists,
bound suffixes, subjects of `numbered`, fact-sheet lines, planned levels, changes and bases of
the count before, and the status of known levels, intentions and coordinated plans. Sentences
written for the tests."""

from __future__ import annotations

from tests.claims_helpers import claims, find

TITLE = "Factories go online\n\n"
PUB = "2023-07-01"


def _quotes(text):
    return [c.quote for c in claims(text, PUB)]


# -- mentions: counted nouns -------------------------------------------------------------------


def test_coordinated_noun_modifiers_before_the_head():
    text = TITLE + "Since 2018 the province has named 57 quality and safety inspection centres.\n"
    c = find(text, "57", PUB)
    assert c.unit == "count" and c.counted == "centres"
    assert c.quote.endswith("centres")


def test_such_before_the_counted_noun():
    text = TITLE + "The group runs 14 such plants, and 20 such as these are planned.\n"
    c = find(text, "14 such plants", PUB)
    assert c.unit == "count" and c.counted == "plants"


def test_a_time_noun_is_not_a_coordinated_modifier():
    text = TITLE + "Registrations grew by 4,000 last year and users welcomed it.\n"
    assert not any("users" in q for q in _quotes(text))


def test_slash_list_of_technologies_inside_a_counted_noun():
    text = TITLE + "Operators in the region run 41,000 4G/5G base stations.\n"
    c = find(text, "41,000", PUB)
    assert c.unit == "count" and c.counted == "stations"


def test_plus_and_odd_suffixes_before_a_counted_noun():
    text = TITLE + "The zone hosts 1,200+ suppliers. Some 40-odd universities joined the scheme.\n"
    plus = find(text, "1,200+", PUB)
    assert (plus.unit, plus.bound, plus.counted) == ("count", "lower", "suppliers")
    odd = find(text, "40-odd", PUB)
    assert (odd.unit, odd.bound, odd.counted) == ("count", "approx", "universities")


def test_odd_suffix_on_a_bare_number_is_approximate():
    text = TITLE + "Listed robot makers in the province numbered 30-odd at the end of 2022.\n"
    c = find(text, "30-odd", PUB)
    assert c.unit == "count" and c.bound == "approx"


def test_subject_of_numbered_is_the_counted_noun():
    text = TITLE + (
        "Registered platform developers numbered 312,000 at the end of 2022.\n\n"
        "Software vendors with sales above 100 million yuan numbered about 70 last year.\n"
    )
    a = find(text, "312,000", PUB)
    assert a.unit == "count" and a.counted == "developers"
    b = find(text, "about 70", PUB)
    assert b.unit == "count" and b.counted == "vendors" and b.bound == "approx"


def test_fact_sheet_line_label_names_the_count():
    text = TITLE + (
        "AT A GLANCE (2022)\n"
        "- Output: 88.1 billion yuan\n"
        "- Certified smart workshops: 214\n"
        "- Listed companies: 2,600+ (of which on STAR market: 12)\n"
    )
    a = find(text, "214", PUB)
    assert a.unit == "count" and a.counted == "workshops"
    b = find(text, "2,600+", PUB)
    assert b.unit == "count" and b.counted == "companies" and b.bound == "lower"


def test_fact_sheet_label_without_a_plural_noun_stays_unresolved():
    text = TITLE + "KEY FACTS\n- Founded: 1998\n- Rank in province: 3\n"
    assert not any(q.strip() == "3" for q in _quotes(text))


# -- mentions: bare numbers that continue the count before them ---------------------------------


def test_planned_level_takes_the_noun_and_measure_of_the_count_before():
    text = TITLE + (
        "By the end of March the country had built more than 700,000 5G base stations, and the "
        "operators plan to have more than 1 million by the end of the year.\n"
    )
    c = find(text, "1 million", PUB)
    assert c.unit == "count" and c.counted == "stations"
    first = find(text, "700,000", PUB)
    assert c.indicator == first.indicator


def test_planned_level_of_one_company_is_unclassified():
    text = TITLE + (
        "The country had 1.2 million 5G base stations at the end of 2022. China Telecom alone "
        "aims to have 500,000 by the end of this year.\n"
    )
    c = find(text, "500,000", PUB)
    assert c.unit == "count" and c.indicator == "unclassified"


def test_running_total_far_from_the_figure_it_adds_to():
    text = TITLE + (
        "This year 45 firms were certified as municipal demonstration digital workshops for "
        "machinery and textiles, bringing the county's total to 310.\n"
    )
    c = find(text, "310", PUB)
    assert c.unit == "count" and c.counted == "firms"


def test_change_from_a_year_earlier_counts_what_the_level_counts():
    text = TITLE + (
        "Fibre broadband users numbered 210 million in 2022, up 31.5 million from a year earlier.\n"
    )
    c = find(text, "31.5 million", PUB)
    assert c.unit == "count"


def test_base_after_a_percentage_change_and_n_years_earlier():
    text = TITLE + (
        "The registry logged 2,210 new industrial vulnerabilities in 2022, up 9.5% from 2,018 in "
        "2021.\n\n"
        "Cloud-connected machine tools passed 640,000 units at the end of 2022, up from 410,000 "
        "two years earlier.\n"
    )
    a = find(text, "2,018", PUB)
    assert a.unit == "count" and (a.period_start, a.period_end) == (2021, 2021)
    b = find(text, "410,000", PUB)
    assert b.unit == "count" and (b.period_start, b.period_end) == (2020, 2020)


def test_bracketed_prior_value_after_a_time_phrase():
    text = TITLE + (
        "Monitored platforms connected 61.2 million devices at the end of May (April: 60.4 "
        "million).\n"
    )
    c = find(text, "60.4 million", PUB)
    assert c.unit == "count"


def test_next_of_a_ranking_takes_the_noun():
    text = TITLE + (
        "Firm A shipped 21 million modules and Firm B 12 million, while Firm C was third with "
        "6.3 million.\n"
    )
    c = find(text, "6.3 million", PUB)
    assert c.unit == "count" and c.counted == "modules"


# -- status ------------------------------------------------------------------------------------


def test_level_today_next_to_a_goal_is_known():
    text = TITLE + (
        "Brokers expect the domestic share of the market to reach 40 percent by 2030, compared "
        "with 18 percent today.\n"
    )
    assert find(text, "18 percent", PUB).status in ("actual", "estimate")


def test_had_after_plan_words_is_a_level_reached():
    text = TITLE + (
        "Under the plan, the city will have 30,000 5G base stations by 2025. At the end of June, "
        "the city had 21,400 5G base stations.\n"
    )
    assert find(text, "21,400", PUB).status == "actual"
    assert find(text, "30,000", PUB).status == "target"


def test_there_were_after_a_goal_in_the_same_sentence():
    text = TITLE + (
        "The ministry has set a goal of 500 demonstration factories by 2025, and by the end of "
        "May there were more than 200 such factories.\n"
    )
    assert find(text, "more than 200", PUB).status == "actual"


def test_plan_coordinated_after_the_figure_is_another_clause():
    text = TITLE + (
        "We have opened test labs in 12 cities and plan to open more labs in the west.\n"
    )
    assert find(text, "12 cities", PUB).status == "actual"


def test_intends_to_and_wants_to_are_plan_words():
    text = TITLE + (
        "The association intends to certify no fewer than 50 system integrators next year.\n\n"
        "The province wants total computing power to exceed 30 EFLOPS by 2026.\n"
    )
    assert find(text, "50 system integrators", PUB).status == "target"
    assert find(text, "30 EFLOPS", PUB).status == "target"


def test_guiding_as_a_verb_is_a_forecast_but_guiding_opinions_is_a_name():
    text = TITLE + (
        "For 2023, we are guiding revenue growth of 10 to 12 percent.\n\n"
        "Since the 2017 guiding opinions, more than 240 platforms with regional influence had "
        "been built by 2022.\n"
    )
    assert find(text, "12 percent", PUB).status == "forecast"
    assert find(text, "240 platforms", PUB).status == "actual"


# -- indicators: `respectively` lists whose subjects are in the sentence before -------------------


def test_respectively_list_takes_its_subjects_from_the_sentence_before():
    text = TITLE + (
        "The penetration rate of digital R&D and design tools reached 70.1 percent in 2021, and "
        "the numerical control rate of key processes 51.3 percent. The new plan sets goals of "
        "80 percent and 68 percent respectively for 2025.\n"
    )
    assert find(text, "80 percent", PUB).indicator == "digital_rd_tools_penetration"
    assert find(text, "68 percent", PUB).indicator == "key_process_nc_rate"


def test_respectively_list_with_a_different_number_of_figures_before_is_left_alone():
    text = TITLE + (
        "The numerical control rate of key processes was 51.3 percent in 2021. Two provinces "
        "reported 60 percent, 58 percent and 55 percent respectively.\n"
    )
    assert find(text, "58 percent", PUB).indicator == "unclassified"


def test_list_of_levels_after_rise_to_is_not_a_growth_rate():
    text = TITLE + (
        "The digitalisation rate of R&D tools was 74.7 percent and the numerical control rate "
        "of key processes 55.3 percent in 2021. Both rates should rise to 82 percent and 68 "
        "percent, respectively, by 2025.\n"
    )
    assert find(text, "68 percent", PUB).indicator == "key_process_nc_rate"
    assert find(text, "74.7 percent", PUB).indicator == "digital_rd_tools_penetration"


# -- fractions ---------------------------------------------------------------------------------


def test_fraction_after_a_verb_its_object_and_by():
    text = TITLE + "The new line shortened changeover times by a third in 2022.\n"
    c = find(text, "a third", PUB)
    assert c.unit == "percent" and round(c.value, 2) == 33.33


def test_fraction_after_up_by_and_a_bound_word():
    text = TITLE + "Output per shift is up by about a quarter since the upgrade.\n"
    c = find(text, "about a quarter", PUB)
    assert c.unit == "percent" and c.value == 25.0 and c.bound == "approx"


def test_one_in_every_n():
    text = TITLE + "The county makes roughly one in every eight forklifts sold in China.\n"
    c = find(text, "one in every eight", PUB)
    assert c.unit == "percent" and c.value == 12.5


def test_bounded_fraction_as_the_subject_of_expect():
    text = TITLE + "The survey found that almost three-quarters expect costs to rise.\n"
    assert find(text, "three-quarters", PUB).value == 75.0


def test_by_a_party_is_no_fraction():
    text = TITLE + "The audit was paid for by a third party in 2022.\n"
    assert not claims(text, PUB)


def test_hope_to_is_a_plan_word():
    text = TITLE + "Through shared platforms, we hope to cut that cost by half.\n"
    assert find(text, "half", PUB).status == "target"


# -- mentions: more families -------------------------------------------------------------------


def test_or_more_before_a_counted_noun():
    text = TITLE + "Twelve parks now host clusters of 5,000 or more GPU servers.\n"
    c = find(text, "5,000 or more", PUB)
    assert (c.unit, c.bound, c.counted) == ("count", "lower", "servers")


def test_part_of_a_set_named_after_the_number():
    text = TITLE + (
        "The city has linked more than 900 firms to platforms, and 14 of its platforms were "
        "listed as provincial pilots.\n"
    )
    c = find(text, "14", PUB)
    assert c.unit == "count" and c.counted == "platforms" and c.indicator == "unclassified"


def test_average_compared_with_takes_the_noun_of_the_count_before():
    text = TITLE + (
        "The province ran 180 robots per 10,000 workers in 2022, well above the national "
        "average of 120.\n"
    )
    assert find(text, "120", PUB).unit == "count"


def test_change_in_percent_to_an_index_level_is_no_range():
    text = TITLE + "The blue-chip index rose 2.3% to 3,870.41 on Monday.\n"
    c = find(text, "2.3%", PUB)
    assert c.bound == "exact"
    assert not any("3,870" in q for q in _quotes(text))


def test_percent_range_with_the_unit_at_the_end_stays_a_range():
    text = TITLE + "Margins widened by 5 to 12 percent in 2022.\n"
    assert find(text, "5", PUB).unit == "percent"


def test_year_written_before_a_noun_is_not_a_count():
    text = TITLE + (
        "Smart Expo 2022 opens in Hefei with 64 projects signed. Since the 2019 guiding "
        "opinions, 210 platforms have been built.\n"
    )
    quotes = _quotes(text)
    assert not any(q.startswith(("2022", "2019")) for q in quotes)
    assert any("64 projects" in q for q in quotes)


# -- bounds: hedges ----------------------------------------------------------------------------


def test_hedge_words_make_a_figure_approximate():
    text = TITLE + (
        "Perhaps 40 percent of plants log downtime by hand. Revenue is set to approach 90 "
        "billion yuan in 2023. The share is near 12% now.\n"
    )
    assert find(text, "40 percent", PUB).bound == "approx"
    assert find(text, "90 billion", PUB).bound == "approx"
    assert find(text, "12%", PUB).bound == "approx"


def test_near_before_a_small_count_is_a_place():
    text = TITLE + "The depot sits near 3 rail stations, the firm said in 2022.\n"
    assert all(c.bound == "exact" for c in claims(text, PUB))


def test_hedged_fraction_closing_the_sentence():
    text = TITLE + "In the east the share is higher. Nationally it is lower, maybe a fifth.\n"
    c = find(text, "maybe a fifth", PUB)
    assert c.value == 20.0 and c.bound == "approx"


# -- indicators: tiers of platforms, enterprises using platforms --------------------------------


def test_platforms_with_international_influence_are_another_tier():
    text = TITLE + (
        "By 2025 the plan aims to cultivate 15 cross-industry and cross-domain platforms, and "
        "4 to 6 platforms with international influence.\n"
    )
    assert find(text, "15 cross-industry", PUB).indicator == "iip_platforms_cross_industry"
    assert find(text, "6 platforms", PUB).indicator == "unclassified"


def test_public_service_platforms_are_not_cross_industry_platforms():
    text = TITLE + (
        "The province will build 8 more cross-industry and cross-domain platforms and set up 25 "
        "industrial internet public service platforms for small firms by 2025.\n"
    )
    assert find(text, "25 industrial internet public", PUB).indicator == "unclassified"


def test_enterprises_using_platforms_are_enterprises_served():
    text = TITLE + (
        "By 2025, about 20 cross-industry platforms will be formed, and 450,000 enterprises will "
        "be using industrial internet platforms. A batch of identification resolution nodes "
        "will be built.\n"
    )
    assert find(text, "450,000 enterprises", PUB).indicator == "iip_enterprises_served"


def test_and_that_opens_the_next_figures_subject():
    text = TITLE + (
        "The association estimates that total registrations will reach about 700 billion by the "
        "end of 2026 and that 5G base stations will exceed 5 million.\n"
    )
    assert find(text, "700 billion", PUB).indicator == "identification_registrations"


def test_the_three_operators_together_are_national():
    text = TITLE + (
        "China Mobile, China Telecom and China Unicom had built more than 21,000 5G industry "
        "virtual private networks by the end of June 2023.\n"
    )
    assert find(text, "21,000", PUB).indicator == "five_g_private_networks"


def test_one_operator_stays_a_company_figure():
    text = TITLE + (
        "China Mobile had built more than 9,000 5G industry virtual private networks by the end "
        "of June 2023.\n"
    )
    assert find(text, "9,000", PUB).indicator == "unclassified"


def test_market_synonyms_of_industry_scale():
    text = TITLE + (
        "China's industrial internet market could be worth 1.2 trillion yuan in 2023, analysts "
        "say. The domestic intelligent manufacturing equipment market was put at more than 3 "
        "trillion yuan in 2022.\n"
    )
    assert find(text, "1.2 trillion", PUB).indicator == "iip_industry_scale"
    assert find(text, "3 trillion", PUB).indicator == "im_equipment_industry_scale"
