"""A revision-0001 file (the demo district) upgrades through 0003 with every record kept, and
the new checklist tables and concept-document fields are there and usable."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import select

from desktop.models import ChecklistChange, ChecklistRow, SchoolDocument
from desktop.models.database import SCHEMA_HEAD, open_database
from tests.test_migration_0002 import OLD, TABLES_0001, _columns, _rows


def test_revision_0001_upgrades_through_0003_keeping_every_record(tmp_path: Path) -> None:
    path = tmp_path / "roadmaps.db"
    shutil.copy(OLD, path)
    with sqlite3.connect(path) as conn:  # a concept document, so that its recreated table is tested
        conn.execute("INSERT INTO school_documents (school_id, kind, title, date, "
                     "confirmed_by_curator, confirmed_on, link) VALUES "
                     "(1, 'concept', 'Концепция развития', '2026-03-01', 1, NULL, '')")
    before = {t: (_columns(path, t), _rows(path, t)) for t in TABLES_0001}
    assert before["checklist_rows"][1] and before["school_documents"][1]

    database = open_database(path, create=False)
    try:
        with database.session() as s:
            row = s.scalars(select(ChecklistRow).limit(1)).one()
            s.add(ChecklistChange(item_id=row.item_id, school_id=row.school_id, old={},
                                  new={"status": "done"}))
            document = s.scalars(select(SchoolDocument)).one()
            assert document.state == "none" and document.file is None
            assert document.confirmed_by_curator
    finally:
        database.close()

    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (SCHEMA_HEAD,)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("SELECT count(*) FROM checklist_history").fetchone() == (1,)
    for table, (columns, rows) in before.items():
        assert _rows(path, table, ", ".join(f'"{c}"' for c in columns)) == rows, table
