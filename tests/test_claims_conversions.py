"""Currency conversions in brackets (kept as unclassified claims with the period and status of
the amount they convert) and computing-power units in the claims layer."""

from __future__ import annotations

import pytest
from claims_helpers import claims, find


@pytest.mark.parametrize(
    "text, quote, value, conv_quote, conv_value",
    [
        (
            "The added value of the industrial Internet industry reached 1.2 trillion yuan "
            "($168 billion) in 2022.",
            "1.2 trillion yuan",
            1.2e12,
            "$168 billion",
            1.68e11,
        ),
        (
            "The scale of the industrial Internet industry reached CNY1.2 trillion (USD170 billion) "
            "in 2022.",
            "CNY1.2 trillion",
            1.2e12,
            "USD170 billion",
            1.7e11,
        ),
    ],
)
def test_bracketed_conversion_is_kept_as_unclassified_claim(
    text, quote, value, conv_quote, conv_value
):
    got = claims(text, "2023-03-01")
    assert [(c.quote, c.unit) for c in got] == [(quote, "CNY"), (conv_quote, "USD")]
    orig, conv = got
    assert orig.value == pytest.approx(value) and conv.value == pytest.approx(conv_value)
    assert orig.indicator != "unclassified"
    assert conv.indicator == "unclassified"
    assert (
        (conv.period_start, conv.period_end, conv.status, conv.period_basis)
        == (
            orig.period_start,
            orig.period_end,
            orig.status,
            orig.period_basis,
        )
        == (2022, 2022, "actual", "explicit_year")
    )
    assert conv.noun_phrase == f"conversion of {quote}"


def test_conversion_takes_the_status_of_the_original():
    text = (
        "The company expects its cloud revenue to reach 80 billion yuan (about 11 billion U.S. "
        "dollars) in 2026."
    )
    orig = find(text, "80 billion", "2024-02-01")
    conv = find(text, "11 billion", "2024-02-01")
    assert (orig.status, orig.period_start) == ("forecast", 2026)
    assert (conv.status, conv.period_start, conv.unit) == ("forecast", 2026, "USD")
    assert conv.noun_phrase == "conversion of 80 billion yuan"


def test_conversion_with_approx_word_does_not_make_the_original_an_estimate():
    # `about` belongs to the conversion: the yuan figure stays actual for the year just ended
    text = (
        "In 2023, the province's software revenue reached 1.5 trillion yuan (about $210 billion)."
    )
    orig = find(text, "1.5 trillion", "2024-01-20")
    conv = find(text, "210 billion", "2024-01-20")
    assert orig.status == "actual"
    assert conv.status == "actual" and conv.bound == "approx"


def test_same_currency_in_brackets_is_kept():
    text = "Software revenue was 5 billion yuan (1.2 billion yuan of it from exports) in 2021."
    assert [c.quote for c in claims(text)] == ["5 billion yuan", "1.2 billion yuan"]


def test_second_amount_without_brackets_is_kept():
    text = "Revenue reached 30 billion yuan in 2021, and overseas sales were $4.2 billion."
    assert [c.unit for c in claims(text)] == ["CNY", "USD"]


@pytest.mark.parametrize(
    "text, needle, value",
    [
        ("China's total computing power reached 180 EFLOPS in 2022.", "180 EFLOPS", 180.0),
        ("The total computing power of the region exceeded 500 petaflops.", "500 petaflops", 0.5),
        ("Total computing power reached 2,600 PFLOPS by June.", "2,600 PFLOPS", 2.6),
    ],
)
def test_computing_power_in_eflops(text, needle, value):
    c = find(text, needle)
    assert (c.unit, c.counted, c.indicator) == ("EFLOPS", None, "computing_power_total")
    assert c.value == pytest.approx(value)


# ---- implied counts and small counts (units.py / filters.py) -----------------------------------
def test_bare_number_after_number_of_is_a_count():
    text = "In 2023, the number of software enterprises in the province exceeded 41,000."
    c = find(text, "41,000", "2024-01-30")
    assert (c.unit, c.counted, c.value) == ("count", "enterprises", 41000.0)


def test_small_count_with_its_own_noun_is_kept_but_not_after_a_determiner():
    text = (
        "The region has put two disaster recovery centres into operation. Investment in the "
        "three data hubs was not disclosed."
    )
    quotes = [c.quote for c in claims(text, "2024-01-19")]
    assert any("two disaster recovery" in q for q in quotes)
    assert not any("three" in q for q in quotes)
