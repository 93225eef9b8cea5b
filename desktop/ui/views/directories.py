"""«Справочники»: editable organisations, people, the risk factor reference list and the
school calendar (:mod:`desktop.ui.school_calendar`).

Every edit is an undo command; deleting an organisation or a person keeps its name as
text in the items that named it as executor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop.services import registry
from desktop.ui.registry.delegates import ChoiceDelegate, Options
from desktop.ui.registry.model import RegistryColumn
from desktop.ui.registry.table import EditableTable
from desktop.ui.school_calendar.panel import SchoolCalendarPanel
from desktop.ui.views.base import Page, page_heading

if TYPE_CHECKING:
    from desktop.ui.changes import Changes
    from desktop.ui.datasource import DataSource

ORGANISATION_COLUMNS = (
    RegistryColumn("Сокращение", "short_name"),
    RegistryColumn("Полное наименование", "full_name"),
)
PEOPLE_COLUMNS = (
    RegistryColumn("ФИО", "name"),
    RegistryColumn("Должность", "position"),
    RegistryColumn("Организация", "organisation_id", "choice", "organisation"),
    RegistryColumn("Телефон", "phone"),
    RegistryColumn("Эл. почта", "email"),
)
RISK_COLUMNS = (
    RegistryColumn("№", "number"),
    RegistryColumn("Фактор риска", "title"),
    RegistryColumn("Используется", "active", "bool",
                   tooltip="Снятая отметка скрывает фактор при выборе факторов школы"),
)


class DirectoriesPage(Page):
    key = "directories"
    title = "Справочники"

    def __init__(self, source: DataSource | None = None, parent: QWidget | None = None) -> None:
        super().__init__(source, parent)
        self.tabs = QTabWidget(self)
        self.organisations = EditableTable(self, "organisation", ORGANISATION_COLUMNS,
                                           label_field="short_name", stretch_column=1)
        self.people = EditableTable(self, "person", PEOPLE_COLUMNS, label_field="name",
                                    stretch_column=1)
        column = self.people.model.column_of("organisation_id")
        self.people.view.setItemDelegateForColumn(column, ChoiceDelegate(self._organisations, self))
        self.risks = EditableTable(self, "risk_factor", RISK_COLUMNS, label_field="title",
                                   stretch_column=1)
        self.tabs.addTab(self.organisations, self.tr("Организации"))
        self.tabs.addTab(self.people, self.tr("Люди"))
        self.tabs.addTab(self.risks, self.tr("Факторы риска"))
        self.calendar = SchoolCalendarPanel(self)
        self.tabs.addTab(self.calendar, self.tr("Учебный календарь"))
        layout = QVBoxLayout(self)
        layout.addWidget(page_heading(self.tr("Справочники")))
        layout.addWidget(self.tabs, 1)

    def connect_changes(self, changes: Changes) -> None:
        changes.referenceChanged.connect(self.reload)

    def reload(self) -> None:
        with self.source.database.reading() as s:
            for table, kind, rows in ((self.organisations, "organisation",
                                       registry.organisation_records(s)),
                                      (self.people, "person", registry.person_records(s)),
                                      (self.risks, "risk_factor", registry.risk_factor_records(s))):
                table.seen = registry.seen_versions(s, kind, [r["id"] for r in rows])
                table.set_rows(rows)
        self.calendar.reload()

    def status_text(self) -> str:
        return self.tr("Организаций: {o} · людей: {p}").format(
            o=self.organisations.model.rowCount(), p=self.people.model.rowCount())

    def _organisations(self) -> Options:
        with self.source.database.reading() as s:
            return [(o["id"], o["short_name"]) for o in registry.organisation_records(s)]
