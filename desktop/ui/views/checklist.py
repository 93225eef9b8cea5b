"""«Чек-листы»: the per-school checklist matrix of a roadmap with its filters, bulk «mark
done», the cell dialog, the history of the current cell, and a school form's import; a
district's roadmap (opened from «Районы») is shown read-only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import UserError
from desktop.models.enums import ItemStatus
from desktop.models.versions import Seen, roadmap_versions
from desktop.services import evidence
from desktop.services.checklist import Cell, CellState
from desktop.services.checklist_matrix import item_rows, load_matrix
from desktop.services.operations import writing
from desktop.services.school_forms import FORM_SOURCE, form_changes, read_form
from desktop.ui.checklist.cell_dialog import CellDialog, DoneDateDialog
from desktop.ui.checklist.commands import SetCellsCommand
from desktop.ui.checklist.history import HistoryPanel
from desktop.ui.checklist.model import FIXED_COLUMNS, ChecklistModel, MatrixFilter
from desktop.ui.checklist.view import ChecklistView
from desktop.ui.commands import push
from desktop.ui.region.district_roadmap import DistrictBanner, DistrictRoadmaps
from desktop.ui.schools.card import SchoolCard
from desktop.ui.views.base import Page, fill_roadmaps, page_heading
from desktop.visible import visible

if TYPE_CHECKING:
    from desktop.ui.changes import Changes
    from desktop.ui.datasource import DataSource


def run_modal(dialog: QDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


def pick_file(parent: QWidget, title: str, file_filter: str = "") -> Path | None:
    """A file to attach or import, from the folder last used (else the documents)."""
    from desktop.ui import folders

    name, _ = QFileDialog.getOpenFileName(parent, title, str(folders.start_folder()),
                                          file_filter)
    if not name:
        return None
    folders.remember(Path(name))
    return Path(name)


class ChecklistPage(Page):
    key = "checklist"
    title = "Чек-листы"

    def __init__(self, source: DataSource | None = None, parent: QWidget | None = None) -> None:
        super().__init__(source, parent)
        #: how dialogs and file choices are made (tests replace them)
        self.run_dialog: Callable[[QDialog], bool] = run_modal
        self.choose_file: Callable[[str], Path | None] = lambda title: pick_file(self, title)
        self.model = ChecklistModel(self)
        self.view = ChecklistView(self.model, self)
        self.view.toggleRequested.connect(self.toggle)
        self.view.editRequested.connect(self.edit_cell)
        self.view.cellChanged.connect(self._show_history)
        # a double click on a school's heading opens its card
        self.view.horizontalHeader().sectionDoubleClicked.connect(self._card_of_column)
        self.history = HistoryPanel(self)
        self.roadmap = QComboBox(self)
        self.roadmap.setMinimumContentsLength(40)
        self.roadmap.currentIndexChanged.connect(self._load)
        #: district roadmaps opened from «Районы»: shown under ``banner``, not marked
        self.districts = DistrictRoadmaps(self.roadmap)
        self.banner = DistrictBanner(self)
        self.category, self.section, self.executor = (QComboBox(self) for _ in range(3))
        self.overdue = QCheckBox(self.tr("только просроченные"), self)
        for combo in (self.category, self.section, self.executor):
            combo.currentIndexChanged.connect(self._apply_filter)
        self.overdue.toggled.connect(self._apply_filter)
        done = QPushButton(self.tr("Отметить выполненным…"), self)
        done.setToolTip(self.tr("Все выделенные ячейки — одной датой"))
        done.clicked.connect(lambda: self.mark_done())
        self.done_button = done
        card = QPushButton(self.tr("Карточка школы"), self)
        card.clicked.connect(self._open_card)
        form = QPushButton(self.tr("Загрузить форму школы…"), self)
        form.clicked.connect(lambda: self.import_form())
        self.form_button = form
        top = QHBoxLayout()
        top.addWidget(page_heading(self.tr("Чек-листы школ")))
        top.addWidget(self.roadmap, 1)
        filters = QHBoxLayout()
        for text, widget in ((self.tr("Школы:"), self.category), (self.tr("Раздел:"), self.section),
                             (self.tr("Исполнитель:"), self.executor)):
            filters.addWidget(QLabel(text, self))
            filters.addWidget(widget, 1)
        filters.addWidget(self.overdue)
        actions = QHBoxLayout()
        for button in (done, card, form):
            actions.addWidget(button)
        actions.addStretch(1)
        self.keys_hint = QLabel(self.tr("Пробел — выполнено/не начато, Enter — изменить"), self)
        actions.addWidget(self.keys_hint)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.view)
        splitter.addWidget(self.history)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)

    def connect_changes(self, changes: Changes) -> None:
        changes.itemsChanged.connect(self._items_changed)
        changes.roadmapChanged.connect(lambda _id: self._load())
        changes.referenceChanged.connect(self._load)

    # -- loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        fill_roadmaps(self.roadmap, self.source)
        self._load()

    def open_roadmap(self, roadmap_id: int) -> bool:
        """Show ``roadmap_id``'s matrix: an own roadmap, or a district's (read-only; its
        marks are refused by the undo commands, see :mod:`desktop.services.district_guard`)."""
        return self.districts.choose(self.source.database, roadmap_id)

    def _load(self) -> None:
        roadmap_id = self.roadmap.currentData()
        district = self.districts.current()
        self.banner.show_for(district)
        for button in (self.done_button, self.form_button):
            button.setEnabled(district is None)
        self.keys_hint.setVisible(district is None)
        matrix = None
        self.seen: dict[Any, Any] = {}
        if roadmap_id is not None:
            with self.source.database.reading() as s:
                matrix = load_matrix(s, roadmap_id)
                # the marks as the user sees them: what an edit of the cells begins from
                self.seen = Seen(roadmap_versions(s, roadmap_id, ("items", "checklist_rows")),
                                 ("items", "checklist_rows"))
        self._fill_filters(matrix)
        self.model.set_matrix(matrix)
        self._apply_filter()
        self.statusChanged.emit()  # «Мероприятий: N, школ: M» of the roadmap now shown

    def _fill_filters(self, matrix: object) -> None:
        items = getattr(matrix, "items", [])
        schools = getattr(matrix, "schools", [])
        choices = (
            (self.category, self.tr("все"), sorted({c for s in schools for c in s.categories})),
            (self.section, self.tr("все"), list(dict.fromkeys((i.section_id, i.section)
                                                                 for i in items))),
            (self.executor, self.tr("все"), sorted({e for i in items for e in i.executors})),
        )
        for combo, everyone, values in choices:
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everyone, None)
            for value in values:
                if isinstance(value, tuple):
                    combo.addItem(value[1], value[0])
                else:
                    combo.addItem(value, value)
            combo.blockSignals(False)

    def _apply_filter(self) -> None:
        self.model.set_filter(MatrixFilter(self.category.currentData(), self.section.currentData(),
                                           self.executor.currentData(), self.overdue.isChecked()))

    def _items_changed(self, item_ids: list[int]) -> None:
        if self.model.matrix is None:
            return
        with self.source.database.reading() as s:
            item_rows(s, self.model.matrix, item_ids)
        self.model.refresh_items(item_ids)
        self._show_history(self.model.cell_at(self.view.currentIndex()))

    def _show_history(self, cell: Cell | None) -> None:
        self.history.show_cell(self.source.database, cell, self._caption(cell) if cell else "")

    def _caption(self, cell: Cell) -> str:
        matrix = self.model.matrix
        assert matrix is not None
        item = next(i for i in matrix.items if i.id == cell[0])
        school = next(s for s in matrix.schools if s.id == cell[1])
        return f"{item.number} — {school.short_name}"

    # -- edits --------------------------------------------------------------------------------
    def _push(self, states: dict[Cell, CellState], text: str, source: str = "окно") -> bool:
        assert self.undo_stack is not None and self.changes is not None and self.dialogs
        command = SetCellsCommand(self.source.database, self.changes, states, text, source=source)
        if command.is_noop():
            return False
        return push(self.undo_stack, command, self.dialogs, self, seen=self.seen)

    def _text(self, cells: list[Cell], what: str) -> str:
        if len(cells) == 1:
            return f"{what}: {self._caption(cells[0])}"
        return f"{what}: {len(cells)} ячеек"

    def toggle(self, cells: list[Cell], *, today: dt.date | None = None) -> bool:
        """Space: done today ↔ not started (all done → all not started, else all done)."""
        states = {c: self.model.state(c) for c in cells}
        day = today or dt.date.today()
        if all(s.status is ItemStatus.DONE for s in states.values()):
            new = {c: CellState(ItemStatus.PLANNED, None, s.comment, s.evidence)
                   for c, s in states.items()}
        else:
            new = {c: s if s.status is ItemStatus.DONE else s.done(day) for c, s in states.items()}
        return self._push(new, self._text(cells, "отметка"))

    def mark_done(self, cells: list[Cell] | None = None, day: dt.date | None = None) -> bool:
        """Bulk: every selected cell done on one date (asked when not given)."""
        cells = cells if cells is not None else self.view.selected_cells()
        if not cells:
            return False
        if day is None:
            dialog = DoneDateDialog(len(cells), self)
            if not self.run_dialog(dialog):
                return False
            day = dialog.day()
        new = {c: self.model.state(c).done(day) for c in cells}
        return self._push(new, self._text(cells, "отметка «выполнено»"))

    def edit_cell(self, cell: Cell) -> bool:
        """Enter: the cell dialog; one undoable change on OK."""
        dialog = CellDialog(self._caption(cell), self.model.state(cell), self,
                            choose_file=lambda: self.choose_file(self.tr("Файл документа")),
                            attach=self._attach, open_file=self.open_evidence)
        if not self.run_dialog(dialog):
            return False
        return self._push({cell: dialog.state()}, self._text([cell], "отметка"))

    def _attach(self, path: Path) -> tuple[int, str]:
        # a file stored for a cell's evidence (content-addressed): the cell's own change,
        # which names it, is the undoable command
        with writing(self.source.database) as s:
            record = evidence.store_file(s, self.source.database.path, path)
            return record.id, visible(record.original_name)

    def open_evidence(self, file_id: int) -> None:
        assert self.dialogs is not None
        try:
            with self.source.database.reading() as s:
                path = evidence.open_path(s, self.source.database.path, file_id)
        except UserError as exc:
            self.dialogs.error(self, self.tr("Файл"), exc.message)
            return
        self.dialogs.open_externally(path, self)

    def import_form(self, path: Path | None = None) -> int:
        """A school's filled-in form: preview the changes, then one undoable change."""
        assert self.dialogs is not None
        path = path or self.choose_file(self.tr("Форма школы (.xlsx)"))
        if path is None:
            return 0
        try:
            form = read_form(path)
            with self.source.database.reading() as s:
                preview = form_changes(s, form)
        except UserError as exc:
            self.dialogs.error(self, self.tr("Форма школы"), exc.message)
            return 0
        if not preview.changes:
            self.dialogs.info(self, self.tr("Форма школы"), self.tr("Форма ничего не меняет."))
            return 0
        text = self.tr("Школа {school}, изменений: {n}\n\n{lines}\n\nЗаписать?").format(
            school=form.school, n=len(preview.changes), lines="\n".join(preview.lines[:30]))
        if not self.dialogs.confirm(self, self.tr("Форма школы"), text):
            return 0
        self.open_roadmap(form.roadmap_id)
        stored = self._push(preview.changes, f"форма школы {form.school}", source=FORM_SOURCE)
        return len(preview.changes) if stored else 0

    def _open_card(self) -> None:
        self._card_of_column(self.view.currentIndex().column())

    def _card_of_column(self, column: int) -> None:
        if column >= FIXED_COLUMNS:
            self.open_card(self.model.columns[column - FIXED_COLUMNS].id)

    def open_card(self, school_id: int) -> SchoolCard:
        """The school's card (a dialog; its edits are undoable like the matrix's)."""
        assert self.undo_stack is not None and self.changes is not None and self.dialogs
        card = SchoolCard(self.source.database, self.changes, self.undo_stack, self.dialogs,
                          school_id, self)
        card.choose_file = lambda: self.choose_file(self.tr("Файл документа"))
        self.run_dialog(card)
        return card

    def status_text(self) -> str:
        return self.tr("Мероприятий: {n}, школ: {m}").format(
            n=len(self.model.rows) - len(self.model.section_rows()), m=len(self.model.columns))
