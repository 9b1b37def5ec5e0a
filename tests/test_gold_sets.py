"""The held-out annotation sets stay consistent with their articles and the project's metadata."""

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("check_gold", ROOT / "benchmarks" / "check_gold.py")
check_gold = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_gold)


def test_every_held_out_set_is_consistent():
    for name in check_gold.SETS:
        problems, _ = check_gold.check(ROOT / "benchmarks" / name)
        assert problems == [], (name, problems[:5])


def test_a_wrong_offset_an_unknown_unit_and_an_overlap_are_reported(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text("Output was 5 tonnes in 2023.", encoding="utf-8")
    claim = {"article_file": "a.txt", "quote": "5 tonnes", "char_start": 11, "char_end": 19,
             "value": 5, "unit": "tonnes", "counted": None, "bound": "exact",
             "period_start": 2023, "period_end": 2023, "status": "actual",
             "indicator": "unclassified"}  # fmt: skip
    gold = {"published": {"a.txt": None}, "claims": [claim, dict(claim, char_start=10)],
            "neutral": [{"article_file": "a.txt", "quote": "5", "char_start": 11,
                         "char_end": 12}]}  # fmt: skip
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    problems, _ = check_gold.check(tmp_path)
    text = "\n".join(problems)
    assert "the offsets give ' 5 tonnes'" in text
    assert "unit 'tonnes' is not in the unit vocabulary" in text
    assert "overlaps neutral span" in text
