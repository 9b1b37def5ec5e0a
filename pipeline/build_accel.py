"""Build the optional compiled modules of the per-article pass (see pipeline/lib/accel.py).

    python -m pipeline.build_accel [--jobs 2] [--force]   # `make setup` runs it
    python -m pipeline.build_accel --status               # what is built, what is stale
    python -m pipeline.build_accel --clean

Compiles the unchanged .py source of MODULES with Cython into build/accel/ (never next to the
sources) with directives that keep Python semantics, and records each module's source sha256 in
build/accel/manifest.json. Only modules whose source (or the build settings) changed since the
last build are compiled again. Without a C compiler, the Python headers or Cython, it says so in
one line and exits 0: the pipeline then runs in pure Python with identical results.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import sysconfig
import time
from pathlib import Path

from pipeline.lib.accel import BUILD_DIR, MANIFEST, ROOT, build_key, source_sha256

PACKAGES = ("pipeline/lib/quantities", "pipeline/lib/claims")
# Modules of the pass outside those packages that showed up in the profile (see docs/scaling.md).
EXTRA: tuple[str, ...] = ()
# Python semantics: annotations are not C types (`x: float` stays any object, `x: list` accepts
# subclasses), Python 3 language, introspectable functions, no C division or wraparound tricks.
DIRECTIVES = {
    "language_level": 3,
    "annotation_typing": False,
    "binding": True,
    "embedsignature": False,
    "emit_code_comments": False,
}
CFLAGS = ["-O2", "-g0"]  # no debug info: faster to build, the same code
QUIET = ["-w"]  # the generated C's warnings are not ours to fix


def modules() -> list[str]:
    """The compiled modules as paths relative to ROOT (package __init__ files stay .py)."""
    out: list[str] = []
    for pkg in PACKAGES:
        out.extend(
            str(p.relative_to(ROOT))
            for p in sorted((ROOT / pkg).glob("*.py"))
            if p.name != "__init__.py"
        )
    out.extend(EXTRA)
    return out


def module_name(rel: str) -> str:
    return rel[: -len(".py")].replace("/", ".")


def settings_key() -> str:
    """Changes when anything but a module's source would change the compiled code."""
    import Cython

    blob = json.dumps([Cython.__version__, DIRECTIVES, CFLAGS, build_key()], sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


def why_not() -> str | None:
    """Why this machine cannot build (None when it can)."""
    try:
        import Cython  # noqa: F401
    except ImportError:
        return "Cython is not installed"
    cc = os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc"
    if not shutil.which(cc.split()[0]):
        return f"no C compiler ({cc.split()[0]})"
    if not (Path(sysconfig.get_paths()["include"]) / "Python.h").is_file():
        return "no Python headers (Python.h)"
    return None


def load_manifest() -> dict:
    try:
        return json.loads((BUILD_DIR / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def write_manifest(data: dict) -> None:
    BUILD_DIR.mkdir(parents=True, exist_ok=True)
    tmp = BUILD_DIR / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, BUILD_DIR / MANIFEST)


def ext_file(name: str) -> str:
    return name.replace(".", "/") + build_key()


def build(jobs: int, force: bool) -> int:
    reason = why_not()
    if reason:
        print(f"accel: not built ({reason}); the pipeline runs in pure Python, same results")
        return 0
    from Cython.Build import cythonize
    from setuptools import Distribution, Extension
    from setuptools.command.build_ext import build_ext

    t0 = time.perf_counter()
    key = settings_key()
    old = load_manifest()
    old_modules = old.get("modules", {}) if old.get("settings") == key else {}
    wanted = modules()
    hashes = {rel: source_sha256(ROOT / rel) for rel in wanted}
    kept = {
        module_name(rel): old_modules[module_name(rel)]
        for rel in wanted
        if not force
        and module_name(rel) in old_modules
        and old_modules[module_name(rel)]["sha256"] == hashes[rel]
        and (BUILD_DIR / old_modules[module_name(rel)]["file"]).is_file()
    }
    todo = [rel for rel in wanted if module_name(rel) not in kept]
    if todo:
        os.chdir(ROOT)  # relative paths: tracebacks name pipeline/lib/.../x.py as in pure Python
        exts = [
            Extension(module_name(rel), [rel], extra_compile_args=CFLAGS + QUIET, language="c")
            for rel in todo
        ]
        exts = cythonize(
            exts,
            compiler_directives=DIRECTIVES,
            build_dir=str((BUILD_DIR / "c").relative_to(ROOT)),
            nthreads=jobs,
            quiet=True,
            force=force,
        )
        cmd = build_ext(Distribution({"ext_modules": exts, "script_name": "build_accel"}))
        cmd.build_lib = str(BUILD_DIR)
        cmd.build_temp = str(BUILD_DIR / "tmp")
        cmd.parallel = jobs
        cmd.force = force
        cmd.ensure_finalized()
        cmd.run()
    built = dict(kept)
    for rel in todo:
        name = module_name(rel)
        if (BUILD_DIR / ext_file(name)).is_file() and source_sha256(ROOT / rel) == hashes[rel]:
            built[name] = {"file": ext_file(name), "sha256": hashes[rel]}
    write_manifest({"key": build_key(), "settings": key, "modules": built})
    print(
        f"accel: {len(built)} modules compiled with Cython ({len(todo)} built now, "
        f"{len(kept)} up to date) in {time.perf_counter() - t0:.0f} s; PIPELINE_ACCEL=0 "
        "switches them off"
    )
    return 0


def status() -> int:
    from pipeline.lib.accel import read_manifest

    data = read_manifest()
    if not data:
        print("accel: no build for this Python (pure Python)")
        return 0
    for name, entry in sorted(data["modules"].items()):
        rel = Path(*name.split(".")).with_suffix(".py")
        fresh = source_sha256(ROOT / rel) == entry["sha256"]
        print(f"{'compiled' if fresh else 'STALE (runs the .py)'}  {name}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--force", action="store_true", help="compile every module again")
    ap.add_argument("--status", action="store_true")
    ap.add_argument("--clean", action="store_true")
    args = ap.parse_args(argv)
    if args.status:
        return status()
    if args.clean:
        shutil.rmtree(BUILD_DIR, ignore_errors=True)
        return 0
    try:
        return build(args.jobs, args.force)
    except (Exception, SystemExit) as exc:  # the pure-Python pipeline still works
        print(f"accel: build failed ({type(exc).__name__}: {exc}); running in pure Python")
        return 0


if __name__ == "__main__":
    sys.exit(main())
