"""«Районы»: the region's districts — per district roadmap the share done, each monitoring
point against its target, the number overdue and the date of the district's last package;
a double click opens the roadmap read-only; the summary goes to Excel or PDF; a district's
package is imported here (File → Import hands ``.dkp`` files to :meth:`import_package`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import UserError
from desktop.services.region import DistrictFigures, region_overview
from desktop.ui.background import Outcome, run_with_progress
from desktop.ui.region.roadmap_view import DistrictRoadmapView
from desktop.ui.table_model import ColumnDef
from desktop.ui.views.base import FilteredTable, Page, page_heading

if TYPE_CHECKING:
    from desktop.ui.datasource import DataSource

COLUMNS = (
    ColumnDef("Район", "district"),
    ColumnDef("ОКТМО", "oktmo", align_center=True),
    ColumnDef("Дорожная карта", "roadmap"),
    ColumnDef("Выполнено", "done", align_center=True),
    ColumnDef("Доля", "share", lambda v: f"{v * 100:.0f} %" if v is not None else "",
              align_center=True),
    ColumnDef("Контрольные точки", "points"),
    ColumnDef("Просрочено", "overdue", align_center=True),
    ColumnDef("Пакет от", "package", lambda d: f"{d:%d.%m.%Y %H:%M}", align_center=True),
)


def district_rows(districts: list[DistrictFigures]) -> list[dict]:
    """A row per district roadmap (a district without roadmaps: one row saying so)."""
    rows = []
    for d in districts:
        base = {"district": d.name, "oktmo": d.oktmo, "package": d.package_created,
                "district_id": d.district_id}
        if not d.roadmaps:
            rows.append({**base, "roadmap": "нет дорожных карт", "done": "", "share": None,
                         "points": "", "overdue": "", "roadmap_id": None})
        for r in d.roadmaps:
            rows.append({**base, "roadmap": r.title, "roadmap_id": r.roadmap_id,
                         "done": f"{r.overall.done} из {r.overall.total}",
                         "share": r.overall.share, "overdue": len(r.overdue),
                         "points": "; ".join(f"{p.date:%d.%m}: {p.share * 100:.0f} % "
                                             f"(цель {p.target_text}, {p.verdict})"
                                             for p in r.points)})
    return rows


class RegionPage(Page):
    key = "region"
    title = "Районы"

    def __init__(self, source: DataSource | None = None, parent: QWidget | None = None) -> None:
        super().__init__(source, parent)
        self.districts: list[DistrictFigures] = []
        self.opened: list[DistrictRoadmapView] = []
        self.date = QDateEdit(QDate.currentDate(), self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd.MM.yyyy")
        self.date.dateChanged.connect(self.reload)
        open_button = QPushButton(self.tr("Открыть (только просмотр)"), self)
        open_button.clicked.connect(self.open_current)
        xlsx = QPushButton(self.tr("Сводка в Excel…"), self)
        xlsx.clicked.connect(lambda: self.save_summary(".xlsx"))
        pdf = QPushButton(self.tr("Сводка в PDF…"), self)
        pdf.clicked.connect(lambda: self.save_summary(".pdf"))
        self.headline = QLabel(self)
        self.table = FilteredTable(COLUMNS, self, stretch_column=2)
        self.table.view.doubleClicked.connect(lambda _index: self.open_current())
        top = QHBoxLayout()
        top.addWidget(page_heading(self.tr("Районы")))
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("на дату"), self))
        top.addWidget(self.date)
        top.addWidget(open_button)
        top.addWidget(xlsx)
        top.addWidget(pdf)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.headline)
        layout.addWidget(self.table, 1)

    def day(self) -> dt.date:
        return self.date.date().toPython()

    def reload(self) -> None:
        if self.source is None:
            return
        with self.source.database.session() as session:
            self.districts = region_overview(session, self.day())
        self.table.set_rows(district_rows(self.districts))
        if self.districts:
            self.headline.setText(self.tr("Районов: {n}; просрочено всего: {overdue}").format(
                n=len(self.districts), overdue=sum(d.overdue for d in self.districts)))
        else:
            self.headline.setText(self.tr(
                "Районов пока нет: импортируйте их пакеты (Файл → Импорт, файлы .dkp)."))

    def status_text(self) -> str:
        return self.tr("Районов: {n}").format(n=len(self.districts))

    def current_record(self) -> dict | None:
        index = self.table.view.currentIndex()
        if not index.isValid():
            return None
        return self.table.model.record(self.table.proxy.mapToSource(index).row())

    def open_current(self) -> DistrictRoadmapView | None:
        """The chosen district roadmap in a read-only window."""
        record = self.current_record()
        if record is None or record.get("roadmap_id") is None:
            return None
        district = next(d for d in self.districts if d.district_id == record["district_id"])
        roadmap = next(r for r in district.roadmaps if r.roadmap_id == record["roadmap_id"])
        view = DistrictRoadmapView(district.name, roadmap, self.day(), self, self.save_report)
        self.opened.append(view)
        view.finished.connect(lambda _r, v=view: self.opened.remove(v))
        view.show()
        return view

    def import_package(self, path: Path) -> bool:
        """A district's package: read and checked, the preview confirmed, one transaction."""
        from desktop.importers.package import read_package
        from desktop.services.region_import import import_package, preview

        database = self.source.database
        try:
            package = read_package(path)
            with database.session() as session:
                shown = preview(session, package)
                session.rollback()
        except UserError as exc:
            self.dialogs.error(self, self.tr("Импорт невозможен"), str(exc))
            return False
        if shown.unchanged:
            self.dialogs.info(self, self.tr("Пакет района"), "\n".join(shown.lines()))
            return False
        if not self.dialogs.confirm(self, self.tr("Пакет района"),
                                    "\n".join(shown.lines()) + "\n\nИмпортировать?"):
            return False

        def work(_progress: object) -> object:
            with database.write_session() as session:
                return import_package(session, package, database.path)

        outcome = run_with_progress(self, self.tr("Импорт пакета района…"), work)
        if outcome.error is not None:
            self.dialogs.error(self, self.tr("Импорт невозможен"), outcome.error)
            return False
        self.reload()
        return outcome.ok

    def save_report(self, roadmap_id: int, suffix: str, target: Path | None = None) -> Path | None:
        """A district roadmap's progress report on the page's date (the report's own writers)."""
        from desktop.export.report_pdf import write_report_pdf
        from desktop.export.report_xlsx import write_report_xlsx
        from desktop.services.report import build_report

        day, database = self.day(), self.source.database
        target = target or self.dialogs.save_file(
            self, self.tr("Отчёт района"), Path.home() / f"Отчёт района на {day:%d.%m.%Y}{suffix}",
            "Документ PDF (*.pdf)" if suffix == ".pdf" else "Книга Excel (*.xlsx)")
        if target is None:
            return None
        writer = write_report_pdf if suffix == ".pdf" else write_report_xlsx

        def work(_progress: object) -> Path:
            with database.session() as session:
                report = build_report(session, roadmap_id, day)
            return writer(report, target)

        return self._saved(run_with_progress(self, self.tr("Отчёт…"), work), target)

    def _saved(self, outcome: Outcome, target: Path) -> Path | None:
        """Say what became of a file written in the background; offer to open it."""
        if outcome.error is not None:
            self.dialogs.error(self, self.tr("Файл не сохранён"), outcome.error)
            return None
        if self.dialogs.confirm(self, self.tr("Сохранено"),
                                f"Файл сохранён:\n{target}\n\nОткрыть его?"):
            self.dialogs.open_externally(target)
        return target

    def save_summary(self, suffix: str, target: Path | None = None) -> Path | None:
        from desktop.export.region_report import write_region_pdf, write_region_xlsx

        if not self.districts:
            self.dialogs.info(self, self.tr("Сводка"), self.tr("Районов пока нет."))
            return None
        day = self.day()
        target = target or self.dialogs.save_file(
            self, self.tr("Сводка по районам"), Path.home() / f"Районы на {day:%d.%m.%Y}{suffix}",
            "Книга Excel (*.xlsx)" if suffix == ".xlsx" else "Документ PDF (*.pdf)")
        if target is None:
            return None
        writer = write_region_xlsx if suffix == ".xlsx" else write_region_pdf
        districts = self.districts
        return self._saved(run_with_progress(self, self.tr("Сводка…"),
                                             lambda _p: writer(districts, day, target)), target)
