"""Where the pipeline reads and writes: the raw/ folder, the published warehouse and its build
copy, and the limits on hostile input. Defaults are the repository's folders; environment
variables override them (the Dagster resources take these as their defaults too).

- PIPELINE_RAW_DIR: folder of article texts (default: <repo>/raw)
- PIPELINE_WAREHOUSE: the published DuckDB file (default: <repo>/warehouse/industrial_internet.duckdb)
- PIPELINE_MAX_FILE_BYTES: larger files are rejected as too_large (default 5,000,000; a whole
  number >= 1, `_` or `,` allowed as thousands separators)
- PIPELINE_ARTICLE_SECONDS: time budget of one article in a per-article step (quantities,
  claims); an article over budget is recorded as failed and the run goes on (default 60; a
  number > 0)
- PIPELINE_BODY_DATES: date an article without a header date from its body (the year its past
  data give, `date_basis` = `body`, `date_precision` = `year`; see
  pipeline/lib/ingest/body_dates.py); default on (issue 9: an undated page's "as of November"
  needs the year it was written); `0` / `false` leaves such articles undated. Changing it
  re-parses and re-extracts every article on the next run

The values are validated by a pydantic model (`Settings`); a bad value raises `SettingsError`
(a ValueError) whose message names the variable, the value and what is expected, for the
command line to print (exit code 2) instead of a traceback.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

REPO_ROOT = Path(__file__).resolve().parent.parent
WAREHOUSE_NAME = "industrial_internet.duckdb"

ENV_PREFIX = "PIPELINE_"


class SettingsError(ValueError):
    """A setting (environment variable or option) with a value the pipeline cannot use."""


class Settings(BaseModel):
    """The pipeline's settings; field `x` is read from the environment variable PIPELINE_X."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    raw_dir: Path = Field(default=REPO_ROOT / "raw", description="folder of article texts")
    warehouse: Path = Field(
        default=REPO_ROOT / "warehouse" / WAREHOUSE_NAME, description="the published DuckDB file"
    )
    max_file_bytes: int = Field(
        default=5_000_000, ge=1, description="larger files are rejected as too_large"
    )
    article_seconds: float = Field(
        default=60.0, gt=0, le=86_400, description="time budget of one article"
    )

    body_dates: bool = Field(
        default=True, description="date an article without a header date from its body"
    )

    @field_validator("max_file_bytes", mode="before")
    @classmethod
    def _whole_number(cls, v):
        if isinstance(v, str):
            s = v.strip().replace("_", "").replace(",", "")
            if not s.isdigit():
                raise ValueError("expected a whole number of bytes, e.g. 5000000")
            return int(s)
        return v

    @field_validator("raw_dir", "warehouse", mode="before")
    @classmethod
    def _non_empty(cls, v):
        if isinstance(v, str) and not v.strip():
            raise ValueError("expected a path, got an empty value")
        return v


def _env_name(field: str) -> str:
    return ENV_PREFIX + ("WAREHOUSE" if field == "warehouse" else field.upper())


def load(
    environ: dict[str, str] | None = None, only: tuple[str, ...] | None = None, **overrides
) -> Settings:
    """The settings from `environ` (default os.environ), then `overrides` (command-line options,
    None = not given); with `only`, the other fields keep their defaults (a bad value elsewhere
    is not this caller's concern). Raises SettingsError naming the variable or option at fault."""
    env = os.environ if environ is None else environ
    values: dict = {}
    source: dict[str, str] = {}
    for name in only or tuple(Settings.model_fields):
        var = _env_name(name)
        if var in env:
            values[name] = env[var]
            source[name] = var
    for name, value in overrides.items():
        if value is not None:
            values[name] = value
            source[name] = "--" + name.replace("_", "-")
    try:
        return Settings(**values)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            name = str(err["loc"][0]) if err.get("loc") else "?"
            where = source.get(name, name)
            msg = err.get("msg", "invalid").removeprefix("Value error, ")
            problems.append(f"{where}={values.get(name)!r}: {msg}")
        raise SettingsError("bad setting " + "; ".join(problems)) from None


def raw_dir() -> Path:
    return load(only=("raw_dir",)).raw_dir


def warehouse_path() -> Path:
    return load(only=("warehouse",)).warehouse


def max_file_bytes() -> int:
    return load(only=("max_file_bytes",)).max_file_bytes


def workers() -> int:
    """PIPELINE_WORKERS, else the number of cores this process may use (worker processes of the
    ingest, articles and extraction steps)."""
    env = os.environ.get("PIPELINE_WORKERS")
    if env:
        return max(1, int(env))
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def article_seconds() -> float:
    return load(only=("article_seconds",)).article_seconds


def body_dates() -> bool:
    return load(only=("body_dates",)).body_dates


def build_path_for(published: Path) -> Path:
    """The working copy that runs write into; only `publish` touches the published file."""
    published = Path(published)
    return published.parent / ".build" / published.name
