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
