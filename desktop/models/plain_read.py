"""The first page's data read with the standard ``sqlite3`` module, for a fast start.

Importing SQLAlchemy and building its mappers takes longer than everything else in the
start-up together. So the window first shows the roadmap editor from this reader (a
read-only connection, a few plain queries), and opens the database properly right after.

This reader only ever *declines*: on anything it is not sure of it raises
:class:`NotReadable` and the start-up simply waits for the full open, which checks,
migrates, repairs and explains. It declines a file of another schema revision, a
damaged value (bad UTF-8, an unknown status, a malformed date or deadline), and
deadlines read by an older parser (the full open re-reads those first). What it returns
has the types the SQLAlchemy reader gives (dates, enumerations, parsed JSON), so one
builder makes the editor's nodes from either.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from desktop.models.deadline import PARSER_VERSION, Deadline, stored_version
from desktop.models.enums import ItemStatus, Level, RoadmapStatus, SchoolScope, label, target_label
from desktop.models.executors import initials_name
from desktop.models.revision import SCHEMA_HEAD
from desktop.paths import read_only_uri


class NotReadable(Exception):
    """The first view cannot be read this way; the full open will show the data (or why not)."""


@contextmanager
def reading(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection on ``path`` at the current schema revision."""
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=0.2)
    except (sqlite3.Error, ValueError, OSError) as exc:
        raise NotReadable(str(exc)) from exc
    try:
        if conn.execute("SELECT version_num FROM alembic_version").fetchall() != [(SCHEMA_HEAD,)]:
            raise NotReadable("another schema revision")
        yield conn
    except (sqlite3.Error, ValueError, TypeError, KeyError) as exc:
        raise NotReadable(str(exc)) from exc
    finally:
        conn.close()


def _date(value: Any) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def _required_date(value: Any) -> dt.date:
    if value is None:
        raise NotReadable("a required date is missing")
    return dt.date.fromisoformat(value)


def _deadline_json(value: Any, text: str) -> dict[str, Any] | None:
    data = None if value is None else json.loads(value)
    if data is not None and not isinstance(data, dict):
        raise NotReadable("a deadline reading that is not an object")
    if stored_version(data) < PARSER_VERSION and (data or text):
        raise NotReadable("a deadline read by an older parser")
    if data is not None and "spans" in data:
        Deadline.from_json(data)  # raises on a shape the full reader would call damaged
    return data


