"""The tree's visible rows as the timeline sees them, and section summary spans.

Only ``index.data(role)`` is used, so the tree may show the roadmap model or any
proxy over it. Rows are walked from the first visible one with ``indexBelow``:
painting 5,000 rows costs no more than painting the 30 on screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QTreeView

from desktop.models.deadline import Deadline
from desktop.ui.roadmap_tree_model import (
    CHECK_COLUMN,
    DeadlineRole,
    OverdueRole,
    RowIdRole,
    RowKindRole,
    StatusRole,
)


@dataclass
class VisibleRow:
    """One visible row of the tree: its column-0 index and its place in the viewport."""

    index: QModelIndex
    top: int
    height: int
    kind: str
    row_id: Any
    deadline: Deadline | None
    status: Any
    overdue: bool

    @property
    def is_section(self) -> bool:
        return self.kind == "section"

    @property
    def bottom(self) -> int:
        return self.top + self.height


RowFacts = tuple[str, Any, Any, Any, bool]


def drawable(deadline: Any) -> Deadline | None:
    """The deadline if every span is made of dates (or open ends), else None: a damaged
    stored value must never reach the painter."""
    if not isinstance(deadline, Deadline):
        return None
    for span in deadline.spans:
        if len(span) != 2 or not all(v is None or isinstance(v, date) for v in span):
            return None
    return deadline


def row_facts(index: QModelIndex) -> RowFacts:
    """(kind, id, deadline, status, overdue) of a row, read through its roles."""
    return (index.data(RowKindRole) or "item", index.data(RowIdRole),
            drawable(index.data(DeadlineRole)), index.data(StatusRole),
            bool(index.data(OverdueRole)))


def visible_rows(tree: QTreeView, height: int, dy: int = 0,
                 cache: dict[tuple[int, int], RowFacts] | None = None) -> list[VisibleRow]:
    """The rows of ``tree`` that show in ``height`` pixels, their tops shifted by ``dy``.

    ``cache`` keeps each row's role values by its model's internal id (the owner clears
    it whenever the model changes)."""
    rows: list[VisibleRow] = []
    index = tree.indexAt(QPoint(1, 1))
    if not index.isValid():
        return rows
    index = index.siblingAtColumn(0)
    while index.isValid():
        rect = tree.visualRect(index)
        top = rect.top() + dy
        if top > height:
            break
        if cache is None:
            facts = row_facts(index)
        else:
            key = (index.internalId(), index.row())
            facts = cache.get(key) or cache.setdefault(key, row_facts(index))
        rows.append(VisibleRow(index, top, rect.height(), *facts))
        index = tree.indexBelow(index)
    return rows


class SectionSpans:
    """Earliest start and latest end of the items under each section, computed once per
    section and forgotten when the model changes."""

    def __init__(self) -> None:
        self._cache: dict[Any, tuple[date, date] | None] = {}

    def clear(self) -> None:
        self._cache.clear()

    def span(self, index: QModelIndex) -> tuple[date, date] | None:
        key = index.data(RowIdRole)
        if key not in self._cache:
            self._cache[key] = items_span(index.model(), index)
        return self._cache[key]


def items_span(model: QAbstractItemModel, parent: QModelIndex) -> tuple[date, date] | None:
    """Earliest and latest dates of every item below ``parent`` (any depth)."""
    first: date | None = None
    last: date | None = None
    stack = [parent]
    while stack:
        node = stack.pop()
        for row in range(model.rowCount(node)):
            child = model.index(row, 0, node)
            deadline = drawable(child.data(DeadlineRole))
            if deadline is not None:
                start, end = deadline.start, deadline.end
                if start is not None and (first is None or start < first):
                    first = start
                if end is not None and (last is None or end > last):
                    last = end
            if model.hasChildren(child):
                stack.append(child)
    if first is None or last is None:
        return None
    return first, last


def tooltip_text(index: QModelIndex, status_label: str) -> str:
    """The row's cells under their headings, then its status (a section shows its title)."""
    model = index.model()
    if index.data(RowKindRole) == "section":
        return str(index.data() or "")
    lines = []
    # column 0 is the «✓» box with «!» for overdue: said in words below, not as «✓: !»
    for column in range(CHECK_COLUMN + 1, model.columnCount(index.parent())):
        heading = model.headerData(column, Qt.Orientation.Horizontal)
        value = index.siblingAtColumn(column).data()
        if value not in (None, ""):
            lines.append(f"{heading}: {value}" if heading else str(value))
    if status_label:
        lines.append(f"Статус: {status_label}")
    if index.data(OverdueRole):
        lines.append("Срок прошёл, мероприятие не выполнено")
    return "\n".join(lines)

