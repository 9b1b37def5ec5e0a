"""The Claim record: the warehouse `claims` contract columns plus provenance of the attribution."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields

# the `claims` columns of DESIGN.md, in order
CONTRACT_COLUMNS = (
    "article_file",
    "char_start",
    "char_end",
    "quote",
    "value",
    "unit",
    "counted",
    "bound",
    "period_start",
    "period_end",
    "status",
    "indicator",
)
STATUSES = ("actual", "estimate", "forecast", "target")
PERIOD_BASES = (
    "explicit_year",
    "paragraph_year",
    "article_year",
    "plan_year",
    "publication_year",
    "relative",
    "none",
)


@dataclass(slots=True)
class Claim:
    """One statistical claim found in an article."""

    article_file: str
    char_start: int
    char_end: int
    quote: str
    value: float
    unit: str
    counted: str | None
    bound: str
    period_start: int | None
    period_end: int | None
    status: str
    indicator: str
    claim_id: str = ""
    source: str | None = None  # the cited source ("CCTV", a report title), None when not named
    sentence: str = ""
    # what the quantity is of, for unclassified claims (`conversion of <quote>` for a currency
    # conversion in brackets)
    noun_phrase: str | None = None
    period_basis: str = "none"  # one of PERIOD_BASES
    period_part: str | None = None  # part of the year: H1, Q3, Q1-Q3, M1-M11; None = whole

    def to_dict(self, contract_only: bool = False) -> dict:
        return claim_to_dict(self, contract_only)

    def __post_init__(self) -> None:
        if not self.claim_id:
            self.claim_id = make_claim_id(
                self.article_file, self.char_start, self.char_end, self.value
            )


def make_claim_id(article_file: str, start: int, end: int, value: float) -> str:
    """Deterministic id: 16 hex digits of SHA-1 over file, offsets and value."""
    key = f"{article_file}\x1f{start}\x1f{end}\x1f{value!r}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def claim_to_dict(claim: Claim, contract_only: bool = False) -> dict:
    """The claim as a plain dict (JSON-ready); `contract_only` keeps the contract columns.

    Equal to `dataclasses.asdict(claim)` (every field is a str, int, float or None, so there is
    nothing to copy deeply) at a fraction of its cost: this runs once per claim of every article.
    """
    names = CONTRACT_COLUMNS if contract_only else CLAIM_FIELDS
    return {name: getattr(claim, name) for name in names}


CLAIM_FIELDS = tuple(f.name for f in fields(Claim))
