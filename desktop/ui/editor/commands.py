"""Undo commands of the roadmap editor: structure (add, delete, move, renumber, paste),
executors and schools. Each commits at once (see :class:`CommittingCommand`).

Structural commands keep the roadmap's :class:`Layout` from before and after
their first run: undo re-inserts or deletes rows by snapshot, then puts every
row the command moved back where it was; redo does the reverse. Rows are
re-inserted with their own ids, so later commands in the history still find them.
Those rows (moved, added, deleted) are the records an undo or redo expects
unchanged by other users (:meth:`CommittingCommand.records`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import delete
from sqlalchemy.orm import Session

from desktop.models import Organisation
from desktop.models.enums import SchoolScope
from desktop.services import numbering, structure
from desktop.services.editing import (
    ExecutorEntry,
    add_organisations,
    get_executors,
    get_schools,
    load_item,
    set_executors,
    set_schools,
)
from desktop.services.structure import Layout, Snapshot
from desktop.ui.commands import CommittingCommand

if TYPE_CHECKING:
    from desktop.models.database import Database
    from desktop.models.versions import RecordKey, Version
    from desktop.ui.changes import Changes

#: a structural change: runs in a session, returns the ids it created (or None)
Operation = Callable[[Session], "list[int] | None"]


class StructureCommand(CommittingCommand):
    """Base of structural commands; subclasses say what to re-create or remove."""

    def __init__(self, database: Database, changes: Changes, roadmap_id: int, text: str) -> None:
        super().__init__(database, changes, text)
        self.roadmap_id = roadmap_id
        self.before: Layout | None = None
        self.after: Layout | None = None
        #: False when the first run changed nothing (a move at the edge): not worth an undo step
        self.changed = True
        self._changed_rows: tuple[set[int], set[int]] | None = None

    def first_run(self, session: Session) -> None:
        raise NotImplementedError

    def remake(self, session: Session) -> None:
        """Redo after an undo: re-create what the first run created (layout follows)."""

    def unmake(self, session: Session) -> None:
        """Undo: remove what the first run created (layout follows)."""

    def do(self) -> None:
        with self.session() as session:
            if self.after is None:
                self.before = structure.capture_layout(session, self.roadmap_id)
                self.first_run(session)
                session.flush()
                self.after = structure.capture_layout(session, self.roadmap_id)
            else:
                self.remake(session)
                structure.apply_layout(session, self.roadmap_id, self._moved(self.after))
        self.changes.roadmap(self.roadmap_id)

    def revert(self) -> None:
        assert self.before is not None
        with self.session() as session:
            self.unmake(session)
            structure.apply_layout(session, self.roadmap_id, self._moved(self.before))
        self.changes.roadmap(self.roadmap_id)

    def _moved(self, layout: Layout) -> Layout:
        """The places in ``layout`` of the rows this command changed: the others stay as
        they are now (another user may have moved them meanwhile)."""
        items, sections = self._changed()
        return Layout(items={k: v for k, v in layout.items.items() if k in items},
                      sections={k: v for k, v in layout.sections.items() if k in sections})

    def _changed(self) -> tuple[set[int], set[int]]:
        """Items and sections placed, numbered, added or deleted by the first run."""
        if self.before is None or self.after is None:
            return set(), set()
        if self._changed_rows is None:
            before, after = self.before, self.after
            self._changed_rows = ({k for k in before.items.keys() | after.items.keys()
                                   if before.items.get(k) != after.items.get(k)},
                                  {k for k in before.sections.keys() | after.sections.keys()
                                   if before.sections.get(k) != after.sections.get(k)})
        return self._changed_rows

    def records(self, session: Session) -> list[RecordKey]:
        items, sections = self._changed()
        return [*(("items", i) for i in items), *(("sections", i) for i in sections)]

    def start_versions(self, session: Session) -> dict[RecordKey, Version]:
        if self.after is not None:
            return super().start_versions(session)
        # the first run may move any row: two queries rather than one per 500 rows
        from desktop.models.versions import roadmap_versions

        return roadmap_versions(session, self.roadmap_id, ("sections", "items"))


class LayoutCommand(StructureCommand):
    """Move, indent, outdent, drag, renumber: only places and numbers change."""

    def __init__(self, database: Database, changes: Changes, roadmap_id: int, text: str,
                 operation: Callable[[Session], bool | int]) -> None:
        super().__init__(database, changes, roadmap_id, text)
        self.operation = operation

    def first_run(self, session: Session) -> None:
        self.changed = bool(self.operation(session))
        if not self.changed:
            self.setObsolete(True)  # QUndoStack drops it: nothing to undo


class InsertCommand(StructureCommand):
    """Add items or sections (new, or pasted); ``operation`` returns the new ids."""

    def __init__(self, database: Database, changes: Changes, roadmap_id: int, text: str,
                 operation: Operation, *, sections: bool = False) -> None:
        super().__init__(database, changes, roadmap_id, text)
        self.operation = operation
        self.sections = sections
        self.created: list[int] = []
        self.snapshot = Snapshot()

    def first_run(self, session: Session) -> None:
        self.created = list(self.operation(session) or [])
        session.flush()
        if self.sections:
            self.snapshot = structure.snapshot_sections(session, self.roadmap_id, self.created)
        else:
            self.snapshot = structure.snapshot_items(session, self.roadmap_id, self.created)

    def remake(self, session: Session) -> None:
        structure.insert_snapshot(session, self.snapshot)

    def unmake(self, session: Session) -> None:
        structure.delete_snapshot(session, self.snapshot)


class DeleteCommand(StructureCommand):
    """Delete items (with their children) or sections (with their items)."""

    def __init__(self, database: Database, changes: Changes, roadmap_id: int, text: str, *,
                 item_ids: list[int] | None = None, section_ids: list[int] | None = None,
                 keep_order: bool = False) -> None:
        super().__init__(database, changes, roadmap_id, text)
        #: renumber after the deletion if the roadmap was numbered in order
        self.keep_order = keep_order
        self.item_ids = item_ids or []
        self.section_ids = section_ids or []
        self.snapshots: list[Snapshot] = []

    def first_run(self, session: Session) -> None:
        if self.keep_order:
            numbering.keeping_order(self._delete, self.roadmap_id)(session)
        else:
            self._delete(session)

    def _delete(self, session: Session) -> None:
        self.snapshots = []
        if self.section_ids:
            self.snapshots.append(structure.delete_sections(session, self.roadmap_id,
                                                            self.section_ids))
        remaining = [i for i in self.item_ids
                     if i in structure.capture_layout(session, self.roadmap_id).items]
        if remaining:
            self.snapshots.append(structure.delete_items(session, self.roadmap_id, remaining))

    def remake(self, session: Session) -> None:
        for snapshot in self.snapshots:
            structure.delete_snapshot(session, snapshot)

    def unmake(self, session: Session) -> None:
        for snapshot in self.snapshots:
            structure.insert_snapshot(session, snapshot)


class SetExecutorsCommand(CommittingCommand):
    """Replace an item's executors, adding new directory organisations if asked."""

    def __init__(self, database: Database, changes: Changes, item_id: int,
                 entries: list[ExecutorEntry], *, new_organisations: list[str] = ()) -> None:
        with database.reading() as session:
            item = load_item(session, item_id)
            self.old = get_executors(session, item_id)
            number = item.number
        super().__init__(database, changes, f"изменение «Исполнители» ({number})")
        self.item_id = item_id
        self.entries = entries
        self.new_organisations = list(new_organisations)
        self.created: list[int] = []

    def records(self, session: Session) -> list[RecordKey]:
        return [("items", self.item_id)]

    def do(self) -> None:
        with self.session() as session:
            self.created = add_organisations(session, self.new_organisations)
            by_name = dict(zip(self.new_organisations, self.created, strict=True))
            entries = [ExecutorEntry(organisation_id=by_name[e.text], text=e.text)
                       if e.organisation_id is None and e.person_id is None and e.text in by_name
                       else e for e in self.entries]
            set_executors(session, self.item_id, entries)
        self.changes.items([self.item_id])
        if self.created:
            self.changes.reference()

    def revert(self) -> None:
        with self.session() as session:
            set_executors(session, self.item_id, self.old)
            if self.created:
                session.flush()
                session.execute(delete(Organisation).where(Organisation.id.in_(self.created)))
        self.changes.items([self.item_id])
        if self.created:
            self.changes.reference()

    def is_noop(self) -> bool:
        return self.entries == self.old and not self.new_organisations


class SetSchoolsCommand(CommittingCommand):
    """Which schools items concern: «500+», ШНОР, a chosen set, none.

    ``item_ids`` may name several items (the rows selected in the editor): they all
    change together, as one transaction and one undo step."""

    def __init__(self, database: Database, changes: Changes, item_ids: int | list[int],
                 scope: SchoolScope, school_ids: list[int]) -> None:
        ids = [item_ids] if isinstance(item_ids, int) else list(dict.fromkeys(item_ids))
        with database.reading() as session:
            self.old = {i: get_schools(session, i) for i in ids}
            numbers = [load_item(session, i).number for i in ids]
        label = numbers[0] if len(numbers) == 1 else f"{len(numbers)} мероприятий"
        super().__init__(database, changes, f"изменение «Школы» ({label})")
        self.new = (SchoolScope(scope), sorted(school_ids))
        #: only the items whose schools change: the others are not written (nor counted)
        self.item_ids = [i for i in ids
                         if (self.old[i][0], sorted(self.old[i][1])) != self.new]

    @property
    def item_id(self) -> int:
        return self.item_ids[0]

    def records(self, session: Session) -> list[RecordKey]:
        return [("items", i) for i in self.item_ids]

    def do(self) -> None:
        with self.session() as session:
            for item_id in self.item_ids:
                set_schools(session, item_id, *self.new)
        self.changes.items(self.item_ids)

    def revert(self) -> None:
        with self.session() as session:
            for item_id in self.item_ids:
                set_schools(session, item_id, *self.old[item_id])
        self.changes.items(self.item_ids)

    def is_noop(self) -> bool:
        return not self.item_ids


def renumber_command(database: Database, changes: Changes, roadmap_id: int) -> LayoutCommand:
    """«Перенумеровать»: every number in order (1, 1.1, 1.1.1), one undo step."""
    return LayoutCommand(database, changes, roadmap_id, "перенумерация",
                         lambda s: numbering.renumber(s, roadmap_id))
