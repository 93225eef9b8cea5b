"""A district's roadmap opened from «Районы» in the real pages, read-only: the editor with
its timeline (a double click), the checklist and the report (their buttons). Every attempt
to change it — a cell, a tick, a new item, a drag on the timeline, a checklist mark — leaves
the database as it was and, where it reaches an undo command, says why in Russian; back on
an own roadmap the editor edits again. ``DISTRICT_SCREENSHOT=path`` saves the editor."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from sqlalchemy import select

from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QPushButton

from desktop.export.package import write_package
from desktop.models import ChecklistRow, Item, Section
from desktop.models.columns import Field
from desktop.painting.bars import ShapeKind
from desktop.services.operations import writing
from desktop.services.report import build_report
from desktop.ui.gantt.drag import hit_test
from tests.conftest import DEMO_TODAY
from tests.district_data import MESSAGE, Region, demo_package, region_of, state
from tests.test_gantt_view import drag

DAY = DEMO_TODAY


@pytest.fixture
def region(window, demo_db, tmp_path: Path) -> Region:
    """The window on the demo file after File → Import of the demo district's package."""
    package = demo_package(demo_db, tmp_path)
    window.dialogs.answers = [True, False]  # import it; do not open the saved file
    window.import_file(package)
    page = window.page("region")
    page.date.setDate(QDate(DAY.year, DAY.month, DAY.day))
    window.show_page("roadmaps").set_today(DAY)
    window.show_page("region")
    return region_of(demo_db, package)


def region_row(window, roadmap_id: int):
    """The «Районы» table's index of the district roadmap's row, in view."""
    page = window.page("region")
    table = page.table
    row = next(r for r in range(table.proxy.rowCount())
               if table.model.record(table.proxy.mapToSource(table.proxy.index(r, 0)).row())
               ["roadmap_id"] == roadmap_id)
    index = table.proxy.index(row, 2)
    table.view.scrollTo(index)
    return index


def click_button(qtbot, page, text: str) -> None:
    (button,) = [b for b in page.findChildren(QPushButton) if b.text() == text]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def errors(window) -> list[str]:
    return [text for kind, _title, text in window.dialogs.shown if kind == "error"]


def item_ids(database, roadmap_id: int) -> list[int]:
    with database.session() as s:
        return list(s.scalars(select(Item.id).join(Section).where(Section.roadmap_id == roadmap_id)
                              .order_by(Item.id)))


