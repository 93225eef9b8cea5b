"""The shared database on PostgreSQL: two users editing the same record, migrations and
commands on a real server (a throwaway cluster under ``make test``, see conftest).

A conflict ends in «Запись изменена другим пользователем»: the later writer's change is
refused and rolled back, never written over the other one silently. The ``db`` and
``demo_db`` tests run on SQLite and on PostgreSQL; the ``pg_url`` ones on the server only.
"""

from __future__ import annotations

import shutil
import subprocess
import threading

import pytest
from sqlalchemy import create_engine, select, text

from desktop import cli
from desktop.models import Item, Roadmap, School
from desktop.models.columns import Field
from desktop.models.database import (
    ConcurrentEdit,
    Database,
    alembic_config,
    head_revision,
    open_database,
)
from desktop.models.pg import change_stamp, parse_url
from desktop.services.editing import load_item, set_item_field

CONFLICT = "Запись изменена другим пользователем"


def _first_item(database: Database) -> int:
    with database.session() as s:
        return s.scalars(select(Item.id).order_by(Item.id)).first()


def _activity_note_version(database: Database, item_id: int) -> tuple[str, str, int]:
    with database.session() as s:
        item = s.get(Item, item_id)
        return item.activity, item.note, item.version


@pytest.fixture
def demo_pg(pg_demo_url: str) -> Database:
    database = open_database(pg_demo_url)
    yield database
    database.close()


def test_two_sessions_saving_one_item_at_once_end_in_the_conflict(demo_pg) -> None:
    """A real race: both sessions read version 1; the colleague's UPDATE waits for our row
    lock, then finds the version gone and is refused; our change stands, theirs is not lost
    silently but reported."""
    item_id = _first_item(demo_pg)
    other = open_database(demo_pg.address, create=False)
    read = threading.Event()
    outcome: list[BaseException | None] = []

    def colleague() -> None:
        try:
            with other.session() as theirs:
                load_item(theirs, item_id).activity = "Изменено коллегой"
                read.set()
                # commit on leaving: the UPDATE blocks on our uncommitted row until we commit
        except BaseException as exc:
            outcome.append(exc)
        else:
            outcome.append(None)
        finally:
            read.set()

    try:
        with demo_pg.session() as mine:
            ours = load_item(mine, item_id)
            start = ours.version
            ours.activity = "Изменено мной"
            mine.flush()  # our UPDATE holds the row until commit
            worker = threading.Thread(target=colleague)
            worker.start()
            assert read.wait(10)
        worker.join(20)
    finally:
        other.close()
    assert not worker.is_alive()
    assert isinstance(outcome[0], ConcurrentEdit)
    assert CONFLICT in outcome[0].message
    assert _activity_note_version(demo_pg, item_id)[::2] == ("Изменено мной", start + 1)


def test_a_session_that_read_before_another_saved_is_refused(demo_pg) -> None:
    """Read, the colleague saves, then we save: refused; the colleague's change stays."""
    item_id = _first_item(demo_pg)
    other = open_database(demo_pg.address, create=False)
    try:
        with pytest.raises(ConcurrentEdit, match=CONFLICT), demo_pg.session() as mine:
            ours = load_item(mine, item_id)
            with other.session() as theirs:
                load_item(theirs, item_id).note = "заметка коллеги"
            ours.note = "моя заметка"
    finally:
        other.close()
    assert _activity_note_version(demo_pg, item_id)[1] == "заметка коллеги"


@pytest.fixture
def stack(qapp):
    from PySide6.QtGui import QUndoStack

    from desktop.ui.changes import Changes

    undo_stack = QUndoStack()
    changes = Changes()
    conflicts: list[bool] = []
    changes.conflictDetected.connect(lambda: conflicts.append(True))
    return undo_stack, changes, conflicts


