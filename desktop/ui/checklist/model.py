"""The checklist matrix as a Qt table model over :class:`~desktop.services.checklist_matrix.Matrix`.

Rows are section headings and items; column 0 is the item, column 1 its schools done /
concerned, then one column per school shown. Filters (category of school, section,
executor, overdue only) choose the rows and columns; an edit refreshes only the rows of
the items it touched (``dataChanged``), never the whole model.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.models.checklist import CELL_LABELS
from desktop.models.enums import ItemStatus
from desktop.services.checklist import Cell, CellState
from desktop.services.checklist_matrix import Matrix, MatrixItem, MatrixSchool

Index = QModelIndex | QPersistentModelIndex
#: (item id, school id) of a school cell; None elsewhere
CellRole = Qt.ItemDataRole.UserRole + 10
#: the cell's :class:`CellState`
StateRole = Qt.ItemDataRole.UserRole + 11
#: the row's item id (None on a section row)
ItemRole = Qt.ItemDataRole.UserRole + 12
FIXED_COLUMNS = 2

BRUSHES = {
    "done": QBrush(QColor("#C6EFCE")),
    "in_work": QBrush(QColor("#FFEB9C")),
    "overdue": QBrush(QColor("#FFC7CE")),
    "cancelled": QBrush(QColor("#E4E4E4")),
    "none": QBrush(QColor("#F4F4F4")),
    "section": QBrush(QColor("#DDE6F0")),
}
SHORT = {ItemStatus.DONE: "✓", ItemStatus.IN_WORK: "в работе", ItemStatus.CANCELLED: "не треб.",
         ItemStatus.PLANNED: ""}
_EMPTY = CellState()


@dataclass(frozen=True)
class MatrixFilter:
    category: str | None = None
    section_id: int | None = None
    executor: str | None = None
    overdue_only: bool = False


class ChecklistModel(QAbstractTableModel):
    def __init__(self, parent: Any = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.today = today or dt.date.today()
        self.matrix: Matrix | None = None
        self.filter = MatrixFilter()
        #: shown rows: a section heading (str) or an item
        self.rows: list[str | MatrixItem] = []
        self.columns: list[MatrixSchool] = []
        self._row_of: dict[int, int] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    # -- content ---------------------------------------------------------------------------
    def set_matrix(self, matrix: Matrix | None) -> None:
        self.matrix = matrix
        self._rebuild()

    def set_filter(self, spec: MatrixFilter) -> None:
        self.filter = spec
        self._rebuild()

    def _rebuild(self) -> None:
        self.beginResetModel()
        self.rows, self.columns = [], []
        matrix, spec = self.matrix, self.filter
        if matrix is not None:
            self.columns = [s for s in matrix.schools
                            if spec.category is None or spec.category in s.categories]
            shown = {s.id for s in self.columns}
            section = None
            for item in matrix.items:
                if spec.section_id is not None and item.section_id != spec.section_id:
                    continue
                if spec.executor is not None and spec.executor not in item.executors:
                    continue
                if spec.overdue_only and not item.overdue(self.today):
                    continue
                if spec.category is not None and not item.schools & shown:
                    continue
                if item.section != section:
                    section = item.section
                    self.rows.append(section)
                self.rows.append(item)
        self._row_of = {e.id: n for n, e in enumerate(self.rows) if isinstance(e, MatrixItem)}
        self.endResetModel()

    def refresh_items(self, item_ids: list[int]) -> None:
        """Say that these items' rows changed (after the matrix was updated in place)."""
        if self.matrix is None:
            return
        by_id = {i.id: i for i in self.matrix.items}
        for item_id in item_ids:
            row = self._row_of.get(item_id)
            if row is None or item_id not in by_id:
                continue
            self.rows[row] = by_id[item_id]
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def section_rows(self) -> list[int]:
        return [n for n, e in enumerate(self.rows) if isinstance(e, str)]

    def row_of(self, item_id: int) -> int | None:
        return self._row_of.get(item_id)

    def column_of(self, school_id: int) -> int | None:
        return next((n + FIXED_COLUMNS for n, s in enumerate(self.columns) if s.id == school_id),
                    None)

    def cell_at(self, index: Index) -> Cell | None:
        """(item id, school id) when ``index`` is a cell of a school the item concerns."""
        if not index.isValid() or index.column() < FIXED_COLUMNS:
            return None
        entry = self.rows[index.row()]
        if not isinstance(entry, MatrixItem):
            return None
        school = self.columns[index.column() - FIXED_COLUMNS]
        return (entry.id, school.id) if school.id in entry.schools else None

    def state(self, cell: Cell) -> CellState:
        assert self.matrix is not None
        return self.matrix.cells.get(cell, _EMPTY)

    # -- Qt --------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIXED_COLUMNS + len(self.columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if self.cell_at(index) is not None or (
                index.isValid() and isinstance(self.rows[index.row()], MatrixItem)):
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.ItemIsEnabled

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return self.tr("Мероприятие")
            if section == 1:
                return self.tr("Школ")
            return self.columns[section - FIXED_COLUMNS].short_name
        if role == Qt.ItemDataRole.ToolTipRole and section == 1:
            return self.tr("Школ, которых касается мероприятие, и сколько из них выполнили")
        if role == Qt.ItemDataRole.ToolTipRole and section >= FIXED_COLUMNS:
            school = self.columns[section - FIXED_COLUMNS]
            categories = ", ".join(sorted(school.categories))
            return f"{school.short_name}: {categories}" if categories else school.short_name
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.rows[index.row()]
        column = index.column()
        if isinstance(entry, str):
            if role == Qt.ItemDataRole.DisplayRole and column == 0:
                return entry
            if role == Qt.ItemDataRole.BackgroundRole:
                return BRUSHES["section"]
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            return None
        if role == ItemRole:
            return entry.id
        if column == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{entry.number} {entry.activity}"
            if role == Qt.ItemDataRole.ToolTipRole:
                return (f"{entry.number} {entry.activity}\nСрок: {entry.deadline}\n"
                        f"Исполнители: {', '.join(entry.executors)}")
            if role == Qt.ItemDataRole.BackgroundRole and entry.overdue(self.today):
                return BRUSHES["overdue"]
            return None
        if column == 1:
            return self._tally_data(entry, role)
        return self._cell_data(entry, self.columns[column - FIXED_COLUMNS], role)

    def _tally_data(self, item: MatrixItem, role: int) -> Any:
        assert self.matrix is not None
        if role == Qt.ItemDataRole.DisplayRole and item.schools:
            done, total = self.matrix.tally(item)
            return f"{done} / {total}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and item.status is ItemStatus.DONE:
            return BRUSHES["done"]
        return None

    def _cell_data(self, item: MatrixItem, school: MatrixSchool, role: int) -> Any:
        if school.id not in item.schools:
            return BRUSHES["none"] if role == Qt.ItemDataRole.BackgroundRole else None
        cell = (item.id, school.id)
        state = self.state(cell)
        if role == Qt.ItemDataRole.DisplayRole:
            text = SHORT[state.status]
            if state.status is ItemStatus.DONE and state.date is not None:
                text += f" {state.date:%d.%m}"
            return text
        if role == Qt.ItemDataRole.BackgroundRole:
            if state.status is ItemStatus.DONE:
                return BRUSHES["done"]
            if state.status is ItemStatus.CANCELLED:
                return BRUSHES["cancelled"]
            if item.overdue(self.today):
                return BRUSHES["overdue"]
            return BRUSHES["in_work"] if state.status is ItemStatus.IN_WORK else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return describe(school.short_name, state)
        if role == CellRole:
            return cell
        if role == StateRole:
            return state
        return None


def describe(school: str, state: CellState) -> str:
    """The cell's tooltip: school, status, date, documents, comment."""
    lines = [f"{school}: {CELL_LABELS[state.status]}"
             + (f", {state.date:%d.%m.%Y}" if state.date else "")]
    lines += [f"Документ: {e.text or e.file_name}" + (" (файл)" if e.file_id else "")
              for e in state.evidence]
    if state.comment:
        lines.append(f"Комментарий: {state.comment}")
    return "\n".join(lines)
