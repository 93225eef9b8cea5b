"""What the timeline's painted parts need of the view that holds them (a protocol).

:class:`~desktop.ui.gantt.canvas.GanttCanvas` and :class:`~desktop.ui.gantt.header.ScaleHeader`
read the scale, the scroll offset and the rows from the view, and ask it to select or
reschedule; the view passes itself as a :class:`TimelineHost` (it is a ``QWidget`` too,
their parent), so they never import the view, which imports them.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import QScrollBar, QTreeView

    from desktop.models.deadline import Deadline
    from desktop.painting.scale import TimeScale
    from desktop.ui.gantt.drag import Grip
    from desktop.ui.gantt.rows import SectionSpans, VisibleRow


class TimelineHost(Protocol):
    """The Gantt view as its canvas and header see it."""

    tree: QTreeView
    scale: TimeScale
    period: tuple[date, date]
    today: date
    monitoring_points: list[tuple[date, str]]
    section_spans: SectionSpans
    #: role values of rows by (internal id, row), cleared whenever the model changes
    row_cache: dict[tuple[int, int], Any]
    #: item id -> the deadline just written by a drag, until the tree's model catches up
    overrides: dict[Any, Deadline]
    hbar: QScrollBar

    def offset(self) -> int:
        """The horizontal scroll offset in scale pixels."""

    def visible_dates(self, width: int) -> tuple[date, date]:
        """The first and last day drawn in ``width`` pixels from the offset."""

    def select_row(self, index: QModelIndex) -> None: ...

    def editable(self) -> bool: ...

    def reschedule(self, row: VisibleRow, grip: Grip, delta: int) -> bool: ...

    def zoom_by(self, factor: float, *, anchor: float | None = None) -> None: ...
