"""Optional compiled build of the per-article pass: load a Cython-compiled module only when it
was built from the exact source that is on disk, else the .py.

`make setup` runs `python -m pipeline.build_accel`, which compiles the modules of the extraction
pass (pipeline/lib/quantities, pipeline/lib/claims: unchanged Python source, Python semantics)
into build/accel/ and writes build/accel/manifest.json: for each module the extension file and
the sha256 of the .py it was compiled from. `install()` (called by pipeline/__init__.py, so
spawned worker processes get it too) puts a finder first on sys.meta_path that answers only for
the manifest's modules, and only when the .py's current sha256 equals the recorded one: a module
edited after the build is imported from its .py, never as stale compiled code. Nothing is
compiled next to the sources, so the ordinary import system never sees an extension module.

Switch it off with PIPELINE_ACCEL=0 (everything pure Python; the results are the same).
Without a build (no compiler, or never built) there is no manifest and nothing changes.
Cost at start-up: one small JSON read, then one sha256 of each compiled module's source when it
is first imported (about 0.5 MB in all). Without a manifest, one failed stat: hashlib, json and
importlib.util are imported only when a build is there (every process imports `pipeline`, each
spawned worker included, and those three cost more to import than the rest of this module).
"""

from __future__ import annotations

import importlib.machinery
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the folder that holds the `pipeline` package
BUILD_DIR = ROOT / "build" / "accel"
MANIFEST = "manifest.json"


def enabled() -> bool:
    """False when PIPELINE_ACCEL is 0/false/no/off."""
    return os.environ.get("PIPELINE_ACCEL", "1").strip().lower() not in ("0", "false", "no", "off")


def source_sha256(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_key() -> str:
    """What a compiled module must have been built for: this interpreter's extension suffix."""
    return importlib.machinery.EXTENSION_SUFFIXES[0]


class AccelFinder:
    """A sys.meta_path finder for the modules of one build's manifest. `loaded` and `stale`
    record, per module name, what it decided (compiled, or the .py because the source changed
    or the extension is missing)."""

    def __init__(self, build_dir: Path, source_root: Path, modules: dict[str, dict]):
        self.build_dir = build_dir
        self.source_root = source_root
        self.modules = modules
        self.loaded: list[str] = []
        self.stale: list[str] = []

    def find_spec(self, fullname, path=None, target=None):
        entry = self.modules.get(fullname)
        if entry is None:
            return None
        source = self.source_root.joinpath(*fullname.split(".")).with_suffix(".py")
        ext = self.build_dir / entry["file"]
        try:
            fresh = source_sha256(source) == entry["sha256"] and ext.is_file()
        except OSError:
            fresh = False
        if not fresh:
            self.stale.append(fullname)
            return None  # the ordinary finders import the .py
        self.loaded.append(fullname)
        import importlib.util

        loader = importlib.machinery.ExtensionFileLoader(fullname, str(ext))
        return importlib.util.spec_from_file_location(fullname, str(ext), loader=loader)

    def invalidate_caches(self) -> None:
        pass


def read_manifest(build_dir: Path = BUILD_DIR) -> dict | None:
    """The build's manifest, or None when there is none or it was built for another Python."""
    if not (build_dir / MANIFEST).is_file():
        return None  # no build: nothing more to import
    import json

    try:
        data = json.loads((build_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("key") != build_key() or not isinstance(data.get("modules"), dict):
        return None
    return data


def installed() -> AccelFinder | None:
    return next((f for f in sys.meta_path if isinstance(f, AccelFinder)), None)


def install(build_dir: Path = BUILD_DIR, source_root: Path = ROOT) -> AccelFinder | None:
    """Put the finder first on sys.meta_path (once) when enabled and a build is there."""
    if not enabled():
        return None
    found = installed()
    if found is not None:
        return found
    data = read_manifest(build_dir)
    if not data or not data["modules"]:
        return None
    finder = AccelFinder(build_dir, source_root, data["modules"])
    sys.meta_path.insert(0, finder)
    return finder


def is_compiled(module) -> bool:
    """True when `module` was loaded from a compiled extension."""
    return isinstance(getattr(module, "__loader__", None), importlib.machinery.ExtensionFileLoader)


def compiled(module_name: str) -> bool:
    """Whether `module_name`, imported in this process, is the compiled build (a worker check)."""
    import importlib

    return is_compiled(importlib.import_module(module_name))
