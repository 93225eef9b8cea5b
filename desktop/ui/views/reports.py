"""«Отчёты»: progress of a roadmap by section, at its monitoring points, and what is overdue."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QVBoxLayout, QWidget

from desktop.ui.table_model import ColumnDef
from desktop.ui.views.base import FilteredTable, Page, page_heading

if TYPE_CHECKING:
    from desktop.ui.datasource import DataSource


def _percent(value: object) -> str:
    return f"{value * 100:.0f} %" if isinstance(value, float) else ""


def _date(value: object) -> str:
    return value.strftime("%d.%m.%Y") if isinstance(value, dt.date) else ""


SECTION_COLUMNS = (
    ColumnDef("Раздел", "section"),
    ColumnDef("Выполнено", "done", align_center=True),
    ColumnDef("Всего", "total", align_center=True),
    ColumnDef("Доля", "share", _percent, align_center=True),
)
POINT_COLUMNS = (
    ColumnDef("Дата", "date", _date),
    ColumnDef("Контрольная точка", "title"),
    ColumnDef("Цель", "target", align_center=True),
    ColumnDef("Факт", "actual", _percent, align_center=True),
    ColumnDef("Достигнута", "reached", align_center=True),
)
OVERDUE_COLUMNS = (
    ColumnDef("№", "number"),
    ColumnDef("Мероприятие", "activity"),
    ColumnDef("Срок", "deadline"),
    ColumnDef("Исполнители", "executors"),
)


def _boxed(title: str, widget: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.addWidget(widget)
    return box


class ReportsPage(Page):
    key = "reports"
    title = "Отчёты"

    def __init__(self, source: DataSource | None = None, parent: QWidget | None = None) -> None:
        super().__init__(source, parent)
        self.combo = QComboBox(self)
        self.combo.setMinimumContentsLength(60)
        self.combo.currentIndexChanged.connect(self._show_current)
        self.sections = FilteredTable(SECTION_COLUMNS, self, stretch_column=0)
        self.points = FilteredTable(POINT_COLUMNS, self, stretch_column=1)
        self.overdue = FilteredTable(OVERDUE_COLUMNS, self, stretch_column=1)
        top = QHBoxLayout()
        top.addWidget(page_heading(self.tr("Исполнение")))
        top.addWidget(self.combo, 1)
        grid = QHBoxLayout()
        grid.addWidget(_boxed(self.tr("По разделам"), self.sections), 3)
        grid.addWidget(_boxed(self.tr("Контрольные точки"), self.points), 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        layout.addWidget(_boxed(self.tr("Просроченные мероприятия"), self.overdue), 1)

    def reload(self) -> None:
        current = self.combo.currentData()
        self.combo.blockSignals(True)
        self.combo.clear()
        for summary in self.source.roadmaps():
            self.combo.addItem(summary["title"], summary["id"])
        self.combo.blockSignals(False)
        index = self.combo.findData(current) if current is not None else 0
        self.combo.setCurrentIndex(max(index, 0))
        self._show_current()

    def _show_current(self) -> None:
        roadmap_id = self.combo.currentData()
        report = (self.source.progress_report(roadmap_id) if roadmap_id is not None
                  else {"sections": [], "points": [], "overdue": []})
        self.sections.set_rows(report["sections"])
        self.points.set_rows(report["points"])
        self.overdue.set_rows(report["overdue"])

    def status_text(self) -> str:
        return self.tr("Просрочено: {n}").format(n=self.overdue.model.rowCount())
