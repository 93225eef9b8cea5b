"""«Свойства дорожной карты»: title, level, period, goal, tasks, status, the document's parts
(passport, basis, justification, indicators, appendices, their order and headings, the
closing signature), monitoring points and the column profile, saved as one undoable command.

Changing the period re-parses every item's deadline against it; undo puts back the
old properties and the parsed deadlines exactly. In use the dialog runs modally
(:func:`edit_roadmap_properties`); tests build :class:`RoadmapPropertiesDialog`, fill its
widgets, call ``accept()`` and :func:`save_properties`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import UserError
from desktop.models.enums import Level, RoadmapStatus, label
from desktop.services import roadmaps as service
from desktop.services.roadmap_parts import PartsData
from desktop.services.roadmaps import PointData, RoadmapProperties
from desktop.ui.column_profile_editor import ColumnProfileEditor
from desktop.ui.commands import CommittingCommand, push
from desktop.ui.date_field import DateField
from desktop.ui.parts.appendices import AppendicesTab
from desktop.ui.parts.indicators import IndicatorsTab
from desktop.ui.parts.layout import LayoutTab
from desktop.ui.parts.texts import PartTextsTab

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from desktop.models.database import Database
    from desktop.models.versions import RecordKey
    from desktop.ui.changes import Changes
    from desktop.ui.dialogs import Dialogs


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def date_edit(day: dt.date, parent: QWidget) -> QDateEdit:
    edit = DateField(to_qdate(day), parent)
    return edit


def enum_combo(values: list, current: object, parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    for value in values:
        combo.addItem(label(value), value.value)
    combo.setCurrentIndex(max(combo.findData(getattr(current, "value", current)), 0))
    return combo


class RoadmapPropertiesCommand(CommittingCommand):
    """Store new properties; undo restores the old ones and the items' parsed deadlines."""

    def __init__(self, database: Database, changes: Changes, roadmap_id: int,
                 new: RoadmapProperties) -> None:
        super().__init__(database, changes, "изменение свойств дорожной карты")
        with database.reading() as s:
            self.old = service.read_properties(s, roadmap_id)
            self.old_deadlines = service.deadline_state(s, roadmap_id)
        self.roadmap_id, self.new = roadmap_id, new
        #: the items whose parsed deadlines the first run changed (a new period): the
        #: undo puts back just those, the others may be another user's since
        self.reparsed: list[int] | None = None

    def records(self, session: Session) -> list[RecordKey]:
        return [("roadmaps", self.roadmap_id), *(("items", i) for i in self.reparsed or ())]

    def do(self) -> None:
        with self.session() as s:
            service.apply_properties(s, self.roadmap_id, self.new)
            if self.reparsed is None:
                s.flush()
                now = service.deadline_state(s, self.roadmap_id)
                self.reparsed = sorted(i for i, state in now.items()
                                       if self.old_deadlines.get(i) != state)
        self._notify()

    def revert(self) -> None:
        with self.session() as s:
            service.apply_properties(s, self.roadmap_id, self.old, reparse=False)
            service.restore_deadline_state(s, {i: self.old_deadlines[i]
                                               for i in self.reparsed or ()})
        self._notify()

    def _notify(self) -> None:
        self.changes.roadmap(self.roadmap_id)
        self.changes.reference()


