"""Currency conversions in brackets and computing-power units in the claims layer."""

from __future__ import annotations

import pytest
from claims_helpers import claims, find


@pytest.mark.parametrize(
    "text, quote, value",
    [
        (
            "The added value of the industrial Internet industry reached 1.2 trillion yuan "
            "($168 billion) in 2022.",
            "1.2 trillion yuan",
            1.2e12,
        ),
        (
            "The scale of the industrial Internet industry reached CNY1.2 trillion (USD170 billion) "
            "in 2022.",
            "CNY1.2 trillion",
            1.2e12,
        ),
        (
            "The city set up an industrial Internet fund of 5 billion yuan (about 700 million U.S. "
            "dollars).",
            "5 billion yuan",
            5e9,
        ),
    ],
)
def test_bracketed_conversion_is_dropped(text, quote, value):
    got = claims(text)
    assert [(c.quote, c.value, c.unit) for c in got] == [(quote, value, "CNY")]


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