def authority_name(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT short_name, full_name FROM authority ORDER BY id LIMIT 1").fetchone()
    return (row[0] or row[1]) if row else ""


def roadmap_summaries(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """The region's own roadmaps, newest period first (as ``listing.roadmap_summaries``)."""
    return [
        {"id": rid, "title": title, "level": label(Level(level)),
         "status": label(RoadmapStatus(status)), "period_start": _required_date(start),
         "period_end": _required_date(end)}
        for rid, title, level, status, start, end in conn.execute(
            "SELECT id, title, level, status, period_start, period_end FROM roadmaps "
            "WHERE district_id IS NULL ORDER BY period_start DESC, id")
    ]


def roadmap_head(conn: sqlite3.Connection,
                 roadmap_id: int) -> tuple[str, dt.date, dt.date, Any, int | None] | None:
    """(title, period start, period end, column profile, district) of the roadmap."""
    row = conn.execute("SELECT title, period_start, period_end, columns_json, district_id "
                       "FROM roadmaps WHERE id = ?", (roadmap_id,)).fetchone()
    if row is None:
        return None
    title, start, end, columns, district = row
    return title, _required_date(start), _required_date(end), json.loads(columns), district


def sections(conn: sqlite3.Connection, roadmap_id: int) -> list[tuple[int, str, str]]:
    return conn.execute("SELECT id, number, title FROM sections WHERE roadmap_id = ? "
                        "ORDER BY position, id", (roadmap_id,)).fetchall()


_IN_ROADMAP = "section_id IN (SELECT id FROM sections WHERE roadmap_id = ?)"
_ITEM_COLUMNS = ("id", "section_id", "parent_id", "number", "activity", "deadline_text",
                 "deadline_json", "deadline_kind", "deadline_end", "tasks", "indicator",
                 "evidence", "info_support", "status", "done_date", "note", "school_scope")
_CONVERT: dict[str, Callable[[Any], Any]] = {
    "status": ItemStatus, "school_scope": SchoolScope, "done_date": _date,
    "deadline_end": _date,
}


def items(conn: sqlite3.Connection, roadmap_id: int) -> list[dict[str, Any]]:
    """The roadmap's item records by position, typed as the SQLAlchemy reader types them."""
    records = []
    for row in conn.execute(f"SELECT {', '.join(_ITEM_COLUMNS)} FROM items "
                            f"WHERE {_IN_ROADMAP} ORDER BY position, id", (roadmap_id,)):
        record = dict(zip(_ITEM_COLUMNS, row, strict=True))
        for name, convert in _CONVERT.items():
            if record[name] is not None:
                record[name] = convert(record[name])
        record["deadline_json"] = _deadline_json(record["deadline_json"],
                                                 record["deadline_text"])
        records.append(record)
    return records


def executors(conn: sqlite3.Connection,
              roadmap_id: int) -> list[tuple[int, str, str | None, str | None, str | None]]:
    """(item, typed text, organisation, person's name, position) in each item's order."""
    return conn.execute(
        "SELECT e.item_id, e.text, o.short_name, p.name, p.position FROM item_executors e "
        "LEFT JOIN organisations o ON o.id = e.organisation_id "
        "LEFT JOIN people p ON p.id = e.person_id "
        f"WHERE e.item_id IN (SELECT id FROM items WHERE {_IN_ROADMAP}) "
        "ORDER BY e.item_id, e.position, e.id", (roadmap_id,)).fetchall()


def item_schools(conn: sqlite3.Connection, roadmap_id: int) -> dict[int, list[tuple[int, str]]]:
    """Item → the (school, short name) it names, by name."""
    chosen: dict[int, list[tuple[int, str]]] = {}
    for item_id, school_id, name in conn.execute(
            "SELECT x.item_id, s.id, s.short_name FROM item_schools x "
            "JOIN schools s ON s.id = x.school_id "
            f"WHERE x.item_id IN (SELECT id FROM items WHERE {_IN_ROADMAP}) "
            "ORDER BY s.short_name", (roadmap_id,)):
        chosen.setdefault(item_id, []).append((school_id, name))
    return chosen


def schools(conn: sqlite3.Connection, year: int,
            district: int | None) -> list[tuple[int, str, bool, bool]]:
    """(id, short name, ШНОР, in «500+» that year) of the region's own schools or the
    district's, by name."""
    in_500 = {sid for (sid,) in conn.execute(
        "SELECT school_id FROM school_project_years WHERE year = ?", (year,))}
    return [(sid, name, bool(shnor), sid in in_500) for sid, name, shnor in conn.execute(
        "SELECT id, short_name, is_shnor FROM schools WHERE district_id IS ? "
        "ORDER BY short_name", (district,))]


def monitoring_points(conn: sqlite3.Connection, roadmap_id: int) -> list[tuple[dt.date, str]]:
    """(date, «30–40 %») of the roadmap's monitoring points, by date."""
    return [(_required_date(day), target_label(low, high)) for day, low, high in conn.execute(
        "SELECT date, target_min, target_max FROM monitoring_points WHERE roadmap_id = ? "
        "ORDER BY date", (roadmap_id,))]


def executor_names(conn: sqlite3.Connection) -> list[str]:
    """The directory's organisations and people (short names), sorted."""
    names = {name for (name,) in conn.execute("SELECT short_name FROM organisations")}
    names |= {initials_name(name) for (name,) in conn.execute("SELECT name FROM people")}
    return sorted(names, key=str.casefold)
