# Two entry points: `make demo` and `make test`. Both set up .venv/ from nothing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check --quiet
ARTICLE := data/articles/mali-coup-plot.md

.PHONY: demo test test-fast test-random install install-dev browser clean bench-extraction bench-triples bench-throughput

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) install -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(PIP) install -e '.[dev]'
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# Debian's Chromium, for the tests that open the HTML views in a real browser.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

demo: $(VENV)/.installed
	@mkdir -p out
	$(BIN)/kg build $(ARTICLE)
	$(BIN)/kg export --format ttl -o out/mali-coup-plot.ttl
	$(BIN)/kg view -o out/mali-coup-plot.html
	$(BIN)/kg stats
	$(BIN)/kg query --name who-did-what

# The architecture check (import-linter's contracts in pyproject.toml), then the whole suite.
test: $(VENV)/.installed-dev browser
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

# The inner loop: no spaCy model, no browser, nothing slow (a few seconds).
test-fast: $(VENV)/.installed-dev
	$(BIN)/python -m pytest -m "not model and not slow and not browser"

# The whole suite in a random order (a different one each run; the seed is printed to repeat it).
test-random: $(VENV)/.installed-dev browser
	$(BIN)/python -m pytest --random-order

# Time extraction adds to spaCy's own parsing (target: at most 15%).
bench-extraction: $(VENV)/.installed
	$(BIN)/python benchmarks/extraction_overhead.py

# Oxigraph against rdflib on a million kg-shaped triples: load, two aggregates, a two-hop query.
bench-triples: $(VENV)/.installed
	$(BIN)/python benchmarks/triples_1m.py

# kg build against bare spaCy: time ratio, words/s, 1 -> 2 processes, peak memory of 10,000 against 1,000 documents.
bench-throughput: $(VENV)/.installed
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) .kg out .pytest_cache
