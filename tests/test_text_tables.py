"""Plain-text tables read as claims (pipeline/lib/claims/text_tables.py): tables written for the
tests in several shapes, and blocks of numbers that are not tables."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.lib.claims import extract_claims
from pipeline.lib.claims.text_tables import find_cells, find_tables, parse_time, parse_unit

PUB = dt.date(2021, 6, 30)


def cells(text: str, year: int | None = 2021):
    return [(c.quote, c.value, c.unit, c.year, c.part, c.status) for c in find_cells(text, year)]


ALIGNED = """Shipments of industrial routers grew again last year.

Unit: RMB 100 million

                        2019      2020      2021E
Router sales           12.5      14.8      17.2
Gateway sales           3.1       4.6       6.0

The makers expect demand to keep rising.
"""


def test_aligned_columns_unit_line_and_estimate_suffix():
    got = cells(ALIGNED)
    assert got[0] == ("12.5", 1.25e9, "CNY", 2019, None, "actual")
    assert got[2] == ("17.2", 1.72e9, "CNY", 2021, None, "estimate")
    assert got[5] == ("6.0", 6.0e8, "CNY", 2021, None, "estimate")
    assert len(got) == 6
    t = find_tables(ALIGNED, 2021)[0]
    c = t.cells[3]
    assert (c.row_label, c.col_head) == ("Gateway sales", "2019")
    assert ALIGNED[c.start : c.end] == "3.1"


def test_aligned_table_becomes_claims_with_bare_quotes():
    claims = extract_claims(ALIGNED, PUB)
    table = [c for c in claims if c.quote in ("12.5", "14.8", "17.2", "3.1", "4.6", "6.0")]
    assert len(table) == 6
    assert all(c.bound == "exact" and c.unit == "CNY" for c in table)
    assert [c.status for c in table[:3]] == ["actual", "actual", "estimate"]
    # the unit line is not a claim of its own
    assert not any(c.quote.startswith("RMB 100") for c in claims)


PIPE = """Key figures of the platform operator:

