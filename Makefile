# Two commands for a newcomer: `make demo` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint unit bench fuzz clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The weekly job on the bundled samples (samples/castdigest.toml): a fresh archive in
# .demo/demo.db (never in out/, which is published), then ingest, build 2026-W48 and publish
# email, feeds and web archive into out/ (no email is sent: `--no-send`).
DEMO := $(BIN)/castdigest --config samples/castdigest.toml
demo: $(STAMP)
	rm -rf out .demo
	mkdir -p out .demo
	$(DEMO) weekly --no-send --as-of 2026-11-24
	$(DEMO) digest show 2026-W48
	@echo
	@echo "Open out/index.html, or run: $(DEMO) preview"

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest

test: lint unit

# Benchmarks print figures (see bench/README.md); they take several minutes.
bench: $(STAMP)
	for script in bench/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

# The reader fuzz test at length (tests/test_fuzz_readers.py): 20,000 mutated inputs by
# default, then the slowest and most memory-hungry ones. FUZZ_CASES=... to change the count.
FUZZ_CASES ?= 20000
fuzz: $(STAMP)
	CASTDIGEST_FUZZ_CASES=$(FUZZ_CASES) $(BIN)/pytest -s -q -p no:cacheprovider tests/test_fuzz_readers.py

clean:
	rm -rf $(VENV) out .demo
