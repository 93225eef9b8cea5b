"""Painting routines shared by the on-screen timeline and the PDF/PNG renderer.

Every routine draws in scale coordinates (the caller translates the painter so
that x = 0 is the scale's origin) between the dates it is given, so that only
what is visible is painted.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF

from desktop.painting import legend
from desktop.painting.bars import Shape, ShapeKind
from desktop.painting.scale import TimeScale, days_off, header_bands, shows_days_off

MonitoringPoints = Sequence[tuple[date, str]]
#: opaque colours: a translucent full-height fill is several times slower to paint
WEEK_LINE = QColor("#edf0f4")
DAY_OFF = QColor("#eceff1")


def paint_backdrop(p: QPainter, scale: TimeScale, first: date, last: date,
                   top: float, bottom: float) -> None:
    """Days off (at week zoom), then week and month lines."""
    height = round(bottom - top)
    top_px = round(top)
    ppd = scale.px_per_day
    if shows_days_off(ppd):
        for day in days_off(first, last):
            x = round(scale.x(day))
            p.fillRect(QRect(x, top_px, round(scale.x_end(day)) - x, height), DAY_OFF)
    if ppd >= 3:
        monday = first - timedelta(days=first.weekday())
        while monday <= last:
            p.fillRect(QRect(round(scale.x(monday)), top_px, 1, height), WEEK_LINE)
            monday += timedelta(days=7)
    day = date(first.year, first.month, 1)
    while day <= last:
        p.fillRect(QRect(round(scale.x(day)), top_px, 1, height), legend.GRID)
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)


def marker_label_box(metrics: QFontMetricsF, x: float, top: float, label: str,
                     right: float) -> QRectF:
    """Where a monitoring point's label goes: right of its line, or left of it when it
    would pass ``right`` (the visible edge), so that the name is never cut."""
    width = metrics.horizontalAdvance(label) + 6
    left = x + 2 if x + 2 + width <= right else x - 2 - width
    return QRectF(left, top + 2, width, metrics.height() + 2)


def paint_markers(p: QPainter, scale: TimeScale, first: date, last: date, top: float,
                  bottom: float, today: date | None, points: MonitoringPoints,
                  right: float | None = None) -> None:
    """The monitoring points (dashed, with their target) and the today line; ``right``
    is the visible right edge in scale coordinates (the end of ``last`` by default)."""
    metrics = QFontMetricsF(p.font())
    edge = scale.x_end(last) if right is None else right
    for day, label in points:
        if not first <= day <= last:
            continue
        x = scale.x_end(day)
        pen = QPen(legend.MONITORING, 1.2, Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.drawLine(QPointF(x, top), QPointF(x, bottom))
        if label:
            box = marker_label_box(metrics, x, top, label, edge)
            p.fillRect(box, QColor(255, 255, 255, 220))
            p.setPen(legend.MONITORING)
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
    if today is not None and first <= today <= last:
        x = scale.x(today) + scale.px_per_day / 2
        p.setPen(QPen(legend.TODAY, 1.5))
        p.drawLine(QPointF(x, top), QPointF(x, bottom))


def paint_row(p: QPainter, shapes: Sequence[Shape], top: float, height: float,
              color: QColor, *, cancelled: bool = False, left_edge: float = 0.0) -> None:
    """One row's shapes between ``top`` and ``top + height``."""
    mid = top + height / 2
    bar_h = max(4.0, height * 0.5)
    p.setPen(Qt.PenStyle.NoPen)
    for shape in shapes:
        kind = shape.kind
        width = max(shape.x1 - shape.x0, 2.0)
        if kind is ShapeKind.BAR:
            p.setBrush(color)
            p.drawRoundedRect(QRectF(shape.x0, mid - bar_h / 2, width, bar_h), 2, 2)
        elif kind is ShapeKind.LEAD:
            p.fillRect(_px(shape.x0, mid - 1.5, width, 3), _faint(color, 70))
        elif kind is ShapeKind.WINDOW:
            p.fillRect(_px(shape.x0, mid - bar_h / 4, width, bar_h / 2), _faint(color, 55))
        elif kind is ShapeKind.BAND:
            p.fillRect(_px(shape.x0, mid - bar_h / 2, width, bar_h), _faint(color, 70))
        elif kind is ShapeKind.TICK:
            if width > 4:  # an occurrence lasting days: a light bar, a gap before the next
                p.fillRect(_px(shape.x0, mid - bar_h * 0.3, width - 1.5, bar_h * 0.6),
                           _faint(color, 120))
            # the mark stands on the day the occurrence falls due: its last day
            due_x = shape.x0 if width <= 4 else shape.x1 - 2.0
            p.fillRect(_px(due_x, mid - bar_h * 0.65, 2.0, bar_h * 1.3), color)
        elif kind is ShapeKind.DIAMOND:
            r = max(4.0, height * 0.32)
            p.setBrush(color)
            p.setPen(QPen(color.darker(140), 1))
            p.drawPolygon(QPolygonF([QPointF(shape.x0, mid - r), QPointF(shape.x0 + r, mid),
                                     QPointF(shape.x0, mid + r), QPointF(shape.x0 - r, mid)]))
            p.setPen(Qt.PenStyle.NoPen)
        elif kind is ShapeKind.SUMMARY:
            _paint_summary(p, shape, mid, bar_h)
        elif kind is ShapeKind.MARKER:
            _paint_marker(p, shape, left_edge, mid, height, color)
        if cancelled and kind in (ShapeKind.BAR, ShapeKind.BAND, ShapeKind.LEAD, ShapeKind.WINDOW):
            p.setPen(QPen(QColor("#424242"), 1.2))
            p.drawLine(QPointF(shape.x0, mid), QPointF(shape.x0 + width, mid))
            p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush())


