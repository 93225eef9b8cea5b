"""Editors that report one committed change, not every keystroke: text, optional date, rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate, QEvent, QObject, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.date_field import DateField
from desktop.ui.orders.rows_model import ChoiceDelegate, RowColumn, RowsModel

#: the date that stands for «no date yet»
EMPTY_DATE = QDate(1900, 1, 1)


class CommitTextEdit(QPlainTextEdit):
    """A multi-line text box that emits ``editingFinished`` when it loses focus after a change."""

    editingFinished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self._changed = False
        self.textChanged.connect(lambda: setattr(self, "_changed", True))

    def set_text(self, text: str) -> None:
        """Show stored text without it counting as an edit."""
        self.blockSignals(True)
        self.setPlainText(text)
        self.blockSignals(False)
        self._changed = False

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self._changed:
            self._changed = False
            self.editingFinished.emit()


class OptionalDateEdit(QWidget):
    """A date that may be empty («не указана») with a calendar and a clear button.

    ``committed`` is emitted once per finished change.
    """

    committed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = DateField(None, self)
        self.edit.setMinimumDate(EMPTY_DATE)
        self.edit.setSpecialValueText(self.tr("не указана"))
        self.edit.editingFinished.connect(self.committed)
        self.edit.calendarWidget().clicked.connect(lambda _d: self.committed.emit())
        self.edit.installEventFilter(self)
        clear = QToolButton(self)
        clear.setText("×")
        clear.setToolTip(self.tr("Убрать дату"))
        clear.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(clear)

    def value(self) -> dt.date | None:
        date = self.edit.date()
        return None if date == EMPTY_DATE else date.toPython()  # type: ignore[return-value]

    def set_value(self, value: dt.date | None) -> None:
        self.edit.blockSignals(True)
        self.edit.setDate(QDate(value) if value is not None else EMPTY_DATE)
        self.edit.blockSignals(False)

    def clear(self) -> None:
        if self.value() is not None:
            self.set_value(None)
            self.committed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # typing into an empty date starts from today, not from 1900
        if event.type() == QEvent.Type.FocusIn and self.value() is None:
            self.edit.blockSignals(True)
            self.edit.setDate(QDate.currentDate())
            self.edit.blockSignals(False)
        return False


class RowsEditor(QWidget):
    """A small table with «Добавить» / «Удалить» below it."""

    def __init__(self, columns: Sequence[RowColumn], parent: QWidget | None = None, *,
                 add_text: str = "Добавить", stretch: int = -1) -> None:
        super().__init__(parent)
        self.model = RowsModel(columns, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(ChoiceDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.setWordWrap(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(stretch < 0)
        if stretch >= 0:
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self.tr(add_text), self)
        self.remove_button = QPushButton(self.tr("Удалить"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def fit_columns(self, limit: int = 280) -> None:
        """Columns as wide as their contents, but none wider than ``limit`` pixels."""
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        for column in range(self.model.columnCount()):
            header.resizeSection(column, min(max(header.sectionSize(column), 90), limit))

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        return self.model.row_id(index.row()) if index.isValid() else None

    def select_id(self, row_id: int | None) -> None:
        for row, record in enumerate(self.model.rows):
            if record["id"] == row_id:
                self.view.selectRow(row)
                return
