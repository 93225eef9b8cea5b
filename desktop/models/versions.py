"""Row versions beyond one transaction: what an undo expects to find, and keeping count.

Optimistic locking (:class:`desktop.models.base.Versioned`) protects one transaction
between its read and its write. An undo command's undo runs long after its redo, so it
keeps the versions its last run left (:func:`read_versions`, at the end of the run, in the
run's own transaction) and checks them at the start of the next run
(:func:`check_versions`, with the rows locked on a server until the run commits): when
another user changed or deleted one of the records the run would overwrite, the run is
refused with the same ``StaleDataError`` as a failed versioned UPDATE, which the session
turns into «запись изменена другим пользователем». The window's own later commands (undone
since) moved the versions on too: their steps are kept (:class:`OwnSteps`) and allowed.

Tables that keep no version (organisations, people, risk factors) are compared by content:
their "version" is a fingerprint of the row's values.

That only works if every change of a versioned row counts its version up. The ORM does
it for column changes; Core UPDATEs of a versioned table add :func:`bumped` to their
values, and a change the row's own columns do not show (an item's executors or schools,
an order's points and approvals) calls :func:`touch` on the row.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop.models.base import Base, Versioned, change_stamp

#: a record: (table name, id)
RecordKey = tuple[str, int]
#: a row's version, or a fingerprint of its values in a table that keeps none
Version = int | str
#: ids per query (far below SQLite's limit of bound parameters)
CHUNK = 500


def keys(model: type[Any] | Table, ids: Iterable[int]) -> list[RecordKey]:
    """The keys of records of ``model`` (an ORM class or its table)."""
    table = model if isinstance(model, Table) else model.__table__
    return [(table.name, i) for i in ids]


def roadmap_versions(session: Session, roadmap_id: int,
                     tables: tuple[str, ...] = ("roadmaps", "sections", "items", "checklist_rows"),
                     ) -> dict[RecordKey, Version]:
    """The versions of a roadmap's rows in ``tables`` (the roadmap, its sections, items and
    checklist rows: what deleting it deletes), one query per table."""
    meta = Base.metadata.tables
    roadmaps, sections, items, rows = (meta[name] for name in (
        "roadmaps", "sections", "items", "checklist_rows"))
    section_ids = select(sections.c.id).where(sections.c.roadmap_id == roadmap_id)
    item_ids = select(items.c.id).where(items.c.section_id.in_(section_ids))
    queries = {"roadmaps": roadmaps.c.id == roadmap_id,
               "sections": sections.c.roadmap_id == roadmap_id,
               "items": items.c.section_id.in_(section_ids),
               "checklist_rows": rows.c.item_id.in_(item_ids)}
    found: dict[RecordKey, Version] = {}
    for name in tables:
        table = meta[name]
        found.update(((name, i), v) for i, v in session.execute(
            select(table.c.id, table.c.version).where(queries[name])))
    return found


def roadmap_keys(session: Session, roadmap_id: int) -> list[RecordKey]:
    """A roadmap with its sections, items and checklist rows (what deleting it deletes)."""
    return list(roadmap_versions(session, roadmap_id))


def cell_keys(session: Session, cells: Iterable[tuple[int, int]]) -> list[RecordKey]:
    """Checklist cells (item, school): their items and the rows that store them."""
    cells = set(cells)
    rows = Base.metadata.tables["checklist_rows"]
    item_ids = sorted({item for item, _ in cells})
    found: list[RecordKey] = [("items", i) for i in item_ids]
    for start in range(0, len(item_ids), CHUNK):
        found += [("checklist_rows", row_id) for row_id, item, school in session.execute(
            select(rows.c.id, rows.c.item_id, rows.c.school_id)
            .where(rows.c.item_id.in_(item_ids[start:start + CHUNK])))
            if (item, school) in cells]
    return found


def fingerprint(values: Iterable[Any]) -> str:
    """The "version" of a row in a table without one: a digest of its values."""
    return hashlib.sha256(repr(tuple(values)).encode()).hexdigest()[:24]


def read_versions(session: Session, records: Iterable[RecordKey], *,
                  lock: bool = False) -> dict[RecordKey, Version]:
    """The current version of each record that exists (deleted ones are left out); in a
    table without versions, the :func:`fingerprint` of its values.

    ``lock``: ``SELECT … FOR UPDATE`` on a server, so that nobody changes the rows between
    this check and the caller's write (SQLite's write transaction already excludes that)."""
    by_table: dict[str, set[int]] = {}
    for name, record_id in records:
        by_table.setdefault(name, set()).add(record_id)
    found: dict[RecordKey, Version] = {}
    for name, ids in sorted(by_table.items()):  # one order of locks for every caller
        table = Base.metadata.tables[name]
        versioned = "version" in table.c
        ordered = sorted(ids)
        for start in range(0, len(ordered), CHUNK):
            stmt = (select(table.c.id, table.c.version) if versioned else select(table)).where(
                table.c.id.in_(ordered[start:start + CHUNK])).order_by(table.c.id)
            if lock:
                stmt = stmt.with_for_update()
            for row in session.execute(stmt):
                found[(name, row.id)] = row.version if versioned else fingerprint(row)
    return found


class OwnSteps:
    """The version steps one window's own undo commands made: record → (from, to).

    Versions only grow, so when a window undoes its later command and then an earlier one,
    the records the earlier one left at version 2 are now at 4: the steps 2 → 3 → 4 were
    this window's own (the later command's redo and undo), which the earlier undo may
    overwrite. A step from 2 made by another user is not among them: refused."""

    def __init__(self) -> None:
        self.steps: dict[tuple[RecordKey, Version], Version] = {}
        #: records an own run deleted, at the version they had: an own undo re-creates
        #: them from a snapshot (with the snapshot's version), which is a step too
        self.deleted: dict[RecordKey, Version] = {}
        #: records an own run created (a page read before it does not list them)
        self.created: set[RecordKey] = set()

    def record(self, start: Mapping[RecordKey, Version],
               end: Mapping[RecordKey, Version]) -> None:
        """A run found ``start`` and left ``end`` (of the records it may write)."""
        for record, version in start.items():
            if record not in end:
                self.deleted[record] = version
        for record, version in end.items():
            if record not in start and record not in self.deleted:
                self.created.add(record)
            first = start.get(record, self.deleted.pop(record, None))
            if first is not None and first != version:
                self.steps[(record, first)] = version

    def leads(self, record: RecordKey, version: Version, current: Version | None) -> bool:
        """Whether own steps alone lead from ``version`` to ``current``."""
        seen = 0
        while version != current and seen <= len(self.steps):
            step = self.steps.get((record, version))
            if step is None:
                return False
            version, seen = step, seen + 1
        return version == current


def check_versions(session: Session, expected: Mapping[RecordKey, Version],
                   own: OwnSteps | None = None) -> None:
    """Refuse (``StaleDataError``) unless every record is still at the version expected,
    or at one the window's ``own`` steps led it to from there."""
    if not expected:
        return
    current = read_versions(session, expected, lock=True)
    changed = sorted(k for k, v in expected.items() if current.get(k) != v and not (
        own is not None and own.leads(k, v, current.get(k))))
    if changed:
        raise StaleRecords(changed, current)


