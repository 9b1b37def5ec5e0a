"""Schema checks of the rows changed since the last publish: the scope accumulates over runs
until a publish, and the primary key is checked over the keys of the rows in scope."""

from __future__ import annotations

import duckdb

from pipeline.lib.state import check_scope
from pipeline.lib.state.tables import ensure_state, set_info
from pipeline.lib.validation.schema import validate_table
from pipeline.metadata.resources import get as get_resource


def test_scope_accumulates_until_publish() -> None:
    con = duckdb.connect()
    ensure_state(con)
    assert check_scope.condition(con, "series") is None  # never recorded: every row
    check_scope.clear_after_publish(con)
    assert check_scope.condition(con, "series") == "FALSE"
    check_scope.widen(con, "series", "indicator IN ('a')")
    check_scope.widen(con, "series", "indicator IN ('b')")  # a second run before a publish
    check_scope.widen(con, "series", "indicator IN ('b')")
    cond = check_scope.condition(con, "series")
    assert "'a'" in cond and "'b'" in cond and cond.count("'b'") == 1
    check_scope.widen(con, "series", None)
    assert check_scope.condition(con, "series") is None
    check_scope.clear_after_publish(con)
    check_scope.record_observations(con, "SELECT 'obs_1'")
    check_scope.record_observations(con, "SELECT 'obs_2'")
    cond = check_scope.condition(con, "observation_sources")
    ids = con.execute(f"SELECT observation_id FROM (SELECT 'obs_1' AS observation_id UNION ALL "
                      f"SELECT 'obs_3') WHERE {cond}").fetchall()  # fmt: skip
    assert ids == [("obs_1",)]
    check_scope.clear_after_publish(con)
    assert check_scope.condition(con, "observations") == "FALSE"


def test_primary_key_checked_over_the_keys_in_scope() -> None:
    res = get_resource("indicator_catalog")
    con = duckdb.connect()
    con.execute(res.to_ddl())  # then the same columns without their constraints
    con.execute("CREATE TABLE loose AS SELECT * FROM indicator_catalog")
    con.execute("DROP TABLE indicator_catalog")
    con.execute("ALTER TABLE loose RENAME TO indicator_catalog")
    cols = res.field_names
    con.execute(f"INSERT INTO indicator_catalog ({cols[0]}) VALUES ('x'), ('x'), ('y'), ('y')")
    key = res.primary_key[0]
    ensure_state(con)
    set_info(con, "check_scope:indicator_catalog", "")  # as after a publish
    check_scope.widen(con, "indicator_catalog", f"{key} = 'x'")
    where = check_scope.condition(con, "indicator_catalog")  # then a query on the connection
    failures = validate_table(con, res, where=where).failures
    dup = failures[failures["check"].astype(str).str.startswith("primary key")]
    assert list(dup["failure_case"]) == ["x (2 rows)"]  # y is out of scope
    failures = validate_table(con, res).failures
    dup = failures[failures["check"].astype(str).str.startswith("primary key")]
    assert len(dup) == 2


def test_articles_step_reports_the_rows_it_wrote_or_updated(tmp_path) -> None:
    """A new syndicated copy that sorts first regroups the older article: both are in scope."""
    from pathlib import Path

    from pipeline.lib.ingest.sync import sync_articles, sync_raw_files

    seed = sorted((Path(__file__).resolve().parent.parent / "raw").glob("*.txt"))[0]
    text = seed.read_text(encoding="utf-8")
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "b.txt").write_text(text, encoding="utf-8")
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    ensure_state(con)
    sync_raw_files(con, raw, 5_000_000)
    assert sync_articles(con, raw, "v", "k1", 5_000_000).changed == ["b.txt"]
    (raw / "a.txt").write_text(text.replace("the", "a", 1), encoding="utf-8")
    sync_raw_files(con, raw, 5_000_000)
    stats = sync_articles(con, raw, "v", "k2", 5_000_000)
    assert sorted(set(stats.changed)) == ["a.txt", "b.txt"]
    groups = con.execute("SELECT DISTINCT syndication_group FROM articles").fetchall()
    assert groups == [("a.txt",)]
    assert sync_articles(con, raw, "v", "k3", 5_000_000).changed == []


