"""A database made at revision 0001 (the demo district, ``tests/data/rev0001.db``) opens in the
current version: backed up first, every record kept, the new roadmap parts empty and usable."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from desktop.models import Roadmap, RoadmapAppendix, RoadmapAppendixRow, TargetIndicator
from desktop.models.database import SCHEMA_HEAD, open_database

OLD = Path(__file__).parent / "data" / "rev0001.db"
TABLES_0001 = ("authority", "organisations", "people", "schools", "risk_factors", "school_risk_factors",
               "school_project_years", "school_documents", "orders", "order_points",
               "order_approvals", "order_appendices", "working_group_members", "schedule_entries",
               "roadmaps", "sections", "items", "item_executors", "item_schools", "checklist_rows",
               "monitoring_points")


def old_file_at(path: Path, revision: str) -> Path:
    """The demo district's file made at 0001, copied to ``path`` and upgraded to
    ``revision`` (a database as an older version of the program left it)."""
    from alembic import command
    from sqlalchemy import create_engine

    from desktop.models.database import alembic_config

    shutil.copy(OLD, path)
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    engine.dispose()
    return path


def _rows(path: Path, table: str, columns: str = "*") -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return sorted(conn.execute(f"SELECT {columns} FROM {table}").fetchall(), key=repr)


def _columns(path: Path, table: str) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def test_revision_0001_file_upgrades_keeping_every_record(tmp_path: Path) -> None:
    path = tmp_path / "roadmaps.db"
    shutil.copy(OLD, path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    before = {t: (_columns(path, t), _rows(path, t)) for t in TABLES_0001}
    assert sum(len(rows) for _, rows in before.values()) > 300  # the demo district is really there

    database = open_database(path, create=False)
    try:
        with database.session() as s:
            roadmap = s.get(Roadmap, 1)
            assert roadmap is not None and roadmap.basis_documents == ""
            assert roadmap.indicators == [] and roadmap.appendices == []
            roadmap.basis_documents = "Федеральный закон № 273-ФЗ"
            roadmap.indicators.append(TargetIndicator(name="Доля школ", unit="%", values=["50"]))
            appendix = RoadmapAppendix(title="График консультаций")
            row = RoadmapAppendixRow(topic="Консультация")
            row.set_date_text("Январь 2026", roadmap.period)
            appendix.rows.append(row)
            roadmap.appendices.append(appendix)
            s.commit()
    finally:
        database.close()

    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (SCHEMA_HEAD,)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    for table, (columns, rows) in before.items():  # the old columns hold the same values
        assert _rows(path, table, ", ".join(f'"{c}"' for c in columns)) == rows, table
    copies = list((tmp_path / "backups").glob(f"*before-{SCHEMA_HEAD}*.db"))
    assert len(copies) == 1 and _rows(copies[0], "items") == before["items"][1]
