"""Declarative base, engine and session factory with the SQLite settings the app relies on.

Every connection gets foreign keys on, a busy timeout, WAL journaling and
``synchronous=FULL`` so that a committed edit survives a power cut. pysqlite's
own transaction handling is switched off and SQLAlchemy emits ``BEGIN`` itself
(see "Transactions with SQLite and the sqlite3 driver" in the SQLAlchemy docs;
the documented ``autocommit`` listener needs Python 3.12).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import Enum as SAEnum
from sqlalchemy import MetaData, create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, sessionmaker
from sqlalchemy.pool import NullPool

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


def sqlite_url(path: Path | str) -> str:
    return f"sqlite:///{Path(path)}"


def _install_sqlite_pragmas(engine: Engine, *, foreign_keys: bool, wal: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # let SQLAlchemy emit BEGIN
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.execute("PRAGMA busy_timeout=5000")
        if wal:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")


def make_engine(path: Path | str, *, foreign_keys: bool = True, wal: bool = True,
                pooled: bool = True) -> Engine:
    """An engine on the SQLite file at ``path`` with the house pragmas.

    ``foreign_keys=False`` and ``pooled=False`` are for migrations: Alembic
    batch operations recreate tables, and with foreign keys on that would
    cascade-delete child rows.
    """
    kwargs: dict[str, Any] = {}
    if not pooled:
        kwargs["poolclass"] = NullPool
    engine = create_engine(sqlite_url(path), **kwargs)
    _install_sqlite_pragmas(engine, foreign_keys=foreign_keys, wal=wal)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker:
    """Sessions that keep loaded values after commit (the UI reads them afterwards)."""
    return sessionmaker(bind=engine, expire_on_commit=False)


def db_enum(enum_cls: type[StrEnum]) -> SAEnum:
    """A column type storing ``enum_cls`` by value in a plain VARCHAR."""
    return SAEnum(
        enum_cls,
        native_enum=False,
        length=20,
        values_callable=lambda cls: [member.value for member in cls],
        validate_strings=True,
    )
