"""The window's start-up: QApplication, the database (first start, demo, lock), the main window.

``python -m desktop [--db PATH | --demo] [--screenshot FILE.png [--view NAME]]``.
With ``--screenshot`` the window is rendered at 1366×768 on the named view,
saved as PNG, and the program exits (used by tests and the README).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QLockFile, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from desktop.errors import UserError
from desktop.models.database import Database, daily_backup, open_database
from desktop.paths import data_dir, default_db_path, demo_db_path, resolve_db_path

VIEWS = ("roadmaps", "schools", "directories", "orders", "reports")
SCREEN_SIZE = (1366, 768)


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m desktop",
                                     description="«Дорожная карта» — окно программы")
    parser.add_argument("--db", metavar="PATH", help="файл базы данных")
    parser.add_argument("--demo", action="store_true",
                        help="открыть демонстрационную базу (создаётся при первом запуске)")
    parser.add_argument("--screenshot", metavar="FILE.png", help="сохранить снимок окна и выйти")
    parser.add_argument("--view", choices=VIEWS, default="roadmaps", help="раздел для снимка")
    parser.add_argument("--exit-after-paint", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(list(argv))


def open_or_create_demo(path: Path) -> Database:
    """The demo database: created (with the demo district) when missing."""
    from desktop.services.demo import create_demo

    fresh = not path.exists()
    database = open_database(path, create=True)
    if fresh:
        create_demo(database)
    return database


def first_start(dialogs_parent: None = None) -> Database | None:
    """No database in the user data folder: ask whether to explore the demo or start empty."""
    from desktop.ui.profile_dialog import ProfileDialog
    from desktop.ui.welcome import FirstStartChoice, WelcomeDialog

    welcome = WelcomeDialog(dialogs_parent)
    welcome.exec()
    if welcome.choice is FirstStartChoice.DEMO:
        return open_or_create_demo(data_dir() / "demo.db")
    if welcome.choice is FirstStartChoice.EMPTY:
        database = open_database(default_db_path(), create=True)
        if ProfileDialog(database).exec() != QDialog.DialogCode.Accepted:
            return database  # the profile can be filled later; the empty base stays
        return database
    return None


def choose_database(args: argparse.Namespace, *, interactive: bool) -> Database | None:
    if args.demo:
        return open_or_create_demo(demo_db_path())
    path = resolve_db_path(args.db)
    if args.db is None and not path.exists() and interactive:
        return first_start()
    return open_database(path, create=args.db is None)


class _FirstPaint(QObject):
    """Quits the application at the window's first paint (for the start-up benchmark)."""

    def __init__(self, started: float) -> None:
        super().__init__()
        self.started = started

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            print(f"first-paint {time.perf_counter() - self.started:.4f}", flush=True)
            QTimer.singleShot(0, QApplication.instance().quit)
        return False


def take_screenshot(window: object, view: str, target: Path) -> None:
    window.resize(*SCREEN_SIZE)  # type: ignore[attr-defined]
    window.show_page(view)  # type: ignore[attr-defined]
    window.show()  # type: ignore[attr-defined]
    QApplication.processEvents()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(target)):  # type: ignore[attr-defined]
        raise UserError(f"Не удалось сохранить снимок окна: {target}")


def make_application() -> QApplication:
    from desktop.ui.appearance import install_fonts, install_translations

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Дорожная карта")
    app.setOrganizationName("dorozhnaya-karta")
    install_fonts(app)
    install_translations(app)
    return app  # type: ignore[return-value]


def main(argv: Sequence[str]) -> int:
    started = time.perf_counter()
    args = parse_args(argv)
    app = make_application()
    interactive = not args.screenshot and not args.exit_after_paint
    from desktop.ui.dialogs import Dialogs

    dialogs = Dialogs()
    try:
        database = choose_database(args, interactive=interactive)
    except UserError as exc:
        if interactive:
            dialogs.error(None, "Дорожная карта", exc.message)
        print(f"Ошибка: {exc.message}", file=sys.stderr)
        return 2
    if database is None:
        return 0
    lock = QLockFile(str(database.path) + ".lock")
    lock.setStaleLockTime(0)
    if interactive and not lock.tryLock(100):
        dialogs.error(None, "Дорожная карта",
                      f"Программа уже открыта с этой базой данных:\n{database.path}")
        return 2
    from desktop.ui.main_window import MainWindow

    window = MainWindow(database, dialogs=dialogs)
    if args.screenshot:
        take_screenshot(window, args.view, Path(args.screenshot))
        database.close()
        return 0
    if args.exit_after_paint:
        watcher = _FirstPaint(started)
        window.installEventFilter(watcher)
    window.resize(*SCREEN_SIZE)
    window.show()
    if interactive:
        QTimer.singleShot(2000, lambda: _backup_quietly(database))
    code = app.exec()
    database.close()
    lock.unlock()
    return code


def _backup_quietly(database: Database) -> None:
    try:
        daily_backup(database.path)
    except OSError as exc:
        print(f"Резервная копия не создана: {exc}", file=sys.stderr)
