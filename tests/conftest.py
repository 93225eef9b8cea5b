"""Shared fixtures: a fresh database per test, the demo district, offscreen Qt.

Parallel runs (``make test`` runs pytest-xdist, ``-n auto``): every fixture here is private
to its worker process. Session fixtures are made once per worker under the worker's own
temporary folder, PostgreSQL databases carry the worker's name and process id, and the
user data folder and the demo file of each test lie in its own temporary folder.

A fresh database per test is a copy of a template made once per worker: on SQLite a
migrated (or demo) file copied into the test's folder, on PostgreSQL ``CREATE DATABASE …
TEMPLATE``. Migrating a new file and building the demo took 0.3 s per test (over 1 s on a
loaded machine); a copy takes a few milliseconds and holds the same rows. Creating and
migrating from nothing is still tested where it is the subject (``tests/test_database.py``,
the migration tests, ``python -m desktop demo`` in the command-line tests).

PostgreSQL: the modules in :data:`BOTH_BACKENDS` (and tests marked ``both_backends``)
run their ``db`` and ``demo_db`` tests twice, on a SQLite file and on a fresh database
of the PostgreSQL server named by ``$DOROZHNAYA_KARTA_TEST_PG`` (a URL on 127.0.0.1,
localhost or a local socket; ``make test`` starts a throwaway cluster and sets it, see
``scripts/with-postgres.sh``). Without it the PostgreSQL runs are skipped with the reason
printed; with ``$DOROZHNAYA_KARTA_TEST_PG_REQUIRED=1`` (``make test``) they fail instead.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.models.database import Database, open_database
from desktop.services.demo import create_demo

#: The demo is built as if today were this day, so tests do not depend on the calendar.
DEMO_TODAY = dt.date(2026, 11, 22)
DEMO_YEAR = DEMO_TODAY.year


#: fixtures of two users on one database (``ids``, ``other``)
pytest_plugins = ["tests.two_sessions"]


@pytest.fixture(autouse=True)
def _isolated_user_data(tmp_path_factory: pytest.TempPathFactory,
                        monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the real per-user data folder, nor the checkout's ``demo/demo.db``
    (``make run`` keeps it; two workers must not build it at once): both are the test's own."""
    monkeypatch.setenv("DOROZHNAYA_KARTA_DATA", str(tmp_path_factory.mktemp("userdata")))
    monkeypatch.setenv("DOROZHNAYA_KARTA_DEMO_DB",
                       str(tmp_path_factory.mktemp("demo-default") / "demo.db"))
    monkeypatch.delenv("DOROZHNAYA_KARTA_DB", raising=False)


def worker_name() -> str:
    """The pytest-xdist worker running this process ("gw0", "gw1" …), "main" without xdist."""
    return os.environ.get("PYTEST_XDIST_WORKER", "main")


