"""The authority's profile (order header, signature, executor mark): read and store it.

Stored through the write funnel by the window's undoable «профиль» command; ``save`` returns
the values it replaced, so that the undo stores them back."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import Authority

#: the profile's fields (attribute names of :class:`~desktop.models.Authority`)
FIELDS = ("full_name", "short_name", "city", "region", "oktmo", "head_position", "head_name",
          "coordinator_name", "coordinator_phone", "coordinator_email")


def read_profile(session: Session) -> dict[str, str]:
    """The profile's values ("" where empty; all "" before the first save)."""
    authority = session.scalar(select(Authority).limit(1)) or Authority()
    return {name: getattr(authority, name) or "" for name in FIELDS}


def save_profile(session: Session, values: dict[str, Any]) -> dict[str, str]:
    """Store ``values`` (the first save creates the profile); returns the values before."""
    authority = session.scalar(select(Authority).limit(1))
    if authority is None:
        authority = Authority()
        session.add(authority)
    before = {name: getattr(authority, name) or "" for name in FIELDS}
    for name, value in values.items():
        if name in FIELDS:
            setattr(authority, name, value)
    return before
