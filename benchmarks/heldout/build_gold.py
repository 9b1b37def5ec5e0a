#!/usr/bin/env python3
"""Builds gold.json for the held-out articles from the annotation table below.

Each claim row: (quote, anchor, value, unit, counted, bound, period_start, period_end, status,
indicator, note). `anchor` is a snippet of the article that occurs exactly once and contains the
quote (None: the quote itself occurs exactly once). Offsets are Python string indices into the
decoded (UTF-8) text. Neutral rows: (quote, anchor).

    python benchmarks/heldout/build_gold.py && python benchmarks/heldout/check_gold.py
"""
import json, pathlib

HERE = pathlib.Path(__file__).resolve().parent
ART = HERE / "articles"
U = "unclassified"
REG = "provincial/regional figure; catalog indicators are national"

PUBLISHED = {
    "001_miit_5g_base_stations.txt": "2023-01-18",
    "002_identification_resolution.txt": "2024-01-19",
    "003_digital_economy_white_paper.txt": "2023-04-28",
    "004_industrial_software_revenue.txt": "2024-01-30",
    "005_guangdong_digital_economy.txt": "2023-03-02",
    "006_computing_power.txt": "2023-10-10",
    "007_intelligent_manufacturing_plan.txt": None,
    "008_iip_economy_white_paper.txt": "2023-12-20",
}

