# Everything a fresh machine needs: `make run` and `make test` set up .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
JOBS ?= 2

.PHONY: run test install dev pg chromium lint schema bench bench-store train clean

# The main job: who said what in the sample corpus, then the browser UI over a store of it.
run: install
	$(BIN)/onrecord extract samples/corpus --format table
	rm -f .onrecord-samples.db .onrecord-samples.db-wal .onrecord-samples.db-shm
	$(BIN)/onrecord ingest samples/corpus --db .onrecord-samples.db
	$(BIN)/onrecord serve --db .onrecord-samples.db

test: dev pg chromium
	$(BIN)/ruff check src tests bench train
	$(BIN)/pytest -n $(JOBS) tests

# PostgreSQL (the Debian package) where missing: the store's tests start a throwaway cluster of
# their own. The leading '-' lets the suite still run, so those tests fail with the reason.
pg:
	-bash scripts/pg-setup.sh

# Debian's chromium for the browser tests (Playwright drives it; never `playwright install`).
chromium:
	-command -v chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)

install: $(VENV)/.installed
dev: $(VENV)/.installed-dev

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[warc,web]"
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(VENV)/.installed $@

lint: dev
	$(BIN)/ruff check src tests bench train

# Regenerate the committed JSON Schema of the record after changing record.py.
schema: install
	$(BIN)/onrecord schema --out src/onrecord/schema/record.schema.json

# Retrain the cue detector and the content/speaker ranker on PolNeAR train (threshold tuned on
# dev); writes src/onrecord/stages/data/{cues,roles}.json.
POLNEAR ?= ../shared/data/polnear
train: install
	$(BIN)/pip install --quiet -e ".[train]"
	$(BIN)/python train/cues.py --polnear $(POLNEAR)
	$(BIN)/python train/roles.py --polnear $(POLNEAR)

bench: install
	$(BIN)/python bench/throughput.py ../shared/data/polnear/dev/text

bench-store: dev
	$(BIN)/python bench/store.py

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache
