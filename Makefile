# Balai: `make demo` serves the demo city, `make test` runs every test. See README.md.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/balai
PYTEST_WORKERS ?= 2

DEMO_ENV := DEBUG=0 BALAI_HTTPS=0 SECRET_KEY=demo-not-secret-$(PORT) \
	BALAI_PORTAL_DOMAIN=localhost BALAI_SITE_PORT=$(PORT) BALAI_SERVE_MEDIA=1 \
	DATABASE_URL=sqlite:///$(CURDIR)/var/demo.sqlite3 MEDIA_ROOT=$(CURDIR)/var/media \
	STATIC_ROOT=$(CURDIR)/var/static \
	EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend EMAIL_FILE_PATH=$(CURDIR)/var/mail

.PHONY: install demo demo-data demo-code test test-sqlite test-postgres test-browser lint check lock messages \
	clean system-deps-demo system-deps-test services bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.lock
	touch $@

install: $(VENV)/.installed messages

system-deps-demo:
	scripts/system-deps.sh demo

system-deps-test:
	scripts/system-deps.sh test

services:
	scripts/services.sh

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

messages: $(VENV)/.installed system-deps-demo
	cd balai && ../$(BIN)/django-admin compilemessages -v0

lock: | $(BIN)/python
	$(BIN)/pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --strip-extras --extra dev -o requirements.lock pyproject.toml

demo-data: install system-deps-demo
	mkdir -p var
	$(DEMO_ENV) $(BIN)/python manage.py migrate --noinput -v0
	$(DEMO_ENV) $(BIN)/python manage.py collectstatic --noinput -v0
	$(DEMO_ENV) $(BIN)/python manage.py sync_site_ports
	$(DEMO_ENV) $(BIN)/python manage.py load_demo

demo: demo-data
	@echo "Balai demo: http://localhost:$(PORT)/ (Ctrl-C to stop)"
	$(DEMO_ENV) $(BIN)/python manage.py rundemo 0.0.0.0:$(PORT)

# The current second-factor code of the demo logins (they share one TOTP key, see README).
demo-code:
	@$(DEMO_ENV) $(BIN)/python manage.py demo_2fa_code

# Two at a time, to keep CI under 15 minutes on two cores: the checks (mostly one process) beside
# the PostgreSQL suite, then the browser suite (it mostly waits on page loads) beside the SQLite
# suite. Each part's output is printed when it ends; any failure fails the whole.
test: install system-deps-test services node_modules/.installed
	$(MAKE) -j2 --output-sync=target check test-postgres
	$(MAKE) -j2 --output-sync=target test-sqlite test-browser

test-sqlite: install
	mkdir -p var
	DATABASE_URL=sqlite:///$(CURDIR)/var/test.sqlite3 \
		$(BIN)/pytest -n $(PYTEST_WORKERS) -m "not browser" -q

test-postgres: install
	DATABASE_URL=$(PG_URL) $(BIN)/pytest -n $(PYTEST_WORKERS) -m "not browser" -q

test-browser: install node_modules/.installed
	DATABASE_URL=$(PG_URL) $(BIN)/pytest -m browser -q tests/browser

lint: install
	$(BIN)/ruff check balai tests bench
	$(BIN)/ruff format --check balai tests bench

# What a review checks, in CI before the tests: lint and format, migrations that match the
# models, the layer contract (pyproject.toml [tool.importlinter]), types of the rules' modules.
check: lint
	DJANGO_SETTINGS_MODULE=balai.settings.test DATABASE_URL=sqlite:///$(CURDIR)/var/check.sqlite3 \
		$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/lint-imports --no-cache
	$(BIN)/mypy $(wildcard balai/*/services.py balai/*/selectors.py balai/*/access.py balai/*/access/*.py)

# Anonymous pages over HTTP: cache miss, Balai cache hit, nginx hit (wrk); see README "Speed".
BENCH_PG_URL ?= postgres://postgres@127.0.0.1:5432/balai_bench
bench: install
	scripts/system-deps.sh bench
	BENCH_DATABASE_URL=$(BENCH_PG_URL) $(BIN)/python bench/http_cache.py

clean:
	rm -rf var/test-media var/test.sqlite3*