CLAIMS = {
"001_miit_5g_base_stations.txt": [
    ("top 2.3 million", None, 2.3e6, "count", "base stations", "lower", 2022, 2022, "actual", "five_g_base_stations", "headline; counted noun before the number; year from the body"),
    ("2.312 million 5G base stations", None, 2.312e6, "count", "base stations", "exact", 2022, 2022, "actual", "five_g_base_stations", None),
    ("more than 60 percent", None, 60, "percent", None, "lower", 2022, 2022, "actual", U, "share of the world's base stations"),
    ("887,000 new 5G base stations", None, 887000, "count", "base stations", "exact", 2022, 2022, "actual", U, "'last year' = 2022; annual additions (a flow), not the cumulative stock"),
    ("561 million", None, 561e6, "count", "users", "exact", 2022, 2022, "actual", "five_g_users", "no year in the paragraph; the press conference reports end-2022 figures"),
    ("33.3 percent", None, 33.3, "percent", None, "exact", 2022, 2022, "actual", U, None),
    ("91.75 million", None, 91.75e6, "count", "users", "exact", 2022, 2022, "actual", "gigabit_broadband_users", None),
    ("More than 4,000", None, 4000, "count", "projects", "lower", 2023, 2023, "actual", "iip_5g_projects", "present tense 'are under construction' = publication year"),
    ("41 major industrial categories", None, 41, "count", "categories", "exact", 2023, 2023, "actual", U, "41 industrial categories, not the 45 categories of the national economy"),
    ("exceeded 240", None, 240, "count", "platforms", "lower", 2022, 2022, "actual", "iip_platforms_influential", "'By the end of last year'"),
    ("nearly 81 million sets", None, 81e6, "count", "sets", "approx", 2022, 2022, "actual", "industrial_equipment_connections", None),
    ("over 210 billion identifiers", None, 210e9, "count", "identifiers", "lower", 2022, 2022, "actual", "identification_registrations", None),
    ("about 150 million times", None, 150e6, "count", "times", "approx", 2022, 2022, "actual", U, "daily resolution volume, not the cumulative indicator"),
    ("1.58 trillion yuan", None, 1.58e12, "CNY", None, "exact", 2022, 2022, "actual", U, "telecom business revenue"),
    ("about 229 billion U.S. dollars", None, 229e9, "USD", None, "approx", 2022, 2022, "actual", U, "currency conversion"),
    ("8 percent", "up 8 percent year on year", 8, "percent", None, "exact", 2022, 2022, "actual", U, None),
    ("32.4 percent", None, 32.4, "percent", None, "exact", 2022, 2022, "actual", U, None),
    ("62.2 percent", None, 62.2, "percent", None, "exact", 2022, 2022, "actual", U, None),
    ("600,000 5G base stations", None, 600000, "count", "base stations", "exact", 2023, 2023, "target", U, "planned additions ('another')"),
    ("45 percent", None, 45, "percent", None, "exact", 2023, 2023, "target", U, "5G penetration among industrial enterprises"),
    ("7.4 percent", None, 7.4, "percent", None, "exact", 2022, 2022, "actual", U, None),
    ("3.8 percentage points", None, 3.8, "percentage_point", None, "exact", 2022, 2022, "actual", U, None),
    ("between 180 billion and 200 billion yuan", None, 180e9, "CNY", None, "lower", 2023, 2025, "forecast", U, "range: lower end; period from 'In the next three years'"),
    ("between 180 billion and 200 billion yuan", None, 200e9, "CNY", None, "upper", 2023, 2025, "forecast", U, "range: upper end"),
],
"002_identification_resolution.txt": [
    ("surpass 350b", None, 350e9, "count", "registrations", "lower", 2024, 2024, "actual", "identification_registrations", "headline; 'b' = billion"),
    ("exceed 350 billion", None, 350e9, "count", "registrations", "lower", 2024, 2024, "actual", "identification_registrations", "present perfect stock = publication year"),
    ("95 billion", None, 95e9, "count", "registrations", "exact", 2021, 2021, "actual", "identification_registrations", None),
    ("five national top-level nodes", None, 5, "count", "nodes", "exact", 2024, 2024, "actual", "identification_top_level_nodes", None),
    ("two disaster recovery nodes", None, 2, "count", "nodes", "exact", 2024, 2024, "actual", U, None),
    ("310 secondary nodes", None, 310, "count", "nodes", "exact", 2024, 2024, "actual", "identification_secondary_nodes", "'So far' = publication year"),
    ("31 provinces", None, 31, "count", "provinces", "exact", 2024, 2024, "actual", "identification_secondary_node_provinces", None),
    ("more than 400,000 enterprises", None, 400000, "count", "enterprises", "lower", 2024, 2024, "actual", "identification_enterprises_connected", None),
    ("300 billion times", None, 300e9, "count", "times", "exact", 2024, 2024, "actual", "identification_resolutions", None),
    ("exceeding 150 million times", None, 150e6, "count", "times", "lower", 2024, 2024, "actual", U, "daily average"),
    ("28 secondary nodes", None, 28, "count", "nodes", "exact", 2024, 2024, "actual", U, REG),
    ("between 20 and 30 per cent", None, 20, "percent", None, "lower", 2024, 2024, "actual", U, "range: lower end; hypothetical effect ('could cut'), no period: publication year"),
    ("between 20 and 30 per cent", None, 30, "percent", None, "upper", 2024, 2024, "actual", U, "range: upper end"),
    ("about 15 per cent", None, 15, "percent", None, "approx", 2024, 2024, "actual", U, None),
    ("46 industries", None, 46, "count", "industries", "exact", 2024, 2024, "actual", U, "industries served by identification, not iip_key_industries_covered"),
    ("nearly 3.4 billion products", None, 3.4e9, "count", "products", "approx", 2024, 2024, "actual", U, None),
    ("more than 150 billion identifiers", None, 150e9, "count", "identifiers", "lower", 2023, 2023, "target", "identification_registrations", "goal of the (2021-2023) plan: end year 2023"),
    ("over 500 billion", None, 500e9, "count", "registrations", "lower", 2025, 2025, "target", "identification_registrations", "expected plan target 'by 2025'"),
    ("more than 60 per cent", None, 60, "percent", None, "lower", 2024, 2024, "actual", U, "annual growth rate, present tense"),
    ("below 40 per cent", None, 40, "percent", None, "upper", 2024, 2024, "actual", U, None),
    ("more than 90 per cent", None, 90, "percent", None, "lower", 2024, 2024, "actual", U, None),
],
"003_digital_economy_white_paper.txt": [
    ("50.2 trillion yuan", "hits 50.2 trillion yuan", 50.2e12, "CNY", None, "exact", 2022, 2022, "actual", "digital_economy_scale", "headline; year from the body"),
    ("over 40%", None, 40, "percent", None, "lower", 2022, 2022, "actual", "digital_economy_gdp_share", "headline"),
    ("50.2 trillion yuan", "reached 50.2 trillion yuan", 50.2e12, "CNY", None, "exact", 2022, 2022, "actual", "digital_economy_scale", None),
    ("about $7.26 trillion", None, 7.26e12, "USD", None, "approx", 2022, 2022, "actual", U, "currency conversion; catalog unit of the indicator is CNY"),
    ("10.3 percent", None, 10.3, "percent", None, "exact", 2022, 2022, "actual", U, "digital economy growth: no catalog id"),
    ("41.5 percent", None, 41.5, "percent", None, "exact", 2022, 2022, "actual", "digital_economy_gdp_share", "'last year'"),
    ("5.3 percentage points", None, 5.3, "percentage_point", None, "exact", 2022, 2022, "actual", U, None),
    ("9.2 trillion yuan", None, 9.2e12, "CNY", None, "exact", 2022, 2022, "actual", U, "digital industrialization; year from the report's reference year"),
    ("41 trillion yuan", None, 41e12, "CNY", None, "exact", 2022, 2022, "actual", U, None),
    ("81.7 percent", None, 81.7, "percent", None, "exact", 2022, 2022, "actual", U, None),
    ("44.7 percent", None, 44.7, "percent", None, "exact", 2022, 2022, "actual", U, "no year in the paragraph: report's reference year"),
    ("24 percent", None, 24, "percent", None, "exact", 2022, 2022, "actual", U, None),
    ("10.5 percent", None, 10.5, "percent", None, "exact", 2022, 2022, "actual", U, None),
    ("13 provinces", None, 13, "count", "provinces", "exact", 2022, 2022, "actual", U, None),
    ("exceeding 1 trillion yuan", None, 1e12, "CNY", None, "lower", 2022, 2022, "actual", U, "per-province threshold; " + REG),
    ("more than 50 percent", None, 50, "percent", None, "lower", 2022, 2022, "actual", U, REG),
    ("38.1 trillion U.S. dollars", None, 38.1e12, "USD", None, "exact", 2021, 2021, "actual", U, "global figure"),
    ("exceed 60 trillion yuan", None, 60e12, "CNY", None, "lower", 2025, 2025, "forecast", "digital_economy_scale", "'expects ... by 2025'"),
    ("about 46 percent", None, 46, "percent", None, "approx", 2025, 2025, "forecast", "digital_economy_gdp_share", None),
    ("between 8 and 10 percent", None, 8, "percent", None, "lower", 2023, 2024, "forecast", U, "range: lower end; 'over the next two years' from April 2023"),
    ("between 8 and 10 percent", None, 10, "percent", None, "upper", 2023, 2024, "forecast", U, "range: upper end"),
    ("87.6 billion yuan", None, 87.6e9, "CNY", None, "exact", 2022, 2022, "estimate", U, "'is estimated at' for a passed year"),
    ("pass 200 billion yuan", None, 200e9, "CNY", None, "lower", 2025, 2025, "forecast", U, "'pass' as a lower bound"),
],
"004_industrial_software_revenue.txt": [
    ("tops 12tn yuan", None, 12e12, "CNY", None, "lower", 2023, 2023, "actual", "software_revenue", "headline; 'tn' = trillion"),
    ("12.33 trillion yuan", None, 12.33e12, "CNY", None, "exact", 2023, 2023, "actual", "software_revenue", None),
    ("$1.73 trillion", None, 1.73e12, "USD", None, "exact", 2023, 2023, "actual", U, "currency conversion"),
    ("13.4 percent", None, 13.4, "percent", None, "exact", 2023, 2023, "actual", U, None),
    ("1.46 trillion yuan", None, 1.46e12, "CNY", None, "exact", 2023, 2023, "actual", U, "profit"),
    ("13.6 percent", None, 13.6, "percent", None, "exact", 2023, 2023, "actual", U, None),
    ("$51.4 billion", None, 51.4e9, "USD", None, "exact", 2023, 2023, "actual", U, "software exports"),
    ("3.6 percent", "up 3.6 percent", 3.6, "percent", None, "exact", 2023, 2023, "actual", U, None),
    ("exceeded 38,000", None, 38000, "count", "enterprises", "lower", 2023, 2023, "actual", U, None),
    ("more than 7 million people", None, 7e6, "count", "people", "lower", 2023, 2023, "actual", U, None),
    ("259.9 billion yuan", None, 259.9e9, "CNY", None, "exact", 2023, 2023, "actual", U, "industrial software only, not the whole software industry"),
    ("12.3 percent", None, 12.3, "percent", None, "exact", 2023, 2023, "actual", U, None),
    ("exceeded 600,000", None, 600000, "count", "apps", "lower", 2023, 2023, "actual", "industrial_apps", "counted noun 'APPs' before the number"),
    ("67.8 percent", None, 67.8, "percent", None, "exact", 2023, 2023, "actual", U, None),
    ("17.5 percent", None, 17.5, "percent", None, "exact", 2023, 2023, "actual", U, None),
    ("4.1 percentage points", None, 4.1, "percentage_point", None, "exact", 2023, 2023, "actual", U, None),
    ("below 10 percent", None, 10, "percent", None, "upper", 2024, 2024, "actual", U, "present tense = publication year"),
    ("around 90 percent", None, 90, "percent", None, "approx", 2024, 2024, "actual", U, None),
    ("15 to 20 percent", None, 15, "percent", None, "lower", 2024, 2026, "forecast", U, "range: lower end; 'in the next three years' from Jan 2024"),
    ("15 to 20 percent", None, 20, "percent", None, "upper", 2024, 2026, "forecast", U, "range: upper end"),
    ("480 billion yuan", None, 480e9, "CNY", None, "exact", 2026, 2026, "forecast", U, None),
    ("10 pilot cities", None, 10, "count", "cities", "exact", 2024, 2024, "target", U, "plan for 2024"),
],
"005_guangdong_digital_economy.txt": [
    ("exceed 230,000", None, 230000, "count", "base stations", "lower", 2022, 2022, "actual", U, "headline; " + REG),
    ("6.4 trillion yuan", None, 6.4e12, "CNY", None, "exact", 2022, 2022, "actual", U, "'will reach' for a past year (translation); " + REG),
    ("49.7%", None, 49.7, "percent", None, "exact", 2022, 2022, "actual", U, REG),
    ("about 1.26 trillion yuan", None, 1.26e12, "CNY", None, "approx", 2022, 2022, "estimate", U, "approximate figure for the year just ended"),
    ("5.2%", None, 5.2, "percent", None, "exact", 2022, 2022, "actual", U, None),
    ("232,000 5G base stations", None, 232000, "count", "base stations", "exact", 2022, 2022, "actual", U, REG),
    ("twenty-one prefecture-level cities", None, 21, "count", "cities", "exact", 2022, 2022, "actual", U, "number word"),
    ("exceeded 80 million", None, 80e6, "count", "users", "lower", 2022, 2022, "actual", U, REG),
    ("4.37 million", None, 4.37e6, "count", "users", "exact", 2022, 2022, "actual", U, REG),
    ("More than 25,000 industrial enterprises", None, 25000, "count", "enterprises", "lower", 2023, 2023, "actual", U, "present perfect, no year in the paragraph: publication year"),
    ("750,000 small and medium-sized enterprises", None, 750000, "count", "enterprises", "exact", 2023, 2023, "actual", U, None),
    ("nine national cross-industry and cross-domain industrial Internet platforms", None, 9, "count", "platforms", "exact", 2023, 2023, "actual", U, "number word; platforms of the national list located in Guangdong: " + REG),
    ("exceeds 2.8 million sets", None, 2.8e6, "count", "sets", "lower", 2023, 2023, "actual", U, REG),
    ("13.6%", None, 13.6, "percent", None, "exact", 2023, 2023, "actual", U, "average gain of transformed enterprises (not demonstration factories)"),
    ("8.9%", None, 8.9, "percent", None, "exact", 2023, 2023, "actual", U, None),
    ("about 1.2 million tonnes of standard coal", None, 1.2e6, "tce", None, "approx", 2023, 2023, "estimate", U, "tonnes of standard coal = tce"),
    ("3.6 billion kWh", None, 3.6e9, "kWh", None, "exact", 2023, 2023, "actual", U, None),
    ("5,000 industrial enterprises", "promote 5,000 industrial enterprises", 5000, "count", "enterprises", "exact", 2023, 2023, "target", U, "'strive to' in 2023"),
    ("100,000 small and medium-sized enterprises", None, 100000, "count", "enterprises", "exact", 2023, 2023, "target", U, None),
    ("up to 100 million yuan", None, 100e6, "CNY", None, "upper", 2023, 2023, "target", U, "policy cap on subsidies; status debatable"),
],
"006_computing_power.txt": [
    ("197 EFLOPS", "reaches 197 EFLOPS", 197, "EFLOPS", None, "exact", 2023, 2023, "actual", "computing_power_total", "headline; unit EFLOPS as in the catalog (not in units.py)"),
    ("more than 200 billion yuan", "driven investment of more than 200 billion yuan\n", 200e9, "CNY", None, "lower", 2023, 2023, "actual", U, "subtitle bullet"),
    ("197 EFLOPS", "reached 197 EFLOPS", 197, "EFLOPS", None, "exact", 2023, 2023, "actual", "computing_power_total", "'as of the end of June this year'"),
    ("25.4 percent", None, 25.4, "percent", None, "exact", 2023, 2023, "actual", U, None),
    ("exceeded 7.6m standard racks", None, 7.6e6, "count", "racks", "lower", 2023, 2023, "actual", "data_centre_racks", "'m' = million"),
    ("exceeded 1,080 EB", None, 1.08e9, "TB", None, "lower", 2023, 2023, "actual", U, "EB -> TB base unit"),
    ("up to 400 Gbps", None, 400, "Gbps", None, "upper", 2023, 2023, "actual", U, None),
    ("eight national computing hub nodes", None, 8, "count", "nodes", "exact", 2023, 2023, "actual", U, None),
    ("10 national data center clusters", None, 10, "count", "clusters", "exact", 2023, 2023, "actual", U, None),
    ("more than 43.5 billion yuan", None, 43.5e9, "CNY", None, "lower", 2023, 2023, "actual", U, None),
    ("more than 200 billion yuan", "driven investment of more than 200 billion yuan. In", 200e9, "CNY", None, "lower", 2023, 2023, "actual", U, None),
    ("3,000 km", None, 3000, "km", None, "exact", 2023, 2023, "actual", U, None),
    ("about 1.5 GW", None, 1.5e6, "kW", None, "approx", 2023, 2023, "actual", U, "GW -> kW base unit"),
    ("about 270 billion kWh", None, 270e9, "kWh", None, "approx", 2022, 2022, "estimate", U, "'according to estimates'"),
    ("about 3 percent", None, 3, "percent", None, "approx", 2022, 2022, "estimate", U, None),
    ("3 to 4 yuan", None, 3, "CNY", None, "lower", 2023, 2023, "actual", U, "range: lower end; output per 1 yuan invested"),
    ("3 to 4 yuan", None, 4, "CNY", None, "upper", 2023, 2023, "actual", U, "range: upper end"),
    ("exceed 300 EFLOPS", None, 300, "EFLOPS", None, "lower", 2025, 2025, "target", "computing_power_total", None),
    ("35 percent", None, 35, "percent", None, "exact", 2025, 2025, "target", U, None),
    ("exceed 1,800 EB", None, 1.8e9, "TB", None, "lower", 2025, 2025, "target", U, None),
    ("above 30 percent", None, 30, "percent", None, "lower", 2025, 2025, "target", U, None),
],
"007_intelligent_manufacturing_plan.txt": [
    ("26", "reaches 26,", 26, "count", "base stations", "exact", 2025, 2025, "target", U, "density per 10,000 people; counted noun before the number"),
    ("more than 30,000 5G industry virtual private networks", None, 30000, "count", "networks", "lower", 2025, 2025, "target", "five_g_private_networks", None),
    ("exceeds 120 million sets", None, 120e6, "count", "sets", "lower", 2025, 2025, "target", "industrial_equipment_connections", None),
    ("More than 500 intelligent manufacturing demonstration factories", None, 500, "count", "factories", "lower", 2025, 2025, "target", "im_demo_factories", None),
    ("68%", None, 68, "percent", None, "exact", 2025, 2025, "target", "key_process_nc_rate", None),
    ("exceeds 85%", None, 85, "percent", None, "lower", 2025, 2025, "target", "digital_rd_tools_penetration", None),
    ("at least 20 percent", None, 20, "percent", None, "lower", 2025, 2025, "target", "im_demo_factory_efficiency_gain", None),
    ("about 15 percent", None, 15, "percent", None, "approx", 2025, 2025, "target", "im_demo_factory_operating_cost_reduction", None),
    ("about 45 cross-industry and cross-field industrial Internet platforms", None, 45, "count", "platforms", "approx", 2025, 2025, "target", "iip_platforms_cross_industry", None),
    ("3 to 5 platforms", None, 3, "count", "platforms", "lower", 2025, 2025, "target", U, "range: lower end; international (not regional/industry) influence"),
    ("3 to 5 platforms", None, 5, "count", "platforms", "upper", 2025, 2025, "target", U, "range: upper end"),
    ("exceed 1.5 trillion yuan", None, 1.5e12, "CNY", None, "lower", 2025, 2025, "target", "iip_industry_scale", None),
    ("one hundred thousand innovative small and medium-sized enterprises", None, 1e5, "count", "enterprises", "exact", 2025, 2025, "target", U, "number words"),
    ("ten thousand specialized and sophisticated \"little giant\" enterprises", None, 1e4, "count", "enterprises", "exact", 2025, 2025, "target", U, "number words"),
    ("13.5%", None, 13.5, "percent", None, "exact", 2025, 2025, "target", U, "a reduction"),
    ("more than 2,500 digital workshops and intelligent factories", None, 2500, "count", "workshops", "lower", None, None, "actual", "im_demo_factories", "'At present' in an undated text: period unknown"),
    ("45 major categories", None, 45, "count", "categories", "exact", None, None, "actual", "iip_economy_categories_covered", "undated text: period unknown"),
    ("100 typical scenarios", None, 100, "count", "scenarios", "exact", 2023, 2025, "target", U, "intelligent manufacturing scenarios over the plan period (2023-2025); not 5G"),
    ("10 \"5G + industrial Internet\" convergence application pilot zones", None, 10, "count", "zones", "exact", 2025, 2025, "target", U, None),
    ("20 key industries", None, 20, "count", "industries", "exact", 2025, 2025, "target", "iip_5g_key_industries", None),
    ("more than 150,000 industrial enterprises", None, 150000, "count", "enterprises", "lower", 2025, 2025, "target", U, None),
],
"008_iip_economy_white_paper.txt": [
    ("CNY4.69 trillion", None, 4.69e12, "CNY", None, "exact", 2023, 2023, "forecast", "iip_added_value", "headline; 2023 not over at publication"),
    ("CNY4.46 trillion", None, 4.46e12, "CNY", None, "exact", 2022, 2022, "actual", "iip_added_value", "'will reach' for a past year (translation)"),
    ("USD640bn", None, 640e9, "USD", None, "exact", 2022, 2022, "actual", U, "currency conversion; 'bn'"),
    ("8.67%", None, 8.67, "percent", None, "exact", 2022, 2022, "actual", "iip_added_value_nominal_growth", None),
    ("3.69%", None, 3.69, "percent", None, "exact", 2022, 2022, "actual", "iip_added_value_gdp_share", None),
    ("1.35 trillion yuan", None, 1.35e12, "CNY", None, "exact", 2022, 2022, "actual", U, "direct industry"),
    ("3.11 trillion yuan", None, 3.11e12, "CNY", None, "exact", 2022, 2022, "actual", U, "infiltration industry"),
    ("exceeded 1.2 trillion yuan", None, 1.2e12, "CNY", None, "lower", 2022, 2022, "actual", "iip_industry_scale", "'In the same year' refers back to 2022"),
    ("nearly 2.9 million new jobs", None, 2.9e6, "count", "jobs", "approx", 2022, 2022, "actual", "iip_jobs_created", None),
    ("11.8%", None, 11.8, "percent", None, "exact", 2018, 2022, "actual", U, "compound annual growth over 2018-2022"),
    ("4.69 trillion yuan", None, 4.69e12, "CNY", None, "exact", 2023, 2023, "forecast", "iip_added_value", None),
    ("3.72%", None, 3.72, "percent", None, "exact", 2023, 2023, "forecast", "iip_added_value_gdp_share", None),
    ("45.2 per cent", None, 45.2, "percent", None, "exact", 2022, 2022, "actual", U, None),
    ("52.3 per cent", None, 52.3, "percent", None, "exact", 2022, 2022, "actual", U, None),
    ("11 provinces", None, 11, "count", "provinces", "exact", 2022, 2022, "actual", U, None),
    ("exceeded 100 billion yuan", None, 100e9, "CNY", None, "lower", 2022, 2022, "actual", U, REG),
    ("more than 60%", None, 60, "percent", None, "lower", 2022, 2022, "actual", U, None),
    ("between 6 and 8 percent", None, 6, "percent", None, "lower", 2024, 2024, "forecast", "iip_added_value_nominal_growth", "range: lower end"),
    ("between 6 and 8 percent", None, 8, "percent", None, "upper", 2024, 2024, "forecast", "iip_added_value_nominal_growth", "range: upper end"),
    ("3.5 percentage points", None, 3.5, "percentage_point", None, "exact", 2022, 2022, "actual", U, "platform usage share, not SME penetration"),
    ("23.4%", None, 23.4, "percent", None, "exact", 2022, 2022, "actual", U, "a penetration level; the catalog's SME indicator is a change in points"),
],
}

