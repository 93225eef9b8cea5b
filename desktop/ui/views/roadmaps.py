"""«Дорожные карты»: the coordinator's daily screen — the roadmap editor.

A tree table of sections and items in the roadmap's column profile, edited in
place, its «✓»/«№» columns pinned while it scrolls right; under it the current cell's
whole text (:mod:`desktop.ui.editor.details`); a toolbar, a context menu and shortcuts
for the structure; a filter bar.
Every edit goes through an undo command (:mod:`desktop.ui.editor.commands`)
that commits at once; the view refreshes from what :class:`Changes` reports.
The structural and clipboard handlers live in :mod:`desktop.ui.editor.controller`.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QStyle,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.models.columns import Field
from desktop.ui.editor.controller import EditorController
from desktop.ui.editor.delegates import EditorDelegate
from desktop.ui.editor.details import ItemDetails
from desktop.ui.editor.filter_bar import FilterBar
from desktop.ui.editor.frozen import FrozenColumns
from desktop.ui.editor.nodes import Node
from desktop.ui.editor.title_combo import TitleCombo
from desktop.ui.empty_state import EmptyState
from desktop.ui.region.district_roadmap import DistrictBanner, DistrictRoadmaps
from desktop.ui.roadmap_tree_model import RoadmapTreeModel
from desktop.ui.views.base import Page, page_heading

if TYPE_CHECKING:
    from desktop.ui.changes import Changes
    from desktop.ui.datasource import DataSource
    from desktop.ui.gantt.view import GanttView

#: the toolbar's actions that change a roadmap (off while a district's is shown)
EDIT_ACTIONS = ("add", "add_section", "delete", "up", "down", "outdent", "indent", "renumber",
                "schools", "paste")
#: starting widths of the columns by field; the activity column gets what is left of
#: the tree's width, at least ACTIVITY_WIDTH (the rest scroll past the pinned «№»)
ACTIVITY_WIDTH = 300
#: the narrowest the activity column gets to keep the key columns in view
MIN_ACTIVITY_WIDTH = 200
#: the columns kept in view beside the activity when the tree is narrow
KEY_FIELDS = (Field.NUMBER, Field.DEADLINE, Field.EXECUTORS)
WIDTHS = {Field.NUMBER: 56, Field.DEADLINE: 150, Field.EXECUTORS: 190, Field.TASKS: 200,
          Field.INDICATOR: 190, Field.EVIDENCE: 160, Field.INFO_SUPPORT: 170,
          Field.STATUS: 110, Field.DONE_DATE: 96, Field.SCHOOLS: 140, Field.NOTE: 150}


class RoadmapsPage(Page):
    key = "roadmaps"
    title = "Дорожные карты"

    def __init__(self, source: DataSource | None = None, parent: QWidget | None = None) -> None:
        super().__init__(source, parent)
        #: «today» for overdue marks and «due soon» (tests fix it)
        self.today = dt.date.today()
        self.combo = TitleCombo(self)
        self.combo.currentIndexChanged.connect(self._show_current)
        #: district roadmaps opened from «Районы», shown read-only under ``banner``
        self.districts = DistrictRoadmaps(self.combo)
        self.banner = DistrictBanner(self)
        self.info = QLabel(self)
        #: numbers that would print wrong (twice, out of place), with «Перенумеровать»
        self.numbers_warning = QLabel(self)
        self.numbers_warning.setWordWrap(True)
        self.numbers_warning.setStyleSheet("color: #b71c1c;")
        self.numbers_warning.hide()
        self.model = RoadmapTreeModel(self, today=self.today)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setIndentation(14)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.delegate = EditorDelegate(self.model, self.tree)
        self.tree.setItemDelegate(self.delegate)
        self.tree.installEventFilter(self)
        self.filter_bar = FilterBar(self)
        self.controller = EditorController(self)
        self.frozen = FrozenColumns(self.tree, self._collapsed_indexes)
        self.details = ItemDetails(self.controller.edit_field, self)
        self.delegate.deadlineInterpreted.connect(self.details.set_hint)
        self.delegate.closeEditor.connect(self._show_details)
        self.delegate.tabbed.connect(self.edit_next_cell)
        self.tree.selectionModel().currentChanged.connect(self._show_details)
        self.model.dataChanged.connect(self._show_details)
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.controller.actions.fill_toolbar(self.toolbar, [
            "add", "add_section", "delete", None, "up", "down", "outdent", "indent", None,
            "renumber", "schools", None, "copy", "paste"])
        self.tree.customContextMenuRequested.connect(self._context_menu)
        find = QAction(self.tr("Найти"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.triggered.connect(self.focus_filter)
        self.addAction(find)
        timeline = QAction(self.tr("График"), self)
        timeline.setShortcut(QKeySequence("Ctrl+G"))
        timeline.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        timeline.triggered.connect(self.toggle_timeline)
        self.addAction(timeline)
        #: a second widget (the timeline) can be added to the right of the tree
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.tree)
        self.splitter.setChildrenCollapsible(True)
        #: the Gantt timeline beside the tree, made once the database is attached
        self.timeline: GanttView | None = None
        top = QHBoxLayout()
        top.addWidget(page_heading(self.tr("Дорожные карты")))
        top.addWidget(self.combo, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.info)
        layout.addWidget(self.numbers_warning)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.details)
        #: instead of the editor while the database has no roadmap
        self.empty = EmptyState.over(self, layout, [self.combo, self.info, self.toolbar,
                                                    self.filter_bar, self.splitter,
                                                    self.details])
        self._summaries: list[dict] = []
        self._collapsed: set[tuple[str, int]] = set()
        self.tree.collapsed.connect(lambda i: self._collapsed.add(self._key(i)))
        self.tree.expanded.connect(lambda i: self._collapsed.discard(self._key(i)))
        self.filter_bar.changed.connect(self._filter_changed)
        self.numbers_warning.linkActivated.connect(lambda _link: self.controller.renumber())
        self.model.editRequested.connect(self.controller.edit_field)
        self.model.checkRequested.connect(self.controller.tick)
        self.model.dropRequested.connect(self.controller.drop)
        self.model.modelReset.connect(self._follow_district)  # every roadmap shown

    # -- loading --------------------------------------------------------------
    def connect_changes(self, changes: Changes) -> None:
        changes.itemsChanged.connect(self.refresh_items)
        changes.roadmapChanged.connect(self._roadmap_changed)
        changes.referenceChanged.connect(self._reference_changed)

    def reload(self) -> None:
        current = self.current_roadmap_id()
        self._summaries = self.source.roadmaps()
        self.combo.blockSignals(True)
        self.combo.clear()
        for summary in self._summaries:
            self.combo.addItem(summary["title"], summary["id"])
        self.combo.blockSignals(False)
        index = self.combo.findData(current) if current is not None else 0
        self.combo.setCurrentIndex(max(index, 0))
        self._show_current()
        self.empty.set_active(not self._summaries)

    def current_roadmap_id(self) -> int | None:
        return self.combo.currentData()

    def open_roadmap(self, roadmap_id: int) -> bool:
        """Show ``roadmap_id``: one of the file's own, or a district's (read-only, added to
        the chooser as «district: title»). False when there is no such roadmap."""
        shown = self.districts.choose(self.source.database, roadmap_id)
        if shown:  # a region's file may hold districts' roadmaps only
            self.empty.set_active(False)
        return shown

    def _follow_district(self) -> None:
        """Editing off while a district's roadmap is shown (the tree's model tells the
        timeline and the detail panel), on again for an own roadmap."""
        summary = self.districts.current()
        read_only = summary is not None
        self.model.read_only = read_only
        self.banner.show_for(summary)
        for name in EDIT_ACTIONS:
            self.controller.actions[name].setEnabled(not read_only)

    def set_today(self, today: dt.date) -> None:
        """Judge overdue, the counters and the timeline's «today» as of ``today``."""
        self.today = self.model.today = today
        self.rebuild()
        if self.timeline is not None:
            self.timeline.today = today
            self.timeline.scroll_home()
            self.timeline.update()

    def _show_current(self) -> None:
        self._collapsed.clear()
        self.rebuild()
        self.controller.refresh_directory()
        self._layout_columns()

    def rebuild(self) -> None:
        """Re-read the roadmap and show it, keeping the selection and expansion."""
        roadmap_id = self.current_roadmap_id()
        selected = self.selected_keys()
        current = self._key(self.tree.currentIndex())
        data = None
        if roadmap_id is not None and self.source is not None:
            data = self.source.roadmap_data(roadmap_id, self.today)
        self.model.set_data(data)
        self._restore_view(selected, current)
        self._update_info()
        if data is not None:
            self._show_timeline(data.roadmap_id, data.period)

    def _show_timeline(self, roadmap_id: int, period: tuple[dt.date, dt.date]) -> None:
        """Create the timeline beside the tree on first use, then follow the roadmap."""
        points = self.source.monitoring_points(roadmap_id)
        if self.timeline is None:
            from desktop.ui.gantt.view import GanttView

            self.timeline = GanttView(
                self.tree, database=self.source.database, changes=self.changes,
                undo_stack=self.undo_stack, dialogs=self.dialogs, period=period,
                monitoring_points=points, today=self.today, parent=self)
            self.splitter.addWidget(self.timeline)
            # the zoom and the legend go under the tree and the timeline, so that both
            # keep the same height of rows (and the legend its one line)
            self.layout().insertWidget(self.layout().indexOf(self.splitter) + 1,
                                       self.timeline.controls)
            self.splitter.setSizes([700, 440])  # proportions: the tree keeps its key columns
        else:
            self.timeline.database = self.source.database  # the first view had none yet
            self.timeline.today = self.today
            self.timeline.set_period(period, points)

    def toggle_timeline(self) -> None:
        """Show or hide the timeline (Ctrl+G)."""
        if self.timeline is not None:
            shown = not self.timeline.isVisible()
            self.timeline.setVisible(shown)
            self.timeline.controls.setVisible(shown)

    def _restore_view(self, selected: list[tuple[str, int]], current: tuple[str, int]) -> None:
        for row in range(self.model.rowCount()):
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
        self.tree.expandAll()
        for key in list(self._collapsed):
            index = self.index_for(key)
            if index.isValid():
                self.tree.collapse(index)
        self.select_keys(selected, current)
        self.frozen.sync_expansion()
        self._show_details()

    def _collapsed_indexes(self) -> list[QModelIndex]:
        return [i for i in (self.index_for(k) for k in self._collapsed) if i.isValid()]

    def _show_details(self, *_args: object) -> None:
        self.details.show_index(self.tree.currentIndex())

    def _roadmap_changed(self, roadmap_id: int) -> None:
        if roadmap_id == self.current_roadmap_id():
            self.rebuild()

    def _reference_changed(self) -> None:
        self.controller.refresh_directory()
        listed = [s["id"] for s in self._summaries]
        if self.source is not None and [s["id"] for s in self.source.roadmaps()] != listed:
            self.reload()  # a roadmap was created, copied or (by undo) removed

    def refresh_items(self, item_ids: list[int]) -> None:
        """Field edits: re-read just these items and update their rows."""
        data = self.model.roadmap
        ids = [i for i in item_ids if self.model.item_node(i) is not None]
        if data is None or not ids:
            return
        self.model.refresh_items(self.source.item_nodes(data.columns, self.today, ids))
        self._update_info()

    def _layout_columns(self) -> None:
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(28)
        fields = self.model.fields()
        for col, field in enumerate(fields):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, 58 if field is None else WIDTHS.get(field, 150))
        if Field.ACTIVITY in fields:
            column = fields.index(Field.ACTIVITY)
            room = self.tree.viewport().width()
            if not self.tree.verticalScrollBar().isVisible():  # it comes with the rows
                room -= self.tree.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
            others = sum(header.sectionSize(c) for c in range(len(fields)) if c != column)
            # the key columns (✓, №, Срок, Исполнители) beside the activity in view when the
            # tree is narrow (the timeline beside it, a district's roadmap): the activity
            # gives up to a third of its width rather than push them off-screen
            keys = sum(header.sectionSize(c) for c, f in enumerate(fields)
                       if f in KEY_FIELDS or f is None)
            if room - others >= ACTIVITY_WIDTH:
                width = room - others
            else:
                width = max(MIN_ACTIVITY_WIDTH, min(ACTIVITY_WIDTH, room - keys))
            header.resizeSection(column, width)
        self.frozen.relayout()

    def _update_info(self) -> None:
        summary = next((s for s in self._summaries if s["id"] == self.current_roadmap_id()),
                       self.districts.current())
        if summary is None:
            self.info.setText(self.tr("Дорожных карт пока нет."))
            return
        total = len(self.model.item_nodes())
        self.info.setText(self.tr("{level} · {start:%d.%m.%Y} – {end:%d.%m.%Y} · {status} · "
                                  "мероприятий: {count}").format(
            level=summary["level"].capitalize(), start=summary["period_start"],
            end=summary["period_end"], status=summary["status"], count=total))
        self._show_number_problems()
        spec = self.model.filter_spec()
        self.filter_bar.count.setText(
            self.tr("найдено: {n}").format(n=self.model.matching) if spec.active() else "")

    def _show_number_problems(self) -> None:
        """Say, over the tree, which numbers would print wrong (the cells are marked too)."""
        problems = self.model.number_problems
        if not problems or self.model.read_only:
            self.numbers_warning.hide()
            return
        from desktop.services.number_checks import problems_text

        numbers = {}
        for item_id, problem in problems.items():
            node = self.model.item_node(item_id)
            numbers.setdefault((node.number or "—") if node else "—", problem)
        self.numbers_warning.setText(self.tr(
            "Номера сбиты: {what}. В приказ и таблицу они попадут так. "
            "<a href=\"renumber\">Перенумеровать</a> (отменяется Ctrl+Z)").format(
            what=escape(problems_text(numbers))))
        self.numbers_warning.show()

    # -- filter ---------------------------------------------------------------
    def _filter_changed(self, spec: object) -> None:
        selected, current = self.selected_keys(), self._key(self.tree.currentIndex())
        self.model.set_filter(spec)  # type: ignore[arg-type]
        self._restore_view(selected, current)
        self._update_info()

    def focus_filter(self) -> None:
        self.filter_bar.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_bar.text.selectAll()

    # -- selection ------------------------------------------------------------
    def _key(self, index: QModelIndex) -> tuple[str, int]:
        if not index.isValid():
            return ("", 0)
        node: Node = self.model.node(index)
        return (node.kind, node.id)

    def index_for(self, key: tuple[str, int], column: int = 0) -> QModelIndex:
        kind, node_id = key
        node = self.model.item_node(node_id) if kind == "item" else (
            self.model.section_node(node_id) if kind == "section" else None)
        return self.model.index_of(node, column)

    def selected_keys(self) -> list[tuple[str, int]]:
        rows = self.tree.selectionModel().selectedRows(0) if self.tree.selectionModel() else []
        return [self._key(i) for i in rows]

    def select_keys(self, keys: list[tuple[str, int]], current: tuple[str, int]) -> None:
        from PySide6.QtCore import QItemSelectionModel as Sel

        selection = self.tree.selectionModel()
        selection.clearSelection()
        index = self.index_for(current)
        if index.isValid():
            selection.setCurrentIndex(index, Sel.SelectionFlag.NoUpdate)
            self.tree.scrollTo(index)
        for key in keys:
            row = self.index_for(key)
            if row.isValid():
                selection.select(row, Sel.SelectionFlag.Select | Sel.SelectionFlag.Rows)

    def current_node(self) -> Node | None:
        index = self.tree.currentIndex()
        return self.model.node(index) if index.isValid() else None

    def select_item(self, item_id: int, column: int = 0) -> QModelIndex:
        self.select_keys([("item", item_id)], ("item", item_id))
        return self.index_for(("item", item_id), column)

    # -- keyboard and menu ----------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.tree and event.type() == QEvent.Type.KeyPress
                and not self.model.read_only
                and self.tree.state() != QAbstractItemView.State.EditingState):
            key = QKeyEvent(event).key() if not isinstance(event, QKeyEvent) else event.key()
            if key == Qt.Key.Key_Tab:
                self.controller.indent()
                return True
            if key == Qt.Key.Key_Backtab:
                self.controller.outdent()
                return True
        return super().eventFilter(watched, event)

    def edit_next_cell(self, forward: bool = True) -> QModelIndex:
        """Tab in a cell's editor: the next editable cell of the row (then of the rows
        below), opened for editing; Shift+Tab goes back. The index edited, if any."""
        current = self.tree.currentIndex()
        if not current.isValid():
            return QModelIndex()
        step = 1 if forward else -1
        row_index, column = current.siblingAtColumn(0), current.column() + step
        for _ in range(500):  # rows of sections and read-only cells are skipped
            count = self.model.columnCount()
            while 0 <= column < count:
                index = row_index.siblingAtColumn(column)
                if (not self.tree.isColumnHidden(column)
                        and self.model.flags(index) & Qt.ItemFlag.ItemIsEditable):
                    self.tree.setCurrentIndex(index)
                    self.tree.scrollTo(index)
                    self.tree.edit(index)
                    return index
                column += step
            row_index = (self.tree.indexBelow(row_index) if forward
                         else self.tree.indexAbove(row_index))
            if not row_index.isValid():
                break
            column = 1 if forward else self.model.columnCount() - 1
        self.tree.setFocus()
        return QModelIndex()

    def _context_menu(self, pos: object) -> None:
        self.controller.actions.menu(self.tree).popup(self.tree.viewport().mapToGlobal(pos))

    def overdue_count(self) -> int:
        return sum(1 for n in self.model.item_nodes() if n.overdue)

    def status_text(self) -> str:
        overdue = self.overdue_count()
        return self.tr("Просрочено: {n}").format(n=overdue) if overdue else ""
