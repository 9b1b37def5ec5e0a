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
