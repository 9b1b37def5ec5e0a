"""Indicator matching, the catalog, implied units and what is left out."""

from __future__ import annotations

import pytest
from claims_helpers import claims, find

from pipeline.metadata import indicators as catalog
from pipeline.metadata.units import UNITS

SEED_IDS = """iip_added_value iip_added_value_nominal_growth iip_added_value_gdp_share
iip_industry_scale iip_platforms_influential iip_platforms_cross_industry
industrial_equipment_connections iip_enterprises_served iip_network_enterprises_connected
iip_network_cities_covered iip_economy_categories_covered iip_key_industries_covered
iip_jobs_created iip_5g_application_scenarios iip_5g_key_industries iip_sme_penetration_change
enterprises_efficiency_improved_share identification_top_level_nodes
identification_secondary_node_provinces im_support_policies im_equipment_industry_scale
im_equipment_market_satisfaction im_demo_factory_efficiency_gain
im_demo_factory_resource_utilization_gain im_demo_factory_dev_cycle_reduction
im_demo_factory_operating_cost_reduction im_demo_factory_defect_rate_reduction
it_equipment_investment""".split()

IIP = "Industrial Internet gains pace\n\n"


def ind(text, needle, published="2022-09-10"):
    return find(text, needle, published).indicator


# ---- catalog ---------------------------------------------------------------------------------


def test_catalog_keeps_seed_ids_and_fields():
    for i in SEED_IDS:
        entry = catalog.get(i)
        assert entry is not None, i
        assert entry.unit and entry.kind in catalog.KINDS and isinstance(entry.cumulative, bool)
        assert entry.phrases, f"{i} has no phrases"


def test_catalog_units_are_in_the_vocabulary_or_documented():
    codes = {u.code for u in UNITS}
    for entry in catalog.CATALOG.values():
        assert entry.unit in codes or entry.unit == "count" or entry.unit == "EFLOPS", entry.id


def test_catalog_markdown_lists_every_indicator():
    table = catalog.catalog_markdown()
    assert table.startswith("| id |")
    for i in catalog.CATALOG:
        assert f"`{i}`" in table


def test_catalog_grew_beyond_the_seeds():
    for i in (
        "five_g_base_stations",
        "identification_registrations",
        "industrial_apps",
        "digital_economy_scale",
        "gigabit_broadband_users",
        "five_g_users",
        "iip_5g_projects",
        "data_centre_racks",
        "computing_power_total",
        "software_revenue",
    ):
        assert catalog.get(i) is not None


# ---- matching --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "needle", "expected"),
    [
        (
            IIP + "The value added of the industrial Internet reached 4.7 trillion yuan.",
            "4.7 trillion",
            "iip_added_value",
        ),
        (
            IIP + "Its added value rose to 4.7 trillion yuan, a nominal increase of 12.1%.",
            "12.1%",
            "iip_added_value_nominal_growth",
        ),
        (
            IIP + "The industrial Internet's added value made up 3.7% of GDP.",
            "3.7%",
            "iip_added_value_gdp_share",
        ),
        (
            IIP + "The industry scale of the industrial Internet has surpassed 1.2 trillion yuan.",
            "1.2 trillion",
            "iip_industry_scale",
        ),
        (
            IIP + "There are now 240 influential platforms at regional and industry level.",
            "240",
            "iip_platforms_influential",
        ),
        (
            IIP + "The ministry selected 28 cross-industry and cross-domain platforms.",
            "28",
            "iip_platforms_cross_industry",
        ),
        (
            IIP + "Platforms have connected 89 million sets of equipment.",
            "89 million",
            "industrial_equipment_connections",
        ),
        (
            IIP + "Key platforms are serving 1.9 million industrial enterprises.",
            "1.9 million",
            "iip_enterprises_served",
        ),
        (
            IIP + "The national top-level nodes now number 5 nodes.",
            "5 nodes",
            "identification_top_level_nodes",
        ),
        (
            IIP + "Secondary nodes have been set up in 31 provinces.",
            "31 provinces",
            "identification_secondary_node_provinces",
        ),
        (
            IIP + "Total identification registrations passed 300 billion.",
            "300 billion",
            "identification_registrations",
        ),
        (
            IIP + "China has built 2.3 million 5G base stations.",
            "2.3 million",
            "five_g_base_stations",
        ),
        (
            IIP + "The number of 5G mobile phone users reached 560 million.",
            "560 million",
            "five_g_users",
        ),
        (
            IIP + "Gigabit broadband users reached 91 million.",
            "91 million",
            "gigabit_broadband_users",
        ),
        (
            IIP + "More than 600,000 industrial apps have been developed.",
            "600,000",
            "industrial_apps",
        ),
        (
            IIP + "Over 4,000 5G + industrial Internet projects are under construction.",
            "4,000",
            "iip_5g_projects",
        ),
        (
            IIP + "Data centres now have 6.5 million standard racks in use.",
            "6.5 million",
            "data_centre_racks",
        ),
        (
            IIP + "The scale of the digital economy reached 50.2 trillion yuan.",
            "50.2 trillion",
            "digital_economy_scale",
        ),
        (
            IIP + "The digital economy accounted for 41.5% of GDP.",
            "41.5%",
            "digital_economy_gdp_share",
        ),
        (
            IIP + "Software business revenue was 10.8 trillion yuan.",
            "10.8 trillion",
            "software_revenue",
        ),
        (
            IIP + "The industrial Internet created 3 million new jobs last year.",
            "3 million",
            "iip_jobs_created",
        ),
        (
            "Smart manufacturing advances\n\nRegions issued 300 supporting policies for intelligent "
            "manufacturing.",
            "300",
            "im_support_policies",
        ),
        (
            "Smart manufacturing\n\nIn smart factories, the defect rate fell by 21%.",
            "21%",
            "im_demo_factory_defect_rate_reduction",
        ),
    ],
)
def test_indicator_phrases(text, needle, expected):
    assert ind(text, needle) == expected


