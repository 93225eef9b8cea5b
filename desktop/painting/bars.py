"""What to draw for a deadline: shapes in scale coordinates, per deadline kind (no Qt).

* span — one bar; occurrences — a bar per span;
* day — a diamond on the date; due — a diamond on the due date with a faint
  lead-in bar from the start (the roadmap's period start);
* recurring — a faint window per span and a tick per occurrence in it (the
  occurrence as the deadline gives it; the tick's mark stands on its due date);
* continuous — a light band over each span;
* on demand, unparsed — a marker at the row's visible left edge with the words that say
  why there is no bar («срок не понят: …», «по мере необходимости»): a bare dot there
  read as a date at the start of the period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from desktop.models.deadline import Deadline, Kind
from desktop.painting.scale import TimeScale

#: the kinds a drag may reschedule (their new dates fit one ``format_deadline`` text)
DRAGGABLE_KINDS = frozenset({Kind.DAY, Kind.DUE, Kind.SPAN})


class ShapeKind(StrEnum):
    BAR = "bar"            #: a span (draggable by its body and ends for «span»)
    DIAMOND = "diamond"    #: a day or the due date (x0 == x1 == its centre)
    LEAD = "lead"          #: the faint lead-in of a due date
    WINDOW = "window"      #: the faint window of a recurring deadline
    TICK = "tick"          #: one occurrence of a recurring deadline
    BAND = "band"          #: a continuous deadline
    MARKER = "marker"      #: no dates: on demand or unparsed (drawn at the left edge)
    SUMMARY = "summary"    #: a section's span from its earliest to its latest item date


@dataclass(frozen=True)
class Shape:
    kind: ShapeKind
    x0: float
    x1: float
    start: date | None = None
    end: date | None = None
    #: a marker's words (what the deadline says instead of dates)
    label: str = ""
    #: a marker of a deadline that could not be read (drawn as a warning)
    warning: bool = False


def is_draggable(deadline: Deadline | None) -> bool:
    return deadline is not None and deadline.kind in DRAGGABLE_KINDS and deadline.end is not None


def diamond_x(scale: TimeScale, day: date) -> float:
    """The centre of ``day``."""
    return scale.x(day) + scale.px_per_day / 2


def shapes_for(deadline: Deadline | None, scale: TimeScale,
               period_start: date | None = None) -> list[Shape]:
    """The shapes of one item row, in drawing order."""
    if deadline is None:
        return []
    kind = deadline.kind
    if kind in (Kind.ON_DEMAND, Kind.UNPARSED) or not deadline.spans:
        return [marker(deadline)]
    if kind is Kind.DAY:
        day = deadline.start or deadline.end
        assert day is not None
        x = diamond_x(scale, day)
        return [Shape(ShapeKind.DIAMOND, x, x, day, day)]
    if kind is Kind.DUE:
        end = deadline.end
        if end is None:
            return [marker(deadline)]
        x = diamond_x(scale, end)
        shapes = []
        lead_from = deadline.start or period_start
        if lead_from is not None and lead_from < end:
            shapes.append(Shape(ShapeKind.LEAD, scale.x(lead_from), x, lead_from, end))
        shapes.append(Shape(ShapeKind.DIAMOND, x, x, end, end))
        return shapes
    if kind is Kind.RECURRING:
        windows = [Shape(ShapeKind.WINDOW, scale.x(s), scale.x_end(e), s, e)
                   for s, e in _closed(deadline)]
        ticks = [Shape(ShapeKind.TICK, scale.x(s), scale.x_end(e), s, e)
                 for s, e in deadline.occurrences()]
        return windows + ticks
    if kind is Kind.CONTINUOUS:
        return [Shape(ShapeKind.BAND, scale.x(s), scale.x_end(e), s, e) for s, e in _closed(deadline)]
    return [Shape(ShapeKind.BAR, scale.x(s), scale.x_end(e), s, e) for s, e in deadline.occurrences()]


#: the longest deadline text a marker repeats (the table shows it whole)
MARKER_TEXT = 48


def marker(deadline: Deadline) -> Shape:
    """The marker of a deadline without dates to draw, with its words."""
    text = " ".join(deadline.text.split())
    if len(text) > MARKER_TEXT:
        text = text[:MARKER_TEXT - 1].rstrip() + "…"
    if deadline.kind is Kind.UNPARSED:
        return Shape(ShapeKind.MARKER, 0.0, 0.0,
                     label=f"срок не понят: «{text}»" if text else "срок не указан",
                     warning=True)
    return Shape(ShapeKind.MARKER, 0.0, 0.0, label=text or "без даты")


def summary_shape(start: date, end: date, scale: TimeScale) -> Shape:
    return Shape(ShapeKind.SUMMARY, scale.x(start), scale.x_end(end), start, end)


def _closed(deadline: Deadline) -> list[tuple[date, date]]:
    return [(s or e, e or s) for s, e in deadline.spans if s or e]  # type: ignore[misc]
