"""The timeline's painted viewport: rows aligned with the tree, bars, dragging, tooltips.

The canvas holds no rows of its own: each paint asks the tree for its visible
rows (see :mod:`desktop.ui.gantt.rows`) and the owning
view (:class:`~desktop.ui.gantt.host.TimelineHost`) for the scale and the horizontal offset.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from desktop.models.deadline import Deadline, Kind
from desktop.models.enums import label
from desktop.painting import legend
from desktop.painting.bars import Shape, is_draggable, shapes_for, summary_shape
from desktop.painting.paint import paint_backdrop, paint_markers, paint_row
from desktop.ui.gantt.drag import (
    Grip,
    Move,
    deadline_text,
    hit_test,
    move,
    period_hint,
    touches,
)
from desktop.ui.gantt.rows import VisibleRow, tooltip_text, visible_rows

if TYPE_CHECKING:
    from desktop.ui.gantt.host import TimelineHost

#: pixels the mouse must travel before a press becomes a drag
DRAG_THRESHOLD = 3


@dataclass
class DragState:
    row: VisibleRow
    grip: Grip
    press_x: int
    delta: int = 0
    active: bool = False
    #: where the mouse is now (for the hint beside it)
    pos: QPoint | None = None


class GanttCanvas(QWidget):
    """Paints the visible rows; a press selects a row, a drag reschedules an item."""

    def __init__(self, view: TimelineHost) -> None:
        super().__init__(view)
        self.view = view
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumHeight(60)
        self.drag: DragState | None = None
        self._shape_cache: dict[tuple[Deadline, float], list[Shape]] = {}

    # -- geometry ----------------------------------------------------------
    def vertical_shift(self) -> int:
        """Tree viewport top minus our top, when both sit in one window (else 0)."""
        tree_viewport = self.view.tree.viewport()
        window = self.window()
        if tree_viewport.window() is not window or window is self:
            return 0
        return tree_viewport.mapTo(window, QPoint(0, 0)).y() - self.mapTo(window, QPoint(0, 0)).y()

    def rows(self) -> list[VisibleRow]:
        return visible_rows(self.view.tree, self.height(), self.vertical_shift(),
                            self.view.row_cache)

    def row_at(self, y: int) -> VisibleRow | None:
        return next((r for r in self.rows() if r.top <= y < r.bottom), None)

    def shapes(self, row: VisibleRow) -> list[Shape]:
        """The row's shapes in scale coordinates (a section: its summary bar)."""
        scale = self.view.scale
        if row.is_section:
            span = self.view.section_spans.span(row.index)
            return [summary_shape(span[0], span[1], scale)] if span else []
        deadline = self.view.overrides.get(row.row_id, row.deadline)
        if deadline is None:
            return []
        key = (deadline, scale.px_per_day)
        cached = self._shape_cache.get(key)
        if cached is None:
            if len(self._shape_cache) > 20000:
                self._shape_cache.clear()
            cached = shapes_for(deadline, scale, self.view.period[0])
            self._shape_cache[key] = cached
        return cached

    # -- painting ------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        self.paint(p)
        p.end()

    def paint(self, p: QPainter) -> None:
        """Everything visible, in widget coordinates."""
        view, width, height = self.view, self.width(), self.height()
        p.fillRect(0, 0, width, height, QColor("white"))
        offset = view.offset()
        scale = view.scale
        first, last = view.visible_dates(width)
        rows = self.rows()
        selection = view.tree.selectionModel()
        p.translate(-offset, 0)
        for row in rows:
            if row.is_section:
                p.fillRect(offset, row.top, width, row.height, legend.SECTION_ROW)
        paint_backdrop(p, scale, first, last, 0, height)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        for row in rows:
            if selection is not None and selection.isSelected(row.index):
                p.fillRect(offset, row.top, width, row.height, legend.SELECTED)
            shapes = self._drag_preview(row) or self.shapes(row)
            cancelled = str(row.status or "") == "cancelled"
            color = legend.SECTION if row.is_section else legend.status_color(row.status, row.overdue)
            paint_row(p, shapes, row.top, row.height, color, cancelled=cancelled, left_edge=offset)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        paint_markers(p, scale, first, last, 0, height, view.today, view.monitoring_points,
                      right=offset + width)
        p.resetTransform()
        self._paint_drag_hint(p)

    def drag_hint(self) -> list[str]:
        """What the hint beside a held drag says: the deadline as it would be written, and
        that the roadmap's period stops it when it does."""
        drag = self.drag
        if drag is None or not drag.active or drag.row.deadline is None:
            return []
        moved = self.drag_move(drag)
        lines = [deadline_text(drag.row.deadline, moved)]
        if moved.clamped:
            lines.append(period_hint(self.view.period))
        return lines

    def drag_move(self, drag: DragState) -> Move:
        assert drag.row.deadline is not None
        return move(drag.row.deadline, drag.grip, drag.delta, self.view.period)

    def _paint_drag_hint(self, p: QPainter) -> None:
        lines = self.drag_hint()
        drag = self.drag
        if not lines or drag is None or drag.pos is None:
            return
        metrics = QFontMetrics(p.font())
        width = max(metrics.horizontalAdvance(line) for line in lines) + 12
        height = metrics.height() * len(lines) + 8
        x = min(max(0, drag.pos.x() + 14), max(0, self.width() - width - 2))
        y = drag.row.top - height - 4 if drag.row.top - height - 4 >= 0 else drag.row.bottom + 4
        box = QRect(x, y, width, height)
        clamped = len(lines) > 1
        p.setPen(QPen(legend.TODAY if clamped else QColor("#607d8b")))
        p.setBrush(QColor("#fff8e1") if clamped else QColor("#fffffe"))
        p.drawRect(box)
        for n, line in enumerate(lines):
            p.setPen(QColor("#b71c1c") if n else QColor("#212121"))
            p.drawText(QRect(x + 6, y + 4 + n * metrics.height(), width - 12, metrics.height()),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)

    def _drag_preview(self, row: VisibleRow) -> list[Shape] | None:
        drag = self.drag
        if drag is None or not drag.active or drag.row.row_id != row.row_id or row.is_section:
            return None
        deadline = drag.row.deadline
        assert deadline is not None
        return shapes_for(preview_deadline(deadline, self.drag_move(drag)), self.view.scale,
                          self.view.period[0])

    # -- mouse ---------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        row = self.row_at(pos.y())
        if row is None or event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        self.view.select_row(row.index)
        draggable = not row.is_section and self.view.editable()
        hit = hit_test(row.deadline, self.shapes(row),
                       pos.x() + self.view.offset()) if draggable else None
        self.drag = DragState(row, hit.grip, pos.x()) if hit else None
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        drag = self.drag
        if drag is not None and event.buttons() & Qt.MouseButton.LeftButton:
            dx = pos.x() - drag.press_x
            drag.active = drag.active or abs(dx) >= DRAG_THRESHOLD
            if drag.active:
                drag.delta = self.view.scale.days(dx)
                drag.pos = pos
                self.update()
            return
        self._update_cursor(pos)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag, self.drag = self.drag, None
        if drag is None or event.button() != Qt.MouseButton.LeftButton:
            return super().mouseReleaseEvent(event)
        dx = event.position().toPoint().x() - drag.press_x
        if drag.active or abs(dx) >= DRAG_THRESHOLD:
            self.view.reschedule(drag.row, drag.grip, self.view.scale.days(dx))
        self.update()

    def _update_cursor(self, pos: QPoint) -> None:
        row = self.row_at(pos.y())
        shape = Qt.CursorShape.ArrowCursor
        if row is not None and not row.is_section and self.view.editable():
            x = pos.x() + self.view.offset()
            shapes = self.shapes(row)
            hit = hit_test(row.deadline, shapes, x)
            if hit is not None:
                shape = (Qt.CursorShape.SizeAllCursor if hit.grip is Grip.MOVE
                         else Qt.CursorShape.SizeHorCursor)
            elif not is_draggable(row.deadline) and touches(shapes, x):
                shape = Qt.CursorShape.ForbiddenCursor
        self.setCursor(shape)

    def wheelEvent(self, event: QWheelEvent) -> None:
        modifiers = event.modifiers()
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.view.zoom_by(1.25 ** steps, anchor=event.position().x())
            event.accept()
            return
        if modifiers & Qt.KeyboardModifier.ShiftModifier or event.angleDelta().x():
            delta = event.angleDelta().x() or event.angleDelta().y()
            bar = self.view.hbar
            bar.setValue(bar.value() - delta)
            event.accept()
            return
        QApplication.sendEvent(self.view.tree.verticalScrollBar(), event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            row = self.row_at(event.pos().y())
            if row is None:
                QToolTip.hideText()
            else:
                status = "" if row.status is None else label(row.status)
                if row.overdue:
                    status += ", просрочено"
                QToolTip.showText(event.globalPos(), tooltip_text(row.index, status), self)
            return True
        return super().event(event)


def preview_deadline(deadline: Deadline, moved: Move) -> Deadline:
    """The deadline as it would be after the drag (for drawing while dragging)."""
    start, end = moved.start, moved.end
    if deadline.kind is Kind.DUE:
        return dataclasses.replace(deadline, spans=((deadline.start, end),))
    return dataclasses.replace(deadline, spans=((start, end),))


