# «Дорожная карта»: make run · make test · make bench · make build · make deb · make test-bundle
#                  make windows · make test-windows
# Each target creates .venv when missing and installs the project into it.
# As root on Debian/Ubuntu, the system packages Qt needs offscreen and the
# tools the tests use (poppler, LibreOffice, Xvfb, PostgreSQL) are installed with apt-get.
# `make test` runs the suite with a throwaway PostgreSQL cluster on the loopback
# interface (scripts/with-postgres.sh), removed afterwards, in parallel on every core
# (pytest-xdist, at most TEST_WORKERS processes; TEST_WORKERS=0 runs it in one process).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
APT_PACKAGES := libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 \
	libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0 libxcb-render-util0 \
	libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 poppler-utils libreoffice-calc libreoffice-writer fonts-liberation2 \
	xvfb xauth qpdf desktop-file-utils postgresql postgresql-common
# tools for `make deb` (dpkg-shlibdeps checks the Depends line, lintian checks the package)
# and `make test-bundle` (mmdebstrap: clean Debian 12 and 13 roots to install the .deb in)
DEB_TOOLS := dpkg-dev lintian file patchelf mmdebstrap
# tools for `make windows` (Wine runs the Windows Python and PyInstaller, NSIS makes the
# installer) and `make test-windows` (a Russian locale: Wine's ANSI code page is then cp1251)
WINDOWS_TOOLS := wine64 wine nsis unzip locales

.PHONY: run test bench build deb test-bundle windows test-windows lint screenshots system-deps \
	clean-venv

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

# -n auto: one worker per core, capped (each worker holds a Qt application, a PostgreSQL
# template and starts LibreOffice and Python subprocesses); worksteal: each worker runs a
# contiguous half of the suite (module fixtures made once) and takes tests from the other
# when it runs out, so neither waits at the end
TEST_WORKERS ?= 4
test: system-deps $(STAMP)
	QT_QPA_PLATFORM=offscreen bash scripts/with-postgres.sh $(PY) -m pytest -q \
		$(if $(filter 0,$(TEST_WORKERS)),-p no:xdist,-n auto --maxprocesses $(TEST_WORKERS) --dist worksteal)

bench: system-deps $(STAMP)
	@for script in benchmarks/*.py; do \
		echo "== $$script"; QT_QPA_PLATFORM=offscreen $(PY) $$script || exit 1; \
	done

lint: $(STAMP)
	$(VENV)/bin/ruff check desktop tests benchmarks

# every window page and main dialog at 1366×768 into docs/screenshots/ (offscreen)
screenshots: system-deps $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) scripts/screenshots.py

# one-folder bundle in dist/dorozhnaya-karta/ (see build.spec; the same spec builds on Windows)
build: system-deps $(STAMP)
	$(VENV)/bin/pyinstaller --noconfirm build.spec
	@du -sh dist/dorozhnaya-karta

# dist/dorozhnaya-karta_VERSION_amd64.deb from the bundle
deb: build
	@bash scripts/system-deps.sh $(DEB_TOOLS)
	bash packaging/build-deb.sh

# slow: builds, then runs the bundle and the unpacked .deb without Python, then installs the
# .deb in clean Debian 12 and 13 roots (not in `make test`)
test-bundle: deb
	$(PY) scripts/smoke_bundle.py
	PYTHON=$(PY) bash scripts/test-deb-install.sh bookworm trixie

# dist/windows/dorozhnaya-karta/ and dist/windows/DorozhnayaKarta-Setup-VERSION.exe, built here
# under Wine (packaging/windows/build.sh; downloads pinned and cached in .cache/windows/)
windows: system-deps $(STAMP)
	@bash scripts/system-deps.sh $(WINDOWS_TOOLS)
	PYTHON=$(PY) bash packaging/windows/build.sh

# slow: the Windows bundle under Wine, then the installer in a fresh prefix (not in `make test`)
test-windows: windows
	@bash scripts/ensure-locale.sh ru_RU.UTF-8
	$(PY) scripts/smoke_bundle.py --windows

clean-venv:
	rm -rf $(VENV)
