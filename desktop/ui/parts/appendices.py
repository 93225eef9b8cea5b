"""Appendices of the roadmap itself (a consultation schedule): a list of appendices, and for
the chosen one its title, own number and date, column headings, text and rows — a row is a
consultation (topic, date as written, responsible) or a month written across the table."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.models.roadmap_parts import DEFAULT_SCHEDULE_HEADINGS
from desktop.services.roadmap_parts import AppendixData, ScheduleRowData
from desktop.ui.date_field import DateField

ROW_HEADINGS = ("Месяц", "Тема", "Дата", "Ответственные", "Проведена")


class AppendicesTab(QWidget):
    def __init__(self, appendices: tuple[AppendixData, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = list(appendices)
        self.current = -1
        self.list = QListWidget(self)
        self.list.currentRowChanged.connect(self._show)
        add = QPushButton(self.tr("Добавить приложение"), self)
        add.clicked.connect(self.add_appendix)
        remove = QPushButton(self.tr("Удалить приложение"), self)
        remove.clicked.connect(self.remove_appendix)
        self.title_edit = QLineEdit(self)
        self.number_edit = QLineEdit(self)
        self.doc_number_edit = QLineEdit(self)
        self.has_date = QCheckBox(self.tr("своя дата:"), self)
        self.date_edit = DateField(QDate.currentDate(), self)
        self.date_edit.setEnabled(False)
        self.has_date.toggled.connect(self.date_edit.setEnabled)
        self.heading_edits = [QLineEdit(h, self) for h in DEFAULT_SCHEDULE_HEADINGS]
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setFixedHeight(44)
        self.rows = QTableWidget(0, len(ROW_HEADINGS), self)
        self.rows.setHorizontalHeaderLabels([self.tr(h) for h in ROW_HEADINGS])
        header = self.rows.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.rows.horizontalHeaderItem(0).setToolTip(self.tr(
            "Строка месяца пишется во всю ширину таблицы («Январь»)"))
        self.rows.horizontalHeaderItem(2).setToolTip(self.tr(
            "Дата как в документе: «20.01.2026», «до 15.02.2026», «в течение марта»"))
        self.rows.verticalHeader().setVisible(False)
        add_row = QPushButton(self.tr("Добавить строку"), self)
        add_row.clicked.connect(lambda: self.add_row(ScheduleRowData("")))
        add_group = QPushButton(self.tr("Добавить месяц"), self)
        add_group.clicked.connect(lambda: self.add_row(ScheduleRowData("", is_group=True)))
        remove_row = QPushButton(self.tr("Удалить строку"), self)
        remove_row.clicked.connect(lambda: self.rows.removeRow(self.rows.currentRow())
                                   if self.rows.currentRow() >= 0 else None)
        self.editor = QWidget(self)
        form = QFormLayout()
        form.addRow(self.tr("Название:"), self.title_edit)
        own = QHBoxLayout()
        own.addWidget(self.number_edit)
        own.addWidget(self.doc_number_edit)
        own.addWidget(self.has_date)
        own.addWidget(self.date_edit)
        self.number_edit.setPlaceholderText(self.tr("номер приложения"))
        self.doc_number_edit.setPlaceholderText(self.tr("№ документа"))
        form.addRow(self.tr("Номер, дата:"), own)
        headings = QHBoxLayout()
        for edit in self.heading_edits:
            headings.addWidget(edit)
        form.addRow(self.tr("Заголовки столбцов:"), headings)
        form.addRow(self.tr("Текст:"), self.text_edit)
        row_buttons = QHBoxLayout()
        for button in (add_row, add_group, remove_row):
            row_buttons.addWidget(button)
        row_buttons.addStretch(1)
        editor_layout = QVBoxLayout(self.editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addLayout(form)
        editor_layout.addWidget(self.rows, 1)
        editor_layout.addLayout(row_buttons)
        side = QVBoxLayout()
        side.addWidget(self.list, 1)
        side.addWidget(add)
        side.addWidget(remove)
        layout = QHBoxLayout(self)
        layout.addLayout(side, 1)
        layout.addWidget(self.editor, 3)
        for appendix in self.data:
            self.list.addItem(self._label(appendix))
        self.editor.setEnabled(bool(self.data))
        if self.data:
            self.list.setCurrentRow(0)

    def _label(self, appendix: AppendixData) -> str:
        return appendix.title or self.tr("(без названия)")

    def add_appendix(self) -> None:
        self._store()
        self.data.append(AppendixData(self.tr("График консультаций"),
                                      number=str(len(self.data) + 1)))
        self.list.addItem(self._label(self.data[-1]))
        self.editor.setEnabled(True)
        self.list.setCurrentRow(len(self.data) - 1)

    def remove_appendix(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        self.current = -1
        del self.data[row]
        self.list.takeItem(row)
        self.editor.setEnabled(bool(self.data))

    def add_row(self, data: ScheduleRowData) -> int:
        row = self.rows.rowCount()
        self.rows.insertRow(row)
        self.rows.setCellWidget(row, 0, QCheckBox(self.rows))
        self.rows.setCellWidget(row, 4, QCheckBox(self.rows))
        self._check(row).setChecked(data.is_group)
        self._check(row, 4).setChecked(data.done)
        for col, text in enumerate((data.topic, data.date_text, data.responsible), 1):
            self.rows.setItem(row, col, QTableWidgetItem(text))
        return row

    def _check(self, row: int, column: int = 0) -> QCheckBox:
        box = self.rows.cellWidget(row, column)
        assert isinstance(box, QCheckBox)
        return box

    def _show(self, index: int) -> None:
        self._store()
        self.current = index
        if not 0 <= index < len(self.data):
            return
        data = self.data[index]
        self.title_edit.setText(data.title)
        self.number_edit.setText(data.number)
        self.doc_number_edit.setText(data.doc_number)
        self.has_date.setChecked(data.doc_date is not None)
        day = data.doc_date or dt.date.today()
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        own = (*data.headings, "", "", "")[:3]
        for edit, text, default in zip(self.heading_edits, own, DEFAULT_SCHEDULE_HEADINGS,
                                       strict=True):
            edit.setText(text or default)
        self.text_edit.setPlainText(data.text)
        self.rows.setRowCount(0)
        for row in data.rows:
            self.add_row(row)

    def _store(self) -> None:
        """Keep what the editor shows in the current appendix's data."""
        if not 0 <= self.current < len(self.data):
            return
        rows = []
        for row in range(self.rows.rowCount()):
            texts = [(self.rows.item(row, c).text().strip() if self.rows.item(row, c) else "")
                     for c in (1, 2, 3)]
            if any(texts):
                rows.append(ScheduleRowData(*texts, is_group=self._check(row).isChecked(),
                                            done=self._check(row, 4).isChecked()))
        doc_date = self.date_edit.date().toPython() if self.has_date.isChecked() else None
        headings = tuple(e.text().strip() for e in self.heading_edits)
        if headings == DEFAULT_SCHEDULE_HEADINGS:
            headings = ()
        self.data[self.current] = replace(
            self.data[self.current], title=self.title_edit.text().strip(),
            number=self.number_edit.text().strip(), doc_number=self.doc_number_edit.text().strip(),
            doc_date=doc_date, headings=headings, text=self.text_edit.toPlainText().strip(),
            rows=tuple(rows))
        self.list.item(self.current).setText(self._label(self.data[self.current]))

    def value(self) -> tuple[AppendixData, ...]:
        self._store()
        return tuple(self.data)
