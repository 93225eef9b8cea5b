"""Planned vs done by month, drawn with QPainter (no QtCharts): a pair of bars per month,
the report's date marked, a legend. Prints the same numbers as the PDF's chart."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.services.monitoring import MonthBar

PLANNED = QColor("#9DB7E0")
DONE = QColor("#5AAE61")
TODAY = QColor("#C0392B")
MARGIN_LEFT, MARGIN_BOTTOM, MARGIN_TOP = 34, 22, 26


class MonthsChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[MonthBar] = []
        self.day: dt.date | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(150)

    def sizeHint(self) -> QSize:
        return QSize(420, 200)

    def set_bars(self, bars: list[MonthBar], day: dt.date) -> None:
        self.bars, self.day = list(bars), day
        self.update()

    def bar_rects(self) -> list[tuple[QRectF, QRectF]]:
        """(planned, done) rectangles per month in widget coordinates (also for tests)."""
        if not self.bars:
            return []
        top = max(1, *(max(b.planned, b.done) for b in self.bars))
        plot = QRectF(MARGIN_LEFT, MARGIN_TOP, self.width() - MARGIN_LEFT - 8,
                      self.height() - MARGIN_TOP - MARGIN_BOTTOM)
        step = plot.width() / len(self.bars)
        width = max(2.0, step * 0.36)
        rects = []
        for n, bar in enumerate(self.bars):
            x = plot.left() + n * step + step * 0.12
            heights = (plot.height() * bar.planned / top, plot.height() * bar.done / top)
            rects.append((QRectF(x, plot.bottom() - heights[0], width, heights[0]),
                          QRectF(x + width, plot.bottom() - heights[1], width, heights[1])))
        return rects

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        painter.setPen(Qt.GlobalColor.black)
        for n, (colour, text) in enumerate(((PLANNED, self.tr("срок наступает")),
                                            (DONE, self.tr("выполнено")))):
            x = MARGIN_LEFT + n * 130
            painter.fillRect(x, 6, 12, 12, colour)
            painter.drawText(x + 16, 17, text)
        bottom = self.height() - MARGIN_BOTTOM
        painter.drawLine(MARGIN_LEFT, bottom, self.width() - 8, bottom)
        if not self.bars:
            painter.end()
            return
        top = max(1, *(max(b.planned, b.done) for b in self.bars))
        painter.drawText(4, MARGIN_TOP + 10, str(top))
        painter.drawText(4, bottom, "0")
        rects = self.bar_rects()
        for bar, (planned, done) in zip(self.bars, rects, strict=True):
            painter.fillRect(planned, PLANNED)
            painter.fillRect(done, DONE)
            painter.setPen(Qt.GlobalColor.black)
            painter.drawText(QRectF(planned.left() - 4, bottom + 2, planned.width() * 2 + 8, 16),
                             int(Qt.AlignmentFlag.AlignHCenter), str(bar.month.month))
            if self.day is not None and (bar.month.year, bar.month.month) == (
                    self.day.year, self.day.month):
                painter.setPen(QPen(TODAY, 2, Qt.PenStyle.DashLine))
                x = planned.left() + planned.width()
                painter.drawLine(int(x), MARGIN_TOP, int(x), bottom)
        painter.end()
