"""An open database: the engine, a session factory and what opening it found.

The same handle for a SQLite file (:mod:`desktop.models.database` opens it) and a
database on a PostgreSQL server (:mod:`desktop.models.pg` opens it); sessions commit
on success, roll back on any error and turn a lost optimistic-lock race into
:class:`ConcurrentEdit`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.sql.dml import Delete, Insert, Update

from desktop.errors import UserError
from desktop.models.damage import DamagedValue, damage_summary
from desktop.models.pg_url import label

if TYPE_CHECKING:
    from desktop.models.versions import OwnSteps


class ConcurrentEdit(UserError):
    """An optimistic-lock conflict: the record was changed (or deleted) by another user
    since it was read; this change was rolled back, theirs is kept."""

    def __init__(self, detail: str = "") -> None:
        """``detail``: which record, who and when («мероприятие 1.4 — Иванова М.С.,
        06.12.2026 15:40»; see :func:`desktop.services.operations.refusal`)."""
        said = f"{detail}. " if detail else ""
        super().__init__(f"Запись изменена другим пользователем: {said}Ваше изменение не "
                         "сохранено, данные перечитаны из базы. Повторите его, если оно ещё "
                         "нужно")
        self.detail = detail



#: ``Session.info`` key and execution option of a :meth:`Database.reading` session
READING_INFO = "reading_only"


class WriteOutsideFunnel(RuntimeError):
    """A write in a reading session: a programming error (writes go through the funnel)."""


@event.listens_for(Session, "before_flush")
def _no_flush_when_reading(session: Session, _context: object, _instances: object) -> None:
    if session.info.get(READING_INFO) and (session.new or session.dirty or session.deleted):
        raise WriteOutsideFunnel("a reading session has changes to flush; write through "
                                 "desktop.services.operations")


@event.listens_for(Engine, "before_execute")
def _no_dml_when_reading(conn: Connection, statement: object, *_args: object) -> None:
    if conn.get_execution_options().get(READING_INFO) and isinstance(
            statement, Insert | Update | Delete):
        raise WriteOutsideFunnel("a write statement in a reading session; write through "
                                 "desktop.services.operations")


@dataclass
class Database:
    """An open database: the engine and a session factory.

    On a PostgreSQL server ``url`` is set and ``path`` is a stand-in in the user data
    folder (see :func:`desktop.models.pg.local_path`): the folder for evidence files."""

    path: Path
    engine: Engine
    session_factory: sessionmaker = field(repr=False)
    #: opened with ``mode=ro`` (read-only media, or a file another window is editing)
    read_only: bool = False
    #: damaged values found on opening (listed in one warning, never hidden)
    damaged: list[DamagedValue] = field(default_factory=list)
    #: items freed from a parent cycle on opening (made top-level items)
    freed_from_cycles: list[int] = field(default_factory=list)
    #: on read-only media with a non-empty ``-wal`` beside it: its last changes are not seen
    unread_journal: bool = False
    #: the server's address (``postgresql+psycopg://…``) when the database is on PostgreSQL
    url: str | None = None
    #: the version steps this window's undo commands made (see :mod:`desktop.models.versions`)
    own_steps: OwnSteps = field(default_factory=lambda: _own_steps(), repr=False)

    @property
    def is_server(self) -> bool:
        """On a PostgreSQL server (several users at once) rather than a SQLite file."""
        return self.url is not None

    @property
    def address(self) -> str:
        """What ``--db`` takes to open this database again (a server's URL with its password:
        never shown, see :attr:`location`)."""
        return self.url if self.url is not None else str(self.path)

    @property
    def location(self) -> str:
        """Where the data is, as the user may see it (a server's password hidden)."""
        return label(self.url) if self.url is not None else str(self.path)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on any error. Every write of
        the program goes through :func:`desktop.services.operations.transaction`, which
        opens its session here and starts it with BEGIN IMMEDIATE."""
        with self.session_factory() as session:
            try:
                yield session
                session.commit()
            except StaleDataError as exc:  # a versioned UPDATE/DELETE matched no row
                session.rollback()
                raise ConcurrentEdit() from exc
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session that only reads (what the window's pages use): any INSERT, UPDATE or
        DELETE in it raises :class:`WriteOutsideFunnel`, since every write goes through
        :func:`desktop.services.operations.transaction`."""
        with self.session_factory() as session:
            session.info[READING_INFO] = True
            session.connection(execution_options={READING_INFO: True})
            try:
                yield session
                session.commit()  # ends the read; loaded values stay usable (no expiry)
            except BaseException:
                session.rollback()
                raise

    def close(self) -> None:
        self.engine.dispose()

    def warnings(self) -> list[str]:
        """What the user must hear about the opened file (Russian lines)."""
        lines = []
        if self.damaged:
            lines.append(damage_summary(self.damaged))
        if self.freed_from_cycles:
            ids = ", ".join(str(i) for i in self.freed_from_cycles)
            lines.append("мероприятия, вложенные сами в себя (цикл), стали пунктами верхнего "
                         f"уровня: {ids}")
        if self.read_only:
            lines.append("файл открыт только для чтения")
        if self.unread_journal:
            lines.append(f"последние изменения из журнала {self.path.name}-wal не видны: "
                         "носитель только для чтения; скопируйте файл вместе с журналом на "
                         "диск и откройте копию")
        return lines


def _own_steps() -> OwnSteps:
    from desktop.models.versions import OwnSteps

    return OwnSteps()