def test_two_quantities_in_one_sentence_get_their_own_indicators():
    text = (
        IIP + "The industrial Internet network covers 310 cities, connects 200,000 industrial "
        "enterprises and covers more than 40 key industries."
    )
    assert ind(text, "310") == "iip_network_cities_covered"
    assert ind(text, "200,000") == "iip_network_enterprises_connected"
    assert ind(text, "40") == "iip_key_industries_covered"


def test_topic_gate_keeps_other_added_values_out():
    text = "Retail notes\n\nThe added value of the retail sector reached 9 trillion yuan."
    c = find(text, "9 trillion")
    assert c.indicator == "unclassified"
    assert c.noun_phrase and "added value" in c.noun_phrase


def test_counted_gate():
    # a count of cities is never a count of platforms
    text = IIP + "Platforms with regional influence are present in 50 cities."
    assert ind(text, "50") != "iip_platforms_influential"


def test_unclassified_count_keeps_its_noun_phrase():
    c = find("Port news\n\nThe port handled 4,500 container ships.", "4,500")
    assert c.indicator == "unclassified" and c.counted and "ship" in c.counted


# ---- implied units ---------------------------------------------------------------------------


def test_bare_money_number_takes_the_indicator_unit():
    text = IIP + "The added value of the industrial Internet industry will exceed 5 trillion."
    c = find(text, "5 trillion", "2023-01-01")
    assert (c.unit, c.value, c.indicator) == ("CNY", 5e12, "iip_added_value")


def test_bare_money_number_takes_an_earlier_currency():
    text = "Trade news\n\nExports were 2.1 trillion yuan in 2021 and rose to 2.4 trillion in 2022."
    c = find(text, "2.4 trillion", "2023-01-01")
    assert c.unit == "CNY"


def test_unresolvable_bare_number_is_dropped():
    text = "Misc\n\nThe ratio moved to 2.4 trillion in the model."
    assert all("2.4 trillion" not in c.quote for c in claims(text))


# ---- left out --------------------------------------------------------------------------------


def test_rhetorical_small_counts_are_left_out():
    text = (
        "Forum\n\nHe listed six key technical challenges and two major production factors, "
        "and said the two countries lead."
    )
    assert claims(text) == []


def test_small_count_of_an_indicator_is_kept():
    text = IIP + "The five top-level nodes of identification resolution run stably."
    assert ind(text, "five") == "identification_top_level_nodes"


