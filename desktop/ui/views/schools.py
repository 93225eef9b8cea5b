"""«Школы»: the editable registry of the district's schools — categories, «500+» years,
curator, risk factors — with a filter, Insert/Delete and a list pasted from Excel."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QDialog, QPushButton, QVBoxLayout, QWidget

from desktop.services import registry
from desktop.ui.registry.delegates import ChoiceDelegate, Options
from desktop.ui.registry.dialogs import PastePreviewDialog, RiskFactorsDialog
from desktop.ui.registry.model import IdRole, RegistryColumn
from desktop.ui.registry.table import EditableTable
from desktop.ui.views.base import Page, page_heading

if TYPE_CHECKING:
    from desktop.ui.changes import Changes
    from desktop.ui.datasource import DataSource

SCHOOL_COLUMNS = (
    RegistryColumn("Краткое", "short_name"),
    RegistryColumn("Полное наименование", "full_name"),
    RegistryColumn("Директор", "director"),
    RegistryColumn("Куратор", "curator_id", "choice", "curator"),
    RegistryColumn("ШНОР", "is_shnor", "bool",
                   tooltip="Школа с низкими образовательными результатами"),
    RegistryColumn("ШССУ", "is_shssu", "bool",
                   tooltip="Школа, функционирующая в сложных социальных условиях"),
    RegistryColumn("ШФЗР", "is_shfzr", "bool", tooltip="Школа в зоне риска"),
    RegistryColumn("«500+»", "project_years", "years",
                   tooltip="Годы участия в проекте «500+» через запятую: 2025, 2026"),
    RegistryColumn("Постпроект.", "post_project", "bool",
                   tooltip="Постпроектное сопровождение"),
    RegistryColumn("Факторы риска, №", "risk_factor_ids", "readonly", "risk_numbers",
                   tooltip="Дважды щёлкните, чтобы выбрать факторы риска",
                   tooltip_key="risk_factors"),
)


def run_modal(dialog: QDialog) -> bool:
    """Show ``dialog`` modally; tests replace a page's ``run_dialog`` instead."""
    return dialog.exec() == QDialog.DialogCode.Accepted


class SchoolsPage(Page):
    key = "schools"
    title = "Школы"

    def __init__(self, source: DataSource | None = None, parent: QWidget | None = None) -> None:
        super().__init__(source, parent)
        #: how dialogs are shown (tests drive the dialog and accept it instead)
        self.run_dialog: Callable[[QDialog], bool] = run_modal
        self.table = EditableTable(self, "school", SCHOOL_COLUMNS, label_field="short_name",
                                   stretch_column=1)
        curator = self.table.model.column_of("curator_id")
        self.table.view.setItemDelegateForColumn(curator, ChoiceDelegate(self._people, self))
        # a double click opens the school's card; F2 or typing edits a cell
        self.table.view.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                        | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.view.doubleClicked.connect(self._on_double_click)
        self.risks_button = QPushButton(self.tr("Факторы риска…"), self)
        self.risks_button.clicked.connect(lambda: self.edit_risk_factors())
        self.paste_button = QPushButton(self.tr("Вставить из Excel"), self)
        self.paste_button.setToolTip(self.tr(
            "Скопируйте в Excel столбцы: краткое наименование, полное наименование, директор, "
            "категории (ШНОР, ШССУ …), год «500+» — и нажмите эту кнопку"))
        self.paste_button.clicked.connect(lambda: self.paste_from_excel())
        self.table.toolbar.insertWidget(2, self.risks_button)
        self.table.toolbar.insertWidget(3, self.paste_button)
        layout = QVBoxLayout(self)
        layout.addWidget(page_heading(self.tr("Школы района")))
        layout.addWidget(self.table, 1)

    def connect_changes(self, changes: Changes) -> None:
        changes.referenceChanged.connect(self.reload)

    def reload(self) -> None:
        with self.source.database.reading() as s:
            rows = registry.school_records(s)
            self.table.seen = registry.seen_versions(s, "school", [r["id"] for r in rows])
            self.table.set_rows(rows)

    def status_text(self) -> str:
        return self.tr("Школ: {n}").format(n=self.table.model.rowCount())

    def _people(self) -> Options:
        with self.source.database.reading() as s:
            return [(p["id"], p["name"]) for p in registry.person_records(s)]

    # -- risk factors ---------------------------------------------------------------------------
    def _on_double_click(self, index: QModelIndex) -> None:
        column = self.table.model.columns[index.column()]
        if column.field == "risk_factor_ids":
            self.edit_risk_factors(index.data(IdRole))
        else:
            self.open_card(index.data(IdRole))

    def open_card(self, school_id: int) -> QDialog:
        """The school's card: profile, concept documents, checklist across roadmaps."""
        from desktop.ui.schools.card import SchoolCard

        card = SchoolCard(self.source.database, self.changes, self.undo_stack, self.dialogs,
                          school_id, self)
        self.run_dialog(card)
        return card

    def edit_risk_factors(self, school_id: int | None = None) -> bool:
        """Choose the school's risk factors in a checkable list; one undoable edit."""
        if school_id is None:
            ids = self.table.selected_ids()
            if not ids:
                return False
            school_id = ids[0]
        record = self.table.model.record(self.table.model.row_of(school_id))
        with self.source.database.reading() as s:
            options = [(f["id"], f"{f['number']}. {f['title']}")
                       for f in registry.risk_factor_records(s)
                       if f["active"] or f["id"] in record["risk_factor_ids"]]
        dialog = RiskFactorsDialog(record["short_name"], options, record["risk_factor_ids"], self)
        if not self.run_dialog(dialog):
            return False
        chosen = dialog.chosen_ids()
        if sorted(chosen) == sorted(record["risk_factor_ids"]):
            return False
        return self.table.commit(school_id, "risk_factor_ids", chosen)

    # -- paste ----------------------------------------------------------------------------------
    def paste_from_excel(self, text: str | None = None) -> int:
        """Add the schools of a list copied from Excel (after a preview); how many were added."""
        if text is None:
            text = QGuiApplication.clipboard().text()
        assert self.dialogs is not None
        if not text.strip():
            self.dialogs.info(self, self.tr("Вставка из Excel"), self.tr(
                "Буфер обмена пуст. Выделите в Excel строки со школами (краткое наименование, "
                "полное наименование, директор, категории, год «500+»), скопируйте их "
                "и нажмите кнопку ещё раз."))
            return 0
        with self.source.database.reading() as s:
            preview = registry.parse_pasted_schools(s, text)
        dialog = PastePreviewDialog(preview, self)
        if not self.run_dialog(dialog) or not preview.added:
            return 0
        ids = self.table.add_rows([p.values for p in preview.added], self.tr(
            "вставку школ из Excel ({n})").format(n=len(preview.added)))
        return len(ids)
