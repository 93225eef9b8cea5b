"""A revision-0001 file upgrades through 0004 with every record kept: its roadmaps and schools
stay the file's own (no district), its authority gets a UUID, and two districts may then
each have a school of the same short name."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from pathlib import Path

from sqlalchemy import select

from desktop.models import Authority, District, School
from desktop.models.database import SCHEMA_HEAD, open_database
from desktop.services.operations import DistrictRows, writing
from tests.test_migration_0002 import OLD, TABLES_0001, _columns, _rows


def test_revision_0001_upgrades_through_0004_keeping_every_record(tmp_path: Path) -> None:
    path = tmp_path / "roadmaps.db"
    shutil.copy(OLD, path)
    before = {t: (_columns(path, t), _rows(path, t)) for t in TABLES_0001}
    assert before["schools"][1] and before["authority"][1]
    database = open_database(path, create=False)
    try:  # districts' schools: written as a package import writes them
        with writing(database, districts=DistrictRows.ALLOW) as s:
            authority = s.scalars(select(Authority)).one()
            assert uuid.UUID(authority.uuid) and authority.oktmo == ""
            name = s.scalars(select(School.short_name)).first()
            assert all(x.district_id is None for x in s.scalars(select(School)))
            import datetime as dt
            for n in (1, 2):
                district = District(uuid=str(uuid.uuid4()), name=f"Район {n}",
                                    package_created=dt.datetime(2026, 1, n))
                s.add(district)
                s.flush()
                s.add(School(full_name="x", short_name=name, district_id=district.id))
            s.flush()
    finally:
        database.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (SCHEMA_HEAD,)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("SELECT count(*) FROM roadmaps WHERE district_id IS NOT NULL"
                            ).fetchone() == (0,)
    for table, (columns, rows) in before.items():
        got = _rows(path, table, ", ".join(f'"{c}"' for c in columns))
        if table == "schools":
            got = [r for r in got if r in rows]
        assert got == rows, table
