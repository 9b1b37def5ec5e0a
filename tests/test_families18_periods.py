"""Period families of issue 9 (fifth round): citation years, `mid-2021`, the present of a
figure's own clause, the news paragraphs before the year an article reports on is named.

Sentences written for the tests; none is taken from an annotated article."""

from __future__ import annotations

from claims_helpers import claims, find, span

# -- an author-year citation names a cited work, not the period of the figure


def test_author_year_citation_is_no_period():
    text = (
        "Earlier work on port automation (Garcia and Moreau, 2004; Tanaka et al., 2011) finds "
        "that cranes with remote control raise throughput by 12%."
    )
    assert span(find(text, "12%")) == (2022, 2022)


def test_single_author_citation_after_the_figure():
    text = "Automated terminals handle 30% more boxes per hour (Okafor, 2016)."
    assert span(find(text, "30%")) == (2022, 2022)


def test_bracketed_year_that_is_no_citation_still_dates():
    assert span(find("Exports (Jan-Dec, 2020) rose 9%.", "9%")) == (2020, 2020)
    assert span(find("Output (RMB, 2020) rose 9%.", "9%")) == (2020, 2020)


# -- `mid-2021`, `early-2020`: a year, not a technology name like `COVID-19`


def test_mid_year_hyphenated_is_the_year():
    text = "By mid-2021 more than 80 smart ports had been built along the coast."
    assert span(find(text, "80 smart ports")) == (2021, 2021)


def test_early_year_hyphenated_is_the_year():
    text = "Freight volumes fell 7% in late-2019 as orders dried up."
    assert span(find(text, "7%")) == (2019, 2019)


# -- `now` / `today` in the figure's own clause: the present, not the year of another clause


def test_now_in_own_clause_beats_earlier_year():
    text = (
        "Container throughput passed 280 million boxes in 2020, and the country now has more "
        "than 40 automated terminals."
    )
    assert span(find(text, "280 million")) == (2020, 2020)
    assert span(find(text, "40 automated")) == (2022, 2022)


def test_today_in_own_clause_beats_target_year():
    text = "Local brands hold about 15 percent today and could reach 40 percent by 2030."
    assert span(find(text, "15 percent")) == (2022, 2022)
    assert span(find(text, "40 percent")) == (2030, 2030)


def test_clause_after_semicolon_with_today():
    text = "In 2019 the yard had 900 drivers; today it employs 120 people."
    assert span(find(text, "900 drivers")) == (2019, 2019)
    assert span(find(text, "120 people")) == (2022, 2022)


# -- a news text's opening paragraphs speak of its own time until the year it reports on is
# named (the year named most often is not carried backwards)


def test_news_lead_before_the_reported_year_is_named():
    text = (
        "Port fair closes with deals\n\n"
        "NINGBO, Sept. 9 (Harbour News) -- The autumn port fair closed in Ningbo on Friday.\n\n"
        "Organisers said 45 contracts were signed during the fair.\n\n"
        "The city's port handled 33 million boxes in 2021, up 8 percent in 2021. Rail links "
        "carried 1.2 million boxes in 2021.\n\n"
        "Sea-rail volumes rose 10 percent in 2021.\n\n"
        "The port added 9 berths during the year.\n"
    )
    assert span(find(text, "45 contracts")) == (2022, 2022)


# -- a holding in the simple present (`hold`, `control`, `dominate`) is the present, not the
# year of the sentence before; `still holds` keeps the time just described


def test_simple_present_holding_is_the_present():
    text = (
        "The country's crane market was worth about 40 billion yuan in 2020. Foreign makers "
        "hold more than 70 percent of the market for ship-to-shore cranes."
    )
    assert span(find(text, "40 billion")) == (2020, 2020)
    assert span(find(text, "70 percent")) == (2022, 2022)


def test_holding_clause_after_a_past_clause():
    text = (
        "Terminal software sales were worth 9 billion yuan in 2021, although two vendors "
        "control about 60 percent of the segment."
    )
    assert span(find(text, "60 percent")) == (2022, 2022)


def test_still_holds_keeps_the_described_year():
    text = (
        "Local brands took 21 per cent of the crane market in 2021. One foreign maker still "
        "holds close to 40 per cent of it."
    )
    assert span(find(text, "40 per cent")) == (2021, 2021)


def test_copula_report_keeps_the_year():
    text = (
        "In 2021 the secondary industry accounted for most of the added value. The tertiary "
        "industry accounts for 52 per cent."
    )
    assert span(find(text, "52 per cent")) == (2021, 2021)


# -- a bracketed comparative of a financial statement: `(six months ended 30 June 2018: 48.9%)`,
# `(31 December 2018: RMB1.0 billion)`: the period labels the figure after its colon only


def test_comparative_bracket_period_is_the_bracketed_figure_s():
    text = (
        "Gross margin was 41.2% (six months ended 30 June 2021: 43.5%). Revenue was RMB88.1 "
        "million."
    )
    assert span(find(text, "41.2%")) == (2022, 2022)
    assert span(find(text, "43.5%")) == (2021, 2021)
    assert span(find(text, "88.1")) == (2022, 2022)


def test_comparative_bracket_date_label():
    text = (
        "As at 30 June 2022, the group had cash of approximately RMB512.0 million (31 December "
        "2021: approximately RMB640.3 million)."
    )
    assert span(find(text, "512.0")) == (2022, 2022)
    assert span(find(text, "640.3")) == (2021, 2021)


# -- a total over a span named after it is the span; a level reached in a span is its last year


def test_total_over_a_following_span_is_the_span():
    text = "Total investment in port automation will reach 300 billion yuan between 2021 and 2025."
    assert span(find(text, "300 billion")) == (2021, 2025)


def test_cumulative_level_reached_in_a_span_is_the_last_year():
    text = "From 2016 to 2020, cumulative investment in smart ports rose to 90 billion yuan."
    assert span(find(text, "90 billion")) == (2020, 2020)


def test_level_reached_in_a_span_is_the_last_year():
    text = "The port's throughput grew to 40 million boxes from 2016 to 2020."
    assert span(find(text, "40 million")) == (2020, 2020)


# -- a year after a possessive or closing a name is a year, not a count of the noun after it


def test_year_closing_a_name_is_no_count():
    got = [
        c.quote for c in claims("Port Expo 2021 opens in Ningbo with 40 deals signed", "2022-09-10")
    ]
    assert got == ["40 deals"]


def test_year_after_possessive_is_no_count():
    text = "Under the ministry's 2019 guiding opinions, ports built 12 automated terminals."
    assert [c.quote for c in claims(text)] == ["12 automated terminals"]


def test_four_digit_count_after_a_verb_stays_a_count():
    assert find("The county has 2000 enterprises.", "2000").value == 2000
