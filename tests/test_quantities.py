"""Unit tests of the quantity extractor on sentences written for the tests (not the seeds)."""

from __future__ import annotations

import pytest

from pipeline.lib.quantities import extract


def qs(text):
    return [(q.text, q.value, q.unit, q.bound) for q in extract(text).quantities]


def one(text):
    found = extract(text).quantities
    assert len(found) == 1, found
    return found[0]


def reasons(text):
    return {(i.text, i.reason) for i in extract(text).ignored}


# ---- numbers -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, value",
    [
        ("The plant employs 180000 workers.", 180000),
        ("Output reached 9,499.4 tonnes.", 9499.4),
        ("It has twenty-three branches.", 23),
        ("one trillion yuan was invested", 1e12),
        ("The fund holds 73m users.", 73e6),
        ("Sales hit US$5bn last quarter.", 5e9),
        ("a deal worth 10k dollars", 1e4),
        ("27 trillion and 200 billion yuan of assets", 2.72e13),
        ("capacity of 2 ten-thousand tonnes", 2e4),
        ("ten thousand tonnes of steel", 1e4),
        ("3 hundred million yuan", 3e8),
        ("one hundred and six companies", 106),
        ("four point five percent", 4.5),
        ("1.02 billion tonnes of crude steel", 1.02e9),
    ],
)
def test_number_values(text, value):
    q = extract(text).quantities[0]
    assert q.value == pytest.approx(value)


# ---- units -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, unit, value",
    [
        ("revenue of 1.2 trillion yuan", "CNY", 1.2e12),
        ("RMB 500 million in subsidies", "CNY", 5e8),
        ("a ¥30 billion fund", "CNY", 3e10),
        ("costs 40 euros", "EUR", 40),
        ("a €2 million grant", "EUR", 2e6),
        ("HK$3.5 billion", "HKD", 3.5e9),
        ("2,000 US dollars", "USD", 2000),
        ("growth of 6.5 per cent", "percent", 6.5),
        ("a rise of 12 percent", "percent", 12),
        ("up 0.8 percentage points", "percentage_point", 0.8),
        ("cut by 25 basis points", "percentage_point", 0.25),
        ("10,000 tonnes of coal", "t", 1e4),
        ("350 kilograms", "t", 0.35),
        ("3.5 GWh of power", "kWh", 3.5e6),
        ("12 MW of solar capacity", "kW", 1.2e4),
        ("1,200 km of fibre", "km", 1200),
        ("40,000 square metres of plant", "m2", 4e4),
        ("a 100 Gbps link", "Gbps", 100),
        ("stores 20 TB of data", "TB", 20),
        ("output grew 3 times", "times", 3),
    ],
)
def test_units(text, unit, value):
    q = one(text)
    assert q.unit == unit
    assert q.value == pytest.approx(value)


def test_two_currencies_in_parentheses():
    found = extract("sales of CNY1.2 trillion (USD170 billion) in the year").quantities
    assert [(q.unit, q.value) for q in found] == [("CNY", 1.2e12), ("USD", 1.7e11)]
    found = extract("revenue rose to 1.2 trillion yuan ($170 billion)").quantities
    assert [(q.unit, q.value) for q in found] == [("CNY", 1.2e12), ("USD", 1.7e11)]


def test_percentage_point_is_not_percent():
    q = one("the share rose by nearly 5 percentage points")
    assert (q.unit, q.bound, q.text) == ("percentage_point", "approx", "nearly 5 percentage points")


def test_bare_number_has_no_unit():
    q = one("the added value will exceed 6 trillion, officials said")
    assert q.unit is None and q.value == 6e12 and q.bound == "lower"


# ---- counts ------------------------------------------------------------------------------------
def test_count_with_noun_phrase():
    q = one("There are now more than 240 industrial Internet platforms in operation.")
    assert (q.unit, q.counted, q.noun_phrase) == (
        "count",
        "platforms",
        "industrial Internet platforms",
    )
    assert q.text == "more than 240 industrial Internet platforms"


def test_count_sets_before_of():
    q = one("some 12 million sets of machine tools were linked")
    assert (q.counted, q.value, q.bound) == ("sets", 12e6, "approx")


def test_count_with_technology_modifier():
    q = one("China had built 2.31 million 5G base stations by the end of 2022")
    assert (q.unit, q.counted, q.value) == ("count", "stations", 2.31e6)


def test_count_fallback_any_plural_noun():
    q = one("It covers 52 prefectures")
    assert q.counted == "prefectures"


def test_identifier_registrations_exceeded():
    q = one("the number of identification registrations exceeded 100 billion")
    assert (q.value, q.bound, q.text) == (1e11, "lower", "exceeded 100 billion")


