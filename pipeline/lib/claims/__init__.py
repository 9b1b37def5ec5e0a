"""The claims layer: each statistical quantity of an article attributed to an indicator, a
reference period, a status and a cited source. Plain Python (no Dagster).

    from pipeline.lib.claims import extract_claims
    claims = extract_claims(text, published=datetime.date(2022, 11, 7), article_file="a.txt")

Modules: `segments` (paragraph/sentence/clause boundaries), `context` (per-text state and the
regions around a quantity), `indicators` (catalog phrase matching), `units` (implied units),
`filters` (what is not a statistic), `periods`, `status`, `sources`, `model` (the Claim record),
`extract` (the orchestration). See docs/claims.md.
"""

from .model import CONTRACT_COLUMNS, Claim, claim_to_dict


def __getattr__(name: str):
    """The extraction entry points on first use: importing the package (or `model`, which the
    table declarations read) does not compile the extractor's and the rules' patterns (about
    0.8 s of CPU), so a process that only reads the warehouse starts without them."""
    if name in ("claims_from_extraction", "extract_claims"):
        from . import extract

        return getattr(extract, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CONTRACT_COLUMNS",
    "Claim",
    "claim_to_dict",
    "claims_from_extraction",
    "extract_claims",
]
