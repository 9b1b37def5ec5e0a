"""The controlled unit vocabulary: every unit a quantity or claim may carry, declared once.

Each unit has a code (what the warehouse stores), a name, a kind, the surface forms that denote it
in English text, and how it converts to the base unit of its kind: `base` is the code stored after
normalisation and `factor` multiplies the value. A quantity written in a derived unit is stored in
the base unit: `10,000 tonnes` -> 1e4 t, `3.5 GWh` -> 3.5e6 kWh, `12 MW` -> 1.2e4 kW,
`50 cents` -> 0.5 USD.

Decisions (documented in docs/quantities.md):
- money: ISO 4217 codes; `$` alone is USD, `¥` alone is CNY (this corpus is about China; JPY needs
  `yen`/`JPY`/`JP¥`), `yuan`/`RMB`/`renminbi`/`元` are CNY.
- percent and percentage point are different units; a percentage point is never a percent.
- one base unit per physical kind: mass `t`, energy `kWh`, power `kW`, length `km`, area `m2`,
  volume `m3`, data `TB`, bitrate `Gbps`, frequency `GHz`, computing power `EFLOPS` (the unit
  Chinese computing-power statistics report in; PFLOPS/TFLOPS/GFLOPS/FLOPS convert to it); `tce` (tonnes of standard coal
  equivalent, common in Chinese energy statistics) is its own code, not converted to kWh.
- `count` is the unit of counted things; the counted noun travels in `Quantity.counted`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = (
    "currency",
    "ratio",
    "count",
    "multiplier",
    "mass",
    "energy",
    "power",
    "length",
    "area",
    "volume",
    "data",
    "bitrate",
    "frequency",
    "temperature",
    "computing",
)


@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    kind: str
    # surface forms written AFTER the number (`yuan`, `tonnes`, `%`); matched case-insensitively
    # unless listed in `suffix_cs` (case-sensitive: `t`, `GW`, `MB` ...)
    suffixes: tuple[str, ...] = ()
    suffix_cs: tuple[str, ...] = ()
    # surface forms written BEFORE the number (`$`, `US$`, `CNY`), case-sensitive
    prefixes: tuple[str, ...] = ()
    base: str = ""  # code of the base unit (itself when empty)
    factor: float = 1.0  # value in `base` = value * factor
    aliases: tuple[str, ...] = field(default_factory=tuple)  # other names (e.g. RT "Dollar")

    @property
    def base_code(self) -> str:
        return self.base or self.code


def _u(code, name, kind, suffixes=(), suffix_cs=(), prefixes=(), base="", factor=1.0, aliases=()):
    return Unit(
        code,
        name,
        kind,
        tuple(suffixes),
        tuple(suffix_cs),
        tuple(prefixes),
        base,
        factor,
        tuple(aliases),
    )


UNITS: tuple[Unit, ...] = (
    # ---- money (ISO 4217) -------------------------------------------------------------------
    _u(
        "CNY",
        "Chinese yuan",
        "currency",
        ["yuan", "yuan renminbi", "renminbi", "RMB", "CNY", "Chinese yuan", "元", "rmb yuan"],
        prefixes=["CNY", "RMB", "Rmb", "rmb", "¥", "￥", "CN¥", "RMB¥"],
        aliases=["Chinese yuan"],
    ),
    _u(
        "USD",
        "US dollar",
        "currency",
        [
            "US dollars",
            "US dollar",
            "U.S. dollars",
            "U.S. dollar",
            "USD",
            "dollars",
            "dollar",
            "American dollars",
            "United States dollars",
        ],
        suffix_cs=["$"],
        prefixes=["US$", "U.S.$", "USD", "usd", "US $", "U.S. $", "u.s $", "us $", "$"],
        aliases=["Dollar", "United States dollar"],
    ),
    _u(
        "USD_CENT",
        "US cent",
        "currency",
        ["cents", "cent"],
        base="USD",
        factor=0.01,
        aliases=["Cent"],
    ),
    _u(
        "EUR",
        "euro",
        "currency",
        ["euros", "euro", "EUR"],
        suffix_cs=["€"],
        prefixes=["€", "EUR"],
        aliases=["Euro"],
    ),
    _u(
        "JPY",
        "Japanese yen",
        "currency",
        ["yen", "JPY", "Japanese yen"],
        prefixes=["JPY", "JP¥"],
        aliases=["Japanese yen"],
    ),
    _u(
        "GBP",
        "pound sterling",
        "currency",
        [
            "pounds sterling",
            "pound sterling",
            "British pounds",
            "British pound",
            "GBP",
            "pounds",
            "pound",
            "sterling",
        ],
        prefixes=["£", "GBP"],
        aliases=["Pound", "British pound"],
    ),
    _u(
        "GBP_PENCE",
        "penny",
        "currency",
        ["pence", "penny", "pennies"],
        base="GBP",
        factor=0.01,
        aliases=["Pence", "Penny"],
    ),
    _u(
        "HKD",
        "Hong Kong dollar",
        "currency",
        ["Hong Kong dollars", "Hong Kong dollar", "HK dollars", "HKD"],
        prefixes=["HK$", "HK $", "hk $", "HKD"],
        aliases=["Hong Kong dollar"],
    ),
    _u(
        "TWD",
        "New Taiwan dollar",
        "currency",
        ["New Taiwan dollars", "Taiwan dollars", "TWD"],
        prefixes=["NT$", "TWD"],
    ),
    _u(
        "CAD",
        "Canadian dollar",
        "currency",
        ["Canadian dollars", "Canadian dollar", "CAD"],
        prefixes=["C$", "CA$", "c $", "C $", "CAD"],
        aliases=["Canadian dollar"],
    ),
    _u(
        "AUD",
        "Australian dollar",
        "currency",
        ["Australian dollars", "Australian dollar", "AUD"],
        prefixes=["A$", "AU$", "AUD"],
        aliases=["Australian dollar"],
    ),
    _u(
        "NZD",
        "New Zealand dollar",
        "currency",
        ["New Zealand dollars", "NZD"],
        prefixes=["NZ$", "NZD"],
        aliases=["New Zealand dollar"],
    ),
    _u("SGD", "Singapore dollar", "currency", ["Singapore dollars", "SGD"], prefixes=["S$", "SGD"]),
    _u(
        "CHF",
        "Swiss franc",
        "currency",
        ["Swiss francs", "Swiss franc", "CHF"],
        prefixes=["CHF"],
        aliases=["Swiss franc"],
    ),
    _u("KRW", "South Korean won", "currency", ["won", "Korean won", "KRW"], prefixes=["₩", "KRW"]),
    _u(
        "INR",
        "Indian rupee",
        "currency",
        ["rupees", "rupee", "INR"],
        prefixes=["₹", "Rs.", "Rs", "INR"],
        aliases=["Rupee"],
    ),
    _u("RUB", "Russian ruble", "currency", ["rubles", "roubles", "RUB"], prefixes=["₽", "RUB"]),
    _u(
        "MXN",
        "Mexican peso",
        "currency",
        ["Mexican pesos", "MXN"],
        prefixes=["Mex$", "MXN"],
        aliases=["Mexican peso"],
    ),
    _u(
        "TRY",
        "Turkish lira",
        "currency",
        ["Turkish lira", "Turkish liras", "TRY"],
        prefixes=["₺"],
        aliases=["Turkish lira"],
    ),
    _u("BRL", "Brazilian real", "currency", ["reais", "Brazilian reals", "BRL"], prefixes=["R$"]),
    _u("VND", "Vietnamese dong", "currency", ["dong", "VND"], prefixes=["₫"]),
    _u(
        "CRC",
        "Costa Rican colón",
        "currency",
        ["colones"],
        suffix_cs=["₡"],
        aliases=["Costa Rican colón"],
    ),
    _u("GEL", "Georgian lari", "currency", ["lari"], suffix_cs=["₾"], aliases=["Georgian lari"]),
    _u("LAK", "Lao kip", "currency", ["kip"], suffix_cs=["₭"], aliases=["Lao kip"]),
    # ---- ratios -----------------------------------------------------------------------------
    _u(
        "percent",
        "percent",
        "ratio",
        ["percent", "per cent", "percents", "percentage", "pct"],
        suffix_cs=["%", "％"],
    ),
    _u(
        "percentage_point",
        "percentage point",
        "ratio",
        [
            "percentage points",
            "percentage point",
            "percent points",
            "percent point",
            "pp",
            "ppt",
            "ppts",
        ],
    ),
    _u(
        "basis_point",
        "basis point",
        "ratio",
        ["basis points", "basis point", "bps", "bp"],
        base="percentage_point",
        factor=0.01,
    ),
    _u("times", "times (multiplier)", "multiplier", ["times", "fold", "-fold"]),
    # ---- mass -------------------------------------------------------------------------------
    _u(
        "t",
        "tonne",
        "mass",
        ["tonnes", "tonne", "metric tons", "metric ton", "tons", "ton"],
        suffix_cs=["t"],
    ),
    _u(
        "kt",
        "kilotonne",
        "mass",
        ["kilotonnes", "kilotons"],
        suffix_cs=["kt"],
        base="t",
        factor=1e3,
    ),
    _u(
        "Mt",
        "megatonne",
        "mass",
        ["megatonnes", "megatons"],
        suffix_cs=["Mt"],
        base="t",
        factor=1e6,
    ),
    _u(
        "kg",
        "kilogram",
        "mass",
        ["kilograms", "kilogrammes", "kilogram", "kilos"],
        suffix_cs=["kg"],
        base="t",
        factor=1e-3,
    ),
    _u("g", "gram", "mass", ["grams", "grammes", "gram"], suffix_cs=["g"], base="t", factor=1e-6),
    _u(
        "tce",
        "tonne of standard coal equivalent",
        "energy",
        [
            "tonnes of standard coal equivalent",
            "tons of standard coal equivalent",
            "tonnes of standard coal",
            "tons of standard coal",
            "tonnes of coal equivalent",
            "tons of coal equivalent",
        ],
        suffix_cs=["tce"],
    ),
    # ---- energy -----------------------------------------------------------------------------
    _u(
        "kWh",
        "kilowatt-hour",
        "energy",
        ["kilowatt-hours", "kilowatt hours", "kilowatt-hour", "kilowatt hour", "kwh"],
        suffix_cs=["kWh", "KWh"],
    ),
    _u(
        "Wh",
        "watt-hour",
        "energy",
        ["watt-hours", "watt hours"],
        suffix_cs=["Wh"],
        base="kWh",
        factor=1e-3,
    ),
    _u(
        "MWh",
        "megawatt-hour",
        "energy",
        ["megawatt-hours", "megawatt hours"],
        suffix_cs=["MWh"],
        base="kWh",
        factor=1e3,
    ),
    _u(
        "GWh",
        "gigawatt-hour",
        "energy",
        ["gigawatt-hours", "gigawatt hours"],
        suffix_cs=["GWh"],
        base="kWh",
        factor=1e6,
    ),
    _u(
        "TWh",
        "terawatt-hour",
        "energy",
        ["terawatt-hours", "terawatt hours"],
        suffix_cs=["TWh"],
        base="kWh",
        factor=1e9,
    ),
    # ---- power ------------------------------------------------------------------------------
    _u("kW", "kilowatt", "power", ["kilowatts", "kilowatt"], suffix_cs=["kW", "KW"]),
    _u("W", "watt", "power", ["watts"], suffix_cs=["W"], base="kW", factor=1e-3),
    _u(
        "MW",
        "megawatt",
        "power",
        ["megawatts", "megawatt"],
        suffix_cs=["MW"],
        base="kW",
        factor=1e3,
    ),
    _u(
        "GW",
        "gigawatt",
        "power",
        ["gigawatts", "gigawatt"],
        suffix_cs=["GW"],
        base="kW",
        factor=1e6,
    ),
    _u("TW", "terawatt", "power", ["terawatts"], suffix_cs=["TW"], base="kW", factor=1e9),
    # ---- length -----------------------------------------------------------------------------
    _u(
        "km",
        "kilometre",
        "length",
        ["kilometres", "kilometers", "kilometre", "kilometer"],
        suffix_cs=["km"],
    ),
    _u("m", "metre", "length", ["metres", "meters", "metre", "meter"], base="km", factor=1e-3),
    _u(
        "cm",
        "centimetre",
        "length",
        ["centimetres", "centimeters"],
        suffix_cs=["cm"],
        base="km",
        factor=1e-5,
    ),
    _u(
        "mm",
        "millimetre",
        "length",
        ["millimetres", "millimeters"],
        suffix_cs=["mm"],
        base="km",
        factor=1e-6,
    ),
    _u(
        "nm",
        "nanometre",
        "length",
        ["nanometres", "nanometers"],
        suffix_cs=["nm"],
        base="km",
        factor=1e-12,
    ),
    _u("mi", "mile", "length", ["miles", "mile"], suffix_cs=["mi"], base="km", factor=1.609344),
    # ---- area -------------------------------------------------------------------------------
    _u(
        "m2",
        "square metre",
        "area",
        ["square metres", "square meters", "square metre", "square meter", "sq m", "sqm"],
        suffix_cs=["m2", "m²"],
    ),
    _u(
        "km2",
        "square kilometre",
        "area",
        ["square kilometres", "square kilometers", "square kilometre", "square kilometer", "sq km"],
        suffix_cs=["km2", "km²"],
        base="m2",
        factor=1e6,
    ),
    _u("ha", "hectare", "area", ["hectares", "hectare"], suffix_cs=["ha"], base="m2", factor=1e4),
    _u("mu", "mu (Chinese land unit)", "area", ["mu"], base="m2", factor=2000 / 3),
    # ---- volume -----------------------------------------------------------------------------
    _u(
        "m3",
        "cubic metre",
        "volume",
        ["cubic metres", "cubic meters", "cubic metre", "cubic meter"],
        suffix_cs=["m3", "m³"],
    ),
    _u(
        "L",
        "litre",
        "volume",
        ["litres", "liters", "litre", "liter"],
        suffix_cs=["L"],
        base="m3",
        factor=1e-3,
    ),
    _u(
        "mL",
        "millilitre",
        "volume",
        ["millilitres", "milliliters"],
        suffix_cs=["ml", "mL"],
        base="m3",
        factor=1e-6,
    ),
    _u("bbl", "barrel", "volume", ["barrels"], suffix_cs=["bbl"], base="m3", factor=0.158987),
    # ---- data -------------------------------------------------------------------------------
    _u("TB", "terabyte", "data", ["terabytes", "terabyte"], suffix_cs=["TB"]),
    _u(
        "GB",
        "gigabyte",
        "data",
        ["gigabytes", "gigabyte"],
        suffix_cs=["GB"],
        base="TB",
        factor=1e-3,
    ),
    _u(
        "MB",
        "megabyte",
        "data",
        ["megabytes", "megabyte"],
        suffix_cs=["MB"],
        base="TB",
        factor=1e-6,
    ),
    _u(
        "PB", "petabyte", "data", ["petabytes", "petabyte"], suffix_cs=["PB"], base="TB", factor=1e3
    ),
    _u("EB", "exabyte", "data", ["exabytes", "exabyte"], suffix_cs=["EB"], base="TB", factor=1e6),
    _u(
        "ZB",
        "zettabyte",
        "data",
        ["zettabytes", "zettabyte"],
        suffix_cs=["ZB"],
        base="TB",
        factor=1e9,
    ),
    # ---- bitrate ----------------------------------------------------------------------------
    _u(
        "Gbps",
        "gigabit per second",
        "bitrate",
        ["gigabits per second", "gigabit per second"],
        suffix_cs=["Gbps", "Gbit/s", "Gb/s"],
    ),
    _u(
        "Mbps",
        "megabit per second",
        "bitrate",
        ["megabits per second", "megabit per second"],
        suffix_cs=["Mbps", "Mbit/s", "Mb/s"],
        base="Gbps",
        factor=1e-3,
    ),
    _u(
        "Tbps",
        "terabit per second",
        "bitrate",
        ["terabits per second"],
        suffix_cs=["Tbps", "Tbit/s", "Tb/s"],
        base="Gbps",
        factor=1e3,
    ),
    # ---- frequency / temperature ------------------------------------------------------------
    _u("GHz", "gigahertz", "frequency", ["gigahertz"], suffix_cs=["GHz"]),
    _u("MHz", "megahertz", "frequency", ["megahertz"], suffix_cs=["MHz"], base="GHz", factor=1e-3),
    # ---- computing power (floating-point operations per second) ----------------------------
    # base EFLOPS: national computing-power statistics are reported in EFLOPS (`180 EFLOPS`)
    _u(
        "EFLOPS",
        "exaFLOPS",
        "computing",
        ["EFLOPS", "exaflops", "EFLOP/s", "exaFLOP/s"],
    ),
    _u(
        "PFLOPS",
        "petaFLOPS",
        "computing",
        ["PFLOPS", "petaflops", "PFLOP/s", "petaFLOP/s"],
        base="EFLOPS",
        factor=1e-3,
    ),
    _u(
        "TFLOPS",
        "teraFLOPS",
        "computing",
        ["TFLOPS", "teraflops", "TFLOP/s", "teraFLOP/s"],
        base="EFLOPS",
        factor=1e-6,
    ),
    _u(
        "GFLOPS",
        "gigaFLOPS",
        "computing",
        ["GFLOPS", "gigaflops", "GFLOP/s", "gigaFLOP/s"],
        base="EFLOPS",
        factor=1e-9,
    ),
    _u("FLOPS", "FLOPS", "computing", suffix_cs=["FLOPS", "FLOP/s"], base="EFLOPS", factor=1e-18),
    _u(
        "degC",
        "degree Celsius",
        "temperature",
        ["degrees Celsius", "degree Celsius", "degrees centigrade"],
        suffix_cs=["°C", "℃"],
    ),
)

# Non-unit codes stored on quantities
COUNT = "count"

BY_CODE: dict[str, Unit] = {u.code: u for u in UNITS}
# the codes that can appear on a Quantity / claim after normalisation (base codes + count)
STORED_CODES: frozenset[str] = frozenset({u.base_code for u in UNITS} | {COUNT})
CURRENCY_CODES: frozenset[str] = frozenset(u.base_code for u in UNITS if u.kind == "currency")


def normalise(value: float, code: str) -> tuple[float, str]:
    """Convert `value` in unit `code` to its kind's base unit: (12, "MW") -> (12000.0, "kW")."""
    unit = BY_CODE.get(code)
    if unit is None or not unit.base:
        return value, code
    # 15 significant digits: 20 TFLOPS -> 2e-05 EFLOPS, not 1.9999999999999998e-05
    return float(f"{value * unit.factor:.15g}"), unit.base


def kind_of(code: str | None) -> str | None:
    if code is None:
        return None
    if code == COUNT:
        return "count"
    unit = BY_CODE.get(code)
    return unit.kind if unit else None
