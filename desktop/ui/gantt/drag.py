"""Dragging a bar: which grip is under the mouse, and the deadline text after the move (no Qt).

A span moves by its body or changes its start or end by its edges; a day or a
due date moves by its diamond. The new text is written in the coordinators'
style by :func:`desktop.models.deadline.format_deadline` (the «(исполнено)»
mark is kept).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from desktop.models.deadline import Deadline, Kind, format_deadline
from desktop.painting.bars import Shape, ShapeKind, is_draggable

DONE_MARK = " (исполнено)"
#: how close (pixels) to a bar's edge or a diamond counts as grabbing it
EDGE_TOLERANCE = 5.0
DIAMOND_TOLERANCE = 7.0


class Grip(StrEnum):
    MOVE = "move"
    START = "start"
    END = "end"


@dataclass(frozen=True)
class Hit:
    shape: Shape
    grip: Grip


def hit_test(deadline: Deadline | None, shapes: list[Shape], x: float) -> Hit | None:
    """The draggable part of a row under ``x`` (None when nothing can be dragged there)."""
    if not is_draggable(deadline):
        return None
    for shape in reversed(shapes):
        if shape.kind is ShapeKind.DIAMOND and abs(x - shape.x0) <= DIAMOND_TOLERANCE:
            return Hit(shape, Grip.MOVE)
        if shape.kind is ShapeKind.BAR:
            tol = min(EDGE_TOLERANCE, max(2.0, (shape.x1 - shape.x0) / 4))
            if abs(x - shape.x0) <= tol:
                return Hit(shape, Grip.START)
            if abs(x - shape.x1) <= tol:
                return Hit(shape, Grip.END)
            if shape.x0 < x < shape.x1:
                return Hit(shape, Grip.MOVE)
    return None


def touches(shapes: list[Shape], x: float) -> bool:
    """True when ``x`` is over any drawn shape (for the «not draggable» cursor)."""
    return any(s.kind is not ShapeKind.MARKER and s.x0 - 3 <= x <= s.x1 + 3 for s in shapes)


def moved_dates(deadline: Deadline, grip: Grip, delta: int) -> tuple[date, date]:
    """The (start, end) after moving ``grip`` by ``delta`` days; a day's or due date's
    start and end are the day itself."""
    step = timedelta(days=delta)
    if deadline.kind in (Kind.DAY, Kind.DUE):
        day = deadline.end if deadline.kind is Kind.DUE else (deadline.start or deadline.end)
        assert day is not None
        return day + step, day + step
    start, end = deadline.start, deadline.end
    assert start is not None and end is not None
    if grip is Grip.START:
        return min(start + step, end), end
    if grip is Grip.END:
        return start, max(end + step, start)
    return start + step, end + step


def new_deadline_text(deadline: Deadline, grip: Grip, delta: int) -> str | None:
    """The deadline text after the drag, or None when nothing changes."""
    if delta == 0 or not is_draggable(deadline):
        return None
    start, end = moved_dates(deadline, grip, delta)
    if deadline.kind is Kind.DUE:
        text = format_deadline(None, end, due=True)
    elif deadline.kind is Kind.DAY:
        text = format_deadline(start)
    else:
        text = format_deadline(start, end)
    if deadline.done:
        text += DONE_MARK
    return None if text == deadline.text else text
