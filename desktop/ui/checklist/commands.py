"""Undo commands of the checklist: set one or many cells, each one committed change.

``redo`` stores the new states through :func:`desktop.services.checklist.set_cells` (which
appends the history); ``undo`` stores the old states back (history «отмена») and puts the
items' own statuses back exactly as they were: refused when another user changed one of
those cells or items since (:meth:`CommittingCommand.records`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.models.versions import RecordKey, cell_keys
from desktop.services import checklist
from desktop.services.checklist import Cell, CellState
from desktop.ui.commands import CommittingCommand

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from desktop.models.database import Database
    from desktop.ui.changes import Changes


class SetCellsCommand(CommittingCommand):
    """«отметка: 1.4 — СОШ1» or «отметка: 12 ячеек»."""

    def __init__(self, database: Database, changes: Changes, states: dict[Cell, CellState],
                 text: str, *, source: str = "окно") -> None:
        super().__init__(database, changes, text)
        self.new_states = dict(states)
        self.source = source
        with database.reading() as session:
            self.old_states = checklist.cell_states(session, states)
            self.old_marks = checklist.item_marks(session, {i for i, _ in states})

    def is_noop(self) -> bool:
        return all(self.old_states.get(c) == s for c, s in self.new_states.items())

    def item_ids(self) -> list[int]:
        return sorted({i for i, _ in self.new_states})

    def records(self, session: Session) -> list[RecordKey]:
        return cell_keys(session, self.new_states)

    def do(self) -> None:
        with self.session() as session:
            checklist.set_cells(session, self.new_states, source=self.source)
        self.changes.items(self.item_ids())

    def revert(self) -> None:
        with self.session() as session:
            checklist.set_cells(session, self.old_states, source="отмена")
            checklist.restore_item_marks(session, self.old_marks)
        self.changes.items(self.item_ids())