def test_a_double_click_opens_the_district_roadmap_read_only_in_the_editor(
        window, region: Region, qtbot) -> None:
    database, stack = region.database, window.undo_stack
    index = region_row(window, region.district)
    view = window.page("region").table.view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton,
                      pos=view.visualRect(index).center())
    editor = window.current_page()
    assert editor is window.page("roadmaps")
    assert editor.current_roadmap_id() == region.district
    assert editor.combo.currentText().startswith("УО Краснолесского района: ")
    assert sorted(n.id for n in editor.model.item_nodes()) == item_ids(database, region.district)
    assert editor.banner.isVisible() and "Только просмотр" in editor.banner.text()
    assert "УО Краснолесского района" in editor.banner.text()
    assert not editor.controller.actions["add"].isEnabled()
    assert editor.controller.actions["copy"].isEnabled()  # copying is reading
    if os.environ.get("DISTRICT_SCREENSHOT"):
        window.grab().save(os.environ["DISTRICT_SCREENSHOT"])

    before, count = state(database, region.district), stack.count()
    item_id = next(n.id for n in editor.model.item_nodes() if n.status != "done")
    cell = editor.select_item(item_id, editor.model.column_of(Field.ACTIVITY))
    assert not editor.model.flags(cell) & Qt.ItemFlag.ItemIsEditable
    editor.tree.setFocus()
    qtbot.keyClick(editor.tree, Qt.Key.Key_F2)  # the edit key opens no editor
    assert editor.tree.indexWidget(cell) is None
    assert not editor.model.setData(cell, "Новый текст")  # the delegate's way in
    check = cell.siblingAtColumn(0)
    assert not editor.model.flags(check) & Qt.ItemFlag.ItemIsUserCheckable
    assert editor.details.text.isReadOnly()
    qtbot.keyClick(editor.tree, Qt.Key.Key_Tab)  # no indent
    assert errors(window) == [] and state(database, region.district) == before

    # the controller's and the commands' way: refused with the reason, nothing written
    editor.controller.edit_field(item_id, Field.ACTIVITY, "Новый текст")
    editor.controller.tick(item_id, True)
    editor.controller.add_item()
    assert errors(window) == [MESSAGE] * 3
    assert state(database, region.district) == before and stack.count() == count

    timeline = editor.timeline
    row, shape = next((r, s) for r in timeline.canvas.rows() if not r.is_section
                      for s in timeline.canvas.shapes(r) if s.kind is ShapeKind.BAR
                      and hit_test(r.deadline, [s], (s.x0 + s.x1) / 2) is not None)
    timeline.scroll_to(timeline.scale.date_at(shape.x0))
    start = QPoint(round((shape.x0 + shape.x1) / 2 - timeline.offset()), row.top + row.height // 2)
    drag(timeline.canvas, start, start + QPoint(round(7 * timeline.scale.px_per_day), 0))
    assert state(database, region.district) == before and stack.count() == count

    # back on an own roadmap: editing again
    editor.combo.setCurrentIndex(editor.combo.findData(region.own))
    assert not editor.banner.isVisible() and editor.controller.actions["add"].isEnabled()
    own_item = item_ids(database, region.own)[0]
    cell = editor.select_item(own_item, editor.model.column_of(Field.ACTIVITY))
    assert editor.model.flags(cell) & Qt.ItemFlag.ItemIsEditable
    editor.controller.edit_field(own_item, Field.ACTIVITY, "Своё мероприятие")
    with database.session() as s:
        assert s.get(Item, own_item).activity == "Своё мероприятие"
    assert stack.count() == count + 1 and len(errors(window)) == 3


def test_the_checklist_and_the_report_of_a_district(window, region: Region, qtbot) -> None:
    database = region.database
    page = window.page("region")
    page.table.view.setCurrentIndex(region_row(window, region.district))
    click_button(qtbot, page, "Чек-лист")
    matrix = window.current_page()
    assert matrix is window.page("checklist")
    assert matrix.roadmap.currentData() == region.district and matrix.banner.isVisible()
    assert not matrix.done_button.isEnabled() and not matrix.form_button.isEnabled()
    assert not matrix.keys_hint.isVisible()
    with database.session() as s:
        row = s.scalars(select(ChecklistRow).join(Item).join(Section)
                        .where(Section.roadmap_id == region.district)).first()
        cell = (row.item_id, row.school_id)
    assert matrix.model.rows and len(matrix.model.columns) > 0
    before = state(database, region.district)
    index = matrix.model.index(matrix.model.row_of(cell[0]), matrix.model.column_of(cell[1]))
    matrix.view.setCurrentIndex(index)
    matrix.view.setFocus()
    qtbot.keyClick(matrix.view, Qt.Key.Key_Space)  # the tick of a mark
    assert errors(window) == [MESSAGE]
    assert state(database, region.district) == before
    matrix.roadmap.setCurrentIndex(matrix.roadmap.findData(region.own))
    assert matrix.done_button.isEnabled() and not matrix.banner.isVisible()

    window.show_page("region")
    click_button(qtbot, page, "Отчёт")
    reports = window.current_page()
    assert reports is window.page("reports")
    assert reports.combo.currentData() == region.district and reports.day() == DAY
    assert reports.banner.isVisible()
    with database.session() as s:
        expected = build_report(s, region.district, DAY)
    assert reports.report.overall == expected.overall
    assert f"Выполнено {expected.overall.done} из {expected.overall.total}" in \
        reports.headline.text()
    # an overdue item's link leads to the editor, still read-only
    if expected.overdue:
        reports.open_item(expected.overdue[0].id)
        editor = window.current_page()
        assert editor.current_roadmap_id() == region.district and editor.model.read_only


def test_a_newer_package_replaces_the_roadmap_shown(window, region: Region, tmp_path) -> None:
    database = region.database
    window.open_roadmap("roadmaps", region.district)
    with writing(database) as s:  # the district changes an item and sends again
        item = s.get(Item, item_ids(database, region.own)[0])
        item.activity = "Изменено районом"
        newer = write_package(s, tmp_path / "newer.dkp", now=dt.datetime(2026, 7, 1))
    window.dialogs.answers = [True]
    window.import_file(newer)
    assert not errors(window)
    editor = window.show_page("roadmaps")  # the replaced roadmap is not shown any more
    assert editor.current_roadmap_id() != region.district and not editor.model.read_only
    fresh = region_of(database, newer).district  # SQLite may give it the old id again
    window.page("region").table.view.setCurrentIndex(region_row(window, fresh))
    window.page("region").open_current()
    assert editor.current_roadmap_id() == fresh and editor.model.read_only
    assert any("Изменено районом" in n.cells for n in editor.model.item_nodes())
