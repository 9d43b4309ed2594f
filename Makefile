# Two entry points for a fresh machine (python3 >= 3.11, git, make):
#   make demo   - the main job, offline, on the embedded fake server
#   make test   - every gate: codegen --check, ruff, mypy, pyright, pytest
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck unit codegen check-codegen unasync bench clean test-min-deps

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(PY) scripts/demo.py --out demo-output

test: $(STAMP) check-codegen lint typecheck unit

check-codegen: $(STAMP)
	$(PY) -m codegen --check
	$(PY) scripts/unasync.py --check

codegen: $(STAMP)
	$(PY) -m codegen

unasync: $(STAMP)
	$(PY) scripts/unasync.py

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(PY) scripts/rules_table.py --check README.md
	$(VENV)/bin/ruff format --check .

typecheck: $(STAMP)
	$(VENV)/bin/mypy
	$(VENV)/bin/mypy --strict tests/typing/*.py
	$(VENV)/bin/pyright
	$(VENV)/bin/pyright tests/typing

# steady (the conformance mock) is installed once here, before the workers start.
unit: $(STAMP)
	sh scripts/steady.sh
	$(PY) -m pytest -q -n auto

# The suite (less the conformance tests) on the declared minimum runtime versions.
MIN_VENV := .venv-min
MIN_STAMP := $(MIN_VENV)/.installed
$(MIN_STAMP): pyproject.toml scripts/min_deps.py
	rm -rf $(MIN_VENV)
	$(PYTHON) -m venv $(MIN_VENV)
	$(MIN_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(PYTHON) scripts/min_deps.py > $(MIN_VENV)/constraints.txt
	$(MIN_VENV)/bin/python -m pip install --quiet -c $(MIN_VENV)/constraints.txt -e '.[dev]'
	touch $(MIN_STAMP)

test-min-deps: $(MIN_STAMP)
	$(MIN_VENV)/bin/python scripts/min_deps.py --verify
	$(MIN_VENV)/bin/python -m pytest -q -n auto -m "not conformance"

bench: $(STAMP)
	$(PY) benchmarks/run_all.py

clean:
	rm -rf $(VENV) $(MIN_VENV) build dist demo-output
