"""The roadmap as a tree: sections at the top, items (with 4.1.1-style nesting) below.

Built from a :class:`desktop.services.table.RoadmapTable` (plain values), shown
in the roadmap's column profile. Overdue items are painted red, done items
green, cancelled items grey.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.models.enums import ItemStatus
from desktop.services.table import ItemRow, RoadmapTable, SectionRow

Index = QModelIndex | QPersistentModelIndex

RowKindRole = Qt.ItemDataRole.UserRole + 10  #: "section" or "item"
RowIdRole = Qt.ItemDataRole.UserRole + 11    #: the section's or item's id
OverdueRole = Qt.ItemDataRole.UserRole + 12
DeadlineRole = Qt.ItemDataRole.UserRole + 13  #: the item's parsed Deadline (None for sections)
StatusRole = Qt.ItemDataRole.UserRole + 14    #: the item's ItemStatus

OVERDUE = QColor("#b71c1c")
DONE = QColor("#2e7d32")
CANCELLED = QColor("#8a8a8a")
SECTION_BG = QColor("#e8eef7")


@dataclass(eq=False)
class Node:
    row: SectionRow | ItemRow | None
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)

    def index_in_parent(self) -> int:
        return self.parent.children.index(self) if self.parent else 0


def build_tree(table: RoadmapTable) -> Node:
    """Nest the flat rows: items of depth d hang under the last item of depth d-1."""
    root = Node(None)
    section: Node | None = None
    stack: list[Node] = []
    for row in table.rows:
        if isinstance(row, SectionRow):
            section = Node(row, root)
            root.children.append(section)
            stack = []
            continue
        del stack[row.depth:]
        parent = stack[-1] if stack else section or root
        node = Node(row, parent)
        parent.children.append(node)
        stack.append(node)
    return root


def is_overdue(row: ItemRow, today: dt.date) -> bool:
    if row.status in (ItemStatus.DONE, ItemStatus.CANCELLED) or row.deadline_end is None:
        return False
    return row.deadline_end < today


class RoadmapTreeModel(QAbstractItemModel):
    def __init__(self, parent: Any = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self._root = Node(None)
        self._headings: tuple[str, ...] = ()
        self._today = today or dt.date.today()
        self._bold = QFont()
        self._bold.setBold(True)

    def set_table(self, table: RoadmapTable | None) -> None:
        self.beginResetModel()
        self._root = build_tree(table) if table else Node(None)
        self._headings = table.headings if table else ()
        self.endResetModel()

    def node(self, index: Index) -> Node:
        return index.internalPointer() if index.isValid() else self._root

    # -- structure -------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        parent_node = self.node(parent)
        if not (0 <= row < len(parent_node.children)) or not (0 <= column < len(self._headings)):
            return QModelIndex()
        return self.createIndex(row, column, parent_node.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        parent = self.node(index).parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.index_in_parent(), 0, parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self._headings)

    # -- content ---------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.node(index).row
        if isinstance(row, SectionRow):
            return self._section_data(row, index.column(), role)
        if isinstance(row, ItemRow):
            return self._item_data(row, index.column(), role)
        return None

    def _section_data(self, row: SectionRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return row.heading if column == 0 else ""
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(SECTION_BG)
        if role == RowKindRole:
            return "section"
        if role == RowIdRole:
            return row.section_id
        return None

    def _item_data(self, row: ItemRow, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row.cells[column]
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.status is ItemStatus.CANCELLED:
                return QBrush(CANCELLED)
            if is_overdue(row, self._today):
                return QBrush(OVERDUE)
            if row.status is ItemStatus.DONE:
                return QBrush(DONE)
            return None
        if role == RowKindRole:
            return "item"
        if role == RowIdRole:
            return row.item_id
        if role == OverdueRole:
            return is_overdue(row, self._today)
        if role == DeadlineRole:
            return row.deadline
        if role == StatusRole:
            return row.status
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headings[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
