"""Status colours of the timeline and its legend (a widget and a painter routine for print)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from desktop.models.enums import ItemStatus

DONE = QColor("#2e7d32")
IN_WORK = QColor("#1e6fd9")
PLANNED = QColor("#8fa9c8")
OVERDUE = QColor("#c62828")
CANCELLED = QColor("#9e9e9e")
SECTION = QColor("#37474f")
TODAY = QColor("#e53935")
MONITORING = QColor("#6a1b9a")
DAY_OFF = QColor(0, 0, 0, 18)
GRID = QColor("#d5dbe3")
SELECTED = QColor(30, 111, 217, 40)
SECTION_ROW = QColor("#eef2f8")

#: (Russian name, colour, struck through) in the legend's order
LEGEND: tuple[tuple[str, QColor, bool], ...] = (
    ("выполнено", DONE, False),
    ("в работе", IN_WORK, False),
    ("запланировано", PLANNED, False),
    ("просрочено", OVERDUE, False),
    ("отменено", CANCELLED, True),
)


def status_color(status: ItemStatus | str | None, overdue: bool) -> QColor:
    """The bar colour of an item: overdue wins over the status (except done/cancelled)."""
    value = str(status) if status is not None else ""
    if value == ItemStatus.CANCELLED:
        return CANCELLED
    if value == ItemStatus.DONE:
        return DONE
    if overdue:
        return OVERDUE
    if value == ItemStatus.IN_WORK:
        return IN_WORK
    return PLANNED


def paint_legend(painter: QPainter, left: float, top: float, height: float,
                 extra: tuple[tuple[str, QColor], ...] = ()) -> float:
    """Swatches and names in one line from (left, top); returns the width used."""
    metrics = QFontMetricsF(painter.font())
    swatch = height * 0.55
    x = left
    entries = [(name, color, struck) for name, color, struck in LEGEND]
    entries += [(name, color, False) for name, color in extra]
    for name, color, struck in entries:
        box = QRectF(x, top + (height - swatch) / 2, swatch * 1.8, swatch)
        painter.fillRect(box, color)
        if struck:
            painter.setPen(QPen(QColor("#424242"), max(1.0, swatch / 8)))
            painter.drawLine(QPointF(box.left(), box.center().y()), QPointF(box.right(), box.center().y()))
        x = box.right() + swatch * 0.5
        painter.setPen(QColor("#212121"))
        text_rect = QRectF(x, top, metrics.horizontalAdvance(name) + 2, height)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, name)
        x = text_rect.right() + swatch * 1.4
    return x - left


class LegendWidget(QWidget):
    """The legend in one line (status colours, today, monitoring points)."""

    EXTRA = (("сегодня", TODAY), ("контрольная точка", MONITORING))

    def sizeHint(self) -> QSize:
        return QSize(640, max(18, self.fontMetrics().height() + 6))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_legend(painter, 4, 0, self.height(), self.EXTRA)
        painter.end()
