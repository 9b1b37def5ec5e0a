"""What changed under raw/ since the warehouse was built: a listing by size and modification
time (no file is read), compared with the raw_files rows a warehouse recorded. The raw folder
sensor uses it to decide when to start a run. Plain Python, no Dagster."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
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


def list_files(root: Path) -> dict[str, tuple[int, int]]:
    """{relative path: (size, mtime_ns)} of the regular files under root that ingestion reads
    (hidden files and folders skipped, symlinks followed only when they stay inside root)."""
    root_real = os.path.realpath(root)
    out: dict[str, tuple[int, int]] = {}
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
            rel = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(rel)
                    continue
                if entry.is_symlink():
                    target = os.path.realpath(entry.path)
                    if os.path.commonpath([target, root_real]) != root_real:
                        continue
                st = entry.stat()
            except (OSError, ValueError):
                continue
            if os.path.isfile(entry.path):
                out[rel] = (st.st_size, st.st_mtime_ns)
    return out


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
        for p in names:
            size, mtime = current.get(p, (0, 0))
            h.update(f"{tag}\0{p}\0{size}\0{mtime}\n".encode("utf-8", "surrogateescape"))
    return Changes(new, changed, removed, h.hexdigest()[:20])


def _hidden(path: str) -> bool:
    return any(part.startswith(".") for part in path.split("/"))
