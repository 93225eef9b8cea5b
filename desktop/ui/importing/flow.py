"""File → Import… and a file dropped onto the window: read (progress, cancel), preview,
confirm, then one undoable command that writes everything in one transaction."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QWidget

from desktop.errors import UserError
from desktop.importers import ImportCancelledError, read_file
from desktop.importers.preview import ImportPreview
from desktop.importers.writer import Written, plan_directory, remove_import, write_import
from desktop.models.versions import RecordKey, roadmap_keys
from desktop.services.file_kind import import_filter
from desktop.ui.background import run_with_progress
from desktop.ui.commands import CommittingCommand, push
from desktop.ui.importing.dialog import ImportDialog
from desktop.window_args import OPENED_SUFFIXES

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from desktop.models.database import Database
    from desktop.ui.changes import Changes
    from desktop.ui.dialogs import Dialogs

#: what the window accepts when dropped: roadmaps and packages (and forms, as .xlsx)
SUFFIXES = OPENED_SUFFIXES
#: what File → Import offers: every kind :mod:`desktop.services.file_kind` tells apart
FILE_FILTER = import_filter()


class ImportCommand(CommittingCommand):
    """Write a confirmed preview in one transaction (in a worker thread behind a cancellable
    progress dialog: a cancel rolls the transaction back); undo removes what it added."""

    def __init__(self, database: Database, changes: Changes, preview: ImportPreview,
                 parent: QWidget | None = None) -> None:
        super().__init__(database, changes, "импорт дорожной карты")
        self.preview = preview
        self.parent_widget = parent
        self.written: Written | None = None

    def records(self, session: Session) -> list[RecordKey]:
        written = self.written
        if written is None:
            return []
        order = [] if written.order_id is None else [("orders", written.order_id)]
        return [*roadmap_keys(session, written.roadmap_id), *order]

    def do(self) -> None:
        preview = self.preview

        def work(progress: Callable[[int, int], bool]) -> Written:
            # the command's write transaction, run in this worker thread: BEGIN IMMEDIATE
            # and the district rule are the transaction's own (no thread state to miss)
            with self.session() as session:
                # a redo re-imports: nothing to check but new rows
                self.written = write_import(session, preview, progress)
                return self.written

        outcome = run_with_progress(self.parent_widget, "Запись в базу данных…", work,
                                    cancelled_types=(ImportCancelledError,))
        if outcome.error is not None:
            raise UserError(outcome.error)
        if not outcome.ok:
            raise UserError("Импорт отменён: ничего не записано.")
        self.written = outcome.result
        self.changes.reference()

    def revert(self) -> None:
        assert self.written is not None
        with self.session() as session:
            remove_import(session, self.written)
        self.changes.reference()


def choose_file(parent: QWidget | None, dialogs: Dialogs) -> Path | None:
    """Ask which file to import: a roadmap, a school's form or a district's package."""
    return dialogs.open_file(parent, "Импорт", FILE_FILTER)


def read_with_progress(parent: QWidget | None, dialogs: Dialogs, path: Path,
                       sheet: str | None = None) -> ImportPreview | None:
    outcome = run_with_progress(parent, "Чтение файла…",
                                lambda progress: read_file(path, sheet=sheet, progress=progress),
                                cancelled_types=(ImportCancelledError,))
    if outcome.error is not None:
        dialogs.error(parent, "Импорт невозможен", outcome.error)
        return None
    return outcome.result if outcome.ok else None


def import_roadmap_file(parent: QWidget | None, database: Database, changes: Changes,
                        undo_stack: QUndoStack, dialogs: Dialogs, path: Path | None,
                        run_dialog: Callable[[QDialog], bool]) -> int | None:
    """The whole import; the new roadmap's id, or None when refused or cancelled."""
    if path is None:
        path = choose_file(parent, dialogs)
        if path is None:
            return None
    preview = read_with_progress(parent, dialogs, path)
    if preview is None:
        return None

    def plan(found: ImportPreview) -> ImportPreview:
        with database.reading() as session:
            plan_directory(session, found)
            session.rollback()
        return found

    def reread(sheet: str) -> ImportPreview | None:
        found = read_with_progress(parent, dialogs, path, sheet)
        return plan(found) if found is not None else None

    dialog = ImportDialog(plan(preview), parent, reread_sheet=reread, replan=plan)
    try:
        if not run_dialog(dialog):
            return None
        command = ImportCommand(database, changes, dialog.preview, parent)
    except UserError as exc:
        dialogs.error(parent, "Импорт невозможен", exc.message)
        return None
    finally:
        dialog.deleteLater()
    if not push(undo_stack, command, dialogs, parent) or command.written is None:
        return None
    return command.written.roadmap_id
