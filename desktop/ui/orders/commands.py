"""Undo commands for orders: every edit stores a snapshot before and after, and commits at once.

An order is small (a few dozen rows), so one snapshot-based command serves
every edit: the first ``redo`` runs the change and remembers the result;
undo and later redos restore a snapshot with the same row ids. Every such change counts
the order's version up (its points and approvals are rows of their own), so an undo
refuses to restore over another user's later change of the same order.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from desktop.models.versions import RecordKey, touch
from desktop.services.order_editing import (
    delete_order,
    load_order,
    order_snapshot,
    restore_order,
    save_draft,
)
from desktop.ui.commands import CommittingCommand

if TYPE_CHECKING:
    from desktop.models.database import Database
    from desktop.ui.changes import Changes

Mutation = Callable[[Session], Any]


class OrderEditCommand(CommittingCommand):
    """Any change of one stored order: fields, points, approvals, appendices, settings."""

    def __init__(self, database: Database, changes: Changes, order_id: int, text: str,
                 mutate: Mutation) -> None:
        super().__init__(database, changes, text)
        self.order_id = order_id
        self.mutate = mutate
        self.before: dict[str, Any] | None = None
        self.after: dict[str, Any] | None = None
        #: what the mutation returned the first time (a new point's id …)
        self.result: Any = None

    def records(self, session: Session) -> list[RecordKey]:
        return [("orders", self.order_id)]

    def do(self) -> None:
        with self.session() as session:
            if self.after is None:
                self.before = order_snapshot(session, self.order_id)
                self.result = self.mutate(session)
                self.after = order_snapshot(session, self.order_id)
                if self.after != self.before:  # a point or an approval: a row of its own
                    touch(load_order(session, self.order_id))
            else:
                restore_order(session, self.after)
        self.changes.orders()

    def revert(self) -> None:
        assert self.before is not None
        with self.session() as session:
            restore_order(session, self.before)
        self.changes.orders()


class CreateOrderCommand(CommittingCommand):
    """«Создать по шаблону…»: a draft from a template stored; undo deletes it."""

    def __init__(self, database: Database, changes: Changes, template_key: str,
                 roadmap_id: int | None, text: str) -> None:
        super().__init__(database, changes, text)
        self.template_key = template_key
        self.roadmap_id = roadmap_id
        self.snapshot: dict[str, Any] | None = None
        self.order_id: int | None = None

    def records(self, session: Session) -> list[RecordKey]:
        return [] if self.order_id is None else [("orders", self.order_id)]

    def do(self) -> None:
        with self.session() as session:
            if self.snapshot is None:
                self.order_id = save_draft(session, self.template_key, roadmap_id=self.roadmap_id)
                self.snapshot = order_snapshot(session, self.order_id)
            else:
                restore_order(session, self.snapshot)
        self.changes.orders()

    def revert(self) -> None:
        assert self.order_id is not None
        with self.session() as session:
            delete_order(session, self.order_id)
        self.changes.orders()


class DeleteOrderCommand(CommittingCommand):
    """«Удалить»: the order goes; undo brings it back with the same id and rows."""

    def __init__(self, database: Database, changes: Changes, order_id: int, text: str) -> None:
        super().__init__(database, changes, text)
        self.order_id = order_id
        self.snapshot: dict[str, Any] | None = None

    def records(self, session: Session) -> list[RecordKey]:
        return [("orders", self.order_id)]

    def do(self) -> None:
        with self.session() as session:
            self.snapshot = order_snapshot(session, self.order_id)
            delete_order(session, self.order_id)
        self.changes.orders()

    def revert(self) -> None:
        assert self.snapshot is not None
        with self.session() as session:
            restore_order(session, self.snapshot)
        self.changes.orders()
