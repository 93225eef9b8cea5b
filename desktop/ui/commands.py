"""Undo commands shared by the editor and the timeline: each commits at once.

Every edit is its own transaction (no Save button): ``redo`` and ``undo`` run an editing
service in one write transaction of the funnel (:mod:`desktop.services.operations`: BEGIN
IMMEDIATE, row locks, the district rule, version checks), then report through
:class:`Changes`. A command is a thin Qt wrapper: the rules live in the funnel.
A failure (a deleted item, a locked or read-only database) rolls the session back,
marks the command obsolete so that the stack stays as it was, and keeps a Russian
message that :func:`push` shows to the user. Another user's newer change to the same
record (optimistic locking, :class:`desktop.models.base.Versioned`) is such a failure
too: «запись изменена другим пользователем», and the window re-reads. So is an edit of an
imported district's roadmap (:mod:`desktop.services.district_guard`): nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import SQLAlchemyError

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from desktop.errors import UserError
from desktop.models.columns import FIELD_SPECS, Field
from desktop.models.database import ConcurrentEdit
from desktop.services.editing import (
    get_item_field,
    item_state,
    load_item,
    restore_item_state,
    set_item_field,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from sqlalchemy.orm import Session

    from desktop.models.database import Database
    from desktop.models.versions import RecordKey, Version
    from desktop.services.operations import Changed
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

    Across runs (optimistic locking beyond one transaction): ``do()`` and ``revert()`` open
    their sessions with :meth:`session`, and :meth:`records` names the versioned records
    that the next run overwrites. Their versions are kept at the end of every run and
    checked at the start of the next, so an undo (or a redo after it) never writes over
    another user's later change: it is refused with «запись изменена другим
    пользователем», the command becomes obsolete and the window re-reads.
    """

    def __init__(self, database: Database, changes: Changes, text: str, *,
                 seen: Mapping[RecordKey, Version] | None = None) -> None:
        super().__init__(undo_name(text))
        self.database = database
        self.changes = changes
        self.error: str | None = None
        #: the versions this command expects at the start of its next run
        #: (:mod:`desktop.models.versions`): at the first, those of the records the user was
        #: looking at when the edit began (``seen``: the page's rows as last read)
        self.expected: dict[RecordKey, Version] = dict(seen or {})
        #: what the last run wrote (table → ids; see :class:`desktop.services.operations.Changed`)
        self.changed: Changed | None = None
        #: the versions of the records as the page showed them when the edit began (its
        #: last read; :func:`push` sets it): the first run refuses when another user changed
        #: any record it would write since
        self.seen: Mapping[RecordKey, Version] = {}
        #: whether the last run was refused for another user's change
        self.conflict = False
        #: the records the last run left (None before the first run): a record of
        #: :meth:`start_versions` not among them was added by another user (in a roadmap this
        #: command would delete, say) and refuses the run too
        self._known: set[RecordKey] | None = None
        self._ran = False

    def do(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def records(self, session: Session) -> Iterable[RecordKey]:
        """The versioned records the next run (undo after a redo, redo after an undo) writes
        or deletes, read at the end of a run; records that do not exist are left out."""
        return ()

    def start_versions(self, session: Session) -> dict[RecordKey, Version]:
        """The versions at the start of a run of the records it may write (to learn this
        window's own steps, see :class:`desktop.models.versions.OwnSteps`): by default
        those of :meth:`records`."""
        from desktop.models.versions import read_versions

        return read_versions(session, self.records(session))

    @contextmanager
    def session(self) -> Iterator[Session]:
        """The session of a run, a write transaction of the funnel: refused unless the
        records are still as the user saw them (or this command's last run left them); at
        its end the versions of :meth:`records` are kept for the next."""
        from desktop.models.versions import StaleRecords, read_versions, stale_since_seen
        from desktop.services.operations import transaction

        own = self.database.own_steps
        # the district rule at its default: a command never writes a district's rows
        with transaction(self.database, seen=self.expected, own=own) as write:
            session = write.session
            start = self.start_versions(session)
            if self._known is not None and start.keys() - self._known:
                raise StaleRecords(sorted(start.keys() - self._known), start)
            if self._known is None and self.seen:  # the first run: as the user saw them?
                stale = stale_since_seen(self.seen, start, own)
                if stale:
                    raise StaleRecords(stale, start)
            yield session
            session.flush()
            self.expected = read_versions(session, self.records(session))
            self._known = set(self.expected)
            own.record(start, self.expected)
        self.changed = write.changed

    def redo(self) -> None:
        again, self._ran = self._ran, True
        self._guard(self.do)
        if again:  # the first run's error is shown by whoever pushed the command
            self._report()

    def undo(self) -> None:
        self._guard(self.revert)
        self._report()

    def _report(self) -> None:
        if self.error is not None:
            self.changes.failed(self.error)

    def _guard(self, action: Callable[[], None]) -> None:
        self.error, self.conflict = None, False
        try:
            action()
        except ConcurrentEdit as exc:
            self.error = exc.message
            self.conflict = True
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
         parent: QWidget | None = None, *,
         seen: Mapping[RecordKey, Version] | None = None,
         offer: Callable[[CommittingCommand], bool] | None = None) -> bool:
    """Push and run ``command``; show its error, if any. True when the edit was stored.

    ``seen``: the versions of the records the page shows, as it last read them (the edit
    is refused if another user changed one it writes since). ``offer``: on such a refusal,
    called instead of the error message to offer the user's value again (True when it was
    stored then)."""
    if seen is not None:
        command.seen = seen
    stack.push(command)
    if command.error is not None and command.conflict and offer is not None:
        return offer(command)
    if command.error is not None:
        dialogs.error(parent, "Изменение не сохранено", command.error)
        return False
    return True


class SetItemFieldCommand(CommittingCommand):
    """Change one field of one item: «изменение «Срок» (1.4)»."""

    def __init__(self, database: Database, changes: Changes, item_id: int, field: Field,
                 value: Any, *, text: str | None = None,
                 seen: Version | None = None) -> None:
        """``seen``: the item's version when the user began the edit (the row as the page
        last read it); None only where no page shows it (then: as read now)."""
        with database.reading() as session:
            item = load_item(session, item_id)
            self.old_value = get_item_field(item, field)
            self.old_state = item_state(item)
            number = item.number
            version = item.version if seen is None else seen
        super().__init__(database, changes,
                         text or f"изменение «{FIELD_SPECS[field].title}» ({number})",
                         seen={("items", item_id): version})
        self.item_id = item_id
        self.field = field
        self.new_value = value

    def records(self, session: Session) -> list[RecordKey]:
        return [("items", self.item_id)]

    def do(self) -> None:
        with self.session() as session:
            set_item_field(session, self.item_id, self.field, self.new_value)
        self.changes.items([self.item_id])

    def revert(self) -> None:
        # the whole item as it was: only if nobody changed it after this edit
        with self.session() as session:
            restore_item_state(session, self.item_id, self.old_state)
        self.changes.items([self.item_id])

    def is_noop(self) -> bool:
        return self.old_value == self.new_value