def test_an_edit_command_over_a_newer_change_is_refused_and_says_so(demo_db, stack) -> None:
    """The window's field edit read the item, a colleague saved it meanwhile: the command
    fails with the conflict message, asks the window to re-read, and writes nothing."""
    from desktop.ui.commands import SetItemFieldCommand

    undo_stack, changes, conflicts = stack
    item_id = _first_item(demo_db)
    command = SetItemFieldCommand(demo_db, changes, item_id, Field.ACTIVITY, "Моё название")
    with demo_db.session() as theirs:  # another user (or window) saves the same item
        set_item_field(theirs, item_id, Field.NOTE, "заметка коллеги")
    undo_stack.push(command)
    assert command.error is not None and CONFLICT in command.error
    assert conflicts == [True]
    activity, note, _ = _activity_note_version(demo_db, item_id)
    assert activity != "Моё название" and note == "заметка коллеги"
    assert undo_stack.count() == 0  # the failed command left the stack as it was


def test_undo_never_overwrites_a_later_change_of_another_user(demo_db, stack) -> None:
    from desktop.ui.commands import SetItemFieldCommand

    undo_stack, changes, conflicts = stack
    item_id = _first_item(demo_db)
    before = _activity_note_version(demo_db, item_id)
    command = SetItemFieldCommand(demo_db, changes, item_id, Field.ACTIVITY, "Моё")
    undo_stack.push(command)
    assert _activity_note_version(demo_db, item_id)[::2] == ("Моё", before[2] + 1)
    with demo_db.session() as theirs:
        set_item_field(theirs, item_id, Field.NOTE, "заметка коллеги")
    undo_stack.undo()  # would restore the whole item as it was, note included
    assert command.error is not None and CONFLICT in command.error
    assert conflicts == [True]
    assert _activity_note_version(demo_db, item_id)[:2] == ("Моё", "заметка коллеги")


def test_unchanged_undo_and_redo_still_work(demo_db, stack) -> None:
    from desktop.ui.commands import SetItemFieldCommand

    undo_stack, changes, conflicts = stack
    item_id = _first_item(demo_db)
    old = _activity_note_version(demo_db, item_id)[0]
    undo_stack.push(SetItemFieldCommand(demo_db, changes, item_id, Field.ACTIVITY, "Моё"))
    undo_stack.undo()
    assert _activity_note_version(demo_db, item_id)[0] == old
    undo_stack.redo()
    assert _activity_note_version(demo_db, item_id)[0] == "Моё"
    assert conflicts == []


def test_versions_count_updates_of_every_table_edited_in_place(demo_db) -> None:
    with demo_db.session() as s:
        roadmap = s.scalars(select(Roadmap)).first()
        school = s.scalars(select(School)).first()
        versions = (roadmap.version, school.version)
        roadmap.goal += " (уточнено)"
        school.note = "новая заметка"
    with demo_db.session() as s:
        assert (s.get(Roadmap, roadmap.id).version, s.get(School, school.id).version) == (
            versions[0] + 1, versions[1] + 1)


def test_long_texts_in_short_columns_are_kept_on_both_engines(demo_db) -> None:
    """SQLite never enforced VARCHAR lengths; on the server they are TEXT (migration 0005),
    so what a file holds moves to the server whole."""
    item_id = _first_item(demo_db)
    number = "1." * 20 + "1"
    with demo_db.session() as s:
        set_item_field(s, item_id, Field.NUMBER, number)
        s.scalars(select(School)).first().short_name = "Школа " * 30
    with demo_db.session() as s:
        assert s.get(Item, item_id).number == number
        assert any(len(school.short_name) == 180 for school in s.scalars(select(School)))


def test_the_window_rereads_when_another_user_changed_the_data(demo_pg, qtbot) -> None:
    """On activation the window compares the data's fingerprint: another user's change
    re-reads the pages; its own edits do not count as news."""
    from desktop.ui.dialogs import ScriptedDialogs
    from desktop.ui.main_window import MainWindow

    window = MainWindow(demo_pg, dialogs=ScriptedDialogs())
    qtbot.addWidget(window)
    reloads: list[bool] = []
    window.freshness.reload = lambda: reloads.append(True)
    assert window.freshness.check() is False
    item_id = _first_item(demo_pg)
    other = open_database(demo_pg.address, create=False)
    try:
        with other.session() as theirs:
            set_item_field(theirs, item_id, Field.NOTE, "заметка коллеги")
    finally:
        other.close()
    assert window.freshness.check() is True and reloads == [True]
    assert window.freshness.check() is False  # seen once
    with demo_pg.session() as s:
        stamp = change_stamp(s.connection())
    assert stamp == window.freshness.stamp
    # the reminders' timer reads the database: it must have run before the database goes
    qtbot.waitUntil(lambda: window.reminders is not None, timeout=5000)


