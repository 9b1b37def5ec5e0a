"""Reference tables built from metadata: the indicator catalog as a table."""

from __future__ import annotations

import pandas as pd

from pipeline.metadata.indicators import CATALOG


def indicator_catalog_table() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "indicator_id": ind.id,
                "name": ind.name,
                "description": ind.description,
                "unit": ind.unit,
                "kind": ind.kind,
                "topic": ind.topic,
                "cumulative": ind.cumulative,
                "phrases": "; ".join(ind.phrases) or None,
            }
            for ind in CATALOG.values()
        ]
    )


def unit_vocabulary_table() -> pd.DataFrame:
    from pipeline.metadata.units import UNITS

    rows = {}
    for u in UNITS:
        forms = list(u.prefixes) + list(u.suffixes) + list(u.suffix_cs)
        rows.setdefault(
            u.code,
            {
                "unit_code": u.code,
                "name": u.name,
                "unit_kind": u.kind,
                "base_unit": u.base_code,
                "factor": u.factor,
                "surface_forms": "; ".join(dict.fromkeys(forms)) or None,
            },
        )
    if "count" not in rows:
        rows["count"] = {
            "unit_code": "count",
            "name": "count of things",
            "unit_kind": "count",
            "base_unit": "count",
            "factor": 1.0,
            "surface_forms": None,
        }
    return pd.DataFrame(list(rows.values()))
