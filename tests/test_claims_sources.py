"""Cited sources and their scope."""

from __future__ import annotations

import pytest
from claims_helpers import find

from pipeline.lib.claims.sources import source_in


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("According to Xinhua statistics, the output rose 5%.", "Xinhua"),
        (
            "According to the data of the National Bureau of Statistics, output rose 5%.",
            "National Bureau of Statistics",
        ),
        ("According to the Ministry of Commerce, trade rose 5%.", "Ministry of Commerce"),
        (
            "According to monitoring data from the China Electricity Council, use rose 5%.",
            "China Electricity Council",
        ),
        (
            "Data released by the General Administration of Customs showed that exports rose.",
            "General Administration of Customs",
        ),
        (
            "Figures from the press conference show that 20 parks were built.",
            "the press conference",
        ),
        (
            'The "Blue Book on Smart Factories (2023)" noted that 30% of plants are automated.',
            "Blue Book on Smart Factories (2023)",
        ),
        (
            "According to the \u201cAnnual Report on 5G\u201d, there are 2 million stations.",
            "Annual Report on 5G",
        ),
        ("The State Information Center said that the market grew 9%.", "State Information Center"),
        ("CAICT data show the scale reached 5 trillion yuan.", "CAICT"),
        ("The market grew 9% last year.", None),
        ("He said that the market grew 9%.", None),
    ],
)
def test_source_in_sentence(sentence, expected):
    assert source_in(sentence) == expected


def test_source_carries_through_the_paragraph_but_not_beyond():
    text = (
        "According to the Ministry of Industry and Information Technology, 2.3 million 5G base "
        "stations have been built. Gigabit broadband users reached 98 million.\n\n"
        "Industrial apps now number 600,000 apps."
    )
    assert find(text, "2.3 million").source == "Ministry of Industry and Information Technology"
    assert find(text, "98 million").source == "Ministry of Industry and Information Technology"
    assert find(text, "600,000").source is None


def test_a_new_source_replaces_the_carried_one():
    text = (
        "According to CCTV statistics, 2.3 million 5G base stations have been built. Data from "
        "the China Academy of Information and Communications Technology shows that gigabit "
        "broadband users reached 98 million."
    )
    assert find(text, "2.3 million").source == "CCTV"
    assert find(text, "98 million").source == (
        "China Academy of Information and Communications Technology"
    )


def test_headline_source():
    text = "National Bureau of Statistics: Over 60% of firms use cloud services\n\nBody text."
    assert find(text, "60%").source == "National Bureau of Statistics"


def test_official_with_an_organisation():
    sentence = (
        "The scale reached 1.2 trillion yuan, said an official with the Ministry of Industry and "
        "Information Technology on Monday."
    )
    assert source_in(sentence) == "Ministry of Industry and Information Technology"


def test_source_carries_over_a_hard_wrapped_line():
    text = (
        "According to data from the Ministry of Industry and Information Technology, the\n"
        "number of 5G base stations reached 2.3 million. The number of users reached 560 million."
    )
    from claims_helpers import find

    assert find(text, "560 million", "2023-01-18").source == (
        "Ministry of Industry and Information Technology"
    )
