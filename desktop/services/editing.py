"""Edits of roadmap items as plain functions over a session: the one funnel the UI's undo
commands go through (no Qt here).

A field is named by :class:`desktop.models.columns.Field`; its value is a ``str`` for
text fields (the deadline too — it is re-parsed against the roadmap's period), an
:class:`ItemStatus` for the status and a ``date | None`` for the date done.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from desktop.errors import UserError
from desktop.models import Item
from desktop.models.columns import Field
from desktop.models.enums import ItemStatus

#: fields stored as plain text on the item, by attribute name
TEXT_ATTRIBUTES: dict[Field, str] = {
    Field.NUMBER: "number",
    Field.ACTIVITY: "activity",
    Field.TASKS: "tasks",
    Field.INDICATOR: "indicator",
    Field.EVIDENCE: "evidence",
    Field.INFO_SUPPORT: "info_support",
    Field.NOTE: "note",
}
EDITABLE_FIELDS = frozenset({*TEXT_ATTRIBUTES, Field.DEADLINE, Field.STATUS, Field.DONE_DATE})


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

    Ticking an item done without a date sets today's date; leaving «done» clears it.
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
