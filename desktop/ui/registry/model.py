"""An editable table model over plain records (dicts) from :mod:`desktop.services.registry`.

The model never writes to the database itself: ``setData`` hands the new value to a
``commit`` callback (which pushes an undo command) and the page reloads the records
when the command reports a change. Reloading the same rows updates them in place
(``dataChanged``), so the current cell and the selection survive an edit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex

#: the record's id
IdRole = Qt.ItemDataRole.UserRole + 1
#: a value that sorts naturally (text folded, booleans, years)
SortRole = Qt.ItemDataRole.UserRole + 2

#: (record id, field, new value) → stored?
Commit = Callable[[int, str, Any], bool]


@dataclass(frozen=True)
class RegistryColumn:
    """A column: ``kind`` is text, bool (a checkbox), years («2025, 2026»), choice (an id
    chosen from a list, shown as ``display``), list (read-only lines of ``display``) or
    readonly (the text of ``display``, changed elsewhere — e.g. by a dialog)."""

    title: str
    field: str
    kind: str = "text"
    display: str | None = None
    tooltip: str = ""
    #: a record key whose lines are the cell's tooltip (risk factor titles behind numbers)
    tooltip_key: str | None = None

    @property
    def editable(self) -> bool:
        return self.kind in ("text", "years", "choice")


def _display(record: dict[str, Any], column: RegistryColumn) -> str:
    value = record.get(column.display or column.field)
    if column.kind == "bool":
        return ""
    if column.kind == "years":
        return ", ".join(str(v) for v in value or ())
    if column.kind == "list":
        return "\n".join(value or ())
    return "" if value is None else str(value)


class RegistryTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[RegistryColumn], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[dict[str, Any]] = []
        #: set by the owner: stores an edit (through an undo command)
        self.commit: Commit | None = None

    # -- rows ------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        rows = list(rows)
        old_ids = [r["id"] for r in self._rows]
        if rows and sorted(r["id"] for r in rows) == sorted(old_ids):
            # same rows: keep their places (a renamed school does not jump while edited)
            by_id = {r["id"]: r for r in rows}
            self._rows = [by_id[i] for i in old_ids]
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(rows) - 1, len(self.columns) - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def record(self, row: int) -> dict[str, Any]:
        return self._rows[row]

    def row_of(self, record_id: int) -> int:
        return next((n for n, r in enumerate(self._rows) if r["id"] == record_id), -1)

    def column_of(self, field: str) -> int:
        return next(n for n, c in enumerate(self.columns) if c.field == field)

    def search_text(self, row: int) -> str:
        """What the filter box matches: every shown value, and the titles of ticked boxes."""
        record = self._rows[row]
        parts = [c.title if c.kind == "bool" and record.get(c.field) else _display(record, c)
                 for c in self.columns]
        return " ".join([*parts, " ".join(record.get("categories") or ())])

    # -- Qt ---------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record, column = self._rows[index.row()], self.columns[index.column()]
        value = record.get(column.field)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip_key:
            return "\n".join(record.get(column.tooltip_key) or ()) or column.tooltip
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = _display(record, column)
            return text or (column.tooltip if role == Qt.ItemDataRole.ToolTipRole else text)
        if role == Qt.ItemDataRole.EditRole:
            if column.kind == "choice":
                return value
            return _display(record, column)
        if role == Qt.ItemDataRole.CheckStateRole and column.kind == "bool":
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == SortRole:
            return (int(bool(value)) if column.kind == "bool"
                    else _display(record, column).casefold())
        if role == IdRole:
            return record["id"]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return flags
        column = self.columns[index.column()]
        if column.editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        if column.kind == "bool":
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self.commit is None:
            return False
        record, column = self._rows[index.row()], self.columns[index.column()]
        if column.kind == "bool" and role == Qt.ItemDataRole.CheckStateRole:
            new: Any = Qt.CheckState(value) == Qt.CheckState.Checked
        elif column.editable and role == Qt.ItemDataRole.EditRole:
            new = value.strip() if isinstance(value, str) else value
        else:
            return False
        if new == self.data(index, Qt.ItemDataRole.EditRole) and column.kind != "bool":
            return False
        if column.kind == "bool" and new == bool(record.get(column.field)):
            return False
        return self.commit(record["id"], column.field, new)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return self.columns[section].tooltip or None
        return None
