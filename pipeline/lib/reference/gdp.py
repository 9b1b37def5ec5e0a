"""Reference data the curation checks compare against: China's nominal GDP by year (NBS).

`load_gdp_reference()` reads `pipeline/metadata/reference/china_gdp.csv`:

    year            int64    calendar year
    gdp_cny         float64  nominal GDP in yuan (base units), the latest NBS figure known
                             (final verification / census revision)
    gdp_cny_initial float64  the preliminary figure NBS published in the January after the year
                             (NaN when not known); articles written soon after a year quote it
    source          string   the publication the figures come from
    note            string   which vintage each figure is, and what is uncertain

`gdp_range(ref, year)` gives (low, high) over both vintages: checks use the interval, because an
article may have used either figure.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

GDP_REFERENCE_PATH = (
    Path(__file__).resolve().parents[2] / "metadata" / "reference" / "china_gdp.csv"
)

GDP_REFERENCE_COLUMNS: dict[str, str] = {
    "year": "int64",
    "gdp_cny": "float64",
    "gdp_cny_initial": "float64",
    "source": "string",
    "note": "string",
}


def load_gdp_reference(path: str | Path | None = None) -> pd.DataFrame:
    """China's nominal GDP by year, one row per year, sorted by year (columns above)."""
    df = pd.read_csv(path or GDP_REFERENCE_PATH, dtype={"source": "string", "note": "string"})
    if "gdp_cny_initial" not in df.columns:
        df["gdp_cny_initial"] = float("nan")
    missing = set(GDP_REFERENCE_COLUMNS) - set(df.columns)
    if missing:
        raise ValueError(f"GDP reference lacks columns {sorted(missing)}")
    df = df[list(GDP_REFERENCE_COLUMNS)].astype(GDP_REFERENCE_COLUMNS)
    if df["year"].duplicated().any():
        raise ValueError("GDP reference has duplicate years")
    if not (df["gdp_cny"] > 0).all():
        raise ValueError("GDP reference has a non-positive gdp_cny")
    return df.sort_values("year", ignore_index=True)


def gdp_range(gdp_reference: pd.DataFrame, year: int) -> tuple[float, float] | None:
    """(low, high) nominal GDP of `year` over the vintages in the table, or None if unknown."""
    rows = gdp_reference[gdp_reference["year"] == year]
    if rows.empty:
        return None
    vals = pd.concat([rows["gdp_cny"], rows.get("gdp_cny_initial", pd.Series(dtype=float))])
    vals = vals.dropna()
    vals = vals[vals > 0]
    if vals.empty:
        return None
    return float(vals.min()), float(vals.max())
