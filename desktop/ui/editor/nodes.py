"""What the roadmap editor shows: plain nodes with their display strings (no Qt, no database).

Every display string is computed once here, so the item model's ``data()`` only looks
values up. Nodes are built from plain records — column name → typed value — which
either reader supplies: SQLAlchemy (:mod:`desktop.ui.editor.rows`) or, for the first
view at start-up, the standard ``sqlite3`` module (:mod:`desktop.models.plain_read`).
Nodes never hold ORM objects: they cannot expire or lazy-load.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop.models.columns import Column, Field
from desktop.models.deadline import Deadline, SchoolCalendar, is_overdue
from desktop.models.enums import ItemStatus, SchoolScope
from desktop.models.executors import initials_name, join_executors, with_position
from desktop.services.table import field_texts, scope_text, section_heading


class Node:
    """A section or an item of the tree with its display strings."""

    __slots__ = (
        "_deadline",
        "cells",
        "children",
        "deadline_json",
        "depth",
        "done_date",
        "executors",
        "haystack",
        "id",
        "kind",
        "number",
        "overdue",
        "parent",
        "school_ids",
        "school_scope",
        "section_id",
        "status",
        "title",
        "visible",
        "vrow",
    )

    def __init__(self, kind: str, node_id: int, section_id: int) -> None:
        self.kind = kind
        self.id = node_id
        self.section_id = section_id
        self.parent: Node | None = None
        self.children: list[Node] = []
        self.visible: list[Node] = []   #: the children that pass the filter
        self.vrow = 0                   #: row among the parent's visible children
        self.depth = 0
        self.cells: tuple[str, ...] = ()
        self.number = ""
        self.title = ""
        self.status: ItemStatus | None = None
        self.done_date: dt.date | None = None
        self.deadline_json: dict[str, Any] | None = None
        self.overdue = False
        self.executors = ""
        self.school_scope = SchoolScope.NONE
        self.school_ids: frozenset[int] = frozenset()
        self.haystack = ""
        self._deadline: Deadline | None = None

    @property
    def deadline(self) -> Deadline | None:
        if self.kind != "item":
            return None
        if self._deadline is None and self.deadline_json is not None:
            self._deadline = Deadline.from_json(self.deadline_json)
        return self._deadline

    def walk(self) -> Iterable[Node]:
        for child in self.children:
            yield child
            yield from child.walk()


@dataclass
class SchoolInfo:
    id: int
    short_name: str
    shnor: bool
    in_500: bool


@dataclass
class RoadmapData:
    roadmap_id: int
    title: str
    period: tuple[dt.date, dt.date]
    columns: tuple[Column, ...]
    root: Node
    schools: list[SchoolInfo] = field(default_factory=list)
    #: the versions of the roadmap's rows as read with them (what an edit began from; see
    #: :func:`desktop.ui.commands.push`); empty in the first view, which takes no edits
    versions: dict[tuple[str, int], int | str] = field(default_factory=dict, compare=False)
    #: the database's school calendar (the deadline editor reads typed text against it)
    school: SchoolCalendar | None = None


def item_cells(node: Node, values: dict[Field, str], columns: tuple[Column, ...]) -> None:
    node.cells = tuple(values[c.field] for c in columns)
    node.haystack = "\n".join(values.values()).casefold()


ExecutorRecord = tuple[int, str, str | None, str | None, str | None]


def executor_texts(records: Iterable[ExecutorRecord], *, positions: bool) -> dict[int, str]:
    """Item id → its executors' cell text, from (item id, typed text, organisation's short
    name, person's full name, person's position) in the items' order of executors."""
    names: dict[int, list[str]] = {}
    for item_id, text, org, person, position in records:
        name = initials_name(person) if person else org or text
        if person and positions:
            name = with_position(name, position or "")
        names.setdefault(item_id, []).append(name)
    return {k: join_executors(v) for k, v in names.items()}


