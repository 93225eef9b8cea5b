"""Starting the program: the demo for `make run`, the first-start choice, bad databases."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from PySide6.QtWidgets import QDialog

from desktop import app as app_module
from desktop.models import Authority, Item
from desktop.models.database import open_database
from desktop.paths import data_dir
from desktop.ui.profile_dialog import ProfileDialog
from desktop.ui.welcome import FirstStartChoice, WelcomeDialog


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True,
                          text=True, timeout=120, env={**os.environ, **(env or {})})


def test_demo_flag_creates_the_demo_database_once(tmp_path: Path) -> None:
    demo = tmp_path / "demo" / "demo.db"
    shot = tmp_path / "shot.png"
    env = {"DOROZHNAYA_KARTA_DEMO_DB": str(demo)}
    result = _run("--demo", "--screenshot", str(shot), env=env)
    assert result.returncode == 0, result.stderr
    assert demo.exists() and shot.exists()
    database = open_database(demo)
    with database.session() as s:
        items = s.scalar(select(func.count()).select_from(Item))
    database.close()
    assert items >= 30
    again = _run("--demo", "--screenshot", str(shot), env=env)  # reuses, does not duplicate
    assert again.returncode == 0, again.stderr
    database = open_database(demo)
    with database.session() as s:
        assert s.scalar(select(func.count()).select_from(Item)) == items
    database.close()


def test_window_paints_first_then_shows_data(demo_db_file: Path) -> None:
    result = _run("--db", str(demo_db_file), "--exit-after-paint")
    assert result.returncode == 0, result.stderr
    marks = [line.split()[0] for line in result.stdout.splitlines()]
    assert marks == ["first-paint", "loaded-at-first-paint", "data-shown", "loaded-at-data-shown",
                     "database-open", "loaded-at-database-open"]


def test_a_file_the_first_view_declines_waits_for_the_full_open(tmp_path: Path) -> None:
    """Revision 0001: no plain first view; the data is shown once the file is migrated."""
    old = tmp_path / "old.db"
    old.write_bytes((Path(__file__).parent / "data" / "rev0001.db").read_bytes())
    result = _run("--db", str(old), "--exit-after-paint",
                  env={"DOROZHNAYA_KARTA_DATA": str(tmp_path / "data")})
    assert result.returncode == 0, result.stderr
    marks = [line.split()[0] for line in result.stdout.splitlines()]
    assert marks == ["first-paint", "loaded-at-first-paint", "data-shown", "database-open",
                     "loaded-at-database-open"]


def test_bad_database_in_screenshot_mode_is_a_clean_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"\x00garbage" * 50)
    result = _run("--db", str(bad), "--screenshot", str(tmp_path / "x.png"))
    assert result.returncode == 2
    assert "Ошибка:" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_first_start_demo_choice(qtbot, monkeypatch) -> None:
    def choose_demo(self: WelcomeDialog) -> int:
        self.choice = FirstStartChoice.DEMO
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(WelcomeDialog, "exec", choose_demo)
    args = app_module.parse_args([])
    assert app_module.is_first_start(args)
    database = app_module.first_start()
    assert database is not None
    assert database.path == data_dir() / "demo.db"
    with database.session() as s:
        assert s.scalar(select(func.count()).select_from(Item)) >= 30
    database.close()


def test_first_start_empty_choice_fills_the_profile(qtbot, monkeypatch) -> None:
    def choose_empty(self: WelcomeDialog) -> int:
        self.choice = FirstStartChoice.EMPTY
        return QDialog.DialogCode.Accepted

    def fill_profile(self: ProfileDialog) -> int:
        self.editors["full_name"].setPlainText("Отдел образования администрации Тестового района")
        self.editors["head_name"].setText("А.Б. Васильева")
        self.editors["city"].setText("с. Тестовое")
        self.accept()
        return self.result()

    monkeypatch.setattr(WelcomeDialog, "exec", choose_empty)
    monkeypatch.setattr(ProfileDialog, "exec", fill_profile)
    database = app_module.first_start()
    assert database is not None
    with database.session() as s:
        authority = s.scalar(select(Authority))
        assert authority.head_name == "А.Б. Васильева"
        assert authority.city == "с. Тестовое"
        assert s.scalar(select(func.count()).select_from(Item)) == 0
    database.close()


def test_profile_requires_name_and_head(qtbot, db) -> None:
    dialog = ProfileDialog(db)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "Заполните" in dialog.error.text()
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Authority)) == 0
