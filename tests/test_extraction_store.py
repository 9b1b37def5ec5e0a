"""The extraction step's write path: results in columns (Arrow, or lists when Arrow refuses a
value), appended with the declared types; sequence numbers in article_file order."""

import duckdb
import pyarrow as pa

from pipeline.lib import warehouse
from pipeline.lib.claims import sync
from pipeline.lib.state.tables import ensure_state

TEXT = "Output reached 1.2 million tonnes in 2023, up 5% from 2022."


def _db():
    con = duckdb.connect()
    ensure_state(con)
    for res in (sync.MENTIONS, sync.CLAIMS):
        warehouse.ensure_table(con, res)
    con.execute("CREATE SEQUENCE IF NOT EXISTS state.extraction_seq")
    return con


def test_arrow_and_list_parts_store_the_same_rows():
    result = sync.extract_article("a.txt", TEXT, None)
    assert result.mentions and result.claims and result.error is None
    arrow = sync._part(sync.MENTIONS, result.mentions)
    assert isinstance(arrow, pa.Table)
    # a value of the wrong type for its column: the part stays lists (the DataFrame path)
    odd = [{**m, "char_start": float(m["char_start"]) + 0.5} for m in result.mentions]
    lists = sync._part(sync.MENTIONS, odd)
    assert isinstance(lists, dict)
    exact = sync._part(sync.MENTIONS, [{**m, "article_file": "b.txt"} for m in result.mentions])
    con = _db()
    assert sync._append(con, sync.MENTIONS, [arrow, exact]) == 2 * len(result.mentions)
    cols = ", ".join(c for c in sync.MENTIONS.field_names if c != "article_file")
    a, b = (
        con.execute(
            f"SELECT {cols} FROM quantity_mentions WHERE article_file = ? ORDER BY 1", [f]
        ).fetchall()
        for f in ("a.txt", "b.txt")
    )
    assert a == b
    con2 = _db()
    fallback = {k: v for k, v in sync._part(sync.MENTIONS, result.mentions).to_pydict().items()}
    assert sync._append(con2, sync.MENTIONS, [fallback]) == len(result.mentions)
    assert con2.execute(f"SELECT {cols} FROM quantity_mentions ORDER BY 1").fetchall() == a


def test_store_numbers_articles_in_file_order_and_replaces_old_rows():
    con = _db()
    names = ["c.txt", "a.txt", "b.txt"]
    con.execute(
        "INSERT INTO state.extraction_log (article_file, status) "
        "SELECT unnest(?::VARCHAR[]), 'pending'",
        [names],
    )
    stats = {"done": 0, "failed": 0, "mentions": 0, "claims": 0}
    results = sync.Columns.of([sync.extract_article(n, TEXT, None) for n in names])
    sync._store(con, sync.MENTIONS, sync.CLAIMS, results, set(), stats)
    n = con.execute("SELECT count(*) FROM claims").fetchone()[0]
    assert stats["claims"] == n > 0 and stats["done"] == 3
    seq = con.execute(
        "SELECT article_file, extraction_seq FROM state.extraction_log ORDER BY 1"
    ).fetchall()
    assert seq == [("a.txt", 1), ("b.txt", 2), ("c.txt", 3)]
    again = sync.Columns.of([sync.extract_article("b.txt", TEXT, None)])
    sync._store(con, sync.MENTIONS, sync.CLAIMS, again, {"b.txt"}, stats)
    assert con.execute("SELECT count(*) FROM claims").fetchone()[0] == n
    assert con.execute(
        "SELECT extraction_seq FROM state.extraction_log WHERE article_file = 'b.txt'"
    ).fetchone() == (4,)


def test_tuple_rows_make_the_same_parts_as_dict_rows():
    text = TEXT + " Revenue was 3 billion yuan in the first half of 2024, about 40 percent."
    names = ["b.txt", "a.txt"]
    dicts = sync.Columns.of([sync.extract_article(n, text, None) for n in names])
    tuples = sync.Columns.of([sync.extract_article(n, text, None, tuples=True) for n in names])
    assert tuples.log["n_mentions"] == dicts.log["n_mentions"] and dicts.log["n_mentions"][0] > 3
    for a, b in ((dicts.mentions[0], tuples.mentions[0]), (dicts.claims[0], tuples.claims[0])):
        assert isinstance(b, pa.Table) and a.schema == b.schema and a.equals(b)
