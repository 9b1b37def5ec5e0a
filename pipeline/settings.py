"""Where the pipeline reads and writes: the raw/ folder, the published warehouse and its build
copy, and the ingestion limits. Defaults are the repository's folders; environment variables
override them (the Dagster resources take these as their defaults too).

- PIPELINE_RAW_DIR: folder of article texts (default: <repo>/raw)
- PIPELINE_WAREHOUSE: the published DuckDB file (default: <repo>/warehouse/industrial_internet.duckdb)
- PIPELINE_MAX_FILE_BYTES: larger files are rejected as too_large (default 5,000,000)
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
WAREHOUSE_NAME = "industrial_internet.duckdb"


def raw_dir() -> Path:
    return Path(os.environ.get("PIPELINE_RAW_DIR", REPO_ROOT / "raw"))


def warehouse_path() -> Path:
    return Path(os.environ.get("PIPELINE_WAREHOUSE", REPO_ROOT / "warehouse" / WAREHOUSE_NAME))


def max_file_bytes() -> int:
    return int(os.environ.get("PIPELINE_MAX_FILE_BYTES", "5000000"))


def build_path_for(published: Path) -> Path:
    """The working copy that runs write into; only `publish` touches the published file."""
    published = Path(published)
    return published.parent / ".build" / published.name
