"""Shared fixtures: a fresh database per test, the demo district, offscreen Qt."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.models.database import Database, open_database
from desktop.services.demo import create_demo

#: The demo is built as if today were this day, so tests do not depend on the calendar.
DEMO_TODAY = dt.date(2026, 11, 22)
DEMO_YEAR = DEMO_TODAY.year


@pytest.fixture(autouse=True)
def _isolated_user_data(tmp_path_factory: pytest.TempPathFactory,
                        monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the real per-user data folder."""
    monkeypatch.setenv("DOROZHNAYA_KARTA_DATA", str(tmp_path_factory.mktemp("userdata")))
    monkeypatch.delenv("DOROZHNAYA_KARTA_DB", raising=False)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "test.db")
    yield database
    database.close()


@pytest.fixture
def demo_db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "demo.db")
    create_demo(database, year=DEMO_YEAR, today=DEMO_TODAY)
    yield database
    database.close()


@pytest.fixture(scope="session")
def demo_db_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo database file shared (read-only) by the tests that start subprocesses."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    database = open_database(path)
    create_demo(database, year=DEMO_YEAR, today=DEMO_TODAY)
    database.close()
    return path


@pytest.fixture
def window(qtbot, demo_db):
    """The main window on the demo district, 1366×768, answering dialogs from a script."""
    from desktop.ui.dialogs import ScriptedDialogs
    from desktop.ui.main_window import MainWindow

    win = MainWindow(demo_db, dialogs=ScriptedDialogs())
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    return win
