"""The indicator catalog: what a claim can measure. One entry per indicator, declared once.

Each indicator has an id (kept stable: the warehouse and analysts' queries use it), a name, a
description, the unit its values carry (a code of the unit vocabulary), a kind, a topic, whether it
is a cumulative stock (a count that should not fall over time), and the phrases that signal it in a
text. The claims layer matches phrases; validation checks that a claim's unit equals its
indicator's unit; curation uses kind and cumulative.

kinds: level (a stock or size at a point in time), flow (an amount over a period), growth_rate
(percent change), share (percent of a whole), change (a difference, e.g. percentage points), count.

Phrase syntax (used by `pipeline.lib.claims.indicators`): lower case; a hyphen matches a space
(`top-level` = `top level`); a part matches at the start of a word and may be a stem (`influen`
matches `influence`, `influential`); `A ... B` means every part must occur near the quantity (in
any order). The closer a part is to the quantity (its own clause, then the text up to the
neighbouring quantities, then the sentence, then the paragraph), the more it weighs.

Three optional gates, also used by the claims layer:
- `counted`: for count indicators, the nouns the indicator counts (plural, lower case); a count
  whose counted noun is known must have one of them.
- `requires`: topic words of which at least one must occur in the sentence, the paragraph or the
  article title (`industrial internet` for the industrial Internet economy figures).
- `excludes`: qualifiers naming a part or a neighbouring concept (`industrial software` is a part
  of the software industry, `direct industry` a part of the industrial Internet added value);
  written before the figure in its sentence, or in its own clause, with no phrase of the indicator
  between them and the figure, they veto the indicator.

Every indicator is national (China as a whole). `REGIONS` (provinces, municipalities, major
cities, regions of China) and `COMPANIES` (operators and firms often quoted) are the gazetteers the
claims layer uses to recognise a figure scoped to a region or a company: such a figure is
`unclassified` whatever its phrases.
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
    counted: tuple[str, ...] = field(default_factory=tuple)
    requires: tuple[str, ...] = field(default_factory=tuple)
    excludes: tuple[str, ...] = field(default_factory=tuple)


def _i(
    id,
    name,
    unit,
    kind,
    topic,
    description="",
    cumulative=False,
    phrases=(),
    counted=(),
    requires=(),
    excludes=(),
):
    return Indicator(
        id,
        name,
        description or name,
        unit,
        kind,
        topic,
        cumulative,
        tuple(phrases),
        tuple(counted),
        tuple(requires),
        tuple(excludes),
    )


_IIP = ("industrial internet", "industrial interconnection")
_IM = ("intelligent manufacturing", "smart manufacturing", "intelligent transformation")
_DEMO = (
    "demonstration factor",
    "demonstration plant",
    "pilot factor",
    "smart factor",
    "intelligent factor",
    "benchmark factor",
    "lighthouse factor",
    "intelligent manufacturing",
)
_ENTERPRISES = ("enterprises", "companies", "firms", "businesses")
_PLATFORMS = ("platforms",)
_INDUSTRIES = ("industries", "sectors", "fields", "trades")
_FIVE_G = ("5g",)
# parts of a whole: the industrial Internet added value splits into a direct (core) industry and
# an infiltration industry; the digital economy into digital industrialisation and industrial
# digitalisation
# sectors whose value added is reported next to the industrial Internet's: `the value added of
# high-tech manufacturing grew 11.6 percent`
_OTHER_SECTORS = ("high-tech manufacturing", "above designated size")
_IIP_PARTS = ("direct industr", "infiltration industr", "penetration industr", "core industr")
_DIGITAL_PARTS = (
    "industrial digiti", "industrial digitali", "industrial digitisation", "digital industriali",
    "digital industrialis", "core industr", "core digital",
)  # fmt: skip

# fmt: off
# Seed entries (ids fixed by DESIGN.md), then entries added for what real articles report.
_ENTRIES = [
    # ---- industrial Internet economy -----------------------------------------------------------
    _i("iip_added_value", "Added value of the industrial Internet industry", "CNY", "flow",
       "economy",
       phrases=["added value", "value added", "industrial internet ... added value",
                "industrial internet industry ... value added", "total value added"],
       requires=_IIP,
       excludes=_IIP_PARTS),
    _i("iip_added_value_nominal_growth", "Nominal growth of industrial Internet added value",
       "percent", "growth_rate", "economy",
       phrases=["nominal growth", "nominal increase", "nominal terms", "added value ... growth",
                "added value ... grew", "added value ... increas", "value added ... growth",
                "value added ... grew"],
       requires=_IIP,
       # (thirteenth round: the growth of another sector's value added is not the IIP's)
       excludes=_IIP_PARTS + _OTHER_SECTORS),
    _i("iip_added_value_gdp_share", "Industrial Internet added value as a share of GDP",
       "percent", "share", "economy",
       phrases=["of gdp", "gdp ... accounting for", "gdp ... accounted for", "share of gdp",
                "proportion of gdp", "gdp ... proportion", "gdp ... share",
                "industrial internet ... gdp", "added value ... gdp", "of the gross domestic",
                "gross domestic product"],
       requires=_IIP,
       excludes=_IIP_PARTS),
    _i("iip_industry_scale", "Scale of the industrial Internet industry", "CNY", "flow", "economy",
       phrases=["scale of the industry", "industry scale", "industrial scale",
                "scale of the industrial internet industry", "industrial internet industry scale",
                "scale of industrial internet", "size of the industry", "industry size",
                "industrial internet ... market size", "industrial internet ... market scale",
                "industrial internet ... industry ... scale", "industrial internet market",
                # `the core industry of China's industrial internet passed 1.35 trillion yuan`
                "core industry of ... industrial internet", "industrial internet core industry"],
       requires=_IIP),
    _i("iip_jobs_created", "New jobs driven by the industrial Internet", "count", "flow", "economy",
       phrases=["new jobs", "jobs", "employment", "job opportunities", "posts"],
       counted=("jobs", "posts", "positions", "job opportunities", "opportunities"),
       requires=_IIP),
    # ---- platforms ---------------------------------------------------------------------------
    _i("iip_platforms_influential",
       "Industrial Internet platforms with regional and industry influence", "count", "count",
       "platforms", cumulative=True,
       phrases=["platform ... influen", "influential ... platform", "characteristic platform",
                "platforms with ... influen"],
       counted=_PLATFORMS,
       excludes=("international", "global", "world class", "worldwide")),
    _i("iip_platforms_cross_industry", "Cross-industry, cross-domain industrial Internet platforms",
       "count", "count", "platforms", cumulative=True,
       phrases=["cross industry ... platform", "cross domain ... platform",
                "cross field ... platform", "double cross ... platform",
                "cross industry and cross domain", "cross industry cross domain"],
       counted=_PLATFORMS,
       # other tiers of platforms: `3 to 5 platforms with international influence`, `public
       # service platforms`
       excludes=("international influence", "international competitiveness",
                 "public service platform")),
    _i("industrial_equipment_connections",
       "Industrial equipment connected to industrial Internet platforms", "count", "count",
       "platforms", cumulative=True,
       phrases=["equipment connection", "equipment connected", "connected equipment",
                "connected industrial equipment", "industrial equipment", "device connection",
                "devices connected", "connected devices", "equipment ... connect",
                "connect ... equipment", "connect ... devices"],
       counted=("sets", "units", "pieces", "devices", "equipment", "machines", "pieces of equipment",
                "sets of equipment", "connections")),
    _i("iip_enterprises_served", "Industrial enterprises served by industrial Internet platforms",
       "count", "count", "platforms", cumulative=True,
       phrases=["served", "serving", "serves", "serve", "service to", "services to", "enterprises ... served",
                "using ... platform", "use of ... platform", "use ... platform"],
       counted=_ENTERPRISES,
       requires=_IIP + ("platform",)),
    # ---- network -----------------------------------------------------------------------------
    _i("iip_network_enterprises_connected",
       "Industrial enterprises connected by the industrial Internet network", "count", "count",
       "network", cumulative=True,
       phrases=["connected", "connecting", "connects", "network ... connect", "access ... network"],
       counted=_ENTERPRISES,
       requires=_IIP),
    _i("iip_network_cities_covered", "Cities covered by the industrial Internet network", "count",
       "count", "network", cumulative=True,
       phrases=["network ... cover", "cover", "network ... cities", "network ... reach"],
       counted=("cities", "prefecture level cities", "prefectural cities"),
       requires=_IIP),
    # ---- applications ------------------------------------------------------------------------
    _i("iip_economy_categories_covered",
       "Major categories of the national economy reached by the industrial Internet", "count",
       "count", "applications", cumulative=True,
       phrases=["categories of the national economy", "national economy", "major categories",
                "economic categor", "categories of national economy", "integrated into"],
       counted=("categories", "major categories", "categories of the national economy"),
       requires=_IIP),
    _i("iip_key_industries_covered",
       "Key industries of the national economy covered by the industrial Internet", "count",
       "count", "applications", cumulative=True,
       phrases=["key industries", "industries of national economy",
                "industries of the national economy", "key sectors", "key fields",
                "cover ... industries", "covered ... industries"],
       counted=_INDUSTRIES,
       requires=_IIP,
       # industries reached by the identification system or 5G projects are other concepts
       excludes=("secondary node", "top-level node", "identification", "5g")),
    _i("iip_sme_penetration_change", "Change of industrial Internet penetration among SMEs",
       "percentage_point", "change", "applications",
       phrases=["penetration ... small and medium", "penetration ... smes",
                "penetration ... sme", "penetration rate", "penetration"],
       excludes=("platform use", "using industrial internet platforms",
                "use of platforms", "using platforms")),
    _i("enterprises_efficiency_improved_share",
       "Share of enterprises whose efficiency improved after applying the industrial Internet",
       "percent", "share", "applications",
       phrases=["enterprises ... efficiency", "enterprises ... improved ... efficiency",
                "companies ... efficiency", "enterprises ... improved their"]),
    _i("digital_rd_tools_penetration",
       "Penetration rate of digital R&D and design tools in industrial enterprises", "percent",
       "share", "applications",
       phrases=["digital r&d ... tools", "digital research and development ... tools",
                "design tools", "r&d and design tools", "digitali ... research and development tools",
                "digitali ... r&d tools"]),
    _i("key_process_nc_rate", "Numerical control rate of key processes", "percent", "share",
       "applications",
       phrases=["numerical control rate", "key processes", "nc rate", "key process"]),
    # ---- 5G ----------------------------------------------------------------------------------
    _i("iip_5g_application_scenarios", "Typical '5G + industrial Internet' application scenarios",
       "count", "count", "5g", cumulative=True,
       phrases=["5g ... scenario", "5g ... application scenario", "typical application scenario",
                "typical scenario"],
       counted=("scenarios", "application scenarios", "typical scenarios"),
       requires=_FIVE_G),
    _i("iip_5g_key_industries", "Key industries with '5G + industrial Internet' applications",
       "count", "count", "5g", cumulative=True,
       phrases=["5g ... key industries", "5g ... industries", "5g ... sectors", "key industries"],
       counted=_INDUSTRIES,
       requires=_FIVE_G),
    _i("iip_5g_projects", "'5G + industrial Internet' projects under construction", "count",
       "count", "5g", cumulative=True,
       phrases=["5g ... industrial internet ... project", "5g ... project",
                "projects under construction"],
       counted=("projects",),
       requires=_FIVE_G),
    _i("five_g_base_stations", "5G base stations", "count", "count", "5g", cumulative=True,
       phrases=["5g base station", "base station", "5g ... stations"],
       counted=("base stations", "stations", "5g base stations"),
       requires=_FIVE_G,
       # other generations, and the 5G-Advanced subset (`5G-Advanced base stations topped 100,000`)
       excludes=("4g base station", "4g station", "3g base station", "5g-advanced base station",
                 "5g-a base station")),
    _i("five_g_users", "5G mobile users", "count", "count", "5g", cumulative=True,
       phrases=["5g users", "5g mobile phone users", "5g mobile users", "5g subscribers",
                "5g package users", "5g ... users", "5g ... subscribers"],
       counted=("users", "subscribers", "mobile users", "mobile phone users", "accounts"),
       requires=_FIVE_G,
       # users of other networks in a 5G paragraph (`4G users reached 81.6 million`)
       excludes=("4g users", "4g mobile", "4g subscribers", "3g users", "fixed broadband",
                 "fixed-line")),
    _i("five_g_private_networks", "5G industry virtual private networks", "count", "count", "5g",
       cumulative=True,
       phrases=["virtual private network", "private network", "5g ... private network",
                "private 5g network"],
       counted=("networks", "private networks", "virtual private networks"),
       requires=_FIVE_G),
    _i("gigabit_broadband_users", "Gigabit broadband users", "count", "count", "network",
       cumulative=True,
       phrases=["gigabit", "1000mbps", "1000 mbps", "gigabit ... users", "gigabit broadband"],
       counted=("users", "subscribers", "households", "accounts")),
    # ---- identification resolution -----------------------------------------------------------
    _i("identification_top_level_nodes", "Top-level nodes of identification resolution", "count",
       "count", "identification", cumulative=True,
       phrases=["top-level node", "top node", "top nodes", "national top-level node",
                "national top node", "top level nodes ... identification"],
       counted=("nodes", "top-level nodes", "top nodes"),
       excludes=("disaster recovery", "backup", "standby")),
    _i("identification_secondary_nodes", "Secondary nodes of identification resolution", "count",
       "count", "identification", cumulative=True,
       phrases=["second-level node", "secondary node", "secondary ... node"],
       counted=("nodes", "secondary nodes", "second-level nodes")),
    _i("identification_secondary_node_provinces",
       "Provinces covered by secondary identification nodes", "count", "count", "identification",
       cumulative=True,
       phrases=["second-level node", "secondary node", "secondary ... node",
                "second-level ... node", "node ... cover"],
       counted=("provinces", "provincial level regions", "regions", "provinces and municipalities",
                "provinces autonomous regions and municipalities")),
    _i("identification_registrations", "Identifiers registered in the identification resolution "
       "system (cumulative)", "count", "count", "identification", cumulative=True,
       phrases=["identification registration", "identifier registration", "registered identifiers",
                "identification ... registration", "identifiers ... registered",
                "registration volume", "registrations", "identifiers"],
       counted=("identifiers", "registrations", "codes", "identification codes", "ids")),
    _i("identification_resolutions", "Identification resolution requests handled (cumulative)",
       "count", "count", "identification", cumulative=True,
       phrases=["resolution volume", "identification resolution ... times", "resolutions",
                "resolution requests", "analysis volume", "queries"],
       counted=("times", "resolutions", "requests", "queries")),
    _i("identification_enterprises_connected", "Enterprises connected to identification "
       "resolution secondary nodes", "count", "count", "identification", cumulative=True,
       phrases=["identification ... enterprises", "node ... enterprises",
                "identification ... connected", "identification ... access"],
       counted=_ENTERPRISES),
    # ---- industrial apps, software -----------------------------------------------------------
    _i("industrial_apps", "Industrial apps (industrial application software) on platforms", "count",
       "count", "platforms", cumulative=True,
       phrases=["industrial app", "industrial apps", "industrial application software",
                "industrial mechanism model", "apps"],
       counted=("apps", "industrial apps", "applications", "industrial applications",
                "mechanism models", "models")),
    _i("software_revenue", "Business revenue of the software and information technology service "
       "industry", "CNY", "flow", "software",
       phrases=["software business revenue", "software ... revenue", "software ... income",
                "software and information technology service", "software industry ... revenue"],
       excludes=("industrial software", "embedded software", "software product",
                "software export", "profit")),
    # ---- intelligent manufacturing -----------------------------------------------------------
    _i("im_support_policies", "Intelligent manufacturing support policies issued by regions",
       "count", "count", "intelligent_manufacturing", cumulative=True,
       phrases=["support policies", "supporting policies", "policies ... issued",
                "policy documents", "policies"],
       counted=("policies", "support policies", "supporting policies", "policy documents",
                "documents", "measures"),
       requires=_IM),
    _i("im_equipment_industry_scale", "Scale of the intelligent manufacturing equipment industry",
       "CNY", "flow", "intelligent_manufacturing",
       phrases=["intelligent manufacturing equipment ... scale",
                "smart manufacturing equipment ... scale",
                "intelligent manufacturing equipment industry",
                "smart manufacturing equipment industry",
                "intelligent manufacturing equipment ... output", "equipment industry ... scale",
                "intelligent manufacturing equipment market", "smart manufacturing equipment market"]),
    _i("im_equipment_market_satisfaction",
       "Market satisfaction rate of intelligent manufacturing equipment", "percent", "share",
       "intelligent_manufacturing",
       phrases=["market satisfaction", "satisfaction rate", "satisfaction", "domestic ... satisf"],
       requires=_IM + ("equipment",)),
    _i("im_demo_factory_efficiency_gain",
       "Production efficiency gain of intelligent manufacturing demonstration factories", "percent",
       "growth_rate", "intelligent_manufacturing",
       phrases=["production efficiency", "efficiency ... increas", "efficiency ... improv",
                "productivity"],
       requires=_DEMO),
    _i("im_demo_factory_resource_utilization_gain",
       "Resource utilisation gain of demonstration factories", "percent", "growth_rate",
       "intelligent_manufacturing",
       phrases=["utilization rate of resources", "resource utilization", "utilization of resources",
                "resource utilisation", "comprehensive utilization", "energy utilization"],
       requires=_DEMO),
    _i("im_demo_factory_dev_cycle_reduction",
       "Product development cycle reduction of demonstration factories", "percent", "growth_rate",
       "intelligent_manufacturing",
       phrases=["development cycle", "r&d cycle", "research and development cycle",
                "development time", "time to market"],
       requires=_DEMO),
    _i("im_demo_factory_operating_cost_reduction",
       "Operating cost reduction of demonstration factories", "percent", "growth_rate",
       "intelligent_manufacturing",
       phrases=["operating cost", "operation cost", "operational cost", "operating expense"],
       requires=_DEMO),
    _i("im_demo_factory_defect_rate_reduction",
       "Product defect rate reduction of demonstration factories", "percent", "growth_rate",
       "intelligent_manufacturing",
       phrases=["defect rate", "defective rate", "product defect", "defective product",
                "reject rate", "defects"],
       requires=_DEMO),
    _i("im_demo_factories", "Intelligent manufacturing demonstration (smart) factories", "count",
       "count", "intelligent_manufacturing", cumulative=True,
       phrases=["demonstration factor", "smart factor", "intelligent factor", "digital workshop",
                "demonstration plant", "intelligent workshop"],
       counted=("factories", "demonstration factories", "smart factories", "workshops",
                "plants"),
       # the graded tiers of the smart factory standard are other series
       excludes=("basic-level smart factor", "basic-level factor", "advanced-level smart factor",
                 "advanced-level factor", "basic-level", "provincial-level")),
    # ---- computing, data centres, digital economy ---------------------------------------------
    _i("it_equipment_investment", "Investment in IT equipment", "CNY", "flow", "computing",
       phrases=["investment in it equipment", "it equipment investment",
                "investment in information technology equipment", "it hardware investment",
                "it equipment ... investment", "investment ... it equipment"]),
    _i("data_centre_racks", "Data centre racks in use (standard racks)", "count", "count",
       "computing", cumulative=True,
       phrases=["rack", "data center ... racks", "data centre ... racks", "standard racks"],
       counted=("racks", "standard racks", "data center racks", "data centre racks")),
    _i("computing_power_total", "Total computing power", "EFLOPS", "level", "computing",
       cumulative=True,
       phrases=["computing power", "computility", "computing capacity", "eflops"],
       # a part of the total: intelligent (AI), general-purpose, supercomputing power
       excludes=("intelligent computing", "general computing", "general-purpose computing",
                 "basic computing", "supercomputing", "super computing", "advanced computing",
                 "ai computing")),
    _i("digital_economy_scale", "Scale of the digital economy", "CNY", "flow", "digital_economy",
       phrases=["digital economy ... scale", "scale of the digital economy",
                "size of the digital economy", "digital economy ... reached",
                "digital economy ... added value", "digital economy"],
       excludes=_DIGITAL_PARTS),
    _i("digital_economy_gdp_share", "Digital economy as a share of GDP", "percent", "share",
       "digital_economy",
       phrases=["digital economy ... of gdp", "digital economy ... gdp",
                "digital economy ... proportion ... gdp", "digital economy ... share ... gdp",
                "digital economy ... gross domestic"],
       requires=("digital economy",),
       excludes=_DIGITAL_PARTS),
]
# fmt: on

CATALOG: dict[str, Indicator] = {ind.id: ind for ind in _ENTRIES}

# ---- scope gazetteers ------------------------------------------------------------------------
# Names as written in English texts (matched case-sensitively, at word boundaries, never in an
# all-capitals dateline such as `BEIJING, Jan. 18 (Xinhua) --`); provinces, autonomous regions,
# municipalities and special administrative regions, then major cities, then regions.
# fmt: off
REGIONS: tuple[str, ...] = (
    "Anhui", "Beijing", "Chongqing", "Fujian", "Gansu", "Guangdong", "Guangxi", "Guizhou",
    "Hainan", "Hebei", "Heilongjiang", "Henan", "Hubei", "Hunan", "Inner Mongolia", "Jiangsu",
    "Jiangxi", "Jilin", "Liaoning", "Ningxia", "Qinghai", "Shaanxi", "Shandong", "Shanghai",
    "Shanxi", "Sichuan", "Tianjin", "Tibet", "Xizang", "Xinjiang", "Yunnan", "Zhejiang",
    "Hong Kong", "Macao", "Macau", "Taiwan", "Shenzhen", "Guangzhou", "Hangzhou", "Nanjing",
    "Suzhou", "Wuhan", "Chengdu", "Xi'an", "Xian", "Qingdao", "Ningbo", "Xiamen", "Dalian",
    "Shenyang", "Harbin", "Changchun", "Jinan", "Zhengzhou", "Changsha", "Hefei", "Fuzhou",
    "Nanchang", "Kunming", "Guiyang", "Nanning", "Lanzhou", "Xining", "Yinchuan", "Urumqi",
    "Lhasa", "Hohhot", "Taiyuan", "Shijiazhuang", "Haikou", "Sanya", "Dongguan", "Foshan", "Wuxi",
    "Changzhou", "Xuzhou", "Nantong", "Yangzhou", "Yantai", "Weifang", "Zibo", "Linyi", "Tangshan",
    "Baoding", "Wenzhou", "Jiaxing", "Shaoxing", "Jinhua", "Taizhou", "Quanzhou", "Zhuhai",
    "Shantou", "Huizhou", "Zhongshan", "Luoyang", "Wuhu", "Liuzhou", "Yichang", "Xiangyang",
    "Zhuzhou", "Mianyang", "Baotou", "Ordos", "Zhangjiakou", "Xiong'an", "Xiongan", "Pudong",
    "Binhai", "Yangtze River Delta", "Pearl River Delta", "Greater Bay Area",
    "Beijing-Tianjin-Hebei", "Chengdu-Chongqing", "Northeast China", "Northwest China",
    "Southwest China",
)
# generic words that scope a figure to a region (lower case, matched on the normalised text)
REGION_WORDS: tuple[str, ...] = (
    "province", "provincial", "the city", "this city", "the municipality", "municipal",
    "prefecture", "county", "local", "central region",
    "eastern region", "western region", "northeastern region", "central and western",
)
# firms and operators whose own figures are often quoted (a figure of theirs is not national)
COMPANIES: tuple[str, ...] = (
    "Huawei", "ZTE", "Alibaba", "Tencent", "Baidu", "JD.com", "Haier", "COSMOPlat", "Midea",
    "Gree", "Sany", "Rootcloud", "XCMG", "Lenovo", "Xiaomi", "BYD", "Foxconn", "Inspur",
    "China Mobile", "China Telecom", "China Unicom", "China Broadnet", "China Tower", "State Grid",
    "Sinopec", "PetroChina", "CNPC", "COMAC", "CRRC", "Kingdee", "Yonyou", "Siemens", "Bosch",
    "General Electric", "Schneider", "Aliyun", "Alibaba Cloud", "Tencent Cloud", "Huawei Cloud",
)
# generic words naming one firm (after a determiner: `one leading company`, `the firm's`)
COMPANY_WORDS: tuple[str, ...] = (
    "company", "firm", "corporation", "manufacturer", "maker", "carrier", "operator", "vendor",
    "supplier", "enterprise", "group", "factory", "plant",
)
# fmt: on


def get(indicator_id: str) -> Indicator | None:
    return CATALOG.get(indicator_id)


def catalog_markdown() -> str:
    """The catalog as a Markdown table (id, name, unit, kind, topic, cumulative, phrases)."""
    lines = [
        "| id | name | unit | kind | topic | cumulative | phrases (sample) |",
        "|---|---|---|---|---|---|---|",
    ]
    for ind in _ENTRIES:
        phrases = "; ".join(f"`{p}`" for p in ind.phrases[:4])
        if len(ind.phrases) > 4:
            phrases += f" (+{len(ind.phrases) - 4})"
        lines.append(
            f"| `{ind.id}` | {ind.name} | {ind.unit} | {ind.kind} | {ind.topic} | "
            f"{'yes' if ind.cumulative else 'no'} | {phrases} |"
        )
    return "\n".join(lines) + "\n"