# ---- bounds ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, bound, quote",
    [
        ("Over 60% of firms", "lower", "Over 60%"),
        ("at least 30 projects", "lower", "at least 30 projects"),
        ("no less than 5 billion yuan", "lower", "no less than 5 billion yuan"),
        ("sales surpassed 8 million units", "lower", "surpassed 8 million units"),
        ("less than 2% of output", "upper", "less than 2%"),
        ("up to 400 MW", "upper", "up to 400 MW"),
        ("no more than 15 days", None, None),
        ("about 7.5 billion yuan", "approx", "about 7.5 billion yuan"),
        ("roughly 300 suppliers", "approx", "roughly 300 suppliers"),
        ("close to 90 percent", "approx", "close to 90 percent"),
        ("costs fell by an average of 17%", "exact", "17%"),
        ("150 platforms or more", "lower", "150 platforms or more"),
    ],
)
def test_bounds(text, bound, quote):
    found = extract(text).quantities
    if bound is None:
        assert found == []
        return
    assert (found[0].bound, found[0].text) == (bound, quote)


# ---- ranges ------------------------------------------------------------------------------------
def test_range_with_distributed_scale_and_unit():
    a, b = extract("between 10 and 20 billion yuan").quantities
    assert (a.value, a.unit, a.bound) == (1e10, "CNY", "lower")
    assert (b.value, b.unit, b.bound) == (2e10, "CNY", "upper")
    assert a.range_id == b.range_id is not None


def test_range_hyphen_percent():
    a, b = extract("growth of 3-5 percent").quantities
    assert (a.value, a.unit, b.value, b.unit) == (3, "percent", 5, "percent")


def test_range_number_words_count():
    a, b = extract("Three to five major platforms will be built").quantities
    assert (a.value, a.counted, b.value, b.counted) == (3, "platforms", 5, "platforms")
    assert (a.bound, b.bound) == ("lower", "upper")


def test_change_from_to_is_not_a_range():
    found = extract("output rose from 120 to 150 million tonnes").quantities
    assert all(q.range_id is None for q in found)


# ---- periods -----------------------------------------------------------------------------------
def test_years_and_ranges_are_periods():
    e = extract("In 2021 and from 2018 to 2020, and during 2012-2021, by the end of 2022.")
    got = [(p.text, p.year_start, p.year_end) for p in e.periods]
    assert ("In 2021", 2021, 2021) in got
    assert ("from 2018 to 2020", 2018, 2020) in got
    assert ("during 2012-2021", 2012, 2021) in got
    assert ("by the end of 2022", 2022, 2022) in got
    assert e.quantities == []


def test_report_title_year():
    e = extract('the "Blue Book on Smart Factories (2023)" says')
    assert [(p.kind, p.year_start) for p in e.periods] == [("year", 2023)]


def test_dates():
    e = extract("On March 3rd, on 2023-05-14, on 2020.11.02 and on February 9, 2024")
    assert [(p.kind, p.year_start, p.month, p.day) for p in e.periods] == [
        ("date", None, 3, 3),
        ("date", 2023, 5, 14),
        ("date", 2020, 11, 2),
        ("date", 2024, 2, 9),
    ]
    assert e.quantities == []


def test_relative_and_present_periods():
    e = extract("over the past three years, last year, in the next five years, so far, currently")
    got = [(p.kind, p.offset_start, p.offset_end) for p in e.periods]
    assert got == [
        ("relative", -3, 0),
        ("relative", -1, -1),
        ("relative", 1, 5),
        ("present", None, None),
        ("present", None, None),
    ]
    assert e.quantities == []


def test_year_used_as_amount():
    q = one("the park hosts more than 2000 enterprises")
    assert (q.value, q.counted) == (2000, "enterprises")


# ---- exclusions --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, reason",
    [
        ("under the 15th Five-Year Plan", "plan_name"),
        ("the thirteenth five year plan", "plan_name"),
        ('the "Smart Factory Action Plan (2024-2026)" says', "plan_name"),
        ("toward the long-term goals for the year 2035", "plan_name"),
        ("at the 5th World Expo", "ordinal"),
        ("held the seventh forum", "ordinal"),
        ("the country ranks third in the world", "rank"),
        ("Second, costs fell.", "list_number"),
        ("a two-level network", "compound_modifier"),
        ("5G and 4G networks", "technology"),
        ("Industry 4.0 and Web 3.0", "technology"),
        ("call 010-65432100 now", "phone"),
        ("at 10:30 a.m. on Monday", "time"),
        ("building a factory took 3 years", "duration"),
        ("the two countries agreed", "rhetorical_count"),
        ("faces four major challenges", "rhetorical_count"),
        ("one of the seven experts", "pronoun"),
    ],
)
def test_exclusions(text, reason):
    e = extract(text)
    assert e.quantities == [], e.quantities
    assert reason in {i.reason for i in e.ignored}


