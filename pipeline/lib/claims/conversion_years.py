"""A currency conversion in brackets does not take the year that follows it from its clause.

A first-contact family of issue 9 (thirteenth round): `Revenue rose 14.3% year-on-year to 240.7
billion yuan ($35 billion) in 2022`: without the bracket the year closes the clause of the
growth rate and dates it; the bracket cut the clause, and the year was read as the
conversion's own, leaving the rate to the publication year.

A plain function; `periods.attached_to_other` asks it.
"""

from __future__ import annotations


def conversion_in_clause(quantities: list, q, clause: tuple[int, int]) -> bool:
    """`q` is a currency conversion in brackets whose amount stands in `clause` (the clause of the
    figure being dated): a period after the bracket is read as if the bracket were not there
    (`rose 14.3% year-on-year to 240.7 billion yuan ($35 billion) in 2022`)."""
    k = q.converts
    if k is None or not 0 <= k < len(quantities):
        return False
    src = quantities[k]
    return clause[0] <= src.start and src.end <= clause[1]
