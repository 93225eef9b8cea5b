"""The first view at start-up (a plain ``sqlite3`` read, desktop.ui.first_view) shows exactly
what the opened database shows, declines whatever it is unsure of, and takes no input
until the database is open."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.cli import run
from desktop.models.columns import PRESETS, Field
from desktop.models.database import open_database
from desktop.services.demo import create_demo
from desktop.services.operations import DistrictRows, writing
from desktop.ui.datasource import DataSource
from desktop.ui.dialogs import ScriptedDialogs
from desktop.ui.editor.nodes import Node, RoadmapData
from desktop.ui.first_view import NotReadable, read_first_view
from tests.conftest import DEMO_TODAY, DEMO_YEAR
from tests.test_export_property import build

FIXTURES = Path(__file__).resolve().parents[2] / "shared" / "fixtures"
if not FIXTURES.is_dir():
    FIXTURES = Path("/work/shared/fixtures")
REV0001 = Path(__file__).parent / "data" / "rev0001.db"


def _demo(path: Path) -> Path:
    database = open_database(path)
    create_demo(database, year=DEMO_YEAR, today=DEMO_TODAY)
    database.close()
    return path


def _node_facts(node: Node) -> list[tuple]:
    return [(n.kind, n.id, n.section_id, n.depth, n.cells, n.number, n.title, n.status,
             n.done_date, n.deadline_json, n.overdue, n.executors, n.school_scope,
             n.school_ids, n.haystack, n.parent.id if n.parent else None)
            for n in node.walk()]


def _same_roadmap(quick: RoadmapData | None, full: RoadmapData | None) -> None:
    assert quick is not None and full is not None
    assert (quick.roadmap_id, quick.title, quick.period, quick.columns, quick.schools) == (
        full.roadmap_id, full.title, full.period, full.columns, full.schools)
    assert _node_facts(quick.root) == _node_facts(full.root)


def _assert_same_as_database(path: Path, today: dt.date) -> RoadmapData:
    quick = read_first_view(path, today)
    database = open_database(path, create=False)
    try:
        full = DataSource(database)
        assert quick.roadmaps() == full.roadmaps()
        assert quick.authority_name() == full.authority_name()
        assert quick.executor_names() == full.executor_names()
        first = full.roadmaps()[0]["id"]
        data = quick.roadmap_data(first, today)
        _same_roadmap(data, full.roadmap_data(first, today))
        assert quick.monitoring_points(first) == full.monitoring_points(first)
    finally:
        database.close()
    assert data is not None
    return data


@pytest.mark.parametrize("today", [DEMO_TODAY, dt.date(DEMO_YEAR, 3, 1)])
def test_the_demo_reads_the_same_as_through_the_database(tmp_path: Path, today: dt.date) -> None:
    data = _assert_same_as_database(_demo(tmp_path / "demo.db"), today)
    items = [n for n in data.root.walk() if n.kind == "item"]
    assert len(items) > 30 and any(n.executors for n in items)
    assert any(n.overdue for n in items) == (today == DEMO_TODAY)


@pytest.mark.parametrize("name", ["balakhta-500plus-2022.docx", "kaliningrad-region-2023.xlsx",
                                  "petrogradsky-2021-2023.docx"])
def test_imported_roadmaps_read_the_same(tmp_path: Path, name: str) -> None:
    """Other shapes: nested items, people as executors, a roadmap with no sections."""
    path = tmp_path / "district.db"
    assert run(["import", str(FIXTURES / name), "--db", str(path)]) == 0
    data = _assert_same_as_database(path, dt.date(2023, 5, 15))
    assert sum(1 for n in data.root.walk() if n.kind == "item") >= 30


def test_an_empty_database_reads_as_having_no_roadmaps(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    open_database(path).close()
    quick = read_first_view(path, DEMO_TODAY)
    assert quick.roadmaps() == [] and quick.roadmap_data(1, DEMO_TODAY) is None


DAMAGE = {
    "unknown status": "UPDATE items SET status = 'бог' WHERE id = (SELECT min(id) FROM items)",
    "bad date": "UPDATE items SET done_date = '2026-02-30' WHERE id = (SELECT min(id) FROM items)",
    "bad utf-8": "UPDATE items SET activity = CAST(X'D0FF' AS TEXT) "
                 "WHERE id = (SELECT min(id) FROM items)",
    "malformed deadline": "UPDATE items SET deadline_json = '{\"spans\": 5}' "
                          "WHERE id = (SELECT min(id) FROM items)",
    "older parser": "UPDATE items SET deadline_json = json_set(deadline_json, '$.version', 1) "
                    "WHERE deadline_json IS NOT NULL",
    "bad period": "UPDATE roadmaps SET period_start = 'вчера'",
    "newer schema": "UPDATE alembic_version SET version_num = '0099'",
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_it_declines_what_the_full_open_must_judge(tmp_path: Path, damage: str) -> None:
    path = _demo(tmp_path / "demo.db")
    with sqlite3.connect(path) as conn:
        conn.execute(DAMAGE[damage])
    with pytest.raises(NotReadable):
        read_first_view(path, DEMO_TODAY)


def test_it_declines_an_older_schema_and_other_files(tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    shutil.copy(REV0001, old)
    text = tmp_path / "note.db"
    text.write_text("не база данных", encoding="utf-8")
    for path in (old, text, tmp_path / "missing.db"):
        with pytest.raises(NotReadable):
            read_first_view(path, DEMO_TODAY)
    assert not (tmp_path / "missing.db").exists()  # a read never creates a file


def test_the_window_shows_it_without_taking_input_then_the_database(qtbot, tmp_path: Path) -> None:
    from desktop.ui.main_window import MainWindow

    path = _demo(tmp_path / "demo.db")
    window = MainWindow(dialogs=ScriptedDialogs())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.show_first_view(read_first_view(path, dt.date.today()))
    QApplication.processEvents()  # as the start-up does before it opens the database
    page = window.pages["roadmaps"]
    assert page.model.rowCount() > 0 and page.status_text().startswith("Просрочено")
    # a double click and typing on an item do not open an editor or change anything
    index = page.model.index(0, 0, page.model.index(0, 0))
    page.tree.setCurrentIndex(index)
    activity = page.model.fields().index(Field.ACTIVITY)
    cell = page.model.index(0, activity, page.model.index(0, 0))
    rect = page.tree.visualRect(cell)
    qtbot.mouseDClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(page.tree, Qt.Key.Key_Delete)
    qtbot.keyClick(page.tree, Qt.Key.Key_Insert)
    assert page.tree.state() != page.tree.State.EditingState
    assert window.undo_stack.count() == 0
    before = sqlite3.connect(path).execute("SELECT count(*), max(id) FROM items").fetchone()
    shown = page.grab().toImage()

    database = open_database(path, create=False)
    window.attach_database(database)
    QApplication.processEvents()
    try:
        assert page.grab().toImage() == shown  # the same page, now from the database
        assert sqlite3.connect(path).execute(
            "SELECT count(*), max(id) FROM items").fetchone() == before
        # input is taken again: Insert adds an item after the current one
        page.tree.setFocus()
        page.tree.setCurrentIndex(page.model.index(0, 0, page.model.index(0, 0)))
        qtbot.keyClick(page.tree, Qt.Key.Key_Insert)
        assert window.undo_stack.count() == 1
        with database.session() as session:
            from sqlalchemy import func, select

            from desktop.models import Item

            assert session.scalar(select(func.count(Item.id))) == before[0] + 1
    finally:
        window.close()
        database.close()



def test_dialogs_take_input_while_the_first_view_shows(qtbot, tmp_path: Path) -> None:
    """The gate holds only the main window: a question while the file opens can be answered."""
    from PySide6.QtWidgets import QDialog, QLineEdit

    from desktop.ui.main_window import MainWindow

    window = MainWindow(dialogs=ScriptedDialogs())
    qtbot.addWidget(window)
    window.show()
    window.show_first_view(read_first_view(_demo(tmp_path / "demo.db"), DEMO_TODAY))
    tree = window.pages["roadmaps"].tree
    first = tree.model().index(0, 0)
    tree.setCurrentIndex(first)
    dialog = QDialog(window)
    answer = QLineEdit(dialog)
    dialog.show()
    qtbot.keyClicks(answer, "da")
    # the window's own input beyond looking around (a key with Ctrl): held
    qtbot.keyClick(tree, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert (answer.text(), tree.currentIndex()) == ("da", first)
    window.end_first_view()
    qtbot.keyClick(tree, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert tree.currentIndex() != first


def test_a_regions_roadmaps_offer_their_own_schools(tmp_path: Path) -> None:
    """In a region's file the own roadmaps name the region's schools, a district's roadmap
    its district's: in both readers."""
    from desktop.importers.package import read_package
    from desktop.services.region_import import import_package
    from tests.district_data import demo_package, region_of

    path = _demo(tmp_path / "region.db")
    database = open_database(path, create=False)
    package = demo_package(database, tmp_path)
    with writing(database, districts=DistrictRows.ALLOW) as s:
        import_package(s, read_package(package), database.path)
    region = region_of(database, package)
    source = DataSource(database)
    own = source.roadmap_data(region.own, DEMO_TODAY)
    district = source.roadmap_data(region.district, DEMO_TODAY)
    database.close()
    assert own is not None and district is not None
    assert [s.short_name for s in own.schools] == [s.short_name for s in district.schools]
    assert not {s.id for s in own.schools} & {s.id for s in district.schools}
    _assert_same_as_database(path, DEMO_TODAY)  # the first view: the own roadmap's schools


