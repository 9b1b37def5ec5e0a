"""Issue 9 families (heldout9-11 analyses), on sentences written for the tests."""

from __future__ import annotations

from claims_helpers import find


def years(c):
    return (c.period_start, c.period_end)


def test_unnumbered_heading_year_governs_its_list_and_the_paragraph_after():
    text = (
        "How Far Have Robots Spread? A Provincial Snapshot\n\n"
        "Overview\n\n"
        "This note compares four provinces and reports our own interviews.\n\n"
        "Robot density by province (end of 2022)\n\n"
        "- Anhui: 310 robots per 10,000 workers; 1,200 integrators.\n"
        "- Hubei: 290 robots per 10,000 workers; 1,050 integrators.\n\n"
        "Together the two provinces host about 12% of the country's integrators.\n\n"
        "Interview notes\n\n"
        "Most managers said wage costs rose 9% this year.\n"
    )
    for needle in ("310 robots", "1,050 integrators", "about 12%"):
        assert years(find(text, needle, "2023-06-01")) == (2022, 2022), needle
    # a later heading without a year ends the dated heading's scope
    assert years(find(text, "9%", "2023-06-01")) == (2023, 2023)


def test_numbered_section_takes_the_year_opening_its_first_paragraph():
    text = (
        "Smart port plan for the next five years\n\n"
        "I. Where we stand\n\n"
        "In 2022, the port handled 12 million containers.\n\n"
        "II. Goals\n\n"
        "By 2027, the port will handle 20 million containers a year.\n\n"
        "Berths: The port will operate 40 automated berths and will train 3,000 technicians.\n\n"
        "Today the port already runs 9 automated berths.\n"
    )
    assert years(find(text, "40 automated", "2023-02-01")) == (2027, 2027)
    assert years(find(text, "3,000 technicians", "2023-02-01")) == (2027, 2027)
    # a statement of the present in the goals section is not the goal year's
    assert years(find(text, "9 automated", "2023-02-01")) == (2023, 2023)


def test_a_results_release_carries_its_report_year_into_present_statements():
    text = (
        "Harbour Group Announces 2022 Annual Results\n\n"
        "Harbour Group today announced its results for the year ended 31 December 2022.\n\n"
        "Revenue was 8.1 billion yuan, up 6% in 2022.\n\n"
        "The Group has opened 12 automated terminals, serving over 40 shipping lines. "
        "The Board recommends a dividend of 0.21 yuan per share.\n\n"
        "So far this year, the Group has signed 3 new concessions.\n"
    )
    for needle in ("12 automated", "over 40 shipping", "0.21 yuan"):
        assert years(find(text, needle, "2023-03-20")) == (2022, 2022), needle
    assert years(find(text, "3 new concessions", "2023-03-20")) == (2023, 2023)
    # a news story about a year is no report of it: the present stays the publication year's
    news = text.replace("Announces 2022 Annual Results", "Port volumes rose in 2022")
    assert years(find(news, "12 automated", "2023-03-20")) == (2023, 2023)


def test_forecast_years_do_not_vote_for_the_year_reported_on():
    text = (
        "Institute releases 2025 report on port automation\n\n"
        "1. Scale\n\n"
        "In 2024, automated terminals handled 31 percent of container traffic, and in 2024 "
        "investment rose 9 percent.\n\n"
        "2. Regions\n\n"
        "Coastal provinces recorded 85 percent of the new capacity.\n\n"
        "3. Outlook\n\n"
        "The share will reach 35 percent in 2025.\n"
    )
    assert years(find(text, "85 percent", "2025-02-10")) == (2024, 2024)


def test_imperative_tasks_of_a_notice_are_targets():
    text = (
        "Notice on Promoting Smart Warehouses\n\n"
        "II. Key tasks\n\n"
        "(1) Expand coverage. Bring the number of smart warehouses to more than 800.\n\n"
        "(2) Serve small firms. Each year, provide training to at least 6,000 logistics workers, "
        "and reduce handling costs by 15 percent.\n\n"
        "III. Safeguards\n\n"
        "The share of private capital in total investment should be no less than 60 percent.\n"
    )
    for needle in ("more than 800", "6,000 logistics", "15 percent", "60 percent"):
        assert find(text, needle, "2024-05-01").status == "target", needle


def test_a_plan_that_calls_for_figures_sets_targets_and_setting_out_measures_does_not():
    text = "The agency's plan calls for 300 new charging hubs by 2028."
    assert find(text, "300 new", None).status == "target"
    text = "Action Plan for Smart Ports\n\nThe plan sets out 30 measures in five areas.\n"
    assert find(text, "30 measures", "2024-05-01").status == "actual"
    # a past-tense report of a task is no order
    text = "Bring-your-own-device rules helped 2,000 workers last year."
    assert find(text, "2,000 workers", "2024-05-01").status == "actual"


def _counts(text, published="2024-05-01"):
    from claims_helpers import claims

    return {c.quote: c.unit for c in claims(text, published)}


def test_bare_numbers_that_refer_back_to_the_count_before_them():
    text = (
        "The park hosts 340 robot makers, and over 90 of them export. "
        "The city has 25 logistics hubs, 6 of which opened this year. "
        "Visitors reached 52,000, up from 47,000 last year. "
        "Of the 15 shipyards we visited, 9 reported more orders, while the other 6 saw orders fall. "
        "The port runs 120 cranes and will add about 30 more next year."
    )
    got = _counts(text)
    for needle in ("90", "6", "47,000", "about 30"):
        assert any(q.endswith(needle) or q == needle for q, u in got.items() if u == "count"), (
            needle,
            got,
        )


def test_list_members_after_numbers_of_share_the_count():
    text = (
        "Steel, chemicals and textiles lead. The numbers of pilot lines in the three sectors "
        "stand at 73, 48 and 29, respectively."
    )
    got = _counts(text)
    assert all(got.get(n) == "count" for n in ("73", "48", "29")), got


def test_difference_from_the_end_of_the_previous_year():
    text = "There were 5,120 licensed carriers at the end of the year, 230 more than at the end of the previous year."
    assert _counts(text).get("230") == "count"


def test_a_base_of_a_figure_of_another_kind_is_no_count():
    text = "Revenue rose 12% to 4.2 billion yuan, up from 3,750 in 2022."
    assert "3,750" not in _counts(text)
