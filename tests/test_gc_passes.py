"""The collector's thresholds are raised during an extraction and restored after it."""

from __future__ import annotations

import gc

import pytest

from pipeline.lib.gc_passes import YOUNG_THRESHOLD, fewer_gc_passes


def test_threshold_raised_inside_and_restored_after_even_on_error():
    before = gc.get_threshold()
    seen = []

    @fewer_gc_passes
    def work(fail: bool) -> int:
        seen.append(gc.get_threshold())
        if fail:
            raise ValueError("boom")
        return 7

    assert work(False) == 7
    assert gc.get_threshold() == before
    with pytest.raises(ValueError):
        work(True)
    assert gc.get_threshold() == before
    assert all(t[0] == max(before[0], YOUNG_THRESHOLD) and t[1:] == before[1:] for t in seen)
    assert gc.isenabled()


def test_nested_calls_restore_in_order():
    before = gc.get_threshold()

    @fewer_gc_passes
    def inner() -> tuple[int, int, int]:
        return gc.get_threshold()

    @fewer_gc_passes
    def outer() -> tuple[int, int, int]:
        inner()
        return gc.get_threshold()

    assert outer()[0] >= YOUNG_THRESHOLD
    assert gc.get_threshold() == before
