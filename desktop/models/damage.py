"""Damaged values in a sound file: which records hold them, and parent cycles.

``quick_check`` passes on a file whose values were damaged by another program,
a disk error or a hand edit: bad UTF-8 in a name, an unknown status,
``done_date = 'not-a-date'`` or ``'2026-02-30'``, malformed ``deadline_json``,
an item that is its own ancestor. The engine reads such values leniently (see
:mod:`desktop.models.base`); this module finds them so that they are listed in
one warning («N записей с повреждёнными значениями») and never hidden.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Date, DateTime, Enum, Integer, String, Table, Text, text
from sqlalchemy.engine import Connection
from sqlalchemy.types import JSON

from desktop.models import Base  # the package: every table module loaded, metadata complete
from desktop.models.deadline import deadline_json_ok

#: what a record of each table is called in the warning
RECORD_NAMES = {
    "items": "мероприятие", "sections": "раздел", "roadmaps": "дорожная карта",
    "schools": "школа", "checklist": "отметка", "orders": "приказ",
    "organisations": "организация", "people": "человек",
}


#: the column that names a record for the user (its number or short name)
RECORD_LABELS = {"items": "number", "sections": "number", "roadmaps": "title",
                 "schools": "short_name", "orders": "number", "organisations": "short_name",
                 "people": "name"}
#: what the damaged fields are called
FIELD_NAMES = {
    "status": "статус", "done_date": "дата выполнения", "deadline_json": "срок",
    "deadline_start": "срок", "deadline_end": "срок", "activity": "мероприятие",
    "short_name": "краткое название", "full_name": "полное название", "level": "уровень",
    "period_start": "начало периода", "period_end": "конец периода", "date": "дата",
    "school_scope": "школы", "title": "название", "number": "номер",
    "position": "порядок", "version": "версия", "columns_json": "столбцы таблицы",
    "layout_json": "оформление", "indicator_periods": "периоды показателей",
}


@dataclass(frozen=True)
class DamagedValue:
    table: str
    row_id: int
    column: str
    #: how the user knows the record: «1.2», «СОШ № 3» (U+FFFD where that is damaged too)
    label: str = ""


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _table_damage(conn: Connection, table: Table) -> list[DamagedValue]:
    if "id" not in table.c:
        return []
    name = _quoted(table.name)
    checks: list[str] = []
    texts: list[str] = []
    jsons: list[str] = []
    for column in table.c:
        col = _quoted(column.name)
        kind = column.type
        if isinstance(kind, Enum):
            allowed = ", ".join("'" + v.replace("'", "''") + "'" for v in kind.enums)
            checks.append(f"SELECT id, '{column.name}' FROM {name} "
                          f"WHERE {col} IS NOT NULL AND {col} NOT IN ({allowed})")
        elif isinstance(kind, Date):  # julianday: date('2026-02-30') keeps the 30th
            checks.append(f"SELECT id, '{column.name}' FROM {name} "
                          f"WHERE {col} IS NOT NULL AND date(julianday({col})) IS NOT {col}")
        elif isinstance(kind, DateTime):
            checks.append(f"SELECT id, '{column.name}' FROM {name} "
                          f"WHERE {col} IS NOT NULL AND datetime({col}) IS NULL")
        elif isinstance(kind, JSON):
            jsons.append(column.name)
        elif isinstance(kind, String | Text):
            texts.append(column.name)
    found = [DamagedValue(table.name, int(row_id), column)
             for sql in checks for row_id, column in conn.exec_driver_sql(sql)]
    found.extend(_missing_and_mistyped(conn, table))
    if texts:
        # bytes, so that a value that is not UTF-8 can be told from one that is
        blobs = ", ".join(f"CAST({_quoted(c)} AS BLOB)" for c in texts)
        for row in conn.exec_driver_sql(f"SELECT id, {blobs} FROM {name}"):
            for column, raw in zip(texts, row[1:], strict=True):
                if raw is not None and not _is_utf8(raw):
                    found.append(DamagedValue(table.name, int(row[0]), column))
    for column in jsons:
        sql = f"SELECT id, CAST({_quoted(column)} AS BLOB) FROM {name} WHERE {_quoted(column)} IS NOT NULL"
        for row_id, raw in conn.exec_driver_sql(sql):
            if not _json_ok(table.name, column, raw):
                found.append(DamagedValue(table.name, int(row_id), column))
    return found


def _missing_and_mistyped(conn: Connection, table: Table) -> list[DamagedValue]:
    """NULL where the program always writes a value (a schema edited by another tool), and
    text in a number column: one pass over the table (they read as stand-ins, see
    :mod:`desktop.models.stand_ins`)."""
    conditions = []
    for column in table.c:
        if column.primary_key:
            continue
        col = _quoted(column.name)
        if not column.nullable:
            conditions.append((column.name, f"{col} IS NULL"))
        if isinstance(column.type, Integer):
            conditions.append((column.name, f"({col} IS NOT NULL AND typeof({col}) != 'integer')"))
    if not conditions:
        return []
    flags = ", ".join(condition for _, condition in conditions)
    where = " OR ".join(condition for _, condition in conditions)
    found = []
    for row in conn.exec_driver_sql(f"SELECT id, {flags} FROM {_quoted(table.name)} WHERE {where}"):
        named = {name for (name, _), flag in zip(conditions, row[1:], strict=True) if flag}
        found.extend(DamagedValue(table.name, int(row[0]), name) for name in sorted(named))
    return found


def _is_utf8(raw: Any) -> bool:
    if not isinstance(raw, bytes):
        return True
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _json_ok(table: str, column: str, raw: Any) -> bool:
    try:
        value = json.loads(raw)
    except (ValueError, TypeError, RecursionError):
        return False
    if (table, column) == ("items", "deadline_json"):
        return value is None or deadline_json_ok(value)
    return True


def scan_damaged_values(conn: Connection) -> list[DamagedValue]:
    """Every damaged value of every table of the domain, with the record's label."""
    found: list[DamagedValue] = []
    for table in Base.metadata.sorted_tables:
        found.extend(_table_damage(conn, table))
    return [_labelled(conn, value) for value in found]


