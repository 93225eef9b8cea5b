"""Dragging a bar keeps the deadline's wording and the roadmap's period (issue 23, point 4:
«февраль 2021-декабрь 2023» dragged became «15.02.2021–14.01.2024», past the period, and the
warning came only afterwards)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from desktop.models import Item
from desktop.models.deadline import parse_deadline
from desktop.painting.bars import ShapeKind
from desktop.painting.scale import Zoom
from desktop.ui.dialogs import ScriptedDialogs
from desktop.ui.gantt.drag import Grip, Unit, move, new_deadline_text, unit_of
from desktop.ui.main_window import MainWindow
from tests.gantt_print_data import PERIOD, build_31

D = dt.date
MONTHS = "февраль 2021-декабрь 2023"


def _text(text: str, grip: Grip, delta: int) -> str | None:
    return new_deadline_text(parse_deadline(text, PERIOD), grip, delta, PERIOD)


def test_the_unit_is_the_one_the_deadline_was_typed_in() -> None:
    assert unit_of(parse_deadline(MONTHS, PERIOD)) is Unit.MONTH
    assert unit_of(parse_deadline("Сентябрь 2022", PERIOD)) is Unit.MONTH
    assert unit_of(parse_deadline("январь-декабрь 2022 г.", PERIOD)) is Unit.MONTH
    assert unit_of(parse_deadline("2022", PERIOD)) is Unit.YEAR
    assert unit_of(parse_deadline("01.02-28.02.2022", PERIOD)) is Unit.DAY  # typed in dates
    assert unit_of(parse_deadline("15.02.2022", PERIOD)) is Unit.DAY
    assert unit_of(parse_deadline("До 15.02.2022", PERIOD)) is Unit.DAY


def test_a_month_range_moves_by_whole_months_in_words() -> None:
    assert _text(MONTHS, Grip.MOVE, -31) == "январь 2021 – ноябрь 2023"
    assert _text(MONTHS, Grip.MOVE, -12) is None  # less than half a month: stays
    assert _text(MONTHS, Grip.START, 30) == "март 2021 – декабрь 2023"  # the nearest 1st
    assert _text(MONTHS, Grip.START, 45) == "апрель 2021 – декабрь 2023"
    assert _text(MONTHS, Grip.END, -70) == "февраль 2021 – октябрь 2023"
    assert _text("Сентябрь 2022", Grip.MOVE, 29) == "октябрь 2022 г."
    assert _text("Сентябрь 2022", Grip.END, 100) == "сентябрь–декабрь 2022 г."
    assert _text("Сентябрь 2022", Grip.END, 130) == "сентябрь 2022 – январь 2023"
    assert _text("2022", Grip.MOVE, 300) == "2023 г."
    assert _text("2022", Grip.END, 300) == "2022–2023 гг."
    # without the period (no roadmap) it may go anywhere, still in words
    moved = new_deadline_text(parse_deadline(MONTHS, PERIOD), Grip.MOVE, 31)
    assert moved == "март 2021 – январь 2024"


def test_dates_stay_dates() -> None:
    assert _text("01.03-30.04.2022", Grip.MOVE, 10) == "11.03–10.05.2022"
    # whole months, but typed in dates: dates after the drag too
    assert _text("01.02-28.02.2022", Grip.END, 31) == "01.02–31.03.2022"
    assert _text("До 15.02.2022", Grip.MOVE, 5) == "до 20.02.2022"
    assert _text("17.02.2022 – 06.03.2022 (исполнено)", Grip.MOVE, 1) == \
        "18.02–07.03.2022 (исполнено)"


def test_the_period_stops_the_drag() -> None:
    deadline = parse_deadline(MONTHS, PERIOD)
    held = move(deadline, Grip.MOVE, 62, PERIOD)
    assert (held.start, held.end, held.clamped) == (D(2021, 2, 1), D(2023, 12, 31), True)
    assert _text(MONTHS, Grip.MOVE, 62) is None  # the end already touches the period's end
    assert _text(MONTHS, Grip.START, -90) == "2021–2023 гг."  # as far as January 2021
    assert move(deadline, Grip.START, -90, PERIOD).clamped
    assert _text("01.12-20.12.2023", Grip.MOVE, 30) == "12.12–31.12.2023"
    assert _text("До 20.12.2023", Grip.MOVE, 30) == "до 31.12.2023"
    assert _text("15.01.2021", Grip.MOVE, -30) == "01.01.2021"
    # a deadline already outside the period may move back in, but not further out
    outside = "март 2023 – февраль 2024"
    assert _text(outside, Grip.MOVE, -31) == "февраль 2023 – январь 2024"
    assert _text(outside, Grip.MOVE, 31) is None


# --------------------------------------------------------------------------- in the window


def _send(widget, kind: QEvent.Type, pos: QPoint, held: bool) -> None:
    button = Qt.MouseButton.LeftButton
    event = QMouseEvent(kind, QPointF(pos), QPointF(widget.mapToGlobal(pos)),
                        Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else button,
                        button if held else Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def _item(db, number: str) -> Item:
    with db.session() as s:
        item = s.scalar(select(Item).where(Item.number == number))
        s.expunge(item)
        return item


def _window(qtbot, db):
    build_31(db)
    window = MainWindow(db, dialogs=ScriptedDialogs())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    page = window.show_page("roadmaps")
    qtbot.waitUntil(lambda: page.timeline is not None and page.timeline.canvas.rows() != [])
    timeline = page.timeline
    timeline.set_zoom(Zoom.YEAR)
    timeline.scroll_to(D(2022, 3, 1))
    return window, page, timeline


def _bar_middle(timeline, item_id: int) -> QPoint:
    row = next(r for r in timeline.canvas.rows() if r.row_id == item_id and not r.is_section)
    bar = next(s for s in timeline.canvas.shapes(row) if s.kind is ShapeKind.BAR)
    x = min(max(bar.x0 + 40, timeline.offset() + 40), bar.x1 - 40)
    return QPoint(round(x - timeline.offset()), row.top + row.height // 2)


def test_dragging_a_month_range_in_the_window(qtbot, db) -> None:
    window, page, timeline = _window(qtbot, db)
    canvas = timeline.canvas
    item = _item(db, "1.1")
    assert item.deadline_text == MONTHS
    month = round(31 * timeline.scale.px_per_day)
    start = _bar_middle(timeline, item.id)

    # past the period's end: the bar stops there and the hint says why, while the mouse is held
    _send(canvas, QEvent.Type.MouseButtonPress, start, True)
    _send(canvas, QEvent.Type.MouseMove, start + QPoint(month, 0), True)
    _send(canvas, QEvent.Type.MouseMove, start + QPoint(2 * month, 0), True)
    hint = canvas.drag_hint()
    assert hint[0] == "февраль 2021 – декабрь 2023"
    assert hint[1].startswith("Срок не выходит за период дорожной карты: 01.01.2021–31.12.2023")
    assert not window.grab().isNull()
    _send(canvas, QEvent.Type.MouseButtonRelease, start + QPoint(2 * month, 0), False)
    assert canvas.drag_hint() == []
    assert page.undo_stack.count() == 0
    assert _item(db, "1.1").deadline_text == MONTHS

    # back by a month: whole months, in words, one undo step
    start = _bar_middle(timeline, item.id)
    _send(canvas, QEvent.Type.MouseButtonPress, start, True)
    _send(canvas, QEvent.Type.MouseMove, start - QPoint(month // 2, 0), True)
    _send(canvas, QEvent.Type.MouseMove, start - QPoint(month, 0), True)
    assert canvas.drag_hint() == ["январь 2021 – ноябрь 2023"]
    _send(canvas, QEvent.Type.MouseButtonRelease, start - QPoint(month, 0), False)
    qtbot.waitUntil(lambda: _item(db, "1.1").deadline_text == "январь 2021 – ноябрь 2023")
    moved = _item(db, "1.1")
    assert (moved.deadline_start, moved.deadline_end) == (D(2021, 1, 1), D(2023, 11, 30))
    assert page.undo_stack.count() == 1
    page.undo_stack.undo()
    qtbot.waitUntil(lambda: _item(db, "1.1").deadline_text == MONTHS)
    assert _item(db, "1.1").deadline_end == D(2023, 12, 31)
