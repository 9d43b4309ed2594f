# Two entry points for a fresh machine (python3 >= 3.11, git, make):
#   make demo   - the main job, offline, on the embedded fake server
#   make test   - every gate: codegen --check, ruff, mypy, pyright, pytest
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# The official package whose published types `diff-upstream --package openai` compares
# with spec/; installed in its own venv for that check only, never a runtime dependency.
OPENAI_PIN := 3.57.0
OPENAI_VENV := .tools/openai-venv

.PHONY: demo test lint typecheck unit codegen check-codegen unasync check-drift bench clean test-min-deps

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(PY) scripts/demo.py --out demo-output

test: $(STAMP) check-codegen check-drift lint typecheck unit

check-codegen: $(STAMP)
	$(PY) -m codegen --check
	$(PY) scripts/unasync.py --check

codegen: $(STAMP)
	$(PY) -m codegen

unasync: $(STAMP)
	$(PY) scripts/unasync.py

# spec/ against both upstreams; fails on a difference not in spec/upstream-differences.yaml.
OPENAI_STAMP := $(OPENAI_VENV)/.installed-$(OPENAI_PIN)
UPSTREAM_DOC := ../shared/upstream/openai-openapi.yaml

$(OPENAI_STAMP):
	rm -rf $(OPENAI_VENV)
	$(PYTHON) -m venv $(OPENAI_VENV)
	$(OPENAI_VENV)/bin/python -m pip install --quiet openai==$(OPENAI_PIN)
	touch $@

check-drift: $(STAMP) $(OPENAI_STAMP)
	$(PY) -m codegen diff-upstream --package openai --python $(OPENAI_VENV)/bin/python > /dev/null \
		|| $(PY) -m codegen diff-upstream --package openai --python $(OPENAI_VENV)/bin/python
	@if [ -f $(UPSTREAM_DOC) ]; then \
		$(PY) -m codegen diff-upstream $(UPSTREAM_DOC) > /dev/null \
		|| $(PY) -m codegen diff-upstream $(UPSTREAM_DOC); \
	else echo "no $(UPSTREAM_DOC): document drift not checked"; fi

lint: $(STAMP)
	$(VENV)/bin/ruff check .
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
