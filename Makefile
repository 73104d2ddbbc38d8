# Everything runs from a project-local virtual environment that the targets create on first
# use, so a fresh machine needs only Python 3.11 or later, make and npm.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: generate check test bench lint golden clean

$(STAMP): pyproject.toml requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

# First the list of runtime pieces black is known to leave unchanged (a speed-up that can
# never change output; tests/test_format.py fails when it is stale), then the client.
generate: $(STAMP)
	$(BIN)/python tests/tools/refresh_preformatted.py --write
	$(BIN)/polar-codegen generate --strict

check: $(STAMP)
	$(BIN)/polar-codegen check --strict

test: $(STAMP)
	$(BIN)/python -m pytest

# Speed and import time against peers measured in the same run; writes bench/results.md,
# then the generator's own speed against openapi-python-client: bench/results-generator.md.
bench: $(STAMP)
	$(BIN)/python bench/run.py

lint: $(STAMP)
	$(BIN)/ruff check generator tests
	$(BIN)/mypy generator

# Rewrite the feature specs' golden output after an intended change; review the diff.
golden: $(STAMP)
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest tests/test_golden.py

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