def test_migrations_run_on_postgresql_and_keep_every_record(empty_pg_url: str) -> None:
    """0001–0003 on the server, rows written, then the row versions' migration: every row
    kept, at version 1; the schema is then at the head, and a second open does nothing."""
    from alembic import command

    pg_url = empty_pg_url
    engine = create_engine(parse_url(pg_url))
    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
        conn.execute(text("INSERT INTO roadmaps (id, title, level, period_start, period_end, "
                          "goal, tasks, status, columns_json, created_at) VALUES (1, 'Карта', "
                          "'municipal', '2026-01-01', '2026-12-31', '', '', 'draft', '[]', "
                          "now())"))
        conn.execute(text("INSERT INTO sections (id, roadmap_id, position, number, title, "
                          "tasks, indicators) VALUES (1, 1, 0, '1', 'Раздел', '', '')"))
        conn.execute(text("INSERT INTO schools (id, full_name, short_name, director, address, "
                          "phone, is_shnor, is_shssu, is_shfzr, post_project, note) VALUES "
                          "(1, 'Школа', 'СОШ', '', '', '', true, false, false, false, '')"))
    engine.dispose()
    database = open_database(pg_url, create=False)
    try:
        with database.session() as s:
            assert [(r.title, r.version) for r in s.scalars(select(Roadmap))] == [("Карта", 1)]
            assert s.get(School, 1).version == 1
            assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() \
                == head_revision()
    finally:
        database.close()
    open_database(pg_url, create=False).close()


def test_a_foreign_database_on_the_server_is_refused_untouched(pg_url: str) -> None:
    engine = create_engine(parse_url(pg_url))
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE alembic_version"))
    engine.dispose()
    with pytest.raises(Exception, match="не является базой «Дорожной карты»"):
        open_database(pg_url)


def test_commands_take_a_server_url(demo_pg, tmp_path, capsys) -> None:
    assert cli.run(["list", "--db", demo_pg.address]) == 0
    assert "мероприятий: " in capsys.readouterr().out
    if shutil.which("pg_dump") is None:
        pytest.fail("pg_dump is missing: install postgresql-client (make test does)")
    target = tmp_path / "копия.dump"
    assert cli.run(["backup", "--db", demo_pg.address, "-o", str(target)]) == 0
    listing = subprocess.run(["pg_restore", "--list", str(target)], capture_output=True,
                             text=True, check=True).stdout
    assert "TABLE DATA public items" in listing
    assert cli.run(["restore", "--db", demo_pg.address, str(target)]) == 2
    assert "администратор сервера" in capsys.readouterr().err


def test_without_pg_dump_the_backup_says_it_is_the_servers_job(demo_pg, tmp_path, capsys,
                                                               monkeypatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert cli.run(["backup", "--db", demo_pg.address, "-o", str(tmp_path / "x.dump")]) == 2
    assert "задача администратора сервера" in capsys.readouterr().err
    assert not (tmp_path / "x.dump").exists()


def test_an_unreachable_server_is_one_russian_line(capsys) -> None:
    assert cli.run(["list", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none"]) == 2
    err = capsys.readouterr().err
    assert "Не удалось подключиться к базе данных PostgreSQL" in err
    assert "Traceback" not in err


def test_a_server_url_is_kept_as_text_from_the_option_and_the_variable(monkeypatch) -> None:
    from desktop.paths import DB_ENV_VAR, database_exists, resolve_db

    url = "postgresql+psycopg://coordinator@127.0.0.1:5432/district"
    assert resolve_db(url) == url  # a Path would fold «//» into «/»
    monkeypatch.setenv(DB_ENV_VAR, url)
    assert resolve_db(None) == url and database_exists(url)
    assert str(resolve_db("/tmp/файл.db")) == "/tmp/файл.db"
