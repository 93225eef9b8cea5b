"""File → Export: the same exporter functions as the command line, behind a progress dialog.

Each exporter is a plain function ``(session, roadmap_id, target, progress) -> Path``;
this module asks where to save (suggesting a short dated name in the user's documents
folder, made by :func:`suggested_file_name` for every document the window saves),
runs it in a worker thread, reports errors in Russian and offers to open the file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from desktop.ui.background import run_in_gui_thread, run_with_progress
from desktop.ui.folders import documents_dir

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from desktop.models.database import Database
    from desktop.ui.changes import Changes
    from desktop.ui.datasource import DataSource
    from desktop.ui.dialogs import Dialogs

Exporter = Callable[[Any, int, Path, Callable[[int, int], bool]], Path]


@dataclass(frozen=True)
class ExportKind:
    key: str
    menu_text: str
    suffix: str
    file_filter: str
    shortcut: str | None
    #: imports lazily (reportlab, openpyxl load only when used) and returns the exporter
    load: Callable[[], tuple[Exporter, tuple[type[BaseException], ...]]]
    #: False for exporters that paint with Qt: they run in the GUI thread
    threaded: bool = True
    #: what the suggested file name calls the document (:func:`suggested_file_name`)
    document: str = "Дорожная карта"


def _xlsx() -> tuple[Exporter, tuple[type[BaseException], ...]]:
    from desktop.export.xlsx import ExportCancelled, export_roadmap_xlsx

    def run(session: Any, roadmap_id: int, target: Path, progress: Callable) -> Path:
        return export_roadmap_xlsx(session, roadmap_id, target, progress=progress)

    return run, (ExportCancelled,)


def _roadmap_order(render: Callable[..., Path]) -> Exporter:
    """An exporter of the roadmap's approving order (or a draft from the template) by ``render``."""
    from desktop.services.orders import order_for_roadmap

    def run(session: Any, roadmap_id: int, target: Path, progress: Callable) -> Path:
        order = order_for_roadmap(session, roadmap_id)
        written = render(session, order, target, progress=progress)
        session.rollback()  # a draft made for printing is never stored
        return written

    return run


def _order_pdf() -> tuple[Exporter, tuple[type[BaseException], ...]]:
    from desktop.export.pdf_order import render_order_pdf

    return _roadmap_order(render_order_pdf), ()


def _roadmap_pdf() -> tuple[Exporter, tuple[type[BaseException], ...]]:
    from desktop.export.pdf_roadmap import export_roadmap_pdf

    def run(session: Any, roadmap_id: int, target: Path, progress: Callable) -> Path:
        return export_roadmap_pdf(session, roadmap_id, target, progress=progress)

    return run, ()


def _order_docx() -> tuple[Exporter, tuple[type[BaseException], ...]]:
    from desktop.export.docx_order import export_order_docx

    return _roadmap_order(export_order_docx), ()


def _roadmap_docx() -> tuple[Exporter, tuple[type[BaseException], ...]]:
    from desktop.export.docx_roadmap import export_roadmap_docx

    def run(session: Any, roadmap_id: int, target: Path, progress: Callable) -> Path:
        return export_roadmap_docx(session, roadmap_id, target, progress=progress)

    return run, ()


def _gantt_pdf() -> tuple[Exporter, tuple[type[BaseException], ...]]:
    from desktop.painting.gantt import export_gantt

    def run(session: Any, roadmap_id: int, target: Path, progress: Callable) -> Path:
        return export_gantt(session, roadmap_id, target)

    return run, ()


ROADMAP, ORDER, TIMELINE, REPORT = "Дорожная карта", "Приказ", "График", "Отчёт"


def suggested_file_name(document: str, suffix: str, *, period: tuple[dt.date, dt.date] | None = None,
                        number: str = "", date: dt.date | None = None) -> str:
    """The name the save dialog offers: short, dated, one per kind of document.

    «Приказ 12-1 от 28.01.2026.pdf» (an order by its number and date; «Проект приказа 2026.pdf»
    while it has no number), «Отчёт на 28.01.2026.xlsx» (a report on its day), «Дорожная
    карта 2026.xlsx» and «График 2025-2026.pdf» (a roadmap by the years of its period).
    """
    years = ""
    if period is not None:
        first, last = period[0].year, period[1].year
        years = f"{first}" if first == last else f"{first}-{last}"
    if document == ORDER and number.strip():
        name = f"Приказ {number.strip()}" + (f" от {date:%d.%m.%Y}" if date else "")
    elif document == ORDER:
        name = f"Проект приказа {years}"
    elif document == REPORT:
        name = f"Отчёт на {date:%d.%m.%Y}" if date else "Отчёт"
    else:
        name = f"{document} {years}"
    return safe_file_name(name.replace("/", "-").replace("\\", "-")) + suffix


EXPORT_KINDS: list[ExportKind] = [
    ExportKind("xlsx", "Дорожная карта в Excel…", ".xlsx", "Книга Excel (*.xlsx)", "Ctrl+E", _xlsx),
    ExportKind("order_pdf", "Приказ с дорожной картой в PDF…", ".pdf", "Документ PDF (*.pdf)",
               "Ctrl+P", _order_pdf, document=ORDER),
    ExportKind("roadmap_pdf", "Дорожная карта в PDF (СОГЛАСОВАНО / УТВЕРЖДАЮ)…", ".pdf",
               "Документ PDF (*.pdf)", None, _roadmap_pdf),
    ExportKind("gantt_pdf", "График (диаграмма Ганта) в PDF…", ".pdf", "Документ PDF (*.pdf)",
               "Ctrl+Shift+G", _gantt_pdf, threaded=False, document=TIMELINE),
    ExportKind("order_docx", "Приказ в Word (.docx)…", ".docx", "Документ Word (*.docx)", None,
               _order_docx, document=ORDER),
    ExportKind("roadmap_docx", "Дорожная карта в Word (.docx)…", ".docx",
               "Документ Word (*.docx)", None, _roadmap_docx),
]


