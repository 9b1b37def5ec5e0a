"""The indicator catalog: what a claim can measure. One entry per indicator, declared once.

Each indicator has an id (kept stable: the warehouse and analysts' queries use it), a name, a
description, the unit its values carry (a code of the unit vocabulary), a kind, a topic, whether it
is a cumulative stock (a count that should not fall over time), and the phrases that signal it in a
text. The claims layer matches phrases; validation checks that a claim's unit equals its
indicator's unit; curation uses kind and cumulative.

kinds: level (a stock or size at a point in time), flow (an amount over a period), growth_rate
(percent change), share (percent of a whole), change (a difference, e.g. percentage points), count.
"""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("level", "flow", "growth_rate", "share", "change", "count")
UNCLASSIFIED = "unclassified"


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str
    description: str
    unit: str
    kind: str
    topic: str
    cumulative: bool = False
    phrases: tuple[str, ...] = field(default_factory=tuple)


def _i(id, name, unit, kind, topic, description="", cumulative=False, phrases=()):
    return Indicator(id, name, description or name, unit, kind, topic, cumulative, tuple(phrases))


# Seed entries (ids fixed by DESIGN.md). The claims layer owns the phrases and may add entries.
_ENTRIES = [
    _i("iip_added_value", "Added value of the industrial Internet industry", "CNY", "flow", "economy"),
    _i("iip_added_value_nominal_growth", "Nominal growth of industrial Internet added value", "percent", "growth_rate", "economy"),
    _i("iip_added_value_gdp_share", "Industrial Internet added value as a share of GDP", "percent", "share", "economy"),
    _i("iip_industry_scale", "Scale of the industrial Internet industry", "CNY", "flow", "economy"),
    _i("iip_platforms_influential", "Industrial Internet platforms with regional and industry influence", "count", "count", "platforms", cumulative=True),
    _i("iip_platforms_cross_industry", "Cross-industry, cross-domain industrial Internet platforms", "count", "count", "platforms", cumulative=True),
    _i("industrial_equipment_connections", "Industrial equipment connected to industrial Internet platforms", "count", "count", "platforms", cumulative=True),
    _i("iip_enterprises_served", "Industrial enterprises served by industrial Internet platforms", "count", "count", "platforms", cumulative=True),
    _i("iip_network_enterprises_connected", "Industrial enterprises connected by the industrial Internet network", "count", "count", "network", cumulative=True),
    _i("iip_network_cities_covered", "Cities covered by the industrial Internet network", "count", "count", "network", cumulative=True),
    _i("iip_economy_categories_covered", "Major categories of the national economy reached by the industrial Internet", "count", "count", "applications", cumulative=True),
    _i("iip_key_industries_covered", "Key industries of the national economy covered by the industrial Internet", "count", "count", "applications", cumulative=True),
    _i("iip_jobs_created", "New jobs driven by the industrial Internet", "count", "flow", "economy"),
    _i("iip_5g_application_scenarios", "Typical '5G + industrial Internet' application scenarios", "count", "count", "5g", cumulative=True),
    _i("iip_5g_key_industries", "Key industries with '5G + industrial Internet' applications", "count", "count", "5g", cumulative=True),
    _i("iip_sme_penetration_change", "Change of industrial Internet penetration among SMEs", "percentage_point", "change", "applications"),
    _i("enterprises_efficiency_improved_share", "Share of enterprises whose efficiency improved after applying the industrial Internet", "percent", "share", "applications"),
    _i("identification_top_level_nodes", "Top-level nodes of identification resolution", "count", "count", "identification", cumulative=True),
    _i("identification_secondary_node_provinces", "Provinces covered by secondary identification nodes", "count", "count", "identification", cumulative=True),
    _i("im_support_policies", "Intelligent manufacturing support policies issued by regions", "count", "count", "intelligent_manufacturing", cumulative=True),
    _i("im_equipment_industry_scale", "Scale of the intelligent manufacturing equipment industry", "CNY", "flow", "intelligent_manufacturing"),
    _i("im_equipment_market_satisfaction", "Market satisfaction rate of intelligent manufacturing equipment", "percent", "share", "intelligent_manufacturing"),
    _i("im_demo_factory_efficiency_gain", "Production efficiency gain of intelligent manufacturing demonstration factories", "percent", "growth_rate", "intelligent_manufacturing"),
    _i("im_demo_factory_resource_utilization_gain", "Resource utilisation gain of demonstration factories", "percent", "growth_rate", "intelligent_manufacturing"),
    _i("im_demo_factory_dev_cycle_reduction", "Product development cycle reduction of demonstration factories", "percent", "growth_rate", "intelligent_manufacturing"),
    _i("im_demo_factory_operating_cost_reduction", "Operating cost reduction of demonstration factories", "percent", "growth_rate", "intelligent_manufacturing"),
    _i("im_demo_factory_defect_rate_reduction", "Product defect rate reduction of demonstration factories", "percent", "growth_rate", "intelligent_manufacturing"),
    _i("it_equipment_investment", "Investment in IT equipment", "CNY", "flow", "computing"),
]

CATALOG: dict[str, Indicator] = {ind.id: ind for ind in _ENTRIES}


def get(indicator_id: str) -> Indicator | None:
    return CATALOG.get(indicator_id)
