"""The state tables of incremental runs (schema `state` of the build copy, published with it).

- state.build_info (key, value): the schema version the copy was built with, the raw folder.
- state.extraction_log: one row per article: the content hash and rules version it was
  extracted with, the raw_batches partition that extracted it (batch_key), the outcome
  (pending | ok | failed) with the error, seconds spent, rows written, and `extraction_seq`, a
  number that changes each time the article is extracted (validation redoes an article when it
  changed).
- state.lsh_bands: the MinHash LSH bucket of each band of each article text (by content hash):
  candidate syndicated copies are the pairs sharing a bucket.
- state.syndication_pairs: the candidate pairs already compared, with their Jaccard similarity.
- state.validation_log / state.validation_counts: which extraction of an article was validated,
  and per article and rule how many claims were checked and failed (validation_summary is their
  sum).
"""

from __future__ import annotations

DDL = """
CREATE SCHEMA IF NOT EXISTS state;
CREATE TABLE IF NOT EXISTS state.build_info (key VARCHAR, value VARCHAR);
CREATE TABLE IF NOT EXISTS state.extraction_log (
    article_file VARCHAR, content_hash VARCHAR, rules_version VARCHAR, batch_key VARCHAR,
    status VARCHAR, error VARCHAR, error_where VARCHAR, seconds DOUBLE, n_mentions INTEGER,
    n_claims INTEGER, extraction_seq BIGINT
);
CREATE TABLE IF NOT EXISTS state.lsh_bands (content_hash VARCHAR, band SMALLINT, bucket BIGINT);
CREATE TABLE IF NOT EXISTS state.syndication_pairs (
    hash_a VARCHAR, hash_b VARCHAR, similarity DOUBLE
);
CREATE TABLE IF NOT EXISTS state.validation_log (
    article_file VARCHAR, extraction_seq BIGINT, validation_version VARCHAR
);
CREATE TABLE IF NOT EXISTS state.validation_counts (
    article_file VARCHAR, rule VARCHAR, n_checked BIGINT, n_failed BIGINT
);
"""


def ensure_state(con) -> None:
    """Create the state schema and tables when missing."""
    for stmt in DDL.split(";"):
        if stmt.strip():
            con.execute(stmt)


def get_info(con, key: str) -> str | None:
    # fetchall: a half-read result (fetchone) would block the connection's next streaming query
    rows = con.execute("SELECT value FROM state.build_info WHERE key = ?", [key]).fetchall()
    return rows[0][0] if rows else None


def set_info(con, key: str, value: str) -> None:
    con.execute("DELETE FROM state.build_info WHERE key = ?", [key])
    con.execute("INSERT INTO state.build_info VALUES (?, ?)", [key, value])
