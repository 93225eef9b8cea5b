"""The shape of a roadmap: add, delete, restore, move, indent and outdent items and sections.

No Qt. The caller commits. Undo works on two plain values:

* a :class:`Layout` — where every item and section is (section, parent,
  position, number); capturing it before a change and applying it back undoes
  any move, indent, outdent, drag or renumbering exactly;
* a :class:`Snapshot` — the table rows of deleted items (with their children,
  executors, schools and per-school checklist rows), re-inserted with the same
  ids, so that later commands in the undo history still find them.

Positions of siblings (same section, same parent) are kept 0..n-1. Only rows whose place
really changes are written, and each such write counts the row's version up
(:mod:`desktop.models.versions`): another user's undo of an older edit then sees it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from desktop.errors import UserError
from desktop.models import (
    CellEvidence,
    ChecklistChange,
    ChecklistRow,
    Item,
    ItemExecutor,
    Roadmap,
    Section,
)
from desktop.models.roadmap import item_schools
from desktop.models.versions import bumped
from desktop.services.numbering import next_number

ITEMS = Item.__table__
SECTIONS = Section.__table__
EXECUTORS = ItemExecutor.__table__
CHECKLIST = ChecklistRow.__table__
DOCUMENTS = CellEvidence.__table__
HISTORY = ChecklistChange.__table__

ItemPlace = tuple[int, int | None, int, str]  #: section id, parent id, position, number


@dataclass
class Layout:
    """Where everything of one roadmap is."""

    items: dict[int, ItemPlace] = field(default_factory=dict)
    sections: dict[int, tuple[int, str]] = field(default_factory=dict)  #: position, number


@dataclass
class Snapshot:
    """Rows to re-insert: sections first, then items parents first, then their links."""

    sections: list[dict[str, Any]] = field(default_factory=list)
    items: list[dict[str, Any]] = field(default_factory=list)
    executors: list[dict[str, Any]] = field(default_factory=list)
    checklist: list[dict[str, Any]] = field(default_factory=list)
    schools: list[dict[str, Any]] = field(default_factory=list)
    #: the checklist cells' documents and their history (they go by ON DELETE CASCADE too)
    documents: list[dict[str, Any]] = field(default_factory=list)
    history: list[dict[str, Any]] = field(default_factory=list)


# ----------------------------------------------------------------------------- layout
def capture_layout(session: Session, roadmap_id: int) -> Layout:
    layout = Layout()
    for sid, position, number in session.execute(
            select(SECTIONS.c.id, SECTIONS.c.position, SECTIONS.c.number)
            .where(SECTIONS.c.roadmap_id == roadmap_id)):
        layout.sections[sid] = (position, number)
    for iid, sid, pid, position, number in session.execute(
            select(ITEMS.c.id, ITEMS.c.section_id, ITEMS.c.parent_id, ITEMS.c.position,
                   ITEMS.c.number).where(ITEMS.c.section_id.in_(list(layout.sections)))):
        layout.items[iid] = (sid, pid, position, number)
    return layout


def apply_layout(session: Session, roadmap_id: int, layout: Layout) -> None:
    """Put rows back where ``layout`` says (rows missing from either side are left alone)."""
    current = capture_layout(session, roadmap_id)
    section_params = [{"b_id": k, "b_pos": v[0], "b_num": v[1]}
                      for k, v in layout.sections.items()
                      if k in current.sections and current.sections[k] != v]
    if section_params:
        session.execute(update(SECTIONS).where(SECTIONS.c.id == bindparam("b_id"))
                        .values(position=bindparam("b_pos"), number=bindparam("b_num"),
                                **bumped(SECTIONS, session)),
                        section_params)
    item_params = [{"b_id": k, "b_sid": v[0], "b_pid": v[1], "b_pos": v[2], "b_num": v[3]}
                   for k, v in layout.items.items()
                   if k in current.items and current.items[k] != v]
    if item_params:
        session.execute(update(ITEMS).where(ITEMS.c.id == bindparam("b_id"))
                        .values(section_id=bindparam("b_sid"), parent_id=bindparam("b_pid"),
                                position=bindparam("b_pos"), number=bindparam("b_num"),
                                **bumped(ITEMS, session)),
                        item_params)
    if section_params or item_params:
        session.expire_all()  # loaded rows would keep their old versions


def descendants(layout: Layout, roots: Iterable[int]) -> list[int]:
    """``roots`` and everything under them, parents before children."""
    children: dict[int, list[int]] = {}
    for iid, (_, pid, _position, _) in sorted(layout.items.items(), key=lambda kv: kv[1][2]):
        if pid is not None:
            children.setdefault(pid, []).append(iid)
    ordered: list[int] = []
    queue = [r for r in roots if r in layout.items]
    while queue:
        iid = queue.pop(0)
        if iid in ordered:
            continue
        ordered.append(iid)
        queue.extend(children.get(iid, ()))
    return ordered


# ----------------------------------------------------------------------------- snapshots
def _rows(session: Session, stmt: Any) -> list[dict[str, Any]]:
    return [dict(row) for row in session.execute(stmt).mappings()]


def snapshot_items(session: Session, roadmap_id: int, roots: Iterable[int]) -> Snapshot:
    ids = descendants(capture_layout(session, roadmap_id), roots)
    by_id = {r["id"]: r for r in _rows(session, select(ITEMS).where(ITEMS.c.id.in_(ids)))}
    checklist = _rows(session, select(CHECKLIST).where(CHECKLIST.c.item_id.in_(ids)))
    return Snapshot(
        items=[by_id[i] for i in ids if i in by_id],
        executors=_rows(session, select(EXECUTORS).where(EXECUTORS.c.item_id.in_(ids))),
        checklist=checklist,
        schools=_rows(session, select(item_schools).where(item_schools.c.item_id.in_(ids))),
        documents=_rows(session, select(DOCUMENTS).where(
            DOCUMENTS.c.row_id.in_([r["id"] for r in checklist]))),
        history=_rows(session, select(HISTORY).where(HISTORY.c.item_id.in_(ids))),
    )


def snapshot_sections(session: Session, roadmap_id: int, section_ids: Iterable[int]) -> Snapshot:
    section_ids = list(section_ids)
    tops = session.scalars(select(ITEMS.c.id).where(ITEMS.c.section_id.in_(section_ids),
                                                    ITEMS.c.parent_id.is_(None)))
    snapshot = snapshot_items(session, roadmap_id, list(tops))
    snapshot.sections = _rows(session, select(SECTIONS).where(SECTIONS.c.id.in_(section_ids)))
    return snapshot


def insert_snapshot(session: Session, snapshot: Snapshot) -> None:
    """Re-insert deleted rows with their own ids."""
    for table, rows in ((SECTIONS, snapshot.sections), (ITEMS, snapshot.items),
                        (EXECUTORS, snapshot.executors), (CHECKLIST, snapshot.checklist),
                        (item_schools, snapshot.schools), (DOCUMENTS, snapshot.documents),
                        (HISTORY, snapshot.history)):
        for row in rows:  # one by one: parents must exist before their children
            session.execute(insert(table).values(**row))


def delete_snapshot(session: Session, snapshot: Snapshot) -> None:
    """Delete the rows of ``snapshot`` (children, executors … go by ON DELETE CASCADE)."""
    if snapshot.items:
        session.execute(delete(ITEMS).where(ITEMS.c.id.in_([r["id"] for r in snapshot.items])))
    if snapshot.sections:
        session.execute(delete(SECTIONS).where(
            SECTIONS.c.id.in_([r["id"] for r in snapshot.sections])))
    session.expire_all()


# ----------------------------------------------------------------------------- siblings
def siblings(session: Session, section_id: int, parent_id: int | None) -> list[int]:
    parent = ITEMS.c.parent_id.is_(None) if parent_id is None else ITEMS.c.parent_id == parent_id
    return list(session.scalars(select(ITEMS.c.id).where(ITEMS.c.section_id == section_id, parent)
                                .order_by(ITEMS.c.position, ITEMS.c.id)))


def _place(session: Session, ids: list[int], section_id: int, parent_id: int | None) -> None:
    """Make ``ids`` the children of (section, parent) in this order (rows already in their
    place are not written)."""
    if ids:
        current = {iid: (sid, pid, position) for iid, sid, pid, position in session.execute(
            select(ITEMS.c.id, ITEMS.c.section_id, ITEMS.c.parent_id, ITEMS.c.position)
            .where(ITEMS.c.id.in_(ids)))}
        params = [{"b_id": iid, "b_pos": n} for n, iid in enumerate(ids)
                  if current.get(iid) != (section_id, parent_id, n)]
        if params:
            session.execute(update(ITEMS).where(ITEMS.c.id == bindparam("b_id"))
                            .values(section_id=section_id, parent_id=parent_id,
                                    position=bindparam("b_pos"), **bumped(ITEMS, session)),
                            params)
    session.expire_all()


def _item_place(session: Session, item_id: int) -> tuple[int, int | None]:
    row = session.execute(select(ITEMS.c.section_id, ITEMS.c.parent_id)
                          .where(ITEMS.c.id == item_id)).first()
    if row is None:
        raise UserError(f"Мероприятие № {item_id} не найдено (возможно, удалено)")
    return row[0], row[1]


def _section_roadmap(session: Session, section_id: int) -> int:
    roadmap_id = session.scalar(select(SECTIONS.c.roadmap_id).where(SECTIONS.c.id == section_id))
    if roadmap_id is None:
        raise UserError(f"Раздел № {section_id} не найден (возможно, удалён)")
    return roadmap_id


def _move_subtree_section(session: Session, item_id: int, section_id: int) -> None:
    roadmap_id = _section_roadmap(session, section_id)
    ids = descendants(capture_layout(session, roadmap_id), [item_id])
    session.execute(update(ITEMS).where(ITEMS.c.id.in_(ids), ITEMS.c.section_id != section_id)
                    .values(section_id=section_id, **bumped(ITEMS, session)))


# ----------------------------------------------------------------------------- items
def add_item(session: Session, *, section_id: int, parent_id: int | None = None,
             position: int | None = None, number: str | None = None, activity: str = "") -> int:
    """A new empty item among the children of (section, parent) at ``position`` (end: None).

    Without ``number`` the next number after the previous sibling is suggested.
    """
    _section_roadmap(session, section_id)
    ids = siblings(session, section_id, parent_id)
    position = len(ids) if position is None else max(0, min(position, len(ids)))
    if number is None:
        previous = session.scalar(select(ITEMS.c.number).where(ITEMS.c.id == ids[position - 1])) \
            if position > 0 else None
        parent_number = session.scalar(
            select(ITEMS.c.number).where(ITEMS.c.id == parent_id) if parent_id is not None
            else select(SECTIONS.c.number).where(SECTIONS.c.id == section_id)) or ""
        number = next_number(previous, parent_number)
    item = Item(section_id=section_id, parent_id=parent_id, position=position, number=number,
                activity=activity)
    session.add(item)
    session.flush()
    ids.insert(position, item.id)
    _place(session, ids, section_id, parent_id)
    return item.id


def delete_items(session: Session, roadmap_id: int, item_ids: Iterable[int]) -> Snapshot:
    """Delete the items with their children; returns what :func:`insert_snapshot` restores."""
    item_ids = list(item_ids)
    layout = capture_layout(session, roadmap_id)
    missing = [i for i in item_ids if i not in layout.items]
    if missing:
        raise UserError(f"Мероприятие № {missing[0]} не найдено (возможно, удалено)")
    groups = {layout.items[i][:2] for i in item_ids}
    snapshot = snapshot_items(session, roadmap_id, item_ids)
    delete_snapshot(session, snapshot)
    for section_id, parent_id in groups:
        _place(session, siblings(session, section_id, parent_id), section_id, parent_id)
    return snapshot


def move_item(session: Session, item_id: int, delta: int) -> bool:
    """Move the item up (-1) or down (+1) among its siblings. False at the edge."""
    section_id, parent_id = _item_place(session, item_id)
    ids = siblings(session, section_id, parent_id)
    old = ids.index(item_id)
    new = old + delta
    if not 0 <= new < len(ids):
        return False
    ids.insert(new, ids.pop(old))
    _place(session, ids, section_id, parent_id)
    return True


def indent_item(session: Session, item_id: int) -> bool:
    """Make the item the last child of its previous sibling (4.2 → 4.1.x)."""
    section_id, parent_id = _item_place(session, item_id)
    ids = siblings(session, section_id, parent_id)
    row = ids.index(item_id)
    if row == 0:
        return False
    new_parent = ids[row - 1]
    ids.pop(row)
    _place(session, ids, section_id, parent_id)
    _place(session, [*siblings(session, section_id, new_parent), item_id], section_id, new_parent)
    return True


def outdent_item(session: Session, item_id: int) -> bool:
    """Make the item the next sibling of its parent (4.1.1 → 4.2)."""
    section_id, parent_id = _item_place(session, item_id)
    if parent_id is None:
        return False
    ids = siblings(session, section_id, parent_id)
    ids.remove(item_id)
    _place(session, ids, section_id, parent_id)
    _, grand = _item_place(session, parent_id)
    upper = siblings(session, section_id, grand)
    upper.insert(upper.index(parent_id) + 1, item_id)
    _place(session, upper, section_id, grand)
    return True


def move_items(session: Session, item_ids: list[int], section_id: int, parent_id: int | None,
               position: int) -> bool:
    """Drag and drop: put the items, in this order, under (section, parent) at ``position``."""
    roadmap_id = _section_roadmap(session, section_id)
    layout = capture_layout(session, roadmap_id)
    if parent_id is not None and parent_id in descendants(layout, item_ids):
        return False  # never into itself or its own children
    moving = [i for i in item_ids if i in layout.items]
    if not moving:
        return False
    target = siblings(session, section_id, parent_id)
    before = [i for i in target[:max(0, position)] if i not in moving]
    after = [i for i in target[max(0, position):] if i not in moving]
    for iid in moving:
        old_section, old_parent = layout.items[iid][:2]
        if (old_section, old_parent) != (section_id, parent_id):
            rest = [i for i in siblings(session, old_section, old_parent) if i not in moving]
            _place(session, rest, old_section, old_parent)
        if old_section != section_id:
            _move_subtree_section(session, iid, section_id)
    _place(session, [*before, *moving, *after], section_id, parent_id)
    return True


# ----------------------------------------------------------------------------- sections
def section_ids(session: Session, roadmap_id: int) -> list[int]:
    return list(session.scalars(select(SECTIONS.c.id).where(SECTIONS.c.roadmap_id == roadmap_id)
                                .order_by(SECTIONS.c.position, SECTIONS.c.id)))


def _place_sections(session: Session, ids: list[int]) -> None:
    current = dict(session.execute(select(SECTIONS.c.id, SECTIONS.c.position)
                                   .where(SECTIONS.c.id.in_(ids))).all()) if ids else {}
    params = [{"b_id": sid, "b_pos": n} for n, sid in enumerate(ids) if current.get(sid) != n]
    if params:
        session.execute(update(SECTIONS).where(SECTIONS.c.id == bindparam("b_id"))
                        .values(position=bindparam("b_pos"), **bumped(SECTIONS, session)), params)
        session.expire_all()


def add_section(session: Session, roadmap_id: int, *, position: int | None = None,
                title: str = "Новый раздел", numbered: bool = True,
                number: str | None = None) -> int:
    """A new section; ``numbered=False`` with an empty title is the untitled one that holds
    the items of a roadmap without sections (it prints no section row)."""
    if session.get(Roadmap, roadmap_id) is None:
        raise UserError(f"Дорожная карта № {roadmap_id} не найдена")
    ids = section_ids(session, roadmap_id)
    position = len(ids) if position is None else max(0, min(position, len(ids)))
    if number is None:
        number = str(len(ids) + 1) if numbered else ""
    section = Section(roadmap_id=roadmap_id, position=position, number=number, title=title)
    session.add(section)
    session.flush()
    ids.insert(position, section.id)
    _place_sections(session, ids)
    return section.id


def add_first_item(session: Session, roadmap_id: int) -> int:
    """The first item of an empty roadmap, in an untitled section (no section is forced on
    the user: a flat list «1.»–«25.» is a valid roadmap); returns the section's id."""
    section_id = add_section(session, roadmap_id, title="", numbered=False)
    add_item(session, section_id=section_id)
    return section_id


def delete_sections(session: Session, roadmap_id: int, ids: Iterable[int]) -> Snapshot:
    ids = list(ids)
    snapshot = snapshot_sections(session, roadmap_id, ids)
    if len(snapshot.sections) != len(ids):
        raise UserError("Раздел не найден (возможно, удалён)")
    delete_snapshot(session, snapshot)
    _place_sections(session, section_ids(session, roadmap_id))
    return snapshot


def move_section(session: Session, section_id: int, delta: int) -> bool:
    ids = section_ids(session, _section_roadmap(session, section_id))
    old = ids.index(section_id)
    if not 0 <= old + delta < len(ids):
        return False
    ids.insert(old + delta, ids.pop(old))
    _place_sections(session, ids)
    return True
