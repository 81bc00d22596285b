# Two commands matter: `make serve` and `make test`. Both build .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1

TS := clients/typescript

.PHONY: serve test lint audit load check clean bench bench-versions bench-levers bench-queries openapi clients

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-app: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml clients/python/pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]' -e clients/python
	touch $@ $(VENV)/.installed-app

# The TypeScript client's toolchain (pinned by its package-lock.json); without npm its
# tests are skipped, and `make test` says so.
$(TS)/node_modules/.installed: $(TS)/package-lock.json
	@if command -v npm >/dev/null; then \
	  (cd $(TS) && npm ci --no-audit --no-fund --loglevel=error) && touch $@; \
	else echo "npm not found: the TypeScript client's tests will be skipped"; fi

serve: $(VENV)/.installed-app  ## migrate, load data/, serve on $(HOST):$(PORT)
	$(BIN)/kb serve --host $(HOST) --port $(PORT)

test: $(VENV)/.installed-dev  ## every test (PostgreSQL ones too where a server answers)
	-@bash scripts/ensure-chromium
	-@$(MAKE) --no-print-directory $(TS)/node_modules/.installed
	$(BIN)/pytest

lint: $(VENV)/.installed-dev  ## ruff and mypy, failing on any finding
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

audit: $(VENV)/.installed-dev  ## known vulnerabilities in the installed packages (pip-audit)
	$(BIN)/python scripts/audit_dependencies.py

load: $(VENV)/.installed-app
	$(BIN)/kb load

check: $(VENV)/.installed-app
	$(BIN)/kb check

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache

$(VENV)/.installed-bench: pyproject.toml clients/python/pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev,bench]' -e clients/python
	touch $@ $(VENV)/.installed-app $(VENV)/.installed-dev

bench-versions: $(VENV)/.installed-bench  ## this checkout beside BASE (a commit), under wrk
	@command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk"; exit 1; }
	@test -n "$(BASE)" || { echo "usage: make bench-versions BASE=<commit>"; exit 1; }
	rm -rf var/base && git worktree prune && git worktree add --detach var/base $(BASE)
	$(MAKE) -C var/base .venv/.installed-bench
	$(BIN)/python bench/versions.py var/base .

bench: $(VENV)/.installed-bench  ## our API vs Datasette vs constant bytes, under wrk (needs wrk)
	@command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk"; exit 1; }
	$(BIN)/python bench/serving.py

bench-levers: $(VENV)/.installed-dev  ## what workers, async routes, uvloop/httptools and the cache each buy
	@command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk"; exit 1; }
	$(BIN)/python -m bench.levers

bench-queries: $(VENV)/.installed-dev  ## p50/p99 and req/s of the main queries, 100k claims vs the article
	$(BIN)/python bench/queries.py

openapi: $(VENV)/.installed-app  ## rewrite openapi.json, the committed v1 contract
	$(BIN)/kb openapi

clients: $(VENV)/.installed-dev $(TS)/node_modules/.installed  ## regenerate clients/ from openapi.json
	$(BIN)/python scripts/clients.py
