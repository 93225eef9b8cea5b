"""A database from schema revision 0001 opens in the current version with every record
intact, and is backed up before it is upgraded."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command

from desktop.models.database import alembic_config, head_revision, open_database
from desktop.paths import backups_dir
from desktop.services.listing import database_to_dict

SHIPPED = Path(__file__).parent / "data" / "rev0001.db"

ROWS = [
    "INSERT INTO authority VALUES (1, 'Управление образования администрации Краснолесского района',"
    " 'УО Краснолесского района', 'Краснолесск', 'Н-ская область', 'Начальник', 'И. И. Иванова',"
    " 'П. П. Петрова', '8 (800) 000-00-00', 'uo@example.ru')",
    "INSERT INTO roadmaps VALUES (1, 'Дорожная карта 2025', 'municipal', '2025-01-01', '2025-12-31',"
    " 'Цель', 'Задачи', 'approved', NULL, '[]', '2025-01-10 09:00:00.000000')",
    "INSERT INTO sections VALUES (1, 1, 0, '1', 'Организационные мероприятия', '', '')",
    "INSERT INTO sections VALUES (2, 1, 1, '2', 'Методическая помощь', '', '')",
    "INSERT INTO schools VALUES (1, 'МБОУ «СОШ № 3»', 'СОШ № 3', 'А. А. Смирнова', NULL, 'ул. Ленина, 1',"
    " '', 1, 0, 0, 0, '')",
]
ITEM = ("INSERT INTO items (id, section_id, parent_id, position, number, activity, deadline_text,"
        " deadline_json, deadline_kind, deadline_start, deadline_end, tasks, indicator, evidence,"
        " info_support, status, done_date, note, school_scope)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 'unparsed', NULL, NULL, '', '', '', '', ?, ?, '', 'none')")


def _rev0001_database(path: Path) -> Path:
    """Migrations up to 0001 only, then rows written in plain SQL (not through today's models)."""
    cfg = alembic_config()
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    engine.dispose()
    with sqlite3.connect(path) as conn:
        for sql in ROWS:
            conn.execute(sql)
        for n in range(1, 41):
            conn.execute(ITEM, (n, 1 + n % 2, None if n < 5 else 1 + n % 4, n, f"{1 + n % 2}.{n}",
                                f"Мероприятие № {n}", f"До {n % 28 + 1:02d}.03.2025",
                                "done" if n % 3 == 0 else "planned",
                                f"2025-03-{n % 28 + 1:02d}" if n % 3 == 0 else None))
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    return path


def _dump(path: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                            "AND name NOT IN ('alembic_version', 'risk_factors')")]
        return {n: sorted(conn.execute(f'SELECT * FROM "{n}"').fetchall(), key=repr) for n in names}


SOURCES = ["built"] + (["shipped"] if SHIPPED.exists() else [])


@pytest.mark.parametrize("source", SOURCES)
def test_revision_0001_opens_with_every_record(tmp_path: Path, source: str) -> None:
    path = tmp_path / "old.db"
    if source == "shipped":
        path.write_bytes(SHIPPED.read_bytes())
    else:
        _rev0001_database(path)
    before = _dump(path)
    database = open_database(path, create=False)
    try:
        with database.session() as session:
            data = database_to_dict(session)
    finally:
        database.close()
    after = _dump(path)
    for table, rows in before.items():  # every old row is there, column for column
        assert len(after[table]) == len(rows), table
        width = len(rows[0]) if rows else 0
        assert sorted((r[:width] for r in after[table]), key=repr) == rows, table
    listed = sum(len(r["items"]) for r in data["roadmaps"])
    assert listed == len(before["items"])
    copies = list(backups_dir(path).glob("old-before-*.db"))
    if head_revision() == "0001":
        assert copies == []  # nothing to upgrade, nothing copied
    else:  # backed up first: the copy is the file as it was
        assert len(copies) == 1 and _dump(copies[0]) == before
