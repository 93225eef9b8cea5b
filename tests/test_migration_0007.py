"""Migration 0007 (change stamps) on a database made at revision 0006: the demo district's
old file upgraded step by step. Every record of every table is kept column for column; the
versioned rows have no author and no time until their next change, which stamps them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import select

from desktop.models import Item, School
from desktop.models.database import SCHEMA_HEAD, open_database
from desktop.services.authors import login
from desktop.services.operations import writing
from tests.test_migration_0002 import _columns, _rows, old_file_at

STAMPED = ("roadmaps", "sections", "items", "checklist_rows", "schools", "school_documents",
           "orders")


def _tables(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'alembic_version'")]


def test_revision_0006_file_upgrades_keeping_every_record(tmp_path: Path) -> None:
    path = old_file_at(tmp_path / "roadmaps.db", "0006")
    before = {t: (_columns(path, t), _rows(path, t)) for t in _tables(path)}
    assert before["items"][1] and before["schools"][1]

    database = open_database(path, create=False)
    try:
        with database.session() as s:
            item = s.scalars(select(Item).order_by(Item.id)).first()
            assert (item.changed_by, item.changed_at) == ("", None)
            item_id = item.id
        with writing(database, author="Иванова М.С.") as s:
            s.get(Item, item_id).note = "после обновления"
            s.scalars(select(School)).first().note = "тоже"
        with database.session() as s:
            item = s.get(Item, item_id)
            assert item.changed_by == "Иванова М.С." and item.changed_at is not None
            assert s.scalars(select(School)).first().changed_by == "Иванова М.С."
        with writing(database) as s:
            s.get(Item, item_id).note = "ещё раз"
        with database.session() as s:
            assert s.get(Item, item_id).changed_by == login()
    finally:
        database.close()

    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (SCHEMA_HEAD,)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    for table, (columns, rows) in before.items():
        got = _rows(path, table, ", ".join(f'"{c}"' for c in columns))
        if table in ("items", "schools"):  # one row of each changed above, by its note
            assert len(got) == len(rows), table
            continue
        assert sorted(got) == sorted(rows), table
    for table in STAMPED:
        assert {"changed_by", "changed_at"} <= set(_columns(path, table)), table
