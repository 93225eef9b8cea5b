"""File → «Резервная копия…» and «Восстановить из копии…», and the read-only banner.

The window hands in its database, its dialogs door and a callback that reopens
the database after a restore; this module never imports the window.

A database on a PostgreSQL server is copied with ``pg_dump`` (the command line's
``backup``: :func:`desktop.services.backup.backup_server_to`) when this computer has it;
otherwise copies are the server's job and the window says so. Restoring a shared database
is its administrator's job (``pg_restore``): the window names the command, changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import UserError
from desktop.models.backups import CopyInfo
from desktop.services.backup import (
    backup_server_to,
    backup_to,
    copies,
    restore,
    server_backup_missing,
    server_restore_refusal,
)
from desktop.ui.background import run_with_progress
from desktop.ui.dialogs import Dialogs

if TYPE_CHECKING:
    from desktop.models.database import Database

CopyRole = Qt.ItemDataRole.UserRole + 1


def make_backup(parent: QWidget, dialogs: Dialogs, database: Database) -> Path | None:
    """Ask where to put a copy (a USB stick) and write it; None when cancelled or failed."""
    if database.is_server:
        return make_server_backup(parent, dialogs, database.address)
    db_path = database.path
    suggested = Path.home() / f"{db_path.stem}-{dt.date.today().isoformat()}.db"
    target = dialogs.save_file(parent, parent.tr("Резервная копия"), suggested,
                               parent.tr("База данных (*.db)"))
    if target is None:
        return None
    try:
        written = backup_to(db_path, target)
    except UserError as exc:
        dialogs.error(parent, parent.tr("Резервная копия"), exc.message)
        return None
    dialogs.info(parent, parent.tr("Резервная копия"),
                 parent.tr("Копия сохранена: {path}").format(path=written))
    return written


def make_server_backup(parent: QWidget, dialogs: Dialogs, url: str) -> Path | None:
    """A ``pg_dump`` archive of the server's database at a chosen place (with a progress
    dialog); without pg_dump, the message that copies are made on the server."""
    title = parent.tr("Резервная копия")
    missing = server_backup_missing(url)
    if missing is not None:
        dialogs.info(parent, title, missing)
        return None
    from desktop.models.pg import parse_url

    name = parse_url(url).database or "server"
    suggested = Path.home() / f"{name}-{dt.date.today().isoformat()}.dump"
    target = dialogs.save_file(parent, title, suggested,
                               parent.tr("Копия базы данных PostgreSQL (*.dump)"))
    if target is None:
        return None
    outcome = run_with_progress(parent, parent.tr("Копия базы данных с сервера (pg_dump)…"),
                                lambda _progress: backup_server_to(url, target))
    if outcome.error is not None:
        dialogs.error(parent, title, outcome.error)
        return None
    if not outcome.ok:  # pg_dump cannot be stopped midway: a cancelled copy is removed
        Path(target).unlink(missing_ok=True)
        return None
    dialogs.info(parent, title, parent.tr(
        "Копия базы данных с сервера сохранена (pg_dump): {path}. Восстанавливает её "
        "администратор сервера командой pg_restore.").format(path=outcome.result))
    return outcome.result


def refuse_server_restore(parent: QWidget, dialogs: Dialogs, url: str) -> None:
    """«Восстановить из копии…» on a server: who restores it and how; nothing is changed."""
    dialogs.info(parent, parent.tr("Восстановить из копии"), server_restore_refusal(url))


class RestoreDialog(QDialog):
    """The copies in ``backups/`` with their dates and item counts; the chosen one is restored."""

    def __init__(self, copy_list: list[CopyInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Восстановить из копии"))
        self.resize(640, 400)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "Выберите копию. Текущая база будет сохранена в папку копий перед восстановлением."),
            self))
        self.list = QListWidget(self)
        for info in copy_list:
            state = (self.tr("мероприятий: {n}").format(n=info.items) if info.sound
                     else self.tr("повреждена"))
            item = QListWidgetItem(f"{info.label} — {state} — {info.path.name}")
            item.setData(CopyRole, str(info.path))
            if not info.sound:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        first_sound = next((n for n, c in enumerate(copy_list) if c.sound), -1)
        self.list.setCurrentRow(first_sound)

    def chosen(self) -> Path | None:
        item = self.list.currentItem()
        return Path(item.data(CopyRole)) if item is not None and item.flags() \
            & Qt.ItemFlag.ItemIsEnabled else None


def restore_from_copy(parent: QWidget, dialogs: Dialogs, database: Database,
                      run_dialog: Callable[[QDialog], bool],
                      reopen: Callable[[Path], None]) -> Path | None:
    """File → «Восстановить из копии…»: let the user pick a copy of ``database``'s file and
    put it in place (the file is closed first, ``reopen`` opens it again); returns the copy
    restored (None if not). A server's database or a read-only file is not replaced."""
    if database.is_server:
        refuse_server_restore(parent, dialogs, database.address)
        return None
    if database.read_only:
        dialogs.info(parent, parent.tr("Восстановить из копии"),
                     parent.tr("Файл открыт только для чтения."))
        return None
    db_path = database.path
    copy_list = copies(db_path)
    if not copy_list:
        dialogs.info(parent, parent.tr("Восстановить из копии"),
                     parent.tr("Резервных копий пока нет."))
        return None
    dialog = RestoreDialog(copy_list, parent)
    if not run_dialog(dialog) or dialog.chosen() is None:
        return None
    chosen = dialog.chosen()
    database.close()
    try:
        kept = restore(db_path, chosen)
    except UserError as exc:
        dialogs.error(parent, parent.tr("Восстановить из копии"), exc.message)
        return None
    finally:
        reopen(db_path)
    dialogs.info(parent, parent.tr("Восстановить из копии"),
                 parent.tr("База данных восстановлена из копии {copy}. Прежний файл сохранён: {kept}")
                 .format(copy=chosen.name, kept=kept))
    return chosen


class ReadOnlyBanner(QLabel):
    """A yellow strip over the pages: the file is open read-only (view, export, print)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("background:#fff3c4; color:#5c4400; padding:6px; border:1px solid #e0c060;")
        self.hide()

    def show_for(self, reason: str) -> None:
        self.setText(self.tr("Файл открыт только для чтения ({reason}): можно смотреть, "
                             "выгружать и печатать, изменения не сохраняются.").format(reason=reason))
        self.show()
