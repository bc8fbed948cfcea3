# Two commands on a fresh machine with Python 3.11+: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py

.PHONY: run dev test setup install install-dev lock lint format messages catalogues migrate clean serve-prod bench backup

# The demo as visitors meet it: DEBUG off, so errors are the portal's own pages in the visitor's
# language; --insecure has runserver serve the static files all the same.
run: setup
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo --if-empty
	$(MANAGE) createinitialrevisions --comment "Erste Version"
	$(MANAGE) create_demo_staff
	$(MANAGE) runserver --insecure 127.0.0.1:8000

# The same for developers, with Django's debug pages.
dev: export DEBUG = 1
dev: run

test: setup install-dev
	$(PY) -m pytest $(PYTEST_ARGS)

setup: install messages

# What the portal runs (requirements.txt); the test tools come on top (requirements-dev.txt).
install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

$(VENV)/.installed: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=python3.x).")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# Both locks from their inputs (*.in); pins already there are kept unless an input asks otherwise.
PIP_COMPILE := CUSTOM_COMPILE_COMMAND="make lock" $(VENV)/bin/pip-compile --quiet --strip-extras \
	--no-emit-index-url --no-emit-find-links
lock: install-dev
	$(PIP_COMPILE) --output-file requirements.txt requirements.in
	$(PIP_COMPILE) --output-file requirements-dev.txt requirements-dev.in

# ruff (pyproject.toml) and djhtml, checking only; `make format` rewrites.
lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check templates

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml templates

# The catalogues from the code's strings, for every language of LANGUAGES but German (needs GNU
# gettext; a new language's catalogue is created with every string): translate, then `make messages`.
catalogues: install
	$(MANAGE) makemessages --no-location --ignore=.venv --ignore=tests $$($(MANAGE) shell --no-imports -c \
		"from django.conf import settings; print(*('-l ' + c for c, _ in settings.LANGUAGES if c != settings.LANGUAGE_CODE))")

# Babel compiles the catalogues, so GNU gettext need not be installed.
messages: install
	$(VENV)/bin/pybabel compile --domain django --directory locale --statistics
	$(VENV)/bin/pybabel compile --domain djangojs --directory locale --statistics

# Production-like: gunicorn + whitenoise, DEBUG off, settings from the environment
# (SECRET_KEY, DATABASE_URL=postgres://…, ALLOWED_HOSTS; SECURE_SSL_REDIRECT=0 behind plain http).
WORKERS ?= 3
serve-prod: setup
	DJANGO_SETTINGS_MODULE=portal.settings.prod $(MANAGE) collectstatic --noinput -v0
	DJANGO_SETTINGS_MODULE=portal.settings.prod $(MANAGE) migrate --noinput
	DJANGO_SETTINGS_MODULE=portal.settings.prod $(VENV)/bin/gunicorn portal.wsgi --bind 127.0.0.1:8000 --workers $(WORKERS) --access-logfile -

# NRW scale on PostgreSQL (DATABASE_URL, default the local welkommin_bench database, created if missing),
# one table per size: `make bench BENCH_SIZES=50000,500000` adds 500,000 offers in welkommin_bench500.
BENCH_SIZES ?= 50000
bench: setup
	BENCH_SIZES=$(BENCH_SIZES) $(PY) bench/run.py

# A dated, compressed dump of the PostgreSQL database in DATABASE_URL (restore: see docs/deployment.md).
BACKUP_DIR ?= backups
backup:
	@case "$(DATABASE_URL)" in postgres*) ;; *) echo "Set DATABASE_URL=postgres://… (the production database)"; exit 2;; esac
	mkdir -p $(BACKUP_DIR)
	pg_dump --format=custom --no-owner --no-privileges --dbname="$(DATABASE_URL)" \
		--file="$(BACKUP_DIR)/welkommin-$$(date +%Y-%m-%d-%H%M%S).dump"
	@ls -1t $(BACKUP_DIR)/welkommin-*.dump | head -n 1

clean:
	rm -rf $(VENV) db.sqlite3 .test-db*.sqlite3
