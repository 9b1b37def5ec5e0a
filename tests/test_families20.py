"""Families of issue 9 (seventh round): statements of the present and survey results after an
earlier year, breakdowns after a comparison base, `Since 2015 the ...` without a comma, wrapped
lines that start with a figure, past forecasts.

Sentences written for the tests; none is taken from an annotated article."""

from __future__ import annotations

from claims_helpers import find, span

from pipeline.lib.claims.present_state import (
    since_year_opening,
    states_present,
    survey_result,
)
from pipeline.lib.claims.segments import segment

# -- a sentence stating the present does not take the year of the sentence before


def test_there_are_after_last_year_is_the_publication_year():
    text = (
        "Port automation spread quickly. Throughput of the automated terminals reached 80 "
        "million containers last year. There are more than 40 automated terminals along the "
        "coast, and they employ 12,000 engineers.\n"
    )
    assert span(find(text, "more than 40", "2023-06-01")) == (2023, 2023)
    assert span(find(text, "80 million", "2023-06-01")) == (2022, 2022)


def test_in_operation_after_an_earlier_year_is_the_publication_year():
    text = (
        "Nine hub ports were upgraded in 2021. The tracking network is built around four "
        "national centres; more than 60 regional centres are in operation.\n"
    )
    assert span(find(text, "more than 60", "2023-06-01")) == (2023, 2023)
    assert span(find(text, "Nine hub ports", "2023-06-01")) == (2021, 2021)


def test_present_state_verb_after_an_earlier_year():
    text = (
        "The agency issued 3,000 warnings in 2022. The agency monitors more than 9,000 "
        "pipelines across the region.\n"
    )
    assert span(find(text, "9,000", "2024-05-01")) == (2024, 2024)


def test_past_sentence_after_an_earlier_year_keeps_it():
    text = "The agency issued 3,000 warnings in 2022. It trained 400 inspectors.\n"
    assert span(find(text, "400 inspectors", "2024-05-01")) == (2022, 2022)


def test_states_present_needs_no_past_words():
    text = "There were 40 terminals. There are 40 terminals."
    assert not states_present(text, 0, 10, 12, 24)
    k = text.index("There are")
    assert states_present(text, k, k + 10, k + 12, len(text))


# -- a survey's result without a year: the publication year


def test_survey_result_without_year_is_the_publication_year():
    text = (
        "Output of the ceramics cluster reached 12 billion yuan in 2023, up 6 percent.\n"
        "According to a survey of 150 kilns by the county bureau, energy use per tonne fell by "
        "18 percent and the scrap rate dropped to 2.1 percent.\n"
    )
    assert span(find(text, "18 percent", "2024-02-20")) == (2024, 2024)
    assert span(find(text, "150 kilns", "2024-02-20")) == (2024, 2024)
    assert span(find(text, "12 billion", "2024-02-20")) == (2023, 2023)


def test_share_of_the_surveyed_without_year_is_the_publication_year():
    text = (
        "Spending on platforms reached 8 billion yuan in 2021. Of the vendors surveyed, 38 per "
        "cent were founded by software houses.\n"
    )
    assert span(find(text, "38 per cent", "2022-05-01")) == (2022, 2022)


def test_surveyed_as_a_statistic_name_is_not_a_survey():
    text = "The surveyed urban unemployment rate was 5.1 percent."
    assert not survey_result(text, 0, text.index("5.1"))
    assert survey_result("Of the firms surveyed, 40 percent", 0, 23)


# -- a breakdown is of the figure reported, not of the comparison base after it


def test_breakdown_after_a_comparison_base_takes_the_reported_figure_year():
    text = (
        "Inspectors logged 2,400 safety incidents in 2023, up 9% from 2,200 in 2022. Of these, "
        "30% were classed as serious.\n"
    )
    assert span(find(text, "30%", "2024-04-01")) == (2023, 2023)


# -- `Since 2015 the ministry has ...` (no comma) spans from 2015


def test_since_year_opening_without_comma_spans_to_publication():
    text = "Since 2016 the agency has certified 480 testing laboratories.\n"
    assert span(find(text, "480", "2020-03-01")) == (2016, 2020)


def test_since_year_opening_helper():
    t = "Since 2016 the agency has certified 480 laboratories."
    assert since_year_opening(t, 0, 0, 10)
    assert since_year_opening(t, 0, 6, 10)
    assert not since_year_opening("Since 2016, the agency has", 0, 0, 10)


# -- a wrapped line starting with a figure continues a line ending on `of`, `to`, `by` ...


def test_wrapped_line_starting_with_a_figure_continues_the_sentence():
    text = (
        "The provincial programme, first drawn up for the years 2021 to 2023, set goals for the\n"
        "number of cloud users, the number of certified service providers and the share of the\n"
        "firms using platforms, and it asked for equipment connections in the province of\n"
        "500,000 sets by 2023, a figure the province says it has since exceeded.\n"
    )
    seg = segment(text)
    assert len(seg.paragraphs) == 1
    s0, _ = seg.sentence_at(text.index("500,000"))
    assert s0 == 0


def test_numbered_line_after_an_open_word_stays_a_line():
    text = (
        "The programme of the province lists the tasks for the coming three years, they are\n"
        "described below and the first of them is the main one for the\n"
        "1. Build 20 platforms.\n"
    )
    seg = segment(text)
    assert seg.paragraph_at(text.index("1. Build"))[0] == text.index("1. Build")


# -- a forecast made earlier about a year now past stays a forecast