def test_small_count_of_concrete_noun_is_kept():
    q = one("The four top-level nodes are running.")
    assert (q.value, q.counted) == (4, "nodes")


def test_offsets_are_exact():
    text = "Profit was nearly 3 trillion yuan in 2022."
    q = one(text)
    assert text[q.start : q.end] == q.text == "nearly 3 trillion yuan"
    assert text[q.number_start : q.number_end] == "3 trillion"


def test_linear_on_long_text():
    # paragraphs of five sentences: one line of 8,000 numbers would be set aside as not prose
    sentence = "Output rose 5% to 3 trillion yuan in 2021, with more than 150 platforms. "
    text = (sentence * 5 + "\n") * 400
    assert len(extract(text).quantities) == 6000


# ---- computing power ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, value",
    [
        ("The national total reached 180 EFLOPS last year.", 180),
        ("a cluster of 3 exaflops", 3),
        ("intelligent computing power of 500 petaflops", 0.5),
        ("the new centre adds 260 PFLOPS", 0.26),
        ("each server delivers 20 TFLOPS", 2e-5),
        ("more than 1.2 EFLOP/s of capacity", 1.2),
    ],
)
def test_computing_power_is_a_unit_in_eflops(text, value):
    q = one(text)
    assert q.unit == "EFLOPS" and q.counted is None
    assert q.value == pytest.approx(value)


# ---- currency conversions in brackets ----------------------------------------------------------
@pytest.mark.parametrize(
    "text, first, second",
    [
        ("Its revenue was 1.2 trillion yuan ($168 billion) last year.", "CNY", "USD"),
        ("Exports reached CNY1.2 trillion (USD170 billion) in 2022.", "CNY", "USD"),
        ("The fund holds 5 billion yuan (about 700 million U.S. dollars).", "CNY", "USD"),
        ("The deal is worth $2 million (or 1.8 million euros).", "USD", "EUR"),
        ("Sales hit 30 billion yuan [roughly $4.2 billion] in May.", "CNY", "USD"),
    ],
)
def test_bracketed_currency_conversion(text, first, second):
    a, b = extract(text).quantities
    assert (a.unit, a.converts) == (first, None)
    assert (b.unit, b.converts) == (second, 0)


def test_conversion_range_points_to_the_amount():
    qs_ = extract("a loan of 2.5 billion euros (US$2.7-2.8 billion) was signed").quantities
    assert [q.converts for q in qs_] == [None, 0, 0]


@pytest.mark.parametrize(
    "text",
    [
        "Sales were 5 billion yuan (1 billion yuan of it online).",  # same currency: a part
        "Profit rose 3% ($2 million) on the year.",  # a percent is not money
        "Revenue was 30 billion yuan, while costs were $4.2 billion.",  # no bracket
        "The firm (with $3 million in assets) is small.",  # no amount before the bracket
    ],
)
def test_not_a_conversion(text):
    assert all(q.converts is None for q in extract(text).quantities)


# ---- parts of a year ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, quote, year, part",
    [
        ("In the first half of 2023, output rose 6%.", "In the first half of 2023", 2023, "H1"),
        (
            "During the second half of 2021 sales fell 2%.",
            "During the second half of 2021",
            2021,
            "H2",
        ),
        (
            "In the first three quarters of 2022, profits rose 9%.",
            "In the first three quarters of 2022",
            2022,
            "Q1-Q3",
        ),
        (
            "In the first 11 months of 2023, exports rose 5%.",
            "In the first 11 months of 2023",
            2023,
            "M1-M11",
        ),
        ("In the first eight months, 30 firms listed.", "In the first eight months", None, "M1-M8"),
        ("From January to October, profits rose 7%.", "From January to October", None, "M1-M10"),
        ("Between March and May 2022 prices fell 3%.", "Between March and May 2022", 2022, "M3-M5"),
        ("Jan.-Oct. 2022 output was 9 tonnes.", "Jan.-Oct. 2022", 2022, "M1-M10"),
        ("In the first quarter, sales rose 4%.", "In the first quarter", None, "Q1"),
        ("in the fourth quarter of 2020 it fell 1%", "in the fourth quarter of 2020", 2020, "Q4"),
        ("H1 2023 revenue rose 3%.", "H1 2023", 2023, "H1"),
        ("In Q3 2022 margins rose 2%.", "Q3 2022", 2022, "Q3"),
        ("Q1-Q3 2022 profits rose 8%.", "Q1-Q3 2022", 2022, "Q1-Q3"),
        ("The 2023Q1 report showed 5% growth.", "2023Q1", 2023, "Q1"),
        (
            "by the end of the first quarter of 2024, 5 tonnes",
            "by the end of the first quarter of 2024",
            2024,
            "Q1",
        ),
    ],
)
def test_part_of_year_periods(text, quote, year, part):
    e = extract(text)
    (p,) = e.periods
    assert (p.text, p.kind, p.year_start, p.year_end, p.part) == (quote, "year", year, year, part)
    # the numbers inside (`three`, `11`, `2023`) are not quantities
    assert all(q.start >= p.end or q.end <= p.start for q in e.quantities)
    assert (p.start, p.end, "part_year") in {(i.start, i.end, i.reason) for i in e.ignored}


