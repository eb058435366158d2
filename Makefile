# vnplan: the two commands of the README are `make run` and `make test`.
# Both set up a bare Debian machine first (system packages when run as root, then .venv).

SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
APT_PACKAGES := tesseract-ocr tesseract-ocr-vie libreoffice-writer-nogui antiword poppler-utils chromium sqlite3 fonts-liberation2
STAMP := $(VENV)/.installed

.PHONY: run test test-fast setup system venv bench clean

run: setup ## set up, then extract every plan in data/raw into data/processed
	$(BIN)/vnplan extract data/raw --out data/processed

test: setup ## set up, then run the test suite
	$(BIN)/python -m pytest -q -p no:cacheprovider

test-fast: setup ## the suite without the slow tests (LibreOffice, Tesseract, Chromium, subprocesses, Dask)
	$(BIN)/python -m pytest -q -p no:cacheprovider -m "not slow"

setup: system $(STAMP)

system:
	@bash scripts/install-system.sh $(APT_PACKAGES)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[all]"
	@touch $(STAMP)

bench: setup ## speed, memory and OCR accuracy; writes benchmarks/results.json
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) build *.egg-info data/processed/*.json data/processed/*.jsonl
