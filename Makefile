# «Дорожная карта»: make run · make test · make bench · make build
# Each target creates .venv when missing and installs the project into it.
# As root on Debian/Ubuntu, the system packages Qt needs offscreen and the
# tools the tests use (poppler, LibreOffice, Xvfb, PostgreSQL) are installed with apt-get.
# `make test` runs the suite with a throwaway PostgreSQL cluster on the loopback
# interface (scripts/with-postgres.sh), removed afterwards.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
APT_PACKAGES := libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 \
	libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0 libxcb-render-util0 \
	libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 poppler-utils libreoffice-calc libreoffice-writer fonts-liberation2 \
	xvfb xauth qpdf postgresql postgresql-common

.PHONY: run test bench build lint system-deps clean-venv

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

system-deps:
	@bash scripts/system-deps.sh $(APT_PACKAGES)

run: system-deps $(STAMP)
	$(PY) -m desktop --demo

test: system-deps $(STAMP)
	QT_QPA_PLATFORM=offscreen bash scripts/with-postgres.sh $(PY) -m pytest -q

bench: system-deps $(STAMP)
	@for script in benchmarks/*.py; do \
		echo "== $$script"; QT_QPA_PLATFORM=offscreen $(PY) $$script || exit 1; \
	done

lint: $(STAMP)
	$(VENV)/bin/ruff check desktop tests benchmarks

build: system-deps $(STAMP)
	$(VENV)/bin/pyinstaller --noconfirm build.spec

clean-venv:
	rm -rf $(VENV)