def test_part_of_a_relative_year():
    (p,) = extract("In the first two months of last year, 7 deals closed.").periods
    assert (p.kind, p.offset_start, p.offset_end, p.part) == ("relative", -1, -1, "M1-M2")
    (p,) = extract("in the first half of this year").periods
    assert (p.kind, p.offset_start, p.part) == ("relative", 0, "H1")


@pytest.mark.parametrize(
    "text",
    [
        "In the first three quarters of 2022, output rose 5%.",
        "In the first 11 months of 2023, exports rose 5%.",
        "In the first eleven months, exports rose 5%.",
        "Q1-Q3 2022 profits rose 5%.",
    ],
)
def test_numbers_inside_a_part_of_year_are_not_quantities(text):
    assert [q.text for q in extract(text).quantities] == ["5%"]


@pytest.mark.parametrize(
    "text",
    [
        "the first half of the 20th century",  # not a year
        "the first quarter of the match",
        "January and February were cold",  # `and` needs `between`
        "from January 1 to October 31, 2022",  # two dates
        "H2 alone",  # H1/H2 need a year
        "last quarter",  # relative, as before
    ],
)
def test_not_a_part_of_year(text):
    assert all(p.part is None for p in extract(text).periods)


def test_recent_years_is_relative_without_offsets_and_no_quantity():
    e = extract("In recent years, the sector has grown quickly.")
    assert [(p.kind, p.offset_start, p.offset_end) for p in e.periods] == [("relative", None, None)]
    assert e.quantities == []


# ---- technology names and leftovers ------------------------------------------------------------
def test_10g_pon_is_technology_and_a_modifier_of_a_count():
    e = extract("10G PON ports exceeded 15 million, and 2.31 million 10G-PON ports were added.")
    assert {(i.text, i.reason) for i in e.ignored} >= {("10G", "technology")}
    a, b = e.quantities
    assert (a.text, a.unit) == ("exceeded 15 million", None)
    assert (b.text, b.unit, b.counted) == ("2.31 million 10G-PON ports", "count", "ports")


def test_glued_m_alone_is_not_read_and_one_before_a_singular_noun_is_set_aside():
    assert extract("The tower is 100m tall.").quantities == []  # metres or million: not read
    e = extract("Zhejiang built one platform in May.")
    assert e.quantities == []  # `one` + singular noun: an article, not a statistic
    assert ("one", "singular") in {(i.text, i.reason) for i in e.ignored}


# ---- additive compounds vs ranges ----------------------------------------------------------------
@pytest.mark.parametrize(
    "text, value",
    [
        ("The province holds 27 trillion and 200 billion yuan in deposits.", 2.72e13),
        ("a reserve of 3 million and 450 thousand tonnes", 3.45e6),
        ("Assets came to 1 trillion and 999 billion yuan.", 1.999e12),
    ],
)
def test_chinese_habit_sum_when_the_second_scale_is_smaller(text, value):
    q = one(text)
    assert q.value == pytest.approx(value)


def test_between_two_scaled_amounts_is_a_range_not_a_sum():
    a, b = extract(
        "Spending may stay between 180 billion and 200 billion yuan next year."
    ).quantities
    assert (a.value, a.unit, a.bound) == (1.8e11, "CNY", "lower")
    assert (b.value, b.unit, b.bound) == (2e11, "CNY", "upper")
    assert a.range_id is not None and a.range_id == b.range_id


def test_between_with_currency_sign_and_word_numbers_is_a_range():
    a, b = extract("a budget between RMB 40 billion and 60 billion").quantities
    assert (a.value, a.unit, b.value, b.unit) == (4e10, "CNY", 6e10, "CNY")
    a, b = extract("between one thousand and two thousand workers").quantities
    assert (a.value, a.bound, b.value, b.bound) == (1000, "lower", 2000, "upper")


def test_and_between_equal_scales_does_not_add():
    # not a sum (the second is not smaller than a billion): two numbers
    vals = [
        q.value for q in extract("Imports of 180 billion and exports of 200 billion.").quantities
    ]
    assert vals == [1.8e11, 2e11]
    vals = [q.value for q in extract("They spent 5 million and 7 million yuan.").quantities]
    assert 1.2e7 not in vals and 7e6 in vals


