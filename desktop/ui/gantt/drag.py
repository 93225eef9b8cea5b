"""Dragging a bar: which grip is under the mouse, and the deadline text after the move (no Qt).

A span moves by its body or changes its start or end by its edges; a day or a
due date moves by its diamond. A drag snaps to the unit the deadline was typed in
(a span of months in words moves by whole months and stays in words; dates move by
days) and stops at the roadmap's period (issue 23: «февраль 2021-декабрь 2023»
became «15.02.2021–14.01.2024»). The new text is written in the coordinators'
style by :func:`desktop.models.deadline.format_deadline` (the «(исполнено)»
mark is kept).
"""

from __future__ import annotations

import re
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


class Unit(StrEnum):
    """What a drag snaps to: the unit the deadline was typed in."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


#: a date typed in figures («15.02», «01.02.2023»): the deadline is written in days
_NUMERIC_DATE = re.compile(r"\d{1,2}\.\d{1,2}")
#: the average month in days, to turn a drag's days into months
_MONTH_DAYS = 30.44


def unit_of(deadline: Deadline) -> Unit:
    """Days for a day, a due date or a span typed in dates; months for a span of whole
    months typed in words («февраль 2021-декабрь 2023»); years for whole years («2023»)."""
    start, end = deadline.start, deadline.end
    if (deadline.kind is not Kind.SPAN or start is None or end is None
            or _NUMERIC_DATE.search(deadline.text) or not _whole_months(start, end)):
        return Unit.DAY
    if start.month == 1 and end.month == 12 and not any(
            month in deadline.text.lower() for month in _MONTH_STEMS):
        return Unit.YEAR
    return Unit.MONTH


_MONTH_STEMS = ("янв", "фев", "мар", "апр", "мая", "май", "июн", "июл", "авг", "сен", "окт",
                "ноя", "дек")


def _whole_months(start: date, end: date) -> bool:
    return start.day == 1 and end == _month_end(end)


def _month_start(day: date, months: int = 0) -> date:
    """The 1st of ``day``'s month moved by ``months``."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _month_end(day: date, months: int = 0) -> date:
    """The last day of ``day``'s month moved by ``months``."""
    return _month_start(day, months + 1) - timedelta(days=1)


def _nearest_month_start(day: date, unit: Unit) -> date:
    """The 1st of a month (of January for years) nearest to ``day``."""
    step = 12 if unit is Unit.YEAR else 1
    first = date(day.year, 1, 1) if unit is Unit.YEAR else _month_start(day)
    following = _month_start(first, step)
    return following if (following - day) < (day - first) else first


@dataclass(frozen=True)
class Move:
    """Where a drag puts a deadline: the new first and last day, and whether the
    roadmap's period stopped it."""

    start: date
    end: date
    unit: Unit
    clamped: bool = False


def _outside(start: date, end: date, period: tuple[date, date] | None) -> int:
    """How many days of (start, end) lie outside ``period``."""
    if period is None:
        return 0
    return max(0, (period[0] - start).days) + max(0, (end - period[1]).days)


def _step(deadline: Deadline, grip: Grip, steps: int, unit: Unit) -> tuple[date, date]:
    """(start, end) after moving ``grip`` by ``steps`` units."""
    if deadline.kind in (Kind.DAY, Kind.DUE):
        day = deadline.end if deadline.kind is Kind.DUE else (deadline.start or deadline.end)
        assert day is not None
        return day + timedelta(days=steps), day + timedelta(days=steps)
    start, end = deadline.start, deadline.end
    assert start is not None and end is not None
    months = steps * (12 if unit is Unit.YEAR else 1)
    if unit is Unit.DAY:
        new_start, new_end = start + timedelta(days=steps), end + timedelta(days=steps)
    else:
        new_start, new_end = _month_start(start, months), _month_end(end, months)
    if grip is Grip.START:
        return min(new_start, _month_start(end) if unit is not Unit.DAY else end), end
    if grip is Grip.END:
        return start, max(new_end, _month_end(start) if unit is not Unit.DAY else start)
    return new_start, new_end


def _steps(deadline: Deadline, grip: Grip, delta: int, unit: Unit) -> int:
    """The drag's ``delta`` days in units: the nearest month (year) boundary to the
    moved edge, or the nearest whole number of months (years) for the whole bar."""
    if unit is Unit.DAY:
        return delta
    per = 12 if unit is Unit.YEAR else 1
    start, end = deadline.start, deadline.end
    assert start is not None and end is not None
    if grip is Grip.START:
        target = _nearest_month_start(start + timedelta(days=delta), unit)
        return _months_between(start, target) // per
    if grip is Grip.END:
        target = _nearest_month_start(end + timedelta(days=delta + 1), unit)
        return _months_between(_month_start(end, 1), target) // per
    return round(delta / (_MONTH_DAYS * per))


def _months_between(first: date, second: date) -> int:
    return (second.year - first.year) * 12 + second.month - first.month


def move(deadline: Deadline, grip: Grip, delta: int,
         period: tuple[date, date] | None = None) -> Move:
    """Where dragging ``grip`` by ``delta`` days puts ``deadline``: snapped to the unit it
    was typed in (:func:`unit_of`) and kept within ``period`` (a deadline already outside
    it may move, but not further out)."""
    unit = unit_of(deadline)
    steps = _steps(deadline, grip, delta, unit)
    start, end = _step(deadline, grip, steps, unit)
    allowed = _outside(*_step(deadline, grip, 0, unit), period)
    clamped = False
    while steps and _outside(start, end, period) > allowed:
        steps += -1 if steps > 0 else 1
        start, end = _step(deadline, grip, steps, unit)
        clamped = True
    return Move(start, end, unit, clamped)


def moved_dates(deadline: Deadline, grip: Grip, delta: int,
                period: tuple[date, date] | None = None) -> tuple[date, date]:
    """The (start, end) after the drag (see :func:`move`); a day's or due date's start and
    end are the day itself."""
    moved = move(deadline, grip, delta, period)
    return moved.start, moved.end


def deadline_text(deadline: Deadline, moved: Move) -> str:
    """The deadline's text for ``moved``, in the unit it was typed in (dates stay dates,
    months stay months), with the «(исполнено)» mark kept."""
    if deadline.kind is Kind.DUE:
        text = format_deadline(None, moved.end, due=True)
    elif deadline.kind is Kind.DAY:
        text = format_deadline(moved.start)
    else:
        text = format_deadline(moved.start, moved.end, days=moved.unit is Unit.DAY)
    return text + DONE_MARK if deadline.done else text


def new_deadline_text(deadline: Deadline, grip: Grip, delta: int,
                      period: tuple[date, date] | None = None) -> str | None:
    """The deadline text after the drag, or None when nothing changes."""
    if delta == 0 or not is_draggable(deadline):
        return None
    moved = move(deadline, grip, delta, period)
    if (moved.start, moved.end) == moved_dates(deadline, grip, 0, period):
        return None
    text = deadline_text(deadline, moved)
    return None if text == deadline.text else text


def period_hint(period: tuple[date, date]) -> str:
    """What the timeline says while a drag is held at the roadmap's period."""
    return f"Срок не выходит за период дорожной карты: {period[0]:%d.%m.%Y}–{period[1]:%d.%m.%Y}"
