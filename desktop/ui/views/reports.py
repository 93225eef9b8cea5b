"""«Отчёты»: where the year stands on a chosen date (today by default) — shares done by
section, executor and school, the monitoring points, what is overdue and due in the next
14 days, planned vs done by month — and the progress report as PDF or Excel; a district's
roadmap too (opened from «Районы»)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import UserError
from desktop.export.report_pdf import write_report_pdf
from desktop.export.report_xlsx import write_report_xlsx
from desktop.services.report import Report, build_report
from desktop.ui.date_field import DateField
from desktop.ui.export_actions import REPORT, documents_dir, suggested_file_name
from desktop.ui.region.district_roadmap import DistrictBanner, DistrictRoadmaps
from desktop.ui.reports.chart import MonthsChart
from desktop.ui.reports.records import report_records
from desktop.ui.table_model import ColumnDef
from desktop.ui.views.base import FilteredTable, Page, fill_roadmaps, page_heading

if TYPE_CHECKING:
    from desktop.ui.changes import Changes
    from desktop.ui.datasource import DataSource


def _percent(value: object) -> str:
    return f"{value * 100:.0f} %" if isinstance(value, float) else ""


def _date(value: object) -> str:
    return value.strftime("%d.%m.%Y") if isinstance(value, dt.date) else ""


def _share_columns(first: str) -> tuple[ColumnDef, ...]:
    return (ColumnDef(first, "name"), ColumnDef("Выполнено", "done", align_center=True),
            ColumnDef("Всего", "total", align_center=True),
            ColumnDef("Доля", "share", _percent, align_center=True))


POINT_COLUMNS = (
    ColumnDef("Дата", "date", _date),
    ColumnDef("Контрольная точка", "title"),
    ColumnDef("Цель", "target", align_center=True),
    ColumnDef("Факт", "actual", _percent, align_center=True),
    # two-line headers keep the number columns narrow and the point's name readable
    ColumnDef("Было\nк сроку", "due", align_center=True),
    ColumnDef("Из них\nвыполнено", "due_done", align_center=True),
    ColumnDef("Достигнута", "reached", align_center=True),
)
def _line_tip(record: dict) -> str:
    executors = record.get("executors") or ""
    return f"{record.get('activity') or ''}\nИсполнители: {executors}" if executors else \
        str(record.get("activity") or "")


#: the overdue and the coming items: a third of the page each, so the executors are in the
#: activity's tooltip (and in the report's PDF and Excel) — a fourth column pushed the
#: activity's heading out of view
LINE_COLUMNS = (
    ColumnDef("№", "number"),
    ColumnDef("Мероприятие", "activity", tip=_line_tip),
    ColumnDef("Срок", "due", _date),
)


def _boxed(title: str, widget: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(4, 4, 4, 4)
    layout.addWidget(widget)
    return box


class ReportsPage(Page):
    key = "reports"
    title = "Отчёты"

    def __init__(self, source: DataSource | None = None, parent: QWidget | None = None) -> None:
        super().__init__(source, parent)
        self.report: Report | None = None
        #: where an item link leads (set by the window): item id → show it
        self.open_item: Callable[[int], None] | None = None
        self.combo = QComboBox(self)
        self.combo.setMinimumContentsLength(50)
        self.combo.currentIndexChanged.connect(self._show_current)
        #: district roadmaps opened from «Районы», named under ``banner``
        self.districts = DistrictRoadmaps(self.combo)
        self.banner = DistrictBanner(self)
        self.date = DateField(QDate.currentDate(), self)
        self.date.dateChanged.connect(self._show_current)
        pdf = QPushButton(self.tr("Отчёт в PDF…"), self)
        pdf.clicked.connect(lambda: self.save_report(".pdf"))
        xlsx = QPushButton(self.tr("Отчёт в Excel…"), self)
        xlsx.clicked.connect(lambda: self.save_report(".xlsx"))
        self.headline = QLabel(self)
        self.sections = FilteredTable(_share_columns("Раздел"), self, stretch_column=0)
        self.executors = FilteredTable(_share_columns("Исполнитель"), self, stretch_column=0)
        self.schools = FilteredTable(_share_columns("Школа"), self, stretch_column=0)
        self.points = FilteredTable(POINT_COLUMNS, self, stretch_column=1)
        self.overdue = FilteredTable(LINE_COLUMNS, self, stretch_column=1)
        self.upcoming = FilteredTable(LINE_COLUMNS, self, stretch_column=1)
        for table in (self.sections, self.points):  # a few rows: nothing to search for
            table.filter_edit.hide()
        for table in (self.overdue, self.upcoming):
            table.view.doubleClicked.connect(
                lambda index, t=table: self._open(t.model.record(t.proxy.mapToSource(index).row())))
        self.chart = MonthsChart(self)
        top = QHBoxLayout()
        top.addWidget(page_heading(self.tr("Отчёты")))
        top.addWidget(self.combo, 1)
        top.addWidget(QLabel(self.tr("на дату"), self))
        top.addWidget(self.date)
        top.addWidget(pdf)
        top.addWidget(xlsx)
        grid = QGridLayout()
        grid.addWidget(_boxed(self.tr("По разделам"), self.sections), 0, 0)
        grid.addWidget(_boxed(self.tr("Контрольные точки"), self.points), 0, 1, 1, 2)
        grid.addWidget(_boxed(self.tr("По месяцам: срок наступает / выполнено"), self.chart), 1, 0)
        grid.addWidget(_boxed(self.tr("Просрочено"), self.overdue), 1, 1)
        grid.addWidget(_boxed(self.tr("Срок в ближайшие 14 дней"), self.upcoming), 1, 2)
        grid.addWidget(_boxed(self.tr("По исполнителям"), self.executors), 2, 0)
        grid.addWidget(_boxed(self.tr("По школам"), self.schools), 2, 1, 1, 2)
        for column, stretch in enumerate((4, 3, 3)):
            grid.setColumnStretch(column, stretch)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.headline)
        layout.addLayout(grid, 1)

    def connect_changes(self, changes: Changes) -> None:
        changes.itemsChanged.connect(lambda _ids: self._show_current())

    def day(self) -> dt.date:
        q = self.date.date()
        return dt.date(q.year(), q.month(), q.day())

    def set_day(self, day: dt.date) -> None:
        self.date.setDate(QDate(day.year, day.month, day.day))

    def reload(self) -> None:
        fill_roadmaps(self.combo, self.source)
        self._show_current()

    def open_roadmap(self, roadmap_id: int) -> bool:
        """Report on ``roadmap_id``: an own roadmap or a district's."""
        return self.districts.choose(self.source.database, roadmap_id)

    def _show_current(self) -> None:
        roadmap_id = self.combo.currentData()
        self.banner.show_for(self.districts.current())
        self.combo.setToolTip(self.combo.currentText())  # a long title is cut in the box
        self.report = None
        if roadmap_id is not None and self.source is not None:
            with self.source.database.reading() as s:
                self.report = build_report(s, roadmap_id, self.day())
        records = report_records(self.report) if self.report else {}
        for name in ("sections", "executors", "schools", "points", "overdue", "upcoming"):
            getattr(self, name).set_rows(records.get(name, []))
        if self.report is None:
            self.headline.setText("")
            self.chart.set_bars([], self.day())
            return
        overall = self.report.overall
        self.headline.setText(self.tr(
            "<b>Выполнено {done} из {total} мероприятий ({share:.0f} %)</b> на {day}; "
            "просрочено: {overdue}; срок в ближайшие 14 дней: {soon}").format(
            done=overall.done, total=overall.total, share=overall.share * 100,
            day=f"{self.report.day:%d.%m.%Y}", overdue=len(self.report.overdue),
            soon=len(self.report.upcoming)))
        self.chart.set_bars(self.report.months, self.report.day)

    def _open(self, record: dict) -> None:
        if self.open_item is not None:
            self.open_item(record["id"])

    def save_report(self, suffix: str, target: Path | None = None) -> Path | None:
        """Write the shown report (asks where unless ``target``); opens it afterwards."""
        assert self.dialogs is not None
        if self.report is None:
            self.dialogs.info(self, self.tr("Отчёт"), self.tr("Сначала выберите дорожную карту."))
            return None
        if target is None:
            target = self.dialogs.save_file(
                self, self.tr("Сохранить отчёт"),
                documents_dir() / suggested_file_name(REPORT, suffix, date=self.report.day),
                "PDF (*.pdf)" if suffix == ".pdf" else "Excel (*.xlsx)")
            if target is None:
                return None
        writer = write_report_pdf if suffix == ".pdf" else write_report_xlsx
        try:
            path = writer(self.report, target)
        except UserError as exc:
            self.dialogs.error(self, self.tr("Отчёт не сохранён"), exc.message)
            return None
        self.dialogs.open_externally(path, self)
        return path

    def status_text(self) -> str:
        return self.tr("Просрочено: {n}").format(n=self.overdue.model.rowCount())