NEUTRAL = {
"001_miit_5g_base_stations.txt": [
    ("Jan. 18", None), ("10 a.m.", None), ("5G technology", None), ("five key tasks", None),
    ("14th Five-Year Plan", None), ("(2021-2025)", None), ("the second stage", None),
    ("In the next three years", None),
],
"002_identification_resolution.txt": [
    ("the 2024 Industrial Internet Identification Conference", None), ("(2021-2023)", None),
    ("two years ahead of schedule", None), ("the two sessions", None), ("three measures", None),
    ("the first step", None), ("at least once", None), ("covering 1,200 companies", None),
    ("010-6230 4838", None), ("one leading company", None),
],
"003_digital_economy_white_paper.txt": [
    ("28-Apr-2023", None), ("for 11 consecutive years", None), ("the eighth of its kind", None),
    ("since 2015", None), ("two parts", None), ("the 47 major countries", None),
    ("ranks second in the world", None), ("the third such release", None), ("April 27", None),
],
"004_industrial_software_revenue.txt": [
    ("Jan 30, 2024 09:15 PM", None), ("the top five provinces", None), ("for the first time in 2021 or 2022", None),
    ("in the next three years", None), ("three major tasks", None),
],
"005_guangdong_digital_economy.txt": [
    ("On March 1", None), ("ranked first in the country for six consecutive years", None),
    ("ranking first in my country", None), ("three-year action plan", None), ("four aspects", None),
    ("1. Strengthen", None), ("2. Deepen", None), ("20 strategic industrial clusters", None),
    ("020-83133114", None),
],
"006_computing_power.txt": [
    ("ranking second in the world", "reaches 197 EFLOPS, ranking second in the world"),
    ("ranking second in the world", "reached 197 EFLOPS, ranking second in the world"),
    ("On October 9", None), ("February 2022", None), ("Every 1 yuan", None), ("six departments", None),
    ("The 2023 China Computing Power Conference", None), ("from August 18 to 19", None),
],
"007_intelligent_manufacturing_plan.txt": [
    ("(2023-2025)", None), ("14th Five-Year Plan", None), ("three major tasks", None),
    ("eight key projects", None), ("(1)", None), ("(4)", None), ("per 10,000 people", None),
    ("in the next three years", None), ("1. Implement", None), ("3. Strengthen", None),
    ("December 31", None), ("Article 3", None),
],
"008_iip_economy_white_paper.txt": [
    ("2023-12-20 09:30", None), ("On December 19", None), ("(2023)", None),
    ("the fifth consecutive year", None), ("“two sessions”", None), ("(2021-2023)", None), ("No.1", None),
],
}


