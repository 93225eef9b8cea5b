"""The timeline beside the demo roadmap's tree: geometry per deadline kind, dragging with
undo, zoom, selection both ways, scrolling with the tree, days off."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication

from desktop.models import Item
from desktop.models.deadline import Kind
from desktop.painting.bars import ShapeKind, diamond_x
from desktop.painting.scale import Zoom, is_day_off
from desktop.ui.gantt.rows import tooltip_text
from tests.conftest import DEMO_TODAY
from tests.test_gantt_support import build, find_item, item_id

D = dt.date


def _row(setup, index):
    rid = item_id(index)
    return next(r for r in setup.view.canvas.rows() if r.row_id == rid and not r.is_section)


def _send(widget, kind, pos: QPoint, buttons) -> None:
    button = Qt.MouseButton.LeftButton
    event = QMouseEvent(kind, QPointF(pos), QPointF(widget.mapToGlobal(pos)),
                        Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else button,
                        buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def drag(widget, start: QPoint, end: QPoint) -> None:
    held, free = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    _send(widget, QEvent.Type.MouseButtonPress, start, held)
    middle = QPoint((start.x() + end.x()) // 2, start.y())
    _send(widget, QEvent.Type.MouseMove, middle, held)
    _send(widget, QEvent.Type.MouseMove, end, held)
    _send(widget, QEvent.Type.MouseButtonRelease, end, free)


def stored(database, rid: int) -> Item:
    with database.session() as session:
        item = session.scalar(select(Item).where(Item.id == rid))
        session.expunge(item)
        return item


def test_span_bar_spans_its_dates(qtbot, demo_db) -> None:
    setup = build(qtbot, demo_db, DEMO_TODAY)
    index = find_item(setup.model, lambda d: d.text == "01.02-28.02.2026")
    shapes = setup.view.canvas.shapes(_row(setup, index))
    bar = next(s for s in shapes if s.kind is ShapeKind.BAR)
    scale = setup.view.scale
    assert bar.x0 == scale.x(D(2026, 2, 1))
    assert bar.x1 == scale.x_end(D(2026, 2, 28))


def test_due_is_a_diamond_with_a_lead_in(qtbot, demo_db) -> None:
    setup = build(qtbot, demo_db, DEMO_TODAY)
    index = find_item(setup.model, lambda d: d.text == "До 15.02.2026")
    shapes = setup.view.canvas.shapes(_row(setup, index))
    kinds = [s.kind for s in shapes]
    assert kinds == [ShapeKind.LEAD, ShapeKind.DIAMOND]
    scale = setup.view.scale
    assert shapes[1].x0 == diamond_x(scale, D(2026, 2, 15))
    assert shapes[0].x0 == scale.x(D(2026, 1, 1))  # from the period's start


def test_weekly_item_draws_one_tick_per_wednesday(qtbot, demo_db) -> None:
    setup = build(qtbot, demo_db, DEMO_TODAY)
    index = find_item(setup.model, lambda d: d.text.startswith("Еженедельно по средам"))
    ticks = [s for s in setup.view.canvas.shapes(_row(setup, index)) if s.kind is ShapeKind.TICK]
    wednesdays = [D(2026, 2, 11) + dt.timedelta(weeks=n) for n in range(60)]
    expected = [d for d in wednesdays if d <= D(2026, 6, 24) or D(2026, 9, 16) <= d <= D(2026, 12, 23)]
    assert len(ticks) == len(expected) == 35
    assert all(t.start is not None and t.start.weekday() == 2 for t in ticks)


def test_sections_show_a_summary_and_undated_items_a_marker(qtbot, demo_db) -> None:
    setup = build(qtbot, demo_db, DEMO_TODAY)
    rows = setup.view.canvas.rows()
    first_section = next(r for r in rows if r.is_section)
    (summary,) = setup.view.canvas.shapes(first_section)
    assert summary.kind is ShapeKind.SUMMARY
    assert (summary.start, summary.end) == (D(2026, 1, 1), D(2026, 12, 31))
    index = find_item(setup.model, lambda d: d.kind is Kind.ON_DEMAND)
    assert [s.kind for s in setup.view.canvas.shapes(_row(setup, index))] == [ShapeKind.MARKER]


def _bar_point(setup, index, where: str = "middle") -> QPoint:
    row = _row(setup, index)
    shape = next(s for s in setup.view.canvas.shapes(row)
                 if s.kind in (ShapeKind.BAR, ShapeKind.DIAMOND, ShapeKind.TICK))
    x = {"middle": (shape.x0 + shape.x1) / 2, "end": shape.x1 - 1, "start": shape.x0 + 1}[where]
    return QPoint(round(x - setup.view.offset()), row.top + row.height // 2)


def test_dragging_a_bar_moves_the_deadline_and_undo_restores_it(qtbot, demo_db) -> None:
    setup = build(qtbot, demo_db, DEMO_TODAY)
    setup.view.scroll_to(D(2026, 2, 1))
    index = find_item(setup.model, lambda d: d.text == "01.02-28.02.2026")
    rid = item_id(index)
    start = _bar_point(setup, index)
    week = round(7 * setup.view.scale.px_per_day)
    drag(setup.view.canvas, start, start + QPoint(week, 0))
    assert setup.stack.count() == 1
    item = stored(demo_db, rid)
    assert item.deadline_text == "08.02–07.03.2026"
    assert (item.deadline_start, item.deadline_end) == (D(2026, 2, 8), D(2026, 3, 7))
    setup.stack.undo()
    item = stored(demo_db, rid)
    assert item.deadline_text == "01.02-28.02.2026"
    assert item.deadline_start == D(2026, 2, 1)


def test_dragging_the_end_changes_only_the_end(qtbot, demo_db) -> None:
    setup = build(qtbot, demo_db, DEMO_TODAY)
    setup.view.set_zoom(Zoom.WEEK)
    setup.view.scroll_to(D(2026, 2, 25))
    index = find_item(setup.model, lambda d: d.text == "01.02-28.02.2026")
    start = _bar_point(setup, index, "end")
    drag(setup.view.canvas, start, start + QPoint(round(3 * setup.view.scale.px_per_day), 0))
    item = stored(demo_db, item_id(index))
    assert (item.deadline_start, item.deadline_end) == (D(2026, 2, 1), D(2026, 3, 3))
    assert item.deadline_text == "01.02–03.03.2026"


def test_dragging_a_due_diamond_moves_the_due_date(qtbot, demo_db) -> None:
    setup = build(qtbot, demo_db, DEMO_TODAY)
    setup.view.scroll_to(D(2026, 2, 1))
    index = find_item(setup.model, lambda d: d.text == "До 15.02.2026")
    start = _bar_point(setup, index)
    drag(setup.view.canvas, start, start + QPoint(round(5 * setup.view.scale.px_per_day), 0))
    item = stored(demo_db, item_id(index))
    assert item.deadline_text == "до 20.02.2026"
    assert item.deadline_end == D(2026, 2, 20)
    assert item.deadline_kind == "due"


def test_recurring_rows_are_not_draggable(qtbot, demo_db) -> None:
    setup = build(qtbot, demo_db, DEMO_TODAY)
    setup.view.scroll_to(D(2026, 3, 1))
    index = find_item(setup.model, lambda d: d.text.startswith("Еженедельно по средам"))
    start = _bar_point(setup, index)
    setup.view.canvas.mouseMoveEvent(QMouseEvent(
        QEvent.Type.MouseMove, QPointF(start), QPointF(start), Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))
    assert setup.view.canvas.cursor().shape() == Qt.CursorShape.ForbiddenCursor
    drag(setup.view.canvas, start, start + QPoint(60, 0))
    assert setup.stack.count() == 0


def test_zoom_changes_scale_and_header_labels(qtbot, demo_db) -> None:
    setup = build(qtbot, demo_db, DEMO_TODAY)
    view = setup.view
    view.set_zoom(Zoom.WEEK)
    assert view.scale.px_per_day == 24
    labels = view.header.visible_labels()
    assert any(t.startswith("нед.") for t in labels)
    assert any(t.endswith("2026") and t.split()[0] in ("январь", "ноябрь", "декабрь") for t in labels)
    view.set_zoom(Zoom.YEAR)
    labels = view.header.visible_labels()
    assert "I кв." in labels or "I кв. 2026" in labels
    assert "01" in labels and "май" in labels  # a month is 30 px wide: its number
    view.set_zoom(Zoom.QUARTER)
    assert "январь" in view.header.visible_labels() or "янв." in view.header.visible_labels()
    assert "2027 год" not in labels
    before = view.scale.px_per_day
    view.zoom_in_button.click()
    assert view.scale.px_per_day == before * 1.5
    view.zoom_out_button.click()
    assert abs(view.scale.px_per_day - before) < 1e-9
    wheel = QWheelEvent(QPointF(100, 100), QPointF(100, 100), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.canvas, wheel)
    assert view.scale.px_per_day > before
    view.zoom_combo.setCurrentIndex(1)
    view.zoom_combo.activated.emit(1)
    assert view.scale.px_per_day == Zoom.MONTH.px_per_day


def test_selection_follows_both_ways(qtbot, demo_db) -> None:
    setup = build(qtbot, demo_db, DEMO_TODAY)
    index = find_item(setup.model, lambda d: d.text == "До 01.03.2026")
    row = _row(setup, index)
    qtbot.mouseClick(setup.view.canvas, Qt.MouseButton.LeftButton,
                     pos=QPoint(5, row.top + row.height // 2))
    assert setup.tree.selectionModel().isSelected(index)
    other = find_item(setup.model, lambda d: d.text == "01.02-28.02.2026")
    other_row = _row(setup, other)
    probe = QPoint(setup.view.canvas.width() - 3, other_row.top + 1)
    before = setup.view.canvas.grab().toImage().pixelColor(probe)
    setup.tree.setCurrentIndex(other)
    qtbot.waitUntil(lambda: setup.view.canvas.grab().toImage().pixelColor(probe) != before)
    assert not setup.tree.selectionModel().isSelected(index)


def test_rows_follow_the_tree_scroll_and_collapse(qtbot, demo_db) -> None:
    setup = build(qtbot, demo_db, DEMO_TODAY)
    setup.tree.resize(500, 200)
    QApplication.processEvents()
    first = setup.view.canvas.rows()[0]
    setup.tree.verticalScrollBar().setValue(setup.tree.verticalScrollBar().value() + 3)
    moved = setup.view.canvas.rows()[0]
    assert (moved.index != first.index) or (moved.top != first.top)
    setup.tree.verticalScrollBar().setValue(0)
    for row in setup.view.canvas.rows():
        assert row.top == setup.tree.visualRect(row.index).top()
    count = len([r for r in setup.view.canvas.rows() if not r.is_section])
    setup.tree.collapseAll()
    assert len([r for r in setup.view.canvas.rows() if not r.is_section]) < count


def test_days_off_are_shaded_at_week_zoom(qtbot, demo_db) -> None:
    assert is_day_off(D(2026, 1, 7))       # Рождество
    assert is_day_off(D(2026, 1, 9))       # transferred day off
    assert is_day_off(D(2026, 1, 17))      # Saturday
    assert not is_day_off(D(2026, 1, 14))  # Wednesday
    setup = build(qtbot, demo_db, DEMO_TODAY)
    view = setup.view
    view.set_zoom(Zoom.WEEK)
    view.hbar.setValue(round(view.scale.x(D(2026, 1, 5))))
    image = view.canvas.grab().toImage()
    x_holiday = round(view.scale.x(D(2026, 1, 7)) - view.offset() + 12)
    x_workday = round(view.scale.x(D(2026, 1, 14)) - view.offset() + 12)
    # a height where the workday shows the bare background (no bar, no section row)
    y = next(y for y in range(view.canvas.height() - 2, 0, -1)
             if image.pixelColor(x_workday, y).name() == "#ffffff")
    holiday, workday = image.pixelColor(x_holiday, y), image.pixelColor(x_workday, y)
    assert holiday.lightness() < workday.lightness()


def test_tooltip_names_number_deadline_and_status(qtbot, demo_db) -> None:
    setup = build(qtbot, demo_db, DEMO_TODAY)
    index = find_item(setup.model, lambda d: d.text == "До 15.02.2026")
    text = tooltip_text(index, "выполнено")
    assert "1.2" in text and "До 15.02.2026" in text and "Статус: выполнено" in text
