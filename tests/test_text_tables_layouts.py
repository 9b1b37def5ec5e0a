"""Plain-text table layouts beyond a header of years (pipeline/lib/claims/text_tables.py): CSV
previews with a data dictionary, a `Unit` column, a time column (`Period`, `year`, month cells)
and figures separated by word cells. Every table is written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.lib.claims import extract_claims
from pipeline.lib.claims.text_tables import find_cells, find_tables


def cells(text: str, year: int | None = 2023):
    return [
        (c.quote, c.value, c.unit, c.counted, c.year, c.part, c.status)
        for c in find_cells(text, year)
    ]


CSV_WITH_FIELDS = """Harbour City Open Data
Dataset: smart factory programme, by county and year

COLUMNS
1  county        Text      County name
2  year          Integer   Reporting year
3  plant_cnt     Integer   Factories above designated size (year end)
4  grant_amt     Decimal   Grants paid, 10,000 yuan
5  robot_stock   Integer   Industrial robots in service (year end)

PREVIEW (first 3 rows)
county,year,plant_cnt,grant_amt,robot_stock
Lakeside,2022,1204,356.5,4820
Hillview,2022,688,,2113
Lakeside,2023,1251,402.0,5630
"""


def test_csv_preview_reads_units_and_nouns_from_the_data_dictionary():
    got = cells(CSV_WITH_FIELDS)
    assert got[0] == ("1204", 1204.0, "count", "factories", 2022, None, "actual")
    assert got[1] == ("356.5", 3.565e6, "CNY", None, 2022, None, "actual")
    assert got[2] == ("4820", 4820.0, "count", "robots", 2022, None, "actual")
    # an empty field is an empty cell: the next field stays under its own head
    assert got[3][:2] == ("688", 688.0) and got[4][:4] == ("2113", 2113.0, "count", "robots")
    assert [c[4] for c in got[5:]] == [2023, 2023, 2023]
    assert len(got) == 8
    t = find_tables(CSV_WITH_FIELDS, 2023)[0]
    assert CSV_WITH_FIELDS[t.cells[1].start : t.cells[1].end] == "356.5"
    assert t.cells[1].row_label == "Lakeside"


def test_csv_rows_are_records_not_forecasts():
    # a data file's rows: a year after a (wrongly found) publication year stays actual
    got = cells(CSV_WITH_FIELDS, 2021)
    assert {c[6] for c in got} == {"actual"}


def test_csv_heads_with_their_own_units():
    text = "Download preview:\nregion,year,revenue (RMB bn),share (%),platforms\nNorth,2021,12.5,31.2,14\nSouth,2021,9.75,24.0,9\n"
    got = cells(text, 2022)
    assert got[0] == ("12.5", 1.25e10, "CNY", None, 2021, None, "actual")
    assert got[1] == ("31.2", 31.2, "percent", None, 2021, None, "actual")
    assert got[2] == ("14", 14.0, "count", "platforms", 2021, None, "actual")
    assert len(got) == 6


def test_csv_claims_replace_the_extractor_reading():
    claims = extract_claims(CSV_WITH_FIELDS, dt.date(2024, 2, 1))
    table = [c for c in claims if c.char_start > CSV_WITH_FIELDS.index("county,year")]
    assert [c.quote for c in table] == [
        "1204", "356.5", "4820", "688", "2113", "1251", "402.0", "5630",
    ]  # fmt: skip
    assert all(c.bound == "exact" and c.indicator == "unclassified" for c in table)
    assert not any(c.quote in ("2022", "2023") for c in claims)


@pytest.mark.parametrize(
    "text",
    [
        # comma lists without spaces that are not CSV tables
        "Tags: robots,automation,IIoT\nShare: 12,5,7\n",
        "Revenue reached 1,234,567 yuan.\nCosts were 2,345,678 yuan.\n",
        # a CSV header whose rows have another number of fields
        "a,b,c\nx,1,2,3,4\ny,5,6,7,8\n",
    ],
)
def test_comma_lines_that_are_not_tables(text):
    assert find_tables(text, 2021) == []


def test_aligned_table_ends_at_a_comma_line():
    text = (
        "                 2020      2021\n"
        "Robots (units)   1,200     1,450\n"
        "Total,1,650,1,700 (see note)\n"
    )
    got = cells(text, 2021)
    assert [c[0] for c in got] == ["1,200", "1,450"]


KPI = """Table 4: Operating and environmental indicators

