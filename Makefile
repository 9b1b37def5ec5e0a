# The README's two commands: `make run` and `make test`. Everything installs into .venv from the
# hashed lock file, so a fresh machine needs only Python 3.11, pip, make and git.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
ACCEL := build/accel/manifest.json
ACCEL_SRC := $(wildcard pipeline/lib/quantities/*.py pipeline/lib/claims/*.py) \
	pipeline/build_accel.py pipeline/lib/accel.py

.PHONY: setup accel run test lint format dev bench score score-all docs lock clean

setup: $(STAMP)

# The optional compiled build of the per-article pass (pipeline/build_accel.py), opt-in: it
# measured 6% fewer instructions an article (docs/scaling.md), below what `make setup` should
# spend minutes on. With a C compiler, Cython compiles the modules below into build/accel/
# (about 2 min on 2 cores, only the changed modules after that); without one it says so in one
# line. A module edited since the build runs as its .py (pipeline/lib/accel.py); `make test`
# brings an existing build up to date. PIPELINE_ACCEL=0 switches it off.
accel: $(ACCEL)

$(ACCEL): $(STAMP) $(ACCEL_SRC)
	$(PY) -m pipeline.build_accel --jobs 2

$(STAMP): requirements.lock pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.11 is needed (python3.11 or python3 on PATH)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	$(PY) -m pip check
	@touch $(STAMP)

run: $(STAMP)
	$(PY) -m pipeline run

test: $(STAMP) $(if $(wildcard $(ACCEL)),$(ACCEL))
	$(PY) -m ruff check pipeline tests benchmarks
	$(PY) -m pytest

lint: $(STAMP)
	$(PY) -m ruff check pipeline tests benchmarks
	$(PY) -m ruff format --check pipeline tests benchmarks

format: $(STAMP)
	$(PY) -m ruff format pipeline tests benchmarks
	$(PY) -m ruff check --fix pipeline tests benchmarks

dev: $(STAMP)
	DAGSTER_HOME=$(CURDIR)/.dagster_home $(PY) -m pipeline.lib.run_guard
	DAGSTER_HOME=$(CURDIR)/.dagster_home $(VENV)/bin/dg dev --host 127.0.0.1 --port 3000

bench: $(STAMP)
	$(PY) benchmarks/bench_extract.py

score: $(STAMP)
	$(PY) ../shared/tools/score_claims.py --gold ../shared/gold/seeds.json --warehouse warehouse/industrial_internet.duckdb --show

# The seeds and the held-out sets through the extract command, one line each.
score-all: $(STAMP)
	$(PY) benchmarks/score.py --all

# Regenerate requirements.lock after changing pyproject.toml or requirements.in (needs uv).
lock: $(STAMP)
	$(PY) -m pip install --quiet uv
	$(VENV)/bin/uv pip compile requirements.in pyproject.toml --python $(PY) --generate-hashes \
		--no-emit-index-url --no-emit-find-links --no-header -o requirements.lock
	sed -i '/^-e file:/,+1d' requirements.lock

clean:
	rm -rf $(VENV) warehouse/*.duckdb warehouse/.build build/accel

# Regenerate README's generated sections (tables, catalog, and the cookbook's real output).
docs: $(STAMP)
	$(PY) -m pipeline.metadata.docs --cookbook
