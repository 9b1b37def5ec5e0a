"""Fewer passes of Python's cyclic garbage collector while one text is extracted.

The extractor and the claims layer allocate millions of small objects for a long text and make
no reference cycles (a full collection after 8 MB of news found 0 objects to free), but the
collector's default thresholds (700 allocations for a young pass) lead to full passes whose
cost grows with everything alive: 15 full passes over 8 MB of news, about 4 of its 35 s, which
made the time per MB grow with the text. `fewer_gc_passes` raises the young threshold while the
decorated call runs and restores the previous thresholds afterwards (nested calls restore in
order). The collector stays on: cycles, if any, are still found, only later.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

YOUNG_THRESHOLD = 50_000  # allocations between young passes while extracting (default 700)


def fewer_gc_passes(fn: Callable[P, R]) -> Callable[P, R]:
    """Run `fn` with the collector's young threshold at least YOUNG_THRESHOLD."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        before = gc.get_threshold()
        if before[0] >= YOUNG_THRESHOLD:
            return fn(*args, **kwargs)
        gc.set_threshold(YOUNG_THRESHOLD, *before[1:])
        try:
            return fn(*args, **kwargs)
        finally:
            gc.set_threshold(*before)

    return wrapper
