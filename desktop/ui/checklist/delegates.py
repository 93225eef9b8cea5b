"""The matrix cell's painting: the model's colours and text, plus a corner mark on a cell
that has a supporting document (a darker one when a file is attached)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF
from PySide6.QtGui import QColor, QPainter, QPolygonF
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from desktop.ui.checklist.model import StateRole

DOCUMENT_MARK = QColor("#4A78B5")
FILE_MARK = QColor("#1F3F73")
MARK = 7


class CellDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)
        state = index.data(StateRole)
        if state is None or not state.evidence:
            return
        colour = FILE_MARK if any(e.file_id for e in state.evidence) else DOCUMENT_MARK
        rect = option.rect  # type: ignore[attr-defined]
        corner = QPolygonF([QPointF(rect.right() - MARK, rect.top()),
                            QPointF(rect.right(), rect.top()),
                            QPointF(rect.right(), rect.top() + MARK)])
        painter.save()
        painter.setPen(colour)
        painter.setBrush(colour)
        painter.drawPolygon(corner)
        painter.restore()
