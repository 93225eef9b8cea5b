"""Texts that fit at 1366×768 (issue 23, points 14 and 15): headings of an empty «Школы»
page, a school's short name on one line, a new school named whole, the reminders' headings,
the order form's buttons with the reminders open, the key columns of a district's roadmap."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QLineEdit

from desktop.models import School
from desktop.models.columns import Field
from desktop.ui.dialogs import ScriptedDialogs
from desktop.ui.main_window import MainWindow
from tests.conftest import DEMO_TODAY
from tests.district_data import demo_package, region_of
from tests.qt_helpers import type_text
from tests.test_registry_ui import _enter


def heading_fits(view, column: int) -> bool:
    header = view.horizontalHeader()
    text = view.model().headerData(column, Qt.Orientation.Horizontal)
    return header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(text) + 8


def visible_in(widget, viewport) -> bool:
    """The whole of ``widget`` lies inside ``viewport`` (a scroll area's)."""
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    return (top_left.y() >= 0 and top_left.y() + widget.height() <= viewport.height()
            and top_left.x() >= 0 and top_left.x() + widget.width() <= viewport.width())


def test_an_empty_schools_page_shows_its_headings_whole(qtbot, db) -> None:
    window = MainWindow(db, dialogs=ScriptedDialogs())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    page = window.show_page("schools")
    view = page.table.view
    assert page.table.model.rowCount() == 0
    for column in range(page.table.model.columnCount()):
        assert heading_fits(view, column), view.model().headerData(
            column, Qt.Orientation.Horizontal)
    header = view.horizontalHeader()
    right = max(header.sectionViewportPosition(c) + header.sectionSize(c)
                for c in range(header.count()))
    assert right <= view.viewport().width()  # «Факторы риска, №» not past the edge


def test_a_long_short_name_stays_on_one_line(window, demo_db) -> None:
    with demo_db.session() as s:
        s.scalar(select(School).where(School.short_name == "ОСШ")).short_name = \
            "Кожановская СОШ"
    page = window.show_page("schools")
    table = page.table
    column = table.model.column_of("short_name")
    width = table.view.horizontalHeader().sectionSize(column)
    assert width >= table.view.fontMetrics().horizontalAdvance("Кожановская СОШ") + 8


def test_a_new_school_is_named_whole_and_undone_whole(window, qtbot, demo_db) -> None:
    page = window.show_page("schools")
    new_id = page.table.add_row()
    [editor] = page.table.view.viewport().findChildren(QLineEdit)
    editor.selectAll()
    type_text(editor, "Кожановская СОШ")
    _enter(qtbot, editor)
    with demo_db.session() as s:
        school = s.get(School, new_id)
        assert (school.short_name, school.full_name) == ("Кожановская СОШ", "Кожановская СОШ")
    column = page.table.model.column_of("short_name")  # and it is shown on one line
    assert page.table.view.horizontalHeader().sectionSize(column) >= \
        page.table.view.fontMetrics().horizontalAdvance("Кожановская СОШ") + 8
    page.undo_stack.undo()
    with demo_db.session() as s:
        school = s.get(School, new_id)
        assert (school.short_name, school.full_name) == ("Новая школа", "Новая школа")
    page.undo_stack.redo()
    # once named, the full name is the coordinator's: a later short name leaves it
    index = page.table.view_index(new_id, "full_name")
    page.table.commit(new_id, "full_name", "МБОУ «Кожановская средняя школа»")
    page.table.commit(new_id, "short_name", "КСШ")
    with demo_db.session() as s:
        school = s.get(School, new_id)
        assert (school.short_name, school.full_name) == ("КСШ",
                                                         "МБОУ «Кожановская средняя школа»")
    assert index.isValid()


def test_the_reminders_name_every_column(window) -> None:
    window.show_reminders(DEMO_TODAY)
    view = window.reminders.view
    titles = [view.model().headerData(c, Qt.Orientation.Horizontal)
              for c in range(view.model().columnCount())]
    assert all(titles) and titles[0] == "Состояние"


def test_the_points_buttons_show_with_the_reminders_open(window) -> None:
    window.show_reminders(DEMO_TODAY)
    assert window.reminders.isVisible()
    page = window.show_page("orders")
    scroll = page.tabs.currentWidget()
    scroll.verticalScrollBar().setValue(0)
    for button in page.editor.points.buttons.values():
        assert visible_in(button, scroll.viewport()), button.text()


@pytest.fixture
def district(window, demo_db, tmp_path: Path):
    package = demo_package(demo_db, tmp_path)
    window.dialogs.answers = [True, False]
    window.import_file(package)
    window.page("region").date.setDate(QDate(DEMO_TODAY.year, DEMO_TODAY.month, DEMO_TODAY.day))
    return region_of(demo_db, package)


def test_a_districts_roadmap_keeps_its_deadline_and_executors_in_view(window, district) -> None:
    page = window.open_roadmap("roadmaps", district.district)
    assert page.model.read_only
    header = page.tree.header()
    room = page.tree.viewport().width()
    for field in (Field.NUMBER, Field.ACTIVITY, Field.DEADLINE, Field.EXECUTORS):
        column = page.model.column_of(field)
        assert header.sectionViewportPosition(column) + header.sectionSize(column) <= room, field


def test_the_order_preview_fits_its_panel(window, qtbot) -> None:
    page = window.show_page("orders")
    path = page.output.preview()
    assert path is not None
    preview = page.preview
    assert window.current_page() is page and page.tabs.currentWidget() is preview
    viewport = preview.scroll.viewport()
    # the whole width of the panel is used, and no more
    qtbot.waitUntil(lambda: viewport.width() * 0.8 <= max(label.width() for label in
                                                        preview.labels) <= viewport.width())
    assert preview.fit_button.isChecked()
    widest = max(label.width() for label in preview.labels)
    preview.step_zoom(1)  # a zoom step leaves «По ширине»
    assert not preview.fit_button.isChecked() and preview.zoom_label.text() == "100 %"
    preview.fit_button.click()
    assert preview.fit_button.isChecked()
    assert max(label.width() for label in preview.labels) == widest


def test_checklist_headings_are_whole(window, demo_db) -> None:
    with demo_db.session() as s:
        s.scalar(select(School).where(School.short_name == "ОСШ")).short_name = \
            "Кожановская СОШ"
    page = window.show_page("checklist")
    view, model = page.view, page.model
    bold = view.horizontalHeader().font()
    bold.setBold(True)  # the current column's heading
    from PySide6.QtGui import QFontMetrics

    metrics = QFontMetrics(bold)
    names = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "Кожановская СОШ" in names and names[1] == "Школ"
    for column in range(1, model.columnCount()):
        assert view.columnWidth(column) >= metrics.horizontalAdvance(names[column]) + 8, \
            names[column]
    tip = model.headerData(names.index("Кожановская СОШ"), Qt.Orientation.Horizontal,
                           Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Кожановская СОШ")


def test_the_reports_overdue_panel_shows_its_headings(window) -> None:
    page = window.show_page("reports")
    page.set_day(DEMO_TODAY)
    for table in (page.overdue, page.upcoming):
        view, model = table.view, table.model
        assert model.rowCount() > 0
        header = view.horizontalHeader()
        total = sum(header.sectionSize(c) for c in range(header.count()))
        assert total <= view.viewport().width()  # no heading scrolled out of sight
        for column in range(model.columnCount()):
            assert heading_fits(view, column)
        tip = table.proxy.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
        assert "Исполнители: " in tip and model.record(0)["activity"] in tip
