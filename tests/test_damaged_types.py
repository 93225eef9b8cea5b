"""Wrong-typed values in a sound file never crash a reader: text in a date column, text in a
number column, an unknown enumeration value, NULL where a value is required (a schema edited by
another tool) and malformed JSON are planted, then `list`, every export and the window run on
the file. Each ends normally with its output written, and the damaged records are named in
the one warning; opening the file read-only changes nothing in it."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from desktop.models.database import open_database
from desktop.models.stand_ins import period
from tests.desktop_process import run_desktop

#: (kind, SQL that plants it); the schema edit lets items.activity hold NULL, as a file
#: touched by another SQLite tool can
PLANTS = [
    ("date", "UPDATE roadmaps SET period_start = 'xx'"),
    ("date", "UPDATE items SET done_date = 'не дата' WHERE number = '1.1'"),
    ("integer", "UPDATE items SET position = 'abc' WHERE number = '1.4'"),
    ("integer", "UPDATE sections SET position = 'первый' WHERE number = '2'"),
    ("enum", "UPDATE items SET status = 'bogus' WHERE number = '1.5'"),
    ("text", "UPDATE items SET activity = NULL WHERE number = '1.3'"),
    ("json", "UPDATE roadmaps SET columns_json = '[1,'"),
]


def _plant(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = replace(sql, 'activity TEXT NOT NULL', "
                     "'activity TEXT') WHERE name = 'items'")
        conn.execute("PRAGMA writable_schema = OFF")
    finally:
        conn.close()
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for _, sql in PLANTS:
            assert conn.execute(sql).rowcount >= 1, sql
    finally:
        conn.close()


@pytest.fixture(scope="module")
def damaged_file(tmp_path_factory, demo_db_file: Path) -> Path:
    path = tmp_path_factory.mktemp("damaged") / "район.db"
    path.write_bytes(demo_db_file.read_bytes())
    _plant(path)
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


COMMANDS = [
    ["list"],
    ["export", "xlsx", "--roadmap", "1", "-o", "карта.xlsx"],
    ["export", "order", "--roadmap", "1", "-o", "приказ.pdf"],
    ["export", "docx", "--roadmap", "1", "-o", "приказ.docx"],
    ["export", "gantt", "--roadmap", "1", "-o", "график.pdf"],
    ["export", "report", "--roadmap", "1", "--date", "2026-06-30", "-o", "отчёт.pdf"],
    ["export", "report", "--roadmap", "1", "--date", "2026-06-30", "-o", "отчёт.xlsx"],
    ["export", "forms", "--roadmap", "1", "-o", "формы"],
    ["export", "package", "-o", "пакет.dkp"],
    *[["--screenshot", f"окно-{view}.png", "--view", view]
      for view in ("roadmaps", "schools", "directories", "orders", "reports", "checklist")],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: "-".join(c[:2]))
def test_every_reader_survives_wrong_types(damaged_file: Path, tmp_path: Path,
                                           command: list[str]) -> None:
    work = tmp_path / "work"
    work.mkdir()
    db = work / damaged_file.name
    db.write_bytes(damaged_file.read_bytes())
    result = run_desktop(*command, "--db", str(db), cwd=work, data=work / "data",
                         timeout=180)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "непредвиденная" not in result.stderr
    assert "повреждёнными значениями" in result.stderr
    if command == ["list"]:
        assert "мероприятий: 39" in result.stdout
    else:
        output = work / command[command.index("-o" if "-o" in command else "--screenshot") + 1]
        assert output.exists() and (output.is_dir() or output.stat().st_size > 1000)


def test_the_warning_names_every_kind(damaged_file: Path) -> None:
    before = _digest(damaged_file)
    database = open_database(damaged_file, read_only=True)
    try:
        damaged = {(d.table, d.column) for d in database.damaged}
    finally:
        database.close()
    assert {("roadmaps", "period_start"), ("items", "done_date"), ("items", "position"),
            ("sections", "position"), ("items", "status"), ("items", "activity"),
            ("roadmaps", "columns_json")} <= damaged
    assert _digest(damaged_file) == before


def test_stand_ins_as_loaded(damaged_file: Path, tmp_path: Path) -> None:
    """What the readers get: the period's start from its end's year, a zero position, an
    empty activity, the first status; the file itself keeps the damage."""
    from desktop.models import Item, Roadmap, Section

    copy = tmp_path / "copy.db"
    copy.write_bytes(damaged_file.read_bytes())
    database = open_database(copy, read_only=True)
    try:
        with database.session() as session:
            roadmap = session.get(Roadmap, 1)
            assert roadmap.period_start == period(None, roadmap.period_end)[0]
            assert roadmap.period_start.year == roadmap.period_end.year
            items = {i.number: i for i in session.query(Item)}
            assert items["1.4"].position == 0 and items["1.3"].activity == ""
            assert items["1.5"].status is not None
            assert {s.number: s.position for s in session.query(Section)}["2"] == 0
    finally:
        database.close()
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT period_start FROM roadmaps").fetchone()[0] == "xx"