class Seen(dict[RecordKey, Version]):
    """The versions of the records a page shows, read with them, and the tables it lists
    whole within its scope (a record of such a table it does not list was created since)."""

    def __init__(self, versions: Mapping[RecordKey, Version] | None = None,
                 tables: Iterable[str] = ()) -> None:
        super().__init__(versions or {})
        self.tables = set(tables) | {name for name, _ in self}


def stale_since_seen(seen: Mapping[RecordKey, Version], start: Mapping[RecordKey, Version],
                     own: OwnSteps) -> list[RecordKey]:
    """The records of ``start`` (what an edit would write, as found now) that another user
    changed since a page read ``seen``: a version that moved on by other steps than this
    window's own, or a record the page did not list in a table it listed (created since; an
    empty checklist cell marked, say) unless this window created it."""
    tables = getattr(seen, "tables", {name for name, _ in seen})
    return sorted(k for k, v in start.items() if (
        k in seen and seen[k] != v and not own.leads(k, seen[k], v)) or (
        k not in seen and k[0] in tables and k not in own.created))


class StaleRecords(StaleDataError):
    """Records changed (or deleted) by another user since the versions expected: ``records``
    in order; ``current`` holds the versions found (a deleted record is missing)."""

    def __init__(self, records: list[RecordKey], current: Mapping[RecordKey, Version]) -> None:
        name, record_id = records[0]
        super().__init__(f"{name} {record_id}: version {current.get(records[0])} "
                         f"({len(records)} changed)")
        self.records = records
        self.current = dict(current)


def bumped(table: Table, session: Session) -> dict[str, Any]:
    """Values to add to a Core UPDATE of a versioned table: ``version = version + 1`` and
    who changed it when (see :func:`desktop.models.base.change_stamp`)."""
    return {"version": table.c.version + 1, **change_stamp(session)}


def touch(record: Versioned) -> None:
    """Count the record's version up for a change its columns do not show (its links); the
    flush then says ``WHERE version = <as read>`` like any versioned UPDATE. A record not
    yet stored is left alone (it starts at 1)."""
    if record.version is not None:
        record.version = record.version + 1
