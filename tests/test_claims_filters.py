"""What the claims layer leaves out as not a statistic."""

import datetime as dt

from pipeline.lib.claims import extract_claims


def test_a_large_count_of_times_is_a_statistic():
    text = "The identification system handled a resolution volume of 420 billion times in 2023."
    claims = extract_claims(text, dt.date(2024, 2, 1))
    assert [(c.value, c.unit, c.counted) for c in claims] == [(4.2e11, "count", "times")]


def test_durations_are_not_statistics():
    claims = extract_claims("Over the past five years, output grew 12 percent.", None)
    assert [(c.value, c.unit) for c in claims] == [(12.0, "percent")]


def test_a_regional_figure_keeps_the_unit_its_indicator_implies_but_stays_unclassified():
    text = "In Zhejiang province, connected industrial equipment exceeded 9.5 million in 2023."
    [claim] = extract_claims(text, dt.date(2024, 3, 1))
    assert (claim.value, claim.unit, claim.bound) == (9.5e6, "count", "lower")
    assert claim.indicator == "unclassified"
    assert claim.period_start == 2023