class MonitoringPointsTable(QWidget):
    """The monitoring points: date, target min %, max %, title; rows added and removed."""

    HEADERS = ("Дата", "Не менее, %", "Не более, %", "Название")

    def __init__(self, points: tuple[PointData, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in self.HEADERS])
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.add_button = QPushButton(self.tr("Добавить точку"), self)
        self.add_button.clicked.connect(lambda: self.add_point(None))
        self.remove_button = QPushButton(self.tr("Удалить точку"), self)
        self.remove_button.clicked.connect(self.remove_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        for point in points:
            self.add_point(point)

    def add_point(self, point: PointData | None, *, default_date: dt.date | None = None) -> int:
        point = point or PointData(default_date or dt.date.today(), 50.0, None, "")
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setCellWidget(row, 0, date_edit(point.date, self.table))
        high = "" if point.target_max is None else f"{point.target_max:g}"
        for col, text in ((1, f"{point.target_min:g}"), (2, high), (3, point.title)):
            self.table.setItem(row, col, QTableWidgetItem(text))
        return row

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def points(self) -> tuple[PointData, ...]:
        points = []
        for row in range(self.table.rowCount()):
            edit = self.table.cellWidget(row, 0)
            assert isinstance(edit, QDateEdit)
            texts = [(self.table.item(row, c).text() if self.table.item(row, c) else "").strip()
                     for c in (1, 2, 3)]
            try:
                low = float(texts[0].replace(",", ".") or "nan")
                high = float(texts[1].replace(",", ".")) if texts[1] else None
            except ValueError:
                low = float("nan")
                high = None
            if low != low:  # NaN: not a number
                raise UserError(self.tr(
                    "Контрольная точка {n}: укажите целевой процент числом").format(n=row + 1))
            points.append(PointData(from_qdate(edit.date()), low, high, texts[2]))
        return tuple(sorted(points, key=lambda p: p.date))


class RoadmapPropertiesDialog(QDialog):
    def __init__(self, database: Database, roadmap_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database, self.roadmap_id = database, roadmap_id
        with database.reading() as s:
            props = service.read_properties(s, roadmap_id)
        self.original = props
        self.result_properties: RoadmapProperties | None = None
        self.setWindowTitle(self.tr("Свойства дорожной карты"))
        self.title_edit = QPlainTextEdit(props.title, self)
        self.title_edit.setFixedHeight(64)
        self.level_combo = enum_combo(list(Level), props.level, self)
        self.status_combo = enum_combo(list(RoadmapStatus), props.status, self)
        self.start_edit = date_edit(props.period_start, self)
        self.end_edit = date_edit(props.period_end, self)
        self.goal_edit = QPlainTextEdit(props.goal, self)
        self.tasks_edit = QPlainTextEdit(props.tasks, self)
        period = QHBoxLayout()
        period.addWidget(QLabel(self.tr("с"), self))
        period.addWidget(self.start_edit)
        period.addWidget(QLabel(self.tr("по"), self))
        period.addWidget(self.end_edit)
        period.addStretch(1)
        main = QWidget(self)
        form = QFormLayout(main)
        form.addRow(self.tr("Название*"), self.title_edit)
        form.addRow(self.tr("Уровень"), self.level_combo)
        form.addRow(self.tr("Период"), period)
        form.addRow(self.tr("Статус"), self.status_combo)
        form.addRow(self.tr("Цель"), self.goal_edit)
        form.addRow(self.tr("Задачи"), self.tasks_edit)
        self.points = MonitoringPointsTable(props.monitoring_points, self)
        self.points.add_button.clicked.disconnect()
        self.points.add_button.clicked.connect(
            lambda: self.points.add_point(None, default_date=from_qdate(self.end_edit.date())))
        self.columns = ColumnProfileEditor(props.columns, self)
        parts = props.parts
        self.part_texts = PartTextsTab(parts, self)
        self.indicators = IndicatorsTab(parts.indicator_periods, parts.indicators, self)
        self.appendices = AppendicesTab(parts.appendices, self)
        self.layout_tab = LayoutTab(parts.order, parts.headings, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(main, self.tr("Основное"))
        self.tabs.addTab(self.part_texts, self.tr("Паспорт и основания"))
        self.tabs.addTab(self.indicators, self.tr("Показатели"))
        self.tabs.addTab(self.appendices, self.tr("Приложения"))
        self.tabs.addTab(self.layout_tab, self.tr("Оформление"))
        self.tabs.addTab(self.points, self.tr("Контрольные точки"))
        self.tabs.addTab(self.columns, self.tr("Столбцы таблицы"))
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b71c1c")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(900, 600)

    def properties(self) -> RoadmapProperties:
        """What the widgets say, checked; a Russian :class:`UserError` when it is wrong."""
        start, end = from_qdate(self.start_edit.date()), from_qdate(self.end_edit.date())
        return service.validate(RoadmapProperties(
            title=" ".join(self.title_edit.toPlainText().split()),
            level=Level(self.level_combo.currentData()),
            period_start=start, period_end=end,
            goal=self.goal_edit.toPlainText().strip(), tasks=self.tasks_edit.toPlainText().strip(),
            status=RoadmapStatus(self.status_combo.currentData()),
            monitoring_points=self.points.points(), columns=self.columns.profile(),
            parts=self.parts()))

    def parts(self) -> PartsData:
        """The document's parts as the tabs show them."""
        periods, indicators = self.indicators.value()
        order, headings = self.layout_tab.value()
        return PartsData(texts=self.part_texts.texts(), indicator_periods=periods,
                         indicators=indicators, appendices=self.appendices.value(),
                         headings=headings, order=order)

    def accept(self) -> None:
        try:
            self.result_properties = self.properties()
        except UserError as exc:
            self.error.setText(exc.message)
            return
        self.error.clear()
        super().accept()


def save_properties(dialog: RoadmapPropertiesDialog, changes: Changes, undo_stack: QUndoStack,
                    dialogs: Dialogs) -> bool:
    """Push the accepted dialog's properties as one command; False when nothing changed."""
    new = dialog.result_properties
    if new is None or new == dialog.original:
        return False
    command = RoadmapPropertiesCommand(dialog.database, changes, dialog.roadmap_id, new)
    return push(undo_stack, command, dialogs, dialog.parentWidget())


def edit_roadmap_properties(parent: QWidget | None, database: Database, changes: Changes,
                            undo_stack: QUndoStack, dialogs: Dialogs, roadmap_id: int, *,
                            run_dialog: Callable[[QDialog], bool] | None = None) -> bool:
    """Show the properties of a roadmap; True when a change was stored (undoable)."""
    try:
        dialog = RoadmapPropertiesDialog(database, roadmap_id, parent)
    except UserError as exc:
        dialogs.error(parent, "Свойства дорожной карты", exc.message)
        return False
    run = run_dialog or (lambda d: d.exec() == QDialog.DialogCode.Accepted)
    if not run(dialog):
        return False
    return save_properties(dialog, changes, undo_stack, dialogs)
