"""The window's start-up: QApplication, the database (first start, demo, lock), the main window.

``python -m desktop [--db PATH | --demo] [--screenshot FILE.png [--view NAME]]``.
With ``--screenshot`` the window is rendered at 1366×768 on the named view,
saved as PNG, and the program exits (used by tests and the README).

The window is shown first and the database (SQLAlchemy, migrations, the first
page's data) is opened right behind it, so the coordinator sees the program at
once even on a slow office PC.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLockFile, QObject, QTimer
from PySide6.QtWidgets import QApplication

from desktop.errors import UserError
from desktop.paths import data_dir, default_db_path, demo_db_path, resolve_db_path

if TYPE_CHECKING:
    from desktop.models.database import Database
    from desktop.ui.dialogs import Dialogs
    from desktop.ui.main_window import MainWindow

VIEWS = ("roadmaps", "schools", "directories", "orders", "reports")
SCREEN_SIZE = (1366, 768)
EXIT_ERROR = 2


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
    from desktop.models.database import open_database
    from desktop.services.demo import create_demo

    fresh = not path.exists()
    database = open_database(path, create=True)
    if fresh:
        create_demo(database)
    return database


def first_start() -> Database | None:
    """No database in the user data folder: ask whether to explore the demo or start empty."""
    from desktop.models.database import open_database
    from desktop.ui.profile_dialog import ProfileDialog
    from desktop.ui.welcome import FirstStartChoice, WelcomeDialog

    welcome = WelcomeDialog()
    welcome.exec()
    if welcome.choice is FirstStartChoice.DEMO:
        return open_or_create_demo(data_dir() / "demo.db")
    if welcome.choice is FirstStartChoice.EMPTY:
        database = open_database(default_db_path(), create=True)
        ProfileDialog(database).exec()  # may be cancelled: the profile can be filled later
        return database
    return None


def is_first_start(args: argparse.Namespace) -> bool:
    return not args.demo and args.db is None and not resolve_db_path(None).exists()


def open_chosen_database(args: argparse.Namespace) -> Database:
    from desktop.models.database import open_database

    if args.demo:
        return open_or_create_demo(demo_db_path())
    return open_database(resolve_db_path(args.db), create=args.db is None)


class _FirstPaint(QObject):
    """Calls ``then`` once, right after the window's first paint (or after a fallback delay
    when the window is never exposed), and can report the time for the start-up benchmark."""

    FALLBACK_MS = 300

    def __init__(self, started: float, then: Callable[[], None], *, report: bool) -> None:
        super().__init__()
        self.started = started
        self.then = then
        self.report = report
        self.done = False
        QTimer.singleShot(self.FALLBACK_MS, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done:
            if self.report:
                print(f"first-paint {time.perf_counter() - self.started:.4f}", flush=True)
            QTimer.singleShot(0, self._fire)
        return False

    def _fire(self) -> None:
        if not self.done:
            self.done = True
            self.then()


def take_screenshot(window: MainWindow, view: str, target: Path) -> None:
    window.resize(*SCREEN_SIZE)
    window.show_page(view)
    window.show()
    QApplication.processEvents()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(target)):
        raise UserError(f"Не удалось сохранить снимок окна: {target}")


def make_application() -> QApplication:
    from desktop.ui.appearance import install_fonts, install_icon, install_translations

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Дорожная карта")
    app.setOrganizationName("dorozhnaya-karta")
    install_fonts(app)
    install_translations(app)
    install_icon(app)
    return app  # type: ignore[return-value]


def report_error(dialogs: Dialogs, message: str, *, interactive: bool) -> int:
    if interactive:
        dialogs.error(None, "Дорожная карта", message)
    print(f"Ошибка: {message}", file=sys.stderr)
    return EXIT_ERROR


def run_screenshot(args: argparse.Namespace, dialogs: Dialogs) -> int:
    from desktop.ui.main_window import MainWindow

    try:
        database = open_chosen_database(args)
        window = MainWindow(database, dialogs=dialogs)
        take_screenshot(window, args.view, Path(args.screenshot))
    except UserError as exc:
        return report_error(dialogs, exc.message, interactive=False)
    database.close()
    return 0


def main(argv: Sequence[str]) -> int:
    started = time.perf_counter()
    args = parse_args(argv)
    app = make_application()
    from desktop.ui.dialogs import Dialogs

    dialogs = Dialogs()
    if args.screenshot:
        return run_screenshot(args, dialogs)
    interactive = not args.exit_after_paint
    preopened: Database | None = None
    if interactive and is_first_start(args):
        try:
            preopened = first_start()
        except UserError as exc:
            return report_error(dialogs, exc.message, interactive=True)
        if preopened is None:
            return 0

    from desktop.ui.main_window import MainWindow

    window = MainWindow(dialogs=dialogs)
    state: dict[str, object] = {"code": 0}

    def open_and_attach() -> None:
        try:
            database = preopened or open_chosen_database(args)
        except UserError as exc:
            state["code"] = report_error(dialogs, exc.message, interactive=interactive)
            app.quit()
            return
        lock = QLockFile(str(database.path) + ".lock")
        lock.setStaleLockTime(0)
        if interactive and not lock.tryLock(100):
            state["code"] = report_error(
                dialogs, f"Программа уже открыта с этой базой данных:\n{database.path}",
                interactive=True)
            database.close()
            app.quit()
            return
        state["database"], state["lock"] = database, lock
        window.attach_database(database)
        if args.exit_after_paint:
            QApplication.processEvents()
            print(f"data-shown {time.perf_counter() - started:.4f}", flush=True)
            app.quit()
            return
        QTimer.singleShot(2000, lambda: _backup_quietly(database))

    watcher = _FirstPaint(started, open_and_attach, report=args.exit_after_paint)
    window.installEventFilter(watcher)
    window.resize(*SCREEN_SIZE)
    window.show()
    code = app.exec()
    database = state.get("database")
    if database is not None:
        database.close()  # type: ignore[attr-defined]
        state["lock"].unlock()  # type: ignore[attr-defined]
    return int(code or state["code"])  # type: ignore[call-overload]


def _backup_quietly(database: Database) -> None:
    from desktop.models.database import daily_backup

    try:
        daily_backup(database.path)
    except OSError as exc:
        print(f"Резервная копия не создана: {exc}", file=sys.stderr)