Indicator                       Unit                2021        2022        2023
Operating revenue               RMB 10,000       52,140.6    58,903.2    61,277.9
Devices on the platform         10,000 sets          12.4        18.9        25.3
Equipment linked                10,000 units          8.1        11.0        14.2
Electricity consumed            MWh                 8,420       8,105       7,960
Employees                       persons             1,208       1,264       1,301
Patents granted                 items                  46          51          63
"""


def test_unit_column_gives_each_row_its_unit():
    got = cells(KPI, 2024)
    assert got[0] == ("52,140.6", 5.21406e8, "CNY", None, 2021, None, "actual")
    # the label's plural first (`Devices`), else the unit cell's (`10,000 units`)
    assert got[3] == ("12.4", 124000.0, "count", "devices", 2021, None, "actual")
    assert got[6] == ("8.1", 81000.0, "count", "units", 2021, None, "actual")
    assert got[9][:3] == ("8,420", 8.42e6, "kWh")  # MWh stored in kWh
    assert got[12][:4] == ("1,208", 1208.0, "count", "employees")
    assert got[15][:4] == ("46", 46.0, "count", "patents")
    assert len(got) == 18
    claims = extract_claims(KPI, dt.date(2024, 4, 30))
    assert not any(c.quote in ("10,000 sets", "RMB 10,000") for c in claims)


DASHBOARD = """Weekly factory pulse

INDICATOR                       Latest      Period        y/y
Industrial robot output, sets   41,200      Jan-Mar       +18.6%
Machine tool orders             12,950      Mar           -4.1%
Caixin manufacturing PMI        50.9        Apr           n/a
Smart factories certified       212         Q1 2022       +35%
"""


def test_period_column_gives_each_row_its_time():
    got = cells(DASHBOARD, 2022)
    assert got[0] == ("41,200", 41200.0, "count", "sets", 2022, "M1-M3", "actual")
    assert got[1] == ("+18.6%", 18.6, "percent", None, 2022, "M1-M3", "actual")
    assert got[2][:2] == ("12,950", 12950.0) and got[2][3:6] == ("orders", 2022, "M3")
    assert got[3] == ("-4.1%", -4.1, "percent", None, 2022, "M3", "actual")
    # an index has no unit and no counted noun: a bare count
    assert got[4] == ("50.9", 50.9, "count", None, 2022, "M4", "actual")
    assert got[5][:6] == ("212", 212.0, "count", "factories", 2022, "Q1")
    assert len(got) == 7
    t = find_tables(DASHBOARD, 2022)[0]
    assert t.cells[0].measure == "Industrial robot output, sets"
    assert t.cells[1].measure == "Industrial robot output, sets y/y"


def test_month_cells_need_no_period_head_and_take_their_own_year():
    text = (
        "Robot trade                    Units        Reported      y/y (%)\n"
        "Shipments abroad, units        3,410        Feb 2023      12.5\n"
        "Orders on hand, units          5,020        Mar 2023      -3.0\n"
    )
    got = cells(text, 2024)
    assert [(c[0], c[2], c[4], c[5]) for c in got] == [
        ("3,410", "count", 2023, "M2"),
        ("12.5", "percent", 2023, "M2"),
        ("5,020", "count", 2023, "M3"),
        ("-3.0", "percent", 2023, "M3"),
    ]


def test_month_cells_without_a_year_need_a_year():
    assert find_tables(DASHBOARD, None) == []


def test_period_column_with_a_cell_that_is_no_time_is_not_read_by_rows():
    text = (
        "Item                  Value      Period\n"
        "Robots installed      1,250      Jan-Jun\n"
        "Lines upgraded        48         soon\n"
    )
    assert find_tables(text, 2022) == []


# -- fact-sheet lines (`Label: N`): the label's plural noun counts the figure that opens the
# value, before a comma and a clause or an origin phrase too


@pytest.mark.parametrize(
    ("line", "quote", "counted"),
    [
        ("- Delegates: 2,350 from 41 countries", "2,350", "delegates"),
        ("Engineers on staff: 1,120, of whom 30% hold a doctorate", "1,120", "engineers"),
        ("- Machines on display: more than 450, most of them running", "more than 450", "machines"),
        ("Service centres: 18 in Europe", "18", "centres"),
        ("- Partner universities: 27+", "27", "universities"),
    ],
)
def test_fact_sheet_line_counts_the_label_noun(line, quote, counted):
    text = "Expo 2019 in numbers\n\n" + line + "\n"
    got = [c for c in extract_claims(text, dt.date(2019, 11, 2)) if c.quote.startswith(quote)]
    assert got and got[0].unit == "count" and got[0].counted == counted


def test_fact_sheet_line_with_a_figure_later_in_the_value_is_not_a_label_count():
    text = "Expo 2019 in numbers\n\nVenue: Hall 5, 12 rooms booked\n"
    got = [c for c in extract_claims(text, dt.date(2019, 11, 2)) if c.value == 5]
    assert not got


# -- a caption names what a table's bare labels are of


CAPTIONED = """Chart 7: The industrial internet industry's added value, 2017-2019

                               2017     2018     2019