def test_past_forecast_is_a_forecast_with_the_subject_of_the_sentence_before():
    text = (
        "The added value of the industrial internet industry was 3.57 trillion yuan in 2020. "
        "The academy estimated that it would reach 4.45 trillion yuan in 2022.\n"
    )
    c = find(text, "4.45", "2024-03-01")
    assert (c.status, span(c)) == ("forecast", (2022, 2022))
    assert c.indicator == find(text, "3.57", "2024-03-01").indicator == "iip_added_value"


def test_was_expected_to_reach_in_a_past_year_is_a_forecast():
    text = "Shipments were expected to reach 2 million units in 2021, the association said.\n"
    assert find(text, "2 million", "2023-03-01").status == "forecast"


def test_would_without_a_forecast_verb_is_not_a_past_forecast():
    text = "Two years ago the plant would reach 500 tonnes a day in 2021 at full load.\n"
    assert find(text, "500 tonnes", "2023-03-01").status != "forecast"


# -- a `respectively` list whose pronoun subject names the noun phrases of the sentence before


def test_they_were_respectively_takes_the_subjects_of_the_sentence_before():
    text = (
        "Two ratios tell the story. The penetration of digital R&D design tools and the "
        "numerical control rate of key processes. In 2021 they were 74.7% and 55.3%, "
        "respectively.\n"
    )
    assert find(text, "74.7%").indicator == "digital_rd_tools_penetration"
    assert find(text, "55.3%").indicator == "key_process_nc_rate"


def test_they_were_respectively_needs_as_many_phrases_as_figures():
    text = (
        "Two ratios tell the story. The penetration of digital R&D design tools. In 2021 they "
        "were 74.7% and 55.3%, respectively.\n"
    )
    assert find(text, "55.3%").indicator == "unclassified"


# -- a list compared with a `respectively` list pairs up with it in order


def test_compared_list_takes_the_indicators_of_the_respectively_list():
    text = (
        "In 2022 the penetration rate of digital R&D design tools and the numerical control "
        "rate of key processes reached 77.0% and 58.6% respectively, compared with 74.7% and "
        "55.3% a year earlier.\n"
    )
    assert find(text, "74.7%").indicator == "digital_rd_tools_penetration"
    assert find(text, "55.3%").indicator == "key_process_nc_rate"


# -- the volume of one month is not a cumulative indicator


def test_month_volume_handled_is_not_the_cumulative_indicator():
    text = (
        "In October, the identification resolution nodes handled 12.1 billion resolution "
        "requests, up 3% from September.\n"
    )
    assert find(text, "12.1 billion").indicator == "unclassified"
    text = "The secondary nodes handled nearly 13 billion resolution requests in October alone.\n"
    assert find(text, "13 billion").indicator == "unclassified"


def test_cumulative_volume_keeps_the_indicator():
    text = (
        "By the end of October, the identification resolution system had handled a cumulative "
        "120 billion resolution requests.\n"
    )
    assert find(text, "120 billion").indicator == "identification_resolutions"


def test_level_crossed_in_a_month_is_a_stock():
    from pipeline.lib.claims.month_flow import one_month_flow

    t = "registrations crossed 5 billion in august."
    assert not one_month_flow(t, 0, t.index("5"), t.index(" in"), len(t) - 1)
    t = "the nodes handled 5 billion requests in august alone."
    assert one_month_flow(t, 0, t.index("5"), t.index(" in"), len(t) - 1)


# -- `in the same three years`: the years of the sentence's own opening, in order


def test_same_three_years_takes_the_years_of_the_sentence_opening():
    text = (
        "In 2019, 2020 and 2021, connected machines reached 40 million, 50 million and 60 "
        "million sets, respectively, and the number of certified platforms stood at 90, 120 and "
        "150 in the same three years.\n"
    )
    got = [span(find(text, q, "2023-01-05")) for q in ("90", "120", "150")]
    assert got == [(2019, 2019), (2020, 2020), (2021, 2021)]


def test_share_of_respondents_without_year_is_the_publication_year():
    text = (
        "Spending on tools was 1.2 million yuan per firm in 2020.\n\n"
        "Findings\n\n"
        "Adoption is broad. 58.1% of respondents had deployed at least one industrial app.\n"
    )
    assert span(find(text, "58.1%", "2021-07-08")) == (2021, 2021)


# -- a text published by a local government body: its figures are the region's


_LOCAL_BODY = (
    "Press Release\n\n"
    "Smart Foundry Platform Goes Live in Zibo\n\n"
    "Zibo Municipal Bureau of Industry and Information Technology\n"
    "Date: 3 March 2021\n\n"
    "The platform has connected 4,200 industrial devices and serves 130 enterprises.\n\n"
    "Nationwide, the industrial internet keeps growing. By the end of 2020, more than 70 "
    "industrial internet platforms with regional and industry influence were in operation.\n"
)


def test_local_body_text_figures_are_the_regions():
    assert find(_LOCAL_BODY, "4,200", "2021-03-03").indicator == "unclassified"


def test_local_body_text_keeps_a_national_paragraph_national():
    c = find(_LOCAL_BODY, "more than 70", "2021-03-03")
    assert c.indicator == "iip_platforms_influential"


def test_news_sentence_quoting_a_bureau_is_not_a_publisher_line():
    text = (
        "China's industrial internet grows\n\n"
        "The Zibo Municipal Bureau of Industry and Information Technology said on Monday that "
        "the country had more than 70 industrial internet platforms with regional and industry "
        "influence.\n"
    )
    assert find(text, "more than 70", "2021-03-03").indicator == "iip_platforms_influential"
