"""The claims layer: each statistical quantity of an article attributed to an indicator, a
reference period, a status and a cited source. Plain Python (no Dagster).

    from pipeline.lib.claims import extract_claims
    claims = extract_claims(text, published=datetime.date(2022, 11, 7), article_file="a.txt")

Modules: `segments` (paragraph/sentence/clause boundaries), `context` (per-text state and the
regions around a quantity), `indicators` (catalog phrase matching), `units` (implied units),
`filters` (what is not a statistic), `periods`, `status`, `sources`, `model` (the Claim record),
`extract` (the orchestration). See docs/claims.md.
"""

from .extract import claims_from_extraction, extract_claims
from .model import CONTRACT_COLUMNS, Claim, claim_to_dict

__all__ = [
    "CONTRACT_COLUMNS",
    "Claim",
    "claim_to_dict",
    "claims_from_extraction",
    "extract_claims",
]
