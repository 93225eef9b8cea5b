"""Opening, migrating and refusing database files."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select, text

from desktop.errors import UserError
from desktop.models import Base, Organisation, RiskFactor
from desktop.models.database import (
    SCHEMA_HEAD,
    backup_database,
    daily_backup,
    head_revision,
    open_database,
)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_migrated_schema_equals_models(db) -> None:
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_schema_head_constant_matches_alembic() -> None:
    assert head_revision() == SCHEMA_HEAD


def test_pragmas_on_every_connection(db) -> None:
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL


def test_risk_factors_seeded_once(tmp_path: Path) -> None:
    for _ in range(2):
        database = open_database(tmp_path / "r.db")
        with database.session() as s:
            titles = s.scalars(select(RiskFactor.title).order_by(RiskFactor.number)).all()
        database.close()
    assert len(titles) == 10
    assert titles[0] == "Низкий уровень оснащения школы"


def test_committed_edit_survives_a_killed_process(tmp_path: Path) -> None:
    path = tmp_path / "crash.db"
    open_database(path).close()
    script = textwrap.dedent(f"""
        import os
        from desktop.models import Organisation
        from desktop.models.database import open_database
        db = open_database({str(path)!r})
        with db.session() as s:
            s.add(Organisation(short_name="РЦОКО", full_name="Региональный центр"))
        os._exit(9)  # no clean shutdown, no checkpoint
    """)
    result = subprocess.run([sys.executable, "-c", script], timeout=60)
    assert result.returncode == 9
    database = open_database(path)
    with database.session() as s:
        assert s.scalar(select(Organisation.full_name)) == "Региональный центр"
    database.close()


def test_newer_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    open_database(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    before = _digest(path)
    with pytest.raises(UserError, match="более новой версией"):
        open_database(path)
    assert _digest(path) == before


def test_garbage_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "garbage.db"
    path.write_bytes(b"this is not a database at all" * 100)
    before = _digest(path)
    with pytest.raises(UserError, match=r"повреждён|не является"):
        open_database(path)
    assert _digest(path) == before


def test_truncated_database_is_refused(demo_db, tmp_path: Path) -> None:
    copy = backup_database(demo_db.path, tmp_path / "copy.db")
    data = copy.read_bytes()
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(data[: len(data) // 2])
    with pytest.raises(UserError):
        open_database(damaged)


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY)")
    before = _digest(path)
    with pytest.raises(UserError, match="не является базой"):
        open_database(path)
    assert _digest(path) == before


def test_read_only_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "ro.db"
    open_database(path).close()
    real_access = os.access
    monkeypatch.setattr(os, "access",
                        lambda p, mode: False if mode == os.W_OK else real_access(p, mode))
    with pytest.raises(UserError, match="только для чтения"):
        open_database(path)


def test_missing_file_without_create(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="не найден"):
        open_database(tmp_path / "none.db", create=False)
    assert not (tmp_path / "none.db").exists()


def test_daily_backup_is_readable_and_pruned(demo_db, tmp_path: Path) -> None:
    import datetime as dt

    for day in range(1, 20):
        daily_backup(demo_db.path, today=dt.date(2026, 3, day), keep=5)
    copies = sorted((demo_db.path.parent / "backups").glob("demo-*.db"))
    assert len(copies) == 5
    assert copies[-1].name == "demo-2026-03-19.db"
    with sqlite3.connect(copies[-1]) as conn:
        assert conn.execute("SELECT count(*) FROM items").fetchone()[0] >= 30
