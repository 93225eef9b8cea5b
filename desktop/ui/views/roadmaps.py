"""«Дорожные карты»: choose a roadmap and see its sections and items as a tree."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.roadmap_tree_model import OverdueRole, RoadmapTreeModel, RowKindRole
from desktop.ui.views.base import Page, page_heading

if TYPE_CHECKING:
    from desktop.ui.datasource import DataSource


class RoadmapsPage(Page):
    key = "roadmaps"
    title = "Дорожные карты"

    def __init__(self, source: DataSource | None = None, parent: QWidget | None = None) -> None:
        super().__init__(source, parent)
        self.combo = QComboBox(self)
        self.combo.setMinimumContentsLength(60)
        self.combo.currentIndexChanged.connect(self._show_current)
        self.info = QLabel(self)
        self.model = RoadmapTreeModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        top = QHBoxLayout()
        top.addWidget(page_heading(self.tr("Дорожные карты")))
        top.addWidget(self.combo, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.info)
        layout.addWidget(self.tree, 1)
        self._summaries: list[dict] = []

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

    def current_roadmap_id(self) -> int | None:
        return self.combo.currentData()

    def _show_current(self) -> None:
        roadmap_id = self.current_roadmap_id()
        table = self.source.roadmap_table(roadmap_id) if roadmap_id is not None else None
        self.model.set_table(table)
        summary = next((s for s in self._summaries if s["id"] == roadmap_id), None)
        if summary is None:
            self.info.setText(self.tr("Дорожных карт пока нет."))
            return
        items = table.item_rows() if table else []
        self.info.setText(self.tr("{level} · {start:%d.%m.%Y} – {end:%d.%m.%Y} · {status} · "
                                  "мероприятий: {count}").format(
            level=summary["level"].capitalize(), start=summary["period_start"],
            end=summary["period_end"], status=summary["status"], count=len(items)))
        self._layout_tree()

    def _layout_tree(self) -> None:
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            if index.data(RowKindRole) == "section":
                self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
        self.tree.expandAll()
        header = self.tree.header()
        header.setStretchLastSection(False)
        widths = [70, 470, 170, 210, 190, 170]
        for col in range(self.model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, widths[col] if col < len(widths) else 150)
        if self.model.columnCount() > 1:
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    def overdue_count(self) -> int:
        count = 0
        for row in range(self.model.rowCount()):
            section = self.model.index(row, 0)
            stack = [section]
            while stack:
                parent = stack.pop()
                for child_row in range(self.model.rowCount(parent)):
                    child = self.model.index(child_row, 0, parent)
                    count += bool(child.data(OverdueRole))
                    stack.append(child)
        return count

    def status_text(self) -> str:
        overdue = self.overdue_count()
        return self.tr("Просрочено: {n}").format(n=overdue) if overdue else ""
