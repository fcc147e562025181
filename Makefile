# Vraagbaak: `make run` to set up, index the corpus and start; `make test` for the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-dev lint chat ingest bench clean entry-vectors

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	# torch: the CPU build pinned in DESIGN.md (sentence-transformers pulls torch in otherwise)
	$(BIN)/pip install --quiet "torch==2.13.0"
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

ingest: install
	$(BIN)/vraagbaak ingest

run: install ingest
	$(BIN)/vraagbaak serve --host $(HOST) --port $(PORT)

chat: install ingest
	$(BIN)/vraagbaak chat

test: install-dev
	$(BIN)/python -m pytest -q

# after editing annotations/*.md: the shipped entry-point vectors (annotations/README.md)
entry-vectors: install
	$(BIN)/python -m assistant.annotations

lint: install-dev
	$(BIN)/ruff check .

bench: install-dev
	$(BIN)/python benchmarks/retrieval.py
	$(BIN)/python benchmarks/ingest.py

clean:
	rm -rf $(VENV) data .pytest_cache
