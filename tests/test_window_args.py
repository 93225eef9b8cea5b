"""The window's command line (``desktop.window_args``): which words are the window's, a file
handed to the program (a .dkp double-clicked in Windows Explorer) imported once the database
is open, and the command line's help naming the program and listing the window's options."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop import app as app_module
from desktop.__main__ import wants_cli
from desktop.paths import program_name
from desktop.window_args import OPTIONS_WITH_VALUE, build_parser, parse


def test_options_with_value_are_the_parsers() -> None:
    takes_value = {option for action in build_parser()._actions if action.option_strings
                   and action.nargs is None and not action.const and action.default is not False
                   for option in action.option_strings if option.startswith("--")}
    assert takes_value - {"--help"} == set(OPTIONS_WITH_VALUE)


def test_a_file_to_open_is_the_windows_not_a_sub_command(tmp_path: Path) -> None:
    package = tmp_path / "Пакет района.dkp"
    package.write_bytes(b"PK")
    roadmap = tmp_path / "карта 2025.docx"
    roadmap.write_bytes(b"PK")
    assert not wants_cli([str(package)])
    assert not wants_cli(["--db", "x.db", str(roadmap)])
    assert parse([str(package), "--db", "x.db"]).file == str(package)
    assert wants_cli(["import", str(package)])
    assert wants_cli([str(tmp_path / "missing.dkp")])  # no such file: the CLI's error says so
    assert wants_cli(["list"]) and not wants_cli(["--db", "list"])


def test_help_names_the_program_and_lists_the_window_options() -> None:
    result = subprocess.run([sys.executable, "-m", "desktop", "--help"], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    window = result.stdout.split("Окно (запуск без подкоманды):", 1)[1]
    for option in ("--db PATH", "--demo", "--screenshot FILE.png", "--view РАЗДЕЛ", "ФАЙЛ"):
        assert option in window
    assert "python -m desktop [--db PATH] [--demo]" in window


def test_program_name_when_built(monkeypatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", "/opt/dorozhnaya-karta/_internal", raising=False)
    monkeypatch.setattr(sys, "executable", r"C:\Programs\Дорожная карта\dorozhnaya-karta-cli.exe"
                        if sys.platform == "win32" else "/opt/dorozhnaya-karta/dorozhnaya-karta")
    assert program_name() in ("dorozhnaya-karta", "dorozhnaya-karta-cli")
    assert build_parser().prog == program_name()


@pytest.mark.usefixtures("app_start_undone")
def test_file_given_at_start_is_imported_once_the_database_is_open(
        demo_db_file: Path, tmp_path: Path, monkeypatch) -> None:
    import shutil

    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from desktop.ui.main_window import MainWindow

    db = shutil.copyfile(demo_db_file, tmp_path / "demo.db")  # the shared file stays as it is
    package = tmp_path / "Пакет района.dkp"
    package.write_bytes(b"PK")
    seen: list[tuple[Path, bool]] = []

    def import_file(window: MainWindow, path: Path | None = None) -> None:
        seen.append((path, window.database is not None))
        QApplication.instance().quit()

    monkeypatch.setattr(MainWindow, "import_file", import_file)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # main() installs its own
    monkeypatch.setattr(app_module, "backup_in_background", lambda *a: None)
    try:
        assert app_module.main([str(package), "--db", str(db)]) == 0
    finally:
        # quit() closed the window, and closing the last window posted Qt one more Quit
        # event, still queued when exec() returned. Delivered later (to the next test in
        # this process) it set Qt's "quit now" flag with no exec() to clear it: every later
        # QEventLoop returned at once, so qtbot.wait() and waitUntil() processed nothing
        # (seen under pytest-xdist, where other tests run after this one in its process).
        QCoreApplication.removePostedEvents(QApplication.instance(), QEvent.Type.Quit)
    assert seen == [(package, True)]
