# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
DEMO_DIR ?= .demo-profile
STAMP := $(VENV)/.installed

.PHONY: run test lint bench build translations clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,hub]'
	touch $(STAMP)

run: $(STAMP)
	@test -f $(DEMO_DIR)/ctxh.sqlite3 || ( \
	  export CTXH_PASSPHRASE="lua chin vang dong que" && \
	  $(BIN)/ctxh --data-dir $(DEMO_DIR) init --province 01 --commune 00004 \
	    --device-name "Máy demo" --user demo && \
	  $(BIN)/ctxh --data-dir $(DEMO_DIR) demo --cases 2000 --workers 12 --seed 1 )
	@echo "Hồ sơ demo: $(DEMO_DIR) — tài khoản: demo / mật khẩu: lua chin vang dong que"
	$(BIN)/ctxh --data-dir $(DEMO_DIR)

test: $(STAMP)
	$(BIN)/ruff check desktop sync forms tests bench build_spec
	$(BIN)/lint-imports --no-cache
	$(BIN)/mypy
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q --durations=15

lint: $(STAMP)
	$(BIN)/ruff check desktop sync forms tests bench build_spec
	$(BIN)/lint-imports --no-cache
	$(BIN)/mypy

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

build: $(STAMP)
	$(BIN)/python build_spec/build.py

translations: $(STAMP)
	$(BIN)/python -m desktop.ui.i18n_tools update

clean:
	rm -rf $(VENV) build dist .pytest_cache
