"""A read-only table model over plain records (dicts), with named columns.

Views feed it plain values from the services, never live ORM objects that
could expire or lazy-load inside ``data()``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex

#: the record's ``id`` is exposed under this role
IdRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class ColumnDef:
    title: str
    key: str
    #: formats the raw value for display; defaults to str() with None → ""
    fmt: Callable[[Any], str] | None = None
    align_center: bool = False
    #: the tooltip from the whole record (default: the cell's text)
    tip: Callable[[dict[str, Any]], str] | None = None


class RecordTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[ColumnDef], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[dict[str, Any]] = []

    def set_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def record(self, row: int) -> dict[str, Any]:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and column.tip is not None:
            return column.tip(record)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = record.get(column.key)
            if column.fmt is not None:
                return column.fmt(value)
            return "" if value is None else str(value)
        if role == IdRole:
            return record.get("id")
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_center:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section].title
        return None