def locate(text, quote, anchor, where):
    snippet = anchor or quote
    n = text.count(snippet)
    if n != 1:
        raise SystemExit(f"{where}: snippet {snippet!r} occurs {n} times")
    a = text.index(snippet)
    off = snippet.index(quote)
    return a + off, a + off + len(quote)


def main():
    claims, neutral = [], []
    for fname in PUBLISHED:
        text = (ART / fname).read_text(encoding="utf-8")
        for row in CLAIMS.get(fname, []):
            quote, anchor, value, unit, counted, bound, ps, pe, status, ind, note = row
            s, e = locate(text, quote, anchor, fname)
            claims.append({"article_file": fname, "quote": quote, "char_start": s, "char_end": e,
                           "value": value, "unit": unit, "counted": counted, "bound": bound,
                           "period_start": ps, "period_end": pe, "status": status,
                           "indicator": ind, "note": note})
        for quote, anchor in NEUTRAL.get(fname, []):
            s, e = locate(text, quote, anchor, fname)
            neutral.append({"article_file": fname, "quote": quote, "char_start": s, "char_end": e})
    doc = {"schema": "claims-gold/1", "published": PUBLISHED, "claims": claims, "neutral": neutral}
    (HERE / "gold.json").write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(claims)} claims, {len(neutral)} neutral spans")


if __name__ == "__main__":
    main()
