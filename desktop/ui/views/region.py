"""«Районы»: the region's districts — per district roadmap the share done, each monitoring
point against its target, the number overdue and the date of the district's last package;
a double click opens the roadmap read-only in the editor (or the checklist, the report: the
window shows them, see :attr:`RegionPage.openRequested`); the summary goes to Excel or PDF;
a district's package is imported here (File → Import hands ``.dkp`` files to
:meth:`import_package`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import UserError
from desktop.services.operations import DistrictRows, writing
from desktop.services.region import DistrictFigures, region_overview
from desktop.ui.background import Outcome, run_with_progress
from desktop.ui.date_field import DateField
from desktop.ui.table_model import ColumnDef
from desktop.ui.views.base import FilteredTable, Page, page_heading

if TYPE_CHECKING:
    from desktop.services.region_import import Preview
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


def key_change_text(shown: Preview) -> str:
    """The question asked before a district's package signed by a new key is imported."""
    return (f"Пакет района «{shown.district}» подписан другим ключом, чем его прежние пакеты.\n\n"
            f"Прежний ключ: {shown.old_fingerprint}\nНовый ключ: {shown.fingerprint}\n\n"
            "Так бывает, если район переустановил программу или начал новую базу, не перенеся "
            "старую. Если район этого не подтверждает (сверьте отпечаток нового ключа по "
            "телефону), пакет мог сделать кто-то другой.\n\nПринять новый ключ района?")


#: (page key, button text, tooltip) of the pages a district roadmap opens in, the editor first
OPEN_IN = (
    ("roadmaps", "Открыть", "Дорожная карта района в редакторе и на графике (только просмотр)"),
    ("checklist", "Чек-лист", "Отметки школ района (только просмотр)"),
    ("reports", "Отчёт", "Отчёт района на выбранную дату"),
)


class RegionPage(Page):
    key = "region"
    title = "Районы"
    #: (page key, roadmap id, date): show a district's roadmap on that page (the window does)
    openRequested = Signal(str, int, object)

    def __init__(self, source: DataSource | None = None, parent: QWidget | None = None) -> None:
        super().__init__(source, parent)
        self.districts: list[DistrictFigures] = []
        self.date = DateField(QDate.currentDate(), self)
        self.date.dateChanged.connect(self.reload)
        buttons = []
        for key, text, tip in OPEN_IN:
            button = QPushButton(self.tr(text), self)
            button.setToolTip(self.tr(tip))
            button.clicked.connect(lambda _=False, k=key: self.open_current(k))
            buttons.append(button)
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
        for button in buttons:
            top.addWidget(button)
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
        with self.source.database.reading() as session:
            self.districts = region_overview(session, self.day())
        self.table.set_rows(district_rows(self.districts))
        if self.districts:
            self.headline.setText(self.tr("Районов: {n}; просрочено всего: {overdue}").format(
                n=len(self.districts), overdue=sum(d.overdue for d in self.districts)))
        else:
            self.headline.setText(self.tr(
                "Районов пока нет: импортируйте их пакеты (Файл → Импорт, файлы .dkp)."))
        self.statusChanged.emit()

    def status_text(self) -> str:
        return self.tr("Районов: {n}").format(n=len(self.districts))

    def current_record(self) -> dict | None:
        index = self.table.view.currentIndex()
        if not index.isValid():
            return None
        return self.table.model.record(self.table.proxy.mapToSource(index).row())

    def open_current(self, key: str = "roadmaps") -> int | None:
        """Ask the window to show the chosen district roadmap on page ``key`` (the editor,
        the checklist or the report on the page's date); its id, None without one."""
        record = self.current_record()
        if record is None or record.get("roadmap_id") is None:
            return None
        self.openRequested.emit(key, record["roadmap_id"], self.day())
        return record["roadmap_id"]

    def import_package(self, path: Path) -> bool:
        """A district's package: read and checked, the preview confirmed, one transaction."""
        from desktop.importers.package import read_package
        from desktop.services.region_import import import_package, preview

        database = self.source.database
        try:
            package = read_package(path)
            with database.reading() as session:
                shown = preview(session, package)
                session.rollback()
        except UserError as exc:
            self.dialogs.error(self, self.tr("Импорт невозможен"), str(exc))
            return False
        if shown.unchanged:
            self.dialogs.info(self, self.tr("Пакет района"), "\n".join(shown.lines()))
            return False
        accept_key = None
        if shown.key_changed:
            if not self.dialogs.confirm(self, self.tr("Ключ подписи района сменился"),
                                        key_change_text(shown)):
                return False
            accept_key = shown.fingerprint
        if not self.dialogs.confirm(self, self.tr("Пакет района"),
                                    "\n".join(shown.lines()) + "\n\nИмпортировать?"):
            return False

        def work(_progress: object) -> object:
            with writing(database, districts=DistrictRows.ALLOW) as session:
                return import_package(session, package, database.path, accept_key=accept_key)

        outcome = run_with_progress(self, self.tr("Импорт пакета района…"), work)
        if outcome.error is not None:
            self.dialogs.error(self, self.tr("Импорт невозможен"), outcome.error)
            return False
        self.reload()
        return outcome.ok

    def _saved(self, outcome: Outcome, target: Path) -> Path | None:
        """Say what became of a file written in the background; offer to open it."""
        if outcome.error is not None:
            self.dialogs.error(self, self.tr("Файл не сохранён"), outcome.error)
            return None
        if self.dialogs.confirm(self, self.tr("Сохранено"),
                                f"Файл сохранён:\n{target}\n\nОткрыть его?"):
            self.dialogs.open_externally(target, self)
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
