"""Undo commands for the registry and the directories; each commits at once and reports
``changes.reference()`` so that every page showing schools or directories re-reads.
An undo over another user's later change of the row is refused (schools by their version,
organisations, people and risk factors, which keep none, by their values)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.models.versions import RecordKey, keys
from desktop.services import registry
from desktop.services.executor_merge import MergeUndo, merge_executors, unmerge_executors
from desktop.ui.commands import CommittingCommand

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from desktop.models.database import Database
    from desktop.ui.changes import Changes


class SetValueCommand(CommittingCommand):
    """Change one field of one school, organisation, person or risk factor."""

    def __init__(self, database: Database, changes: Changes, kind: str, row_id: int,
                 field: str, value: Any, text: str) -> None:
        super().__init__(database, changes, text)
        with database.reading() as s:
            self.old_value = registry.get_value(s, kind, row_id, field)
        self.kind, self.row_id, self.field, self.new_value = kind, row_id, field, value

    def records(self, session: Session) -> list[RecordKey]:
        return keys(registry.ENTITIES[self.kind], [self.row_id])

    def do(self) -> None:
        with self.session() as s:
            registry.set_value(s, self.kind, self.row_id, self.field, self.new_value)
        self.changes.reference()

    def revert(self) -> None:
        with self.session() as s:
            registry.set_value(s, self.kind, self.row_id, self.field, self.old_value)
        self.changes.reference()


class AddRowsCommand(CommittingCommand):
    """Add rows of one kind (one row from «Добавить», many from a pasted list).

    The first redo creates them; undo deletes them keeping snapshots, and a later redo
    restores the snapshots, so the rows come back with the same ids.
    """

    def __init__(self, database: Database, changes: Changes, kind: str,
                 rows: list[dict[str, Any]], text: str) -> None:
        super().__init__(database, changes, text)
        self.kind, self.rows = kind, rows
        self.ids: list[int] = []
        self.snapshots: list[registry.Snapshot] = []

    def records(self, session: Session) -> list[RecordKey]:
        return keys(registry.ENTITIES[self.kind], self.ids)

    def do(self) -> None:
        with self.session() as s:
            if self.snapshots:
                for snap in self.snapshots:
                    registry.restore_row(s, snap)
            else:
                self.ids = [registry.create(s, self.kind, values) for values in self.rows]
        self.snapshots = []
        self.changes.reference()

    def revert(self) -> None:
        with self.session() as s:
            self.snapshots = [registry.delete_row(s, self.kind, i) for i in self.ids]
        self.changes.reference()


class DeleteRowsCommand(CommittingCommand):
    """Delete rows; undo brings them back with their links (registry.Snapshot)."""

    def __init__(self, database: Database, changes: Changes, kind: str, ids: list[int],
                 text: str) -> None:
        super().__init__(database, changes, text)
        self.kind, self.ids = kind, list(ids)
        self.snapshots: list[registry.Snapshot] = []

    def records(self, session: Session) -> list[RecordKey]:
        return keys(registry.ENTITIES[self.kind], self.ids)

    def do(self) -> None:
        with self.session() as s:
            self.snapshots = [registry.delete_row(s, self.kind, i) for i in self.ids]
        self.changes.reference()

    def revert(self) -> None:
        with self.session() as s:
            for snap in reversed(self.snapshots):
                registry.restore_row(s, snap)
        self.changes.reference()


class MergeEntriesCommand(CommittingCommand):
    """«Объединить»: two organisations (or two people) become the kept one; every item,
    school and person that named the dropped one names the kept one. Undo restores the
    dropped entry with its id and every link exactly."""

    def __init__(self, database: Database, changes: Changes, kind: str, keep_id: int,
                 drop_id: int, text: str) -> None:
        super().__init__(database, changes, text)
        self.kind, self.keep_id, self.drop_id = kind, keep_id, drop_id
        self.undo_data: MergeUndo | None = None

    def records(self, session: Session) -> list[RecordKey]:
        if self.undo_data is not None:
            return self.undo_data.records()
        return keys(registry.ENTITIES[self.kind], [self.keep_id, self.drop_id])

    def do(self) -> None:
        with self.session() as s:
            self.undo_data = merge_executors(s, self.kind, self.keep_id, self.drop_id)
        self._changed()

    def revert(self) -> None:
        assert self.undo_data is not None
        with self.session() as s:
            unmerge_executors(s, self.undo_data)
        self._changed()

    def _changed(self) -> None:
        self.changes.reference()
        if self.undo_data is not None and self.undo_data.items:
            self.changes.items(list(self.undo_data.items))
