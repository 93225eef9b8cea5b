"""Preview, print, open and save the selected order as PDF (the same exporter as the CLI).

The PDF is written by ``export_order_pdf`` in a worker thread behind a
progress dialog; the preview and the printer get its pages as images.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtPrintSupport import QPrintDialog, QPrinter

from desktop.errors import UserError
from desktop.ui.background import run_with_progress
from desktop.ui.export_actions import ORDER, documents_dir, suggested_file_name
from desktop.ui.orders.printing import print_pdf

if TYPE_CHECKING:
    from desktop.ui.views.orders import OrdersPage


class OrderOutput(QObject):
    """The page's PDF actions; ``ask_printer`` may be replaced in tests (no modal dialog)."""

    def __init__(self, page: OrdersPage) -> None:
        super().__init__(page)
        self.page = page
        self.folder = Path(tempfile.mkdtemp(prefix="prikaz-"))
        self.written = 0
        #: the last temporary PDF: order id, the page's revision it was written at, path
        self.fresh: tuple[int, int, Path] | None = None
        self.destroyed.connect(lambda: shutil.rmtree(self.folder, ignore_errors=True))

    def _state(self) -> tuple[int, int] | None:
        order_id = self.page.editor.order_id
        return None if order_id is None else (order_id, self.page.revision)

    def export(self, target: Path) -> Path | None:
        """Write the selected order to ``target``; None (message shown) when it failed."""
        page = self.page
        order_id = page.editor.order_id
        if order_id is None:
            page.dialogs.info(page, self.tr("Приказ"), self.tr("Выберите приказ в списке."))
            return None
        database = page.source.database

        def work(progress: Callable[[int, int], bool]) -> Path:
            from desktop.export.pdf_order import export_order_pdf

            with database.session() as session:
                return export_order_pdf(session, order_id, target, progress=progress)

        try:
            outcome = run_with_progress(page, self.tr("Подготовка приказа: {name}").format(
                name=target.name), work)
        except (OSError, ValueError, RuntimeError) as exc:
            page.dialogs.error(page, self.tr("PDF не сформирован"),
                               self.tr("Не удалось сформировать PDF: {reason}").format(reason=exc))
            return None
        if outcome.error is not None:
            page.dialogs.error(page, self.tr("PDF не сформирован"), outcome.error)
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
                self.page.preview.show_pdf(path)
            except UserError as exc:
                self.page.dialogs.error(self.page, self.tr("Предпросмотр"), exc.message)
                return None
            self.page.tabs.setCurrentWidget(self.page.preview)
        return path

    def ask_printer(self) -> QPrinter | None:
        """The printer chosen in the print dialog; None when cancelled."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.page)
        dialog.setWindowTitle(self.tr("Печать приказа"))
        return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None

    def print_order(self, printer: QPrinter | None = None) -> int:
        """Print the selected order; returns the number of pages sent to the printer."""
        path = self.current_pdf()
        if path is None:
            return 0
        printer = printer or self.ask_printer()
        if printer is None:
            return 0
        try:
            pages = print_pdf(path, printer)
        except UserError as exc:
            self.page.dialogs.error(self.page, self.tr("Печать не выполнена"), exc.message)
            return 0
        self.page.show_message(self.tr("Отправлено на печать страниц: {n}").format(n=pages))
        return pages

    def open_externally(self) -> Path | None:
        path = self.current_pdf()
        if path is not None:
            self.page.dialogs.open_externally(path)
        return path

    def save_as(self) -> Path | None:
        page = self.page
        if page.editor.snapshot is None:
            return None
        snapshot = page.editor.snapshot
        name = suggested_file_name(ORDER, ".pdf", number=snapshot["number"],
                                   date=snapshot.get("date"))
        target = page.dialogs.save_file(page, self.tr("Сохранить приказ в PDF"),
                                        documents_dir() / name,
                                        self.tr("Документ PDF (*.pdf)"))
        if target is None:
            return None
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        written = self.export(target)
        if written is not None:
            page.show_message(self.tr("Сохранено: {path}").format(path=written))
        return written
