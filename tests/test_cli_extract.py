"""`python -m pipeline extract`: JSON lines of claims, errors with exit code 2."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from pipeline.cli_extract import main
from pipeline.lib.claims import CONTRACT_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
TEXT = (
    "At present, more than 150 industrial Internet platforms with regional influence have been "
    "established, and the industry scale of the industrial Internet has exceeded one trillion "
    "yuan.\n"
)


def rows(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_file_to_json_lines(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    assert main([str(f), "--published", "2022-09-10"]) == 0
    out = rows(capsys.readouterr().out)
    assert len(out) == 2
    for r in out:
        assert set(CONTRACT_COLUMNS) <= set(r)
        assert r["article_file"] == str(f)
        assert TEXT[r["char_start"] : r["char_end"]] == r["quote"]
        assert r["period_start"] == 2022
    assert {r["indicator"] for r in out} == {"iip_platforms_influential", "iip_industry_scale"}


def test_published_date_from_the_header(tmp_path, capsys):
    f = tmp_path / "b.txt"
    f.write_text(" date 2021-03-04 original title:\n\n" + TEXT, encoding="utf-8")
    assert main([str(f)]) == 0
    assert {r["period_start"] for r in rows(capsys.readouterr().out)} == {2021}


def test_standard_input(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TEXT.encode("utf-8"))))
    assert main(["-", "--published", "2022-09-10"]) == 0
    out = rows(capsys.readouterr().out)
    assert out and all(r["article_file"] == "-" for r in out)


def test_utf16_file_is_decoded(tmp_path, capsys):
    f = tmp_path / "u16.txt"
    f.write_bytes(TEXT.encode("utf-16"))
    assert main([str(f), "--published", "2022-09-10"]) == 0
    assert len(rows(capsys.readouterr().out)) == 2


def test_missing_file(tmp_path, capsys):
    assert main([str(tmp_path / "nope.txt")]) == 2
    err = capsys.readouterr().err
    assert "nope.txt" in err and "no such file" in err


def test_missing_file_does_not_stop_the_others(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    assert main([str(tmp_path / "nope.txt"), str(f), "--published", "2022-09-10"]) == 2
    assert len(rows(capsys.readouterr().out)) == 2


def test_bad_date(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    assert main([str(f), "--published", "10/09/2022"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_undecodable_file(tmp_path, capsys):
    f = tmp_path / "bin.txt"
    f.write_bytes(b"%PDF-1.4\x00\x01\x02\x03" * 20)
    assert main([str(f)]) == 2
    err = capsys.readouterr().err
    assert "bin.txt" in err and ("binary" in err or "undecodable" in err)


def test_no_arguments(capsys):
    assert main([]) == 2
    assert "usage" in capsys.readouterr().err.lower()


def test_module_entry_point(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", str(f), "--published", "2022-09-10"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert len(rows(proc.stdout)) == 2
