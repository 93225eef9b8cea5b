"""The school card (double-click a school, or from the matrix): categories, director,
curator, risk factors; the concept documents, each editable (state, date, file, the
curator's confirmation) as one undoable change; the school's checklist across roadmaps."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services import evidence, school_card
from desktop.services.operations import writing
from desktop.ui.commands import push
from desktop.ui.schools.commands import SetDocumentCommand
from desktop.ui.schools.document_dialog import DocumentDialog
from desktop.ui.table_model import ColumnDef, RecordTableModel
from desktop.visible import visible

if TYPE_CHECKING:
    from desktop.models.database import Database
    from desktop.ui.changes import Changes
    from desktop.ui.dialogs import Dialogs


def _date(value: object) -> str:
    return f"{value:%d.%m.%Y}" if isinstance(value, dt.date) else ""


DOCUMENT_COLUMNS = (
    ColumnDef("Документ", "name"),
    ColumnDef("Состояние", "state_label", align_center=True),
    ColumnDef("Реквизиты", "title"),
    ColumnDef("Дата", "date", _date, align_center=True),
    ColumnDef("Файл", "file_name"),
    ColumnDef("Подтверждён куратором", "confirmed_on",
              lambda v: _date(v) if v else "", align_center=True),
)
CHECKLIST_COLUMNS = (
    ColumnDef("Дорожная карта", "roadmap"),
    ColumnDef("№", "number"),
    ColumnDef("Мероприятие", "activity"),
    ColumnDef("Срок", "deadline"),
    ColumnDef("Статус", "status", align_center=True),
    ColumnDef("Дата", "date", _date, align_center=True),
    ColumnDef("Документ", "evidence"),
)


def _table(columns: tuple[ColumnDef, ...], parent: QWidget) -> tuple[QTableView, RecordTableModel]:
    model = RecordTableModel(columns, parent)
    view = QTableView(parent)
    view.setModel(model)
    view.verticalHeader().setVisible(False)
    view.setWordWrap(True)
    view.horizontalHeader().setStretchLastSection(True)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    return view, model


def _fit_columns(view: QTableView, *, stretch: int, cap: int = 150) -> None:
    """One line per row: every column as wide as its heading and values but at most
    ``cap`` (the full text is in the cell's tooltip), ``stretch`` taking the rest."""
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    for column in range(header.count()):
        if column == stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            continue
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        view.resizeColumnToContents(column)
        view.setColumnWidth(column, min(view.columnWidth(column), cap))


class SchoolCard(QDialog):
    def __init__(self, database: Database, changes: Changes, undo_stack: QUndoStack,
                 dialogs: Dialogs, school_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database, self.changes, self.undo_stack, self.dialogs = (
            database, changes, undo_stack, dialogs)
        self.school_id = school_id
        #: how the document dialog and file choice are made (tests replace them)
        self.run_dialog: Callable[[QDialog], bool] = lambda d: d.exec() == QDialog.DialogCode.Accepted
        self.choose_file: Callable[[], Path | None] = lambda: None
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.profile = QFormLayout()
        self.labels = {key: QLabel(self) for key in ("categories", "director", "curator",
                                                     "risk_factors")}
        for key, title in (("categories", "Категории"), ("director", "Директор"),
                           ("curator", "Куратор"), ("risk_factors", "Факторы риска")):
            self.labels[key].setWordWrap(True)
            self.profile.addRow(self.tr(title), self.labels[key])
        self.documents, self.documents_model = _table(DOCUMENT_COLUMNS, self)
        self.documents.doubleClicked.connect(self._edit_clicked)
        self.checklist, self.checklist_model = _table(CHECKLIST_COLUMNS, self)
        docs_box = QGroupBox(self.tr("Концептуальные документы (двойной щелчок — изменить)"), self)
        QVBoxLayout(docs_box).addWidget(self.documents)
        list_box = QGroupBox(self.tr("Чек-лист школы по всем дорожным картам"), self)
        QVBoxLayout(list_box).addWidget(self.checklist)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.profile)
        layout.addWidget(docs_box, 2)
        layout.addWidget(list_box, 3)
        layout.addWidget(buttons)
        self.setWindowTitle(self.tr("Карточка школы"))
        self.resize(1100, 700)
        changes.referenceChanged.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        with self.database.reading() as s:
            self.data = school_card.card(s, self.school_id)
            # the card as shown: what an edit of its documents begins from
            self.seen = school_card.seen_versions(s, self.school_id)
        self.heading.setText(f"<h3>{self.data['short_name']}</h3>{self.data['full_name']}")
        self.labels["categories"].setText(", ".join(self.data["categories"]) or "—")
        self.labels["director"].setText(self.data["director"] or "—")
        self.labels["curator"].setText(self.data["curator"] or "—")
        self.labels["risk_factors"].setText("\n".join(self.data["risk_factors"]) or "—")
        self.documents_model.set_rows(self.data["documents"])
        self.checklist_model.set_rows(self.data["checklist"])
        _fit_columns(self.documents, stretch=0)
        _fit_columns(self.checklist, stretch=2)

    def _edit_clicked(self, index: QModelIndex) -> None:
        self.edit_document(index.row())

    def edit_document(self, row: int, values: dict[str, Any] | None = None) -> bool:
        """Edit document ``row``; ``values`` skip the dialog (tests, scripted edits)."""
        record = self.data["documents"][row]
        if values is None:
            dialog = DocumentDialog(record["name"], record, record["file_name"], self,
                                    choose_file=self.choose_file, attach=self._attach)
            if not self.run_dialog(dialog):
                return False
            values = dialog.values()
        command = SetDocumentCommand(self.database, self.changes, self.school_id, record["key"],
                                     values, f"документ школы {self.data['short_name']}: "
                                     f"{record['name'][:40]}")
        if command.is_noop():
            return False
        return push(self.undo_stack, command, self.dialogs, self, seen=self.seen)

    def _attach(self, path: Path) -> tuple[int, str]:
        # a file stored for a document (content-addressed): the document's own change,
        # which names it, is the undoable command
        with writing(self.database) as s:
            record = evidence.store_file(s, self.database.path, path)
            return record.id, visible(record.original_name)
