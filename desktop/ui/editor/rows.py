"""What the roadmap editor shows, read with a few plain queries into plain nodes (no Qt).

Every display string is computed once here, so the item model's ``data()`` only
looks values up. Nodes never hold ORM objects: they cannot expire or lazy-load.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import Item, ItemExecutor, Organisation, Person, Roadmap, School, Section
from desktop.models.columns import Column, Field, prints_positions, profile_from_json
from desktop.models.deadline import Deadline, is_overdue
from desktop.models.directory import initials_name
from desktop.models.enums import ItemStatus, SchoolScope
from desktop.models.executors import join_executors, with_position
from desktop.models.roadmap import item_schools
from desktop.models.schools import SchoolProjectYear
from desktop.services.table import field_texts, scope_text, section_heading

ITEMS = Item.__table__


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


def item_cells(node: Node, values: dict[Field, str], columns: tuple[Column, ...]) -> None:
    node.cells = tuple(values[c.field] for c in columns)
    node.haystack = "\n".join(values.values()).casefold()


def _executors(session: Session, ids: list[int] | None, section_ids: list[int], *,
               positions: bool = False) -> dict[int, str]:
    stmt = (select(ItemExecutor.item_id, ItemExecutor.text, Organisation.short_name, Person.name,
                   Person.position)
            .outerjoin(Organisation, Organisation.id == ItemExecutor.organisation_id)
            .outerjoin(Person, Person.id == ItemExecutor.person_id)
            .order_by(ItemExecutor.item_id, ItemExecutor.position, ItemExecutor.id))
    stmt = stmt.where(ItemExecutor.item_id.in_(ids)) if ids is not None else stmt.join(
        Item, Item.id == ItemExecutor.item_id).where(Item.section_id.in_(section_ids))
    names: dict[int, list[str]] = {}
    for item_id, text, org, person, position in session.execute(stmt):
        name = initials_name(person) if person else org or text
        if person and positions:
            name = with_position(name, position or "")
        names.setdefault(item_id, []).append(name)
    return {k: join_executors(v) for k, v in names.items()}


def _schools(session: Session, ids: list[int] | None,
             section_ids: list[int]) -> dict[int, list[tuple[int, str]]]:
    stmt = (select(item_schools.c.item_id, School.id, School.short_name)
            .join(School, School.id == item_schools.c.school_id).order_by(School.short_name))
    stmt = stmt.where(item_schools.c.item_id.in_(ids)) if ids is not None else stmt.join(
        Item, Item.id == item_schools.c.item_id).where(Item.section_id.in_(section_ids))
    chosen: dict[int, list[tuple[int, str]]] = {}
    for item_id, school_id, name in session.execute(stmt):
        chosen.setdefault(item_id, []).append((school_id, name))
    return chosen


def load_item_nodes(session: Session, columns: tuple[Column, ...], today: dt.date, *,
                    ids: list[int] | None = None,
                    section_ids: list[int] | None = None) -> list[Node]:
    """Item nodes (unlinked) for ``ids`` or for every item of ``section_ids``, by position."""
    sids = section_ids or []
    stmt = select(ITEMS).order_by(ITEMS.c.position, ITEMS.c.id)
    stmt = stmt.where(ITEMS.c.id.in_(ids)) if ids is not None else stmt.where(
        ITEMS.c.section_id.in_(sids))
    executors = _executors(session, ids, sids, positions=prints_positions(columns))
    schools = _schools(session, ids, sids)
    nodes = []
    #: one Deadline per distinct recurring reading: «Еженедельно по четвергам» on a hundred
    #: rows expands its occurrences once (the Deadline caches them), not a hundred times
    shared: dict[str, tuple[dict, Deadline]] = {}
    for r in session.execute(stmt).mappings():
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
        values = field_texts(
            number=r["number"], activity=r["activity"], deadline_text=r["deadline_text"],
            executors=node.executors, tasks=r["tasks"], indicator=r["indicator"],
            evidence=r["evidence"], info_support=r["info_support"], status=status,
            done_date=r["done_date"], note=r["note"],
            schools=scope_text(node.school_scope, [n for _, n in chosen]))
        item_cells(node, values, columns)
        nodes.append(node)
    return nodes


def load_schools(session: Session, year: int) -> list[SchoolInfo]:
    in_500 = set(session.scalars(select(SchoolProjectYear.school_id)
                                 .where(SchoolProjectYear.year == year)))
    return [SchoolInfo(sid, name, bool(shnor), sid in in_500) for sid, name, shnor in
            session.execute(select(School.id, School.short_name, School.is_shnor)
                            .order_by(School.short_name))]


def load_roadmap(session: Session, roadmap_id: int, today: dt.date) -> RoadmapData | None:
    """The roadmap as a tree of nodes: sections, then items nested by parent."""
    head = session.execute(select(Roadmap.title, Roadmap.period_start, Roadmap.period_end,
                                  Roadmap.columns_json).where(Roadmap.id == roadmap_id)).first()
    if head is None:
        return None
    columns = profile_from_json(head.columns_json)
    root = Node("root", 0, 0)
    sections: dict[int, Node] = {}
    for sid, number, title in session.execute(
            select(Section.id, Section.number, Section.title)
            .where(Section.roadmap_id == roadmap_id).order_by(Section.position, Section.id)):
        node = Node("section", sid, sid)
        node.number, node.title, node.parent = number, title, root
        node.cells = (section_heading(number, title),)
        node.haystack = node.cells[0].casefold()
        root.children.append(node)
        sections[sid] = node
    items = load_item_nodes(session, columns, today, section_ids=list(sections))
    link(items, sections)
    return RoadmapData(roadmap_id, head.title, (head.period_start, head.period_end), columns,
                       root, load_schools(session, head.period_start.year))


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
