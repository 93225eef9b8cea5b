"""The one write path: every change of the database runs through :func:`transaction`.

Window commands (their do, undo and redo), the command line, imports in worker threads,
the region's package import and restoring a district all write here, and nowhere else.
One transaction of the funnel:

1. starts as a write transaction: ``BEGIN IMMEDIATE`` on SQLite (it waits ``busy_timeout``
   for another program's lock instead of failing at its first write), row locks
   (``SELECT … FOR UPDATE``) on PostgreSQL for the records it checks;
2. applies the district rule as an explicit argument: ``districts`` is
   :attr:`DistrictRows.REFUSE` (every edit) unless the caller is the package import
   (:mod:`desktop.services.district_guard`; no thread or context state);
3. checks the versions of the records the user was looking at (``seen``: the cell's row
   when editing began, the selection, the checklist cells shown) — another user's change
   since refuses the whole operation with :class:`~desktop.models.handle.ConcurrentEdit`
   naming who changed what and when, and nothing is written;
4. stamps every row it writes with its author and time, commits, and says what changed
   (:class:`Changed`: table → ids) so that pages refresh from that.

Nothing here knows Qt: the undo commands of ``desktop/ui`` are thin wrappers over it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from sqlalchemy import event, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import Delete, Insert, Update

from desktop.models.base import AUTHOR_INFO, IMMEDIATE_OPTION, Base
from desktop.models.handle import ConcurrentEdit
from desktop.models.versions import OwnSteps, RecordKey, StaleRecords, Version, check_versions
from desktop.services.authors import author_names, login
from desktop.services.district_guard import DISTRICT_ROWS, DistrictRows

if TYPE_CHECKING:
    from desktop.models.handle import Database

T = TypeVar("T")

__all__ = ["Changed", "DistrictRows", "Done", "Write", "run", "transaction", "writing"]

#: ``Session.info`` key of the :class:`Changed` being collected
_CHANGED_INFO = "operations_changed"
#: what a table's records are called in a refusal («мероприятие 1.4»)
RECORD_NAMES = {
    "roadmaps": "дорожная карта", "sections": "раздел", "items": "мероприятие",
    "checklist_rows": "отметка чек-листа", "schools": "школа",
    "school_documents": "документ школы", "orders": "приказ",
    "organisations": "организация", "people": "человек",
}


@dataclass
class Changed:
    """What one operation wrote: the ids per table (ORM rows), and every table touched
    (a Core statement names no ids: its table is in ``tables`` only)."""

    rows: dict[str, set[int]] = field(default_factory=dict)
    tables: set[str] = field(default_factory=set)

    def of(self, table: str) -> set[int]:
        """The ids of ``table``'s records written (by the ORM)."""
        return self.rows.get(table, set())

    def touched(self, *tables: str) -> bool:
        """Whether any of ``tables`` was written."""
        return any(t in self.tables for t in tables)

    def add(self, table: str, ids: Iterable[int] = ()) -> None:
        self.tables.add(table)
        ids = [i for i in ids if i is not None]
        if ids:
            self.rows.setdefault(table, set()).update(ids)

    def __bool__(self) -> bool:
        return bool(self.tables)


@dataclass
class Write:
    """One open write transaction of the funnel: its session, and what it changed so far."""

    session: Session
    changed: Changed


@dataclass
class Done(Generic[T]):
    """What :func:`run` returns: the operation's value and what it changed."""

    value: T
    changed: Changed


