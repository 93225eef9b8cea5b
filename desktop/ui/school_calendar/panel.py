"""«Учебный календарь»: the quarters (or trimesters), holidays and half-years of a school
year, shipped with the typical federal dates and edited to the region's. Every edit is an
undo command; the deadlines counted in school periods («по итогам каждой четверти», «по
итогам I полугодия и учебного года») are re-read at once, so their occurrences, overdue
marks and reports follow. «Загрузить из файла…» reads the region's published list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import UserError
from desktop.services import school_calendar as service
from desktop.services.school_calendar import PeriodRow
from desktop.ui.commands import push
from desktop.ui.date_field import DateField
from desktop.ui.school_calendar.commands import SchoolYearCommand, SetPeriodDatesCommand
from desktop.ui.school_calendar.model import NAME, SchoolPeriodsModel

if TYPE_CHECKING:
    from desktop.ui.views.base import Page

Index = QModelIndex | QPersistentModelIndex
FILE_FILTER = "Календарь региона (*.xlsx *.csv)"


def ask_calendar_file(parent: QWidget) -> Path | None:
    """The region's list to load; None when cancelled (tests replace ``panel.ask_file``)."""
    name, _ = QFileDialog.getOpenFileName(parent, "Учебный календарь региона", "", FILE_FILTER)
    return Path(name) if name else None


class DateDelegate(QStyledItemDelegate):
    """A date editor with a calendar drop-down, written as the table writes dates."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        return DateField(parent=parent)  # a whole date typed as ДД.ММ.ГГГГ

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, DateField)
        value = index.data(0x0002)  # EditRole
        if isinstance(value, QDate):
            editor.setDate(value)


class SchoolCalendarPanel(QWidget):
    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.page = page
        self.ask_file: Callable[[QWidget], Path | None] = ask_calendar_file
        self.year_combo = QComboBox(self)
        self.year_combo.currentIndexChanged.connect(lambda _n: self.show_year())
        self.import_button = QPushButton(self.tr("Загрузить из файла…"), self)
        self.import_button.setToolTip(self.tr(
            "Таблица региона .xlsx или .csv: строки «период, начало, окончание»"))
        self.import_button.clicked.connect(self.import_file)
        self.reset_button = QPushButton(self.tr("Вернуть даты по умолчанию"), self)
        self.reset_button.clicked.connect(self.reset_year)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.model = SchoolPeriodsModel(self.commit, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(DateDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.SelectedClicked)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Учебный год:"), self))
        bar.addWidget(self.year_combo)
        bar.addStretch(1)
        bar.addWidget(self.import_button)
        bar.addWidget(self.reset_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)

    # ------------------------------------------------------------------ reading

    @property
    def first(self) -> int | None:
        value = self.year_combo.currentData()
        return value if isinstance(value, int) else None

    def reload(self) -> None:
        """Re-read the years offered and the chosen year's periods."""
        chosen = self.first
        with self.page.source.database.reading() as s:
            years = service.school_years(s)
        today = dt.date.today()
        current = today.year if today.month >= 7 else today.year - 1
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for first in years:
            self.year_combo.addItem(service.year_label(first), first)
        wanted = chosen if chosen in years else current
        self.year_combo.setCurrentIndex(max(self.year_combo.findData(wanted), 0))
        self.year_combo.blockSignals(False)
        self.show_year()

    def show_year(self) -> None:
        first = self.first
        if first is None:
            self.model.set_rows([])
            return
        with self.page.source.database.reading() as s:
            rows = service.period_rows(s, first)
            stored = service.stored_year(s, first) is not None
        self.model.set_rows(rows)
        self.reset_button.setEnabled(stored)
        label = service.year_label(first)
        if stored:
            self.note.setText(self.tr(
                "Даты {year} заданы для района. Сроки «по итогам четверти», «по итогам "
                "I полугодия и учебного года», «в течение учебного года» считаются по ним.")
                .format(year=label))
        else:
            self.note.setText(self.tr(
                "Даты {year} — типовые (по умолчанию). Исправьте их по календарю вашего "
                "региона (двойной щелчок по дате) или загрузите его таблицу: сроки «по итогам "
                "четверти», «I полугодие», отметки о просрочке и отчёты пересчитаются.")
                .format(year=label))

    # ------------------------------------------------------------------ writing

    def _push(self, command: Any) -> bool:
        page = self.page
        assert page.undo_stack is not None and page.dialogs is not None
        stored = push(page.undo_stack, command, page.dialogs, self)
        self.show_year()
        return stored

    def commit(self, row: PeriodRow, start: dt.date, end: dt.date) -> bool:
        first = self.first
        if first is None:
            return False
        return self._push(SetPeriodDatesCommand(self.page.source.database, self.page.changes,
                                                first, row.kind, row.number, start, end, row.name))

    def reset_year(self) -> bool:
        first = self.first
        if first is None:
            return False
        return self._push(SchoolYearCommand(
            self.page.source.database, self.page.changes, first, None,
            f"возврат учебного календаря по умолчанию ({service.year_label(first)})"))

    def import_file(self) -> bool:
        """Read the region's list; every year in it replaces that year's dates (one undo step
        per year, in one macro). A bad file: the message, nothing changed."""
        from desktop.importers.school_calendar import read_calendar_file

        page = self.page
        assert page.undo_stack is not None and page.dialogs is not None
        path = self.ask_file(self)
        if path is None:
            return False
        try:
            years = read_calendar_file(path)
        except UserError as exc:
            page.dialogs.error(self, self.tr("Учебный календарь не загружен"), exc.message)
            return False
        labels = ", ".join(service.year_label(y.first) for y in years)
        page.undo_stack.beginMacro(f"импорт учебного календаря ({labels})")
        stored = True
        for year in years:
            stored = stored and push(page.undo_stack, SchoolYearCommand(
                page.source.database, page.changes, year.first, year.periods,
                f"импорт учебного календаря ({service.year_label(year.first)})"),
                page.dialogs, self)
        page.undo_stack.endMacro()
        if stored:
            index = self.year_combo.findData(years[-1].first)
            if index < 0:
                self.reload()
                index = self.year_combo.findData(years[-1].first)
            self.year_combo.setCurrentIndex(index)
            page.dialogs.info(self, self.tr("Учебный календарь загружен"),
                              self.tr("Загружены даты: {years}.").format(years=labels))
        self.show_year()
        return stored