Added value (RMB trillion)     2.91     3.22     3.55
Nominal growth (%)             9.3      10.7     10.2
Proportion of GDP (%)          3.30     3.41     3.52
Plants visited                 120      135      150
"""


def test_caption_subject_gives_the_indicator_of_bare_labels():
    t = find_tables(CAPTIONED, 2020)[0]
    assert t.title == "The industrial internet industry's added value"
    claims = {c.quote: c for c in extract_claims(CAPTIONED, dt.date(2020, 5, 1))}
    assert claims["2.91"].indicator == "iip_added_value"
    assert claims["10.7"].indicator == "iip_added_value_nominal_growth"
    assert claims["3.52"].indicator == "iip_added_value_gdp_share"
    assert claims["135"].indicator == "unclassified"


def test_caption_title_without_number_units_or_years_and_not_of_a_breakdown():
    text = "Table 3-2  Revenue by segment (RMB mn), 2021-2022      Unit: RMB 10,000\n\n" + (
        "Segment        2021      2022\nSoftware       1,200     1,450\n"
    )
    assert find_tables(text, 2023)[0].title == ""  # a breakdown: its rows are parts
    text = text.replace("Revenue by segment", "Operating revenue of the group")
    assert find_tables(text, 2023)[0].title == "Operating revenue of the group"


def test_csv_quoted_fields_keep_their_commas():
    text = (
        "Preview:\n"
        'city,year,"output (RMB bn)",plants\n'
        '"Wuxi, Jiangsu",2022,"1,204.5",310\n'
        '"Taizhou, Zhejiang",2022,988.0,275\n'
    )
    got = cells(text, 2023)
    assert got[0] == ("1,204.5", 1.2045e12, "CNY", None, 2022, None, "actual")
    assert got[1][:4] == ("310", 310.0, "count", "plants")
    assert [c[0] for c in got[2:]] == ["988.0", "275"]
    t = find_tables(text, 2023)[0]
    assert t.cells[0].row_label == "Wuxi, Jiangsu"
    assert text[t.cells[0].start : t.cells[0].end] == "1,204.5"
