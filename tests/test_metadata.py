"""The metadata is one source of truth: every declared table generates a pandera schema and DDL,
each table asset has a declaration, and the README's generated sections are current."""

from __future__ import annotations

import duckdb
import pandas as pd

from pipeline.lib.validation.schema import validate_frame
from pipeline.metadata import docs
from pipeline.metadata.resources import RESOURCES, get


def test_every_table_generates_a_schema_and_ddl_that_duckdb_accepts():
    con = duckdb.connect()
    for resource in RESOURCES.values():
        resource.to_pandera()
        con.execute(resource.to_ddl())
        for stmt in resource.to_comments():
            con.execute(stmt)
    assert len(con.execute("SELECT * FROM duckdb_tables()").fetchall()) == len(RESOURCES)


def test_schema_report_names_the_failing_column_and_check():
    claims = get("claims")
    row = {name: None for name in claims.field_names}
    row.update(
        claim_id="c1",
        article_file="a.txt",
        char_start=0,
        char_end=3,
        quote="5 t",
        value=5.0,
        unit="t",
        bound="sometimes",
        status="actual",
        indicator="unclassified",
    )
    report = validate_frame(claims, claims.conform(pd.DataFrame([row])))
    assert not report.passed
    summary = report.summary()
    assert list(summary["column"]) == ["bound"]
    assert "isin" in summary["check"].iloc[0]


def test_readme_generated_sections_are_current():
    text = docs.README.read_text(encoding="utf-8")
    assert docs.render(text) == text, "README is stale: run `make docs`"


def test_flow_rules_find_what_went_missing():
    from pipeline.metadata.views import FLOW_RULES

    rule = next(r for r in FLOW_RULES if r.name == "every_claim_validated_or_quarantined")
    con = duckdb.connect()
    con.execute("CREATE TABLE claims (claim_id VARCHAR, quote VARCHAR)")
    con.execute("INSERT INTO claims VALUES ('a', '5 t'), ('b', '6 t'), ('c', '7 t')")
    con.execute("CREATE TABLE validated_claims AS SELECT * FROM claims WHERE claim_id = 'a'")
    con.execute("CREATE TABLE quarantine AS SELECT * FROM claims WHERE claim_id IN ('a', 'b')")
    # a is in both, c in neither: both are reported; b is fine
    assert sorted(r[0] for r in con.execute(rule.sql).fetchall()) == ["a", "c"]
