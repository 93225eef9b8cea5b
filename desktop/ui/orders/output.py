"""Preview, print, open and save the selected order as PDF (the same exporter as the CLI).

The PDF is written by ``export_order_pdf`` in a worker thread behind a
progress dialog; the preview and the printer get its pages as images. The page
that holds it says which order is selected through a callback and hears back
through signals (it is never imported here).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter

from desktop.errors import UserError
from desktop.ui.background import run_with_progress
from desktop.ui.export_actions import ORDER, documents_dir, suggested_file_name
from desktop.ui.orders.printing import print_pdf

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.models.database import Database
    from desktop.ui.dialogs import Dialogs
    from desktop.ui.orders.preview import PdfPreview


@dataclass(frozen=True)
class CurrentOrder:
    """The order selected on the page, as the output needs it."""

    order_id: int | None
    #: the page's revision: bumped by every change, so a PDF written before it is stale
    revision: int
    #: the order as the editor shows it (number, date, …); None when none is selected
    snapshot: dict[str, Any] | None
    database: Database | None


class OrderOutput(QObject):
    """The page's PDF actions; ``ask_printer`` may be replaced in tests (no modal dialog)."""

    #: the preview shows a fresh PDF of the order: bring it to the front
    previewShown = Signal()
    #: a line for the status bar
    message = Signal(str)

    def __init__(self, page: QWidget, preview: PdfPreview, current: Callable[[], CurrentOrder],
                 dialogs: Callable[[], Dialogs]) -> None:
        super().__init__(page)
        self.page, self.preview_widget = page, preview
        self.current, self._dialogs = current, dialogs
        #: called with the order's id before it goes to paper (print, save): the page asks
        #: to renumber a roadmap appendix whose numbers would print wrong
        self.before_paper: Callable[[int], None] = lambda _order_id: None
        self.folder = Path(tempfile.mkdtemp(prefix="prikaz-"))
        self.written = 0
        #: the last temporary PDF: order id, the page's revision it was written at, path
        self.fresh: tuple[int, int, Path] | None = None
        self.destroyed.connect(lambda: shutil.rmtree(self.folder, ignore_errors=True))

    @property
    def dialogs(self) -> Dialogs:
        """The page's dialogs (read when needed: the page may get them after it is built)."""
        return self._dialogs()

    def _state(self) -> tuple[int, int] | None:
        current = self.current()
        return None if current.order_id is None else (current.order_id, current.revision)

    def export(self, target: Path) -> Path | None:
        """Write the selected order to ``target``; None (message shown) when it failed."""
        page, dialogs, current = self.page, self.dialogs, self.current()
        order_id, database = current.order_id, current.database
        if order_id is None or database is None:
            dialogs.info(page, self.tr("Приказ"), self.tr("Выберите приказ в списке."))
            return None

        def work(progress: Callable[[int, int], bool]) -> Path:
            from desktop.export.pdf_order import export_order_pdf

            with database.reading() as session:
                return export_order_pdf(session, order_id, target, progress=progress)

        try:
            outcome = run_with_progress(page, self.tr("Подготовка приказа: {name}").format(
                name=target.name), work)
        except (OSError, ValueError, RuntimeError) as exc:
            dialogs.error(page, self.tr("PDF не сформирован"),
                          self.tr("Не удалось сформировать PDF: {reason}").format(reason=exc))
            return None
        if outcome.error is not None:
            dialogs.error(page, self.tr("PDF не сформирован"), outcome.error)
            return None
        return target if outcome.ok else None

    def current_pdf(self) -> Path | None:
        """A temporary PDF of the selected order as stored now (re-written after edits)."""
        state = self._state()
        if state is None:
            return self.export(self.folder / "prikaz.pdf")
        if self.fresh is not None and self.fresh[:2] == state and self.fresh[2].exists():
            return self.fresh[2]
        self.written += 1
        path = self.export(self.folder / f"prikaz-{state[0]}-{self.written}.pdf")
        self.fresh = (*state, path) if path is not None else None
        return path

    def preview(self) -> Path | None:
        path = self.current_pdf()
        if path is not None:
            try:
                self.preview_widget.show_pdf(path)
            except UserError as exc:
                self.dialogs.error(self.page, self.tr("Предпросмотр"), exc.message)
                return None
            self.previewShown.emit()
        return path

    def ask_printer(self) -> QPrinter | None:
        """The printer chosen in the print dialog; None when cancelled."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.page)
        dialog.setWindowTitle(self.tr("Печать приказа"))
        return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None

    def _check_numbers(self) -> None:
        order_id = self.current().order_id
        if order_id is not None:
            self.before_paper(order_id)

    def print_order(self, printer: QPrinter | None = None) -> int:
        """Print the selected order; returns the number of pages sent to the printer."""
        self._check_numbers()
        path = self.current_pdf()
        if path is None:
            return 0
        printer = printer or self.ask_printer()
        if printer is None:
            return 0
        try:
            pages = print_pdf(path, printer)
        except UserError as exc:
            self.dialogs.error(self.page, self.tr("Печать не выполнена"), exc.message)
            return 0
        self.message.emit(self.tr("Отправлено на печать страниц: {n}").format(n=pages))
        return pages

    def open_externally(self) -> Path | None:
        path = self.current_pdf()
        if path is not None:
            self.dialogs.open_externally(path, self.page)
        return path

    def save_as(self) -> Path | None:
        page, snapshot = self.page, self.current().snapshot
        if snapshot is None:
            return None
        name = suggested_file_name(ORDER, ".pdf", number=snapshot["number"],
                                   date=snapshot.get("date"))
        target = self.dialogs.save_file(page, self.tr("Сохранить приказ в PDF"),
                                        documents_dir() / name,
                                        self.tr("Документ PDF (*.pdf)"))
        if target is None:
            return None
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        self._check_numbers()
        written = self.export(target)
        if written is not None:
            self.message.emit(self.tr("Сохранено: {path}").format(path=written))
        return written
