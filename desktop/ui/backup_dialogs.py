"""File → «Резервная копия…» and «Восстановить из копии…», and the read-only banner.

A copy is one ``.dkbak`` archive with the database and its evidence files (or, if the
user names it ``….db``, the database alone, and the message says the files are not in
it). A restore takes a copy from the list of ``backups/`` or any file (a USB stick),
checks it whole, shows what it holds beside what the database holds now, and replaces
only when the user agrees.

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

from desktop.models.backups import CopyInfo
from desktop.services.backup import (
    backup_server_to,
    backup_with_report,
    copies,
    current_counts,
    read_copy,
    restore_staged,
    server_backup_missing,
    server_evidence_note,
    server_restore_refusal,
)
from desktop.services.backup_archive import ARCHIVE_SUFFIX, BackupCancelled
from desktop.services.backup_reading import StagedCopy
from desktop.ui.background import run_with_progress
from desktop.ui.dialogs import Dialogs
from desktop.ui.restore_summary import RestoreSummaryDialog

if TYPE_CHECKING:
    from desktop.models.database import Database

CopyRole = Qt.ItemDataRole.UserRole + 1


def make_backup(parent: QWidget, dialogs: Dialogs, database: Database) -> Path | None:
    """Ask where to put a copy (a USB stick) and write it; None when cancelled or failed."""
    if database.is_server:
        return make_server_backup(parent, dialogs, database.address)
    db_path = database.path
    title = parent.tr("Резервная копия")
    suggested = Path.home() / f"{db_path.stem}-{dt.date.today().isoformat()}{ARCHIVE_SUFFIX}"
    target = dialogs.save_file(parent, title, suggested, parent.tr(
        "Резервная копия с файлами подтверждений (*.dkbak);;"
        "Только база данных, без файлов (*.db)"))
    if target is None:
        return None
    outcome = run_with_progress(parent, parent.tr("Резервная копия…"),
                                lambda progress: backup_with_report(db_path, target,
                                                                    progress=progress),
                                cancelled_types=(BackupCancelled,))
    if outcome.error is not None:
        dialogs.error(parent, title, outcome.error)
        return None
    if not outcome.ok:
        return None
    dialogs.info(parent, title, outcome.result.message())
    return outcome.result.path


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
        "администратор сервера командой pg_restore.").format(path=outcome.result)
        + " " + server_evidence_note(url) + ".")
    return outcome.result


def refuse_server_restore(parent: QWidget, dialogs: Dialogs, url: str) -> None:
    """«Восстановить из копии…» on a server: who restores it and how; nothing is changed."""
    dialogs.info(parent, parent.tr("Восстановить из копии"), server_restore_refusal(url))


COPY_FILTER = "Резервные копии (*.dkbak *.db);;Все файлы (*)"


class RestoreDialog(QDialog):
    """The copies in ``backups/`` with their dates and item counts, and «Выбрать файл…» for
    a copy elsewhere (a USB stick); the chosen one is checked, then shown, then restored."""

    def __init__(self, copy_list: list[CopyInfo], parent: QWidget | None = None, *,
                 pick: Callable[[], Path | None] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Восстановить из копии"))
        self.resize(640, 400)
        self._pick = pick
        self.picked: Path | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Выберите копию из папки копий или файл копии (например, на флешке): архив .dkbak "
            "или файл базы данных .db. Перед заменой программа проверит копию и покажет, что "
            "в ней; текущая база будет сохранена в папку копий."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget(self)
        for info in copy_list:
            state = (self.tr("мероприятий: {n}").format(n=info.items) if info.sound
                     else self.tr("повреждена"))
            kind = self.tr("архив") if info.path.suffix == ARCHIVE_SUFFIX else self.tr("база")
            item = QListWidgetItem(f"{info.label} — {state} — {kind} — {info.path.name}")
            item.setData(CopyRole, str(info.path))
            if not info.sound:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        self.pick_button = buttons.addButton(self.tr("Выбрать файл…"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.pick_button.clicked.connect(self._pick_file)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        first_sound = next((n for n, c in enumerate(copy_list) if c.sound), -1)
        self.list.setCurrentRow(first_sound)

    def _pick_file(self) -> None:
        path = self._pick() if self._pick is not None else None
        if path is not None:
            self.picked = path
            self.accept()

    def chosen(self) -> Path | None:
        if self.picked is not None:
            return self.picked
        item = self.list.currentItem()
        return Path(item.data(CopyRole)) if item is not None and item.flags() \
            & Qt.ItemFlag.ItemIsEnabled else None


def restore_from_copy(parent: QWidget, dialogs: Dialogs, database: Database,
                      run_dialog: Callable[[QDialog], bool],
                      reopen: Callable[[Path], None]) -> Path | None:
    """File → «Восстановить из копии…»: let the user pick a copy (from ``backups/`` or any
    file), check it, show what it holds and, if agreed, put it in place (the file is closed
    first, ``reopen`` opens it again); returns the copy restored (None if not). A server's
    database or a read-only file is not replaced."""
    title = parent.tr("Восстановить из копии")
    if database.is_server:
        refuse_server_restore(parent, dialogs, database.address)
        return None
    if database.read_only:
        dialogs.info(parent, title, parent.tr("Файл открыт только для чтения."))
        return None
    db_path = database.path

    def pick() -> Path | None:
        return dialogs.open_file(parent, title, parent.tr(COPY_FILTER))

    dialog = RestoreDialog(copies(db_path), parent, pick=pick)
    if not run_dialog(dialog) or dialog.chosen() is None:
        return None
    chosen = dialog.chosen()
    outcome = run_with_progress(parent, parent.tr("Проверка копии…"),
                                lambda _progress: read_copy(db_path, chosen))
    if outcome.error is not None:
        dialogs.error(parent, title, outcome.error)
        return None
    staged: StagedCopy | None = outcome.result
    if staged is None or not outcome.ok:  # cancelled (what was unpacked is removed)
        if staged is not None:
            staged.discard()
        return None
    try:
        if not run_dialog(RestoreSummaryDialog(staged.summary, current_counts(db_path), parent)):
            return None
        database.close()
        try:  # the current state is archived first: a worker thread, the window stays alive
            done = run_with_progress(parent, parent.tr("Восстановление из копии…"),
                                     lambda _progress: restore_staged(db_path, staged))
        finally:
            reopen(db_path)
    finally:
        staged.discard()
    if done.error is not None:  # a cancel cannot stop it midway: it ends restored or not
        dialogs.error(parent, title, done.error)
        return None
    kept = done.result
    dialogs.info(parent, title, parent.tr(
        "База данных восстановлена из копии {copy}. Прежнее состояние сохранено: {kept}")
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