@pytest.fixture(scope="module")
def empty_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("first_view") / "empty.db"
    open_database(path).close()
    return path


@settings(max_examples=8, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32 - 1), items=st.integers(1, 120), sections=st.booleans(),
       preset=st.sampled_from(sorted(PRESETS)))
def test_random_roadmaps_read_the_same(tmp_path_factory: pytest.TempPathFactory,
                                       empty_file: Path, seed: int, items: int,
                                       sections: bool, preset: str) -> None:
    """Random roadmaps (long cells, nesting, every status, done dates, column presets)."""
    import random

    from desktop.models import ItemStatus
    path = tmp_path_factory.mktemp("random") / "random.db"
    shutil.copy(empty_file, path)
    rng = random.Random(seed)
    database = open_database(path, create=False)
    with database.session() as session:
        roadmap = build(session, seed, items, 400, 3, goal=False, tasks=False,
                        sections=sections, parts=False, preset=preset)
        for section in roadmap.sections:
            placed = []
            for item in section.items:
                if placed and rng.random() < 0.4:
                    item.parent = rng.choice(placed)
                item.status = rng.choice(list(ItemStatus))
                if item.status is ItemStatus.DONE and rng.random() < 0.7:
                    item.done_date = dt.date(2026, rng.randint(1, 12), rng.randint(1, 28))
                placed.append(item)
        session.commit()
    database.close()
    _assert_same_as_database(path, dt.date(2026, rng.randint(1, 12), 15))


