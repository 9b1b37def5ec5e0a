"""Families tuned on heldout26/27 (sentences written for the tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.lib.quantities.extractor import extract
from pipeline.lib.quantities.numbers import parse


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("2.4 lakh crore", 2.4e12),  # an Indian scale pair multiplies
        ("10 lakh crore", 1e13),
        ("a thousand billion", 1e12),
        ("350 crore", 3.5e9),
        ("27 trillion and 200 billion", 2.72e13),  # groups joined by `and` still add
        ("two million three hundred thousand", 2.3e6),
    ],
)
def test_scale_words(phrase, value):
    assert parse(phrase) == pytest.approx(value)


def test_rupees_written_rs_without_a_dot():
    qs = extract("The state budget set aside Rs 720 crore for smart meters.").quantities
    assert [(q.unit, q.value) for q in qs] == [("INR", pytest.approx(7.2e9))]


def test_rs_lakh_crore():
    qs = extract("Exports reached about Rs 3.2 lakh crore last year.").quantities
    assert [(q.unit, q.value) for q in qs] == [("INR", pytest.approx(3.2e12))]


def test_mrs_is_not_rupees():
    qs = extract("Mrs 300 is not a figure; 300 visitors came.").quantities
    assert all(q.unit != "INR" for q in qs)


def _claims(text, day):
    from pipeline.lib.claims import extract_claims

    return {c.quote: c for c in extract_claims(text, dt.date.fromisoformat(day), "t.txt")}


def test_a_wrapped_line_ending_on_to_continues_its_sentence():
    text = (
        "The bureau said the number of smart workshops in the province rose from 210 in 2012\n"
        "to 350 in 2013 and 480 in 2014, with spending on industrial robots of 4.2 billion\n"
        "yuan last year. From January to\n"
        "August this year, 95 workshops were added, with robot spending of 3.1 billion\n"
        "yuan, the bureau said in a statement issued to reporters in the provincial capital.\n"
    )
    c = _claims(text, "2015-10-20")["95 workshops"]
    assert (c.period_start, c.period_part) == (2015, "M1-M8")
