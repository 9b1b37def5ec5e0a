"""Helpers shared by the claims tests: run the claims layer on a text and index the result."""

from __future__ import annotations

import datetime as dt

from pipeline.lib.claims import Claim, extract_claims


def claims(text: str, published: str | None = "2022-09-10") -> list[Claim]:
    pub = dt.date.fromisoformat(published) if published else None
    return extract_claims(text, pub, "t.txt")


def by_quote(text: str, published: str | None = "2022-09-10") -> dict[str, Claim]:
    """Claims keyed by the number text they contain (first claim containing it wins)."""
    out: dict[str, Claim] = {}
    for c in claims(text, published):
        out.setdefault(c.quote, c)
    return out


def find(text: str, needle: str, published: str | None = "2022-09-10") -> Claim:
    for c in claims(text, published):
        if needle in c.quote:
            return c
    raise AssertionError(f"no claim quoting {needle!r} in {[c.quote for c in claims(text)]}")


def quotes(text: str, published: str | None = "2024-03-01") -> dict[str, Claim]:
    """Claims keyed by their quote (the last claim of a repeated quote wins)."""
    return {c.quote: c for c in claims(text, published)}


def span(c: Claim) -> tuple[int | None, int | None]:
    """A claim's reference period as (start, end)."""
    return (c.period_start, c.period_end)
