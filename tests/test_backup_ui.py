"""The window's backup and restore, the read-only banner, «О программе», failed backups."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.models import backups
from desktop.models.database import open_database
from desktop.ui.backup_dialogs import RestoreDialog
from tests.qt_helpers import destroy_window
from tests.test_backup import table_dump


def _menu_texts(window) -> list[str]:
    return [a.text() for a in window.file_menu.actions()]


def test_backup_to_chosen_place_and_restore_from_list(window, tmp_path: Path) -> None:
    assert "Резервная копия…" in _menu_texts(window)
    assert "Восстановить из копии…" in _menu_texts(window)
    stick = tmp_path / "stick" / "copy.db"
    stick.parent.mkdir()
    window.dialogs.save_paths.append(stick)
    assert window.database_actions.make_backup() == stick
    saved = table_dump(stick)
    daily = backups.daily_backup(window.database.path)
    with window.database.session() as s:
        s.execute(text("DELETE FROM items"))

    shown: list[RestoreDialog] = []

    def choose_newest(dialog: RestoreDialog) -> bool:
        shown.append(dialog)
        return True

    window.run_dialog = choose_newest
    assert window.database_actions.restore_from_copy() == daily
    labels = [shown[0].list.item(n).text() for n in range(shown[0].list.count())]
    assert any("мероприятий: " in label and daily.name in label for label in labels)
    assert table_dump(window.database.path) == saved
    with window.database.session() as s:  # the window reads the restored file
        assert s.execute(text("SELECT count(*) FROM items")).scalar() > 30


def test_failed_backup_goes_to_status_bar(window, monkeypatch) -> None:
    from desktop.app import backup_in_background

    def full_disk(*_a, **_k):
        raise backups.BackupFailed("Резервная копия не создана (недостаточно места на диске)")

    monkeypatch.setattr("desktop.models.database.scheduled_backups", full_disk)
    message = backup_in_background(window.database, window)
    assert message and "недостаточно места" in window.statusBar().currentMessage()


def test_about_names_the_log_and_the_database(window) -> None:
    from desktop.logs import log_path

    window.database_actions.show_about()
    _kind, _title, body = window.dialogs.shown[-1]
    assert str(window.database.path) in body and str(log_path()) in body


def test_read_only_file_shows_banner_and_damage_warning(qtbot, demo_db_file: Path,
                                                        tmp_path: Path) -> None:
    from desktop.ui.dialogs import ScriptedDialogs
    from desktop.ui.main_window import MainWindow

    path = tmp_path / "ro.db"
    backups.backup_database(demo_db_file, path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE items SET status = 'archived' WHERE id = (SELECT min(id) FROM items)")
    database = open_database(path, read_only=True)
    dialogs = ScriptedDialogs()
    win = MainWindow(database, dialogs=dialogs)
    qtbot.addWidget(win)
    win.show()
    assert win.banner.isVisible() and "только для чтения" in win.banner.text()
    assert any("1 запись с повреждёнными значениями" in body for _k, _t, body in dialogs.shown)
    page = win.show_page("roadmaps")
    assert page.model.rowCount() > 0  # the roadmap is shown, not an empty page
    database.close()


def test_damaged_file_at_start_offers_the_newest_copy(qtbot, demo_db_file: Path,
                                                      tmp_path: Path) -> None:
    import argparse

    from desktop.app import open_chosen_database
    from desktop.ui.dialogs import ScriptedDialogs

    path = tmp_path / "db.db"
    backups.backup_database(demo_db_file, path)
    copy = backups.daily_backup(path)
    damaged = bytearray(path.read_bytes())
    damaged[4096 * 2: 4096 * 5] = b"\xee" * (4096 * 3)
    path.write_bytes(bytes(damaged))
    dialogs = ScriptedDialogs(answers=[True])
    args = argparse.Namespace(demo=False, db=str(path))
    database = open_chosen_database(args, dialogs=dialogs)
    database.close()
    kind, _title, question = dialogs.shown[0]
    assert kind == "confirm" and "повреждена" in question and copy.name in question
    assert table_dump(path) == table_dump(copy)
    aside = list(tmp_path.glob("db-damaged-*.db"))
    assert len(aside) == 1 and aside[0].read_bytes() == bytes(damaged)


def test_second_window_is_offered_read_only(tmp_path: Path) -> None:
    from desktop.app import take_lock

    real = tmp_path / "real.db"
    open_database(real).close()
    link = tmp_path / "link.db"
    link.symlink_to(real)
    first = take_lock(real)
    assert first is not None
    try:
        assert take_lock(link) is None  # the same file by another name: already open
        database = open_database(link, read_only=True)
        assert database.read_only
        database.close()
    finally:
        first.unlock()
    second = take_lock(link)
    assert second is not None
    second.unlock()


def test_unexpected_error_offers_the_log(monkeypatch) -> None:
    import sys

    from desktop.app import install_error_dialog
    from desktop.logs import log_path
    from desktop.ui.dialogs import ScriptedDialogs

    dialogs = ScriptedDialogs(answers=[True])
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_error_dialog(dialogs)
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        sys.excepthook(RuntimeError, exc, exc.__traceback__)
    _kind, _title, text_ = dialogs.shown[0]
    assert "непредвиденная ошибка" in text_ and "Traceback" not in text_
    assert dialogs.opened == [log_path()] and "boom" in log_path().read_text(encoding="utf-8")


# -- a database on a PostgreSQL server -------------------------------------------------------
@pytest.fixture
def server_window(qtbot, pg_demo_url: str):
    """The window on the demo district in a PostgreSQL database (never skipped under make
    test: the cluster it starts provides pg_dump and pg_restore)."""
    from desktop.ui.dialogs import ScriptedDialogs
    from desktop.ui.main_window import MainWindow

    database = open_database(pg_demo_url)
    win = MainWindow(database, dialogs=ScriptedDialogs())
    yield win
    destroy_window(qtbot, win)  # its timers end with it, before the database is closed
    database.close()


def _item_count(url: str) -> int:
    database = open_database(url, create=False)
    try:
        with database.session() as s:
            return s.execute(text("SELECT count(*) FROM items")).scalar()
    finally:
        database.close()


def _libpq(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def test_backup_of_a_server_database_is_a_pg_dump_archive(server_window, tmp_path: Path,
                                                          empty_pg_url: str) -> None:
    """File → «Резервная копия…» on a server: pg_dump's custom archive at the chosen place
    (the CLI's code), which pg_restore puts back whole into an empty database."""
    target = tmp_path / "stick" / "district.dump"
    target.parent.mkdir()
    server_window.dialogs.save_paths.append(target)
    assert server_window.database_actions.make_backup() == target
    kind, _title, suggested = server_window.dialogs.shown[0]
    assert kind == "save" and suggested.endswith(".dump")
    assert any(kind == "info" and str(target) in message and "pg_restore" in message
               and "Файлы подтверждений в копию pg_dump не входят" in message
               for kind, _t, message in server_window.dialogs.shown)
    listing = subprocess.run(["pg_restore", "--list", str(target)], capture_output=True,
                             text=True, check=True).stdout
    assert "TABLE DATA public items" in listing
    subprocess.run(["pg_restore", "--no-owner", f"--dbname={_libpq(empty_pg_url)}",
                    str(target)], capture_output=True, text=True, check=True)
    assert _item_count(empty_pg_url) == _item_count(server_window.database.address) > 30


def test_without_pg_dump_the_window_says_copies_are_made_on_the_server(
        server_window, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert server_window.database_actions.make_backup() is None
    shown = server_window.dialogs.shown
    assert [kind for kind, _t, _m in shown] == ["info"]  # no file asked for
    assert "копии делаются на сервере" in shown[0][2] and "pg_dump" in shown[0][2]
    assert not list(tmp_path.iterdir())


def test_restore_of_a_server_database_is_the_administrators_job(server_window) -> None:
    """«Восстановить из копии…» on a server names pg_restore, closes nothing, changes nothing."""
    from sqlalchemy.engine import make_url

    database = server_window.database
    url = make_url(database.address)
    before = _item_count(database.address)
    assert server_window.database_actions.restore_from_copy() is None
    [(kind, title, message)] = server_window.dialogs.shown
    assert (kind, title) == ("info", "Восстановить из копии")
    assert "администратор сервера" in message and "ничего не изменено" in message
    assert "pg_restore --clean --if-exists" in message and f"--dbname={url.database}" in message
    assert not url.password or url.password not in message
    assert server_window.database is database  # still open: the window goes on working
    with database.session() as s:
        assert s.execute(text("SELECT count(*) FROM items")).scalar() == before
