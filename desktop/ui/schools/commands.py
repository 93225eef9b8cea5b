"""Undo command of the school card: one concept document's fields, committed at once."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.services import school_card
from desktop.services.school_card import DocKey
from desktop.ui.commands import CommittingCommand

if TYPE_CHECKING:
    from desktop.models.database import Database
    from desktop.ui.changes import Changes


class SetDocumentCommand(CommittingCommand):
    def __init__(self, database: Database, changes: Changes, school_id: int, key: DocKey,
                 values: dict[str, Any], text: str) -> None:
        super().__init__(database, changes, text)
        self.school_id, self.key, self.new_values = school_id, key, dict(values)
        with database.session() as session:
            self.old_values = school_card.get_document(session, school_id, key)

    def is_noop(self) -> bool:
        return self.old_values == self.new_values

    def do(self) -> None:
        with self.database.session() as session:
            school_card.set_document(session, self.school_id, self.key, self.new_values)
        self.changes.reference()

    def revert(self) -> None:
        with self.database.session() as session:
            school_card.set_document(session, self.school_id, self.key, self.old_values)
        self.changes.reference()
