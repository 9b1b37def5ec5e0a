"""Quantity extractor (layer 3): `extract(text) -> Extraction`.

Finds every quantity mention (number, scale, unit, bound, range, counted noun) with exact
character offsets, every period expression (years, dates, relative periods, "at present") and the
numbers set aside as not statistics (dates, ordinals, plan and technology names ...). Plain
Python, no Dagster. See docs/quantities.md.
"""

from pipeline.lib.quantities.model import Extraction, Ignored, Period, Quantity

from .extractor import extract

__all__ = ["extract", "Extraction", "Quantity", "Period", "Ignored"]
