"""Families of issue 9 (tuned on the first contacts of sets 24 and 25): a post's stamp line
(`Name @handle · 14 Jul 2017`) and a report's edition year (`White Paper on ... (2020)`, `its
2017 white paper`) are not reference periods; a text on a report's edition of the
publication year, not a news story of the release, dates its figures without a time word by
the report's data year (the article year, the year before).

Sentences written for the tests; none is taken from an annotated article."""

from __future__ import annotations

from claims_helpers import claims, span

from pipeline.lib.claims.stamps import edition_year, stamp_year


def quotes(text: str, published: str | None = "2019-06-20") -> dict[str, object]:
    return {c.quote: c for c in claims(text, published)}


def _at(text: str, needle: str) -> tuple[int, int]:
    i = text.index(needle)
    return i, i + len(needle)


# -- stamp lines and edition years (the helpers)


def test_stamp_line_of_a_post():
    text = "Zhao Min @zhaomin_data · 3 Jun 2019\nThe robot count was up 12% in 2018.\n"
    assert stamp_year(text, *_at(text, "2019"))
    assert not stamp_year(text, *_at(text, "2018"))


def test_time_and_date_stamp_is_a_stamp_but_a_heading_date_alone_is_not():
    text = "9:05 PM - 3 Jun 2019\n\n3 June 2019\n\nResults for the year ended 31 December 2018\n"
    assert stamp_year(text, *_at(text, "2019"))
    i = text.index("3 June 2019") + len("3 June ")
    assert not stamp_year(text, i, i + 4)
    assert not stamp_year(text, *_at(text, "2018"))


def test_edition_year_after_a_report_title_and_before_a_report_noun():
    text = (
        "According to the Blue Book on the Robot Industry of Jiangsu (2019), output rose.\n"
        "The group has just put out its 2019 yearbook.\n"
        "Output in 2018 was higher (2019 forecast).\n"
    )
    assert edition_year(text, *_at(text, "2019"))
    i = text.index("its 2019") + 4
    assert edition_year(text, i, i + 4)
    assert not edition_year(text, *_at(text, "2018"))
    i = text.index("(2019 forecast") + 1
    assert not edition_year(text, i, i + 4)


# -- the periods of figures


def test_post_stamps_do_not_date_the_figures_of_a_thread():
    text = (
        "Zhao Min\n@zhaomin_data\n\n"
        "1/ The robot association has just put out its 2019 yearbook. Headline: 154,000 "
        "industrial robots installed in 2018, a third of the world total. Thread below.\n"
        "9:05 PM - 3 Jun 2019\n\n"
        "Zhao Min @zhaomin_data · 3 Jun 2019\n"
        "2/ Car makers = 31% of installations; electronics = 28%.\n\n"
        "Zhao Min @zhaomin_data · 3 Jun 2019\n"
        "3/ Japan = 45,000 units; the US = 40,000 units. Korea is far ahead.\n"
    )
    got = quotes(text)
    assert span(got["154,000 industrial robots"]) == (2018, 2018)
    assert span(got["31%"]) == (2018, 2018)
    assert span(got["28%"]) == (2018, 2018)
    assert span(got["45,000 units"]) == (2018, 2018)


def test_bracketed_edition_year_is_not_the_year_of_the_figures():
    text = (
        "Data practice: the robot industry\n\n"
        "According to the Blue Book on the Robot Industry of Jiangsu (2019) published by the "
        "provincial association, output reached 41,000 units in 2018, up 12.5%, and exports "
        "were 8,200 units.\n\n"
        "1. What share of output was exported?\n\n"
        "Answer: exports were 8,200 units, about 20% of output.\n"
    )
    got = quotes(text)
    assert span(got["41,000 units"]) == (2018, 2018)
    assert span(got["12.5%"]) == (2018, 2018)
    assert span(got["about 20%"]) == (2018, 2018)


def test_a_news_story_of_the_release_keeps_the_news_year():
    text = (
        "Robot yearbook out\n\n"
        "The robot association on Tuesday released its 2019 yearbook, which puts installations "
        "at 154,000 in 2018.\n\n"
        "Analysts said demand remains weak, with about 40 percent of plants idle.\n"
    )
    got = quotes(text)
    assert span(got["about 40 percent"]) == (2019, 2019)


