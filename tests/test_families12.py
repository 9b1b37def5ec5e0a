"""Issue 9 families from the heldout12/13 analyses, on sentences written for the tests."""

from __future__ import annotations

import datetime as dt

from pipeline.lib.ingest.article_headers import parse_header

TODAY = dt.date(2026, 11, 22)
BODY = "\n\nThe harbour board said cargo volumes rose again in the second quarter.\n"


def _date(text):
    return parse_header(text, today=TODAY)


# -- publication dates ------------------------------------------------------------------------


def test_ambiguous_numeric_date_reads_day_first_outside_the_us():
    h = _date("Shipyards go digital\nThe Coastal Times | Markets | Published: 04/03/2021" + BODY)
    assert h.published_date == dt.date(2021, 3, 4)
    assert h.date_basis == "header_line"
    assert "day-first" in h.detail


def test_ambiguous_numeric_date_reads_month_first_for_a_us_writer():
    h = _date("Shipyards go digital\nPublished 04/03/2021 9:15 AM EDT" + BODY)
    assert h.published_date == dt.date(2021, 4, 3)
    h = _date("Shipyards go digital\nBloomberg | 04/03/2021" + BODY)
    assert h.published_date == dt.date(2021, 4, 3)


def test_ambiguous_numeric_date_follows_an_unambiguous_one_in_the_text():
    text = (
        "Shipyards go digital\nPosted: 04/03/2021\n\nThe yard opened its new dock on "
        "03/28/2021, the board said.\n"
    )
    assert _date(text).published_date == dt.date(2021, 4, 3)


def test_ambiguous_numeric_date_never_read_after_today():
    h = parse_header("Shipyards go digital\nDate: 05/11/2026" + BODY, today=dt.date(2026, 6, 1))
    assert h.published_date == dt.date(2026, 5, 11)


def test_closing_line_gives_the_date_when_the_header_has_none():
    text = (
        "Policy Brief 4\nPort Automation Across Asia\n\nSummary\n\nPorts differ widely in how "
        "far they have automated.\n\nThis brief was completed on 14 June 2020 by the research "
        "team.\n"
    )
    h = _date(text)
    assert (h.published_date, h.date_basis) == (dt.date(2020, 6, 14), "text_date")
    assert h.date_evidence == "completed on 14 June 2020"


def test_closing_reporting_credit_with_month_day_takes_the_header_year():
    text = (
        "Port operator posts record 2021 first quarter\n\nThe operator said volumes rose, "
        "citing stronger exports.\n\n(Reporting by Ann Lee; Editing by Tom Hart, March 3)\n"
    )
    h = _date(text)
    assert (h.published_date, h.date_basis) == (dt.date(2021, 3, 3), "inferred")


def test_closing_line_event_date_is_not_a_publication_date():
    text = (
        "Port Automation Across Asia\n\nPorts differ widely in how far they have automated."
        "\n\nThe next review meeting is on 14 June 2020.\n"
    )
    assert _date(text).published_date is None


# -- multiplier verbs and fractions ------------------------------------------------------------

from pipeline.lib.quantities import extract  # noqa: E402


def _q(text, needle):
    for q in extract(text).quantities:
        if needle == text[q.start : q.end] or needle == q.text:
            return q
    raise AssertionError(f"{needle!r} not in {[q.text for q in extract(text).quantities]}")


def test_multiplier_verbs_are_times():
    t = "Freight volume at the dry port has more than tripled since 2015, the operator said."
    q = _q(t, "more than tripled")
    assert (q.value, q.unit, q.bound) == (3.0, "times", "lower")
    t = "The county hopes its cold-chain capacity will double by 2027."
    q = _q(t, "double")
    assert (q.value, q.unit, q.bound) == (2.0, "times", "exact")
    t = "Sales reached 40 million units, nearly double the 21 million sold a year earlier."
    assert _q(t, "nearly double").bound == "approx"


def test_double_as_an_adjective_is_no_multiplier():
    for t in (
        "The mill runs a double shift and posted double-digit growth.",
        "Exporters doubled down on Southeast Asia.",
        "The plant is a double winner of the award.",
    ):
        assert not [q for q in extract(t).quantities if q.unit == "times"], t


def test_fraction_frames():
    cases = {
        "Around a quarter of this year's orders came from abroad.": ("Around a quarter", 25.0),
        "Exports accounted for about 60 per cent of sales and services for about a third.": (
            "about a third",
            100 / 3,
        ),
        "Delivery times have shortened by a quarter.": ("a quarter", 25.0),
        "The miner's shares have lost a third of their value.": ("a third", 100 / 3),
        "Two-thirds of the surveyed mills use sensors.": ("Two-thirds", 200 / 3),
        "Logistics is now a fifth of the city's output.": ("a fifth", 20.0),
    }
    for t, (needle, value) in cases.items():
        q = _q(t, needle)
        assert (q.unit, round(q.value, 3)) == ("percent", round(value, 3)), t
    for t in (
        "A quarter of a century ago the mill had no sensors.",
        "Output rose in the second half of the year.",
        "The plant was idle for a quarter.",
    ):
        assert not [q for q in extract(t).quantities if q.unit == "percent"], t


def test_multiplier_spans_from_its_base_year():
    from claims_helpers import find

    t = "In 2021 the port had 40 berths. Its throughput has more than doubled since 2015."
    assert years(find(t, "more than doubled", "2022-03-01")) == (2015, 2021)
    t = "Sales hit 3 billion yuan in 2019 and could triple by 2024, the analysts said."
    assert years(find(t, "could triple"[6:], "2020-03-01")) == (2019, 2024)
    t = (
        "Shippers moved 9 million tonnes in the first half of the year, nearly double the "
        "4.8 million tonnes moved in all of 2020."
    )
    assert years(find(t, "nearly double", "2021-08-01")) == (2020, 2021)
    t = "Each worker made 30 parts a day in 2019. Output has roughly tripled since then."
    assert years(find(t, "roughly tripled", "2022-05-01")) == (2019, 2022)


def years(c):
    return (c.period_start, c.period_end)


def test_gapped_comparison_list_counts():
    from claims_helpers import by_quote

    t = (
        "In 2020 Vietnam had 410 container cranes at its ports, Thailand 280, Malaysia 265 and "
        "the Philippines 120.\n\nShanghai runs more than 40 automated berths, Ningbo more than "
        "25 and Qingdao about 12."
    )
    got = by_quote(t, "2021-05-01")
    for needle, bound in (("280", "exact"), ("265", "exact"), ("120", "exact"),
                          ("more than 25", "lower"), ("about 12", "approx")):  # fmt: skip
        assert got[needle].unit == "count" and got[needle].bound == bound, needle
    assert got["120"].period_start == 2020


def test_bare_number_subject_of_the_next_clause_counts_the_same_things():
    from claims_helpers import by_quote

    t = (
        "The province certified 64 smart workshops this year, and 9 were picked as national "
        "pilots. Some 5,300 firms moved onto the cloud, of which 740 were rated."
    )
    got = by_quote(t, "2021-12-01")
    assert got["9"].unit == "count" and got["740"].unit == "count"
    # after a figure that counts nothing, the bare number stays unread
    t = "Sales rose 12 percent in 2020, and 40 were exported."
    assert "40" not in by_quote(t, "2021-12-01")
