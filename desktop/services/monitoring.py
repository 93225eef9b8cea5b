"""Where the year stands on a date: shares done, monitoring points, what is overdue and due.

The rules, the same in the dashboard, the PDF and the Excel report:

- an item counts when it is not cancelled; it is *done at a date* when its status is
  done and its done date is on or before that date (done later = not done then);
- it is *due by a date* when one of its due dates (:func:`due_dates`) is on or before it;
  a recurring item is due from its first occurrence on;
- it is *overdue at a date* when it is not done then and the last of its due dates is
  before it (never for «постоянно», «по мере необходимости» or an unparsed deadline);
- a monitoring point after the date has not come yet and says so (:func:`point_verdict`).

:func:`due_dates` is the one place that turns a deadline into dates; it reads the
deadline's spans (each occurrence for a recurring one).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.models.deadline import Deadline

NOT_YET = "ещё не наступила"
UPCOMING_DAYS = 14


def due_dates(deadline: Deadline) -> list[dt.date]:
    """The dates by which something of the item is due, in order (empty when undated).

    The deadline's own occurrence dates (:attr:`Deadline.occurrence_dates`: each
    occurrence of a recurring rule, the end of each span) — the same dates the
    overdue marks, the timeline's ticks and «due within N days» use; continuous,
    on-demand and unread deadlines have none.
    """
    return [] if deadline.done else list(deadline.occurrence_dates)


def point_verdict(point_date: dt.date, day: dt.date, reached: bool) -> str:
    """«да», «нет», or «ещё не наступила» for a point after ``day``: everywhere the same."""
    if point_date > day:
        return NOT_YET
    return "да" if reached else "нет"


@dataclass(frozen=True)
class Share:
    """Done of total for one group (a section, an executor, a school, the whole roadmap)."""

    title: str
    done: int
    total: int

    @property
    def share(self) -> float:
        return self.done / self.total if self.total else 0.0


@dataclass(frozen=True)
class Line:
    """An item as the report needs it: plain values, computed once."""

    id: int
    number: str
    activity: str
    section: str
    executors: tuple[str, ...]
    deadline_text: str
    cancelled: bool
    done_date: dt.date | None
    due: tuple[dt.date, ...]
    evidence: tuple[str, ...] = ()

    def done_at(self, day: dt.date) -> bool:
        return not self.cancelled and self.done_date is not None and self.done_date <= day

    def due_by(self, day: dt.date) -> bool:
        return not self.cancelled and bool(self.due) and self.due[0] <= day

    def overdue_at(self, day: dt.date) -> bool:
        return (not self.cancelled and bool(self.due) and self.due[-1] < day
                and not self.done_at(day))

    def due_soon(self, day: dt.date, days: int = UPCOMING_DAYS) -> bool:
        """Not done at ``day`` and something due in the ``days`` after it."""
        if self.cancelled or self.done_at(day):
            return False
        last = day + dt.timedelta(days=days)
        return any(day < d <= last for d in self.due)


@dataclass(frozen=True)
class PointFigure:
    """A monitoring point on a date: the target, what was due and done by its date."""

    date: dt.date
    title: str
    target_text: str
    target_min: float
    total: int
    done: int      #: items done by the point's date
    due: int       #: items due by the point's date
    due_done: int  #: of those, done by the point's date
    verdict: str

    @property
    def share(self) -> float:
        return self.done / self.total if self.total else 0.0

    @property
    def future(self) -> bool:
        return self.verdict == NOT_YET


def share(title: str, lines: Iterable[Line], day: dt.date) -> Share:
    live = [ln for ln in lines if not ln.cancelled]
    return Share(title, sum(1 for ln in live if ln.done_at(day)), len(live))


def point_figure(lines: list[Line], point_date: dt.date, title: str, target_text: str,
                 target_min: float, day: dt.date) -> PointFigure:
    """The point's figures; a point after ``day`` is counted as of ``day``."""
    at = min(point_date, day)
    live = [ln for ln in lines if not ln.cancelled]
    done = sum(1 for ln in live if ln.done_at(at))
    due = [ln for ln in live if ln.due_by(point_date)]
    due_done = sum(1 for ln in due if ln.done_at(at))
    reached = bool(live) and done / len(live) * 100 + 1e-9 >= target_min
    return PointFigure(point_date, title, target_text, target_min, len(live), done, len(due),
                       due_done, point_verdict(point_date, day, reached))


def by_executor(lines: list[Line], day: dt.date) -> list[Share]:
    """Done / all per executor (an item with two executors counts for both), by name."""
    groups: dict[str, list[Line]] = {}
    for ln in lines:
        for name in ln.executors or ("—",):
            groups.setdefault(name, []).append(ln)
    return [share(name, group, day) for name, group in sorted(groups.items())]


def months(start: dt.date, end: dt.date) -> list[dt.date]:
    """The first day of every month from ``start``'s to ``end``'s."""
    found, month = [], dt.date(start.year, start.month, 1)
    while month <= end:
        found.append(month)
        month = dt.date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    return found


@dataclass(frozen=True)
class MonthBar:
    month: dt.date
    planned: int  #: items that fall due this month (their first due date)
    done: int     #: items done this month, up to the report's date


def by_month(lines: list[Line], start: dt.date, end: dt.date, day: dt.date) -> list[MonthBar]:
    """Planned vs done per month of the roadmap's period."""
    bars = []
    for month in months(start, end):
        def in_month(d: dt.date | None, m: dt.date = month) -> bool:
            return d is not None and (d.year, d.month) == (m.year, m.month)

        live = [ln for ln in lines if not ln.cancelled]
        planned = sum(1 for ln in live if ln.due and in_month(ln.due[0]))
        done = sum(1 for ln in live if ln.done_at(day) and in_month(ln.done_date))
        bars.append(MonthBar(month, planned, done))
    return bars
