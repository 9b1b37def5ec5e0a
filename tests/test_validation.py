"""Validation rules on small made-up claims frames (not the seeds)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from pipeline.lib.validation import rules as v

UNITS = {"CNY", "USD", "percent", "percentage_point", "count", "t"}


def claim(**kw) -> dict:
    row = {
        "article_file": "a.txt",
        "char_start": 0,
        "char_end": 10,
        "quote": "4.10 trillion yuan",
        "value": 4.1e12,
        "unit": "CNY",
        "counted": None,
        "bound": "exact",
        "period_start": 2021,
        "period_end": 2021,
        "status": "actual",
        "indicator": "iip_added_value",
        "source": None,
        "sentence": "",
    }
    row.update(kw)
    return row


def frame(*rows: dict) -> pd.DataFrame:
    df = pd.DataFrame([dict(r, claim_id=r.get("claim_id", f"c{i}")) for i, r in enumerate(rows)])
    for col in ("period_start", "period_end"):
        df[col] = df[col].astype("Int64")
    return df


ARTICLES = pd.DataFrame(
    {
        "article_file": ["a.txt", "jan.txt", "undated.txt"],
        "published_date": pd.to_datetime(["2022-11-07", "2022-02-10", None]),
        "outlet": ["X", "Y", None],
        "title": ["", "", ""],
        "syndication_group": ["a.txt", "jan.txt", "undated.txt"],
    }
)


def failed_rules(row: dict, units=UNITS, articles=ARTICLES) -> set[str]:
    _, q = v.split_valid(frame(row), articles, valid_units=units)
    return set(q["rule"])


def test_good_claim_passes_every_rule():
    valid, q = v.split_valid(frame(claim()), ARTICLES, valid_units=UNITS)
    assert len(valid) == 1 and q.empty
    assert list(q.columns)[-2:] == ["rule", "reason"]


def test_value_finite():
    assert "value_finite" in failed_rules(claim(value=math.nan))
    assert "value_finite" in failed_rules(claim(value=math.inf))


def test_unit_vocabulary():
    assert failed_rules(claim(unit="yuan", indicator="unclassified")) == {"unit_vocabulary"}
    assert "unit_vocabulary" in failed_rules(claim(unit=None, indicator="unclassified"))


def test_unit_vocabulary_defaults_to_something():
    ctx = v._context(None)
    assert {"CNY", "percent", "count"} <= set(ctx.valid_units)


def test_bound_and_status_vocabularies():
    assert failed_rules(claim(bound="roughly")) == {"bound_vocabulary"}
    assert failed_rules(claim(status="projected")) == {"status_vocabulary"}


def test_indicator_known_and_unit():
    assert failed_rules(claim(indicator="no_such_indicator")) == {"indicator_known"}
    assert failed_rules(claim(unit="USD")) == {"indicator_unit"}
    # unclassified claims are exempt from the indicator-unit rule
    assert failed_rules(claim(unit="USD", indicator="unclassified")) == set()


def test_period_plausible():
    assert failed_rules(claim(period_start=1900, period_end=1900)) == {"period_plausible"}
    assert failed_rules(claim(period_start=2101, period_end=2101, status="target")) == {
        "period_plausible"
    }
    assert failed_rules(claim(period_start=2021, period_end=2019)) == {"period_plausible"}
    assert failed_rules(claim(period_start=2021, period_end=None)) == {"period_plausible"}
    assert failed_rules(claim(period_start=None, period_end=None)) == set()


def test_period_after_publication():
    assert failed_rules(claim(period_start=2023, period_end=2023)) == {"period_after_publication"}
    assert failed_rules(claim(period_start=2023, period_end=2023, status="estimate")) == {
        "period_after_publication"
    }
    assert failed_rules(claim(period_start=2023, period_end=2023, status="forecast")) == set()
    assert failed_rules(claim(period_start=2025, period_end=2025, status="target")) == set()
    assert failed_rules(claim(period_start=2022, period_end=2022)) == set()
    # unknown publication date: not checked
    assert failed_rules(claim(article_file="undated.txt", period_start=2030, period_end=2030)) == (
        set()
    )


def test_forecast_for_past_period():
    # published 2022-11: a forecast for 2020 is suspicious; a target for 2020 is allowed
    assert failed_rules(claim(period_start=2020, period_end=2020, status="forecast")) == {
        "forecast_for_past_period"
    }
    assert failed_rules(claim(period_start=2020, period_end=2020, status="target")) == set()
    # grace: published February 2022, a forecast/estimate of 2021 is allowed
    ok = claim(article_file="jan.txt", period_start=2021, period_end=2021, status="forecast")
    assert failed_rules(ok) == set()
    old = claim(article_file="jan.txt", period_start=2020, period_end=2020, status="forecast")
    assert failed_rules(old) == {"forecast_for_past_period"}


def test_share_in_range():
    share = dict(indicator="iip_added_value_gdp_share", unit="percent", quote="x")
    assert failed_rules(claim(value=3.58, **share)) == set()
    assert failed_rules(claim(value=358.0, **share)) == {"share_in_range"}
    assert failed_rules(claim(value=-1.0, **share)) == {"share_in_range"}


def test_growth_rate_in_range():
    growth = dict(indicator="iip_added_value_nominal_growth", unit="percent")
    assert failed_rules(claim(value=14.53, **growth)) == set()
    assert failed_rules(claim(value=-100.5, **growth)) == {"growth_rate_in_range"}
    assert failed_rules(claim(value=1453.0, **growth)) == {"growth_rate_in_range"}
    change = dict(indicator="iip_sme_penetration_change", unit="percentage_point")
    assert failed_rules(claim(value=-5.0, **change)) == set()
    assert failed_rules(claim(value=150.0, **change)) == {"growth_rate_in_range"}


def test_level_positive():
    assert failed_rules(claim(value=0.0)) == {"level_positive"}
    count = dict(indicator="iip_platforms_influential", unit="count", counted="platforms")
    assert failed_rules(claim(value=-3.0, **count)) == {"level_positive"}
    assert failed_rules(claim(value=-3.0, unit="count", indicator="unclassified")) == {
        "level_positive"
    }


def test_quarantine_one_row_per_broken_rule_and_nothing_lost():
    bad = claim(claim_id="bad", unit="USD", value=-1.0, status="actual", period_start=2030,
                period_end=2030)  # fmt: skip
    df = frame(claim(claim_id="good"), bad, claim(claim_id="good2", value=4.0e12, bound="lower"))
    res = v.validate(df, ARTICLES, valid_units=UNITS)
    assert list(res.valid["claim_id"]) == ["good", "good2"]
    assert set(res.quarantine["rule"]) == {
        "indicator_unit",
        "level_positive",
        "period_after_publication",
    }
    assert (res.quarantine["claim_id"] == "bad").all()
    assert set(res.valid["claim_id"]) | set(res.quarantine["claim_id"]) == set(df["claim_id"])
    assert res.quarantine["reason"].str.len().min() > 10
    # the claims columns come through unchanged
    assert list(res.quarantine.columns) == list(df.columns) + ["rule", "reason"]


def test_summary_per_rule():
    df = frame(claim(), claim(value=0.0), claim(unit="yuan", indicator="unclassified"))
    s = v.rule_summary(df, ARTICLES, valid_units=UNITS)
    assert list(s.columns) == list(v.SUMMARY_COLUMNS)
    assert list(s["rule"]) == [r.id for r in v.RULES]
    row = s.set_index("rule").loc["level_positive"]
    assert row["n_checked"] == 2 and row["n_failed"] == 1  # the 'yuan' claim is not a level
    assert "c1:" in row["examples"]
    assert s.set_index("rule").loc["unit_vocabulary", "n_failed"] == 1
    assert str(s["n_failed"].dtype) == "int64"


def test_empty_input():
    df = frame(claim()).iloc[0:0]
    valid, q = v.split_valid(df, ARTICLES, valid_units=UNITS)
    assert valid.empty and q.empty and "rule" in q.columns


def test_articles_optional():
    valid, q = v.split_valid(frame(claim(period_start=2030, period_end=2030)), None, UNITS)
    assert len(valid) == 1 and q.empty


@pytest.mark.parametrize("rule", v.RULES, ids=lambda r: r.id)
def test_rules_are_documented(rule):
    assert rule.id and rule.description.endswith(".")
