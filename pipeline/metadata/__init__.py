"""Metadata kept once: table fields, units, the indicator catalog, reference data."""
