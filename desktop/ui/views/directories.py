"""«Справочники»: organisations, people and the risk factor reference list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop.ui.table_model import ColumnDef
from desktop.ui.views.base import FilteredTable, Page, page_heading

ORGANISATION_COLUMNS = (
    ColumnDef("Сокращение", "short_name"),
    ColumnDef("Полное наименование", "full_name"),
)
PEOPLE_COLUMNS = (
    ColumnDef("ФИО", "name"),
    ColumnDef("Должность", "position"),
    ColumnDef("Организация", "organisation"),
    ColumnDef("Телефон", "phone"),
    ColumnDef("Эл. почта", "email"),
)
RISK_COLUMNS = (
    ColumnDef("№", "number", align_center=True),
    ColumnDef("Фактор риска", "title"),
    ColumnDef("Используется", "active", lambda v: "да" if v else "нет", align_center=True),
)

if TYPE_CHECKING:
    from desktop.ui.datasource import DataSource


class DirectoriesPage(Page):
    key = "directories"
    title = "Справочники"

    def __init__(self, source: DataSource | None = None, parent: QWidget | None = None) -> None:
        super().__init__(source, parent)
        self.tabs = QTabWidget(self)
        self.organisations = FilteredTable(ORGANISATION_COLUMNS, self, stretch_column=1)
        self.people = FilteredTable(PEOPLE_COLUMNS, self, stretch_column=1)
        self.risks = FilteredTable(RISK_COLUMNS, self, stretch_column=1)
        self.tabs.addTab(self.organisations, self.tr("Организации"))
        self.tabs.addTab(self.people, self.tr("Люди"))
        self.tabs.addTab(self.risks, self.tr("Факторы риска"))
        layout = QVBoxLayout(self)
        layout.addWidget(page_heading(self.tr("Справочники")))
        layout.addWidget(self.tabs, 1)

    def reload(self) -> None:
        self.organisations.set_rows(self.source.organisations())
        self.people.set_rows(self.source.people())
        self.risks.set_rows(self.source.risk_factors())

    def status_text(self) -> str:
        return self.tr("Организаций: {o} · людей: {p}").format(
            o=self.organisations.model.rowCount(), p=self.people.model.rowCount())