def item_nodes(records: Iterable[Mapping[str, Any]], executors: dict[int, str],
               schools: dict[int, list[tuple[int, str]]], columns: tuple[Column, ...],
               today: dt.date) -> list[Node]:
    """Item nodes (unlinked: ``depth`` holds the parent id) from item records by position.

    ``schools``: item id → its (school id, short name) when the item names schools."""
    nodes = []
    #: one Deadline per distinct recurring reading: «Еженедельно по четвергам» on a hundred
    #: rows expands its occurrences once (the Deadline caches them), not a hundred times
    shared: dict[str, tuple[dict, Deadline]] = {}
    for r in records:
        node = Node("item", r["id"], r["section_id"])
        node.depth = r["parent_id"] or 0  # the parent's id until linked
        status = r["status"]
        node.status, node.done_date, node.number = status, r["done_date"], r["number"]
        node.deadline_json = r["deadline_json"]
        done_mark = bool(node.deadline_json and node.deadline_json.get("done"))
        if r["deadline_kind"] == "recurring" and node.deadline_json is not None:
            seen = shared.get(r["deadline_text"])
            if seen is not None and seen[0] == node.deadline_json:
                node._deadline = seen[1]
            deadline = node.deadline
            assert deadline is not None
            shared[r["deadline_text"]] = (node.deadline_json, deadline)
            node.overdue = deadline.is_overdue(today, status)  # its last occurrence
        else:
            node.overdue = is_overdue(r["deadline_kind"], r["deadline_end"], today, status,
                                      text_says_done=done_mark)
        node.executors = executors.get(node.id, "")
        node.school_scope = r["school_scope"]
        chosen = schools.get(node.id, [])
        node.school_ids = frozenset(s for s, _ in chosen)
        # a text a damaged file lacks (NULL under a schema another tool edited) reads empty,
        # as on loading an item (desktop.models.stand_ins)
        values = field_texts(
            number=r["number"] or "", activity=r["activity"] or "",
            deadline_text=r["deadline_text"] or "", executors=node.executors,
            tasks=r["tasks"] or "", indicator=r["indicator"] or "", evidence=r["evidence"] or "",
            info_support=r["info_support"] or "", status=status, done_date=r["done_date"],
            note=r["note"] or "", schools=scope_text(node.school_scope, [n for _, n in chosen]))
        item_cells(node, values, columns)
        nodes.append(node)
    return nodes


def section_nodes(records: Iterable[tuple[int, str, str]], root: Node) -> dict[int, Node]:
    """Section nodes under ``root`` from (id, number, title) by position."""
    sections: dict[int, Node] = {}
    for sid, number, title in records:
        node = Node("section", sid, sid)
        node.number, node.title, node.parent = number, title, root
        node.cells = (section_heading(number, title),)
        node.haystack = node.cells[0].casefold()
        root.children.append(node)
        sections[sid] = node
    return sections


def roadmap_tree(roadmap_id: int, title: str, period: tuple[dt.date, dt.date],
                 columns: tuple[Column, ...], section_records: Iterable[tuple[int, str, str]],
                 items: Callable[[list[int]], list[Node]],
                 schools: list[SchoolInfo]) -> RoadmapData:
    """The roadmap as a tree: its sections (id, number, title by position), then the item
    nodes ``items`` reads for those section ids, nested by parent."""
    root = Node("root", 0, 0)
    sections = section_nodes(section_records, root)
    link(items(list(sections)), sections)
    return RoadmapData(roadmap_id, title, period, columns, root, schools)


def link(items: list[Node], sections: dict[int, Node]) -> None:
    """Hang items (whose ``depth`` holds the parent id) under their parents; set depths."""
    by_id = {n.id: n for n in items}
    for node in items:
        parent = by_id.get(node.depth) if node.depth else None
        node.parent = parent or sections[node.section_id]
        node.parent.children.append(node)
    for section in sections.values():
        stack = [(child, 0) for child in section.children]
        while stack:
            node, depth = stack.pop()
            node.depth = depth
            stack.extend((c, depth + 1) for c in node.children)
