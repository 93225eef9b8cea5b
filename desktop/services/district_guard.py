"""A district's data is read-only in the region's database: edits are refused, not written.

The region imports each district's package (:mod:`desktop.services.region_import`); a
district's roadmaps, sections, items, checklist marks, monitoring points and schools then
change only with its next package. Every INSERT, UPDATE and DELETE sent to any engine is
checked *before* it runs: a statement that would touch a district's row raises
:class:`DistrictReadOnly` (a Russian :class:`~desktop.errors.UserError`) and the caller's
transaction rolls back, so nothing is written. The check is one listener on every engine's
statements, so it covers ORM flushes and the Core statements of the structure services
alike, whoever sent them: the window, the command line, a worker thread.

Refusing is the default. Only a transaction that says otherwise, explicitly, by the execution
option :data:`DISTRICT_ROWS` = :attr:`DistrictRows.ALLOW` on its connection (the write
funnel :mod:`desktop.services.operations` sets it when the caller passes
``districts=DistrictRows.ALLOW``: the package import, removing a district, the upkeep
of deadline readings) may replace a
district's rows. No thread or context state is involved.

How a row is traced to its district: each guarded table names the foreign keys that lead
from it to ``roadmaps`` (or ``schools``), whose ``district_id`` says whose it is. An INSERT
is checked by the parent row its foreign key names (so is an UPDATE that sets that key by
name, e.g. moves items to another section); an UPDATE or DELETE by a SELECT over the same
WHERE clause with the same parameters. A database without imported districts (every
district's own file) skips the check after one cheap query per transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import Enum
from typing import Any

from sqlalchemy import Column, Table, event, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.sql import operators
from sqlalchemy.sql.dml import Delete, Insert, Update, UpdateBase
from sqlalchemy.sql.elements import BinaryExpression, BindParameter

from desktop.errors import UserError
from desktop.models import (
    CellEvidence,
    ChecklistChange,
    ChecklistRow,
    District,
    Item,
    ItemExecutor,
    MonitoringPoint,
    Roadmap,
    School,
    SchoolDocument,
    SchoolProjectYear,
    Section,
)
from desktop.models.roadmap import item_schools
from desktop.models.roadmap_parts import RoadmapAppendix, RoadmapAppendixRow, TargetIndicator

ROADMAPS, SCHOOLS, DISTRICTS = Roadmap.__table__, School.__table__, District.__table__

#: guarded table name -> the foreign-key column names leading to ``roadmaps``/``schools``
PATHS: dict[str, tuple[str, ...]] = {
    "roadmaps": (),
    "sections": ("roadmap_id",),
    "items": ("section_id", "roadmap_id"),
    "item_executors": ("item_id", "section_id", "roadmap_id"),
    "item_schools": ("item_id", "section_id", "roadmap_id"),
    "checklist_rows": ("item_id", "section_id", "roadmap_id"),
    "checklist_history": ("item_id", "section_id", "roadmap_id"),
    "checklist_evidence": ("row_id", "item_id", "section_id", "roadmap_id"),
    "monitoring_points": ("roadmap_id",),
    "target_indicators": ("roadmap_id",),
    "roadmap_appendices": ("roadmap_id",),
    "roadmap_appendix_rows": ("appendix_id", "roadmap_id"),
    "schools": (),
    "school_documents": ("school_id",),
    "school_project_years": ("school_id",),
}
TABLES: dict[str, Table] = {t.name: t for t in (
    ROADMAPS, Section.__table__, Item.__table__, ItemExecutor.__table__, item_schools,
    ChecklistRow.__table__, ChecklistChange.__table__, CellEvidence.__table__,
    MonitoringPoint.__table__, TargetIndicator.__table__, RoadmapAppendix.__table__,
    RoadmapAppendixRow.__table__, SCHOOLS, SchoolDocument.__table__,
    SchoolProjectYear.__table__)}  # type: ignore[misc]
assert set(TABLES) == set(PATHS)
#: the tables of a district's schools (the rest are a district roadmap's)
SCHOOL_TABLES = frozenset({"schools", "school_documents", "school_project_years"})

#: the execution option naming a transaction's :class:`DistrictRows` mode
DISTRICT_ROWS = "district_rows"
#: ``conn.info`` key: (the transaction the answer is for, whether any district is imported)
_ANY_DISTRICT = "district_guard_any"


class DistrictRows(Enum):
    """What a transaction may do with an imported district's rows."""

    #: refuse every change (the default, for every edit)
    REFUSE = "refuse"
    #: replace them: only the region's import of the district's package (and removing a
    #: district), and the program's own upkeep of derived values (deadline readings)
    ALLOW = "allow"


class DistrictReadOnly(UserError):
    """An edit of an imported district's data."""

    def __init__(self, district: str, *, roadmap: bool = True) -> None:
        what = (f"Дорожная карта района «{district}» открыта только для просмотра: её меняет "
                "район") if roadmap else (f"Данные района «{district}» открыты только для "
                                          "просмотра: их меняет район")
        super().__init__(f"{what}, новые данные приходят с его пакетом.")
        self.district = district


