"""Backups and restore: copies read back table by table, pruning, failures, the CLI."""

from __future__ import annotations

import datetime as dt
import sqlite3
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.cli import run
from desktop.errors import UserError
from desktop.models import backups
from desktop.models.database import open_database
from desktop.paths import backups_dir


def table_dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: two files with equal dumps hold the same data."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
        return {n: sorted(conn.execute(f'SELECT * FROM "{n}"').fetchall(), key=repr) for n in names}


def test_restore_brings_back_every_table(demo_db, tmp_path: Path, capsys) -> None:
    copy = tmp_path / "stick" / "copy.db"
    assert run(["backup", "--db", str(demo_db.path), "-o", str(copy)]) == 0
    saved = table_dump(copy)
    assert saved == table_dump(demo_db.path)
    with demo_db.session() as s:  # a year of work goes wrong
        s.execute(text("DELETE FROM items WHERE id % 2 = 0"))
        s.execute(text("UPDATE schools SET director = 'испорчено'"))
    assert table_dump(demo_db.path) != saved
    demo_db.close()
    assert run(["restore", "--db", str(demo_db.path), str(copy)]) == 0
    assert table_dump(demo_db.path) == saved
    kept = [p for p in backups_dir(demo_db.path).glob("*before-restore*")]
    assert len(kept) == 1 and kept[0].suffix == ".dkbak"  # the replaced state is kept
    with zipfile.ZipFile(kept[0]) as zf:
        (tmp_path / "kept.db").write_bytes(zf.read("database.db"))
    assert table_dump(tmp_path / "kept.db") != saved
    out = capsys.readouterr().out
    assert str(kept[0]) in out
    reopened = open_database(demo_db.path)
    reopened.close()


def test_restore_over_a_damaged_file_keeps_it_aside(demo_db, tmp_path: Path) -> None:
    copy = backups.daily_backup(demo_db.path)
    saved = table_dump(copy)
    demo_db.close()
    for side in demo_db.path.parent.glob("demo.db-*"):
        side.unlink()
    demo_db.path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    with pytest.raises(UserError, match="повреждена"):
        open_database(demo_db.path)
    assert run(["restore", "--db", str(demo_db.path), str(copy)]) == 0
    assert table_dump(demo_db.path) == saved
    aside = list(demo_db.path.parent.glob("demo-damaged-*.db"))
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"SQLite format 3")


def test_restore_refuses_a_file_that_is_no_copy(demo_db, tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"not a database" * 50)
    before = table_dump(demo_db.path)
    assert run(["restore", "--db", str(demo_db.path), str(bogus)]) == 2
    assert table_dump(demo_db.path) == before


def test_daily_and_monthly_copies_are_kept_and_pruned(demo_db) -> None:
    day = dt.date(2025, 1, 1)
    while day < dt.date(2026, 3, 1):
        backups.scheduled_backups(demo_db.path, today=day)
        last, day = day, day + dt.timedelta(days=6)
    folder = backups_dir(demo_db.path)
    daily = sorted(p.name for p in folder.glob("demo-????-??-??.db"))
    monthly = sorted(p.name for p in folder.glob("demo-monthly-*.db"))
    assert len(daily) == backups.DAILY_BACKUPS_KEPT and len(monthly) == backups.MONTHLY_BACKUPS_KEPT
    assert daily[-1] == f"demo-{last.isoformat()}.db" and monthly[-1] == "demo-monthly-2026-02.db"
    assert monthly[0] == "demo-monthly-2025-03.db"  # the oldest twelve months pruned
    listed = backups.list_copies(demo_db.path)
    assert len(listed) == len(daily) + len(monthly)
    assert all(c.sound and c.items and c.items > 30 for c in listed)


def test_clock_set_back_keeps_the_new_copy(demo_db) -> None:
    for day in range(10, 20):
        backups.daily_backup(demo_db.path, today=dt.date(2026, 3, day), keep=5)
    made = backups.daily_backup(demo_db.path, today=dt.date(2025, 1, 1), keep=5)
    assert made is not None and made.exists()
    assert len(list(backups_dir(demo_db.path).glob("demo-????-??-??.db"))) == 5


def test_failed_backup_leaves_nothing_half_written(demo_db, tmp_path: Path, monkeypatch) -> None:
    real_connect = sqlite3.connect

    class FullDisk:
        def __init__(self, conn: sqlite3.Connection) -> None:
            self.conn = conn

        def backup(self, target: sqlite3.Connection) -> None:
            target.execute("CREATE TABLE partial (x)")
            raise sqlite3.OperationalError("database or disk is full")

        def close(self) -> None:
            self.conn.close()

    def connect(name: str, *args, **kwargs):  # the source connection fails mid-copy
        conn = real_connect(name, *args, **kwargs)
        return FullDisk(conn) if "mode=ro" in str(name) else conn

    monkeypatch.setattr(backups.sqlite3, "connect", connect)
    target = tmp_path / "out" / "copy.db"
    with pytest.raises(backups.BackupFailed, match="недостаточно места"):
        backups.backup_database(demo_db.path, target)
    assert list(target.parent.iterdir()) == []


def test_restore_refuses_a_copy_from_a_newer_version(demo_db, tmp_path: Path, capsys) -> None:
    """A copy stamped with a schema this version does not know would not open after the
    restore: refused before anything is replaced or copied aside."""
    copy = tmp_path / "stick" / "copy.db"
    assert run(["backup", "--db", str(demo_db.path), "-o", str(copy)]) == 0
    with sqlite3.connect(copy) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099'")
    before = table_dump(demo_db.path)
    demo_db.close()
    assert run(["restore", "--db", str(demo_db.path), str(copy)]) == 2
    assert "более новой версией программы (версия схемы 0099)" in capsys.readouterr().err
    assert table_dump(demo_db.path) == before
    assert not list(backups_dir(demo_db.path).glob("*before-restore*.db"))
    open_database(demo_db.path).close()  # still this version's file


def test_restore_takes_a_copy_from_an_older_version(tmp_path: Path) -> None:
    """A copy from revision 0001 (an older version) is restored and brought up to date on open."""
    db = tmp_path / "roadmaps.db"
    open_database(db).close()
    old = Path(__file__).parent / "data" / "rev0001.db"
    assert run(["restore", "--db", str(db), str(old)]) == 0
    reopened = open_database(db)
    reopened.close()
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] != "0001"


def test_restore_gives_up_on_a_database_another_program_holds(demo_db, tmp_path: Path,
                                                              monkeypatch, capsys) -> None:
    """Another program in the middle of writing: a bounded wait, then a clean message; the
    file is as the other program leaves it."""
    import time

    monkeypatch.setattr(backups, "LOCK_WAIT_S", 0.5)
    copy = tmp_path / "copy.db"
    assert run(["backup", "--db", str(demo_db.path), "-o", str(copy)]) == 0
    demo_db.close()
    other = sqlite3.connect(demo_db.path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE schools SET director = 'пишет другая программа'")
        started = time.monotonic()
        assert run(["restore", "--db", str(demo_db.path), str(copy)]) == 2
        assert time.monotonic() - started < 30
        assert "занята другой программой" in capsys.readouterr().err
        other.execute("COMMIT")
    finally:
        other.close()
    with sqlite3.connect(demo_db.path) as conn:
        assert {r[0] for r in conn.execute("SELECT director FROM schools")} == {
            "пишет другая программа"}