@contextmanager
def transaction(database: Database, *, seen: Mapping[RecordKey, Version] | None = None,
                own: OwnSteps | None = None, districts: DistrictRows = DistrictRows.REFUSE,
                author: str | None = None) -> Iterator[Write]:
    """A write transaction (module doc): commits when the block ends, rolls back on any
    error. ``seen``: the versions of the records the user was looking at; ``own``: the
    version steps this window's own commands made, which ``seen`` may lag behind."""
    with database.session() as session:
        conn = session.connection(execution_options={IMMEDIATE_OPTION: True,
                                                     DISTRICT_ROWS: districts})
        # the system login, as the checklist history keeps it (shown as a person by
        # desktop.services.authors)
        session.info[AUTHOR_INFO] = login() if author is None else author
        changed = Changed()
        info = conn.info  # the pooled connection's own dict: still there after a rollback
        session.info[_CHANGED_INFO] = info[_CHANGED_INFO] = changed
        try:
            if seen:
                check_versions(session, seen, own)
            yield Write(session, changed)
            session.flush()
        except StaleRecords as exc:
            raise refusal(session, exc) from exc
        finally:
            session.info.pop(_CHANGED_INFO, None)
            info.pop(_CHANGED_INFO, None)


@contextmanager
def writing(database: Database, **options: Any) -> Iterator[Session]:
    """The session of a :func:`transaction` (same options), for a block of writes."""
    with transaction(database, **options) as write:
        yield write.session


def run(database: Database, operation: Callable[[Session], T], **options: Any) -> Done[T]:
    """Run ``operation(session)`` in one :func:`transaction` (same options)."""
    with transaction(database, **options) as write:
        value = operation(write.session)
    return Done(value, write.changed)


def refusal(session: Session, stale: StaleRecords) -> ConcurrentEdit:
    """The Russian refusal for records another user changed: which record, who, when."""
    name, record_id = stale.records[0]
    table = Base.metadata.tables[name]
    what = RECORD_NAMES.get(name, "запись")
    label, who, when = "", "", None
    if "number" in table.c or "changed_by" in table.c:
        columns = [c for c in ("number", "title", "short_name", "changed_by", "changed_at")
                   if c in table.c]
        row = session.execute(select(*(table.c[c] for c in columns))
                              .where(table.c.id == record_id)).first()
        if row is not None:
            values = dict(zip(columns, row, strict=True))
            label = str(values.get("number") or values.get("short_name")
                        or values.get("title") or "")
            who, when = values.get("changed_by") or "", values.get("changed_at")
            if who:  # a login, shown as a person (this computer's: the profile's name)
                who = author_names(session, {who})[who]
    deleted = (name, record_id) not in stale.current
    return ConcurrentEdit(describe(what, label, who, when, deleted=deleted,
                                   more=len(stale.records) - 1))


def describe(what: str, label: str, who: str, when: dt.datetime | None, *,
             deleted: bool = False, more: int = 0) -> str:
    """«мероприятие 1.4 — Иванова М.С., 06.12.2026 15:40 (и ещё 2 записи)»."""
    text = f"{what} {label}".strip()
    if deleted:
        text += " удалена" if what.endswith("а") else " удалено"
    by = ", ".join(p for p in (who, when.strftime("%d.%m.%Y %H:%M") if when else "") if p)
    if by:
        text += f" — {by}"
    if more:
        text += f" (и ещё {more} {_records(more)})"
    return text


def _records(n: int) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return "запись"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return "записи"
    return "записей"


@event.listens_for(Session, "after_flush")
def _collect(session: Session, _context: Any) -> None:
    """After a flush: note the ORM rows written (new, changed, deleted) by table."""
    changed = session.info.get(_CHANGED_INFO)
    if changed is None:
        return
    for records in (session.new, session.dirty, session.deleted):
        for record in records:
            table = getattr(record, "__tablename__", None)
            if table is not None:
                changed.add(table, [getattr(record, "id", None)])


@event.listens_for(Engine, "before_execute")
def _note_statement(conn: Connection, statement: Any, *_args: Any) -> None:
    """A Core INSERT/UPDATE/DELETE of a funnel transaction: its table is noted."""
    changed = conn.info.get(_CHANGED_INFO)
    if changed is not None and isinstance(statement, Insert | Update | Delete):
        name = getattr(statement.table, "name", None)
        if name is not None:
            changed.add(name)

