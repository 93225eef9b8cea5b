"""Hierarchical numbering of a roadmap: sections 1..N, items «S.N», children «S.N.M».

The one place that knows how numbers are made. Numbers are otherwise kept as
typed or imported (real documents repeat and skip numbers); the editor
renumbers on request — and by itself after a change of the structure when the
roadmap was numbered in order before it (:func:`keeping_order`) —, suggests a number
for a new row, and finds the numbers that would print wrong (:func:`number_problems`).
No Qt.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar, cast

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from desktop.models import Item, Section
from desktop.models.versions import bumped
from desktop.services.number_checks import NumberEntry, bare_number, number_problems

_TRAILING_INT = re.compile(r"^(.*?)(\d+)(\.?)$")
T = TypeVar("T")


@dataclass
class NumberNode:
    """An item and its children, in order, for numbering."""

    item_id: int
    children: list[NumberNode] = field(default_factory=list)


def hierarchical_numbers(
    sections: Sequence[tuple[int, Sequence[NumberNode]]],
) -> tuple[dict[int, str], dict[int, str]]:
    """Numbers for sections (``"1"``, ``"2"`` …) and items (``"1.1"``, ``"1.1.1"`` …).

    ``sections`` are (section id, top-level item trees) in document order.
    Returns (section id → number, item id → number).
    """
    section_numbers: dict[int, str] = {}
    item_numbers: dict[int, str] = {}

    def walk(nodes: Sequence[NumberNode], prefix: str) -> None:
        for n, node in enumerate(nodes, 1):
            number = f"{prefix}.{n}"
            item_numbers[node.item_id] = number
            walk(node.children, number)

    for n, (section_id, items) in enumerate(sections, 1):
        section_numbers[section_id] = str(n)
        walk(items, str(n))
    return section_numbers, item_numbers


def next_number(previous: str | None, parent_number: str) -> str:
    """A number for a row placed after ``previous`` (a sibling's number) under ``parent_number``.

    «2.4» → «2.5»; no previous sibling → «<parent>.1»; a sibling number without a
    trailing integer gives ``""`` (the coordinator types it or renumbers).
    """
    if previous:
        match = _TRAILING_INT.match(previous.strip())
        if match is None:
            return ""
        head, digits, dot = match.groups()
        return f"{head}{int(digits) + 1}{dot}"
    parent = parent_number.strip().rstrip(".")
    return f"{parent}.1" if parent else "1"


def roadmap_trees(session: Session, roadmap_id: int) -> list[tuple[int, list[NumberNode]]]:
    """The roadmap's sections with their item trees, in document order (plain queries)."""
    section_ids = list(session.scalars(
        select(Section.id).where(Section.roadmap_id == roadmap_id)
        .order_by(Section.position, Section.id)))
    rows = session.execute(
        select(Item.id, Item.section_id, Item.parent_id)
        .join(Section, Section.id == Item.section_id)
        .where(Section.roadmap_id == roadmap_id)
        .order_by(Item.position, Item.id)).all()
    nodes = {item_id: NumberNode(item_id) for item_id, _, _ in rows}
    tops: dict[int, list[NumberNode]] = {sid: [] for sid in section_ids}
    for item_id, section_id, parent_id in rows:
        if parent_id is not None and parent_id in nodes:
            nodes[parent_id].children.append(nodes[item_id])
        else:
            tops.setdefault(section_id, []).append(nodes[item_id])
    return [(sid, tops[sid]) for sid in section_ids]


def renumber(session: Session, roadmap_id: int) -> int:
    """Renumber every section and item of the roadmap; the caller commits.

    Returns how many numbers changed.
    """
    section_numbers, item_numbers = hierarchical_numbers(roadmap_trees(session, roadmap_id))
    changed = 0
    for table, numbers in ((Section.__table__, section_numbers), (Item.__table__, item_numbers)):
        current = dict(session.execute(
            select(table.c.id, table.c.number).where(table.c.id.in_(numbers))).all())
        params = [{"b_id": key, "b_number": number} for key, number in numbers.items()
                  if current.get(key) != number]
        if params:
            session.execute(update(table).where(table.c.id == bindparam("b_id"))
                            .values(number=bindparam("b_number"), **bumped(table, session)), params)
        changed += len(params)
    if changed:
        session.expire_all()  # loaded rows would keep their old versions
    return changed


def number_entries(session: Session, roadmap_id: int) -> list[NumberEntry]:
    """The roadmap's item numbers with the numbers of what holds each (tree order)."""
    sections = dict(session.execute(
        select(Section.id, Section.number).where(Section.roadmap_id == roadmap_id)).all())
    rows = session.execute(
        select(Item.id, Item.section_id, Item.parent_id, Item.number)
        .where(Item.section_id.in_(list(sections)))
        .order_by(Item.section_id, Item.position, Item.id)).all()
    numbers = {item_id: number or "" for item_id, _, _, number in rows}
    return [NumberEntry(item_id, number or "",
                        numbers.get(parent_id, "") if parent_id is not None
                        else sections.get(section_id) or "", parent_id is not None)
            for item_id, section_id, parent_id, number in rows]


def numbering_problems(session: Session, roadmap_id: int) -> dict[str, str]:
    """Number → problem, for a question before an export (each number once)."""
    entries = number_entries(session, roadmap_id)
    by_id = {e.item_id: bare_number(e.number) or "—" for e in entries}
    found: dict[str, str] = {}
    for item_id, problem in number_problems(entries).items():
        found.setdefault(by_id[item_id], problem)
    return found


def in_order(session: Session, roadmap_id: int) -> bool:
    """True when every number is the one :func:`renumber` would give (and the roadmap has
    sections: a flat list under an untitled one, or an empty roadmap, is numbered its own
    way — «1.», «2.»)."""
    section_numbers, item_numbers = hierarchical_numbers(roadmap_trees(session, roadmap_id))
    sections = {sid: (number, title) for sid, number, title in session.execute(
        select(Section.id, Section.number, Section.title)
        .where(Section.roadmap_id == roadmap_id))}
    if not sections or any(not (number or "").strip() and not (title or "").strip()
                           for number, title in sections.values()):
        return False
    if any(sections.get(k, ("", ""))[0] != v for k, v in section_numbers.items()):
        return False
    items = dict(session.execute(
        select(Item.id, Item.number).where(Item.id.in_(list(item_numbers)))).all())
    return all(items.get(k) == v for k, v in item_numbers.items())


def keeping_order(operation: Callable[[Session], T], roadmap_id: int) -> Callable[[Session], T]:
    """``operation`` (an add, move, indent, delete…), then a renumbering if the roadmap was
    numbered in order before it: a roadmap kept in order stays in order, in the same step
    (one undo). Numbers typed otherwise (an imported document's) are left for the
    coordinator, and the editor shows what is wrong with them."""

    def run(session: Session) -> T:
        was = in_order(session, roadmap_id)
        result = operation(session)
        session.flush()
        if was and renumber(session, roadmap_id) and not isinstance(result, list):
            return cast(T, True)  # a layout change that renumbered changed something
        return result

    return run


def order_roadmap_ids(session: Session, order_id: int) -> list[int]:
    """The roadmaps an order prints as its appendices (their numbers go to signature)."""
    from desktop.models.orders import OrderAppendix

    return list(dict.fromkeys(session.scalars(
        select(OrderAppendix.roadmap_id).where(OrderAppendix.order_id == order_id,
                                              OrderAppendix.roadmap_id.is_not(None))
        .order_by(OrderAppendix.position, OrderAppendix.id))))
