"""A small editable table over plain records: approvals, appendices, members, schedule rows.

Cells with a choice (approval kind, appendix kind, linked roadmap) carry a list
of ``(value, label)`` pairs; :class:`ChoiceDelegate` edits them with a combo
box. An edit calls ``on_edit(row_id, key, value)``: the page turns it into an
undo command, then reloads the table from the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class RowColumn:
    key: str
    title: str
    #: ``(value, label)`` pairs for a choice cell; None: free text (or a date)
    choices: Sequence[tuple[Any, str]] | None = None
    is_date: bool = False


class RowsModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[RowColumn], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[dict[str, Any]] = []
        self.on_edit: Callable[[int, str, Any], None] | None = None

    def set_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = [dict(r) for r in rows]
        self.endResetModel()

    def row_id(self, row: int) -> int | None:
        return self.rows[row]["id"] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        value = self.rows[index.row()].get(column.key)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column.choices is not None:
                return dict(column.choices).get(value, "")
            if isinstance(value, dt.date):
                return value.strftime("%d.%m.%Y")
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.EditRole:
            if column.is_date:
                return QDate(value) if isinstance(value, dt.date) else QDate.currentDate()
            return value
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        column = self.columns[index.column()]
        if isinstance(value, QDate):
            value = value.toPython()
        elif isinstance(value, str) and column.choices is None:
            value = value.strip()
        record = self.rows[index.row()]
        if record.get(column.key) == value:
            return False
        record[column.key] = value
        self.dataChanged.emit(index, index)
        if self.on_edit is not None:
            self.on_edit(record["id"], column.key, value)
        return True


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box for the choice columns; other columns edit as usual."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = index.model().columns[index.column()]  # type: ignore[attr-defined]
        if column.choices is None:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        for value, label in column.choices:
            combo.addItem(label, value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)
