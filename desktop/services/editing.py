"""Edits of roadmap items as plain functions over a session: the one funnel the UI's undo
commands go through (no Qt here).

A field is named by :class:`desktop.models.columns.Field`; its value is a ``str`` for
text fields (the deadline too — it is re-parsed against the roadmap's period), an
:class:`ItemStatus` for the status and a ``date | None`` for the date done.

A done item always has its date (a done item without one is a damaged state that every
report would have to guess about, see :mod:`desktop.services.monitoring`):

- setting «выполнено» on an item without a date fills in today's date;
- clearing the date of a done item is refused with a message (to take the date away,
  change the status first: leaving «выполнено» clears the date itself);
- an undo restores the fields exactly as they were read (:func:`restore_item_state`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import UserError
from desktop.models import Item, ItemExecutor, Organisation, Person, School
from desktop.models.columns import EDITABLE_FIELDS, TEXT_ATTRIBUTES, Field
from desktop.models.enums import ItemStatus, SchoolScope
from desktop.models.executor_match import Key, match_key
from desktop.models.executors import split_executors
from desktop.models.versions import touch

CLEAR_DONE_DATE = ("У выполненного мероприятия должна быть дата выполнения. Чтобы убрать "
                   "дату, сначала смените статус")


def load_item(session: Session, item_id: int) -> Item:
    item = session.get(Item, item_id)
    if item is None:
        raise UserError(f"Мероприятие № {item_id} не найдено (возможно, удалено)")
    return item


def get_item_field(item: Item, field: Field) -> Any:
    """The stored value of ``field`` (what :func:`set_item_field` accepts back)."""
    if field in TEXT_ATTRIBUTES:
        return getattr(item, TEXT_ATTRIBUTES[field])
    if field is Field.DEADLINE:
        return item.deadline_text
    if field is Field.STATUS:
        return item.status
    if field is Field.DONE_DATE:
        return item.done_date
    raise ValueError(f"field {field} is not editable in place")


def set_item_field(session: Session, item_id: int, field: Field, value: Any,
                   *, today: dt.date | None = None) -> None:
    """Store ``value`` in ``field`` of the item; the caller commits.

    Ticking an item done without a date sets ``today`` (default: the calendar's);
    leaving «done» clears the date; clearing the date of a done item is refused.
    """
    item = load_item(session, item_id)
    if field in TEXT_ATTRIBUTES:
        setattr(item, TEXT_ATTRIBUTES[field], str(value))
    elif field is Field.DEADLINE:
        item.set_deadline(str(value), item.section.roadmap.period)
    elif field is Field.STATUS:
        status = ItemStatus(value)
        if status is ItemStatus.DONE and item.done_date is None:
            item.done_date = today or dt.date.today()
        elif status is not ItemStatus.DONE:
            item.done_date = None
        item.status = status
    elif field is Field.DONE_DATE:
        if value is not None and not isinstance(value, dt.date):
            raise UserError("Дата выполнения должна быть датой")
        if value is None and item.status is ItemStatus.DONE:
            raise UserError(CLEAR_DONE_DATE)
        item.done_date = value
    else:
        raise ValueError(f"field {field} is not editable in place")


def item_state(item: Item) -> dict[Field, Any]:
    """Every editable field's value: what an undo needs to restore the item exactly."""
    return {field: get_item_field(item, field) for field in EDITABLE_FIELDS}


def restore_item_state(session: Session, item_id: int, state: dict[Field, Any]) -> None:
    item = load_item(session, item_id)
    for field, value in state.items():
        if field is Field.STATUS:
            item.status = ItemStatus(value)
        elif field is Field.DONE_DATE:
            item.done_date = value
        else:
            set_item_field(session, item_id, field, value)


# ----------------------------------------------------------------------------- executors
@dataclass(frozen=True)
class ExecutorEntry:
    """One executor as stored: a directory organisation, a person, or typed text."""

    organisation_id: int | None = None
    person_id: int | None = None
    text: str = ""


def get_executors(session: Session, item_id: int) -> list[ExecutorEntry]:
    item = load_item(session, item_id)
    return [ExecutorEntry(e.organisation_id, e.person_id, e.text) for e in item.executors]


def set_executors(session: Session, item_id: int, entries: list[ExecutorEntry]) -> None:
    """Replace the item's executors by ``entries`` (in order); the caller commits."""
    item = load_item(session, item_id)
    touch(item)  # the executors are the item's: another user's older read is refused
    item.executors.clear()
    session.flush()
    for position, entry in enumerate(entries):
        item.executors.append(ItemExecutor(
            position=position, organisation_id=entry.organisation_id,
            person_id=entry.person_id, text=entry.text))


def resolve_executors(session: Session, text: str) -> tuple[list[ExecutorEntry], list[str]]:
    """Match typed executor names to the directory.

    Returns the entries (directory matches carry their id and the name as a
    snapshot; others are typed text) and the names not found in the directory.
    """
    # matched as the import matches them (desktop.models.executor_match): case, ё,
    # punctuation, stray quotes, plural and word order aside; «Хняч И.Н.» = «И.Н. Хняч»
    names: dict[Key, ExecutorEntry] = {}
    for org in session.scalars(select(Organisation)):
        entry = ExecutorEntry(organisation_id=org.id, text=org.short_name)
        for name in (org.full_name, org.short_name):
            if name:
                names[match_key(name)] = entry
    for person in session.scalars(select(Person)):
        entry = ExecutorEntry(person_id=person.id, text=person.short_name)
        for name in (person.name, person.short_name):
            if name:
                names.setdefault(match_key(name), entry)
    entries: list[ExecutorEntry] = []
    unknown: list[str] = []
    for token in split_executors(text):
        found = names.get(match_key(token))
        if found is None:
            unknown.append(token)
            found = ExecutorEntry(text=token)
        entries.append(found)
    return entries, unknown


def add_organisations(session: Session, names: list[str]) -> list[int]:
    """New directory organisations (short name = full name = the typed name)."""
    created = []
    for name in names:
        org = Organisation(short_name=name, full_name=name)
        session.add(org)
        session.flush()
        created.append(org.id)
    return created


# ----------------------------------------------------------------------------- schools
def get_schools(session: Session, item_id: int) -> tuple[SchoolScope, list[int]]:
    item = load_item(session, item_id)
    return item.school_scope, [s.id for s in item.schools]


def set_schools(session: Session, item_id: int, scope: SchoolScope,
                school_ids: list[int]) -> None:
    """Which schools the item concerns: all «500+», all ШНОР, the chosen ones or none."""
    item = load_item(session, item_id)
    touch(item)  # the chosen schools are links: count the item's version up for them
    item.school_scope = SchoolScope(scope)
    chosen = list(session.scalars(select(School).where(School.id.in_(school_ids))))
    item.schools = chosen if item.school_scope is SchoolScope.CHOSEN else []