def safe_file_name(title: str, limit: int = 60) -> str:
    """A file name from a roadmap title: no characters Windows forbids, not too long."""
    name = re.sub(r'[\\/:*?"<>|«»\n\r\t]+', " ", title).strip()
    name = re.sub(r"\s+", " ", name)[:limit].rstrip(" .")
    return name or "Дорожная карта"


class ExportActions:
    """The export actions of File → Export, added to ``menu``.

    The window that holds them passes what they read as callbacks (the open database,
    its data source, the roadmap in the editor, the status bar): they never import it.
    """

    def __init__(self, parent: QWidget, menu: QMenu, dialogs: Dialogs, *,
                 database: Callable[[], Database | None],
                 source: Callable[[], DataSource | None],
                 roadmap_id: Callable[[], int | None],
                 show_status: Callable[[str, int], None],
                 undo_stack: QUndoStack | None = None, changes: Changes | None = None) -> None:
        self.parent, self.menu, self.dialogs = parent, menu, dialogs
        #: where a renumbering asked for before an export goes (one undo step)
        self.undo_stack, self.changes = undo_stack, changes
        self._database, self._source, self._roadmap_id = database, source, roadmap_id
        self.show_status = show_status
        self.actions: dict[str, QAction] = {}
        for kind in EXPORT_KINDS:
            self.add(kind)
        self.package_action = QAction("Пакет для региона (.dkp)…", parent)
        self.package_action.triggered.connect(lambda _=False: self.export_package())
        menu.addAction(self.package_action)

    def export_package(self, target: Path | None = None,
                       with_evidence: bool | None = None) -> Path | None:
        """File → Export → the district's exchange package (:mod:`desktop.ui.region`)."""
        from desktop.ui.region.package_export import export_package

        database, source = self._database(), self._source()
        if database is None or source is None:
            return None
        name = safe_file_name(source.authority_name() or "Пакет района") + ".dkp"
        return export_package(self.parent, database, self.dialogs, documents_dir() / name,
                              target=target, with_evidence=with_evidence)

    def add(self, kind: ExportKind) -> QAction:
        action = QAction(kind.menu_text, self.parent)
        if kind.shortcut:
            action.setShortcut(QKeySequence(kind.shortcut))
        action.triggered.connect(lambda _=False, k=kind: self.export(k))
        self.menu.addAction(action)
        self.actions[kind.key] = action
        return action

    def current_roadmap(self) -> dict[str, Any] | None:
        """The summary of the roadmap shown in the editor (else the newest one)."""
        source = self._source()
        if source is None:
            return None
        roadmap_id = self._roadmap_id()
        summaries = source.roadmaps()
        chosen = next((s for s in summaries if s["id"] == roadmap_id), None)
        chosen = chosen or (summaries[0] if summaries else None)
        return chosen

    def suggested_name(self, kind: ExportKind, roadmap: dict[str, Any]) -> str:
        """:func:`suggested_file_name` for ``kind`` of ``roadmap`` (an order: its approving one)."""
        number, date = "", None
        database = self._database()
        if kind.document == ORDER and database is not None:
            from desktop.models.roadmap import Roadmap

            with database.reading() as session:
                order = session.get(Roadmap, roadmap["id"]).approving_order
                number, date = (order.number, order.date) if order is not None else ("", None)
        return suggested_file_name(kind.document, kind.suffix, number=number, date=date,
                                   period=(roadmap["period_start"], roadmap["period_end"]))

    def export(self, kind: ExportKind, target: Path | None = None) -> Path | None:
        """Run one export; returns the written path (None if cancelled or failed)."""
        window, dialogs, database = self.parent, self.dialogs, self._database()
        current = self.current_roadmap()
        if current is None or database is None:
            dialogs.info(window, "Экспорт", "Нет дорожной карты для выгрузки.")
            return None
        roadmap_id = current["id"]
        if self.undo_stack is not None and self.changes is not None:
            from desktop.ui.numbering_check import offer_renumbering

            offer_renumbering(window, database, self.changes, self.undo_stack, dialogs,
                              [roadmap_id])
        suggested = documents_dir() / self.suggested_name(kind, current)
        target = target or dialogs.save_file(window, kind.menu_text.rstrip("…"), suggested,
                                             kind.file_filter)
        if target is None:
            return None
        if target.suffix.lower() != kind.suffix:
            target = target.with_name(target.name + kind.suffix)
        exporter, cancelled_types = kind.load()

        def work(progress: Callable[[int, int], bool]) -> Path:
            with database.reading() as session:
                return exporter(session, roadmap_id, target, progress)

        if kind.threaded:
            outcome = run_with_progress(window, f"Выгрузка: {target.name}", work,
                                        cancelled_types=cancelled_types)
        else:
            outcome = run_in_gui_thread(work)
        if outcome.error is not None:
            dialogs.error(window, "Экспорт не выполнен", outcome.error)
            return None
        if not outcome.ok:
            self.show_status("Выгрузка отменена", 5000)
            return None
        self.show_status(f"Сохранено: {target}", 10000)
        if dialogs.confirm(window, "Экспорт", f"Файл сохранён:\n{target}\n\nОткрыть его?"):
            dialogs.open_externally(target, window)
        return target
