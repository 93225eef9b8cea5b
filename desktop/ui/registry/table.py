"""An editable registry table: a toolbar (add, delete, extra buttons), a filter box and the
view; every edit, addition and deletion goes through an undo command on the page's stack.

Insert adds a row, Delete removes the selected rows (after ``dialogs.confirm``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services import registry
from desktop.services.executor_merge import usage
from desktop.ui.commands import push
from desktop.ui.registry.commands import (
    AddRowsCommand,
    DeleteRowsCommand,
    MergeEntriesCommand,
    SetValueCommand,
)
from desktop.ui.registry.model import IdRole, RegistryColumn, RegistryTableModel, SortRole
from desktop.ui.views.base import configure_rows_view

if TYPE_CHECKING:
    from desktop.ui.views.base import Page

#: the widest a column other than the wide one starts (longer texts wrap)
NARROW_LIMIT = 320
#: the wide column never gets narrower than this (unless its texts are all shorter)
WIDE_FLOOR = 380


class SearchProxy(QSortFilterProxyModel):
    """Filters on everything a row shows (ticked boxes by their titles), case-insensitively."""

    needle = ""

    def set_needle(self, text: str) -> None:
        self.needle = text.strip().casefold()
        self.invalidate()

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self.needle:
            return True
        model = self.sourceModel()
        assert isinstance(model, RegistryTableModel)
        return self.needle in model.search_text(source_row).casefold()


class RegistryView(QTableView):
    """A table view that turns Insert and Delete (outside an editor) into requests.

    Its wide column (long names, wrapped) takes the width the others leave, but never
    less than ``wide_floor``: on a narrow screen the table scrolls sideways instead of
    squeezing the names to a few letters. Rows grow to their wrapped text.
    """

    insertRequested = Signal()
    deleteRequested = Signal()
    #: the column that takes the free width (None: the last one stretches)
    wide_column: int | None = None
    #: the wide column's least width (set from its contents when rows arrive)
    wide_floor = 0

    def fit_wide_column(self) -> None:
        if self.wide_column is None or self.model() is None:
            return
        header = self.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(header.count())
                     if c != self.wide_column and not header.isSectionHidden(c))
        header.resizeSection(self.wide_column,
                             max(self.wide_floor, self.viewport().width() - others))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_wide_column()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() != QAbstractItemView.State.EditingState:
            if event.key() == Qt.Key.Key_Insert:
                self.insertRequested.emit()
                return
            if event.key() == Qt.Key.Key_Delete:
                self.deleteRequested.emit()
                return
        super().keyPressEvent(event)


class EditableTable(QWidget):
    """One kind of record (``"school"``, ``"organisation"`` …) in an editable table."""

    def __init__(self, page: Page, kind: str, columns: Sequence[RegistryColumn],
                 *, label_field: str, stretch_column: int | None = None) -> None:
        super().__init__(page)
        self.page, self.kind, self.label_field = page, kind, label_field
        self.model = RegistryTableModel(columns, self)
        self.model.commit = self.commit
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Найти…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.set_needle)
        self.add_button = QPushButton(self.tr("Добавить"), self)
        self.add_button.setToolTip(self.tr("Добавить строку (Insert)"))
        self.add_button.clicked.connect(self.add_row)
        self.delete_button = QPushButton(self.tr("Удалить"), self)
        self.delete_button.setToolTip(self.tr("Удалить выбранные строки (Delete)"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.view = RegistryView(self)
        configure_rows_view(self.view, self.proxy)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.view.setWordWrap(True)
        self.view.verticalHeader().setVisible(False)
        self.view.insertRequested.connect(self.add_row)
        self.view.deleteRequested.connect(self.delete_selected)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(stretch_column is None)
        self.view.wide_column = stretch_column
        # rows follow their wrapped text whenever a column's width changes
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.toolbar = QHBoxLayout()
        self.toolbar.addWidget(self.add_button)
        self.toolbar.addWidget(self.delete_button)
        self.merge_button: QPushButton | None = None
        if kind in ("organisation", "person"):
            self.merge_button = QPushButton(self.tr("Объединить…"), self)
            self.merge_button.setToolTip(self.tr(
                "Две выбранные записи — одно и то же: оставить одну, и во всех мероприятиях "
                "вместо другой будет указана она"))
            self.merge_button.clicked.connect(self.merge_selected)
            self.merge_button.setEnabled(False)
            self.view.selectionModel().selectionChanged.connect(self._selection_changed)
            self.toolbar.addWidget(self.merge_button)
        self.toolbar.addStretch(1)
        self.toolbar.addWidget(self.filter_edit, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.view)
        self._sized = False
        #: the versions of the rows shown, as read with them (what an edit began from)
        self.seen: dict[Any, Any] = {}

    def set_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        """Show ``rows``; the versions they were read at are read with them (by the page,
        in the same session: :func:`desktop.services.registry.seen_versions`)."""
        self.model.set_rows(rows)
        if not self._sized:
            # an empty table is sized by its headings («Факторы риска, №» whole), and again
            # when its first rows arrive
            self._sized = bool(rows)
            self.view.resizeColumnsToContents()
            header = self.view.horizontalHeader()
            for col in range(self.model.columnCount()):
                width = max(header.sectionSize(col), self._one_line_width(col))
                if col == self.view.wide_column:
                    # two lines of the longest name, at most WIDE_FLOOR
                    self.view.wide_floor = min(width // 2 + 40, WIDE_FLOOR)
                else:
                    header.resizeSection(col, min(width, NARROW_LIMIT))
            self.view.fit_wide_column()
            return
        # a name typed since (a new school's) widens its column rather than wrap
        header = self.view.horizontalHeader()
        widened = False
        for col in range(self.model.columnCount()):
            if col == self.view.wide_column or header.isSectionHidden(col):
                continue
            width = min(self._one_line_width(col), NARROW_LIMIT)
            if width > header.sectionSize(col):
                header.resizeSection(col, width)
                widened = True
        if widened:
            self.view.fit_wide_column()

    def _one_line_width(self, col: int) -> int:
        """The column's widest text on one line (a wrapped cell reports the width it
        already has, so «Кожановская СОШ» stayed in two lines of a narrow «Краткое»)."""
        metrics = self.view.fontMetrics()
        texts = [str(self.model.index(r, col).data() or "") for r in range(self.model.rowCount())]
        heading = str(self.model.headerData(col, Qt.Orientation.Horizontal) or "")
        widest = max((metrics.horizontalAdvance(t) for t in texts), default=0)
        return max(widest + 16, metrics.horizontalAdvance(heading) + 24)

    # -- which rows --------------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = {i.row() for i in self.view.selectionModel().selectedRows()}
        current = self.view.currentIndex()
        if not rows and current.isValid():
            rows = {current.row()}
        return [self.proxy.index(r, 0).data(IdRole) for r in sorted(rows)]

    def source_index(self, record_id: int, field: str) -> QModelIndex:
        row = self.model.row_of(record_id)
        return self.model.index(row, self.model.column_of(field))

    def view_index(self, record_id: int, field: str) -> QModelIndex:
        return self.proxy.mapFromSource(self.source_index(record_id, field))

    def label(self, record_id: int) -> str:
        row = self.model.row_of(record_id)
        return str(self.model.record(row).get(self.label_field, "")) if row >= 0 else ""

    # -- edits -------------------------------------------------------------------------------
    def _push(self, command: Any) -> bool:
        page = self.page
        assert page.undo_stack is not None and page.dialogs is not None
        return push(page.undo_stack, command, page.dialogs, self, seen=self.seen)

    def commit(self, record_id: int, field: str, value: Any) -> bool:
        column = self.model.columns[self.model.column_of(field)]
        text = self.tr("изменение «{column}» ({name})").format(
            column=column.title, name=self.label(record_id))
        return self._push(SetValueCommand(self.page.source.database, self.page.changes,
                                          self.kind, record_id, field, value, text))

    def add_rows(self, rows: list[dict[str, Any]], text: str) -> list[int]:
        command = AddRowsCommand(self.page.source.database, self.page.changes, self.kind,
                                 rows, text)
        return list(command.ids) if self._push(command) else []

    def add_row(self) -> int | None:
        """Add a row with a placeholder name and open its first cell for editing."""
        with self.page.source.database.reading() as s:
            values = registry.new_row_values(s, self.kind)
        ids = self.add_rows([values], self.tr("добавление «{name}»").format(
            name=next(iter(values.values()))))
        if not ids:
            return None
        self.filter_edit.clear()
        index = self.view_index(ids[0], self.label_field)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self.view.edit(index)
        return ids[0]

    def _selection_changed(self) -> None:
        if self.merge_button is not None:
            rows = {i.row() for i in self.view.selectionModel().selectedRows()}
            self.merge_button.setEnabled(len(rows) == 2)

    def merge_selected(self) -> bool:
        """«Объединить»: ask which of the two selected entries stays, then merge."""
        ids = self.selected_ids()
        page = self.page
        if page.dialogs is None:
            return False
        if len(ids) != 2:
            page.dialogs.error(self, self.tr("Объединение"), self.tr(
                "Выберите в таблице две записи (щелчок с Ctrl), которые означают одно и то же."))
            return False
        with page.source.database.reading() as s:
            used = usage(s, self.kind, ids)
        # offered first: the entry more items name, then the fuller name
        ids.sort(key=lambda i: (-used[i], -len(self.label(i))))
        names = [self.label(i) for i in ids]
        options = [self.tr("Оставить «{keep}» (мероприятий: {n}), «{drop}» удалить").format(
            keep=names[k], n=used[ids[k]], drop=names[1 - k]) for k in (0, 1)]
        choice = page.dialogs.choose(self, self.tr("Объединение"), self.tr(
            "Какую запись оставить? Во всех мероприятиях, где указана другая, будет "
            "указана оставленная; пустые поля оставленной заполнятся из другой."), options)
        if choice is None:
            return False
        keep, drop = ids[choice], ids[1 - choice]
        text = self.tr("объединение «{keep}» и «{drop}»").format(
            keep=names[choice], drop=names[1 - choice])
        return self._push(MergeEntriesCommand(page.source.database, page.changes, self.kind,
                                              keep, drop, text))

    def delete_selected(self) -> bool:
        ids = self.selected_ids()
        page = self.page
        if not ids or page.dialogs is None:
            return False
        names = ", ".join(f"«{self.label(i)}»" for i in ids[:5]) + ("…" if len(ids) > 5 else "")
        question = self.tr("Удалить {names}?").format(names=names)
        if self.kind in ("organisation", "person"):
            question += self.tr("\nВ мероприятиях, где запись указана исполнителем, "
                                "останется её название текстом.")
        if self.kind == "school":
            question += self.tr("\nОтметки школы в мероприятиях тоже будут удалены "
                                "(их можно вернуть отменой).")
        if not page.dialogs.confirm(self, self.tr("Удаление"), question):
            return False
        command = DeleteRowsCommand(page.source.database, page.changes, self.kind, ids,
                                    self.tr("удаление {names}").format(names=names))
        return self._push(command)
