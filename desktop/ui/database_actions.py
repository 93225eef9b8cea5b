"""What acts on the open database as a whole: File → profile, backup and restore, Help → about.

The window builds one :class:`DatabaseActions` and puts its handlers in its menus; it
hands in the open database, its dialogs and the callbacks for what only the window can
do (run a modal dialog, reopen a restored file, retitle itself). This module never
imports the window. The dialogs behind the handlers (and SQLAlchemy behind them) are
imported on first use, after the window's first paint.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QWidget

    from desktop.models.database import Database
    from desktop.ui.dialogs import Dialogs


class DatabaseActions:
    """The handlers of the database's menu entries (each does nothing without a database)."""

    def __init__(self, parent: QWidget, dialogs: Dialogs, *,
                 database: Callable[[], Database | None],
                 run_dialog: Callable[[QDialog], bool],
                 reopen: Callable[[Path], None],
                 profile_saved: Callable[[], None]) -> None:
        self.parent, self.dialogs = parent, dialogs
        self._database, self.run_dialog = database, run_dialog
        self.reopen, self.profile_saved = reopen, profile_saved

    def edit_profile(self) -> bool:
        """The authority's profile (order header, signature, executor mark)."""
        database = self._database()
        if database is None:
            return False
        from desktop.ui.profile_dialog import ProfileDialog

        saved = self.run_dialog(ProfileDialog(database, self.parent))
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

    def show_about(self) -> None:
        from desktop.ui.about import about_text

        title = QCoreApplication.translate("MainWindow", "О программе")  # the menu's context
        self.dialogs.info(self.parent, title, about_text(self._database()))
