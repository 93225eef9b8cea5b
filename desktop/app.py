"""The window's start-up: QApplication, the database (first start, demo, lock), the main window.

``python -m desktop [--db PATH | --demo] [--screenshot FILE.png [--view NAME]] [FILE]``
(the arguments in :mod:`desktop.window_args`; FILE is imported once the database is open).
With ``--screenshot`` the window is rendered at 1366×768 on the named view,
saved as PNG, and the program exits (used by tests and the README).

The window is shown first and the database (SQLAlchemy, migrations, the first
page's data) is opened right behind it, so the coordinator sees the program at
once even on a slow office PC.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLockFile, QObject, QTimer
from PySide6.QtWidgets import QApplication

from desktop.errors import UserError
from desktop.paths import (
    check_db_choice,
    data_dir,
    database_exists,
    default_db_path,
    demo_db_path,
    is_server_url,
    resolve_db,
)

if TYPE_CHECKING:
    from desktop.models.database import Database
    from desktop.ui.dialogs import Dialogs
    from desktop.ui.main_window import MainWindow

SCREEN_SIZE = (1366, 768)
EXIT_ERROR = 2


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    from desktop.window_args import parse

    return parse(argv)


def first_start() -> Database | None:
    """No database in the user data folder: ask whether to explore the demo or start empty."""
    from desktop.models.database import open_database
    from desktop.ui.profile_dialog import ProfileDialog
    from desktop.ui.welcome import FirstStartChoice, WelcomeDialog

    welcome = WelcomeDialog()
    welcome.exec()
    if welcome.choice is FirstStartChoice.DEMO:
        from desktop.services.demo import open_or_create_demo

        return open_or_create_demo(data_dir() / "demo.db")
    if welcome.choice is FirstStartChoice.EMPTY:
        database = open_database(default_db_path(), create=True)
        ProfileDialog(database).exec()  # may be cancelled: the profile can be filled later
        return database
    return None


def is_first_start(args: argparse.Namespace) -> bool:
    return not args.demo and args.db is None and not database_exists(resolve_db(None))


def chosen_path(args: argparse.Namespace) -> Path | str:
    """The file, or a PostgreSQL URL (kept as text)."""
    return demo_db_path() if args.demo else resolve_db(args.db)


class CreationDeclined(UserError):
    """``--db NEW.db`` named no file and the user chose not to create it."""


def may_create(args: argparse.Namespace, dialogs: Dialogs | None, *, read_only: bool) -> bool:
    """Whether the database named by the arguments may be created. ``--db NEW.db`` naming no
    file is created only when the user says so (a mistyped name must not silently become an
    empty database, as if the work had gone); without a question to ask, it is refused with
    the way to create one."""
    if read_only:
        return False
    if args.db is None:
        return True
    target = chosen_path(args)
    if is_server_url(target) or Path(target).exists():
        return False
    if dialogs is None or not dialogs.confirm(
            None, "Дорожная карта",
            f"Файла базы данных нет:\n{target}\n\nСоздать в нём новую пустую базу данных?"):
        raise CreationDeclined(
            f"Файл базы данных не найден: {target}. Новая база создаётся, если при запуске "
            "окна ответить «Да» на вопрос о ней, или в окне: Файл → «Создать базу…»")
    return True


def open_chosen_database(args: argparse.Namespace, *, read_only: bool = False,
                         dialogs: Dialogs | None = None) -> Database:
    """The database named by the arguments. A damaged file: offer (through ``dialogs``) to
    restore the newest sound copy, keeping the damaged file aside. A ``--db`` file that does
    not exist is created if the user agrees (:func:`may_create`)."""
    from desktop.models.database import DamagedDatabase, open_database

    try:
        if args.demo and not read_only:
            from desktop.services.demo import open_or_create_demo

            return open_or_create_demo(demo_db_path())
        return open_database(chosen_path(args),
                             create=may_create(args, dialogs, read_only=read_only),
                             allow_read_only=True, read_only=read_only)
    except DamagedDatabase as exc:
        if dialogs is None or exc.newest_copy is None or read_only or not dialogs.confirm(
                None, "Дорожная карта",
                f"{exc.message}\n\nВосстановить копию от {exc.newest_copy.label}?"):
            raise
        from desktop.services.backup import restore

        restore(exc.path, exc.newest_copy.path, damaged=True)
        return open_database(exc.path, create=False, allow_read_only=True)


#: libraries the window must not import before its first paint (start-up time)
HEAVY_MODULES = frozenset({"sqlalchemy", "alembic", "holidays", "openpyxl", "reportlab",
                           "pypdfium2", "psycopg"})


def print_heavy_modules(marker: str) -> None:
    """For the start-up test and benchmark: which heavy libraries are loaded by now."""
    loaded = sorted({m.split(".")[0] for m in sys.modules} & HEAVY_MODULES)
    print(f"{marker} {','.join(loaded)}", flush=True)


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
                print_heavy_modules("loaded-at-first-paint")
            QTimer.singleShot(0, self._fire)
        return False

    def _fire(self) -> None:
        if not self.done:
            self.done = True
            self.then()


def show_first_view(window: MainWindow, path: Path | str) -> bool:
    """The first page from a plain read of the file before the database is open (see
    :mod:`desktop.ui.first_view`). False when there is none: a server, a new file, or
    anything the plain read is unsure of (the full open then explains)."""
    if is_server_url(path) or not database_exists(path):
        return False
    import datetime as dt

    from desktop.ui.first_view import NotReadable, read_first_view

    try:
        source = read_first_view(Path(path), dt.date.today())
    except NotReadable:
        return False
    window.show_first_view(source)
    return True


def take_screenshot(window: MainWindow, view: str, target: Path) -> None:
    window.resize(*SCREEN_SIZE)
    window.show_page(view)
    window.show()
    QApplication.processEvents()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(target)):
        raise UserError(f"Не удалось сохранить снимок окна: {target}")


def make_application(*, qt_dialogs: bool = True) -> QApplication:
    """The application with the shipped font, Russian and the icon. ``qt_dialogs=False``
    leaves :func:`~desktop.ui.appearance.prefer_qt_dialogs` to the caller (after the
    first paint)."""
    from desktop.ui.appearance import (
        install_fonts,
        install_icon,
        install_translations,
        prefer_qt_dialogs,
    )

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Дорожная карта")
    app.setOrganizationName("dorozhnaya-karta")
    install_fonts(app)
    install_translations(app)
    install_icon(app)
    if qt_dialogs:
        prefer_qt_dialogs(app)
    return app  # type: ignore[return-value]


def lock_path_for(db_path: Path) -> Path:
    """The single-instance lock of a database, by its resolved real path: a symlink (or,
    on Windows, another spelling of the name) finds the same lock. It lies beside the file
    (a case-insensitive disk then makes any spelling one lock); on read-only media it lies
    in the user data folder under a hash of the case-normalised real path."""
    real = Path(os.path.realpath(db_path))
    if os.access(real.parent, os.W_OK):
        return real.with_name(real.name + ".lock")
    key = hashlib.sha1(os.path.normcase(str(real)).encode("utf-8")).hexdigest()[:16]
    folder = data_dir() / "locks"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{key}.lock"


class _SharedDatabase:
    """The "lock" of a database on a server: several windows may edit it at once (their
    edits are kept apart by optimistic locking), so there is nothing to hold."""

    def unlock(self) -> None:
        pass


def take_lock(db_path: Path | str) -> QLockFile | _SharedDatabase | None:
    """The lock if this is the only window on the file, else None."""
    if is_server_url(db_path):
        return _SharedDatabase()
    assert isinstance(db_path, Path)
    lock = QLockFile(str(lock_path_for(db_path)))
    lock.setStaleLockTime(0)
    return lock if lock.tryLock(100) else None


def report_error(dialogs: Dialogs, message: str, *, interactive: bool) -> int:
    if interactive:
        dialogs.error(None, "Дорожная карта", message)
    print(f"Ошибка: {message}", file=sys.stderr)
    return EXIT_ERROR


def console_dialogs() -> Dialogs:
    """Dialogs for a run without a user (``--screenshot``): messages go to stderr,
    questions are answered «no»; a modal box would wait forever."""
    from desktop.ui.dialogs import Dialogs

    class ConsoleDialogs(Dialogs):
        def error(self, parent: object, title: str, text: str) -> None:
            print(f"Ошибка: {text}", file=sys.stderr)

        def info(self, parent: object, title: str, text: str) -> None:
            print(f"{title}: {text}", file=sys.stderr)

        def confirm(self, parent: object, title: str, text: str) -> bool:
            return False

    return ConsoleDialogs()


def run_screenshot(args: argparse.Namespace, dialogs: Dialogs) -> int:
    from desktop.ui.main_window import MainWindow

    path = chosen_path(args)
    lock = take_lock(path) if database_exists(path) else None
    try:  # a file another window is editing is only read
        database = open_chosen_database(args, read_only=database_exists(path) and lock is None)
        window = MainWindow(database, dialogs=dialogs)
        take_screenshot(window, args.view, Path(args.screenshot))
    except UserError as exc:
        return report_error(dialogs, exc.message, interactive=False)
    finally:
        if lock is not None:
            lock.unlock()
    database.close()
    return 0


def install_error_dialog(dialogs: Dialogs) -> None:
    """An unexpected error in the window: logged, and a Russian dialog offers to open the log."""
    from desktop.logs import log_path, report_unexpected

    def hook(kind: type[BaseException], exc: BaseException, tb: object) -> None:
        if isinstance(exc, KeyboardInterrupt):
            return sys.__excepthook__(kind, exc, tb)  # type: ignore[arg-type]
        message = report_unexpected(exc, "действие не выполнено")
        if dialogs.confirm(None, "Дорожная карта", f"{message}\n\nОткрыть журнал?"):
            dialogs.open_externally(log_path())

    sys.excepthook = hook


def main(argv: Sequence[str]) -> int:
    started = time.perf_counter()
    args = parse_args(argv)
    app = make_application(qt_dialogs=False)
    from desktop.ui.appearance import prefer_qt_dialogs
    from desktop.ui.dialogs import Dialogs

    try:
        check_db_choice(args.db)  # an address the program cannot open: refused before the window
    except UserError as exc:
        prefer_qt_dialogs(app)
        quiet = bool(args.screenshot or args.exit_after_paint)
        return report_error(console_dialogs() if quiet else Dialogs(), exc.message,
                            interactive=not quiet)
    if args.screenshot:
        prefer_qt_dialogs(app)
        return run_screenshot(args, console_dialogs())
    dialogs = Dialogs()
    if not args.exit_after_paint:
        install_error_dialog(dialogs)  # its log is set up when an error is reported

    def settle() -> None:
        """What the window needs before its first dialog, not before its first paint (each
        costs a few to ~20 ms: logging and platformdirs, Qt's ``Qt`` namespace)."""
        from desktop.logs import setup_logging

        setup_logging()
        prefer_qt_dialogs(app)

    interactive = not args.exit_after_paint
    preopened: Database | None = None
    if interactive and is_first_start(args):
        settle()  # the welcome's dialogs come before the window
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
        settle()
        path = preopened.path if preopened is not None else chosen_path(args)
        lock = take_lock(path)  # before opening: a second window must not migrate or seed
        state["lock"] = lock  # released at the end even if the database never opens
        read_only = False
        if lock is None:
            if not interactive or not dialogs.confirm(
                    None, "Дорожная карта",
                    f"Эта база данных уже открыта в другом окне программы:\n{path}\n\n"
                    "Открыть её только для чтения?"):
                state["code"] = report_error(
                    dialogs, f"Программа уже открыта с этой базой данных: {path}", interactive=False)
                if preopened is not None:
                    preopened.close()
                app.quit()
                return
            read_only = True
        if preopened is None and show_first_view(window, path):
            state["first_view"] = True
            if args.exit_after_paint:
                QApplication.processEvents()
                print(f"data-shown {time.perf_counter() - started:.4f}", flush=True)
                print_heavy_modules("loaded-at-data-shown")
            # the full open after this paint (its clicks and keys wait for it, see first_view)
            QTimer.singleShot(0, lambda: finish_opening(lock, read_only))
        else:
            finish_opening(lock, read_only)

    def finish_opening(lock: QLockFile | _SharedDatabase | None, read_only: bool) -> None:
        try:
            database = preopened or open_chosen_database(args, read_only=read_only,
                                                         dialogs=dialogs if interactive else None)
            if not database.read_only:  # after the first paint: it loads SQLAlchemy
                from desktop.services.deadline_refresh import refresh_stored_deadlines

                refresh_stored_deadlines(database)  # readings of an older parser are re-read
        except UserError as exc:
            window.end_first_view()
            state["code"] = report_error(dialogs, exc.message, interactive=interactive
                                         and not isinstance(exc, CreationDeclined))
            if lock is not None:
                lock.unlock()
            app.quit()
            return
        state["database"], state["lock"] = database, lock
        window.database_actions.take_lock = take_lock  # File → «Открыть базу…» swaps them
        window.database_actions.lock = lock
        window.attach_database(database)
        if args.exit_after_paint:
            QApplication.processEvents()
            now = time.perf_counter() - started
            if not state.get("first_view"):
                print(f"data-shown {now:.4f}", flush=True)
            print(f"database-open {now:.4f}", flush=True)
            print_heavy_modules("loaded-at-database-open")
            app.quit()
            return
        if args.file:  # a file opened with the program (a .dkp double-clicked in Explorer)
            QTimer.singleShot(0, lambda: window.import_file(Path(args.file)))
        if not database.read_only and not database.is_server:  # a server backs itself up
            QTimer.singleShot(2000, lambda: backup_in_background(database, window))

    watcher = _FirstPaint(started, open_and_attach, report=args.exit_after_paint)
    window.installEventFilter(watcher)
    window.resize(*SCREEN_SIZE)
    window.show()
    signals = SignalCloser(app)
    code = app.exec()
    if signals.interrupted:
        from desktop.interrupts import report

        code = report()
    for database in {id(d): d for d in (state.get("database"), window.database)
                     if d is not None}.values():  # the window may show another file by now
        database.close()  # type: ignore[attr-defined]
    for lock in (state.get("lock"), window.database_actions.lock):
        if lock is not None:  # also when a signal closed the window before the database opened
            lock.unlock()  # type: ignore[attr-defined]
    return int(code or state["code"])  # type: ignore[call-overload]


class SignalCloser(QObject):
    """Ctrl-C or SIGTERM while the window runs: the window closes (every change is already
    committed) and the program exits with code 2, instead of a traceback from inside a Qt
    slot. Python sees a signal only when it runs, so a timer hands it control 4 times a
    second."""

    def __init__(self, app: QApplication) -> None:
        import signal

        from desktop.interrupts import EXIT_INTERRUPTED, SIGNALS

        super().__init__(app)
        self.interrupted = False

        def stop(signum: int, frame: object) -> None:
            self.interrupted = True
            app.exit(EXIT_INTERRUPTED)

        for sig in SIGNALS:
            signal.signal(sig, stop)
        self._timer = QTimer(self)
        self._timer.timeout.connect(lambda: None)
        self._timer.start(250)


def backup_in_background(database: Database, window: MainWindow) -> str | None:
    """The daily and monthly copies; a failure goes to the log and the status bar (the
    copy functions leave nothing half-written). Returns the failure message, if any."""
    from desktop.logs import log
    from desktop.models.database import scheduled_backups

    try:
        scheduled_backups(database.path)
    except UserError as exc:
        message = exc.message
    except Exception as exc:  # never let a backup stop the window
        from desktop.logs import report_unexpected

        message = report_unexpected(exc, "резервная копия не создана")
    else:
        return None
    log.error(message)
    window.report_backup_failure(message)
    return message
