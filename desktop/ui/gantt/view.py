"""``GanttView``: the timeline beside the roadmap tree.

One row per visible row of the tree, the same heights, scrolled by the tree's
vertical scroll bar, following its expansion, its model and its selection. A
bar dragged with the mouse reschedules its item through one undoable
:class:`~desktop.ui.commands.SetItemFieldCommand`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QScrollBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.models.columns import Field
from desktop.painting.scale import TimeScale, Zoom, clamp_zoom
from desktop.ui.gantt.canvas import GanttCanvas, preview_deadline
from desktop.ui.gantt.drag import Grip, move, new_deadline_text
from desktop.ui.gantt.header import ScaleHeader
from desktop.ui.gantt.legend import LegendWidget
from desktop.ui.gantt.rows import SectionSpans, VisibleRow

if TYPE_CHECKING:
    from desktop.models.database import Database
    from desktop.models.deadline import Deadline
    from desktop.ui.changes import Changes
    from desktop.ui.dialogs import Dialogs

#: days shown before the period's start and after its end
MARGIN_DAYS = 14


class GanttView(QWidget):
    """The timeline of ``tree``'s rows over ``period`` (see the module docstring)."""

    def __init__(self, tree: QTreeView, *, database: Database | None, changes: Changes,
                 undo_stack: QUndoStack, dialogs: Dialogs, period: tuple[date, date],
                 monitoring_points: Sequence[tuple[date, str]] = (), today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = tree
        self.database = database
        self.changes = changes
        self.undo_stack = undo_stack
        self.dialogs = dialogs
        self.period = period
        self.monitoring_points = list(monitoring_points)
        self.today = today or date.today()
        self.scale = TimeScale(period[0] - timedelta(days=MARGIN_DAYS), Zoom.MONTH.px_per_day)
        self.section_spans = SectionSpans()
        #: role values of rows by (internal id, row), cleared whenever the model changes
        self.row_cache: dict[tuple[int, int], Any] = {}
        #: item id -> the deadline just written by a drag, until the tree's model catches up
        self.overrides: dict[Any, Deadline] = {}
        self._model: Any = None
        self._selection: Any = None
        #: set once the user moves the scroll bar; until then resizing keeps today in view
        self._user_scrolled = False

        self.header = ScaleHeader(self)
        self.canvas = GanttCanvas(self)
        self.hbar = QScrollBar(Qt.Orientation.Horizontal, self)
        self.hbar.valueChanged.connect(self._scrolled)
        self.hbar.actionTriggered.connect(lambda _action: setattr(self, "_user_scrolled", True))
        self.zoom_combo = QComboBox(self)
        for zoom in Zoom:
            self.zoom_combo.addItem(self.tr(zoom.title), zoom)
        self.zoom_combo.setToolTip(self.tr("Масштаб"))
        self.zoom_combo.setCurrentIndex(list(Zoom).index(Zoom.MONTH))
        self.zoom_combo.activated.connect(self._zoom_chosen)
        self.zoom_out_button = self._tool_button("−", self.tr("Уменьшить масштаб (Ctrl+колесо)"),
                                                 lambda: self.zoom_by(1 / 1.5))
        self.zoom_in_button = self._tool_button("+", self.tr("Увеличить масштаб (Ctrl+колесо)"),
                                                lambda: self.zoom_by(1.5))
        self.legend = LegendWidget(self)

        #: the zoom and the legend under the timeline (a page may place them elsewhere)
        self.controls = QWidget(self)
        bottom = QHBoxLayout(self.controls)
        bottom.setContentsMargins(4, 2, 4, 2)
        bottom.addWidget(self.zoom_out_button)
        bottom.addWidget(self.zoom_combo)
        bottom.addWidget(self.zoom_in_button)
        bottom.addWidget(self.legend, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.hbar)
        layout.addWidget(self.controls)

        self._align_header()
        tree.expanded.connect(self._refresh)
        tree.collapsed.connect(self._refresh)
        tree.verticalScrollBar().valueChanged.connect(self.canvas.update)
        tree.verticalScrollBar().rangeChanged.connect(self.canvas.update)
        changes.itemsChanged.connect(self._forget_overrides)
        self._bind_model()
        self._update_scroll_range()
        self.scroll_home()

    def set_period(self, period: tuple[date, date],
                   monitoring_points: Sequence[tuple[date, str]] = ()) -> None:
        """Show another roadmap's period and monitoring points (the zoom is kept)."""
        if period == self.period and list(monitoring_points) == self.monitoring_points:
            return
        self.period = period
        self.monitoring_points = list(monitoring_points)
        self.scale = TimeScale(period[0] - timedelta(days=MARGIN_DAYS), self.scale.px_per_day)
        self._model_changed()
        self._update_scroll_range()
        self.header.update()
        self._user_scrolled = False
        self.scroll_home()

    def _tool_button(self, text: str, tip: str, slot: Any) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    def _align_header(self) -> None:
        """Make the tree's header as tall as the scale, so that rows line up."""
        tree_header = self.tree.header()
        height = max(self.header.natural_height(), tree_header.sizeHint().height())
        tree_header.setMinimumHeight(height)
        self.header.setFixedHeight(height)

    # -- model and selection ---------------------------------------------------
    def _bind_model(self) -> None:
        """Listen to the tree's current model and selection model (again after setModel)."""
        model, selection = self.tree.model(), self.tree.selectionModel()
        if model is not self._model:
            if self._model is not None:
                for signal in self._model_signals(self._model):
                    signal.disconnect(self._model_changed)
            self._model = model
            if model is not None:
                for signal in self._model_signals(model):
                    signal.connect(self._model_changed)
        if selection is not self._selection:
            if self._selection is not None:
                self._selection.selectionChanged.disconnect(self.canvas.update)
            self._selection = selection
            if selection is not None:
                selection.selectionChanged.connect(self.canvas.update)

    @staticmethod
    def _model_signals(model: Any) -> list[Any]:
        return [model.modelReset, model.layoutChanged, model.rowsInserted, model.rowsRemoved,
                model.rowsMoved, model.dataChanged]

    def _model_changed(self, *_args: Any) -> None:
        self.section_spans.clear()
        self.row_cache.clear()
        self.overrides.clear()
        self._refresh()

    def _refresh(self, *_args: Any) -> None:
        self._bind_model()
        self.canvas.update()

    def select_row(self, index: QModelIndex) -> None:
        """Select ``index``'s row in the tree (and make it current)."""
        selection = self.tree.selectionModel()
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        selection.setCurrentIndex(index, flags)
        self.canvas.update()

    # -- scale and scrolling -----------------------------------------------------
    def offset(self) -> int:
        return self.hbar.value()

    def visible_dates(self, width: int) -> tuple[date, date]:
        """The first and last day shown in ``width`` pixels, within the drawn range."""
        first = max(self.scale.origin, self.scale.date_at(self.offset()))
        last = min(self.period[1] + timedelta(days=MARGIN_DAYS),
                   self.scale.date_at(self.offset() + width))
        return first, max(first, last)

    def content_width(self) -> int:
        last = self.period[1] + timedelta(days=MARGIN_DAYS)
        return int(self.scale.x_end(last))

    def _update_scroll_range(self) -> None:
        width = max(1, self.canvas.width())
        self.hbar.setPageStep(width)
        self.hbar.setSingleStep(max(1, int(self.scale.px_per_day * 7)))
        self.hbar.setRange(0, max(0, self.content_width() - width))

    def _scrolled(self, _value: int) -> None:
        self.header.update()
        self.canvas.update()

    def scroll_to(self, day: date) -> None:
        """Put ``day`` about a third into the visible width."""
        self.hbar.setValue(int(self.scale.x(day) - self.canvas.width() / 3))

    def set_px_per_day(self, px_per_day: float, *, anchor: float | None = None) -> None:
        """Zoom, keeping the date under ``anchor`` (x in the canvas; its middle by default)
        in place."""
        anchor = self.canvas.width() / 2 if anchor is None else anchor
        old = self.scale
        day_x = (self.offset() + anchor) / old.px_per_day
        self.scale = old.zoomed(clamp_zoom(px_per_day))
        self._update_scroll_range()
        self.hbar.setValue(int(day_x * self.scale.px_per_day - anchor))
        self.zoom_combo.setCurrentIndex(list(Zoom).index(Zoom.nearest(self.scale.px_per_day)))
        self.header.update()
        self.canvas.update()

    def zoom_by(self, factor: float, *, anchor: float | None = None) -> None:
        self.set_px_per_day(self.scale.px_per_day * factor, anchor=anchor)

    def set_zoom(self, zoom: Zoom) -> None:
        self.set_px_per_day(zoom.px_per_day)

    def _zoom_chosen(self, position: int) -> None:
        self.set_zoom(self.zoom_combo.itemData(position))

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._update_scroll_range()
        if not self._user_scrolled:  # until the user scrolls, keep today in view
            self.scroll_home()

    def scroll_home(self) -> None:
        """Today (or the period's start when today is outside it) a third into the view."""
        self.scroll_to(self.today if self.period[0] <= self.today <= self.period[1]
                       else self.period[0])

    # -- editing -------------------------------------------------------------------
    def editable(self) -> bool:
        """Whether bars can be dragged: not while the tree shows a read-only roadmap."""
        return not getattr(self.tree.model(), "read_only", False)

    def reschedule(self, row: VisibleRow, grip: Grip, delta: int) -> bool:
        """Write the row's deadline moved by ``delta`` days (snapped to the unit it was typed
        in, kept within the roadmap's period) as one undoable command."""
        deadline = row.deadline
        if deadline is None or row.is_section or not self.editable():
            return False
        text = new_deadline_text(deadline, grip, delta, self.period)
        if text is None or self.database is None:  # no database: the first view at start-up
            return False
        from desktop.ui.commands import SetItemFieldCommand, push  # SQLAlchemy: after the start

        command = SetItemFieldCommand(self.database, self.changes, row.row_id, Field.DEADLINE, text)
        shown = getattr(self._model, "roadmap", None)  # the rows as the user saw them
        if not push(self.undo_stack, command, self.dialogs, self,
                    seen=shown.versions if shown is not None else None):
            return False
        self.overrides[row.row_id] = preview_deadline(deadline, move(deadline, grip, delta,
                                                                     self.period))
        self.canvas.update()
        return True

    def _forget_overrides(self, _ids: list[int]) -> None:
        self.overrides.clear()
        self.canvas.update()
