"""Articles parsed under other header rules or another PIPELINE_BODY_DATES are parsed again
(and queued for extraction again): an incremental run gives the dates a cold run would."""

from __future__ import annotations

import duckdb

from pipeline.lib.ingest import sync
from pipeline.lib.ingest.sync import sync_articles, sync_raw_files
from pipeline.lib.state.tables import ensure_state

UNDATED = (
    "Factories go online\n\n"
    "The industrial economy kept up a steady recovery in the first half of 2021, with the "
    "value added of large firms up 15.9 percent year on year.\n\n"
    "Output of industrial robots rose 69.8 percent in the same period.\n"
)
DATED = "Robots\n\nBEIJING, Nov. 7, 2022 (Xinhua) -- Output rose 5 percent in 2021.\n"


def _state(con) -> dict:
    dates = dict(con.execute("SELECT article_file, published_date FROM articles").fetchall())
    queued = dict(
        con.execute("SELECT article_file, batch_key FROM state.extraction_log").fetchall()
    )
    return {"dates": dates, "queued": queued}


def test_a_changed_body_dates_setting_reparses_and_requeues(tmp_path, monkeypatch) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "undated.txt").write_text(UNDATED, encoding="utf-8")
    (raw / "dated.txt").write_text(DATED, encoding="utf-8")
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    ensure_state(con)
    monkeypatch.setenv("PIPELINE_BODY_DATES", "0")
    sync_raw_files(con, raw, 5_000_000)
    sync_articles(con, raw, "v", "k1", 5_000_000)
    first = _state(con)
    assert first["dates"]["undated.txt"] is None
    assert str(first["dates"]["dated.txt"]) == "2022-11-07"

    # the same setting: nothing parsed again
    assert sync_articles(con, raw, "v", "k2", 5_000_000).n_new == 0

    monkeypatch.setenv("PIPELINE_BODY_DATES", "1")
    stats = sync_articles(con, raw, "v", "k3", 5_000_000)
    assert stats.n_new == 2  # every article, under the new header version
    second = _state(con)
    assert second["dates"]["undated.txt"].year == 2021  # the body's year
    assert str(second["dates"]["dated.txt"]) == "2022-11-07"
    assert set(second["queued"].values()) == {"k3"}  # both extracted again
    row = con.execute(
        "SELECT date_basis, date_precision FROM articles WHERE article_file = 'undated.txt'"
    ).fetchone()
    assert row == ("body", "year")


def test_header_version_names_the_setting(monkeypatch) -> None:
    monkeypatch.setenv("PIPELINE_BODY_DATES", "0")
    off = sync.header_version()
    monkeypatch.setenv("PIPELINE_BODY_DATES", "1")
    assert sync.header_version() != off