| Item | 2020A | 2021E | 2022F |
|------|------:|------:|------:|
| Revenue (RMB mn) | 1,250 | 1,480 | 1,730 |
| Connected devices ('000) | 820 | 1,100 | 1,450 |
| Gross margin (%) | 31.5 | 32.0 | 33.2 |
"""


def test_pipe_table_units_in_row_labels_and_a_f_suffixes():
    got = cells(PIPE)
    assert got[0] == ("1,250", 1.25e9, "CNY", 2020, None, "actual")
    assert got[1][5] == "estimate" and got[2][5] == "forecast"
    assert got[3] == ("820", 820_000.0, "count", 2020, None, "actual")
    assert got[8] == ("33.2", 33.2, "percent", 2022, None, "forecast")
    counted = find_cells(PIPE, 2021)[3].counted
    assert counted == "devices"


TABS = "Quarter\tOutput (10,000 tonnes)\tYoY %\nQ1 2021\t215.4\t6.2\nQ2 2021\t230.9\t7.5\n"


def test_tab_separated_rows_by_quarter_with_percent_column():
    got = cells(TABS)
    assert got == [
        ("215.4", 2.154e6, "t", 2021, "Q1", "actual"),
        ("6.2", 6.2, "percent", 2021, "Q1", "actual"),
        ("230.9", 2.309e6, "t", 2021, "Q2", "actual"),
        ("7.5", 7.5, "percent", 2021, "Q2", "actual"),
    ]


SHARE = """Table 2: Cloud spending by sector (USD bn)

                  2020     2021     share (%)
Manufacturing     18.2     21.7     24%
Energy             6.5      7.9      9%
"""


def test_caption_unit_and_percent_column_takes_the_latest_year():
    got = cells(SHARE)
    assert got[0] == ("18.2", 1.82e10, "USD", 2020, None, "actual")
    assert got[2] == ("24%", 24.0, "percent", 2021, None, "actual")
    assert find_cells(SHARE, 2021)[2].measure == "Manufacturing share (%)"


def test_half_years_forecast_words_and_future_years():
    text = "             1H20     1H21     2025 target\nNew 5G factories    120     310     1,000\n"
    got = cells(text)
    assert got[0][3:5] == (2020, "H1")
    assert got[1][3:5] == (2021, "H1")
    assert got[2] == ("1,000", 1000.0, "count", 2025, None, "target")
    plain = "                  2020     2026\nData centres (count)     40     90\n"
    assert [c.status for c in find_cells(plain, 2021)] == ["actual", "forecast"]


def test_negative_numbers_and_placeholders():
    text = "Unit: USD millions\n\n              2019     2020     2021\nNet profit    (12)     -3.5     n/a\n"
    got = cells(text)
    assert [(q, v) for q, v, *_ in got] == [("(12)", -1.2e7), ("-3.5", -3.5e6)]


@pytest.mark.parametrize(
    "text",
    [
        # numbers without a header row: a phone list, a run of figures
        "Beijing office   010 6520 1234\nShanghai office   021 5888 9911\n",
        "12   15   18\n20   22   25\n30   31   33\n",
        # prose with double spaces after full stops
        "Output rose 5% in 2020.  It rose 7% in 2021.\nSales were 12 billion yuan.  Profit was 2.\n",
        # ranks and codes in the first column: not a labelled table
        "Rank   Company   Revenue\n1   Alpha   120\n2   Beta   95\n",
    ],
)
def test_blocks_of_numbers_that_are_not_tables(text):
    assert find_tables(text, 2021) == []


def test_no_table_costs_one_search():
    assert find_tables("Output rose 5% in 2020 to 12 billion yuan.", 2021) == []


def test_oversized_blocks_are_not_read():
    rows = "".join(f"Item {i}   {i}.5   {i}.7\n" for i in range(500))
    assert find_tables("               2020     2021\n" + rows, 2021) == []


@pytest.mark.parametrize(
    ("head", "want"),
    [
        ("2019 (estimated)", (2019, None, "estimate")),
        ("2020E", (2020, None, "estimate")),
        ("FY21F", (2021, None, "forecast")),
        ("2019A", (2019, None, "actual")),
        ("Q3 2022", (2022, "Q3", None)),
        ("2022Q1", (2022, "Q1", None)),
        ("2H21", (2021, "H2", None)),
        ("2025 target", (2025, None, "target")),
        ("2019 revenue", None),
        ("Revenue", None),
    ],
)
def test_time_heads(head, want):
    t = parse_time(head)
    assert (t if t is None else (t.year, t.part, t.status)) == want


@pytest.mark.parametrize(
    ("s", "want"),
    [
        ("USD millions", ("USD", 1e6)),
        ("RMB 10,000", ("CNY", 1e4)),
        ("in 100 million yuan", ("CNY", 1e8)),
        ("RMB bn", ("CNY", 1e9)),
        ("'000", ("count", 1e3)),
        ("YoY %", ("percent", 1.0)),
        ("10,000 tonnes", ("t", 1e4)),
        ("Province", None),
    ],
)
def test_unit_heads(s, want):
    u = parse_unit(s)
    assert (u if u is None else (u.code, u.scale)) == want


def test_aligned_columns_with_empty_cells_go_by_position():
    text = (
        "Unit: RMB billion\n\n"
        "                      2019      2020      2021\n"
        "Platform revenue      12.5                17.2\n"
        "Service revenue                  4.6       6.0\n"
    )
    got = [(c.quote, c.year, c.row_label) for c in find_cells(text, 2021)]
    assert got == [
        ("12.5", 2019, "Platform revenue"),
        ("17.2", 2021, "Platform revenue"),
        ("4.6", 2020, "Service revenue"),
        ("6.0", 2021, "Service revenue"),
    ]


def test_rows_by_year_aligned_in_spaces():
    text = (
        "Year      Shipments ('000)     Growth (%)\n"
        "2019            1,250              8.1\n"
        "2020            1,410             12.8\n"
    )
    got = [(c.quote, c.value, c.unit, c.year) for c in find_cells(text, 2021)]
    assert got == [
        ("1,250", 1.25e6, "count", 2019),
        ("8.1", 8.1, "percent", 2019),
        ("1,410", 1.41e6, "count", 2020),
        ("12.8", 12.8, "percent", 2020),
    ]


def test_markdown_emphasis_is_not_part_of_a_cell():
    text = "| Indicator | **2022** | **2023** |\n|---|---|---|\n| **Output (tonnes)** | **1,200** | 1,350 |\n"
    got = [
        (c.quote, text[c.start : c.end], c.value, c.unit, c.year) for c in find_cells(text, 2024)
    ]
    assert got == [("1,200", "1,200", 1200.0, "t", 2022), ("1,350", "1,350", 1350.0, "t", 2023)]