PG_URL_VAR = "DOROZHNAYA_KARTA_TEST_PG"
PG_REQUIRED_VAR = "DOROZHNAYA_KARTA_TEST_PG_REQUIRED"
#: test modules whose ``db``/``demo_db`` tests also run on PostgreSQL: the services,
#: imports, checklists, orders, registry and reports over the database
BOTH_BACKENDS = frozenset({
    "test_checklist", "test_deadline_refresh", "test_demo", "test_forms",
    "test_import_fixtures", "test_import_roundtrip", "test_import_shapes", "test_numbering",
    "test_order_editing", "test_registry_service", "test_report", "test_roadmaps_service",
    "test_structure", "test_export_xlsx_loading", "test_postgres", "test_package",
    "test_region",
})
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "both_backends: run the db fixtures on SQLite and "
                                       "on PostgreSQL too")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    uses_db = "backend" in metafunc.fixturenames  # through db or demo_db (not a module's own)
    module = metafunc.module.__name__.rpartition(".")[2]
    wanted = module in BOTH_BACKENDS or metafunc.definition.get_closest_marker("both_backends")
    if uses_db and wanted:
        metafunc.parametrize("backend", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """Which engine the ``db`` fixtures use: "sqlite" unless parametrised."""
    return getattr(request, "param", "sqlite")


class PgServer:
    """The test server: a migrated template database, and a fresh copy of it per test
    (``CREATE DATABASE … TEMPLATE``: tens of milliseconds instead of a migration)."""

    def __init__(self, url: str) -> None:
        from sqlalchemy import create_engine
        from sqlalchemy.engine import make_url

        self.url = make_url(url).set(drivername="postgresql+psycopg")
        host = self.url.host or ""
        if host not in LOCAL_HOSTS and not host.startswith("/"):
            raise RuntimeError(f"{PG_URL_VAR} must name 127.0.0.1, localhost or a local "
                               f"socket, not {host!r}: the tests create and drop databases")
        # the worker's name and pid: each xdist worker (and each run sharing a server)
        # creates, copies and drops only databases of its own
        self.prefix = f"dk_test_{worker_name()}_{os.getpid()}"
        self.admin = create_engine(self.url, isolation_level="AUTOCOMMIT")
        self.counter = itertools.count()
        self.templates: list[str] = []

    def _sql(self, sql: str) -> None:
        from sqlalchemy import text

        with self.admin.connect() as conn:
            conn.execute(text(sql))

    def new_url(self, kind: str = "migrated") -> str:
        """A fresh database of its own: "empty", "migrated" or "demo" (the demo district)."""
        name = f"{self.prefix}_{next(self.counter)}"
        if kind == "empty":
            self._sql(f'CREATE DATABASE "{name}"')
        else:
            self._sql(f'CREATE DATABASE "{name}" TEMPLATE "{self._template(kind)}"')
        return self.url_of(name)

    def _template(self, kind: str) -> str:
        """The template of ``kind``, made once: Alembic on PostgreSQL, and the demo."""
        name = f"{self.prefix}_template_{kind}"
        if name not in self.templates:
            self._sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            self._sql(f'CREATE DATABASE "{name}"')
            database = open_database(self.url_of(name))
            if kind == "demo":
                create_demo(database, year=DEMO_YEAR, today=DEMO_TODAY)
            database.close()
            self.templates.append(name)
        return name

    def url_of(self, name: str) -> str:
        return self.url.set(database=name).render_as_string(hide_password=False)

    def drop(self, url: str) -> None:
        from sqlalchemy.engine import make_url

        self._sql(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')

    def close(self) -> None:
        for name in self.templates:
            self.drop(self.url_of(name))
        self.admin.dispose()


def pg_unavailable(reason: str) -> None:
    """Fail under ``make test`` (the cluster should be there), else skip saying why."""
    if os.environ.get(PG_REQUIRED_VAR) == "1":
        pytest.fail(f"PostgreSQL tests cannot run: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL tests skipped: {reason} (make test starts a throwaway server)")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer | str]:
    """The test server, or the reason it is not there (a str)."""
    url = os.environ.get(PG_URL_VAR)
    if not url:  # make's script says why it could not start a server
        yield os.environ.get("DOROZHNAYA_KARTA_TEST_PG_ABSENT") or f"${PG_URL_VAR} is not set"
        return
    try:
        server = PgServer(url)
        server._sql("SELECT 1")
    except Exception as exc:
        yield f"the server at ${PG_URL_VAR} cannot be used ({exc})"
        return
    yield server
    server.close()


def _pg_database(pg_server: PgServer | str, kind: str) -> Iterator[str]:
    if isinstance(pg_server, str):
        pg_unavailable(pg_server)
    assert isinstance(pg_server, PgServer)
    url = pg_server.new_url(kind)
    yield url
    pg_server.drop(url)


@pytest.fixture
def pg_url(pg_server: PgServer | str) -> Iterator[str]:
    """A fresh, migrated PostgreSQL database of this test (its URL); dropped after."""
    yield from _pg_database(pg_server, "migrated")


@pytest.fixture
def empty_pg_url(pg_server: PgServer | str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database (no tables) of this test; dropped after."""
    yield from _pg_database(pg_server, "empty")


@pytest.fixture
def pg_demo_url(pg_server: PgServer | str) -> Iterator[str]:
    """A fresh PostgreSQL database holding the demo district (copied from a template)."""
    yield from _pg_database(pg_server, "demo")


class SqliteTemplates:
    """SQLite files made once per worker ("migrated": the schema at the head and the seeded
    rows; "demo": the demo district too) and copied for each test, as :class:`PgServer`
    copies its template databases."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.made: dict[str, Path] = {}

    def copy(self, kind: str, target: Path) -> Path:
        shutil.copyfile(self._template(kind), target)
        return target

    def _template(self, kind: str) -> Path:
        if kind not in self.made:
            path = self.folder / f"{kind}.db"
            database = open_database(path)
            if kind == "demo":
                create_demo(database, year=DEMO_YEAR, today=DEMO_TODAY)
            database.close()
            # closed: the write-ahead log is checkpointed into the file and removed, so the
            # file alone is the whole database
            leftovers = [p.name for p in self.folder.glob(f"{kind}.db-*")]
            assert not leftovers, f"the template {path} is not closed cleanly: {leftovers}"
            self.made[kind] = path
        return self.made[kind]


@pytest.fixture(scope="session")
def sqlite_templates(tmp_path_factory: pytest.TempPathFactory) -> SqliteTemplates:
    return SqliteTemplates(tmp_path_factory.mktemp("templates"))


@pytest.fixture
def db(backend: str, request: pytest.FixtureRequest, tmp_path: Path,
       sqlite_templates: SqliteTemplates) -> Iterator[Database]:
    """A fresh, migrated database of this test (a SQLite file in its folder, or PostgreSQL)."""
    database = open_database(request.getfixturevalue("pg_url") if backend == "postgresql"
                             else sqlite_templates.copy("migrated", tmp_path / "test.db"))
    yield database
    database.close()


@pytest.fixture
def demo_db(backend: str, request: pytest.FixtureRequest, tmp_path: Path,
            sqlite_templates: SqliteTemplates) -> Iterator[Database]:
    """A fresh database of this test holding the demo district."""
    if backend == "postgresql":
        database = open_database(request.getfixturevalue("pg_demo_url"))
    else:
        database = open_database(sqlite_templates.copy("demo", tmp_path / "demo.db"))
    yield database
    database.close()


@pytest.fixture(scope="session")
def demo_db_file(tmp_path_factory: pytest.TempPathFactory,
                 sqlite_templates: SqliteTemplates) -> Path:
    """A demo database file shared (read-only) by the tests that start subprocesses (one
    per worker)."""
    return sqlite_templates.copy("demo", tmp_path_factory.mktemp("demo") / "demo.db")


@pytest.fixture
def app_start_undone(qapp, monkeypatch: pytest.MonkeyPatch):
    """For a test that runs the application's own start-up (``make_application``) in the pytest
    process: what it sets for the whole application (the shipped font, Qt's Russian
    translators, the default locale, Qt's own file dialogs, the names and the icon) is put
    back afterwards. Later tests of this process (any test, under pytest-xdist) then see the
    same application whichever ran before them: the timeline's header picks its labels by
    their width in the application font."""
    from PySide6.QtCore import QLocale, Qt

    from desktop.ui import appearance

    native = Qt.ApplicationAttribute.AA_DontUseNativeDialogs
    font, locale, icon = qapp.font(), QLocale(), qapp.windowIcon()
    names, no_native = (qapp.applicationName(), qapp.organizationName()), qapp.testAttribute(native)
    installed: list = []
    install_translations = appearance.install_translations

    def recorded(app):
        translators = install_translations(app)
        installed.extend(translators)
        return translators

    monkeypatch.setattr(appearance, "install_translations", recorded)
    yield qapp
    for translator in installed:
        qapp.removeTranslator(translator)
    qapp.setFont(font)
    QLocale.setDefault(locale)
    qapp.setWindowIcon(icon)
    qapp.setApplicationName(names[0])
    qapp.setOrganizationName(names[1])
    qapp.setAttribute(native, no_native)


@pytest.fixture
def window(qtbot, demo_db):
    """The main window on the demo district, 1366×768, answering dialogs from a script."""
    from tests.qt_helpers import destroy_window, main_window

    win = main_window(demo_db)
    yield win
    destroy_window(qtbot, win)