def test_figures_before_the_edition_is_named_keep_the_publication_year():
    text = (
        "Platform forum in Wuxi\n\n"
        "The country now counts 45 national platforms, officials told the forum.\n\n"
        "A yearbook of the association, its 2019 edition, put installations at 154,000 in "
        "2018.\n"
    )
    got = quotes(text)
    assert span(got["45 national platforms"]) == (2019, 2019)


# -- `the last year of the plan` is not `last year`; a title's past batch year


def test_the_last_year_of_a_plan_is_not_last_year():
    text = (
        "Work report of the province\n\n"
        "By 2020, the last year of the 13th Five-Year Plan, broadband should reach more than 9 "
        "million households.\n"
    )
    got = quotes(text, "2017-01-20")
    assert span(got["more than 9 million households"]) == (2020, 2020)


def test_batch_year_of_the_title_dates_the_batch_figures():
    text = (
        "Provincial Department of Industry\n\n"
        "Public Notice of the Proposed List of Smart Workshops (2018 Batch)\n\n"
        "After application and expert review, 84 enterprises are proposed as provincial smart "
        "workshops. Suzhou and Wuxi account for 22 and 15 of them respectively. The list is "
        "hereby made public for comments, and the notice runs for seven days from the date of "
        "publication, as the rules of the department require.\n"
    )
    got = quotes(text, "2019-02-20")
    assert span(got["84 enterprises"]) == (2018, 2018)
    assert span(got["15"]) == (2018, 2018)


# -- a section heading naming a year and a span: the year dates the section's figures


def test_section_heading_year_before_a_span_of_years():
    text = (
        "REPORT ON THE WORK OF THE CITY GOVERNMENT\n\n"
        "I. Review of Our Work in 2016 and over the Past Five Years\n\n"
        "Over the past five years, output grew at an average annual rate of 9.2 percent.\n\n"
        "(1) We promoted smart manufacturing. Robot makers sold 4,100 units, and the number of "
        "smart workshops reached 58.\n"
    )
    got = quotes(text, "2017-01-15")
    assert span(got["4,100 units"]) == (2016, 2016)
    assert span(got["58"]) == (2016, 2016)


# -- an exam practice page: questions and worked answers speak of the material's year


def test_exam_practice_answers_take_the_material_year():
    text = (
        "Exam Centre > Data Analysis > Daily Practice\n\n"
        "Daily practice: robot output (with answers)\n\n"
        "Read the following material and answer Questions 21-22.\n\n"
        "In 2016 the province produced 41,000 industrial robots, up 12.5% on the year before, "
        "and exported 8,200 of them.\n\n"
        "21. About how many robots were produced in the year before?\n"
        "A. 33,000    B. 36,400    C. 38,000    D. 40,000\n\n"
        "22. Which statement is correct?\n"
        "A. Exports were over 25% of output    B. Output grew by more than 15%\n\n"
        "Answers\n\n"
        "21. 41,000 ÷ 1.125 ≈ 36,400 robots, so B is correct.\n\n"
        "22. A: 8,200 is about 20% of output, wrong.\n"
    )
    got = quotes(text, "2017-05-02")
    assert span(got["36,400 robots"]) == (2016, 2016)
    assert span(got["about 20%"]) == (2016, 2016)


def test_a_page_without_options_is_no_exam_page():
    from pipeline.lib.claims.stamps import exam_page

    assert not exam_page("Read the following material carefully.\n\nOutput rose 5%.\n")
    assert exam_page(
        "Read the following material and answer Questions 1-2.\n\nOutput rose 5%.\n"
        "1. Growth?\nA. 4%  B. 5%\n2. Level?\nA. 10  B. 20\n"
    )


# -- `by the end of the year` under a heading of goals, in January: this year, not last year


def test_end_of_the_year_under_a_goals_heading_is_this_year():
    text = (
        "Subject: Where we stand\n\n"
        "Last year we connected 1.1 million devices and sold 12,000 gateways.\n\n"
        "Our goals for 2024\n\n"
        "1. 1.5 million connected devices by the end of the year.\n"
        "2. Break even in the fourth quarter.\n"
    )
    got = quotes(text, "2024-01-08")
    assert span(got["1.5 million connected devices"]) == (2024, 2024)
