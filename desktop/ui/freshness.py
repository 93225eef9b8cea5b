"""The window sees other users' changes to a shared (PostgreSQL) database.

How: **re-read when the window is activated**, if the data changed. When the window
gets the focus back (the coordinator returns from Word, the mail or a colleague's
call), one query compares a fingerprint of the data
(:func:`desktop.models.pg.change_stamp`) with the one taken after the last read or own
edit; when it differs, every shown page re-reads. Why not the alternatives:

* a timer would re-read under the user's hands while they type in a cell or drag a
  bar on the timeline, and polls a server all day for a window nobody looks at;
* LISTEN/NOTIFY needs a connection held open and a socket notifier in the Qt loop,
  and triggers in every table (a schema change on the server) — more machinery than
  an office of a few people needs, and it fails silently behind poolers.

Edits that do race (two people on the same item between two activations) are caught
by optimistic locking instead (:class:`desktop.models.base.Versioned`): the later one
gets «запись изменена другим пользователем», and :meth:`Freshness.reload_now` re-reads.

On a SQLite file nothing is watched: one window holds the file's lock, so no other
window can change it meanwhile (the command line's changes show after F5).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject

if TYPE_CHECKING:
    from desktop.models.database import Database


class Freshness(QObject):
    """Installed on the main window: ``reload`` is called when others changed the data."""

    def __init__(self, database: Database, reload: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self.database = database
        self.reload = reload
        self.stamp: tuple[int, ...] | None = None
        if database.is_server:
            self.stamp = self.current()
            parent.installEventFilter(self)

    def current(self) -> tuple[int, ...] | None:
        """The data's fingerprint now (None on SQLite, or when the server cannot be reached:
        then the next activation tries again)."""
        if not self.database.is_server:
            return None
        from sqlalchemy.exc import SQLAlchemyError

        from desktop.models.pg import change_stamp

        try:
            with self.database.engine.connect() as conn:
                return change_stamp(conn)
        except SQLAlchemyError:
            return None

    def remember(self) -> None:
        """After an own edit: the data as it is now is what the window shows."""
        if self.database.is_server:
            self.stamp = self.current()

    def check(self) -> bool:
        """Re-read when the data changed since the last look; True when it did."""
        now = self.current()
        if now is None or now == self.stamp:
            return False
        self.stamp = now
        self.reload()
        return True

    def reload_now(self) -> None:
        """After a conflict: re-read at once, whatever the fingerprint says."""
        self.stamp = self.current()
        self.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowActivate:
            self.check()
        return False
