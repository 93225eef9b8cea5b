"""What acts on the open database as a whole: File → «Создать базу…», «Открыть базу…», profile,
backup and restore, Help → about.

The window builds one :class:`DatabaseActions` and puts its handlers in its menus; it
hands in the open database, its dialogs and the callbacks for what only the window can
do (run a modal dialog, reopen a restored file, retitle itself). This module never
imports the window. The dialogs behind the handlers (and SQLAlchemy behind them) are
imported on first use, after the window's first paint.

Another file (a region's database beside a district's) is opened in the same window: its
single-instance lock is taken first (``take_lock``, handed in by the program's start-up;
none in tests), the file is opened once to prove it opens, and only then is the current
database closed, its lock released and the window given the new file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QWidget

    from desktop.models.database import Database
    from desktop.ui.dialogs import Dialogs


DB_FILTER = "База данных «Дорожной карты» (*.db);;Все файлы (*)"


class _NoLock:
    def unlock(self) -> None:
        pass


class DatabaseActions:
    """The handlers of the database's menu entries (each does nothing without a database)."""

    #: takes the single-instance lock of a file, None when another window holds it
    take_lock: Callable[[Path], object | None] = staticmethod(lambda _path: _NoLock())
    #: the lock of the file the window shows (set by the start-up, swapped on a switch)
    lock: object | None = None

    def __init__(self, parent: QWidget, dialogs: Dialogs, *,
                 database: Callable[[], Database | None],
                 run_dialog: Callable[[QDialog], bool],
                 reopen: Callable[[Path], None],
                 profile_saved: Callable[[], None],
                 push: Callable[[Any], bool] | None = None,
                 changes: Any = None) -> None:
        self.parent, self.dialogs = parent, dialogs
        self._database, self.run_dialog = database, run_dialog
        self.reopen, self.profile_saved = reopen, profile_saved
        #: pushes an undo command on the window's stack (True when it was stored)
        self.push, self.changes = push, changes

    def edit_profile(self) -> bool:
        """The authority's profile (order header, signature, executor mark)."""
        database = self._database()
        if database is None:
            return False
        from desktop.ui.profile_dialog import ProfileCommand, ProfileDialog

        def save(values: dict[str, Any]) -> bool:
            assert self.push is not None
            return self.push(ProfileCommand(database, self.changes, values))

        saved = self.run_dialog(ProfileDialog(database, self.parent, save=save))
        if saved:
            self.profile_saved()
        return saved

    def make_backup(self) -> Path | None:
        """File → «Резервная копия…»: a copy to a chosen place."""
        database = self._database()
        if database is None:
            return None
        from desktop.ui.backup_dialogs import make_backup

        return make_backup(self.parent, self.dialogs, database)

    def restore_from_copy(self) -> Path | None:
        """File → «Восстановить из копии…»: pick a copy from the list and put it in place;
        the window then reopens the restored file."""
        database = self._database()
        if database is None:
            return None
        from desktop.ui.backup_dialogs import restore_from_copy

        return restore_from_copy(self.parent, self.dialogs, database, self.run_dialog, self.reopen)

    def create_database(self) -> Path | None:
        """File → «Создать базу…»: a new empty database file, shown in the window."""
        from desktop.paths import default_db_path

        title = QCoreApplication.translate("MainWindow", "Создать базу данных")
        suggested = default_db_path().parent / "новая-база.db"
        target = self.dialogs.save_file(self.parent, title, suggested, DB_FILTER)
        if target is None:
            return None
        target = target if target.suffix else target.with_name(target.name + ".db")
        if target.exists():
            self.dialogs.error(self.parent, title, QCoreApplication.translate(
                "MainWindow", "Файл уже существует: {path}. Новая база создаётся в новом файле; "
                "чтобы открыть этот, выберите Файл → «Открыть базу…»").format(path=target))
            return None
        return self._switch(target, create=True, title=title)

    def open_other_database(self) -> Path | None:
        """File → «Открыть базу…»: another database file (a region's beside a district's)."""
        title = QCoreApplication.translate("MainWindow", "Открыть базу данных")
        path = self.dialogs.open_file(self.parent, title, DB_FILTER)
        if path is None:
            return None
        if path.suffix.lower() == ".dkbak":
            self.dialogs.info(self.parent, title, QCoreApplication.translate(
                "MainWindow", "Это резервная копия, а не база данных: чтобы вернуть её данные, "
                "выберите Файл → «Восстановить из копии…»"))
            return None
        if not path.exists():
            self.dialogs.error(self.parent, title, QCoreApplication.translate(
                "MainWindow", "Файл не найден: {path}").format(path=path))
            return None
        return self._switch(path, create=False, title=title)

    def _switch(self, path: Path, *, create: bool, title: str) -> Path | None:
        from desktop.errors import UserError
        from desktop.models.database import open_database

        current = self._database()
        if current is not None and not current.is_server and current.path.exists() \
                and path.exists() and current.path.resolve() == path.resolve():
            self.dialogs.info(self.parent, title, QCoreApplication.translate(
                "MainWindow", "Эта база данных уже открыта в окне: {path}").format(path=path))
            return None
        lock = self.take_lock(path)
        if lock is None:
            self.dialogs.error(self.parent, title, QCoreApplication.translate(
                "MainWindow", "Эта база данных уже открыта в другом окне программы: {path}")
                .format(path=path))
            return None
        try:
            open_database(path, create=create).close()  # it opens (created, migrated) before
        except UserError as exc:                          # the current one is let go
            lock.unlock()  # type: ignore[attr-defined]
            self.dialogs.error(self.parent, title, exc.message)
            return None
        if current is not None:
            current.close()
        if self.lock is not None:
            self.lock.unlock()  # type: ignore[attr-defined]
        self.lock = lock
        self.reopen(path)
        return path

    def show_about(self) -> None:
        from desktop.ui.about import about_text

        title = QCoreApplication.translate("MainWindow", "О программе")  # the menu's context
        self.dialogs.info(self.parent, title, about_text(self._database()))
