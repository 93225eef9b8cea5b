"""The roadmap as an editable tree: sections at the top, items (4.1.1-style nesting) below.

Fed with plain nodes (:mod:`desktop.ui.editor.rows`), shown in the roadmap's
column profile after a leading «✓» column that ticks an item done. The model
never writes to the database: an edit, a tick or a drop is *requested* by a
signal, the page turns it into an undo command, and the change comes back
through :meth:`RoadmapTreeModel.refresh_items` (``dataChanged``) or
:meth:`RoadmapTreeModel.set_data` (a rebuild). Filtering happens inside the
model (:mod:`desktop.ui.editor.filter`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.models.columns import EDITABLE_FIELDS, Field
from desktop.services.number_checks import NumberEntry, number_problems
from desktop.ui.editor.filter import FilterSpec, apply_filter
from desktop.ui.editor.nodes import Node, RoadmapData

Index = QModelIndex | QPersistentModelIndex

RowKindRole = Qt.ItemDataRole.UserRole + 10  #: "section" or "item"
RowIdRole = Qt.ItemDataRole.UserRole + 11    #: the section's or item's id
OverdueRole = Qt.ItemDataRole.UserRole + 12
DeadlineRole = Qt.ItemDataRole.UserRole + 13  #: the item's parsed Deadline (None for sections)
StatusRole = Qt.ItemDataRole.UserRole + 14    #: the item's ItemStatus
FieldRole = Qt.ItemDataRole.UserRole + 15     #: the column's Field (None for «✓»)

OVERDUE = QColor("#b71c1c")
DONE = QColor("#2e7d32")
CANCELLED = QColor("#8a8a8a")
SECTION_BG = QColor("#e8eef7")
BAD_NUMBER_BG = QColor("#ffd9d9")  #: a number used twice or out of place
MIME_TYPE = "application/x-dorozhnaya-karta-items"
CHECK_COLUMN = 0
EDITABLE = EDITABLE_FIELDS | {Field.EXECUTORS, Field.SCHOOLS}

_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_EDIT = Qt.ItemDataRole.EditRole
_CHECK = Qt.ItemDataRole.CheckStateRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole



_FLAGS_ROOT = Qt.ItemFlag.ItemIsDropEnabled
_FLAGS_SECTION = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                  | Qt.ItemFlag.ItemIsDropEnabled)
_FLAGS_ITEM = _FLAGS_SECTION | Qt.ItemFlag.ItemIsDragEnabled
_FLAGS_CHECK = _FLAGS_ITEM | Qt.ItemFlag.ItemIsUserCheckable
_FLAGS_EDITABLE = _FLAGS_ITEM | Qt.ItemFlag.ItemIsEditable
#: every row of a read-only roadmap (a district's): selectable, nothing to edit, tick or drag
_FLAGS_READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class RoadmapTreeModel(QAbstractItemModel):
    """Sections and items of one roadmap in its column profile."""

    #: (item id, Field, value) — a cell was edited
    editRequested = Signal(int, object, object)
    #: (item id, done) — the «✓» box was clicked
    checkRequested = Signal(int, bool)
    #: (item ids, section id, parent item id or 0, row) — rows were dropped
    dropRequested = Signal(list, int, int, int)

    def __init__(self, parent: Any = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self._root = Node("root", 0, 0)
        self._data: RoadmapData | None = None
        self._fields: tuple[Field | None, ...] = ()
        self._column_count = 0
        self._headings: tuple[str, ...] = ()
        self._filter = FilterSpec()
        self._items: dict[int, Node] = {}
        #: item id → what is wrong with its number (:mod:`desktop.services.number_checks`)
        self.number_problems: dict[int, str] = {}
        self._number_column = -1
        self.today = today or dt.date.today()
        self.matching = 0
        #: a district's roadmap: shown, not edited (the timeline and detail panel follow it)
        self.read_only = False
        self._bold = QFont()
        self._bold.setBold(True)
        self._italic = QFont()
        self._italic.setItalic(True)
        self._brushes = {"overdue": QBrush(OVERDUE), "done": QBrush(DONE),
                         "cancelled": QBrush(CANCELLED), "section": QBrush(SECTION_BG),
                         "bad_number": QBrush(BAD_NUMBER_BG)}

    # -- content ----------------------------------------------------------
    def set_data(self, data: RoadmapData | None) -> None:
        """Show ``data`` (a whole roadmap); the current filter is applied again."""
        self.beginResetModel()
        self._data = data
        self._root = data.root if data else Node("root", 0, 0)
        columns = data.columns if data else ()
        self._fields = (None, *(c.field for c in columns)) if data else ()
        self._column_count = len(self._fields)
        self._headings = ("✓", *(c.heading for c in columns)) if data else ()
        self._items = {n.id: n for n in self._root.walk() if n.kind == "item"}
        self._number_column = self.column_of(Field.NUMBER)
        self._check_numbers()
        self._apply_filter()
        self.endResetModel()

    def _check_numbers(self) -> list[int]:
        """Find the numbers that would print wrong; returns the items whose mark changed."""
        entries = []
        for node in self._items.values():
            holder = node.parent
            nested = holder is not None and holder.kind == "item"
            entries.append(NumberEntry(node.id, node.number or "",
                                       (holder.number or "") if holder is not None else "",
                                       nested))
        found = number_problems(entries)
        changed = [i for i in found.keys() | self.number_problems.keys()
                   if found.get(i) != self.number_problems.get(i)]
        self.number_problems = found
        return changed

    @property
    def roadmap(self) -> RoadmapData | None:
        return self._data

    def fields(self) -> tuple[Field | None, ...]:
        return self._fields

    def column_of(self, field: Field) -> int:
        return self._fields.index(field) if field in self._fields else -1

    def set_filter(self, spec: FilterSpec) -> None:
        if spec == self._filter:
            return
        self.beginResetModel()
        self._filter = spec
        self._apply_filter()
        self.endResetModel()

    def filter_spec(self) -> FilterSpec:
        return self._filter

    def _apply_filter(self) -> None:
        schools = {s.id: s for s in self._data.schools} if self._data else {}
        self.matching = apply_filter(self._root, self._filter, self.today, schools,
                                     self.item_nodes())

    def refresh_items(self, nodes: list[Node]) -> None:
        """New values for existing items (same places): ``dataChanged`` row by row."""
        last = len(self._fields) - 1
        for fresh in nodes:
            node = self._items.get(fresh.id)
            if node is None:
                continue
            for name in ("cells", "haystack", "status", "done_date", "deadline_json", "overdue",
                         "executors", "school_scope", "school_ids", "number"):
                setattr(node, name, getattr(fresh, name))
            node._deadline = None
            index = self.index_of(node)
            if index.isValid():
                self.dataChanged.emit(index, self.index(index.row(), last, index.parent()))
        for item_id in self._check_numbers():  # a typed number may clash with another row
            index = self.index_of(self._items.get(item_id), max(self._number_column, 0))
            if index.isValid():
                self.dataChanged.emit(index, index)
        if self._filter.active():
            self.layoutAboutToBeChanged.emit()
            old = self.persistentIndexList()
            nodes_of = [self.node(i) for i in old]
            self._apply_filter()
            self.changePersistentIndexList(old, [self.index_of(n, i.column()) if n else
                                                 QModelIndex() for n, i in zip(nodes_of, old,
                                                                               strict=True)])
            self.layoutChanged.emit()

    def item_nodes(self) -> list[Node]:
        """Every item of the roadmap (filtered out or not), in tree order."""
        return list(self._items.values())

    def item_node(self, item_id: int) -> Node | None:
        return self._items.get(item_id)

    def section_node(self, section_id: int) -> Node | None:
        return next((s for s in self._root.children if s.id == section_id), None)

    def node(self, index: Index) -> Node:
        return index.internalPointer() if index.isValid() else self._root

    def index_of(self, node: Node | None, column: int = 0) -> QModelIndex:
        """The index of ``node`` if it is visible, else an invalid index."""
        if node is None or node is self._root or node.parent is None:
            return QModelIndex()
        siblings = node.parent.visible
        if node.vrow >= len(siblings) or siblings[node.vrow] is not node:
            return QModelIndex()
        return self.createIndex(node.vrow, column, node)

    # -- structure --------------------------------------------------------
    # index, rowCount and hasChildren run once per row of every relayout (a filter
    # keystroke on 5,000 rows): inlined, no helper calls
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        visible = (parent.internalPointer() if parent.isValid() else self._root).visible
        if 0 <= row < len(visible) and 0 <= column < self._column_count:
            return self.createIndex(row, column, visible[row])
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        parent = index.internalPointer().parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.vrow, 0, parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._root.visible)
        return len(parent.internalPointer().visible) if parent.column() == 0 else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return self._column_count

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if not parent.isValid():
            return bool(self._root.visible)
        return parent.column() == 0 and bool(parent.internalPointer().visible)

    # -- data -------------------------------------------------------------
    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        node: Node = index.internalPointer()
        column = index.column()
        if node.kind == "section":
            return self._section_data(node, column, role)
        if column == self._number_column and node.id in self.number_problems:
            marked = self._number_mark(node, role)
            if marked is not None:
                return marked
        if role in (_DISPLAY, _TOOLTIP, _EDIT):
            if column == CHECK_COLUMN:
                return ("!" if node.overdue else "") if role == _DISPLAY else None
            if role == _EDIT and self._fields[column] is Field.SCHOOLS:
                return (node.school_scope, sorted(node.school_ids))
            return node.cells[column - 1]
        if role == _FOREGROUND:
            return self._foreground(node)
        if role == _CHECK:
            if column != CHECK_COLUMN:
                return None
            done = node.status is not None and node.status.value == "done"
            return Qt.CheckState.Checked if done else Qt.CheckState.Unchecked
        return self._item_role(node, column, role)

    def _number_mark(self, node: Node, role: int) -> Any:
        """A number that would print wrong: red on pink, the reason in the tooltip."""
        if role == _TOOLTIP:
            return self.tr("Номер {number}: {problem}. «Перенумеровать» даст номера по "
                           "порядку").format(number=node.number or "—",
                                             problem=self.number_problems[node.id])
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._brushes["bad_number"]
        if role == _FOREGROUND:
            return self._brushes["overdue"]
        if role == _DISPLAY and not (node.number or "").strip():
            return "?"
        return None

    def _foreground(self, node: Node) -> QBrush | None:
        status = node.status.value if node.status is not None else ""
        if status == "cancelled":
            return self._brushes["cancelled"]
        if node.overdue:
            return self._brushes["overdue"]
        return self._brushes["done"] if status == "done" else None

    def _item_role(self, node: Node, column: int, role: int) -> Any:
        if role == RowKindRole:
            return "item"
        if role == RowIdRole:
            return node.id
        if role == OverdueRole:
            return node.overdue
        if role == DeadlineRole:
            return node.deadline
        if role == StatusRole:
            return node.status
        if role == FieldRole:
            return self._fields[column]
        return None

    def _section_data(self, node: Node, column: int, role: int) -> Any:
        untitled = not node.cells[0].strip()
        if role in (_DISPLAY, _TOOLTIP):
            if column != 0:
                return ""
            # the items of a roadmap without sections: named here, never printed
            return self.tr("Мероприятия (без раздела)") if untitled else node.cells[0]
        if role == _EDIT:
            return node.title if column == 0 else ""
        if role == Qt.ItemDataRole.FontRole:
            return self._italic if untitled else self._bold
        if role == Qt.ItemDataRole.BackgroundRole:
            return None if untitled else self._brushes["section"]
        if role == RowKindRole:
            return "section"
        if role == RowIdRole:
            return node.id
        if role == OverdueRole:
            return False
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self._headings[section]
        if role == _TOOLTIP and orientation == Qt.Orientation.Horizontal and section == 0:
            return self.tr("Выполнено")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        # precomputed: or-ing enum flags per call was a third of a repaint's time
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags if self.read_only else _FLAGS_ROOT
        if self.read_only:
            return _FLAGS_READ_ONLY
        node: Node = index.internalPointer()
        if node.kind != "item":
            return _FLAGS_SECTION
        column = index.column()
        if column == CHECK_COLUMN:
            return _FLAGS_CHECK
        return _FLAGS_EDITABLE if self._fields[column] in EDITABLE else _FLAGS_ITEM

    def setData(self, index: Index, value: Any, role: int = _EDIT) -> bool:
        if self.read_only or not index.isValid() or index.internalPointer().kind != "item":
            return False
        node: Node = index.internalPointer()
        if role == _CHECK and index.column() == CHECK_COLUMN:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(
                value, bool) else value
            self.checkRequested.emit(node.id, bool(checked))
            return True
        if role == _EDIT and index.column() > 0:
            field = self._fields[index.column()]
            if field is None:
                return False
            current = self.data(index, _EDIT)
            if value == current:
                return False
            self.editRequested.emit(node.id, field, value)
            return True
        return False

    # -- drag and drop ----------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        ids = []
        for index in indexes:
            node = self.node(index)
            if node.kind == "item" and node.id not in ids:
                ids.append(node.id)
        mime = QMimeData()
        mime.setData(MIME_TYPE, QByteArray(",".join(map(str, ids)).encode()))
        return mime

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        if not data.hasFormat(MIME_TYPE) or not parent.isValid():
            return False
        raw = bytes(data.data(MIME_TYPE).data()).decode()
        ids = [int(x) for x in raw.split(",") if x]
        target = self.node(parent)
        parent_id = target.id if target.kind == "item" else 0
        if row < 0:
            row = len(target.children)
        elif row < len(target.visible):  # from a visible row to the full list of children
            row = target.children.index(target.visible[row])
        else:
            row = len(target.children)
        if ids:
            self.dropRequested.emit(ids, target.section_id, parent_id, row)
        return False  # the page's command rebuilds the tree; Qt must not remove rows