def test_a_file_in_a_folder_with_russian_and_uri_characters_reads(tmp_path: Path) -> None:
    """The read-only connection is opened by a file: URI; a coordinator's folder names
    («Мои документы», «№ 5 #1», «100%») must not break or redirect it."""
    folder = tmp_path / "Мои документы" / "УО № 5 #1 ?100%20"
    folder.mkdir(parents=True)
    path = _demo(folder / "база данных.db")
    assert read_first_view(path, DEMO_TODAY).authority_name() == "УО Краснолесского района"


def test_looking_around_the_first_view_is_taken_at_once(qtbot, tmp_path: Path) -> None:
    """Before the database is open: the arrows move, a click selects, the search filters;
    a double click edits nothing, the navigation waits (issue 25, item 6)."""
    from desktop.ui.main_window import MainWindow

    path = _demo(tmp_path / "demo.db")
    window = MainWindow(dialogs=ScriptedDialogs())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.show_first_view(read_first_view(path, dt.date.today()))
    QApplication.processEvents()
    page = window.pages["roadmaps"]
    tree = page.tree
    first = page.model.index(0, 0, page.model.index(0, 0))
    tree.setFocus()
    tree.setCurrentIndex(first)
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert tree.currentIndex().row() == 1  # the arrow moved to the next item
    third = page.model.index(2, 1, page.model.index(0, 0))
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tree.visualRect(third).center())
    assert tree.currentIndex().row() == 2  # a click selected it
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton,
                      pos=tree.visualRect(third).center())
    assert tree.state() != tree.State.EditingState  # editing waits for the database
    rows = page.model.rowCount(page.model.index(0, 0))
    qtbot.keyClicks(page.filter_bar.text, "2026")
    qtbot.waitUntil(lambda: page.model.rowCount(page.model.index(0, 0)) != rows)
    nav_before = window.nav.currentRow()
    other = window.nav.visualItemRect(window.nav.item(1)).center()
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=other)
    assert window.nav.currentRow() == nav_before  # switching pages waits for the database
    assert window.undo_stack.count() == 0
