"""What `python -m pipeline run` shows while it works: one line per step with its counts and
seconds, the steps' own progress messages (throttled), failures with their reason; every log
record in full goes to a log file (and to the UI's run view, through the instance).

It replaces Dagster's console logger for the run: `console_logger(log_file, verbose)`.
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

import dagster as dg
from dagster._core.log_manager import get_log_record_metadata, has_log_record_metadata

PROGRESS_EVERY_S = 5.0  # a step's progress messages are shown at most this often


class ConsoleHandler(logging.Handler):
    """Short lines for a person at a terminal."""

    def __init__(self, stream=None, verbose: bool = False):
        super().__init__(logging.DEBUG)
        self.stream = stream or sys.stdout
        self.verbose = verbose
        self.step_started: dict[str, float] = {}
        self.last_progress: dict[str, float] = {}
        self.materialized: dict[str, list[str]] = {}

    def _print(self, line: str) -> None:
        print(line, file=self.stream, flush=True)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self._emit(record)
        except Exception:  # never let the console break a run
            self.handleError(record)

    def _emit(self, record: logging.LogRecord) -> None:
        if self.verbose:
            self._print(self.format(record))
            return
        meta = get_log_record_metadata(record) if has_log_record_metadata(record) else {}
        event = meta.get("dagster_event")
        step = meta.get("step_key") or ""
        if event is None:
            if record.levelno >= logging.WARNING:
                self._print(
                    f"  {step}: {record.levelname.lower()}: {meta.get('orig_message', record.getMessage())}"
                )
            elif record.levelno >= logging.INFO and step:
                now = time.monotonic()
                if now - self.last_progress.get(step, 0.0) >= PROGRESS_EVERY_S:
                    self.last_progress[step] = now
                    self._print(f"  {step}: {meta.get('orig_message', record.getMessage())}")
            return
        kind = event.event_type_value
        if kind == "STEP_START":
            self.step_started[step] = time.monotonic()
        elif kind == "ASSET_MATERIALIZATION":
            mat = event.event_specific_data.materialization
            rows = mat.metadata.get("dagster/row_count")
            name = mat.asset_key.to_user_string()
            self.materialized.setdefault(step, []).append(
                f"{name} ({rows.value:,} rows)" if rows is not None else name
            )
        elif kind == "STEP_SUCCESS":
            seconds = time.monotonic() - self.step_started.get(step, time.monotonic())
            wrote = self.materialized.pop(step, None)
            if wrote:  # asset steps; checks are reported only when they fail
                self._print(f"done {step} {seconds:.1f} s: {', '.join(wrote)}")
        elif kind == "STEP_FAILURE":
            seconds = time.monotonic() - self.step_started.get(step, time.monotonic())
            err = event.step_failure_data.error if event.step_failure_data else None
            while err is not None and err.cause is not None:
                err = err.cause
            reason = err.message.strip().splitlines()[0] if err and err.message else "failed"
            self._print(f"FAILED {step} after {seconds:.1f} s: {reason}")
        elif kind == "ASSET_CHECK_EVALUATION":
            data = event.event_specific_data
            if data is not None and not data.passed:
                name = f"{data.asset_key.to_user_string()}:{data.check_name}"
                self._print(f"  check failed: {name}")


def console_logger(log_file: Path | None, verbose: bool = False) -> dg.LoggerDefinition:
    """A logger definition for the run: short console lines, and the full log in `log_file`."""

    @dg.logger(description="Short progress lines on the console; full log in a file.")
    def _logger(init_context) -> logging.Logger:
        log = logging.getLogger(f"pipeline.run.{id(init_context)}")
        log.setLevel(logging.DEBUG)
        log.propagate = False
        log.handlers.clear()
        log.addHandler(ConsoleHandler(verbose=verbose))
        if log_file is not None:
            log_file.parent.mkdir(parents=True, exist_ok=True)
            fh = logging.FileHandler(log_file, encoding="utf-8")
            fh.setLevel(logging.DEBUG)
            fh.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
            log.addHandler(fh)
        return log

    return _logger