def test_english_hundred_and_stays_one_number():
    assert one("one hundred and twenty thousand residents").value == 120_000
    assert one("five million and three hundred thousand users").value == 5_300_000


# ---- `times`: occurrences vs multiplier ----------------------------------------------------------
@pytest.mark.parametrize(
    "text, value, bound",
    [
        ("The platform was queried about 80 million times a day.", 8e7, "approx"),
        ("Cumulative visits reached 120 billion times, with", 1.2e11, "exact"),
        ("the daily average exceeding 2 million times.", 2e6, "lower"),
        ("The app was opened 45,000 times last week.", 45_000, "exact"),
    ],
)
def test_large_number_of_times_counts_occurrences(text, value, bound):
    q = one(text)
    assert (q.value, q.unit, q.counted, q.bound) == (pytest.approx(value), "count", "times", bound)


@pytest.mark.parametrize(
    "text, value",
    [
        ("Exports were 3 times higher than in 2015.", 3),
        ("Output increased 2.5 times over the decade.", 2.5),
        ("Its speed is 10,000 times that of a laptop.", 10_000),
        ("capacity is 1 million times faster", 1e6),
        ("an increase of 2,000 times since launch", 2_000),
        ("sales grew by more than 1,500 times", 1_500),
        ("a 300-fold rise", 300),
        ("output grew 3 times", 3),
    ],
)
def test_times_that_compares_stays_a_multiplier(text, value):
    q = one(text)
    assert (q.value, q.unit, q.counted) == (pytest.approx(value), "times", None)


def test_multiplier_unit_is_a_stored_code_of_the_vocabulary():
    from pipeline.metadata.units import BY_CODE, STORED_CODES

    assert "times" in STORED_CODES and BY_CODE["times"].kind == "multiplier"


# ---- number words and counted nouns after modifiers ----------------------------------------------
@pytest.mark.parametrize(
    "text, value, counted, phrase",
    [
        (
            "The plan will foster one hundred thousand innovative small and medium-sized firms.",
            1e5, "firms", "innovative small and medium-sized firms",
        ),
        ("It supports ten thousand enterprises.", 1e4, "enterprises", "enterprises"),
        ("seven regional computing hub nodes were planned", 7, "nodes",
         "regional computing hub nodes"),
        ("help 200,000 small and medium-sized enterprises go online", 2e5, "enterprises",
         "small and medium-sized enterprises"),
        ("about 30 cross-sector and cross-regional industrial Internet platforms", 30,
         "platforms", "cross-sector and cross-regional industrial Internet platforms"),
        ('train 5,000 "specialised and sophisticated" enterprises', 5000, "enterprises",
         '"specialised and sophisticated" enterprises'),
        ('More than 600 "5G + smart factory" projects', 600, "projects",
         '"5G + smart factory" projects'),
    ],
)  # fmt: skip
def test_counted_noun_is_the_head_after_modifiers(text, value, counted, phrase):
    q = one(text)
    assert (q.value, q.unit, q.counted, q.noun_phrase) == (value, "count", counted, phrase)


@pytest.mark.parametrize(
    "text",
    [
        "The count exceeded 38,000 and employs many.",  # `and` right after the number
        "Revenue reached 100 billion last year and users rose.",  # `year` is not a modifier
        'It grew 30 "this year," officials said.',  # a quotation, not a quoted modifier
    ],
)
def test_coordination_and_quotes_do_not_invent_a_counted_noun(text):
    assert extract(text).quantities[0].unit is None


def test_number_with_counted_noun_before_it_stays_bare():
    # `the number of X exceeded 38,000`: no unit here; the claims layer may infer a count
    q = one("The number of listed enterprises in the sector exceeded 52,000.")
    assert (q.text, q.value, q.unit, q.bound) == ("exceeded 52,000", 52_000, None, "lower")


# ---- line breaks inside a sentence ---------------------------------------------------------------
@pytest.mark.parametrize(
    "text, value, unit, counted",
    [
        ("broadband subscribers reached 6.12\nmillion by June", 6.12e6, None, None),
        ("the province had 6.12 million\nsubscribers by June", 6.12e6, "count", "subscribers"),
        ("revenue of 3.4\r\nbillion\r\nyuan", 3.4e9, "CNY", None),
        ("invested 2.5 billion\nyuan in", 2.5e9, "CNY", None),
    ],
)
def test_a_line_break_inside_a_sentence_is_a_space(text, value, unit, counted):
    q = one(text)
    assert (q.value, q.unit, q.counted) == (pytest.approx(value), unit, counted)


