"""Field and Resource: the declarations behind every warehouse table, and what is generated from
them (pandera schemas, DuckDB DDL with COMMENT ON, the README's table reference).

Nothing here knows a particular table: tables are declared in `resources.py` with fields from
`fields.py`, in the manner of PUDL's `metadata/classes.py`, at a small scale.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used: the extraction workers read the declarations only
    import pandas as pd
    import pandera.pandas as pa

# Logical type -> (DuckDB type, pandas dtype used when frames are validated and written).
TYPES: dict[str, tuple[str, str]] = {
    "string": ("VARCHAR", "object"),
    "integer": ("INTEGER", "Int32"),
    "bigint": ("BIGINT", "Int64"),
    "number": ("DOUBLE", "float64"),
    "boolean": ("BOOLEAN", "boolean"),
    "date": ("DATE", "datetime64[ns]"),
    "datetime": ("TIMESTAMP", "datetime64[ns]"),
}


def _sql_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _is_text(s: pd.Series) -> pd.Series:
    """True where a value is text or None (NaN and pd.NA are not): vectorised for the usual
    column of strings and Nones, value by value only when something else is in it."""
    import numpy as np
    import pandas as pd
    from pandas.api.types import infer_dtype

    arr = s.to_numpy(dtype=object)
    if infer_dtype(arr, skipna=False) != "string":
        rest = arr[~np.equal(arr, None)]
        if len(rest) and infer_dtype(rest, skipna=False) != "string":
            return s.map(lambda v: v is None or isinstance(v, str))
    return pd.Series(True, index=s.index)


@dataclass(frozen=True)
class Field:
    """One column: logical type, description, unit and constraints, declared once."""

    name: str
    type: str
    description: str
    unit: str | None = None
    required: bool = False  # NOT NULL
    enum: tuple[str, ...] | None = None
    ge: float | None = None
    le: float | None = None
    pattern: str | None = None
    unique: bool = False

    def __post_init__(self):
        if self.type not in TYPES:
            raise ValueError(f"field {self.name!r}: unknown type {self.type!r}")

    @property
    def duckdb_type(self) -> str:
        return TYPES[self.type][0]

    @property
    def pandas_dtype(self) -> str:
        return TYPES[self.type][1]

    def with_(self, **changes) -> Field:
        values = {k: getattr(self, k) for k in self.__dataclass_fields__}
        values.update(changes)
        return Field(**values)

    def comment(self) -> str:
        text = self.description
        if self.unit:
            text += f" Unit: {self.unit}."
        if self.enum:
            text += " One of: " + ", ".join(self.enum) + "."
        return text

    def to_pandera_column(self) -> pa.Column:
        import pandera.pandas as pa

        checks = []
        if self.enum:
            checks.append(pa.Check.isin(list(self.enum)))
        if self.ge is not None:
            checks.append(pa.Check.ge(self.ge))
        if self.le is not None:
            checks.append(pa.Check.le(self.le))
        if self.pattern:
            checks.append(pa.Check.str_matches(self.pattern))
        dtype = None if self.type == "string" else self.pandas_dtype
        if self.type == "string":
            checks.append(
                pa.Check(
                    _is_text,
                    element_wise=False,
                    name="is_text",
                    error="values must be text",
                )
            )
        return pa.Column(
            dtype,
            checks=checks,
            nullable=not self.required,
            unique=self.unique,
            coerce=self.type not in ("string",),
            description=self.description,
            title=self.name,
            required=True,
        )


@dataclass(frozen=True)
class Resource:
    """One warehouse table (or view): its layer, description, primary key and fields."""

    name: str
    layer: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...] = ()
    contract: bool = False  # part of DESIGN.md's contract: names must not change
    example_query: str | None = None
    extra_checks: tuple[pa.Check, ...] = field(default_factory=tuple)

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"{self.name} has no field {name!r}")

    # ---- generated artefacts ------------------------------------------------------------------
    def to_pandera(self, *, unique: bool = True) -> pa.DataFrameSchema:
        """The pandera schema; unique=False leaves the primary key out (a check of one chunk of
        a large table cannot see duplicates across chunks: SQL checks the key then)."""
        import pandera.pandas as pa

        return pa.DataFrameSchema(
            {f.name: f.to_pandera_column() for f in self.fields},
            name=self.name,
            description=self.description,
            unique=(list(self.primary_key) or None) if unique else None,
            strict=True,
            ordered=False,
            checks=list(self.extra_checks),
        )

    def to_ddl(self, table: str | None = None, *, if_not_exists: bool = False) -> str:
        """CREATE TABLE with the declared types and NOT NULLs. The primary key is not declared
        as a DuckDB constraint (its index would cost memory on tables of millions of rows and
        make a duplicate from one bad article fail the whole write): the `schema` asset check
        tests it instead."""
        table = table or self.name
        cols = []
        for f in self.fields:
            col = f"    {f.name} {f.duckdb_type}"
            if f.required:
                col += " NOT NULL"
            cols.append(col)
        create = "CREATE TABLE IF NOT EXISTS" if if_not_exists else "CREATE OR REPLACE TABLE"
        return f"{create} {table} (\n" + ",\n".join(cols) + "\n)"

    def to_comments(self, table: str | None = None) -> list[str]:
        table = table or self.name
        out = [f"COMMENT ON TABLE {table} IS {_sql_literal(self.description)}"]
        for f in self.fields:
            out.append(f"COMMENT ON COLUMN {table}.{f.name} IS {_sql_literal(f.comment())}")
        return out

    def conform(self, frame: pd.DataFrame) -> pd.DataFrame:
        """Columns in declared order with declared dtypes (missing columns are an error)."""
        import pandas as pd

        missing = [c for c in self.field_names if c not in frame.columns]
        if missing:
            raise ValueError(f"{self.name}: frame lacks columns {missing}")
        out = frame[self.field_names].copy()
        for f in self.fields:
            col = out[f.name]
            if f.type == "string":
                out[f.name] = col.astype(object).where(col.notna(), None)
            elif f.type in ("date", "datetime"):
                out[f.name] = pd.to_datetime(col)
            else:
                out[f.name] = col.astype(f.pandas_dtype)
        return out.reset_index(drop=True)

    def to_markdown(self) -> str:
        lines = [f"### `{self.name}` ({self.layer})", "", self.description, ""]
        if self.primary_key:
            lines += [f"Primary key: `{', '.join(self.primary_key)}`.", ""]
        lines += ["| column | type | description |", "| --- | --- | --- |"]
        for f in self.fields:
            desc = f.comment().replace("|", "\\|")
            nn = " NOT NULL" if f.required else ""
            lines.append(f"| `{f.name}` | {f.duckdb_type}{nn} | {desc} |")
        if self.example_query:
            lines += ["", "```sql", self.example_query.strip(), "```"]
        return "\n".join(lines) + "\n"
