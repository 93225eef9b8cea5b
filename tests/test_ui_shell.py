"""The window shell: every page shows the database's data; navigation, About, screenshots."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from desktop.models import Item, Order, Organisation, Person, School
from desktop.ui.roadmap_tree_model import RowKindRole
from tests.qt_helpers import type_text


def _count(db, model) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def _tree_items(model, parent=None) -> int:
    from PySide6.QtCore import QModelIndex

    parent = parent or QModelIndex()
    total = 0
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        total += index.data(RowKindRole) == "item"
        total += _tree_items(model, index)
    return total


def test_roadmap_page_shows_every_item(window, demo_db) -> None:
    page = window.show_page("roadmaps")
    assert page.model.rowCount() == 6  # sections
    assert _tree_items(page.model) == _count(demo_db, Item)
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "✓"  # the «done» box
    assert page.model.headerData(1, Qt.Orientation.Horizontal) == "№ п/п"
    first_section = page.model.index(0, 0)
    assert first_section.data().startswith("1. Организационно")


def test_clicking_navigation_switches_pages(window, qtbot, demo_db) -> None:
    for row, key in enumerate(["roadmaps", "schools", "directories", "orders", "reports"]):
        rect = window.nav.visualItemRect(window.nav.item(row))
        qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.current_page().key == key
    schools = window.pages["schools"]
    assert schools.table.model.rowCount() == _count(demo_db, School)
    directories = window.pages["directories"]
    assert directories.organisations.model.rowCount() == _count(demo_db, Organisation)
    assert directories.people.model.rowCount() == _count(demo_db, Person)
    assert directories.risks.model.rowCount() == 10
    assert window.pages["orders"].table.model.rowCount() == _count(demo_db, Order)


def test_school_filter_narrows_the_table(window, qtbot) -> None:
    page = window.show_page("schools")
    type_text(page.table.filter_edit, "ШССУ")
    assert page.table.filter_edit.text() == "ШССУ"
    shown = page.table.proxy.rowCount()
    assert 0 < shown < page.table.model.rowCount()


def test_orders_page_shows_the_order(window) -> None:
    page = window.show_page("orders")
    assert page.editor.title.text().startswith("Об утверждении муниципальной дорожной карты")
    assert page.editor.points.model.rowCount() > 0


def test_reports_page_lists_overdue_items(window) -> None:
    page = window.show_page("reports")
    assert page.sections.model.rowCount() == 6
    assert page.points.model.rowCount() == 2


def test_about_goes_through_the_dialogs_door(window) -> None:
    window.database_actions.show_about()
    kind, title, text = window.dialogs.shown[-1]
    assert (kind, title) == ("info", "О программе")
    assert str(window.database.path) in text


@pytest.mark.parametrize("view", ["roadmaps", "schools", "directories", "orders", "reports"])
def test_screenshot_command(view: str, demo_db_file: Path, tmp_path: Path) -> None:
    target = tmp_path / f"{view}.png"
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--db", str(demo_db_file), "--screenshot", str(target),
         "--view", view],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1366, 768)
