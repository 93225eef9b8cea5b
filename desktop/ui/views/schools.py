"""«Школы»: the registry of the district's schools with categories and risk profiles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.ui.table_model import ColumnDef
from desktop.ui.views.base import FilteredTable, Page, page_heading

if TYPE_CHECKING:
    from desktop.ui.datasource import DataSource


def _joined(value: object) -> str:
    return ", ".join(value) if isinstance(value, list) else ""


def _numbered(value: object) -> str:
    return "\n".join(value) if isinstance(value, list) else ""


SCHOOL_COLUMNS = (
    ColumnDef("Краткое", "short_name"),
    ColumnDef("Полное наименование", "full_name"),
    ColumnDef("Директор", "director"),
    ColumnDef("Куратор", "curator"),
    ColumnDef("Категории", "categories", _joined),
    ColumnDef("Факторы риска", "risk_factors", _numbered),
)


class SchoolsPage(Page):
    key = "schools"
    title = "Школы"

    def __init__(self, source: DataSource | None = None, parent: QWidget | None = None) -> None:
        super().__init__(source, parent)
        self.table = FilteredTable(SCHOOL_COLUMNS, self)
        layout = QVBoxLayout(self)
        layout.addWidget(page_heading(self.tr("Школы района")))
        layout.addWidget(self.table, 1)

    def reload(self) -> None:
        self.table.set_rows(self.source.schools())

    def status_text(self) -> str:
        return self.tr("Школ: {n}").format(n=self.table.model.rowCount())
