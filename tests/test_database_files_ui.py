"""A database file of one's own: File → «Создать базу…» / «Открыть базу…», and ``--db NEW.db``
(created when the user agrees, refused with the way to create it otherwise)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.app import CreationDeclined, open_chosen_database
from desktop.ui.dialogs import ScriptedDialogs


def _menu_action(window, text_: str):
    return next(a for a in window.file_menu.actions() if a.text() == text_)


def _items(database) -> int:
    with database.session() as s:
        return s.execute(text("SELECT count(*) FROM items")).scalar()


def test_db_option_naming_a_new_file_asks_and_creates_it(tmp_path: Path) -> None:
    new = tmp_path / "region" / "region.db"
    (tmp_path / "region").mkdir()
    dialogs = ScriptedDialogs(answers=[True])
    database = open_chosen_database(argparse.Namespace(demo=False, db=str(new)), dialogs=dialogs)
    try:
        assert new.is_file() and database.path == new and _items(database) == 0
    finally:
        database.close()
    [(kind, _title, question)] = dialogs.shown
    assert kind == "confirm" and str(new) in question and "Создать" in question


def test_db_option_naming_a_new_file_declined_creates_nothing(tmp_path: Path) -> None:
    new = tmp_path / "typo.db"
    dialogs = ScriptedDialogs(answers=[False])
    with pytest.raises(CreationDeclined) as caught:
        open_chosen_database(argparse.Namespace(demo=False, db=str(new)), dialogs=dialogs)
    assert "«Создать базу…»" in caught.value.message
    assert not new.exists() and not list(tmp_path.iterdir())


def test_db_option_with_a_new_file_and_no_user_is_refused_cleanly(tmp_path: Path) -> None:
    new = tmp_path / "new.db"
    result = subprocess.run([sys.executable, "-m", "desktop", "--db", str(new), "--screenshot",
                             str(tmp_path / "x.png")], capture_output=True, text=True,
                            timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 2
    assert "Файл базы данных не найден" in result.stderr and "Создать базу" in result.stderr
    assert "Traceback" not in result.stderr and not new.exists()


def test_create_and_open_another_database_from_the_menu(window, tmp_path: Path) -> None:
    district = window.database.path
    assert _items(window.database) > 30
    region = tmp_path / "region" / "Регион"
    region.parent.mkdir()
    window.dialogs.save_paths.append(region)
    _menu_action(window, "Создать базу…").trigger()
    assert window.database.path == region.with_name("Регион.db") and window.database.path.is_file()
    assert _items(window.database) == 0
    page = window.show_page("roadmaps")
    assert page.model.rowCount() == 0  # the window shows the new, empty file
    assert "Регион.db" in window.statusBar().currentMessage() or \
        "Регион" in window.windowTitle()

    window.dialogs.open_paths.append(district)
    _menu_action(window, "Открыть базу…").trigger()
    assert window.database.path == district and _items(window.database) > 30
    assert window.show_page("roadmaps").model.rowCount() > 0


def test_create_refuses_an_existing_file_and_keeps_the_window(window, tmp_path: Path) -> None:
    existing = tmp_path / "есть.db"
    existing.write_bytes(b"something else")
    database = window.database
    window.dialogs.save_paths.append(existing)
    assert window.database_actions.create_database() is None
    kind, _title, message = window.dialogs.shown[-1]
    assert kind == "error" and "уже существует" in message and "Открыть базу" in message
    assert window.database is database and existing.read_bytes() == b"something else"


def test_open_a_file_another_window_holds_is_refused(window, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    from desktop.models.database import open_database

    open_database(other).close()
    database = window.database
    window.database_actions.take_lock = lambda _path: None  # another window holds it
    window.dialogs.open_paths.append(other)
    assert window.database_actions.open_other_database() is None
    kind, _title, message = window.dialogs.shown[-1]
    assert kind == "error" and "уже открыта в другом окне" in message
    assert window.database is database and _items(database) > 30


def test_open_a_damaged_file_keeps_the_current_one(window, tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"\x00garbage" * 100)
    database = window.database
    window.dialogs.open_paths.append(bad)
    assert window.database_actions.open_other_database() is None
    kind, _title, _message = window.dialogs.shown[-1]
    assert kind == "error"
    assert window.database is database and _items(database) > 30
