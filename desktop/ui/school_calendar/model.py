"""The table of a school year's periods: name, kind, first and last day, length in days.
The two date columns are editable; an edit is handed to ``commit`` (the panel pushes an
undo command) and the table is re-read from the database afterwards."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.services.school_calendar import KIND_TITLES, PeriodRow

Index = QModelIndex | QPersistentModelIndex
NAME, KIND, START, END, DAYS = range(5)
HEADINGS = ("Период", "Вид", "Начало", "Окончание", "Дней")
#: commit(row, start, end) → True when stored
Commit = Callable[[PeriodRow, dt.date, dt.date], bool]


class SchoolPeriodsModel(QAbstractTableModel):
    def __init__(self, commit: Commit, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[PeriodRow] = []
        self.commit = commit

    def set_rows(self, rows: Sequence[PeriodRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADINGS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(HEADINGS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.column() in (START, END):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return {NAME: row.name, KIND: KIND_TITLES.get(row.kind, row.kind),
                    START: f"{row.start:%d.%m.%Y}", END: f"{row.end:%d.%m.%Y}",
                    DAYS: str((row.end - row.start).days + 1)}[column]
        if role == Qt.ItemDataRole.EditRole and column in (START, END):
            return QDate(row.start if column == START else row.end)
        if role == Qt.ItemDataRole.ForegroundRole and row.kind == "holiday":
            return QBrush(QColor("#6b6b6b"))
        if role == Qt.ItemDataRole.BackgroundRole and row.kind == "half_year":
            return QBrush(QColor("#eef3fa"))
        if role == Qt.ItemDataRole.FontRole and row.kind == "half_year":
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (START, END, DAYS):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() not in (START, END):
            return False
        day = value.toPython() if isinstance(value, QDate) else value
        if not isinstance(day, dt.date):
            return False
        row = self.rows[index.row()]
        start, end = (day, row.end) if index.column() == START else (row.start, day)
        if (start, end) == (row.start, row.end):
            return False
        return self.commit(row, start, end)
