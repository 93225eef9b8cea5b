"""A district's roadmap, read-only: its monitoring points and every item with its deadline,
state and executors, as the district last sent them (nothing here can be edited)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop.services.monitoring import Line
from desktop.services.region import RoadmapFigures
from desktop.ui.table_model import ColumnDef
from desktop.ui.views.base import FilteredTable

POINT_COLUMNS = (
    ColumnDef("Дата", "date", lambda d: f"{d:%d.%m.%Y}"),
    ColumnDef("Контрольная точка", "title"),
    ColumnDef("Цель", "target", align_center=True),
    ColumnDef("Выполнено", "share", lambda v: f"{v * 100:.0f} %", align_center=True),
    ColumnDef("Достигнута", "verdict", align_center=True),
)
ITEM_COLUMNS = (
    ColumnDef("№", "number"),
    ColumnDef("Мероприятие", "activity"),
    ColumnDef("Срок", "deadline"),
    ColumnDef("Состояние", "state", align_center=True),
    ColumnDef("Исполнители", "executors"),
)


def _state(line: Line, day: dt.date) -> str:
    if line.cancelled:
        return "отменено"
    if line.done_at(day):
        return f"выполнено {line.done_date:%d.%m.%Y}"
    return "просрочено" if line.overdue_at(day) else "не выполнено"


class DistrictRoadmapView(QDialog):
    """Read-only: the window shows it without ``exec()`` (it holds no edit to confirm)."""

    def __init__(self, district: str, roadmap: RoadmapFigures, day: dt.date,
                 parent: QWidget | None = None,
                 save_report: Callable[[int, str], object] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("{district}: {title} (только просмотр)").format(
            district=district, title=roadmap.title))
        self.resize(1100, 700)
        heading = QLabel(self.tr("{district} — на {day}: выполнено {done} из {total}, "
                                 "просрочено {overdue}").format(
            district=district, day=f"{day:%d.%m.%Y}", done=roadmap.overall.done,
            total=roadmap.overall.total, overdue=len(roadmap.overdue)), self)
        heading.setWordWrap(True)
        self.points = FilteredTable(POINT_COLUMNS, self, stretch_column=1)
        self.points.set_rows([{"date": p.date, "title": p.title, "target": p.target_text,
                               "share": p.share, "verdict": p.verdict} for p in roadmap.points])
        self.items = FilteredTable(ITEM_COLUMNS, self, stretch_column=1)
        self.items.set_rows([{"number": ln.number, "activity": ln.activity,
                              "deadline": ln.deadline_text, "state": _state(ln, day),
                              "executors": ", ".join(ln.executors)} for ln in roadmap.lines])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        if save_report is not None:  # the district's progress report, as its own app prints it
            for text, suffix in ((self.tr("Отчёт в PDF…"), ".pdf"),
                                 (self.tr("Отчёт в Excel…"), ".xlsx")):
                button = buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
                button.clicked.connect(
                    lambda _=False, s=suffix: save_report(roadmap.roadmap_id, s))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.points, 1)
        layout.addWidget(self.items, 3)
        layout.addWidget(buttons)
