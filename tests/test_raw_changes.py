"""The raw folder sensor's cheap look between two full comparisons: the folders' modification
times move when a file is added, removed or renamed, and the sensor's state says when a full
comparison is due (pipeline/lib/ingest/changes.py)."""

from __future__ import annotations

import os

from pipeline.lib.ingest.changes import (
    FULL_CHECK_SECONDS,
    SensorState,
    directory_stamp,
    list_files,
)


def _touch_back(path, ns: int) -> None:
    os.utime(path, ns=(ns, ns))


def _tree(tmp_path):
    (tmp_path / "2024").mkdir()
    (tmp_path / "2024" / "a.txt").write_text("Output rose 5% in 2024.", "utf-8")
    (tmp_path / "b.txt").write_text("It had 12 platforms.", "utf-8")
    (tmp_path / ".hidden").mkdir()
    for folder in (tmp_path, tmp_path / "2024", tmp_path / ".hidden"):
        _touch_back(folder, 1_700_000_000_000_000_000)


def test_the_stamp_moves_when_a_file_comes_or_goes_and_not_when_one_is_rewritten(tmp_path):
    _tree(tmp_path)
    first = directory_stamp(tmp_path)
    assert directory_stamp(tmp_path) == first  # nothing changed
    (tmp_path / "2024" / "a.txt").write_text("Output rose 6% in 2024.", "utf-8")
    assert directory_stamp(tmp_path) == first  # in place: the full comparison's job
    (tmp_path / "2024" / "new.txt").write_text("A new article.", "utf-8")
    added = directory_stamp(tmp_path)
    assert added != first
    (tmp_path / "2024" / "new.txt").rename(tmp_path / "2024" / "renamed.txt")
    _touch_back(tmp_path / "2024", 1_700_000_000_000_000_001)
    assert directory_stamp(tmp_path) not in (first, added)


def test_hidden_folders_do_not_move_the_stamp(tmp_path):
    _tree(tmp_path)
    first = directory_stamp(tmp_path)
    (tmp_path / ".hidden" / "x.txt").write_text("ignored", "utf-8")
    assert directory_stamp(tmp_path) == first
    assert directory_stamp(tmp_path / "missing") == "missing"


def test_list_files_keeps_regular_files_only(tmp_path):
    _tree(tmp_path)
    (tmp_path / "link_to_folder").symlink_to(tmp_path / "2024", target_is_directory=True)
    (tmp_path / "link.txt").symlink_to(tmp_path / "b.txt")
    files = list_files(tmp_path)
    assert sorted(files) == ["2024/a.txt", "b.txt", "link.txt"]
    assert files["b.txt"][0] == len("It had 12 platforms.")


def test_a_full_comparison_is_due_when_folders_moved_or_the_last_is_old():
    state = SensorState("abc", checked=1000.0, requested="f1")
    assert not state.needs_full_check("abc", 1000.0 + FULL_CHECK_SECONDS - 1)
    assert state.needs_full_check("abd", 1001.0)  # a folder's time moved
    assert state.needs_full_check("abc", 1000.0 + FULL_CHECK_SECONDS)  # periodic
    assert state.needs_full_check("abc", 999.0)  # the clock went back
    assert SensorState().needs_full_check("abc", 5.0)  # first evaluation


def test_the_state_round_trips_and_reads_an_old_cursor():
    state = SensorState("abc", 12.5, "f1")
    assert SensorState.parse(state.dump()) == state
    assert SensorState.parse(None) == SensorState()
    assert SensorState.parse("0123456789abcdef0123") == SensorState(
        requested="0123456789abcdef0123"
    )


def test_a_removal_is_told_apart_by_the_file_it_removed():
    from pipeline.lib.ingest.changes import compare

    first = compare({}, {"a.txt": (10, 1)})
    again = compare({}, {"a.txt": (10, 2)})  # the same name, removed again after it came back
    assert first.removed == again.removed == ["a.txt"]
    assert first.fingerprint != again.fingerprint
    assert compare({"a.txt": (10, 1)}, {"a.txt": (10, 1)}).any is False
