"""Status colours of the timeline and its legend, painted on any QPainter (screen or paper).

The timeline on screen and the printed pages share these colours and this routine.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

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


Entry = tuple[str, QColor, bool]


def legend_rows(metrics: QFontMetricsF, height: float, entries: list[Entry],
                max_width: float | None = None) -> list[list[tuple[float, Entry]]]:
    """The entries in lines no wider than ``max_width`` (one line when None): each entry
    with its x from the line's start."""
    swatch = height * 0.55
    rows: list[list[tuple[float, Entry]]] = [[]]
    x = 0.0
    for entry in entries:
        width = swatch * 2.3 + metrics.horizontalAdvance(entry[0]) + 2
        if max_width is not None and rows[-1] and x + width > max_width:
            rows.append([])
            x = 0.0
        rows[-1].append((x, entry))
        x += width + swatch * 1.4
    return rows


def paint_legend(painter: QPainter, left: float, top: float, height: float,
                 extra: tuple[tuple[str, QColor], ...] = (),
                 max_width: float | None = None) -> float:
    """Swatches and names from (left, top), in lines of ``height`` no wider than
    ``max_width``; returns the width used."""
    metrics = QFontMetricsF(painter.font())
    swatch = height * 0.55
    entries = [*LEGEND, *((name, color, False) for name, color in extra)]
    used = 0.0
    for line, row in enumerate(legend_rows(metrics, height, entries, max_width)):
        y = top + line * height
        for x0, (name, color, struck) in row:
            box = QRectF(left + x0, y + (height - swatch) / 2, swatch * 1.8, swatch)
            painter.fillRect(box, color)
            if struck:
                painter.setPen(QPen(QColor("#424242"), max(1.0, swatch / 8)))
                painter.drawLine(QPointF(box.left(), box.center().y()),
                                 QPointF(box.right(), box.center().y()))
            painter.setPen(QColor("#212121"))
            text_rect = QRectF(box.right() + swatch * 0.5, y,
                               metrics.horizontalAdvance(name) + 2, height)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             name)
            used = max(used, text_rect.right() - left)
    return used