def test_a_blank_line_ends_the_unit_and_counted_noun_search():
    q = extract("The total was 25 million\n\nUsers of the app said").quantities[0]
    assert (q.value, q.unit) == (2.5e7, None)
    q = extract("Item 30\n\nYuan exchange rates").quantities[0]
    assert (q.value, q.unit) == (30, None)


# ---- bound verbs of headlines --------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, quote, bound",
    [
        ("Broadband users top 600 million", "top 600 million", "lower"),
        ("Software revenue tops 9tn yuan", "tops 9tn yuan", "lower"),
        ("Exports could pass 50 billion dollars", "pass 50 billion dollars", "lower"),
        ("Shipments passed 3 million units in May", "passed 3 million", "lower"),
        ("E-commerce sales crossed 1 trillion yuan", "crossed 1 trillion yuan", "lower"),
        ("Retail sales hit 4 trillion yuan", "4 trillion yuan", "exact"),
    ],
)
def test_headline_bound_verbs(text, quote, bound):
    q = extract(text).quantities[0]
    assert (q.text[: len(quote)], q.bound) == (quote, bound)


@pytest.mark.parametrize(
    "text",
    [
        "ranked in the top 20 nationwide",  # `top` after a determiner/preposition
        "The legislature passed 30 laws this year.",  # object of the verb
        "The pipeline crosses 5 provinces.",
    ],
)
def test_top_pass_cross_are_not_bounds_before_counts_or_ranks(text):
    q = extract(text).quantities[0]
    assert q.bound == "exact"


@pytest.mark.parametrize(
    "text",
    ["the top 10 companies by revenue", 'It joined the "Global Top 200 Brands" list again.'],
)
def test_top_n_before_a_counted_noun_is_a_ranking_list(text):
    e = extract(text)
    assert e.quantities == []
    assert [i.reason for i in e.ignored if i.text[0].isdigit()] == ["rank"]


def test_top_before_a_scaled_count_is_a_headline_lower_bound():
    q = extract("Vehicle exports top 4 mln units in 2024").quantities[0]
    assert (q.text, q.value, q.bound, q.counted) == ("top 4 mln units", 4e6, "lower", "units")


# ---- quoted counted nouns, shared units, `N of the M` ------------------------------------------
@pytest.mark.parametrize(
    ("text", "quote", "counted"),
    [
        ('The city named 48 "smart districts" last year.', '48 "smart districts"', "districts"),
        ('So far 12 "green ports", the ministry said.', '12 "green ports"', "ports"),
    ],
)
def test_quoted_noun_phrase_after_a_number_is_the_counted_noun(text, quote, counted):
    q = extract(text).quantities[0]
    assert (q.text, q.unit, q.counted) == (quote, "count", counted)


def test_quoted_modifier_before_a_noun_stays_a_modifier():
    q = extract('It has 9 "little giant" firms.').quantities[0]
    assert (q.text, q.counted) == ('9 "little giant" firms', "firms")


def test_first_number_of_a_set_counts_the_same_noun():
    a, b = extract("Germany hosts 14 of the world's 120 pilot plants today.").quantities
    assert (a.text, a.unit, a.counted) == ("14", "count", "plants")
    assert (b.text, b.counted) == ("120 pilot plants", "plants")
    a, _ = extract("It owns 3 of its 8 mines.").quantities
    assert (a.text, a.counted) == ("3", "mines")


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("Imports and exports were 4.2 million and 3.9 million tonnes respectively.", ["t", "t"]),
        ("Output and sales reached 1.5 billion and 1.4 billion units.", ["count", "count"]),
        ("Prices rose 3.1, 2.4 and 1.9 percent in turn.", ["percent"] * 3),
    ],
)
def test_listed_numbers_share_the_unit_written_after_the_last(text, units):
    assert [q.unit for q in extract(text).quantities] == units


def test_no_shared_unit_across_a_new_clause_or_different_scales():
    e = extract("Users exceeded 20 million, and 1.5 million new lines were built.")
    assert e.quantities[0].unit is None
    e = extract("It reached 3 million and 4 billion yuan.")
    assert e.quantities[0].unit is None
    e = extract("Sales hit 7 million, 2 million vehicles of them exported.")
    assert e.quantities[0].unit is None


@pytest.mark.parametrize(
    "text", ["(3) Digital workshops. Build more plants.", "Goals:\n(2) Green growth comes first."]
)
def test_bracketed_list_numbers_are_not_counts(text):
    e = extract(text)
    assert e.quantities == []
    assert [i.reason for i in e.ignored if i.text[0].isdigit()] == ["list_number"]


def test_plus_joined_numbers_are_a_name():
    e = extract('It follows a "3+1" layout.')
    assert e.quantities == []


