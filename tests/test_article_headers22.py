"""Header dates a text states outside its header: wire datelines, self-dating sentences,
`issued DATE` status lines and labelled publication dates in an `About this report` block."""

import datetime as dt

from pipeline.lib.ingest.article_headers import parse_header

TODAY = dt.date(2026, 11, 22)
BODY = "\n\nOutput of the region's machine tool makers rose 7% in the first half.\n"


def parse(text):
    return parse_header(text, today=TODAY)


def test_wire_dateline_of_an_agency():
    text = (
        "Harbour Credit: Port Operators Outlook Stable\n\n"
        "Harbour Credit-Singapore-14 March 2023: Harbour Credit says the outlook for regional"
        " port operators is stable as volumes recover and capex falls.\n"
    )
    h = parse(text)
    assert h.published_date == dt.date(2023, 3, 14)
    assert h.date_basis == "dateline"
    assert h.date_evidence == "Harbour Credit-Singapore-14 March 2023"
    assert h.outlet == "Harbour Credit"


def test_wire_dateline_with_two_places_and_a_dash():
    text = (
        "Sector note\n\nNorthgate Ratings-London/Shanghai-2 May 2022 - Northgate Ratings has"
        " affirmed the ratings of two equipment lessors. Both reported higher margins.\n"
    )
    assert parse(text).published_date == dt.date(2022, 5, 2)


def test_self_dating_sentence():
    text = (
        "IMPORTANT NOTICE\n\nACME GEARBOX HOLDINGS LIMITED\n\nGLOBAL OFFERING\n\n"
        "This offering circular is dated 3 November 2020.\n\n"
        "The market for industrial gearboxes grew 9.1% in 2019, according to the consultant.\n"
    )
    h = parse(text)
    assert h.published_date == dt.date(2020, 11, 3)
    assert h.date_basis == "text_date"
    assert h.date_evidence == "This offering circular is dated 3 November 2020"


def test_issued_status_line_of_minutes_not_the_meeting_date():
    text = (
        "Regional Robotics Association\n\nMINUTES OF THE 4th COUNCIL MEETING\n\n"
        "Meeting: 12 May 2023, 09:30-12:00, Conference Room A\n"
        "Chair: Ms. Lin Yue\n"
        "Status: Approved by the council; issued 30 May 2023\n\n"
        "Item 1. The council noted that 1,240 robots were installed in the region in 2022.\n"
    )
    h = parse(text)
    assert h.published_date == dt.date(2023, 5, 30)
    assert h.date_evidence == "issued 30 May 2023"


def test_minutes_to_be_issued_later_are_not_dated_by_that_line():
    text = (
        "Regional Robotics Association\n\nMINUTES OF THE 4th COUNCIL MEETING\n\n"
        "Meeting: 12 May 2023, 09:30-12:00, Conference Room A\n"
        "Status: draft, to be issued 30 May 2023\n\n"
        "Item 1. The council noted that 1,240 robots were installed in the region in 2022.\n"
    )
    h = parse(text)
    assert h.published_date != dt.date(2023, 5, 30)
    # no other line dates the draft: the meeting's date is the documented last resort
    assert h.date_evidence == "Meeting: 12 May 2023"


def test_labelled_publication_date_in_an_about_block():
    text = (
        "NORTHWIND MACHINERY CO., LTD.\n\n2022 Sustainability Report (excerpt)\n\n"
        "About this Report\n"
        "Reporting period: 1 January 2022 to 31 December 2022. Publication date: 18 April"
        " 2023 (our previous report appeared in April 2022). Amounts are in Renminbi.\n\n"
        "In 2022 our platform connected 41,000 machines.\n"
    )
    h = parse(text)
    assert h.published_date == dt.date(2023, 4, 18)
    assert h.date_basis == "header_line"
    assert h.date_evidence == "Publication date: 18 April 2023"


def test_event_dates_in_the_body_are_not_self_dating():
    text = (
        "Factory tour notes\n\n"
        "The delegation visited the plant, which opened on 8 June 2019, and met its managers."
        " Output rose 12% last year.\n\nThe next visit is scheduled for 2 September 2024.\n"
    )
    h = parse(text)
    assert h.published_date is None or h.date_basis != "header_line"
    assert h.published_date != dt.date(2024, 9, 2)
