"""Two directory entries that are one executor become one: «Объединить».

:func:`merge_executors` re-points everything that names the dropped organisation or person
(items' executors, schools' curators, an organisation's people) to the kept one, fills the
kept entry's empty fields from the dropped one, and deletes the dropped entry; an item that
named both keeps one executor. It returns a :class:`MergeUndo` from which
:func:`unmerge_executors` restores every row exactly. Plain functions over a session (the
caller commits); a value that is not acceptable raises :class:`UserError` before anything
changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from desktop.errors import UserError
from desktop.models import Item, ItemExecutor, Organisation, Person, School
from desktop.models.versions import RecordKey, bumped, keys
from desktop.services import registry

#: the fields of an entry that the kept one takes from the dropped one when its own is empty
FILLED = {"organisation": ("full_name",),
          "person": ("position", "phone", "email", "organisation_id")}
MODELS: dict[str, type[Organisation] | type[Person]] = {
    "organisation": Organisation, "person": Person}


@dataclass
class MergeUndo:
    """What one merge changed, to be put back exactly."""

    kind: str
    keep_id: int
    drop_id: int
    #: the kept entry's row before its empty fields were filled
    keep_row: dict[str, Any]
    #: the dropped entry (and any link left to it), from :func:`registry.delete_row`
    dropped: registry.Snapshot | None = None
    #: item executors re-pointed or removed as duplicates: their rows before the merge
    executors: list[dict[str, Any]] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)
    #: schools whose curator was the dropped person; people of the dropped organisation
    schools: list[int] = field(default_factory=list)
    people: list[int] = field(default_factory=list)
    items: list[int] = field(default_factory=list)

    def records(self) -> list[RecordKey]:
        """The records a merge or its undo writes (for the undo command's version check)."""
        table = MODELS[self.kind]
        return [*keys(table, [self.keep_id, self.drop_id]), *keys(Item, self.items),
                *keys(School, self.schools), *keys(Person, self.people)]


def _row(session: Session, model: type[Any], row_id: int) -> dict[str, Any]:
    table = model.__table__
    found = session.execute(select(table).where(table.c.id == row_id)).first()
    if found is None:
        noun = "Организация" if model is Organisation else "Запись"
        raise UserError(f"{noun} № {row_id} не найдена в справочнике (возможно, удалена)")
    return dict(found._mapping)


def merge_executors(session: Session, kind: str, keep_id: int, drop_id: int) -> MergeUndo:
    """Make ``drop_id`` one with ``keep_id`` (both of ``kind``: organisation or person)."""
    if kind not in MODELS:
        raise UserError("Объединить можно две организации или двух людей справочника")
    if keep_id == drop_id:
        raise UserError("Для объединения выберите две разные записи справочника")
    model = MODELS[kind]
    keep_row, drop_row = _row(session, model, keep_id), _row(session, model, drop_id)
    undo = MergeUndo(kind, keep_id, drop_id, keep_row)
    session.flush()
    session.expunge_all()

    column = ItemExecutor.organisation_id if kind == "organisation" else ItemExecutor.person_id
    keep = session.get(model, keep_id)
    assert keep is not None
    display = keep.short_name
    table = ItemExecutor.__table__
    rows = [dict(r._mapping) for r in session.execute(
        select(table).where(column == drop_id).order_by(table.c.item_id, table.c.position))]
    taken = set(session.scalars(select(ItemExecutor.item_id).where(column == keep_id)))
    for row in rows:
        undo.executors.append(row)
        if row["item_id"] in taken:
            undo.removed.append(row["id"])
            session.execute(delete(table).where(table.c.id == row["id"]))
        else:
            taken.add(row["item_id"])
            session.execute(update(table).where(table.c.id == row["id"])
                            .values({column.key: keep_id, "text": display}))
    undo.items = sorted({row["item_id"] for row in rows})
    if undo.items:
        items = Item.__table__
        session.execute(update(items).where(items.c.id.in_(undo.items))
                        .values(bumped(items, session)))
    if kind == "person":
        undo.schools = list(session.scalars(select(School.id).where(School.curator_id == drop_id)))
        if undo.schools:
            schools = School.__table__
            session.execute(update(schools).where(schools.c.id.in_(undo.schools))
                            .values({"curator_id": keep_id, **bumped(schools, session)}))
    else:
        undo.people = list(session.scalars(select(Person.id).where(
            Person.organisation_id == drop_id)))
        if undo.people:
            session.execute(update(Person.__table__).where(Person.id.in_(undo.people))
                            .values(organisation_id=keep_id))
    filled = {name: drop_row[name] for name in FILLED[kind]
              if not keep_row[name] and drop_row[name]}
    if filled:
        session.execute(update(model.__table__).where(model.__table__.c.id == keep_id)
                        .values(filled))
    session.expunge_all()
    undo.dropped = registry.delete_row(session, kind, drop_id)
    return undo


def unmerge_executors(session: Session, undo: MergeUndo) -> None:
    """Put back what :func:`merge_executors` changed: the dropped entry with its id, every
    executor, curator and person link as it was, and the kept entry's own fields."""
    assert undo.dropped is not None
    session.flush()
    session.expunge_all()
    model = MODELS[undo.kind]
    registry.restore_row(session, undo.dropped)
    mtable = model.__table__
    session.execute(update(mtable).where(mtable.c.id == undo.keep_id).values(undo.keep_row))
    table = ItemExecutor.__table__
    for row in undo.executors:
        if row["id"] in undo.removed:
            session.execute(insert(table), [row])
        else:
            session.execute(update(table).where(table.c.id == row["id"]).values(row))
    if undo.items:
        items = Item.__table__
        session.execute(update(items).where(items.c.id.in_(undo.items))
                        .values(bumped(items, session)))
    if undo.schools:
        schools = School.__table__
        session.execute(update(schools).where(schools.c.id.in_(undo.schools))
                        .values({"curator_id": undo.drop_id, **bumped(schools, session)}))
    if undo.people:
        session.execute(update(Person.__table__).where(Person.id.in_(undo.people))
                        .values(organisation_id=undo.drop_id))


def usage(session: Session, kind: str, ids: list[int]) -> dict[int, int]:
    """How many items name each entry as executor (what a merge would re-point)."""
    column = ItemExecutor.organisation_id if kind == "organisation" else ItemExecutor.person_id
    found = dict.fromkeys(ids, 0)
    for entry_id in ids:
        found[entry_id] = len(set(session.scalars(
            select(ItemExecutor.item_id).where(column == entry_id))))
    return found
