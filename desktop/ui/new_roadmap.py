"""«Новая дорожная карта»: an empty one, one from the demo template, or a copy of an existing
roadmap with every date moved to a new year — created by one undoable command (undo
deletes it).

In use the dialog runs modally (:func:`create_roadmap_dialog`); tests build
:class:`NewRoadmapDialog`, fill its widgets, call ``accept()`` and :func:`create_roadmap`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import UserError
from desktop.models.columns import DEFAULT_PRESET, PRESETS, preset
from desktop.models.deadline_shift import shift_deadline_text
from desktop.models.enums import Level
from desktop.models.versions import RecordKey, roadmap_keys
from desktop.services import listing
from desktop.services import roadmaps as service
from desktop.services.roadmaps import RoadmapProperties
from desktop.ui.commands import CommittingCommand, push
from desktop.ui.roadmap_properties import date_edit, enum_combo, from_qdate, to_qdate

if TYPE_CHECKING:
    from desktop.models.database import Database
    from desktop.ui.changes import Changes
    from desktop.ui.dialogs import Dialogs

EMPTY, TEMPLATE, COPY = "empty", "template", "copy"


@dataclass(frozen=True)
class NewRoadmap:
    """What to create: ``props`` for an empty or template roadmap; for a copy, the source,
    by how many years to move it and the title (empty: the source's, years moved)."""

    mode: str
    props: RoadmapProperties
    source_id: int | None = None
    years: int = 1


def build(session: Session, spec: NewRoadmap) -> int:
    """Create what ``spec`` asks for in ``session``; the new roadmap's id."""
    if spec.mode == COPY:
        assert spec.source_id is not None
        return service.copy_to_year(session, spec.source_id, spec.years,
                                    title=spec.props.title or None)
    create = service.create_from_template if spec.mode == TEMPLATE else service.create_empty
    return create(session, spec.props)


class CreateRoadmapCommand(CommittingCommand):
    """Create a roadmap; undo deletes it, redo creates it again."""

    def __init__(self, database: Database, changes: Changes, spec: NewRoadmap) -> None:
        super().__init__(database, changes, "новая дорожная карта")
        self.spec = spec
        self.roadmap_id: int | None = None

    def records(self, session: Session) -> list[RecordKey]:
        return [] if self.roadmap_id is None else roadmap_keys(session, self.roadmap_id)

    def do(self) -> None:
        with self.session() as s:
            self.roadmap_id = build(s, self.spec)
        self.changes.reference()

    def revert(self) -> None:
        assert self.roadmap_id is not None
        with self.session() as s:
            service.delete_roadmap(s, self.roadmap_id)
        self.changes.reference()


class NewRoadmapDialog(QDialog):
    def __init__(self, database: Database, parent: QWidget | None = None,
                 *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.spec: NewRoadmap | None = None
        with database.reading() as s:
            self.sources = listing.roadmap_summaries(s)
        year = (today or dt.date.today()).year + 1
        self.setWindowTitle(self.tr("Новая дорожная карта"))
        self.empty_radio = QRadioButton(self.tr("Пустая"), self)
        self.template_radio = QRadioButton(self.tr("По образцу (разделы и мероприятия примера)"), self)
        self.copy_radio = QRadioButton(self.tr("Копия существующей с переносом дат на новый год"), self)
        self.modes = QButtonGroup(self)
        for button in (self.empty_radio, self.template_radio, self.copy_radio):
            self.modes.addButton(button)
        self.copy_radio.setEnabled(bool(self.sources))
        self.source_combo = QComboBox(self)
        self.source_combo.setMinimumContentsLength(50)
        for summary in self.sources:
            self.source_combo.addItem(
                f"{summary['title']} ({summary['period_start']:%Y})", summary["id"])
        self.title_edit = QPlainTextEdit(self)
        self.title_edit.setFixedHeight(64)
        self.title_edit.setPlaceholderText(self.tr("Для копии — название исходной с новым годом"))
        self.level_combo = enum_combo(list(Level), Level.MUNICIPAL, self)
        self.start_edit = date_edit(dt.date(year, 1, 1), self)
        self.end_edit = date_edit(dt.date(year, 12, 31), self)
        self.preset_combo = QComboBox(self)
        for key, (title, _columns) in PRESETS.items():
            self.preset_combo.addItem(title, key)
        self.preset_combo.setCurrentIndex(self.preset_combo.findData(DEFAULT_PRESET))
        period = QHBoxLayout()
        for widget in (QLabel(self.tr("с"), self), self.start_edit, QLabel(self.tr("по"), self),
                       self.end_edit):
            period.addWidget(widget)
        period.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Исходная карта"), self.source_combo)
        form.addRow(self.tr("Название"), self.title_edit)
        form.addRow(self.tr("Уровень"), self.level_combo)
        form.addRow(self.tr("Период"), period)
        form.addRow(self.tr("Столбцы таблицы"), self.preset_combo)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b71c1c")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Создать"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for button in (self.empty_radio, self.template_radio, self.copy_radio):
            layout.addWidget(button)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.modes.buttonToggled.connect(self._update)
        self.source_combo.currentIndexChanged.connect(self._update)
        self.start_edit.dateChanged.connect(self._update)
        self.empty_radio.setChecked(True)
        self.resize(720, 0)

    def mode(self) -> str:
        if self.copy_radio.isChecked():
            return COPY
        return TEMPLATE if self.template_radio.isChecked() else EMPTY

    def set_mode(self, mode: str) -> None:
        {EMPTY: self.empty_radio, TEMPLATE: self.template_radio,
         COPY: self.copy_radio}[mode].setChecked(True)

    def _source(self) -> dict | None:
        source_id = self.source_combo.currentData()
        return next((s for s in self.sources if s["id"] == source_id), None)

    def _update(self, *_args: object) -> None:
        copy = self.mode() == COPY
        for widget in (self.level_combo, self.end_edit, self.preset_combo):
            widget.setEnabled(not copy)
        self.source_combo.setEnabled(copy)
        source = self._source()
        if copy and source is not None:
            years = self.start_edit.date().year() - source["period_start"].year
            self.title_edit.setPlaceholderText(shift_deadline_text(source["title"], years))
            self.end_edit.setDate(to_qdate(service.shift_date(source["period_end"], years)))

    def new_roadmap(self) -> NewRoadmap:
        """What the widgets ask for; a Russian :class:`UserError` when it is incomplete."""
        title = " ".join(self.title_edit.toPlainText().split())
        mode = self.mode()
        start, end = from_qdate(self.start_edit.date()), from_qdate(self.end_edit.date())
        if mode == COPY:
            source = self._source()
            if source is None:
                raise UserError(self.tr("Выберите дорожную карту, которую нужно скопировать"))
            years = start.year - source["period_start"].year
            if years == 0:
                raise UserError(self.tr(
                    "Укажите другой год: копия переносит все даты исходной карты на новый год"))
            props = RoadmapProperties(title, Level.MUNICIPAL, start, start)
            return NewRoadmap(COPY, props, source["id"], years)
        props = service.validate(RoadmapProperties(
            title, Level(self.level_combo.currentData()), start, end,
            columns=preset(self.preset_combo.currentData())))
        return NewRoadmap(mode, props)

    def accept(self) -> None:
        try:
            self.spec = self.new_roadmap()
        except UserError as exc:
            self.error.setText(exc.message)
            return
        self.error.clear()
        super().accept()


def create_roadmap(dialog: NewRoadmapDialog, changes: Changes, undo_stack: QUndoStack,
                   dialogs: Dialogs) -> int | None:
    """Push the accepted dialog's roadmap as one command; the new id, or None."""
    if dialog.spec is None:
        return None
    command = CreateRoadmapCommand(dialog.database, changes, dialog.spec)
    if not push(undo_stack, command, dialogs, dialog.parentWidget()):
        return None
    return command.roadmap_id


def create_roadmap_dialog(parent: QWidget | None, database: Database, changes: Changes,
                          undo_stack: QUndoStack, dialogs: Dialogs, *,
                          run_dialog: Callable[[QDialog], bool] | None = None) -> int | None:
    """Ask what roadmap to create and create it (undoable); the new roadmap's id or None."""
    dialog = NewRoadmapDialog(database, parent)
    run = run_dialog or (lambda d: d.exec() == QDialog.DialogCode.Accepted)
    if not run(dialog):
        return None
    return create_roadmap(dialog, changes, undo_stack, dialogs)
