"""The scale header above the timeline: three bands of Russian labels that follow the zoom
and the horizontal scroll."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from desktop.painting.paint import label_span, paint_header
from desktop.painting.scale import Band, header_bands

if TYPE_CHECKING:
    from desktop.ui.gantt.host import TimelineHost

BANDS = 3


class ScaleHeader(QWidget):
    def __init__(self, view: TimelineHost) -> None:
        super().__init__(view)
        self.view = view
        self.setFixedHeight(self.natural_height())

    def natural_height(self) -> int:
        return BANDS * (self.fontMetrics().height() + 4)

    def sizeHint(self) -> QSize:
        return QSize(400, self.natural_height())

    def visible_bands(self) -> tuple[list[Band], ...]:
        """The bands of the dates on screen (what the labels are made from)."""
        first, last = self.view.visible_dates(self.width())
        return header_bands(first, last, self.view.scale.px_per_day)

    def visible_labels(self) -> list[str]:
        """The label drawn in each visible cell (the longest that fits; "" when none fits)."""
        metrics = self.fontMetrics()
        scale = self.view.scale
        shown = (self.view.offset(), self.view.offset() + self.width())
        found = []
        for cells in self.visible_bands():
            for cell in cells:
                x0, x1 = label_span(scale.x(cell.start), scale.x_end(cell.end), shown)
                found.append(next((t for t in cell.labels
                                   if metrics.horizontalAdvance(t) + 6 <= x1 - x0), ""))
        return found

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#f5f7fa"))
        scale, offset = self.view.scale, self.view.offset()
        first, last = self.view.visible_dates(self.width())
        top = self.height() - self.natural_height()
        p.translate(-offset, 0)
        paint_header(p, scale, first, last, top, self.natural_height(),
                     visible=(offset, offset + self.width()))
        p.end()
