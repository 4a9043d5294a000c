# Fleksi — two commands: `make run` (set up and serve with demo data) and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.12 >/dev/null 2>&1 && python3.12 -c '' >/dev/null 2>&1 && echo python3.12 || echo python3)
UV_VERSION := 0.13.9
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
PORT ?= 8000
DEV_ENV := DEBUG=1
KUKAR_ENV := DEBUG=1 DATABASE_URL=sqlite:///$(CURDIR)/var/kukar.sqlite3

.PHONY: help run test test-dates check lint typecheck imports bench demo-kukar messages worker clean

help:
	@echo "make run         set up (first time) and serve on http://127.0.0.1:$(PORT) with demo data"
	@echo "make test        run the whole test suite"
	@echo "make check       ruff, ruff format --check, djlint (templates), mypy, import-linter, then the tests"
	@echo "make test-dates  the domain and service tests again, as if today were each of TEST_DATES"
	@echo "make bench       benchmarks (figures printed as 'bench: NAME VALUE UNIT')"
	@echo "make demo-kukar  serve the Kukar-size demo (~19,000 employees) on its own database"
	@echo "make worker      run the background task worker"
	@echo "make messages    refresh and compile the translations"

# The virtual environment is rebuilt when the lock file changes.
$(BIN)/.installed: uv.lock pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 12), "Fleksi needs Python 3.12 or newer"'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"
	@UV_PROJECT_ENVIRONMENT=$(VENV) $(BIN)/uv sync --frozen --inexact --quiet
	@touch $@

var:
	@mkdir -p var

# A living system under `make run`: the background task worker (reports, refreshed figures,
# the audit chain's verification) and the periodic jobs (every PERIODIC_EVERY seconds) run
# beside the web server, at a lower priority; one Ctrl+C (or the server ending) stops all.
PERIODIC_EVERY ?= 300
LIVING = nice -n 10 env $(DEV_ENV) $(PY) manage.py db_worker & W=$$!; \
	(while sleep 5; do nice -n 10 env $(DEV_ENV) $(PY) manage.py run_periodic || true; \
	sleep $(PERIODIC_EVERY); done) & P=$$!; \
	trap 'kill $$W $$P 2>/dev/null; wait 2>/dev/null' EXIT INT TERM;

run: $(BIN)/.installed | var
	@$(DEV_ENV) $(PY) manage.py migrate --no-input -v 0
	@$(DEV_ENV) $(PY) manage.py seed_demo --size small --history 6 --if-empty
	@$(DEV_ENV) $(PY) manage.py demo_accounts
	@echo "Fleksi is serving on http://127.0.0.1:$(PORT)/ with the task worker and the periodic jobs (Ctrl+C stops all three)"
	@$(LIVING) $(DEV_ENV) $(PY) manage.py runserver --skip-checks 127.0.0.1:$(PORT)

demo-kukar: $(BIN)/.installed | var
	@$(KUKAR_ENV) $(PY) manage.py migrate --no-input -v 0
	@$(KUKAR_ENV) $(PY) manage.py seed_demo --size kukar --history 12 --if-empty
	@$(KUKAR_ENV) $(PY) manage.py demo_accounts
	@$(KUKAR_ENV) $(PY) manage.py runserver --skip-checks 127.0.0.1:$(PORT)

worker: $(BIN)/.installed
	@$(DEV_ENV) $(PY) manage.py db_worker

# Test tools from the npm registry (axe-core for the accessibility checks), from the lock file.
AXE := tools/node_modules/.installed
$(AXE): tools/package.json tools/package-lock.json
	@npm ci --prefix tools --no-audit --no-fund --silent
	@touch $@

test: $(BIN)/.installed $(AXE)
	@$(BIN)/pytest -n 2 --dist loadfile -q $(PYTEST_ARGS)

# The suite must pass whatever the machine's date says: the domain and service tests run again
# as if the clock said the last working day of a year, a day inside Ramadan (1448 H) and
# 29 February 2028 (pytest --travel-to, see conftest.py). Fast tests only, in parallel.
TEST_DATES ?= 2027-12-31 2027-02-24 2028-02-29
DATED_TESTS ?= $(wildcard fleksi/*/tests/test_*domain*.py) fleksi/worktime/tests \
	$(addprefix fleksi/presence/tests/,test_rules.py test_retention.py test_recap.py test_manual.py) \
	$(addprefix fleksi/schedule/tests/,test_requests.py test_decisions.py test_revision.py test_role_minimum.py) \
	$(addprefix fleksi/outputs/tests/,test_rules.py test_loop.py) \
	$(addprefix fleksi/servicelevel/tests/,test_safeguard.py test_tightening.py test_ikm.py) \
	$(addprefix fleksi/policy/tests/,test_calendar.py test_versions.py test_eligibility_rules.py test_location_rule.py test_params.py) \
	$(addprefix fleksi/roster/tests/,test_rule.py test_cells.py test_explanations.py) \
	fleksi/notify/tests/test_prune.py fleksi/eligibility/tests/test_decisions.py fleksi/jobmap/tests/test_workflow.py

test-dates: $(BIN)/.installed
	@for day in $(TEST_DATES); do \
	  echo "== tests as if today were $$day"; \
	  $(BIN)/pytest -n 2 --dist loadfile -q -m "not browser" --travel-to=$$day $(DATED_TESTS) || exit 1; \
	done

lint: $(BIN)/.installed
	@$(BIN)/ruff check .
	@$(BIN)/ruff format --check .
	@$(BIN)/djlint fleksi --lint --quiet

typecheck: $(BIN)/.installed
	@$(BIN)/mypy .

imports: $(BIN)/.installed
	@$(BIN)/lint-imports

check: lint typecheck imports test

# Benchmarks that must run on PostgreSQL use the local server when it answers.
BENCH_PG_URL ?= postgres://postgres@127.0.0.1:5432/postgres

bench: $(BIN)/.installed | var
	@BENCH_PG_URL=$(BENCH_PG_URL) $(PY) -m bench $(BENCH)

messages: $(BIN)/.installed
	@$(DEV_ENV) $(PY) manage.py makemessages -l id --no-obsolete --add-location file -i '.venv/*' -i 'var/*' -i 'bench/*'
	@$(DEV_ENV) $(PY) manage.py compilemessages -l id -i '.venv' -i 'var'

clean:
	rm -rf $(VENV) var
