"""Conformance of the quantity extractor with public test cases.

Runs the Recognizers-Text English NumberModel, PercentModel and CurrencyModel specs (and
quantulum3's quantity cases, as a report only) from tests/data/conformance (copied from ../shared/conformance) through
`extract()`, prints a pass-rate table per file and asserts >= 90% on the three English files.

Comparison rules
- A case passes when the multiset of expected values equals the multiset of values extracted,
  compared with relative tolerance 1e-6 (spans and surface text are not compared).
- NumberModel: every Quantity counts, whatever its unit (`$20` -> 20), value as stored; the
  spec's expected "value" strings are parsed as floats.
- PercentModel: Quantities with unit `percent`; expected "100%" -> 100.
- CurrencyModel: Quantities whose unit is a currency, compared as (ISO code, value). RT unit
  names map to ISO codes (Dollar/United States dollar -> USD, Pound/British pound -> GBP,
  Euro -> EUR, Chinese yuan -> CNY, Japanese yen -> JPY, ...); Cent -> USD x 0.01 and
  Pence/Penny -> GBP x 0.01 because the extractor stores sub-units in the main currency.
  Expected results without a value (a bare currency word such as "dollar") are not compared.
- quantulum3: (value, unit kind) of each expected quantity against ours, only reported.
- Cases we deliberately do not support are listed in tests/conformance_unsupported.json with a
  reason each (e.g. "fraction words", "exponent notation", "obsolete currency"); only those are
  removed from the denominator. The spec's own NotSupported flag is NOT used automatically.
"""

from __future__ import annotations

import json
import math
import pathlib
from collections import Counter

import pytest

from pipeline.lib.quantities import extract
from pipeline.metadata.units import CURRENCY_CODES

ROOT = pathlib.Path(__file__).resolve().parent / "data" / "conformance"
UNSUPPORTED_FILE = pathlib.Path(__file__).with_name("conformance_unsupported.json")
RT = ROOT / "recognizers-text"
FILES = {
    "Number/English/NumberModel.json": "number",
    "Number/English/PercentModel.json": "percent",
    "NumberWithUnit/English/CurrencyModel.json": "currency",
}
TARGET = 0.90

RT_CURRENCY = {
    "Dollar": ("USD", 1.0), "United States dollar": ("USD", 1.0), "Cent": ("USD", 0.01),
    "Pound": ("GBP", 1.0), "British pound": ("GBP", 1.0), "Pence": ("GBP", 0.01),
    "Penny": ("GBP", 0.01), "Euro": ("EUR", 1.0), "Chinese yuan": ("CNY", 1.0),
    "Japanese yen": ("JPY", 1.0), "Canadian dollar": ("CAD", 1.0),
    "Australian dollar": ("AUD", 1.0), "Hong Kong dollar": ("HKD", 1.0),
    "New Zealand dollar": ("NZD", 1.0), "Swiss franc": ("CHF", 1.0), "Rupee": ("INR", 1.0),
    "Mexican peso": ("MXN", 1.0), "Turkish lira": ("TRY", 1.0),
    "Costa Rican colón": ("CRC", 1.0), "Georgian lari": ("GEL", 1.0), "Lao kip": ("LAK", 1.0),
}  # fmt: skip


def _close(a: list[float], b: list[float]) -> bool:
    if len(a) != len(b):
        return False
    return all(
        math.isclose(x, y, rel_tol=1e-6, abs_tol=1e-9)
        for x, y in zip(sorted(a), sorted(b), strict=True)
    )


def _case_ok(kind: str, case: dict) -> bool:
    quantities = extract(case["Input"]).quantities
    if kind == "number":
        want = [float(r["Resolution"]["value"]) for r in case["Results"]]
        return _close(want, [q.value for q in quantities])
    if kind == "percent":
        want = [
            float(r["Resolution"]["value"].rstrip("%"))
            for r in case["Results"]
            if r["Resolution"].get("value") not in (None, "null")
        ]
        return _close(want, [q.value for q in quantities if q.unit == "percent"])
    want: Counter = Counter()
    got: Counter = Counter()
    for r in case["Results"]:
        res = r["Resolution"]
        if res.get("value") is None:
            continue
        code, factor = RT_CURRENCY.get(res.get("unit"), (res.get("unit"), 1.0))
        want[(code, round(float(res["value"]) * factor, 6))] += 1
    for q in quantities:
        if q.unit in CURRENCY_CODES:
            got[(q.unit, round(q.value, 6))] += 1
    return want == got


def _unsupported() -> dict[str, dict[str, str]]:
    data = json.loads(UNSUPPORTED_FILE.read_text(encoding="utf-8"))
    out: dict[str, dict[str, str]] = {}
    for item in data["cases"]:
        assert item.get("reason"), f"unsupported case without a reason: {item}"
        out.setdefault(item["file"], {})[item["input"]] = item["reason"]
    return out


def run_file(rel: str) -> dict:
    kind = FILES[rel]
    cases = json.loads((RT / rel).read_text(encoding="utf-8"))
    skip = _unsupported().get(rel, {})
    passed, failed, skipped = 0, [], 0
    for case in cases:
        if case["Input"] in skip:
            skipped += 1
            continue
        if _case_ok(kind, case):
            passed += 1
        else:
            failed.append(case["Input"])
    total = len(cases) - skipped
    return {
        "file": rel,
        "cases": len(cases),
        "unsupported": skipped,
        "passed": passed,
        "rate": passed / total if total else 1.0,
        "failed": failed,
    }


_RESULTS: dict[str, dict] = {}


@pytest.fixture(scope="session")
def conformance_summary():
    yield _RESULTS
    if _RESULTS:
        print("\n\nconformance (cases listed as unsupported are outside the denominator)")
        print(f"{'file':<48} {'cases':>6} {'unsup':>6} {'passed':>7} {'rate':>7}")
        for r in _RESULTS.values():
            print(
                f"{r['file']:<48} {r['cases']:>6} {r['unsupported']:>6} {r['passed']:>7}"
                f" {r['rate']:>7.1%}"
            )


@pytest.mark.parametrize("rel", list(FILES))
def test_recognizers_text_english(rel, conformance_summary):
    if not (RT / rel).exists():
        pytest.skip("conformance files not available")
    result = run_file(rel)
    conformance_summary[rel] = result
    assert result["rate"] >= TARGET, (result["rate"], result["failed"][:20])


def test_quantulum3_report(conformance_summary):
    """quantulum3's cases: reported, not asserted (its unit catalogue is much wider: physics)."""
    path = ROOT / "quantulum3" / "quantities.json"
    if not path.exists():
        pytest.skip("conformance files not available")
    cases = json.loads(path.read_text(encoding="utf-8"))
    passed = 0
    for case in cases:
        want = sorted(float(r["value"]) for r in case["res"] if r.get("unit") != "dimensionless")
        got = sorted(
            q.value
            for q in extract(case["req"]).quantities
            if q.unit is not None and q.unit != "count"
        )
        passed += _close(want, got)
    conformance_summary["quantulum3/quantities.json"] = {
        "file": "quantulum3/quantities.json (values, unit-bearing)",
        "cases": len(cases),
        "unsupported": 0,
        "passed": passed,
        "rate": passed / len(cases),
    }
