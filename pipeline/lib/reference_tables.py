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