# ---- not statistics: denominators and `one` + singular noun --------------------------------------
@pytest.mark.parametrize(
    "text, ignored",
    [
        ("There were 392 robots per 10,000 workers.", "10,000 workers"),
        ("Every 1 yuan invested brings 3 yuan of output.", "1 yuan"),
        ("each 100 households own 45 cars", "100 households"),
    ],
)
def test_denominators_are_not_quantities(text, ignored):
    e = extract(text)
    assert (ignored, "denominator") in {(i.text, i.reason) for i in e.ignored}
    assert all(ignored not in q.text for q in e.quantities)
    assert len(e.quantities) == 1


def test_one_with_a_singular_noun_is_not_a_statistic():
    e = extract("The cluster has one leading company and 120 suppliers.")
    assert [(q.value, q.counted) for q in e.quantities] == [(120, "suppliers")]
    assert ("one", "singular") in {(i.text, i.reason) for i in e.ignored}
    # `one million` is unaffected; `one in five` is a share (percent)
    assert one("one million users").value == 1e6
    assert extract("one in five firms").quantities[0].value == 20


# ---- set 4: comma-joined word numbers, hyphenated amounts, fractions, `twice as` ----------------


@pytest.mark.parametrize(
    ("text", "value", "counted"),
    [
        ("The city now has two million, four hundred thousand subscribers.", 2.4e6, "subscribers"),
        ("It licensed six million, eighty-one thousand vehicles.", 6_081_000, "vehicles"),
        ("a total of one billion, two hundred million users", 1.2e9, "users"),
        ("two million, three thousand enterprises", 2_003_000, "enterprises"),
    ],
)
def test_word_number_continues_after_comma_with_lower_scale(text, value, counted):
    q = one(text)
    assert (q.value, q.counted) == (value, counted)


def test_word_number_comma_keeps_lists_apart():
    assert [q.value for q in extract("Scores were three, four and five.").quantities] == [3, 4, 5]
    # same scale after the comma: a list, not one number
    got = [q.value for q in extract("two million, three million and four million users").quantities]
    assert got == [2e6, 3e6, 4e6]
    # digits are not joined
    got = [q.value for q in extract("Sales hit 7 million, 200 thousand of them abroad.").quantities]
    assert got[0] == 7e6
    # the continuation ends before `, and`
    q = extract("Lines should pass nine million, six hundred thousand, and more later.").quantities
    assert q[0].value == 9.6e6


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The group opened a 20-billion-dollar fab.", 2e10, "USD"),
        ("a 3-million-yuan subsidy was paid", 3e6, "CNY"),
        ("It raised $4-billion from investors.", 4e9, "USD"),
    ],
)
def test_hyphenated_scale_in_compound_adjective(text, value, unit):
    q = one(text)
    assert (q.value, q.unit) == (value, unit)


def test_scale_word_without_number_after_prefix_is_ignored():
    e = extract("They signed a multi-billion-dollar deal and a multi-million contract.")
    assert e.quantities == []
    assert {i.reason for i in e.ignored} == {"compound_modifier"}


@pytest.mark.parametrize(
    ("text", "span", "value", "bound"),
    [
        ("Members pay about one-fifth of the market price.", "about one-fifth", 20, "approx"),
        ("Two cities produce nearly half of the provincial output.", "nearly half", 50, "approx"),
        ("Exports account for two-thirds of the firm's revenue.", "two-thirds", 200 / 3, "exact"),
        ("more than a quarter of households own a car", "more than a quarter", 25, "lower"),
        ("Waiting times have dropped by a third.", "a third", 100 / 3, "exact"),
    ],
)
def test_fractions_in_words_are_percent(text, span, value, bound):
    q = [q for q in extract(text).quantities if q.unit == "percent"]
    assert len(q) == 1, q
    assert (q[0].text, q[0].bound) == (span, bound)
    assert q[0].value == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    [
        "Output grew in the second half of 2022.",
        "Profits fell in the first quarter of the year.",
        "nearly half of 2021 was spent on tests",
        "about a quarter of the year passed",
        "The plan wants Asia to be a third of sales.",  # no bound word, no share verb
        "the other half of the budget",
        "a third-party supplier",
        "a rise of half of a percentage point",
    ],
)
def test_fraction_words_that_are_not_figures(text):
    assert [q for q in extract(text).quantities if q.unit == "percent"] == []


def test_twice_as_much_as_is_a_multiplier():
    q = one("Buyers ordered twice as many as last spring.")
    assert (q.text, q.value, q.unit) == ("twice as many as", 2, "times")
    assert extract("The team met twice in May.").quantities == []


