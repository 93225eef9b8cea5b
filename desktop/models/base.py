"""Declarative base, engine and session factory with the SQLite settings the app relies on.

Every connection gets foreign keys on, a busy timeout, WAL journaling and
``synchronous=FULL`` so that a committed edit survives a power cut. pysqlite's
own transaction handling is switched off and SQLAlchemy emits ``BEGIN IMMEDIATE``
itself (see "Transactions with SQLite and the sqlite3 driver" in the SQLAlchemy
docs; the documented ``autocommit`` listener needs Python 3.12): a deferred
``BEGIN`` that has read and then needs the write lock fails at once with
«database is locked», while ``BEGIN IMMEDIATE`` waits ``busy_timeout`` for it.
Write transactions therefore ask for IMMEDIATE (:data:`IMMEDIATE_OPTION`).

Values are read defensively: a damaged value in a sound file (bad UTF-8, an
unknown enumeration value, ``'not-a-date'``, malformed JSON) reads as a marked
or empty value instead of raising, so that listing, exporting and the window
never crash on it; :func:`desktop.models.damage.scan_damaged_values` says which
records hold such values.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import Date, DateTime, Integer, MetaData, String, create_engine, event
from sqlalchemy import Enum as SAEnum
from sqlalchemy.dialects.sqlite.base import DATE, DATETIME
from sqlalchemy.engine import URL, Engine
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    declared_attr,
    mapped_column,
    sessionmaker,
)
from sqlalchemy.pool import NullPool

from desktop.paths import read_only_query

#: Constraint names are fixed so that Alembic batch migrations can find them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """The base of every table of the domain."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Versioned:
    """Optimistic locking for a table edited in place (SQLAlchemy's ``version_id_col``).

    Every ORM UPDATE or DELETE of such a row says ``WHERE id = … AND version = <as read>``
    and counts the version up. When another user (another window on the same PostgreSQL
    database, or the command line) changed or deleted the row in between, nothing matches,
    SQLAlchemy raises ``StaleDataError`` and :meth:`desktop.models.database.Database.session`
    rolls back and turns it into the Russian «запись изменена другим пользователем»: an
    update is never lost silently. Undo commands keep the versions their last run left
    (:mod:`desktop.models.versions`) so that an undo never overwrites someone else's later edit.
    """

    #: how many times the row was updated (1 when created); see the class docstring
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")
    #: who stored the row's current version and when (what a refused edit names: «изменена
    #: другим пользователем: Иванова М.С., 06.12.2026 15:40»); stamped by :func:`stamp`
    changed_by: Mapped[str] = mapped_column(String(100), nullable=False, default="",
                                            server_default="")
    changed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True,
                                                           default=None)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


#: ``Session.info`` key: the name of the person whose change the session writes
AUTHOR_INFO = "author"


def change_stamp(session: Session) -> dict[str, Any]:
    """``changed_by`` and ``changed_at`` for a row the session writes now (a Core UPDATE
    adds them to its values, see :func:`desktop.models.versions.bumped`)."""
    return {"changed_by": str(session.info.get(AUTHOR_INFO, ""))[:100],
            "changed_at": dt.datetime.now().replace(microsecond=0)}


@event.listens_for(Session, "before_flush")
def stamp(session: Session, _context: Any, _instances: Any) -> None:
    """Stamp every new or changed versioned row with its author and time."""
    values = None
    for record in (*session.new, *session.dirty):
        if isinstance(record, Versioned) and (record in session.new
                                               or session.is_modified(record)):
            values = values or change_stamp(session)
            record.changed_by = values["changed_by"]
            record.changed_at = values["changed_at"]


#: execution option that makes a transaction start with BEGIN IMMEDIATE
IMMEDIATE_OPTION = "sqlite_begin_immediate"
#: how long a write waits for another program's lock before giving up (milliseconds)
BUSY_TIMEOUT_MS = 5000


