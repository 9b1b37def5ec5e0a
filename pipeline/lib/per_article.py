"""Run a function over many articles so that one article's failure (a bug in a rule) costs that
article only: the failure is recorded with the error and the run goes on."""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

T = TypeVar("T")


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
) -> Outcome:
    """Call fn(article_file, item) for each item; an exception is recorded, not raised."""
    outcome = Outcome()
    for n, (article_file, item) in enumerate(items, 1):
        try:
            fn(article_file, item)
        except Exception as exc:
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            outcome.failures.append(
                Failure(
                    article_file,
                    f"{type(exc).__name__}: {exc}",
                    f"{frame.filename.rsplit('/', 1)[-1]}:{frame.lineno} in {frame.name}",
                )
            )
        if progress:
            progress(n)
    return outcome
