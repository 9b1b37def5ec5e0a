"""What keeps runs from losing or mixing data, outside Dagster's own machinery (plain Python):

- `exclusive_run(published)`: an exclusive lock (fcntl.flock) on `warehouse/.build/NAME.lock`
  for a whole run, build and publish, so two runs on one warehouse never interleave their
  writes into the shared build copy (whatever their raw folders). Re-entrant in one process:
  `warehouse.publish` takes it too, which serialises publishes from runs that did not.
- `sweep_dead_runs(instance)`: runs left STARTED/STARTING by a process that is gone (kill -9,
  out of memory, power loss) are reported failed, so the UI's queue (one run at a time) moves.
- `release_build_after_failure(build, messages)`: a run that failed for lack of disk space
  deletes its build copy instead of leaving the disk full.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import socket
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from pipeline.lib.warehouse import NO_SPACE

PID_TAG = "pipeline/pid"
HOST_TAG = "pipeline/host"

_held: dict[str, tuple[int, int]] = {}  # lock path -> (fd, depth) held by this process


def lock_path_for(published: Path) -> Path:
    published = Path(published)
    return published.parent / ".build" / f"{published.name}.lock"


@contextlib.contextmanager
def exclusive_run(
    published: Path,
    *,
    wait_message: Callable[[str], None] | None = None,
    timeout_s: float | None = None,
) -> Iterator[Path]:
    """Hold the warehouse's run lock; waits (reporting once who holds it) until it is free.

    The lock is released by the kernel when the process dies, so a killed run never leaves it
    taken. `timeout_s` None waits forever; otherwise TimeoutError."""
    path = lock_path_for(published)
    key = os.path.realpath(path)
    if key in _held:
        fd, depth = _held[key]
        _held[key] = (fd, depth + 1)
        try:
            yield path
        finally:
            fd, depth = _held[key]
            _held[key] = (fd, depth - 1)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = None if timeout_s is None else time.monotonic() + timeout_s
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not told and wait_message is not None:
                    holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
                    wait_message(
                        f"waiting for another run on {Path(published).name} to finish "
                        f"({holder or 'holder unknown'}; lock {path})"
                    )
                    told = True
                if deadline is not None and time.monotonic() > deadline:
                    raise TimeoutError(f"another run holds {path}") from None
                time.sleep(0.2)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()} on {socket.gethostname()}\n".encode(), 0)
        _held[key] = (fd, 1)
        try:
            yield path
        finally:
            del _held[key]
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


# ---------------------------------------------------------------------------------------------
# Runs whose process is gone


def run_tags() -> dict[str, str]:
    """Tags for a run executed in this process, so a later sweep can tell if it still lives."""
    return {PID_TAG: str(os.getpid()), HOST_TAG: socket.gethostname()}


def _boot_time() -> float | None:
    try:
        with open("/proc/stat") as fh:
            for line in fh:
                if line.startswith("btime "):
                    return float(line.split()[1])
    except OSError:
        return None
    return None


def process_started_at(pid: int) -> float | None:
    """Start time (epoch seconds) of a live process, None when it does not exist (Linux /proc;
    elsewhere only existence is known, returned as 0.0)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        pass
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return None
    except OSError:
        return 0.0
    boot = _boot_time()
    if boot is None:
        return 0.0
    return boot + int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22: starttime in ticks


def run_process_alive(pid: int, run_started_at: float | None) -> bool:
    """The process `pid` exists and is older than the run (a reused pid is a new process)."""
    started = process_started_at(pid)
    if started is None:
        return False
    if run_started_at is None or started == 0.0:
        return True
    return started <= run_started_at + 2.0


def _run_pid(instance, run) -> int | None:
    """The pid that executes `run`: our tag, else the pid on the run's start event."""
    from dagster import DagsterEventType

    tag = run.tags.get(PID_TAG)
    if (
        tag
        and tag.isdigit()
        and run.tags.get(HOST_TAG, socket.gethostname()) == (socket.gethostname())
    ):
        return int(tag)
    if run.tags.get(HOST_TAG) not in (None, socket.gethostname()):
        return None
    for entry in instance.all_logs(run.run_id, of_type=DagsterEventType.RUN_START):
        event = entry.dagster_event
        if event is not None and event.event_type == DagsterEventType.RUN_START and event.pid:
            return int(event.pid)
    return None


def sweep_dead_runs(instance, log: Callable[[str], None] | None = None) -> list[str]:
    """Report as failed every STARTING/STARTED/CANCELING run of this host whose process is
    gone. Returns the run ids marked failed. Runs whose process cannot be identified (another
    host, no start event yet) are left to Dagster's run monitoring (dagster.yaml)."""
    from dagster import DagsterRunStatus, RunsFilter

    statuses = [DagsterRunStatus.STARTING, DagsterRunStatus.STARTED, DagsterRunStatus.CANCELING]
    marked = []
    for record in instance.get_run_records(filters=RunsFilter(statuses=statuses)):
        run = record.dagster_run
        pid = _run_pid(instance, run)
        if pid is None:
            continue
        if run_process_alive(pid, record.start_time or record.create_timestamp.timestamp()):
            continue
        message = (
            f"The process that ran this run (pid {pid}) is gone (killed or crashed); "
            "marked failed so queued runs can start."
        )
        if run.status == DagsterRunStatus.CANCELING:
            instance.report_run_canceled(run, message=message)
        else:
            instance.report_run_failed(run, message=message)
        marked.append(run.run_id)
        if log:
            log(f"run {run.run_id}: {message}")
    return marked


# ---------------------------------------------------------------------------------------------
# Disk space


def release_build_after_failure(build: Path, messages: list[str]) -> str | None:
    """After a failed run: when it failed for lack of space, delete the build copy (and its WAL)
    so the disk is not left full. Returns a note for the summary, or None."""
    if not any(NO_SPACE in m for m in messages):
        return None
    build = Path(build)
    freed = 0
    for path in (build, build.with_name(build.name + ".wal")):
        try:
            freed += path.stat().st_size
            path.unlink()
        except FileNotFoundError:
            continue
    return f"deleted the build copy {build} ({freed:,} bytes) to give the space back"


def main(argv: list[str] | None = None) -> int:
    """`python -m pipeline.lib.run_guard`: mark dead runs failed (`make dev` runs it first)."""
    home = os.environ.setdefault(
        "DAGSTER_HOME", str(Path(__file__).resolve().parents[2] / ".dagster_home")
    )
    os.makedirs(home, exist_ok=True)
    import dagster as dg

    with dg.DagsterInstance.get() as instance:
        marked = sweep_dead_runs(instance, log=print)
    print(f"{len(marked)} run(s) whose process was gone marked failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