def _paint_marker(p: QPainter, shape: Shape, left: float, mid: float, height: float,
                  color: QColor) -> None:
    """A ring at the visible left edge and, after it, why there is no bar: the words of
    the deadline (in red when they could not be read)."""
    r = max(3.0, height * 0.18)
    ink = QColor("#b71c1c") if shape.warning else color.darker(120)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QPen(ink, 1.5))
    p.drawEllipse(QPointF(left + r + 3, mid), r, r)
    if shape.label:
        font = QFont(p.font())
        font.setItalic(True)
        p.save()
        p.setFont(font)
        p.setPen(ink)
        box = QRectF(left + 2 * r + 8, mid - height / 2, 4000.0, height)
        p.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                   shape.label)
        p.restore()
    p.setPen(Qt.PenStyle.NoPen)


def _paint_summary(p: QPainter, shape: Shape, mid: float, bar_h: float) -> None:
    h = bar_h * 0.45
    width = max(shape.x1 - shape.x0, 2.0)
    p.fillRect(QRectF(shape.x0, mid - h / 2, width, h), legend.SECTION)
    tip = h * 1.2
    for x in (shape.x0, shape.x0 + width):
        p.setBrush(legend.SECTION)
        p.drawPolygon(QPolygonF([QPointF(x - tip / 2, mid), QPointF(x + tip / 2, mid),
                                 QPointF(x, mid + h / 2 + tip)]))


def _px(x: float, y: float, w: float, h: float) -> QRect:
    """A pixel-aligned rectangle (fills of whole pixels are the fastest to paint)."""
    left, top = round(x), round(y)
    return QRect(left, top, max(1, round(x + w) - left), max(1, round(y + h) - top))


def _faint(color: QColor, alpha: int) -> QColor:
    """``color`` at ``alpha``/255 over white, as an opaque colour (faster to fill)."""
    key = (color.rgb(), alpha)
    found = _FAINT.get(key)
    if found is None:
        k = alpha / 255
        found = QColor(round(255 - (255 - color.red()) * k), round(255 - (255 - color.green()) * k),
                       round(255 - (255 - color.blue()) * k))
        _FAINT[key] = found
    return found


_FAINT: dict[tuple[int, int], QColor] = {}


def label_span(x0: float, x1: float, visible: tuple[float, float] | None) -> tuple[float, float]:
    """The part of a header cell on screen: a cell cut by the edge of the view keeps its
    label in the part that shows («декабрь 2026» is not cut to «декабрь 20»)."""
    if visible is None:
        return x0, x1
    return max(x0, visible[0]), min(x1, visible[1])


def paint_header(p: QPainter, scale: TimeScale, first: date, last: date,
                 top: float, height: float, visible: tuple[float, float] | None = None) -> None:
    """Three bands of labels (years/quarters/months, or months/weeks/days) in ``height``;
    ``visible`` is the span on screen in scale coordinates (labels stay inside it)."""
    metrics = QFontMetricsF(p.font())
    bands = header_bands(first, last, scale.px_per_day)
    row_h = height / len(bands)
    for row, cells in enumerate(bands):
        y = top + row * row_h
        for cell in cells:
            x0, x1 = scale.x(cell.start), scale.x_end(cell.end)
            p.setPen(QPen(legend.GRID.darker(115), 0))
            p.drawLine(QPointF(x0, y), QPointF(x0, y + row_h))
            lx0, lx1 = label_span(x0, x1, visible)
            label = next((t for t in cell.labels if metrics.horizontalAdvance(t) + 6 <= lx1 - lx0),
                         "")
            if label:
                p.setPen(QColor("#263238"))
                p.drawText(QRectF(lx0, y, lx1 - lx0, row_h), Qt.AlignmentFlag.AlignCenter, label)
        p.setPen(QPen(legend.GRID.darker(115), 0))
        p.drawLine(QPointF(scale.x(first), y + row_h), QPointF(scale.x_end(last), y + row_h))