def test_sql_preselection_finds_the_failures_of_a_check_of_every_row(monkeypatch) -> None:
    """The schema check runs pandera only on the rows SQL flags as possibly failing: the same
    failures (column, check, case, row position) as pandera over every row."""
    from pipeline.lib.validation import schema

    con = duckdb.connect()
    tables = ("claims", "series", "raw_files")
    for name in tables:
        res = get_resource(name)
        con.execute(res.to_ddl().replace(" NOT NULL", ""))  # room for broken rows
        strings = [f.name for f in res.fields if f.type == "string"]
        values = ", ".join(f"'{name}{{i}}'" for _ in strings)
        for i in range(30):
            con.execute(f"INSERT INTO {name} ({', '.join(strings)}) VALUES ({values.format(i=i)})")
    claims = get_resource("claims")
    for f in claims.fields:
        if f.enum:
            con.execute(f"UPDATE claims SET {f.name} = '{f.enum[0]}'")
    for f in claims.fields:
        if f.type == "number":
            con.execute(f"UPDATE claims SET {f.name} = 1.5")
        if f.type == "integer":
            con.execute(f"UPDATE claims SET {f.name} = 3")
    con.execute("UPDATE claims SET status = 'bogus' WHERE claim_id = 'claims3'")
    con.execute("UPDATE claims SET char_start = -1 WHERE claim_id = 'claims5'")
    con.execute("UPDATE claims SET value = 'nan'::DOUBLE WHERE claim_id = 'claims7'")
    con.execute("UPDATE claims SET value = NULL WHERE claim_id = 'claims8'")
    con.execute("UPDATE series SET spread = 'nan'::DOUBLE WHERE indicator = 'series2'")
    con.execute("UPDATE series SET spread = -0.5 WHERE indicator = 'series4'")
    con.execute("UPDATE series SET spread = 'inf'::DOUBLE WHERE indicator = 'series6'")
    con.execute("UPDATE raw_files SET sha256 = repeat('a', 64)")
    con.execute("UPDATE raw_files SET sha256 = 'x' || sha256 WHERE file_path = 'raw_files1'")
    con.execute("UPDATE raw_files SET sha256 = sha256 || 'b' WHERE file_path = 'raw_files2'")

    def cases(name: str) -> list[tuple]:
        f = schema.validate_table(con, get_resource(name)).failures
        cols = ["column", "check", "failure_case", "index"]
        return sorted(map(tuple, f[cols].astype(str).values.tolist())) if len(f) else []

    for name in tables:
        preselected = cases(name)
        monkeypatch.setattr(schema, "suspect_rows_sql", lambda resource: None)
        assert cases(name) == preselected, name
        monkeypatch.undo()
        assert preselected, name


def test_flow_rule_every_valid_claim_observed_on_the_changed_claims() -> None:
    from pipeline.metadata.views import FLOW_RULES

    rule = next(r for r in FLOW_RULES if r.name == "every_valid_claim_observed")
    con = duckdb.connect()
    ensure_state(con)
    con.execute(
        "CREATE TABLE validated_claims (claim_id VARCHAR, quote VARCHAR, article_file VARCHAR)"
    )
    con.execute("CREATE TABLE observation_sources (observation_id VARCHAR, claim_id VARCHAR)")
    # c1 (a.txt) is observed twice, c2 (b.txt) never: both published before, so out of scope
    con.execute("INSERT INTO validated_claims VALUES ('c1', 'q1', 'a.txt'), ('c2', 'q2', 'b.txt'), "
                "('c3', 'q3', 'c.txt'), ('c4', 'q4', 'd.txt'), ('c5', 'q5', 'e.txt')")  # fmt: skip
    con.execute("INSERT INTO observation_sources VALUES ('o1', 'c1'), ('o2', 'c1'), "
                "('o3', 'c4'), ('o4', 'c4'), ('o5', 'c5')")  # fmt: skip

    def offending(sql: str) -> list[str]:
        return sorted(r[0] for r in con.execute(f"SELECT * FROM ({sql})").fetchall())

    assert offending(check_scope.flow_sql(con, rule.name, rule.sql)[0]) == ["c1", "c2", "c3", "c4"]
    check_scope.clear_after_publish(con)
    assert offending(check_scope.flow_sql(con, rule.name, rule.sql)[0]) == []
    check_scope.record_claim_articles(con, ["c.txt"])  # c3: not observed
    check_scope.record_observations(con, "SELECT 'o4'")  # c4: in two observations
    sql, scope = check_scope.flow_sql(con, rule.name, rule.sql)
    assert offending(sql) == ["c3", "c4"] and "since the last publish" in scope
    check_scope.record_observations(con, None)  # a full rebuild: every row
    assert offending(check_scope.flow_sql(con, rule.name, rule.sql)[0]) == ["c1", "c2", "c3", "c4"]


