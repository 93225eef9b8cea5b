"""The matrix view: keyboard first. Space toggles the selected cells done / not started,
Enter opens the cell, arrows move; a section heading spans the whole row."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.services.checklist import Cell
from desktop.ui.checklist.delegates import CellDelegate
from desktop.ui.checklist.model import FIXED_COLUMNS, ChecklistModel

ACTIVITY_WIDTH = 330
SCHOOL_WIDTH = 78
#: the widest a school's column gets for its name (a longer one is cut, named in the tooltip)
SCHOOL_MAX_WIDTH = 170


class ChecklistView(QTableView):
    #: space on the selection: toggle these cells
    toggleRequested = Signal(list)
    #: Enter (or a double click) on a cell: edit it
    editRequested = Signal(tuple)
    #: the current cell changed: (item id, school id) or None
    cellChanged = Signal(object)

    def __init__(self, model: ChecklistModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(CellDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(24)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setDefaultSectionSize(SCHOOL_WIDTH)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        model.modelReset.connect(self._after_reset)
        self.doubleClicked.connect(lambda index: self._edit(self.matrix_model().cell_at(index)))
        self._after_reset()

    def matrix_model(self) -> ChecklistModel:
        return self.model()  # type: ignore[return-value]

    def _after_reset(self) -> None:
        self.clearSpans()
        model = self.matrix_model()
        for row in model.section_rows():
            self.setSpan(row, 0, 1, model.columnCount())
        self.setColumnWidth(0, ACTIVITY_WIDTH)
        # «Школ» and each school's name whole (the current column's heading is bold): a
        # school column is as wide as its name, up to SCHOOL_MAX_WIDTH
        bold = self.horizontalHeader().font()
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        for column in range(1, model.columnCount()):
            text = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            least = 60 if column == 1 else SCHOOL_WIDTH
            self.setColumnWidth(column, min(max(least, metrics.horizontalAdvance(text) + 18),
                                            SCHOOL_MAX_WIDTH))

    def currentChanged(self, current: QModelIndex | QPersistentModelIndex,
                       previous: QModelIndex | QPersistentModelIndex) -> None:
        super().currentChanged(current, previous)
        self.cellChanged.emit(self.matrix_model().cell_at(current))

    def selected_cells(self) -> list[Cell]:
        model = self.matrix_model()
        cells = [model.cell_at(i) for i in self.selectionModel().selectedIndexes()]
        found = [c for c in cells if c is not None]
        if not found:
            current = model.cell_at(self.currentIndex())
            found = [current] if current is not None else []
        return sorted(set(found))

    def select_cell(self, cell: Cell) -> bool:
        model = self.matrix_model()
        row, column = model.row_of(cell[0]), model.column_of(cell[1])
        if row is None or column is None:
            return False
        self.setCurrentIndex(model.index(row, column))
        return True

    def _edit(self, cell: Cell | None) -> None:
        if cell is not None:
            self.editRequested.emit(cell)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Space and not event.modifiers():
            cells = self.selected_cells()
            if cells:
                self.toggleRequested.emit(cells)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self._edit(self.matrix_model().cell_at(self.currentIndex()))
            return
        super().keyPressEvent(event)

    def first_school_column(self) -> int:
        return FIXED_COLUMNS