def _hops(name: str) -> list[tuple[Table, str]]:
    """(table, foreign key column) from ``name`` up to the owner table."""
    hops, table = [], TABLES[name]
    for column in PATHS[name]:
        hops.append((table, column))
        (fk,) = table.c[column].foreign_keys
        table = fk.column.table  # type: ignore[assignment]
    return hops


def _owner_query(start: Table, hops: Sequence[tuple[Table, str]]) -> Any:
    """SELECT the district's name FROM ``start`` joined up to its owner (roadmap or school)."""
    joined, table = start, start
    for child, column in hops:
        (fk,) = child.c[column].foreign_keys
        parent = fk.column.table
        joined = joined.join(parent, child.c[column] == fk.column)
        table = parent
    joined = joined.join(DISTRICTS, table.c.district_id == DISTRICTS.c.id)
    return select(DISTRICTS.c.name).select_from(joined).limit(1)


def _param_sets(statement: UpdateBase, multiparams: Sequence[Mapping[str, Any]],
                params: Mapping[str, Any]) -> list[dict[str, Any]]:
    sets = [dict(p) for p in multiparams] or [dict(params)]
    own = statement.compile().params  # values given in the statement itself (``.values(...)``)
    return [{**{k: v for k, v in own.items() if v is not None}, **p} for p in sets]


def _touched_district(conn: Connection, statement: UpdateBase,
                      multiparams: Sequence[Mapping[str, Any]],
                      params: Mapping[str, Any]) -> tuple[str, bool] | None:
    """(district name, whether a roadmap's) of the first district row ``statement`` touches."""
    name = getattr(statement.table, "name", None)
    if name not in TABLES:
        return None
    roadmap = name not in SCHOOL_TABLES
    hops = _hops(name)
    sets = _param_sets(statement, multiparams, params)
    # a row written into a district's roadmap (or school): by the parent its values name
    if not hops:  # a roadmap or school itself: a district's when it says so
        district_id = next((p["district_id"] for p in sets if p.get("district_id")), None)
        if district_id is not None:
            found = conn.scalar(select(DISTRICTS.c.name).where(DISTRICTS.c.id == district_id))
            return found or "", roadmap
    else:
        column = hops[0][1]
        parents = {p[column] for p in sets if p.get(column) is not None}
        if parents:
            (fk,) = TABLES[name].c[column].foreign_keys
            found = conn.scalar(_owner_query(fk.column.table, hops[1:])
                                .where(fk.column.in_(sorted(parents))))
            if found is not None:
                return found, roadmap
    if isinstance(statement, Insert):
        return None
    # a row of a district's changed or deleted: by the rows the WHERE clause picks
    where = statement.whereclause
    query = _owner_query(TABLES[name], hops)
    key = _row_key(where)
    if key is not None and len(sets) > 1 and all(key[1] in p for p in sets):
        # «WHERE id = :b_id» for a list of rows (a renumbering): one query for them all
        found = conn.scalar(query.where(key[0].in_(sorted({p[key[1]] for p in sets}))))
        return None if found is None else (found, roadmap)
    if where is not None:
        query = query.where(where)
    for values in sets:
        found = conn.scalar(query, values)
        if found is not None:
            return found, roadmap
    return None


def _row_key(where: Any) -> tuple[Any, str] | None:
    """(column, parameter name) when ``where`` is just «column = :parameter»."""
    if isinstance(where, BinaryExpression) and where.operator is operators.eq \
            and isinstance(where.left, Column) and isinstance(where.right, BindParameter):
        return where.left, where.right.key
    return None


def _any_district(conn: Connection) -> bool:
    """Whether the database holds an imported district (asked once per transaction)."""
    transaction = conn.get_transaction()
    cached = conn.info.get(_ANY_DISTRICT)
    if cached is not None and cached[0] is transaction:
        return bool(cached[1])
    found = conn.scalar(select(DISTRICTS.c.id).limit(1)) is not None
    conn.info[_ANY_DISTRICT] = (transaction, found)
    return found


@event.listens_for(Engine, "before_execute")
def _check(conn: Connection, statement: Any, multiparams: Sequence[Mapping[str, Any]],
           params: Mapping[str, Any], _options: Mapping[str, Any]) -> None:
    if not isinstance(statement, Insert | Update | Delete):
        return
    mode = conn.get_execution_options().get(DISTRICT_ROWS, DistrictRows.REFUSE)
    if mode is DistrictRows.ALLOW or getattr(statement.table, "name", None) not in TABLES:
        return
    if not _any_district(conn):
        return
    touched = _touched_district(conn, statement, multiparams, params)
    if touched is not None:
        raise DistrictReadOnly(touched[0], roadmap=touched[1])