def sqlite_url(path: Path | str, *, read_only: bool = False) -> URL:
    """The engine's address of a file, built, not parsed: a folder named «100%», «№ 5 #1»
    or «?» must reach the file itself (as text, «%20» would be decoded and «?» start a
    query). Read-only goes through a percent-encoded ``file:`` URI with ``mode=ro``."""
    if read_only:
        return URL.create("sqlite", database=Path(path).resolve().as_uri(),
                          query={**read_only_query(path), "uri": "true"})
    return URL.create("sqlite", database=str(Path(path)))


def lenient_text(raw: bytes) -> str:
    """TEXT as str; bytes that are not UTF-8 become U+FFFD (visible: the damage is marked)."""
    return raw.decode("utf-8", errors="replace")


def lenient_json(raw: str) -> Any:
    """A stored JSON value, or None when it is malformed.

    A parsed deadline (a dict with ``spans``) that cannot be read back also reads as
    None: the item's deadline is then parsed again from its text."""
    try:
        value = json.loads(raw)
    except (ValueError, TypeError, RecursionError):
        return None
    if isinstance(value, dict) and "spans" in value:
        from desktop.models.deadline import deadline_json_ok

        return value if deadline_json_ok(value) else None
    return value


def _lenient(process: Callable[[Any], Any] | None) -> Callable[[Any], Any] | None:
    if process is None:
        return None

    def read(value: Any) -> Any:
        try:
            return process(value)
        except (ValueError, TypeError, OverflowError):
            return None
    return read


class LenientDate(DATE):
    """SQLite DATE that reads ``'not-a-date'`` or ``'2026-02-30'`` as None instead of raising."""

    def result_processor(self, dialect: Any, coltype: object) -> Any:
        return _lenient(super().result_processor(dialect, coltype))


class LenientDateTime(DATETIME):
    def result_processor(self, dialect: Any, coltype: object) -> Any:
        return _lenient(super().result_processor(dialect, coltype))


def _install_sqlite_pragmas(engine: Engine, *, foreign_keys: bool, wal: bool,
                            read_only: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # let SQLAlchemy emit BEGIN
        dbapi_connection.text_factory = lenient_text
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if not read_only:
            cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
            if wal:
                cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # a write transaction asks for IMMEDIATE (see desktop.services.operations); reads stay deferred
        # so that a read inside an open write session does not wait for its own lock
        immediate = conn.get_execution_options().get(IMMEDIATE_OPTION) and not read_only
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(path: Path | str, *, foreign_keys: bool = True, wal: bool = True,
                pooled: bool = True, read_only: bool = False) -> Engine:
    """An engine on the SQLite file at ``path`` with the house pragmas.

    ``foreign_keys=False`` and ``pooled=False`` are for migrations: Alembic
    batch operations recreate tables, and with foreign keys on that would
    cascade-delete child rows. ``read_only`` opens the file with ``mode=ro``
    (a file on read-only media, or one another window is editing).
    """
    kwargs: dict[str, Any] = {"json_deserializer": lenient_json}
    if not pooled:
        kwargs["poolclass"] = NullPool
    engine = create_engine(sqlite_url(path, read_only=read_only), **kwargs)
    # the dialect's per-engine type map: dates read leniently (see LenientDate)
    engine.dialect.colspecs = {**engine.dialect.colspecs, Date: LenientDate,
                               DateTime: LenientDateTime}
    _install_sqlite_pragmas(engine, foreign_keys=foreign_keys, wal=wal, read_only=read_only)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker:
    """Sessions that keep loaded values after commit (the UI reads them afterwards)."""
    return sessionmaker(bind=engine, expire_on_commit=False)


class LenientEnum(SAEnum):
    """An Enum that reads an unknown stored value as the enumeration's first member
    (the record is listed by the damage scan, so the substitution is never silent)."""

    def _object_value_for_elem(self, elem: Any) -> Any:
        try:
            return super()._object_value_for_elem(elem)
        except LookupError:
            return next(iter(self.enum_class)) if self.enum_class is not None else elem


def db_enum(enum_cls: type[StrEnum]) -> SAEnum:
    """A column type storing ``enum_cls`` by value in a plain VARCHAR."""
    return LenientEnum(
        enum_cls,
        native_enum=False,
        length=20,
        values_callable=lambda cls: [member.value for member in cls],
        validate_strings=True,
    )
