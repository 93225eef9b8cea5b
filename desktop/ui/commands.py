"""Undo commands shared by the editor and the timeline: each commits at once.

Every edit is its own transaction (no Save button): ``redo`` and ``undo`` open a
session, call an editing service, commit, then report through :class:`Changes`.
A failure (a deleted item, a locked or read-only database) rolls the session back,
marks the command obsolete so that the stack stays as it was, and keeps a Russian
message that :func:`push` shows to the user. Another user's newer change to the same
record (optimistic locking, :class:`desktop.models.base.Versioned`) is such a failure
too: «запись изменена другим пользователем», and the window re-reads. So is an edit of an
imported district's roadmap (:mod:`desktop.services.district_guard`): nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import SQLAlchemyError

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from desktop.errors import UserError
from desktop.models.base import expect_version
from desktop.models.columns import FIELD_SPECS, Field
from desktop.models.database import ConcurrentEdit
from desktop.services.district_guard import refusing_district_writes
from desktop.services.editing import (
    get_item_field,
    item_state,
    load_item,
    restore_item_state,
    set_item_field,
)

if TYPE_CHECKING:
    from desktop.models.database import Database
    from desktop.ui.changes import Changes
    from desktop.ui.dialogs import Dialogs


#: leading words of command names that change in the accusative («Отменить …» governs it);
#: the others (изменение, удаление, перемещение, импорт, документ …) read the same
ACCUSATIVE = {
    "отметка": "отметку", "вставка": "вставку", "перенумерация": "перенумерацию",
    "новая": "новую", "дорожная": "дорожную", "карта": "карту", "строка": "строку",
    "виза": "визу", "форма": "форму", "школа": "школу", "смена": "смену",
}


def action_text(name: str) -> str:
    """What follows «Отменить»/«Повторить»: the name's leading words in the accusative.

    «отметка «выполнено»» → «отметку «выполнено»», «новая строка приложения» →
    «новую строку приложения»; the words after the head phrase are left as written.
    """
    words = name.split(" ")
    for n, word in enumerate(words):
        bare = word.rstrip(":,")
        accusative = ACCUSATIVE.get(bare)
        if accusative is None:
            break
        words[n] = accusative + word[len(bare):]
        if bare != word:  # «отметка: 1.4 — СОШ1»: the head phrase ends at the colon
            break
    return " ".join(words)


def undo_name(name: str) -> str:
    """The text to give a QUndoCommand or a macro: Qt shows the part before "\\n" in the
    history and the part after it (``actionText``) in «Отменить …»/«Повторить …»."""
    action = action_text(name)
    return name if action == name else f"{name}\n{action}"


class CommittingCommand(QUndoCommand):
    """Base: subclasses implement ``do()`` and ``revert()``; errors become ``self.error``.

    ``text`` names the change in the nominative (the history list shows it); the undo
    and redo actions read :meth:`actionText`, its accusative (:func:`action_text`).
    """

    def __init__(self, database: Database, changes: Changes, text: str) -> None:
        super().__init__(undo_name(text))
        self.database = database
        self.changes = changes
        self.error: str | None = None

    def do(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        self._guard(self.do)

    def undo(self) -> None:
        self._guard(self.revert)

    def _guard(self, action: Callable[[], None]) -> None:
        self.error = None
        try:
            # BEGIN IMMEDIATE (waits busy_timeout for a lock); a district's data is refused
            with self.database.writing(), refusing_district_writes():
                action()
        except ConcurrentEdit as exc:
            self.error = exc.message
            self.changes.conflict()
        except UserError as exc:
            self.error = exc.message
        except SQLAlchemyError as exc:
            from desktop.logs import database_state_message

            reason = getattr(exc, "orig", None) or exc
            self.error = (f"Не удалось сохранить изменение в базе данных: "
                          f"{database_state_message(reason) or reason}")
        if self.error is not None:
            self.setObsolete(True)


def push(stack: QUndoStack, command: CommittingCommand, dialogs: Dialogs,
         parent: QWidget | None = None) -> bool:
    """Push and run ``command``; show its error, if any. True when the edit was stored."""
    stack.push(command)
    if command.error is not None:
        dialogs.error(parent, "Изменение не сохранено", command.error)
        return False
    return True


class SetItemFieldCommand(CommittingCommand):
    """Change one field of one item: «изменение «Срок» (1.4)»."""

    def __init__(self, database: Database, changes: Changes, item_id: int, field: Field,
                 value: Any, *, text: str | None = None) -> None:
        with database.session() as session:
            item = load_item(session, item_id)
            self.old_value = get_item_field(item, field)
            self.old_state = item_state(item)
            number = item.number
            #: the item's version this command expects to find (optimistic locking)
            self.version: int | None = item.version
        super().__init__(database, changes,
                         text or f"изменение «{FIELD_SPECS[field].title}» ({number})")
        self.item_id = item_id
        self.field = field
        self.new_value = value

    def do(self) -> None:
        with self.database.session() as session:
            expect_version(load_item(session, self.item_id), self.version)
            set_item_field(session, self.item_id, self.field, self.new_value)
            session.flush()
            self.version = load_item(session, self.item_id).version
        self.changes.items([self.item_id])

    def revert(self) -> None:
        # the whole item as it was: only if nobody changed it after this edit
        with self.database.session() as session:
            expect_version(load_item(session, self.item_id), self.version)
            restore_item_state(session, self.item_id, self.old_state)
            session.flush()
            self.version = load_item(session, self.item_id).version
        self.changes.items([self.item_id])

    def is_noop(self) -> bool:
        return self.old_value == self.new_value
