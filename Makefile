# gpt4o-tui: `make run` launches the app, `make test` runs the whole suite,
# `make test-fast` all but the tests marked slow (see pyproject's markers).
# Each sets up .venv on first use and reuses it afterwards.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready

.PHONY: run test test-fast screenshots check bench clean

run: $(READY)
	@$(BIN)/gpt4o-tui

test: $(READY)
	$(BIN)/python -m pytest

test-fast: $(READY)
	$(BIN)/python -m pytest -m 'not slow'

screenshots: $(READY)
	$(BIN)/gpt4o-tui screenshots --overwrite screenshots
	$(BIN)/gpt4o-tui --lang zh screenshots --overwrite screenshots/zh

check: $(READY)
	$(BIN)/gpt4o-tui check

bench: $(READY)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[bench]'
	$(BIN)/python benchmarks/bench.py

$(READY): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "gpt4o-tui needs Python 3.11 or newer; set PYTHON=python3.11 (or newer)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $@

clean:
	rm -rf $(VENV)