def test_and_more_than_belongs_to_the_next_figure():
    text = "The country built 2.31 million base stations and more than 240 platforms."
    qs = extract(text).quantities
    assert [(q.text, q.bound) for q in qs] == [
        ("2.31 million base stations", "exact"),
        ("more than 240 platforms", "lower"),
    ]
    assert [q.bound for q in extract("Sales of 500 units and more were logged.").quantities] == [
        "lower"
    ]


# ---- set 6: reference figures after a bound word, currency ranges, `one in five`, counts -------


@pytest.mark.parametrize(
    ("text", "quote", "bound"),
    [
        ("Exports slipped as much as 12 per cent in March.", "as much as 12 per cent", "upper"),
        ("Prices may rise up to as much as 8 percent.", "as much as 8 percent", "upper"),
        ("Inflation stayed below the 3 per cent target this year.", "3 per cent", "exact"),
        ("Output grew above the 4.1 percent average of peers.", "4.1 percent", "exact"),
        ("Sales passed the 2 trillion yuan mark in May.", "2 trillion yuan", "exact"),
        ("Growth came in under the 6.3 per cent seen in 2022.", "6.3 per cent", "exact"),
        ("The fund holds more than 40 billion yuan.", "more than 40 billion yuan", "lower"),
    ],
)
def test_bound_word_before_a_reference_figure(text, quote, bound):
    q = one(text)
    assert (q.text, q.bound) == (quote, bound)


def test_range_with_a_currency_sign_on_both_ends():
    e = extract("Capex should total (HK$15 billion to HK$18 billion) next year.")
    got = [(q.text, q.unit, q.bound, q.range_id is not None) for q in e.quantities]
    assert [g[2] for g in got] == ["lower", "upper"]
    assert all(g[3] for g in got)
    assert got[1][0] == "HK$18 billion"


@pytest.mark.parametrize(
    ("text", "quote", "value", "bound"),
    [
        ("Maybe one in four of the shops has a website.", "Maybe one in four", 25, "approx"),
        (
            "Roughly one in three servers in the cluster sits idle.",
            "Roughly one in three",
            100 / 3,
            "approx",
        ),
        ("Fewer than one in ten farms use drones.", "Fewer than one in ten", 10, "upper"),
        ("Among suppliers, fewer than half have an ERP system.", "fewer than half", 50, "upper"),
        ("About a third are still offline.", "About a third", 100 / 3, "approx"),
    ],
)
def test_one_in_n_and_fraction_subjects_are_percent(text, quote, value, bound):
    e = extract(text)
    assert len(e.quantities) == 1  # `three servers` is not a count
    q = e.quantities[0]
    assert (q.text, q.unit, q.bound) == (quote, "percent", bound)
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value", "counted"),
    [
        ("The lab employs 1,208 R&D engineers across sites.", 1208, "engineers"),
        ("It hired 310 M&A advisers last year.", 310, "advisers"),
        ('Some 2,750 "fast, green and smart" pilot projects were approved.', 2750, "projects"),
    ],
)
def test_counted_noun_after_abbreviation_or_quoted_modifier(text, value, counted):
    q = one(text)
    assert (q.value, q.unit, q.counted) == (value, "count", counted)


def test_year_after_a_determiner_is_not_a_count():
    e = extract('Is the 2026 plan on track? "Check back in nine months," she said.')
    assert e.quantities == []
    e = extract("Their 2025 goals include 300 factories.")
    assert [(q.value, q.counted) for q in e.quantities] == [(300, "factories")]


# issue 9, family 11: Chinese statistical-table units translated word for word
def test_chinese_table_unit_hundred_million_multiplies():
    q = [q for q in extract("Sales were 4,560 100 million yuan.").quantities]
    assert len(q) == 1 and q[0].value == 4.56e11 and q[0].unit == "CNY"
    assert q[0].text == "4,560 100 million yuan"


def test_chinese_table_unit_ten_thousand_multiplies():
    q = extract("Average pay was 9,876 10,000 yuan per person.").quantities
    assert [(x.value, x.unit) for x in q][:1] == [(98760000.0, "CNY")]


def test_bare_scale_word_is_not_a_figure():
    assert extract("The output passed the hundred million yuan mark.").quantities == []
    assert extract("Billion-yuan projects were named.").quantities == []
    assert [x.value for x in extract("a million users").quantities] == [1e6]


def test_chinese_table_count_unit_ten_thousand_units():
    # issue 9: `N 10,000 units` (万台) is N x 10,000 units, not a separate 10,000
    from pipeline.lib.quantities import extract

    text = "Output: tractors 31.5 10,000 units, up 2.1 percent; looms 4.08 10,000 sets."
    got = [(q.value, q.unit) for q in extract(text).quantities]
    assert (315000.0, "count") in got
    assert (40800.0, "count") in got
    assert all(v != 10000.0 for v, _ in got)