# ---- precision: scope, parts, flows, ratios, changes ------------------------------------------


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        # a province, a city, a region, a firm: the catalog's indicators are national
        (IIP + "Zhejiang province has built 120,000 5G base stations.", "120,000"),
        (IIP + "Shenzhen's digital economy reached 1.2 trillion yuan last year.", "1.2 trillion"),
        (IIP + "The digital economy made up 40% of local GDP in the city.", "40%"),
        (
            IIP
            + "In the Yangtze River Delta, industrial equipment connections exceeded 30 million "
            "sets.",
            "30 million",
        ),
        (IIP + "China Mobile has built 1.2 million 5G base stations.", "1.2 million"),
        (IIP + "One big carmaker has attached identifiers to 2.1 billion parts.", "2.1 billion"),
        # a region that is the subject of an earlier sentence of the paragraph
        (
            IIP + "Hubei has built 90,000 5G base stations. The number of 5G users there "
            "exceeded 40 million.",
            "40 million",
        ),
        # a part named as the whole
        (
            IIP + "Industrial software products earned revenue of 290 billion yuan.",
            "290 billion",
        ),
        (
            IIP + "The digital economy grew fast; industrial digitalization reached 44 trillion "
            "yuan.",
            "44 trillion",
        ),
        (
            IIP + "The added value of the direct industry of the industrial Internet was 1.5 "
            "trillion yuan.",
            "1.5 trillion",
        ),
        (
            IIP + "Between 2019 and 2023, the compound annual growth rate of the industrial "
            "Internet's added value was 12.4%.",
            "12.4%",
        ),
        # a flow is not the stock
        (IIP + "Operators put 650,000 new 5G base stations into use in 2023.", "650,000"),
        (IIP + "The carriers plan to build another 500,000 5G base stations.", "500,000"),
        (
            IIP + "Resolution requests run at a daily volume of 170 million times.",
            "170 million",
        ),
        # a ratio is not a count
        (IIP + "There are 30 5G base stations per 10,000 residents.", "30"),
        # a change is not a share
        (
            IIP + "After the upgrade, the production efficiency of enterprises rose by 11.2%.",
            "11.2%",
        ),
        # a neighbouring concept
        (IIP + "Three backup disaster recovery nodes were also opened.", "Three"),
        (IIP + "The plan aims to foster 4 platforms with global influence.", "4 platforms"),
        # the concept is the next figure's subject, not this one's
        (
            IIP + "The share of firms using platforms rose 2.9 percentage points, and the "
            "penetration rate among SMEs reached 21%.",
            "2.9 percentage",
        ),
    ],
)
def test_precision_vetoes_leave_the_figure_unclassified(text, needle):
    c = find(text, needle)
    assert c.indicator == "unclassified", (needle, c.indicator)


@pytest.mark.parametrize(
    ("text", "needle", "expected"),
    [
        # a dateline and a venue are not a scope
        (
            IIP + "SHANGHAI, May 4 (Xinhua) -- China had 2.5 million 5G base stations in total.",
            "2.5 million",
            "five_g_base_stations",
        ),
        (
            IIP + "Speaking at a forum held in Wuhan, the minister said the country's 5G base "
            "stations totalled 2.5 million.",
            "2.5 million",
            "five_g_base_stations",
        ),
        # a national marker after the region: the figure is China's
        (
            IIP + "Officials in Hangzhou said that China's gigabit broadband users reached 95 "
            "million.",
            "95 million",
            "gigabit_broadband_users",
        ),
        # a level enumeration is not a scope
        (
            IIP + "Under the national, provincial and enterprise-level system, platforms have "
            "connected 85 million sets of equipment.",
            "85 million",
            "industrial_equipment_connections",
        ),
        # the whole after the part
        (
            IIP + "Digital industrialization reached 9.8 trillion yuan, and the digital economy as "
            "a whole reached 53.9 trillion yuan.",
            "53.9 trillion",
            "digital_economy_scale",
        ),
        # a pronoun or a comparison takes the previous figure's subject
        (
            IIP + "Registered identifiers have passed 400 billion, compared with 130 billion at "
            "the end of 2021.",
            "130 billion",
            "identification_registrations",
        ),
        # `added value`, `made up` are not an addition or a change
        (
            IIP + "The industrial Internet's added value made up 3.9% of GDP.",
            "3.9%",
            "iip_added_value_gdp_share",
        ),
    ],
)
def test_precision_rules_keep_national_figures(text, needle, expected):
    assert ind(text, needle) == expected


def test_share_of_the_digital_economy_is_not_a_gdp_share():
    text = (
        IIP + "Core digital industries reached 10 trillion yuan, or 18.5% of the digital economy."
    )
    assert ind(text, "18.5%") == "unclassified"


def test_scope_gazetteers_are_in_the_catalog():
    assert "Guangdong" in catalog.REGIONS and "Shenzhen" in catalog.REGIONS
    assert "China Mobile" in catalog.COMPANIES
    assert catalog.get("software_revenue").excludes


# ---- counted-noun agreement, sub-categories, document scope, appositives ---------------------


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        # the number of `ports` is not a count of gigabit users
        (
            "Gigabit networks spread.\n\nThe number of 10G-PON ports able to carry gigabit "
            "broadband reached 31.4 million by March.",
            "31.4 million",
        ),
        # standards are not connected enterprises, whatever identification phrases are around
        (
            "Identification resolution grows\n\nChina has drafted 6 international standards on "
            "identification for enterprises.",
            "6 international standards",
        ),
        # a sub-category (AI computing) is not the total computing power
        (
            "Computing power boom\n\nIntelligent computing power reached 90 EFLOPS this year.",
            "90 EFLOPS",
        ),
        # industries reached by identification nodes are not industrial Internet key industries
        (
            IIP + "The identification system now has 350 secondary nodes, serving 28 provinces "
            "and 50 key industries.",
            "50 key industries",
        ),
    ],
)
def test_counted_noun_and_sub_category_vetoes(text, needle):
    assert ind(text, needle, "2024-06-01") == "unclassified"


