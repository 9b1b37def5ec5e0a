"""Run a function over many articles so that one article's failure (a bug in a rule, or an
article that takes too long) costs that article only: the failure is recorded with the error and
the run goes on.

Time budget: each article gets `seconds` (default: the PIPELINE_ARTICLE_SECONDS setting, 60 s).
An article over budget fails with `ArticleTimeout` ("over the time budget of 60 s ...") and
shows in the `every_article_processed` check like any other failure. Two mechanisms, because
neither alone covers every case:

- a cooperative deadline (a context variable) that the extractor's trigger loop and the claims
  layer's quantity loop test with `check_budget()`: it works in any thread and never fires in
  the middle of a write, but only where it is tested;
- in the main thread of a platform with `signal.setitimer` (Linux, macOS), also a SIGALRM timer
  one second after the deadline, whose handler raises `ArticleTimeout` wherever Python code
  runs: it stops a runaway loop that does not test the deadline. Off the main thread (a
  multi-threaded executor) only the cooperative deadline applies.

Neither interrupts a single long call into C code (a regular expression match) until it
returns: the extractor keeps those bounded (see docs/quantities.md).
"""

from __future__ import annotations

import contextlib
import contextvars
import signal
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

T = TypeVar("T")


class ArticleTimeout(Exception):
    """An article went over its time budget."""


_DEADLINE: contextvars.ContextVar[tuple[float, float] | None] = contextvars.ContextVar(
    "article_deadline", default=None
)


def _over(seconds: float) -> ArticleTimeout:
    return ArticleTimeout(
        f"over the time budget of {seconds:g} s per article (PIPELINE_ARTICLE_SECONDS)"
    )


def check_budget() -> None:
    """Raise ArticleTimeout when the current article's deadline has passed (no-op outside
    `time_budget`). Cheap: one context-variable read and one clock read."""
    d = _DEADLINE.get()
    if d is not None and time.monotonic() > d[0]:
        raise _over(d[1])


@contextlib.contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Give the code in the block `seconds` (None or <= 0: no budget)."""
    if not seconds or seconds <= 0:
        yield
        return
    token = _DEADLINE.set((time.monotonic() + seconds, seconds))
    use_alarm = (
        hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    )
    old_handler = None
    if use_alarm:

        def on_alarm(signum, frame):
            raise _over(seconds)

        try:
            old_handler = signal.signal(signal.SIGALRM, on_alarm)
            # the cooperative check fires first where it is tested; the alarm is the backstop
            signal.setitimer(signal.ITIMER_REAL, seconds + 1.0)
        except (ValueError, OSError):  # not allowed here: the cooperative deadline only
            use_alarm = False
    try:
        yield
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(
                signal.SIGALRM, old_handler if old_handler is not None else signal.SIG_DFL
            )
        _DEADLINE.reset(token)


@dataclass
class Failure:
    article_file: str
    error: str  # exception type and message
    where: str  # the innermost frame of the traceback: file, line and function


@dataclass
class Outcome:
    failures: list[Failure] = field(default_factory=list)

    def rows(self) -> list[dict]:
        return [f.__dict__ for f in self.failures]


def each_article(
    items: Iterable[tuple[str, T]],
    fn: Callable[[str, T], None],
    progress: Callable[[int], None] | None = None,
    seconds: float | None = None,
) -> Outcome:
    """Call fn(article_file, item) for each item, each within a time budget of `seconds`
    (default: the PIPELINE_ARTICLE_SECONDS setting); an exception or an article over budget
    is recorded, not raised."""
    if seconds is None:
        from pipeline import settings

        seconds = settings.article_seconds()
    outcome = Outcome()
    for n, (article_file, item) in enumerate(items, 1):
        try:
            with time_budget(seconds):
                fn(article_file, item)
        except Exception as exc:
            frames = traceback.extract_tb(exc.__traceback__)
            if isinstance(exc, ArticleTimeout):  # where the article was when time ran out
                frames = [f for f in frames if not f.filename.endswith("per_article.py")] or frames
            frame = frames[-1]
            outcome.failures.append(
                Failure(
                    article_file,
                    f"{type(exc).__name__}: {exc}",
                    f"{frame.filename.rsplit('/', 1)[-1]}:{frame.lineno} in {frame.name.rsplit('.', 1)[-1]}",  # compiled frames: module.func
                )
            )
        if progress:
            progress(n)
    return outcome
