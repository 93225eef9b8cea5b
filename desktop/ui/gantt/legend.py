"""The timeline's legend on screen: status colours, today and monitoring points, wrapped to
the widget's width (painted by :func:`desktop.painting.legend.paint_legend`)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from desktop.painting.legend import LEGEND, MONITORING, TODAY, Entry, legend_rows, paint_legend


class LegendWidget(QWidget):
    """The legend (status colours, today, monitoring points), wrapped to its width."""

    EXTRA = (("сегодня", TODAY), ("контрольная точка", MONITORING))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def line_height(self) -> int:
        return max(18, self.fontMetrics().height() + 6)

    def entries(self) -> list[Entry]:
        return [*LEGEND, *((name, color, False) for name, color in self.EXTRA)]

    def rows(self, width: int) -> list[list[tuple[float, Entry]]]:
        return legend_rows(QFontMetricsF(self.font()), self.line_height(), self.entries(),
                           max(1, width - 8))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return len(self.rows(width)) * self.line_height()

    def sizeHint(self) -> QSize:
        return QSize(640, self.line_height())

    def minimumSizeHint(self) -> QSize:
        widest = max(QFontMetricsF(self.font()).horizontalAdvance(e[0]) for e in self.entries())
        return QSize(int(widest + self.line_height() * 2.3) + 10, self.line_height())

    def resizeEvent(self, event: object) -> None:
        needed = self.heightForWidth(self.width())
        if self.minimumHeight() != needed:
            self.setMinimumHeight(needed)  # the layout gives the wrapped lines their room
        super().resizeEvent(event)  # type: ignore[arg-type]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_legend(painter, 4, 0, self.line_height(), self.EXTRA, max_width=self.width() - 8)
        painter.end()