def test_total_computing_power_stays_classified():
    text = "Computing power boom\n\nChina's total computing power reached 260 EFLOPS this year."
    assert ind(text, "260 EFLOPS", "2024-06-01") == "computing_power_total"


def test_local_plan_in_the_title_scopes_its_figures():
    text = (
        "Notice of Suzhou Municipal People's Government on the Action Plan for 5G Networks\n\n"
        "Main objectives\n\n"
        "(1) Networks. 5G base stations will reach 60,000 and 12 platforms will be built."
    )
    assert ind(text, "60,000", "2024-01-05") == "unclassified"


def test_national_plan_title_keeps_national_figures():
    text = (
        "Notice on the Action Plan for 5G Networks\n\n"
        "By the end of the year, China's 5G base stations will exceed 4.5 million."
    )
    assert ind(text, "exceed 4.5 million", "2024-01-05") == "five_g_base_stations"


def test_company_release_scopes_its_figures():
    text = (
        "Acme Soft Reports 2023 Annual Results\n\n"
        "SHANGHAI, March 1, 2024 /PRNewswire/ -- Acme Soft Holdings Limited today announced its "
        "annual results.\n\n"
        "Software business revenue reached RMB5.2 billion, up 9% year-on-year."
    )
    assert ind(text, "RMB5.2 billion", "2024-03-01") == "unclassified"


def test_subject_before_an_appositive_reaches_the_figure_after_it():
    text = (
        "Broadband\n\nGigabit broadband users, referring to households with speeds of 1,000 "
        "Mbps or above, totaled 180 mln, the ministry said."
    )
    c = find(text, "180 mln", "2024-06-01")
    assert (c.unit, c.indicator) == ("count", "gigabit_broadband_users")


def test_reporting_verb_adding_that_is_not_an_addition():
    text = IIP + (
        "The minister spoke on Monday, adding that the country now has more than 250 industrial "
        "internet platforms with regional and industry influence."
    )
    assert ind(text, "more than 250") == "iip_platforms_influential"


def test_build_another_platforms_is_still_a_flow():
    text = IIP + "The country will add 30 industrial internet platforms with industry influence."
    assert ind(text, "30 industrial") == "unclassified"


def test_qualifier_of_a_sibling_tier_does_not_veto_the_figure():
    text = IIP + (
        "Two to four comprehensive platforms with global influence will be fostered, together "
        "with about 60 characteristic platforms with industry and regional influence."
    )
    assert ind(text, "about 60", "2021-01-10") == "iip_platforms_influential"


def test_qualifier_in_the_figure_own_clause_still_vetoes():
    text = IIP + "About 60 industrial internet platforms with global influence will be fostered."
    assert ind(text, "About 60", "2021-01-10") == "unclassified"


def test_subject_in_the_sentence_beats_the_article_topic():
    text = IIP + (
        "The industrial internet kept growing last year.\n\n"
        "Meanwhile the digital economy reached 45.1 trillion yuan, or 39.8 percent of GDP, a "
        "report said."
    )
    assert ind(text, "39.8 percent") == "digital_economy_gdp_share"


def test_article_topic_still_gives_the_share_without_another_subject():
    text = IIP + "Its added value reached 4.1 trillion yuan, or 3.6 percent of GDP."
    assert ind(text, "3.6 percent") == "iip_added_value_gdp_share"


def test_named_corporation_scopes_its_figure():
    text = IIP + (
        "The secondary node run by Northern Heavy Machinery Corporation has registered more than "
        "40 million identifiers for machine parts."
    )
    assert ind(text, "more than 40 million identifiers") == "unclassified"


def test_named_group_scopes_its_figure():
    text = IIP + "Eastwind Auto Group has registered 12 million identifiers so far."
    assert ind(text, "12 million identifiers") == "unclassified"


def test_headline_figure_takes_the_body_figure_indicator():
    text = (
        "China's industrial internet core industry tops 1.5 trillion yuan\n\n"
        "BEIJING, Dec. 1 (Xinhua) -- The scale of China's industrial internet core industry has "
        "exceeded 1.5 trillion yuan, the minister said."
    )
    assert ind(text, "tops 1.5 trillion yuan", "2024-12-01") == "iip_industry_scale"
    assert ind(text, "exceeded 1.5 trillion yuan", "2024-12-01") == "iip_industry_scale"


def test_scoped_headline_figure_keeps_unclassified():
    text = (
        "Huawei's industrial internet business tops 1.5 trillion yuan\n\n"
        "BEIJING, Dec. 1 (Xinhua) -- The scale of China's industrial internet core industry has "
        "exceeded 1.5 trillion yuan, the minister said."
    )
    assert ind(text, "tops 1.5 trillion yuan", "2024-12-01") == "unclassified"
