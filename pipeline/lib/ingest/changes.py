"""What changed under raw/ since the warehouse was built: a listing by size and modification
time (no file is read), compared with the raw_files rows a warehouse recorded. The raw folder
sensor uses it to decide when to start a run; between two full comparisons it looks only at the
folders' modification times (`directory_stamp`, `SensorState`). Plain Python, no Dagster."""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import asdict, dataclass
from pathlib import Path

import duckdb


@dataclass
class Changes:
    new: list[str]
    changed: list[str]
    removed: list[str]
    fingerprint: str  # stable digest of the changes (equal for the same pending changes)

    @property
    def any(self) -> bool:
        return bool(self.new or self.changed or self.removed)

    def describe(self, limit: int = 5) -> str:
        parts = []
        for what, names in (
            ("new", self.new),
            ("changed", self.changed),
            ("removed", self.removed),
        ):
            if names:
                shown = ", ".join(names[:limit]) + (" ..." if len(names) > limit else "")
                parts.append(f"{len(names)} {what} ({shown})")
        return "; ".join(parts) or "no change"


def _walk(root_real: str, files: bool = True):
    """(relative path, DirEntry, is a folder) of every entry under root_real whose name does not
    start with a dot (folders only when `files` is False); folders are descended (not symlinked
    ones), a folder that cannot be listed is skipped."""
    stack = [""]
    while stack:
        rel_dir = stack.pop()
        try:
            entries = list(os.scandir(os.path.join(root_real, rel_dir) if rel_dir else root_real))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                continue
            if not (is_dir or files):
                continue
            rel = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
            if is_dir:
                stack.append(rel)
            yield rel, entry, is_dir


def list_files(root: Path) -> dict[str, tuple[int, int]]:
    """{relative path: (size, mtime_ns)} of the regular files under root that ingestion reads
    (hidden files and folders skipped, symlinks followed only when they stay inside root)."""
    root_real = os.path.realpath(root)
    out: dict[str, tuple[int, int]] = {}
    for rel, entry, is_dir in _walk(root_real):
        if is_dir:
            continue
        try:
            if entry.is_symlink():
                target = os.path.realpath(entry.path)
                if os.path.commonpath([target, root_real]) != root_real:
                    continue
            st = entry.stat()  # follows a symlink: its target's kind, size and time
        except (OSError, ValueError):
            continue
        if stat.S_ISREG(st.st_mode):
            out[rel] = (st.st_size, st.st_mtime_ns)
    return out


def directory_stamp(root: Path) -> str:
    """A digest of the modification times of `root` and of every folder under it (hidden ones
    and symlinked ones skipped, as list_files skips them). Adding, removing or renaming a file
    changes its folder's time, so an equal stamp means no file came or went; a file rewritten
    in place under the same name leaves it equal (the sensor's periodic full comparison sees
    that). Lists the folders without a stat per file: about a tenth of list_files."""
    root_real = os.path.realpath(root)
    h = hashlib.sha256()
    try:
        h.update(f"\0{os.stat(root_real).st_mtime_ns}\n".encode())
    except OSError:
        return "missing"
    for rel, entry, _ in _walk(root_real, files=False):
        try:
            mtime = entry.stat(follow_symlinks=False).st_mtime_ns
        except OSError:
            continue
        h.update(f"{rel}\0{mtime}\n".encode("utf-8", "surrogateescape"))
    return h.hexdigest()[:20]


FULL_CHECK_SECONDS = 60.0  # a full comparison at least this often (files rewritten in place)


@dataclass
class SensorState:
    """What the raw folder sensor keeps between two evaluations (its Dagster cursor, as JSON):
    the folder stamp and time of its last full comparison, and the fingerprint of the changes it
    last requested a run for (so that pending changes are requested once)."""

    dirs: str | None = None
    checked: float = 0.0
    requested: str | None = None

    @classmethod
    def parse(cls, cursor: str | None) -> SensorState:
        if not cursor:
            return cls()
        try:
            data = json.loads(cursor)
        except ValueError:  # a cursor of an earlier version: the fingerprint alone
            return cls(requested=cursor)
        if not isinstance(data, dict):
            return cls(requested=cursor)
        return cls(data.get("dirs"), float(data.get("checked") or 0.0), data.get("requested"))

    def dump(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    def needs_full_check(self, stamp: str, now: float) -> bool:
        """A full comparison is due when a folder's time moved since the last one, or when the
        last one is older than FULL_CHECK_SECONDS (or the clock went back)."""
        age = now - self.checked
        return stamp != self.dirs or not 0 <= age < FULL_CHECK_SECONDS


def recorded_files(warehouse_file: Path) -> dict[str, tuple[int, int | None]] | None:
    """{file_path: (size, mtime_ns)} from a warehouse's raw_files (read-only); None when there
    is no warehouse or it cannot be read (then everything counts as new)."""
    if not Path(warehouse_file).exists():
        return None
    try:
        con = duckdb.connect(str(warehouse_file), read_only=True)
    except duckdb.Error:
        return None
    try:
        rows = con.execute("SELECT file_path, size_bytes, mtime_ns FROM raw_files").fetchall()
    except duckdb.Error:
        return None
    finally:
        con.close()
    return {p: (s, m) for p, s, m in rows}


def compare(current: dict[str, tuple[int, int]], recorded: dict | None) -> Changes:
    recorded = recorded or {}
    new = sorted(p for p in current if p not in recorded)
    changed = sorted(
        p
        for p, (size, mtime) in current.items()
        if p in recorded and (recorded[p][0] != size or recorded[p][1] != mtime)
    )
    removed = sorted(p for p in recorded if p not in current and not _hidden(p))
    h = hashlib.sha256()
    for tag, names in (("n", new), ("c", changed), ("r", removed)):
        for p in names:  # a removed file by its recorded size and time
            size, mtime = current.get(p) or recorded.get(p) or (0, 0)
            h.update(f"{tag}\0{p}\0{size}\0{mtime}\n".encode("utf-8", "surrogateescape"))
    return Changes(new, changed, removed, h.hexdigest()[:20])


def _hidden(path: str) -> bool:
    return any(part.startswith(".") for part in path.split("/"))
