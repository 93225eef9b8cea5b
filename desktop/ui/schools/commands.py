"""Undo command of the school card: one concept document's fields, committed at once
(an undo over another user's later change of the document is refused)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.services import school_card
from desktop.services.school_card import DocKey
from desktop.ui.commands import CommittingCommand

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from desktop.models.database import Database
    from desktop.models.versions import RecordKey
    from desktop.ui.changes import Changes


class SetDocumentCommand(CommittingCommand):
    def __init__(self, database: Database, changes: Changes, school_id: int, key: DocKey,
                 values: dict[str, Any], text: str) -> None:
        super().__init__(database, changes, text)
        self.school_id, self.key, self.new_values = school_id, key, dict(values)
        with database.reading() as session:
            self.old_values = school_card.get_document(session, school_id, key)
        #: the document's record (kept when an undo removes it: a redo brings it back)
        self.doc_id: int | None = None

    def is_noop(self) -> bool:
        return self.old_values == self.new_values

    def records(self, session: Session) -> list[RecordKey]:
        self.doc_id = school_card.document_id(session, self.school_id, self.key) or self.doc_id
        return [] if self.doc_id is None else [("school_documents", self.doc_id)]

    def do(self) -> None:
        with self.session() as session:
            school_card.set_document(session, self.school_id, self.key, self.new_values,
                                     record_id=self.doc_id)
        self.changes.reference()

    def revert(self) -> None:
        with self.session() as session:
            school_card.set_document(session, self.school_id, self.key, self.old_values,
                                     record_id=self.doc_id)
        self.changes.reference()
