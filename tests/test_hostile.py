"""Hostile files: damaged values, empty, locked, read-only and symlinked files, odd outputs.

Each case gets its Russian message (exit 2 from the CLI, never a traceback) and
leaves the file unchanged; damaged values are listed, never hidden, never a crash.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from desktop.cli import run
from desktop.errors import UserError
from desktop.models import backups
from desktop.models.database import DatabaseLocked, open_database
from desktop.services.operations import writing

#: (label, SQL run on a demo copy with the first items' ids as ?1..?6)
DAMAGED_VALUES = [
    ("bad UTF-8 in a school's name", "UPDATE schools SET short_name = CAST(X'D0BFFF20' AS TEXT) "
                                     "WHERE id = (SELECT min(id) FROM schools)", "schools"),
    ("unknown status", "UPDATE items SET status = 'archived' WHERE id = ?1", "items"),
    ("not a date", "UPDATE items SET done_date = 'not-a-date' WHERE id = ?2", "items"),
    ("30 February", "UPDATE items SET done_date = '2026-02-30' WHERE id = ?3", "items"),
    ("malformed deadline_json", "UPDATE items SET deadline_json = '{\"spans\": [' WHERE id = ?4",
     "items"),
    ("non-date spans", "UPDATE items SET deadline_json = "
                       "'{\"kind\": \"period\", \"spans\": [[\"xx\", 7]]}' WHERE id = ?5", "items"),
]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _damaged_copy(source: Path, folder: Path, sql: str) -> tuple[Path, list[int]]:
    path = folder / "damaged.db"
    backups.backup_database(source, path)
    with sqlite3.connect(path) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM items ORDER BY id LIMIT 6")]
        conn.execute(sql, ids[: max(map(int, re.findall(r"\?(\d)", sql)), default=0)])
    return path, ids


@pytest.mark.parametrize(("label", "sql", "table"), DAMAGED_VALUES, ids=[d[0] for d in DAMAGED_VALUES])
def test_damaged_value_is_listed_exported_and_named(demo_db_file: Path, tmp_path: Path, capsys,
                                                    label: str, sql: str, table: str) -> None:
    path, _ = _damaged_copy(demo_db_file, tmp_path, sql)
    assert run(["list", "--db", str(path), "--json"]) == 0
    out, err = capsys.readouterr()
    assert "1 запись с повреждёнными значениями" in err
    import json

    data = json.loads(out)
    records = (data["schools"] if table == "schools"
               else [i for r in data["roadmaps"] for i in r["items"]])
    assert sum(1 for r in records if r["damaged"]) == 1  # shown and marked, not hidden
    with sqlite3.connect(demo_db_file) as conn:
        assert len(records) == conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    target = tmp_path / "out.xlsx"
    assert run(["export", "xlsx", "--db", str(path), "--roadmap", "1", "-o", str(target)]) == 0
    sheet = openpyxl.load_workbook(target, read_only=True).worksheets[0]
    assert sheet.max_row > 30


def test_parent_cycle_is_broken_and_reported(demo_db_file: Path, tmp_path: Path, capsys) -> None:
    path, ids = _damaged_copy(demo_db_file, tmp_path,
                              "UPDATE items SET parent_id = CASE id WHEN ?1 THEN ?2 ELSE ?1 END "
                              "WHERE id IN (?1, ?2)")
    assert run(["list", "--db", str(path), "--json"]) == 0
    out, err = capsys.readouterr()
    assert "цикл" in err and str(min(ids[:2])) in err
    import json

    listed = {i["id"] for r in json.loads(out)["roadmaps"] for i in r["items"]}
    assert set(ids[:2]) <= listed  # no item vanishes


def test_zero_byte_file_is_refused_by_list_and_export(tmp_path: Path, capsys) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    assert run(["list", "--db", str(empty)]) == 2
    assert run(["export", "xlsx", "--db", str(empty), "--roadmap", "1",
                "-o", str(tmp_path / "x.xlsx")]) == 2
    assert "пуст" in capsys.readouterr().err
    assert empty.stat().st_size == 0 and not (tmp_path / "x.xlsx").exists()
    open_database(empty, create=True).close()  # only an explicit create makes it a database
    assert empty.stat().st_size > 0


def test_locked_file_is_its_own_message(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "journal.db"
    open_database(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
    before = _digest(path)
    monkeypatch.setattr(backups, "_connect_ro", lambda p, timeout=5.0: sqlite3.connect(
        f"file:{p.as_posix()}?mode=ro", uri=True, timeout=0.2))
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseLocked) as caught:
            open_database(path)
        assert "повреждена" not in caught.value.message
        assert "занята другой программой" in caught.value.message
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert _digest(path) == before


def test_write_waits_for_busy_timeout_instead_of_failing(db) -> None:
    """BEGIN IMMEDIATE: a write started while another connection writes waits, then succeeds."""
    import threading

    from desktop.models import Organisation

    other = sqlite3.connect(db.path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    threading.Timer(0.3, lambda: other.execute("COMMIT")).start()
    with writing(db) as s:
        assert s.query(Organisation).count() >= 0  # a read first: deferred BEGIN would fail now
        s.add(Organisation(short_name="ИРО", full_name="Институт развития образования"))
    other.close()
    with db.session() as s:
        assert s.query(Organisation).filter_by(short_name="ИРО").count() == 1


def test_read_only_media_opens_read_only(demo_db_file: Path, tmp_path: Path, monkeypatch,
                                         capsys) -> None:
    path = tmp_path / "ro.db"
    backups.backup_database(demo_db_file, path)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")  # as a copy on a CD or a locked stick
    before = _digest(path)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if mode == os.W_OK
                        else real_access(p, mode))
    database = open_database(path, allow_read_only=True)
    try:
        assert database.read_only
        from sqlalchemy import text

        with database.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM items")).scalar() > 30
        with pytest.raises(Exception, match="readonly"), database.session() as s:
            s.execute(text("DELETE FROM items"))
    finally:
        database.close()
    assert run(["export", "xlsx", "--db", str(path), "--roadmap", "1",
                "-o", str(tmp_path / "ro.xlsx")]) == 0
    assert "только для чтения" in capsys.readouterr().err
    assert _digest(path) == before


@pytest.mark.parametrize("kind", ["symlink", "device", "folder"])
def test_outputs_go_only_to_regular_files(demo_db_file: Path, tmp_path: Path, capsys,
                                          kind: str) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("не трогать")
    target = {"symlink": tmp_path / "link.xlsx", "device": Path("/dev/null"),
              "folder": tmp_path}[kind]
    if kind == "symlink":
        target.symlink_to(victim)
    for argv in (["export", "xlsx", "--db", str(demo_db_file), "--roadmap", "1", "-o", str(target)],
                 ["backup", "--db", str(demo_db_file), "-o", str(target)]):
        assert run(argv) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and ("обычный файл" in err or "папка" in err)
    assert victim.read_text() == "не трогать"
    if kind == "symlink":
        assert target.is_symlink()


def test_symlinked_database_takes_the_same_lock(tmp_path: Path) -> None:
    from desktop.app import lock_path_for

    real = tmp_path / "real.db"
    open_database(real).close()
    link = tmp_path / "link.db"
    link.symlink_to(real)
    assert lock_path_for(link) == lock_path_for(real)


def test_cli_never_shows_a_traceback(demo_db_file: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    piped = subprocess.run(f"{sys.executable} -m desktop list --db {demo_db_file} | head -1",
                           shell=True, capture_output=True, text=True, env=env, timeout=60)
    assert piped.stdout.startswith("[1]") and piped.stderr == ""
    huge = subprocess.run([sys.executable, "-m", "desktop", "export", "xlsx", "--db",
                           str(demo_db_file), "--roadmap", "9" * 30, "-o", str(tmp_path / "h.xlsx")],
                          capture_output=True, text=True, env=env, timeout=60)
    assert huge.returncode == 2 and "Traceback" not in huge.stderr and "число" in huge.stderr


def test_damaged_file_names_newest_sound_copy(demo_db_file: Path, tmp_path: Path) -> None:
    path = tmp_path / "db.db"
    backups.backup_database(demo_db_file, path)
    copy = backups.daily_backup(path)
    data = bytearray(path.read_bytes())
    data[4096 * 3: 4096 * 6] = b"\xff" * (4096 * 3)  # overwrite b-tree pages, keep the header
    path.write_bytes(bytes(data))
    before = _digest(path)
    with pytest.raises(UserError) as caught:
        open_database(path)
    assert "повреждена" in caught.value.message
    assert str(copy) in caught.value.message and "restore" in caught.value.message
    assert _digest(path) == before


def test_timeline_skips_spans_that_are_not_dates() -> None:
    import datetime as dt

    from desktop.models.deadline import Deadline, Kind
    from desktop.ui.gantt.rows import drawable

    good = Deadline("март", Kind.SPAN, ((dt.date(2026, 3, 1), dt.date(2026, 3, 31)),))
    assert drawable(good) is good
    assert drawable(Deadline("x", Kind.SPAN, (("xx", 7),))) is None  # type: ignore[arg-type]
    assert drawable("not a deadline") is None


def test_screenshot_of_damaged_values_in_a_fresh_process(demo_db_file: Path, tmp_path: Path) -> None:
    """A fresh process (no table module imported beforehand) still finds every damaged value,
    and ``--screenshot`` neither crashes nor waits on a modal box."""
    path, _ = _damaged_copy(demo_db_file, tmp_path, DAMAGED_VALUES[1][1] + "; ")
    with sqlite3.connect(path) as conn:
        conn.execute(DAMAGED_VALUES[5][1].replace("?5", "(SELECT max(id) FROM items)"))
    png = tmp_path / "shot.png"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent),
           "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-m", "desktop", "--db", str(path), "--screenshot",
                             str(png)], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "2 записи с повреждёнными значениями" in result.stderr
    assert png.stat().st_size > 10_000


def test_window_edit_waits_for_a_lock_then_says_so_in_russian(tmp_path: Path, monkeypatch,
                                                              demo_db_file: Path) -> None:
    import threading

    from desktop.models import base
    from desktop.models.columns import Field
    from desktop.ui.changes import Changes
    from desktop.ui.commands import SetItemFieldCommand

    path = tmp_path / "busy.db"
    backups.backup_database(demo_db_file, path)
    monkeypatch.setattr(base, "BUSY_TIMEOUT_MS", 1500)
    database = open_database(path)
    changes = Changes()
    with sqlite3.connect(path) as conn:
        item_id = conn.execute("SELECT min(id) FROM items").fetchone()[0]
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        other.execute("BEGIN IMMEDIATE")  # another program writes for 0.3 s: the edit waits
        threading.Timer(0.3, lambda: other.execute("COMMIT")).start()
        command = SetItemFieldCommand(database, changes, item_id, Field.ACTIVITY, "Новый текст")
        command.redo()
        assert command.error is None
        other.execute("BEGIN IMMEDIATE")  # now it holds the lock past the timeout
        command = SetItemFieldCommand(database, changes, item_id, Field.ACTIVITY, "Ещё текст")
        command.redo()
        assert command.error and "занята другой программой" in command.error
        assert "locked" not in command.error and "повреждена" not in command.error
        other.execute("ROLLBACK")
    finally:
        other.close()
        database.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT activity FROM items WHERE id = ?", (item_id,)).fetchone() == (
            "Новый текст",)


def _all_damages(source: Path, folder: Path) -> Path:
    path, _ = _damaged_copy(source, folder, "SELECT 1")
    with sqlite3.connect(path) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM items ORDER BY id LIMIT 6")]
        for _label, sql, _table in DAMAGED_VALUES:
            conn.execute(sql, ids[: max(map(int, re.findall(r"\?(\d)", sql)), default=0)])
    return path


def test_every_exporter_survives_all_damages_at_once(qapp, demo_db_file: Path, tmp_path: Path,
                                                     capsys) -> None:
    path = _all_damages(demo_db_file, tmp_path)
    outputs = {"xlsx": tmp_path / "t.xlsx", "order": tmp_path / "o.pdf",
               "gantt": tmp_path / "g.png"}
    for kind, target in outputs.items():
        argv = ["export", kind, "--db", str(path), "--roadmap", "1", "-o", str(target)]
        assert run(argv) == 0, kind
        assert target.stat().st_size > 1000
    err = capsys.readouterr().err
    assert "6 записей с повреждёнными значениями" in err and "Traceback" not in err


def test_window_shows_damaged_roadmap_with_its_timeline(qtbot, demo_db_file: Path,
                                                        tmp_path: Path) -> None:
    from desktop.ui.dialogs import ScriptedDialogs
    from desktop.ui.main_window import MainWindow

    database = open_database(_all_damages(demo_db_file, tmp_path))
    dialogs = ScriptedDialogs()
    win = MainWindow(database, dialogs=dialogs)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    page = win.show_page("roadmaps")
    assert page.timeline is not None and page.timeline.isVisible()
    assert not win.grab().isNull()  # painting the timeline over damaged spans
    with sqlite3.connect(database.path) as conn:
        items = conn.execute("SELECT count(*) FROM items").fetchone()[0]
    assert len(page.model._items) == items  # every item in the tree, none hidden
    assert any("6 записей с повреждёнными значениями" in body for _k, _t, body in dialogs.shown)
    database.close()