def _labelled(conn: Connection, value: DamagedValue) -> DamagedValue:
    column = RECORD_LABELS.get(value.table)
    if column is None:
        return value
    raw = conn.exec_driver_sql(
        f"SELECT CAST({_quoted(column)} AS BLOB) FROM {_quoted(value.table)} WHERE id = ?",
        (value.row_id,)).scalar()
    label = raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else str(raw or "")
    return DamagedValue(value.table, value.row_id, value.column, label.strip()[:40])


def parent_cycles(conn: Connection) -> list[list[int]]:
    """Items that are their own ancestors, one list per cycle (ids in cycle order)."""
    parent = {row_id: parent_id for row_id, parent_id
              in conn.exec_driver_sql("SELECT id, parent_id FROM items")}
    cycles: list[list[int]] = []
    state: dict[int, int] = {}  # 1 on the current path, 2 done
    for start in parent:
        path: list[int] = []
        node: int | None = start
        while node is not None and node in parent and state.get(node) is None:
            state[node] = 1
            path.append(node)
            node = parent[node]
        if node is not None and state.get(node) == 1:
            cycles.append(path[path.index(node):])
        for n in path:
            state[n] = 2
    return cycles


def break_parent_cycles(conn: Connection) -> list[int]:
    """Make the smallest id of each cycle a top-level item (a write); returns those ids."""
    freed = [min(cycle) for cycle in parent_cycles(conn)]
    for item_id in freed:
        conn.execute(text("UPDATE items SET parent_id = NULL WHERE id = :id"), {"id": item_id})
    return freed


def damage_summary(found: list[DamagedValue]) -> str:
    """One warning line: «2 записи с повреждёнными значениями: мероприятие «1.2» (статус); …»."""
    if not found:
        return ""
    by_record: dict[tuple[str, int, str], list[str]] = defaultdict(list)
    for value in found:
        field_name = FIELD_NAMES.get(value.column, value.column)
        fields = by_record[(value.table, value.row_id, value.label)]
        if field_name not in fields:
            fields.append(field_name)
    shown = [f"{RECORD_NAMES.get(t, t)} {f'«{label}»' if label else f'№ {i}'} ({', '.join(cols)})"
             for (t, i, label), cols in list(by_record.items())[:10]]
    more = f" и ещё {len(by_record) - 10}" if len(by_record) > 10 else ""
    return (f"{records_phrase(len(by_record))} с повреждёнными значениями: "
            f"{'; '.join(shown)}{more}")


def records_phrase(n: int) -> str:
    """«1 запись», «3 записи», «5 записей»."""
    if n % 10 == 1 and n % 100 != 11:
        word = "запись"
    elif n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        word = "записи"
    else:
        word = "записей"
    return f"{n} {word}"


def damaged_ids(found: list[DamagedValue], table: str) -> dict[int, list[str]]:
    """Row id → damaged columns, for one table (listing marks these records)."""
    result: dict[int, list[str]] = defaultdict(list)
    for value in found:
        if value.table == table:
            result[value.row_id].append(value.column)
    return dict(result)
