# Every target sets itself up: a fresh machine needs only python3.11 and make.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test lint unit browser test-model model model-setup model-stop bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

# The member's web app with the embedded defaults (SQLite, in-process checkpoints, template letters); prints its URL.
run: $(STAMP)
	$(BIN)/overturn web

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy .

# Every tier: unit, integration (PostgreSQL, Redis), corpus, then the model tier against a real vLLM server.
test: lint unit test-model

unit: $(STAMP) browser
	$(BIN)/python -m pytest -m "not model"

# Browser tests drive Debian's Chromium (Playwright's own browser download does not work here). Installing it
# needs root; without it the browser tests skip with the reason (CI sets OVERTURN_REQUIRE_BROWSER=1: a failure).
browser:
	@test -x /usr/bin/chromium || { test "$$(id -u)" = 0 && \
	  { apt-get install -y -qq chromium >/dev/null 2>&1 || \
	    { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }; }; } || \
	  echo "chromium is not installed (as root: apt-get install chromium); the browser tests will be skipped"

# The model tier builds the CPU vLLM venv and model once (cached in .venv-vllm and .cache/models), starts the
# server on 127.0.0.1:8011 unless one is up, runs the tier and stops the server it started.
test-model: $(STAMP)
	bash serving/recipes/cpu/with_server.sh $(BIN)/python -m pytest -m model tests/serving/model

model-setup:
	bash serving/recipes/cpu/setup.sh

model: model-setup
	bash serving/recipes/cpu/start.sh

model-stop:
	bash serving/recipes/cpu/stop.sh

bench: $(STAMP)
	$(BIN)/python benchmarks/extract.py

clean:
	rm -rf $(VENV) .venv-vllm .cache build *.egg-info .mypy_cache .pytest_cache .ruff_cache
