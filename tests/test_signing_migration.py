"""Migration 0006 (package signing) on a database made at revision 0005: a region's file that
already holds an imported district, and the same on PostgreSQL. Every record is kept; the
district has no key and no package number on record, so its next signed package is taken
and its key recorded; the district's own file makes its key on its first export."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, select, text

from desktop.exchange.sample import sample_data, sample_district, sample_signer
from desktop.export.package import pack, write_package
from desktop.importers.package import read_package
from desktop.models import District, School, SigningIdentity
from desktop.models.database import SCHEMA_HEAD, alembic_config, open_database
from desktop.models.pg import parse_url
from desktop.services.operations import DistrictRows, writing
from desktop.services.region_import import import_package
from tests.test_migration_0002 import OLD, TABLES_0001, _columns, _rows

UUID = sample_district(5)["uuid"]
ROWS_0005 = [
    "INSERT INTO districts (id, uuid, name, oktmo, package_created, imported_at, app_version, "
    f"digest, snapshot) VALUES (1, '{UUID}', 'УО района № 5', '04000005', "
    "'2027-01-01 00:00:00', '2026-12-01 09:00:00', '0.1.0', '" + "0" * 64 + "', "
    "'{\"roadmaps\": {}, \"schools\": {}}')",
    "INSERT INTO schools (full_name, short_name, director, address, phone, is_shnor, is_shssu, "
    "is_shfzr, post_project, note, district_id, version) VALUES ('МБОУ СОШ № 1 района 5', "
    "'СОШ1', '', '', '', false, false, false, false, 'из пакета формата 1', 1, 1)",
]


def _upgrade_to_0005(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0005")
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0005"
        for sql in ROWS_0005:
            conn.execute(text(sql))
    engine.dispose()


def _district_after_upgrade(database) -> None:
    """The old district kept, with no key; a signed package, though dated before the
    2027 date the old package claimed, is taken and its key recorded."""
    with database.session() as s:
        district = s.scalars(select(District)).one()
        assert (district.uuid, district.public_key, district.package_sequence) == (UUID, None,
                                                                                  None)
        assert district.package_created == dt.datetime(2027, 1, 1)
        assert s.scalars(select(School.note).where(School.district_id == 1)).all() == [
            "из пакета формата 1"]
        assert s.scalars(select(SigningIdentity)).all() == []


def test_revision_0005_region_file_upgrades_keeping_every_record(tmp_path: Path) -> None:
    path = tmp_path / "roadmaps.db"
    shutil.copy(OLD, path)  # the demo district's file, made at 0001
    _upgrade_to_0005(f"sqlite:///{path}")
    tables = (*TABLES_0001, "districts")
    before = {t: (_columns(path, t), _rows(path, t)) for t in tables}
    assert before["districts"][1] and before["authority"][1]
    database = open_database(path, create=False)
    try:
        _district_after_upgrade(database)
        package = pack(tmp_path / "d5.dkp", sample_district(5), sample_data(5, 10, 2),
                       now=dt.datetime(2026, 12, 6, 12, 21), signer=sample_signer(5),
                       sequence=1)
        with writing(database, districts=DistrictRows.ALLOW) as s:
            result = import_package(s, read_package(package), database.path)
        assert result.key_recorded and not result.first
        with database.session() as s:
            district = s.scalars(select(District)).one()
            assert district.public_key == sample_signer(5).public_key
            assert district.package_sequence == 1
        with writing(database) as s:  # the file's own district: its key made now
            write_package(s, tmp_path / "own.dkp", db_path=database.path)
        with database.session() as s:
            assert s.scalars(select(SigningIdentity.package_sequence)).one() == 1
    finally:
        database.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (SCHEMA_HEAD,)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    for table, (columns, rows) in before.items():
        if table in ("districts", "schools"):
            continue  # the district's own rows were replaced by its package, as they should
        got = _rows(path, table, ", ".join(f'"{c}"' for c in columns))
        assert set(rows) <= set(got), table  # the file's own rows all kept; the package's added
    assert read_package(tmp_path / "own.dkp").sequence == 1


def test_revision_0005_file_keeps_every_record_column_for_column(tmp_path: Path) -> None:
    path = tmp_path / "roadmaps.db"
    shutil.copy(OLD, path)
    _upgrade_to_0005(f"sqlite:///{path}")
    tables = (*TABLES_0001, "districts")
    before = {t: (_columns(path, t), _rows(path, t)) for t in tables}
    open_database(path, create=False).close()
    for table, (columns, rows) in before.items():
        assert _rows(path, table, ", ".join(f'"{c}"' for c in columns)) == rows, table
    assert "public_key" in _columns(path, "districts")
    assert _rows(path, "districts", "public_key, package_sequence") == [(None, None)]


def test_revision_0005_database_on_postgresql_upgrades(empty_pg_url: str,
                                                       tmp_path: Path) -> None:
    _upgrade_to_0005(parse_url(empty_pg_url))
    database = open_database(empty_pg_url, create=False)
    try:
        _district_after_upgrade(database)
        package = pack(tmp_path / "d5.dkp", sample_district(5), sample_data(5, 10, 2),
                       signer=sample_signer(5), sequence=3)
        with writing(database, districts=DistrictRows.ALLOW) as s:
            import_package(s, read_package(package), database.path)
        with database.session() as s:
            district = s.scalars(select(District)).one()
            assert (district.public_key, district.package_sequence) == (
                sample_signer(5).public_key, 3)
            assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() \
                == SCHEMA_HEAD
    finally:
        database.close()
