# Two commands on a fresh machine with Python 3.11+: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py

.PHONY: run test setup install messages migrate clean

run: setup
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo --if-empty
	$(MANAGE) createinitialrevisions --comment "Erste Version"
	$(MANAGE) create_demo_staff
	$(MANAGE) runserver 127.0.0.1:8000

test: setup
	$(PY) -m pytest $(PYTEST_ARGS)

setup: install messages

install: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=python3.x).")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

# Babel compiles the catalogues, so GNU gettext need not be installed.
messages: install
	$(VENV)/bin/pybabel compile --domain django --directory locale --statistics

clean:
	rm -rf $(VENV) db.sqlite3 .test-db*.sqlite3
