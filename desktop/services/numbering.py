"""Hierarchical numbering of a roadmap: sections 1..N, items «S.N», children «S.N.M».

The one place that knows how numbers are made. Numbers are otherwise kept as
typed or imported (real documents repeat and skip numbers); the editor
renumbers only on request, and suggests a number for a new row. No Qt.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from desktop.models import Item, Section
from desktop.models.versions import bumped

_TRAILING_INT = re.compile(r"^(.*?)(\d+)(\.?)$")


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
