"""Quantity extractor (layer 3): `extract(text) -> Extraction`.

Finds every quantity mention (number, scale, unit, bound, range, counted noun) with exact
character offsets, every period expression (years, dates, relative periods, "at present") and the
numbers set aside as not statistics (dates, ordinals, plan and technology names ...). Plain
Python, no Dagster. See docs/quantities.md.
"""

from pipeline.lib.quantities.model import Extraction, Ignored, Period, Quantity


def __getattr__(name: str):
    """`extract` on first use: importing the package (its `model`, or `table` for the column
    names) does not compile the extractor's patterns, so a run that extracts nothing (a removed
    article) starts without them."""
    if name == "extract":
        from .extractor import extract

        return extract
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["extract", "Extraction", "Quantity", "Period", "Ignored"]
