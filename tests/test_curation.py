"""Observations, series and findings on small made-up frames (not the seeds)."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from pipeline.lib.curation import findings as fnd
from pipeline.lib.curation import observations as cur
from pipeline.lib.curation.sql import install_macros
from pipeline.lib.reference.gdp import gdp_range, load_gdp_reference

AV = "iip_added_value"


def claim(claim_id, article_file, value, quote, **kw) -> dict:
    row = {
        "claim_id": claim_id,
        "article_file": article_file,
        "char_start": 0,
        "char_end": len(quote),
        "quote": quote,
        "value": value,
        "unit": "CNY",
        "counted": None,
        "bound": "exact",
        "period_start": 2021,
        "period_end": 2021,
        "status": "actual",
        "indicator": AV,
        "source": None,
        "sentence": quote,
    }
    row.update(kw)
    return row


def claims(*rows) -> pd.DataFrame:
    df = pd.DataFrame(list(rows))
    for col in ("period_start", "period_end"):
        df[col] = df[col].astype("Int64")
    return df


def articles(*rows) -> pd.DataFrame:
    """rows: (article_file, published, outlet, syndication_group or None)"""
    return pd.DataFrame(
        {
            "article_file": [r[0] for r in rows],
            "published_date": pd.to_datetime([r[1] for r in rows]),
            "outlet": [r[2] for r in rows],
            "title": ["t"] * len(rows),
            "syndication_group": [r[3] or r[0] for r in rows],
        }
    )


ARTS = articles(
    ("a.txt", "2022-03-01", "Xinhua", None),
    ("b.txt", "2022-06-01", "People's Daily", None),
    ("b_copy.txt", "2022-06-02", "Sohu", "b.txt"),
    ("c.txt", "2021-01-27", "Seetao", None),
    ("d.txt", "2023-05-01", "CAICT", None),
)


def check(obs: pd.DataFrame, name: str, gdp: pd.DataFrame | None = None) -> list[dict]:
    """The findings of one check, as records."""
    f = fnd.build_findings(obs, gdp)
    return f[f["check_name"] == name].to_dict("records")


def sql_value(expr: str, *params):
    con = duckdb.connect()
    install_macros(con)
    return con.execute(f"SELECT {expr}", list(params)).fetchall()[0][0]


def series_of(df: pd.DataFrame, arts: pd.DataFrame = ARTS) -> pd.DataFrame:
    obs, _ = cur.build_observations(df, arts)
    return cur.build_series(obs)


# ------------------------------------------------------------------------------------------
# helpers


@pytest.mark.parametrize(
    "quote,value,expected",
    [
        ("4.10 trillion yuan", 4.1e12, 1e10),
        ("4.1 trillion yuan", 4.1e12, 1e11),
        ("14.53%", 14.53, 0.01),
        ("about 3.1 trillion yuan", 3.1e12, 1e11),
        ("180,000 enterprises", 1.8e5, 1.0),
        ("4.45 trillion in 2022", 4.45e12, 1e10),
        ("one trillion yuan", 1e12, 1e12),
        ("2 ten-thousand", 2e4, 1e4),
    ],
)
def test_stated_resolution(quote, value, expected):
    got = sql_value("cur_stated_resolution(?::VARCHAR, ?::DOUBLE)", quote, value)
    assert got == pytest.approx(expected)


def test_intervals():
    df = claims(
        claim("c1", "a.txt", 4.1e12, "4.10 trillion"),
        claim("c2", "a.txt", 4e12, "more than 4 trillion", bound="lower"),
        claim("c3", "a.txt", 80.0, "up to 80", bound="upper", unit="percent",
              indicator="iip_added_value_gdp_share"),
        claim("c4", "a.txt", 180000.0, "about 180,000", bound="approx", unit="count",
              indicator="iip_enterprises_served"),
    )  # fmt: skip
    obs, _ = cur.build_observations(df, ARTS)
    iv = {r.bound: (r.value_low, r.value_high) for r in obs.itertuples()}
    assert iv["exact"] == pytest.approx((4.095e12, 4.105e12))
    assert iv["lower"][0] == 4e12 and pd.isna(iv["lower"][1])  # NULL = unbounded
    assert pd.isna(iv["upper"][0]) and iv["upper"][1] == 80
    lo, hi = iv["approx"]  # about: at least +-1%
    assert lo == pytest.approx(178200) and hi == pytest.approx(181800)


# ------------------------------------------------------------------------------------------
# observations


def test_same_figure_from_several_articles_is_one_observation():
    df = claims(
        claim("c1", "a.txt", 4.1e12, "4.1 trillion yuan"),
        claim("c2", "b.txt", 4.0999999999999995e12, "4.10 trillion yuan", source="CAICT"),
        claim("c3", "b_copy.txt", 4.1e12, "4.10 trillion yuan", source="CAICT"),
        claim("c4", "a.txt", 4.1e12, "4.1 trillion", bound="approx"),
    )
    obs, src = cur.build_observations(df, ARTS)
    assert len(obs) == 2  # exact and approx are different observations
    exact = obs[obs["bound"] == "exact"].iloc[0]
    assert exact["value"] == 4.1e12
    assert exact["n_claims"] == 3 and exact["n_articles"] == 3
    assert exact["n_sources"] == 2  # b_copy is a syndicated copy of b: counted once
    assert exact["n_syndicated_copies"] == 1
    assert exact["resolution"] == pytest.approx(1e11)  # coarsest stated precision
    assert exact["first_published"] == pd.Timestamp("2022-03-01")
    assert exact["last_published"] == pd.Timestamp("2022-06-02")
    assert "CAICT" in exact["cited_sources"]
    rows = src[src["observation_id"] == exact["observation_id"]].set_index("claim_id")
    assert set(rows.index) == {"c1", "c2", "c3"}  # every source is listed
    assert bool(rows.loc["c3", "is_syndicated_copy"]) and not rows.loc["c2", "is_syndicated_copy"]
    assert rows["counts_as_source"].sum() == 2
    assert rows.loc["c3", "outlet"] == "Sohu" and rows.loc["c2", "cited_source"] == "CAICT"


def test_observation_ids_are_deterministic_and_order_independent():
    df = claims(
        claim("c1", "a.txt", 4.1e12, "4.1 trillion yuan"),
        claim(
            "c2",
            "c.txt",
            3.1e12,
            "about 3.1 trillion",
            bound="approx",
            period_start=2020,
            period_end=2020,
            status="estimate",
        ),  # fmt: skip
    )
    obs1, _ = cur.build_observations(df, ARTS)
    obs2, _ = cur.build_observations(df.iloc[::-1], ARTS)
    assert list(obs1["observation_id"]) == list(obs2["observation_id"])
    assert obs1["observation_id"].str.match(r"^obs_[0-9a-f]{12}$").all()


def test_status_classes_and_periods_split_observations():
    df = claims(
        claim("c1", "a.txt", 4.1e12, "4.1 trillion"),
        claim("c2", "b.txt", 4.1e12, "4.1 trillion", status="estimate"),  # same class: reported
        claim("c3", "b.txt", 4.1e12, "4.1 trillion", status="forecast"),
        claim("c4", "b.txt", 4.1e12, "4.1 trillion", period_start=2022, period_end=2022),
    )
    obs, _ = cur.build_observations(df, ARTS)
    assert len(obs) == 3
    rep = obs[(obs["status_class"] == "reported") & (obs["period_end"] == 2021)].iloc[0]
    assert rep["status"] == "actual" and rep["n_sources"] == 2


def test_unclassified_claims_are_kept_and_keyed_by_counted_noun():
    u = dict(indicator="unclassified", unit="count", period_start=2022, period_end=2022)
    df = claims(
        claim("c1", "a.txt", 5000.0, "5,000 factories", counted="factories", **u),
        claim("c2", "b.txt", 5000.0, "5000 factories", counted="factories", **u),
        claim("c3", "b.txt", 5000.0, "5000 apps", counted="apps", **u),
    )
    obs, _ = cur.build_observations(df, ARTS)
    assert sorted(obs["n_claims"]) == [1, 2]
    assert set(obs["counted"]) == {"factories", "apps"}
    assert cur.build_series(obs).empty  # series are for classified indicators only


def test_output_columns_and_dtypes():
    df = claims(claim("c1", "a.txt", 4.1e12, "4.1 trillion yuan"))
    obs, src = cur.build_observations(df, ARTS)
    series = cur.build_series(obs)
    for frame, spec in (
        (obs, cur.OBSERVATION_COLUMNS),
        (src, cur.OBSERVATION_SOURCE_COLUMNS),
        (series, cur.SERIES_COLUMNS),
    ):
        assert list(frame.columns) == list(spec)
        assert {c: str(t) for c, t in frame.dtypes.items()} == {
            c: str(pd.Series(dtype=t).dtype) for c, t in spec.items()
        }
    empty_obs, empty_src = cur.build_observations(df.iloc[0:0], ARTS)
    assert list(empty_obs.columns) == list(cur.OBSERVATION_COLUMNS) and empty_src.empty
    assert list(cur.build_series(empty_obs).columns) == list(cur.SERIES_COLUMNS)
    assert list(fnd.build_findings(empty_obs).columns) == list(fnd.FINDING_COLUMNS)


# ------------------------------------------------------------------------------------------
# series: selection precedence


def test_actual_beats_forecast_and_target():
    s = series_of(
        claims(
            claim("c1", "a.txt", 4.45e12, "4.45 trillion", status="forecast"),
            claim("c2", "b.txt", 4.6e12, "4.6 trillion", status="target"),
            claim("c3", "d.txt", 4.1e12, "about 4.1 trillion", bound="approx"),
        )
    ).iloc[0]
    assert s["value"] == 4.1e12 and s["status"] == "actual" and s["n_observations"] == 3
    assert "decided by status" in s["selection_rule"]
    # forecasts and targets are seen but are not in conflict with the actual
    assert not s["conflict"]
    assert "4.45 trillion CNY forecast" in s["values_seen"]


def test_forecast_beats_target_when_no_actual():
    s = series_of(
        claims(
            claim("c1", "a.txt", 4.45e12, "4.45 trillion", status="forecast"),
            claim("c2", "b.txt", 4.6e12, "4.6 trillion", status="target"),
        )
    ).iloc[0]
    assert s["status"] == "forecast" and s["value"] == 4.45e12


def test_exact_beats_approx_beats_bound():
    s = series_of(
        claims(
            claim("c1", "a.txt", 4e12, "more than 4 trillion", bound="lower"),
            claim("c2", "b.txt", 4.1e12, "about 4.1 trillion", bound="approx"),
            claim("c3", "c.txt", 4.1e12, "4.10 trillion"),
        )
    ).iloc[0]
    assert s["bound"] == "exact" and s["observation_id"]
    assert "decided by bound" in s["selection_rule"]
    s2 = series_of(
        claims(
            claim("c1", "a.txt", 4e12, "more than 4 trillion", bound="lower"),
            claim("c2", "b.txt", 4.1e12, "about 4.1 trillion", bound="approx"),
        )
    ).iloc[0]
    assert s2["bound"] == "approx"


def test_more_sources_then_latest_publication():
    s = series_of(
        claims(
            claim("c1", "a.txt", 4.1e12, "4.10 trillion"),
            claim("c2", "c.txt", 4.1e12, "4.10 trillion"),
            claim("c3", "d.txt", 4.11e12, "4.11 trillion"),
        )
    ).iloc[0]
    assert s["value"] == 4.1e12 and "decided by number of sources" in s["selection_rule"]
    assert s["n_sources"] == 3
    # syndicated copies do not make more sources: b + b_copy (1 source) vs a (1 source) -> the
    # latest publication wins
    s = series_of(
        claims(
            claim("c1", "b.txt", 4.1e12, "4.10 trillion"),
            claim("c2", "b_copy.txt", 4.1e12, "4.10 trillion"),
            claim("c3", "d.txt", 4.11e12, "4.11 trillion"),
        )
    ).iloc[0]
    assert s["value"] == 4.11e12 and "decided by latest publication" in s["selection_rule"]
    assert s["n_sources"] == 2


def test_series_min_max_spread_and_values_seen():
    s = series_of(
        claims(
            claim("c1", "a.txt", 4.1e12, "4.10 trillion"),
            claim("c2", "d.txt", 4.2e12, "4.20 trillion"),
        )
    ).iloc[0]
    assert s["min_value"] == 4.1e12 and s["max_value"] == 4.2e12
    assert s["spread"] == pytest.approx(0.1 / 4.2)
    assert s["values_seen"].count(";") == 1
    assert s["series_id"].startswith("ser_")


def test_series_without_period_are_left_out():
    df = claims(claim("c1", "a.txt", 4.1e12, "4.10 trillion", period_start=None, period_end=None))
    obs, _ = cur.build_observations(df, ARTS)
    assert len(obs) == 1 and cur.build_series(obs).empty


# ------------------------------------------------------------------------------------------
# series: conflict and agreement


@pytest.mark.parametrize(
    "a,b,conflict",
    [
        # 4.10 vs 4.1: agreement within the stated rounding
        (("4.10 trillion", 4.1e12, "exact"), ("4.1 trillion", 4.1e12, "approx"), False),
        (("4.10 trillion", 4.1e12, "exact"), ("4.14 trillion", 4.14e12, "exact"), True),
        (("4.1 trillion", 4.1e12, "exact"), ("4.14 trillion", 4.14e12, "exact"), False),
        # a lower bound agrees with an exact value above it
        (("more than 4 trillion", 4e12, "lower"), ("4.10 trillion", 4.1e12, "exact"), False),
        (("more than 5 trillion", 5e12, "lower"), ("4.10 trillion", 4.1e12, "exact"), True),
        (("up to 4 trillion", 4e12, "upper"), ("4.10 trillion", 4.1e12, "exact"), True),
        (("up to 5 trillion", 5e12, "upper"), ("more than 4 trillion", 4e12, "lower"), False),
        # about 3.1 vs 3.58: conflict
        (("about 3.1 trillion", 3.1e12, "approx"), ("3.58 trillion", 3.58e12, "exact"), True),
        (("nearly 3 trillion", 3e12, "approx"), ("3.2 trillion", 3.2e12, "exact"), False),
    ],
)
def test_conflict_uses_intervals(a, b, conflict):
    df = claims(
        claim("c1", "a.txt", a[1], a[0], bound=a[2]),
        claim("c2", "d.txt", b[1], b[0], bound=b[2]),
    )
    s = series_of(df).iloc[0]
    assert bool(s["conflict"]) is conflict
    if conflict:
        assert "do not overlap" in s["conflict_detail"]
    else:
        assert pd.isna(s["conflict_detail"])


# ------------------------------------------------------------------------------------------
# findings


def added_value_case() -> tuple[pd.DataFrame, pd.DataFrame]:
    """The 2020/2021 added-value story: 4.10 trillion in 2021, +14.53%, 3.58% of GDP (article a);
    about 3.1 trillion in 2020 at 2.9% of GDP, citing CCTV (article c)."""
    share = dict(indicator="iip_added_value_gdp_share", unit="percent")
    y2020 = dict(period_start=2020, period_end=2020, status="estimate")
    df = claims(
        claim("c21", "a.txt", 4.1e12, "4.10 trillion yuan"),
        claim(
            "g21",
            "a.txt",
            14.53,
            "14.53%",
            indicator="iip_added_value_nominal_growth",
            unit="percent",
        ),  # fmt: skip
        claim("s21", "a.txt", 3.58, "3.58%", **share),
        claim(
            "c20",
            "c.txt",
            3.1e12,
            "about 3.1 trillion yuan",
            bound="approx",
            source="CCTV statistics",
            **y2020,
        ),  # fmt: skip
        claim("s20", "c.txt", 2.9, "2.9%", source="CCTV statistics", **share, **y2020),
    )
    obs, _ = cur.build_observations(df, ARTS)
    return obs, fnd.build_findings(obs, load_gdp_reference())


def test_growth_vs_levels_flags_the_2020_added_value():
    obs, f = added_value_case()
    g = f[f["check_name"] == "growth_vs_levels"]
    assert len(g) == 1
    row = g.iloc[0]
    assert row["severity"] == "warning"
    assert row["indicator"] == AV and row["related_indicator"] == "iip_added_value_nominal_growth"
    assert (row["period_start"], row["period_end"]) == (2020, 2021)
    msg = row["message"]
    assert "3.58 trillion" in msg and "about 3.1 trillion" in msg and "4.1 trillion" in msg
    assert row["deviation"] == pytest.approx(3.1 / (4.1 / 1.1453) - 1, rel=1e-6)
    # provenance is not copied into the finding: the observations it names lead to it
    ids = row["observation_ids"].split("; ")
    assert len(ids) == 3 and set(ids) <= set(obs["observation_id"])
    claim_ids = set(obs[obs["observation_id"].isin(ids)]["claim_ids"])
    assert claim_ids == {"c21", "g21", "c20"}
    assert "sources" not in f.columns and "claim_ids" not in f.columns
    assert row["finding_id"].startswith("fnd_")


def test_growth_vs_levels_quiet_when_consistent():
    df = claims(
        claim("c21", "a.txt", 4.1e12, "4.10 trillion yuan"),
        claim(
            "g21",
            "a.txt",
            14.53,
            "14.53%",
            indicator="iip_added_value_nominal_growth",
            unit="percent",
        ),  # fmt: skip
        claim("c20", "d.txt", 3.57e12, "3.57 trillion", period_start=2020, period_end=2020),
    )
    obs, _ = cur.build_observations(df, ARTS)
    assert check(obs, "growth_vs_levels") == []


def test_gdp_share_flags_2020_but_not_2021():
    _, f = added_value_case()
    g = f[f["check_name"] == "gdp_share"]
    assert list(g["period_end"]) == [2020]
    row = g.iloc[0]
    assert row["severity"] == "warning" and row["related_indicator"] == AV
    assert "2.9%" in row["message"] and "106.9 trillion" in row["message"]
    assert row["deviation"] == pytest.approx(0.05, abs=0.01)


def test_gdp_share_tolerance_accepts_rounded_shares():
    gdp = pd.DataFrame(
        {"year": [2021], "gdp_cny": [114.0e12], "gdp_cny_initial": [115.0e12],
         "source": ["test"], "note": [""]}
    )  # fmt: skip
    share = dict(indicator="iip_added_value_gdp_share", unit="percent")
    for stated, flagged in ((3.6, False), (3.5, False), (3.4, True), (3.8, True)):
        df = claims(
            claim("c", "a.txt", 4.1e12, "4.1 trillion"),
            claim("s", "a.txt", stated, f"{stated}%", **share),
        )
        obs, _ = cur.build_observations(df, ARTS)
        assert bool(check(obs, "gdp_share", gdp)) is flagged, stated


def test_gdp_share_forecast_is_info_and_unknown_year_skipped():
    share = dict(indicator="iip_added_value_gdp_share", unit="percent", status="forecast")
    df = claims(
        claim(
            "c",
            "a.txt",
            4.45e12,
            "4.45 trillion",
            status="forecast",
            period_start=2022,
            period_end=2022,
        ),  # fmt: skip
        claim("s", "a.txt", 4.5, "4.5%", period_start=2022, period_end=2022, **share),
        claim(
            "c2", "a.txt", 5e12, "5 trillion", status="forecast", period_start=1990, period_end=1990
        ),  # fmt: skip
        claim("s2", "a.txt", 40.0, "40%", period_start=1990, period_end=1990, **share),
    )
    obs, _ = cur.build_observations(df, ARTS)
    out = check(obs, "gdp_share", load_gdp_reference())
    assert [r["severity"] for r in out] == ["info"] and out[0]["period_end"] == 2022


def test_cumulative_decline():
    conn = dict(indicator="industrial_equipment_connections", unit="count", counted="sets")
    df = claims(
        claim("c1", "a.txt", 7.9e7, "more than 79 million sets", bound="lower", **conn),
        claim("c2", "d.txt", 7.0e7, "70 million sets", period_start=2022, period_end=2022, **conn),
        claim("c3", "d.txt", 8.5e7, "85 million sets", period_start=2023, period_end=2023, **conn),
    )
    obs, _ = cur.build_observations(df, ARTS)
    f = check(obs, "cumulative_decline")
    assert len(f) == 1
    assert f[0]["severity"] == "warning" and "79 million sets" in f[0]["message"]
    assert "70 million sets" in f[0]["message"] and f[0]["deviation"] < 0
    # a non-cumulative indicator may fall
    df2 = df.assign(indicator="iip_added_value", unit="CNY")
    obs2, _ = cur.build_observations(df2, ARTS)
    assert check(obs2, "cumulative_decline") == []


def test_cumulative_decline_same_period_later_publication():
    plat = dict(indicator="iip_platforms_influential", unit="count", counted="platforms")
    df = claims(
        claim("c1", "a.txt", 150.0, "150 platforms", **plat),  # published 2022-03
        claim("c2", "b.txt", 120.0, "120 platforms", **plat),  # published 2022-06
        claim("c3", "c.txt", 100.0, "more than 100", bound="lower", **plat),  # no decline: bound
    )
    obs, _ = cur.build_observations(df, ARTS)
    f = check(obs, "cumulative_decline")
    assert len(f) == 1 and "150 platforms" in f[0]["message"]


def test_forecast_vs_actual():
    df = claims(
        claim(
            "f",
            "a.txt",
            4.45e12,
            "4.45 trillion",
            status="forecast",
            period_start=2022,
            period_end=2022,
        ),  # fmt: skip
        claim("a", "d.txt", 4.6e12, "4.60 trillion", period_start=2022, period_end=2022),
    )
    obs, _ = cur.build_observations(df, ARTS)
    f = fnd.build_findings(obs, load_gdp_reference())
    fa = f[f["check_name"] == "forecast_vs_actual"]
    assert len(fa) == 1
    row = fa.iloc[0]
    assert row["severity"] == "info"
    assert row["deviation"] == pytest.approx(4.45 / 4.6 - 1)
    assert "forecast error -3.3%" in row["message"]


def test_forecast_vs_actual_needs_a_later_actual():
    df = claims(
        claim(
            "f",
            "d.txt",
            4.45e12,
            "4.45 trillion",
            status="forecast",
            period_start=2022,
            period_end=2022,
        ),  # fmt: skip
        claim("a", "a.txt", 4.6e12, "4.60 trillion", period_start=2022, period_end=2022),
    )
    obs, _ = cur.build_observations(df, ARTS)
    assert check(obs, "forecast_vs_actual") == []


def test_findings_are_deterministic():
    _, f1 = added_value_case()
    _, f2 = added_value_case()
    assert list(f1["finding_id"]) == list(f2["finding_id"])
    assert list(f1.columns) == list(fnd.FINDING_COLUMNS)
    assert set(f1["check_name"]) == {"gdp_share", "growth_vs_levels"}


def test_pairing_convention():
    assert fnd.gdp_share_level("iip_added_value_gdp_share") == AV
    assert fnd.growth_level("iip_added_value_nominal_growth") == AV
    assert fnd.gdp_share_level("iip_added_value") is None
    assert fnd.growth_level("im_demo_factory_efficiency_gain") is None


def test_gdp_reference():
    ref = load_gdp_reference()
    assert list(ref.columns) == ["year", "gdp_cny", "gdp_cny_initial", "source", "note"]
    assert set(range(2012, 2024)) <= set(ref["year"])
    lo, hi = gdp_range(ref, 2020)
    assert 101e12 < lo <= hi < 102e12
    lo, hi = gdp_range(ref, 2021)
    assert 114e12 < lo <= hi < 115.5e12
    assert gdp_range(ref, 1990) is None
    assert ref["note"].str.len().min() > 20


def test_a_part_of_a_year_is_its_own_series_not_a_conflict_with_the_whole_year():
    import datetime as dt

    from pipeline.lib.claims import extract_claims

    half = "In the first half of 2023, software revenue reached 5.58 trillion yuan."
    year = "In 2023, software revenue reached 12.33 trillion yuan."
    rows = []
    for name, text in (("a.txt", half), ("b.txt", year)):
        for c in extract_claims(text, dt.date(2024, 2, 1), name):
            rows.append({f: getattr(c, f) for f in c.__slots__})
    claims = pd.DataFrame(rows)
    assert sorted(claims["period_part"].fillna("-")) == ["-", "H1"]
    observations, _ = cur.build_observations(claims)
    series = cur.build_series(observations)
    assert len(series) == 2
    assert not series["conflict"].any()
    assert sorted(series["period_part"].fillna("-")) == ["-", "H1"]
