"""The optional compiled build (pipeline/lib/accel.py): the finder loads a compiled module only
when its source is the one it was built from, PIPELINE_ACCEL=0 gives the pure modules, and the
compiled modules (when this machine built them) give the same rows as the .py."""

from __future__ import annotations

import importlib.machinery
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.lib import accel

ROOT = Path(__file__).resolve().parents[1]
BUILT = accel.read_manifest() is not None
needs_build = pytest.mark.skipif(not BUILT, reason="no compiled build (make setup without gcc)")


def fake_build(tmp_path: Path, source: str, built_from: str) -> accel.AccelFinder:
    """A package `accelpkg.mod` whose manifest says it was compiled from `built_from`."""
    src = tmp_path / "src" / "accelpkg"
    src.mkdir(parents=True)
    (src / "mod.py").write_text(source)
    build = tmp_path / "build"
    ext = build / ("accelpkg/mod" + accel.build_key())
    ext.parent.mkdir(parents=True)
    ext.write_bytes(b"not loaded by these tests")
    entry = {"file": "accelpkg/mod" + accel.build_key(), "sha256": sha(built_from)}
    return accel.AccelFinder(build, tmp_path / "src", {"accelpkg.mod": entry})


def sha(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode()).hexdigest()


def test_finder_uses_a_module_built_from_the_same_source(tmp_path):
    finder = fake_build(tmp_path, "X = 1\n", built_from="X = 1\n")
    spec = finder.find_spec("accelpkg.mod")
    assert isinstance(spec.loader, importlib.machinery.ExtensionFileLoader)
    assert spec.origin.endswith(accel.build_key())
    assert finder.loaded == ["accelpkg.mod"] and finder.stale == []


def test_finder_refuses_a_stale_module(tmp_path):
    # the developer edited mod.py after the build and did not rebuild: the .py is imported
    finder = fake_build(tmp_path, "X = 2  # edited\n", built_from="X = 1\n")
    assert finder.find_spec("accelpkg.mod") is None
    assert finder.stale == ["accelpkg.mod"] and finder.loaded == []


def test_finder_refuses_a_missing_extension_and_ignores_other_modules(tmp_path):
    finder = fake_build(tmp_path, "X = 1\n", built_from="X = 1\n")
    (finder.build_dir / finder.modules["accelpkg.mod"]["file"]).unlink()
    assert finder.find_spec("accelpkg.mod") is None
    assert finder.find_spec("accelpkg.other") is None
    assert finder.find_spec("json") is None


def test_manifest_of_another_python_is_ignored(tmp_path):
    (tmp_path / accel.MANIFEST).write_text(json.dumps({"key": ".cpython-39.so", "modules": {}}))
    assert accel.read_manifest(tmp_path) is None
    assert accel.read_manifest(tmp_path / "missing") is None


def test_switched_off(monkeypatch, tmp_path):
    monkeypatch.setenv("PIPELINE_ACCEL", "0")
    assert not accel.enabled()
    assert accel.install(tmp_path) is None


def run(code: str, **env: str) -> str:
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout


PROBE = """
import json
import pipeline.lib.claims.extract as m
from pipeline.lib import accel
from pipeline.lib.claims.sync import extract_article
text = "Title\\n\\nThe country had 2.4 million 5G base stations by the end of 2023, up 27% on 2022.\\n"
r = extract_article("a.txt", text, None, seconds=0)
bad = extract_article("b.txt", None, None, seconds=0)
print(json.dumps([accel.is_compiled(m), r.mentions, r.claims, bad.error, bad.error_where],
                 default=str, sort_keys=True))
"""


def test_accel_off_gives_pure_modules():
    compiled, *_ = json.loads(run(PROBE, PIPELINE_ACCEL="0"))
    assert compiled is False


@needs_build
def test_compiled_and_pure_give_the_same_rows_and_error_where():
    on = json.loads(run(PROBE, PIPELINE_ACCEL="1"))
    off = json.loads(run(PROBE, PIPELINE_ACCEL="0"))
    assert on[0] is True and off[0] is False
    assert on[1] and on[2]  # mentions and claims found
    assert on[1:] == off[1:]


@needs_build
def test_a_stale_real_module_runs_as_its_source(tmp_path):
    # a copy of the sources with one compiled module edited: that module is refused, the
    # unedited one is taken from the build
    data = accel.read_manifest()
    src = tmp_path / "pipeline" / "lib" / "claims"
    src.mkdir(parents=True)
    for name in ("local_body", "month_flow"):
        (src / f"{name}.py").write_bytes((ROOT / f"pipeline/lib/claims/{name}.py").read_bytes())
    with open(src / "local_body.py", "a") as f:
        f.write("# edited after the build\n")
    finder = accel.AccelFinder(accel.BUILD_DIR, tmp_path, data["modules"])
    assert finder.find_spec("pipeline.lib.claims.local_body") is None
    assert finder.find_spec("pipeline.lib.claims.month_flow") is not None
    assert finder.stale == ["pipeline.lib.claims.local_body"]


BUDGET = """
import sys
sys.path.insert(0, "benchmarks")
from bench_hostile import make
import pipeline.lib.quantities.extractor as m
from pipeline.lib import accel
from pipeline.lib.claims.sync import extract_article
r = extract_article("slow.txt", make("news", 0.5), None, seconds=0.2)
print(accel.is_compiled(m), r.error)
"""


@needs_build
def test_the_time_budget_stops_compiled_extraction():
    # the compiled loops still call check_budget() (and Python code, where SIGALRM is handled)
    compiled, error = run(BUDGET, PIPELINE_ACCEL="1").split(" ", 1)
    assert compiled == "True"
    assert error.startswith("ArticleTimeout: over the time budget of 0.2 s")


@needs_build
def test_spawned_workers_get_the_compiled_modules():
    # extraction workers are spawned (pipeline/lib/claims/sync.py): importing pipeline installs
    # the finder there too
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(1) as pool:
        got = pool.apply(accel.compiled, ("pipeline.lib.quantities.extractor",))
    assert got is accel.enabled()