def test_flow_rule_every_claim_validated_or_quarantined_on_the_validated_articles() -> None:
    from pipeline.metadata.views import FLOW_RULES

    rule = next(r for r in FLOW_RULES if r.name == "every_claim_validated_or_quarantined")
    con = duckdb.connect()
    ensure_state(con)
    for table in ("claims", "validated_claims", "quarantine"):
        con.execute(f"CREATE TABLE {table} (claim_id VARCHAR, quote VARCHAR, article_file VARCHAR)")
    # c1 (a.txt) is in neither table, c2 (b.txt) in both: published before, so out of scope
    con.execute("INSERT INTO claims VALUES ('c1', 'q1', 'a.txt'), ('c2', 'q2', 'b.txt'), "
                "('c3', 'q3', 'c.txt'), ('c4', 'q4', 'd.txt'), ('c5', 'q5', 'e.txt')")  # fmt: skip
    con.execute("INSERT INTO validated_claims VALUES ('c2', 'q2', 'b.txt'), ('c4', 'q4', 'd.txt'), "
                "('c5', 'q5', 'e.txt')")  # fmt: skip
    con.execute("INSERT INTO quarantine VALUES ('c2', 'q2', 'b.txt'), ('c4', 'q4', 'x.txt')")

    def offending(sql: str) -> list[str]:
        return sorted(r[0] for r in con.execute(f"SELECT * FROM ({sql})").fetchall())

    assert offending(check_scope.flow_sql(con, rule.name, rule.sql)[0]) == ["c1", "c2", "c3", "c4"]
    check_scope.clear_after_publish(con)
    assert offending(check_scope.flow_sql(con, rule.name, rule.sql)[0]) == []
    # a.txt extracted again and not validated since (a run stopped after extraction): in scope
    con.execute("INSERT INTO state.extraction_log (article_file, extraction_seq) VALUES "
                "('a.txt', 2), ('b.txt', 1)")  # fmt: skip
    con.execute("INSERT INTO state.validation_log VALUES ('a.txt', 1, 'v'), ('b.txt', 1, 'v')")
    assert offending(check_scope.flow_sql(con, rule.name, rule.sql)[0]) == ["c1"]
    con.execute("UPDATE state.validation_log SET extraction_seq = 2 WHERE article_file = 'a.txt'")
    assert offending(check_scope.flow_sql(con, rule.name, rule.sql)[0]) == []
    check_scope.record_validated_articles(con, ["c.txt"])  # c3: in neither
    check_scope.record_validated_articles(con, ["d.txt", "e.txt"])  # c4: in both (other file)
    sql, scope = check_scope.flow_sql(con, rule.name, rule.sql)
    assert offending(sql) == ["c3", "c4"] and "since the last publish" in scope
    check_scope.record_validated_articles(con, None)  # the rules changed: every row
    assert offending(check_scope.flow_sql(con, rule.name, rule.sql)[0]) == ["c1", "c2", "c3", "c4"]
    check_scope.clear_after_publish(con)
    assert offending(check_scope.flow_sql(con, rule.name, rule.sql)[0]) == []


def test_row_condition_selects_the_rows_of_the_condition() -> None:
    con = duckdb.connect()
    ensure_state(con)
    con.execute("CREATE TABLE series (indicator VARCHAR, v INTEGER)")
    con.execute("INSERT INTO series VALUES ('a', 1), ('b', 2), ('a', 3), ('c', 4)")
    assert check_scope.row_condition(con, "series") is None
    check_scope.clear_after_publish(con)
    assert check_scope.row_condition(con, "series") == "FALSE"
    check_scope.widen(con, "series", "indicator IN ('a', 'c')")
    where = check_scope.row_condition(con, "series")
    assert con.execute(f"SELECT v FROM series WHERE {where} ORDER BY v").fetchall() == [
        (1,),
        (3,),
        (4,),
    ]
