"""A deadline without dates to draw says so on the timeline (issue 23, point 15): a ring at
the visible left edge and the words — «срок не понят: «…»» in red for text that could not
be read — instead of a bare dot that read as a date at the period's start."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter

from desktop.models.deadline import Kind, parse_deadline
from desktop.painting.bars import ShapeKind, shapes_for
from desktop.painting.paint import paint_row
from desktop.painting.scale import TimeScale

PERIOD = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
SCALE = TimeScale(PERIOD[0], 4.0)


def test_markers_carry_the_words_of_the_deadline() -> None:
    unread = parse_deadline("18.01.02.2026", PERIOD)
    assert unread.kind is Kind.UNPARSED
    (shape,) = shapes_for(unread, SCALE, PERIOD[0])
    assert shape.kind is ShapeKind.MARKER and shape.warning
    assert shape.label == "срок не понят: «18.01.02.2026»"
    on_demand = parse_deadline("по мере необходимости", PERIOD)
    (shape,) = shapes_for(on_demand, SCALE, PERIOD[0])
    assert (shape.label, shape.warning) == ("по мере необходимости", False)
    (shape,) = shapes_for(parse_deadline("x" * 80, PERIOD), SCALE, PERIOD[0])
    assert shape.label.endswith("…»") and len(shape.label) < 70


def red_columns(image: QImage) -> list[int]:
    """The x of every column holding a reddish pixel (the warning's ink)."""
    found = []
    for x in range(image.width()):
        for y in range(image.height()):
            c = QColor(image.pixel(x, y))
            if c.red() > 120 and c.green() < 110 and c.blue() < 110:
                found.append(x)
                break
    return found


def test_the_words_are_painted_after_the_ring_at_the_visible_edge(qapp) -> None:
    (shape,) = shapes_for(parse_deadline("18.01.02.2026", PERIOD), SCALE, PERIOD[0])
    image = QImage(420, 24, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    paint_row(painter, [shape], 0, 24, QColor("#90a4ae"), left_edge=100.0)
    painter.end()
    columns = red_columns(image)
    assert columns and min(columns) >= 100  # at the visible left edge, not at the origin
    assert max(columns) - min(columns) > 120  # the words, not only the ring
