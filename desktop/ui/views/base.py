"""What every page of the main window shares: a title, a reload, a filter box over a table."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.table_model import ColumnDef, RecordTableModel

if TYPE_CHECKING:
    from desktop.ui.changes import Changes
    from desktop.ui.datasource import DataSource
    from desktop.ui.dialogs import Dialogs


class Page(QWidget):
    """A navigation page; ``reload()`` re-reads its data from the source.

    The source arrives after the window is first painted (the database opens
    behind the painted window), so pages are built without one.
    """

    key: str = ""
    title: str = ""
    #: what :meth:`status_text` says has changed (a roadmap switched, districts imported):
    #: the window's status bar follows at once, not at the next edit
    statusChanged = Signal()

    def __init__(self, source: DataSource | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source: DataSource = source  # type: ignore[assignment]
        #: set by the main window: the shared undo stack, change notifications, dialogs
        self.undo_stack: QUndoStack | None = None
        self.changes: Changes | None = None
        self.dialogs: Dialogs | None = None

    def attach(self, undo_stack: QUndoStack, changes: Changes, dialogs: Dialogs) -> None:
        """Called once by the main window: the shared stack, notifications and dialogs."""
        self.undo_stack, self.changes, self.dialogs = undo_stack, changes, dialogs
        self.connect_changes(changes)

    def connect_changes(self, changes: Changes) -> None:
        """Subscribe to the change notifications this page shows (none by default)."""

    def reload(self) -> None:
        raise NotImplementedError

    def status_text(self) -> str:
        return ""


def page_heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSize(font.pointSize() + 4)
    font.setBold(True)
    label.setFont(font)
    return label


def configure_rows_view(view: QTableView, proxy: QSortFilterProxyModel) -> None:
    """A table of records: sortable by a header click, whole rows selected, striped."""
    view.setModel(proxy)
    view.setSortingEnabled(True)
    # keep the services' order until the user clicks a header
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    proxy.sort(-1)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)


class FilteredTable(QWidget):
    """A table of records with a «Найти…» box filtering across all columns."""

    def __init__(self, columns: Sequence[ColumnDef], parent: QWidget | None = None,
                 *, stretch_column: int | None = None) -> None:
        super().__init__(parent)
        self.model = RecordTableModel(columns, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Найти…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QTableView(self)
        configure_rows_view(self.view, self.proxy)
        self.view.setWordWrap(True)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(stretch_column is None)
        if stretch_column is not None:
            header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view)

    def set_rows(self, rows: Sequence[dict]) -> None:
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        for col in range(self.model.columnCount()):
            if header.sectionResizeMode(col) != QHeaderView.ResizeMode.Stretch:
                header.resizeSection(col, min(header.sectionSize(col), 380))


def fill_roadmaps(combo: QComboBox, source: DataSource) -> None:
    """Refill a roadmap chooser, keeping the chosen roadmap (else the first); no signals
    while refilling, one ``currentIndexChanged`` at most at the end."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for summary in source.roadmaps():
        combo.addItem(summary["title"], summary["id"])
    combo.blockSignals(False)
    index = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(index, 0))
