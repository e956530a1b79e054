# Balkanoscope: `make run` serves the site with demo content, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
# Python's bytecode cache on, whatever the environment says (some machines set
# PYTHONDONTWRITEBYTECODE): each test process then reads the project's compiled modules and
# pytest's rewritten test modules instead of compiling them again (about 2 s per process).
unexport PYTHONDONTWRITEBYTECODE
# Lock files, compiled from pyproject.toml's dependency groups by `make lock` (uv), with hashes.
APP_LOCK := requirements/app.txt
DEV_LOCK := requirements/dev.txt
# One lock for every platform and every Python from 3.11 (the Docker image runs 3.12).
LOCK = $(VENV)/bin/uv pip compile pyproject.toml --universal --python-version 3.11 --generate-hashes \
	--quiet --custom-compile-command "make lock" $(if $(UPGRADE),--upgrade)
# `make test-fast`: everything but real servers, outages, subprocess round trips and browsers, on
# every core, with a fifth of the property tests' examples (tests/hypothesis_profiles.py); a
# module stays on one worker, so module-wide data (the seeded demo site) is made once.
FAST_TESTS = -m "not operational and not browser" -n auto --dist loadfile

# `make serve`: production settings (DEBUG off, gunicorn, whitenoise) on plain http://127.0.0.1.
SERVE_ENV = DJANGO_DEBUG=false DJANGO_HTTPS=false \
	DJANGO_SECRET_KEY="$$(cat var/serve-secret-key)" \
	DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost SITE_URL=http://127.0.0.1:8000 \
	GUNICORN_BIND=127.0.0.1:8000 PYTHON=$(CURDIR)/$(PY)
# `make check`: Django's deployment checklist against production-like settings.
DEPLOY_ENV = DJANGO_DEBUG=false DJANGO_SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(64))')" \
	DJANGO_ALLOWED_HOSTS=balkanoscope.example SITE_URL=https://balkanoscope.example

.PHONY: help install lock messages compiled-messages run serve test test-fast check fmt bench clean
help:
	@echo "make run    - install, migrate, load demo content, serve http://127.0.0.1:8000 (development)"
	@echo "make test   - install and run the whole test suite"
	@echo "make test-fast - the tests without servers, outages, round trips and browsers (seconds)"
	@echo "make lock   - compile requirements/*.txt from pyproject.toml (UPGRADE=1: newest versions)"
	@echo "make check  - ruff, missing migrations, Django's deployment checklist"
	@echo "make serve  - production-like serving (DEBUG off, gunicorn, whitenoise) on 127.0.0.1:8000"
	@echo "make bench  - performance benchmark (see README)"
	@echo "make fmt    - format the code"
	@echo "make messages - update the interface catalogues (locale/) from the code and compile them"

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed: make PYTHON=python3.12 ...")'
	$(PYTHON) -m venv $(VENV)

# Plain pip installs the lock: a fresh machine needs nothing but Python.
$(INSTALLED): $(DEV_LOCK) | $(PY)
	$(PY) -m pip install --quiet --require-hashes -r $(DEV_LOCK)
	@touch $@

install: $(INSTALLED) compiled-messages

# The interface languages but English (the code's own) and Serbian Latin, which is made from
# the Serbian Cyrillic catalogue (README.md, "Languages").
CATALOGUE_LANGUAGES := sq bs hr mk sr
# makemessages would otherwise read the virtual environment and what the project writes.
MESSAGES_IGNORE := --ignore=.venv --ignore=tests --ignore=var --ignore=staticfiles

# The catalogues and what is made of them: the Serbian Latin one from the Cyrillic, each .mo from
# its .po. Each is made again only when what it is made from changed, so the `make install`
# before every run and test costs nothing once they are current, and no .mo is older than its .po.
CATALOGUES := $(foreach language,$(CATALOGUE_LANGUAGES) sr_Latn,locale/$(language)/LC_MESSAGES/django)
TRANSLITERATION := stories/management/commands/transliterate_catalogue.py stories/scripts/serbian.py

locale/sr_Latn/LC_MESSAGES/django.po: locale/sr/LC_MESSAGES/django.po $(TRANSLITERATION) | $(INSTALLED)
	$(PY) manage.py transliterate_catalogue sr sr_Latn

# What compilemessages runs for each catalogue, run by make so that only a changed one is compiled.
%.mo: %.po
	@command -v msgfmt >/dev/null || { echo "msgfmt is missing: install GNU gettext (apt-get install gettext)"; exit 1; }
	msgfmt --check-format -o $@ $<

compiled-messages: $(CATALOGUES:=.mo)

# For translators: new and changed strings from the code and templates into each catalogue.
messages: $(INSTALLED)
	@mkdir -p locale
	$(PY) manage.py makemessages $(foreach language,$(CATALOGUE_LANGUAGES),--locale $(language)) $(MESSAGES_IGNORE) --no-obsolete
	$(MAKE) compiled-messages

# uv only compiles the locks: the version the dev lock installed, or the newest for a first lock.
$(VENV)/bin/uv: | $(PY)
	$(PY) -m pip install --quiet uv

# The app lock first: development gets the same versions of what production runs.
lock: | $(VENV)/bin/uv
	$(LOCK) --group pyproject.toml:app -o $(APP_LOCK)
	$(LOCK) --group pyproject.toml:dev -c $(APP_LOCK) -o $(DEV_LOCK)
	@$(MAKE) --no-print-directory install

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo --if-empty
	$(PY) manage.py ensure_admin
	@echo "Serving http://127.0.0.1:8000/ - admin at http://127.0.0.1:8000/$${ADMIN_URL:-admin/} (Ctrl+C stops)"
	$(PY) manage.py runserver 127.0.0.1:8000

var/serve-secret-key:
	@mkdir -p var
	@$(PY) -c 'import secrets; print(secrets.token_urlsafe(64))' > $@
	@chmod 600 $@

serve: install var/serve-secret-key
	$(SERVE_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	$(SERVE_ENV) $(PY) manage.py seed_demo --if-empty
	$(SERVE_ENV) balkanoscope/start.sh

test: install
	$(PY) -m pytest $(PYTEST_ARGS)

test-fast: install
	HYPOTHESIS_PROFILE=$${HYPOTHESIS_PROFILE:-fast} $(PY) -m pytest $(FAST_TESTS) $(PYTEST_ARGS)

check: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run
	$(DEPLOY_ENV) $(PY) manage.py check --deploy --fail-level WARNING

fmt: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# `make bench SOAK=1`: 64 connections for 60 s instead (zero errors, zero 5xx expected).
# `make bench SCALE=1`: two instances behind Varnish on PostgreSQL + Redis (tests/bench/scaleout.py).
bench: install
ifdef SCALE
	$(PY) -m tests.bench.scaleout
else
	@# The scripts' figures are printed even when a target of the main run failed; either fails the bench.
	@status=0; $(PY) -m tests.bench $(if $(SOAK),--soak) || status=1; \
	$(if $(SOAK),,$(PY) -m tests.bench.scripts || status=1;) exit $$status
endif

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
