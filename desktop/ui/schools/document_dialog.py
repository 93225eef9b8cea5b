"""Editing one concept document of a school: state, title, date, file, confirmation."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.models.checklist import DOC_STATE_LABELS
from desktop.ui.checklist.cell_dialog import date_edit, date_value, ok_cancel


class DocumentDialog(QDialog):
    def __init__(self, name: str, values: dict[str, Any], file_name: str,
                 parent: QWidget | None = None, *,
                 choose_file: Callable[[], Path | None] | None = None,
                 attach: Callable[[Path], tuple[int, str]] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Документ школы"))
        self._choose_file, self._attach = choose_file, attach
        self.file_id = values["file_id"]
        self.state = QComboBox(self)
        for state, text in DOC_STATE_LABELS.items():
            self.state.addItem(text, state.value)
        self.state.setCurrentIndex(max(self.state.findData(values["state"]), 0))
        self.title = QLineEdit(values["title"], self)
        self.has_date = QCheckBox(self.tr("указана"), self)
        self.has_date.setChecked(values["date"] is not None)
        self.date = date_edit(values["date"], self)
        self.file_label = QLabel(file_name or self.tr("нет"), self)
        attach_button = QPushButton(self.tr("Прикрепить файл…"), self)
        attach_button.clicked.connect(lambda: self.attach_file())
        self.confirmed = QCheckBox(self.tr("подтверждён куратором"), self)
        self.confirmed.setChecked(bool(values["confirmed_by_curator"]))
        self.confirmed_on = date_edit(values["confirmed_on"], self)
        form = QFormLayout(self)
        form.addRow(QLabel(f"<b>{name}</b>", self))
        form.addRow(self.tr("Состояние"), self.state)
        form.addRow(self.tr("Название, реквизиты"), self.title)
        dates = QHBoxLayout()
        dates.addWidget(self.date)
        dates.addWidget(self.has_date)
        dates.addStretch(1)
        form.addRow(self.tr("Дата"), dates)
        files = QHBoxLayout()
        files.addWidget(self.file_label, 1)
        files.addWidget(attach_button)
        form.addRow(self.tr("Файл"), files)
        confirm = QHBoxLayout()
        confirm.addWidget(self.confirmed)
        confirm.addWidget(self.confirmed_on)
        confirm.addStretch(1)
        form.addRow(self.tr("Куратор"), confirm)
        form.addRow(ok_cancel(self))
        self.resize(520, 0)

    def attach_file(self, path: Path | None = None) -> bool:
        if path is None and self._choose_file is not None:
            path = self._choose_file()
        if path is None or self._attach is None:
            return False
        self.file_id, name = self._attach(path)
        self.file_label.setText(name)
        return True

    def values(self) -> dict[str, Any]:
        confirmed = self.confirmed.isChecked()
        return {"state": self.state.currentData(), "title": self.title.text().strip(),
                "date": date_value(self.date) if self.has_date.isChecked() else None,
                "file_id": self.file_id, "confirmed_by_curator": confirmed,
                "confirmed_on": date_value(self.confirmed_on) if confirmed else None}
