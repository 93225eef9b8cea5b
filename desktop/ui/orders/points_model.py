"""The order's numbered points as a tree model: «1.», «1.1.» … up to four levels, edited in place."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
#: the point's id, for the editor's commands
PointIdRole = Qt.ItemDataRole.UserRole + 1


@dataclass
class PointNode:
    id: int
    text: str
    number: str
    parent: PointNode | None = None
    children: list[PointNode] = field(default_factory=list)

    def row(self) -> int:
        siblings = self.parent.children if self.parent is not None else []
        return siblings.index(self)


def build_nodes(points: list[dict[str, Any]], parent: PointNode | None = None,
                prefix: str = "") -> list[PointNode]:
    """Nodes from a snapshot's ``points`` (nested dicts), numbered «1.», «1.1.» …"""
    nodes = []
    for n, data in enumerate(points, 1):
        node = PointNode(data["id"], data["text"], f"{prefix}{n}.", parent)
        node.children = build_nodes(data["children"], node, node.number)
        nodes.append(node)
    return nodes


class PointsModel(QAbstractItemModel):
    """Plain values from a snapshot; an edit calls ``on_edit(point_id, text)``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root = PointNode(0, "", "")
        self.on_edit: Callable[[int, str], None] | None = None

    def set_points(self, points: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.root.children = build_nodes(points, self.root)
        self.endResetModel()

    def node(self, index: Index) -> PointNode:
        return index.internalPointer() if index.isValid() else self.root  # type: ignore[return-value]

    def index_of(self, point_id: int) -> QModelIndex:
        """The index of the point ``point_id`` (invalid when absent)."""
        stack = [(self.root, QModelIndex())]
        while stack:
            node, parent = stack.pop()
            for row, child in enumerate(node.children):
                index = self.index(row, 0, parent)
                if child.id == point_id:
                    return index
                stack.append((child, index))
        return QModelIndex()

    # -- QAbstractItemModel ------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self.node(parent)
        if column != 0 or not 0 <= row < len(node.children):
            return QModelIndex()
        return self.createIndex(row, 0, node.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        parent = self.node(index).parent
        if parent is None or parent is self.root:
            return QModelIndex()
        return self.createIndex(parent.row(), 0, parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.node(parent).children) if parent.column() <= 0 else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Пункты приказа")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self.node(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{node.number} {node.text}"
        if role == Qt.ItemDataRole.EditRole:
            return node.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return node.text
        if role == PointIdRole:
            return node.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.isValid() else base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        node = self.node(index)
        text = str(value).strip()
        if text == node.text:
            return False
        node.text = text
        self.dataChanged.emit(index, index)
        if self.on_edit is not None:
            self.on_edit(node.id, text)
        return True
