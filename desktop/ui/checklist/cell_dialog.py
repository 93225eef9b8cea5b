"""Editing one checklist cell (Enter): status, date done, supporting document with an
optional file, the curator's comment. Also the one-date question of the bulk «mark done»."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from desktop.models.checklist import CELL_LABELS
from desktop.models.enums import ItemStatus
from desktop.services.checklist import CellState, Evidence
from desktop.ui.date_field import DateField


def _qdate(day: dt.date | None) -> QDate:
    day = day or dt.date.today()
    return QDate(day.year, day.month, day.day)


def date_value(edit: QDateEdit) -> dt.date:
    q = edit.date()
    return dt.date(q.year(), q.month(), q.day())


def date_edit(day: dt.date | None, parent: QWidget) -> QDateEdit:
    edit = DateField(_qdate(day), parent)
    return edit


def ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class CellDialog(QDialog):
    """``attach(path)`` stores a picked file and returns (file id, original name)."""

    def __init__(self, title: str, state: CellState, parent: QWidget | None = None, *,
                 choose_file: Callable[[], Path | None] | None = None,
                 attach: Callable[[Path], tuple[int, str]] | None = None,
                 open_file: Callable[[int], None] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Отметка"))
        self._choose_file, self._attach, self._open_file = choose_file, attach, open_file
        first = state.evidence[0] if state.evidence else Evidence()
        self._others = state.evidence[1:]
        self.file_id, self.file_name = first.file_id, first.file_name
        self.status = QComboBox(self)
        for status, text in CELL_LABELS.items():
            self.status.addItem(text, status.value)
        self.status.setCurrentIndex(self.status.findData(state.status.value))
        self.has_date = QCheckBox(self.tr("указана"), self)
        self.has_date.setChecked(state.date is not None)
        self.date = date_edit(state.date, self)
        self.doc_title = QLineEdit(first.title, self)
        self.doc_title.setPlaceholderText(self.tr("Приказ, аналитическая справка, протокол…"))
        self.doc_number = QLineEdit(first.number, self)
        self.has_doc_date = QCheckBox(self.tr("указана"), self)
        self.has_doc_date.setChecked(first.date is not None)
        self.doc_date = date_edit(first.date, self)
        self.file_label = QLabel(self.file_name or self.tr("нет"), self)
        self.attach_button = QPushButton(self.tr("Прикрепить файл…"), self)
        self.attach_button.clicked.connect(lambda: self.attach_file())
        self.open_button = QPushButton(self.tr("Открыть"), self)
        self.open_button.clicked.connect(self._open)
        self.open_button.setEnabled(self.file_id is not None)
        self.comment = QPlainTextEdit(state.comment, self)
        self.comment.setFixedHeight(70)
        form = QFormLayout(self)
        form.addRow(QLabel(f"<b>{title}</b>", self))
        form.addRow(self.tr("Статус"), self.status)
        form.addRow(self.tr("Дата выполнения"), self._pair(self.date, self.has_date))
        form.addRow(self.tr("Документ"), self.doc_title)
        form.addRow(self.tr("Номер"), self.doc_number)
        form.addRow(self.tr("Дата документа"), self._pair(self.doc_date, self.has_doc_date))
        files = QHBoxLayout()
        files.addWidget(self.file_label, 1)
        files.addWidget(self.attach_button)
        files.addWidget(self.open_button)
        form.addRow(self.tr("Файл"), files)
        form.addRow(self.tr("Комментарий"), self.comment)
        form.addRow(ok_cancel(self))
        self.resize(520, 0)

    def _pair(self, edit: QDateEdit, box: QCheckBox) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(edit)
        row.addWidget(box)
        row.addStretch(1)
        return row

    def attach_file(self, path: Path | None = None) -> bool:
        """Copy a picked file into the data folder now (the cell keeps its id)."""
        if path is None and self._choose_file is not None:
            path = self._choose_file()
        if path is None or self._attach is None:
            return False
        self.file_id, self.file_name = self._attach(path)
        self.file_label.setText(self.file_name)
        self.open_button.setEnabled(True)
        if not self.doc_title.text().strip():
            self.doc_title.setText(Path(self.file_name).stem)
        return True

    def _open(self) -> None:
        if self.file_id is not None and self._open_file is not None:
            self._open_file(self.file_id)

    def state(self) -> CellState:
        status = ItemStatus(self.status.currentData())
        day = date_value(self.date) if self.has_date.isChecked() else None
        if status is ItemStatus.DONE and day is None:
            day = dt.date.today()
        document = Evidence(self.doc_title.text().strip(), self.doc_number.text().strip(),
                            date_value(self.doc_date) if self.has_doc_date.isChecked() else None,
                            self.file_id, self.file_name or "")
        has_document = bool(document.title or document.number or document.file_id)
        return CellState(status, day, self.comment.toPlainText().strip(),
                         ((document,) if has_document else ()) + tuple(self._others))


class DoneDateDialog(QDialog):
    """«Отметить выполненным» for the selected cells: one date for all."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Отметить выполненным"))
        self.date = date_edit(None, self)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Ячеек: {n}").format(n=count), self))
        form.addRow(self.tr("Дата выполнения"), self.date)
        form.addRow(ok_cancel(self))

    def day(self) -> dt.date:
        return date_value(self.date)
