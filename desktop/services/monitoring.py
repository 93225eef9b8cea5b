"""Where the year stands on a date: the one definition of «done on a date», the shares
done, the monitoring points, what is overdue and due.

Every figure of progress is counted here and nowhere else: the Excel «Исполнение» and
«По школам» sheets, the report (the «Отчёты» page, its PDF and Excel), the reminders, the
region's summary and the checklist's per-item tally. The rules:

- an item counts when it is not cancelled; a school's checklist cell when it is not
  «не требуется»;
- an item (or a school's cell) is *done on a date* when its status is «выполнено» and it
  has been done since that date or earlier (:func:`done_since`, :func:`done_on`): done
  later = not done then;
- **a done item or cell without a date** is a damaged state: the editor
  (:mod:`desktop.services.editing`) and the checklist (:mod:`desktop.services.checklist`)
  no longer produce it, but older files, district packages and school forms made before
  may hold it. It is counted as done **from the start of the roadmap's period**, at every
  date and in every figure. Why: its status says «выполнено», and every place that shows
  the status (the status column, the checklist's colours, the overdue marks, the Gantt
  chart) treats it as done; counting it as not done would make a sheet's totals
  contradict its own status column and leave the item neither done nor overdue. The
  price is that a monitoring point before the real (unknown) day counts it too: the
  report's list of done items and the Excel «Исполнение» sheet print
  «дата не указана» (:data:`UNDATED`) for it so that the coordinator can fill it in;
- a section, an executor, the whole roadmap (:func:`share`, :func:`by_executor`) and a
  school (:func:`count_cells`) are «done on the date» of their counted members;
- a monitoring point (:func:`point_figure`) counts as of its date, or as of the report's
  date for a point that has not come yet (which then says so, :func:`point_verdict`);
- an item is *due by a date* when one of its due dates (:func:`due_dates`) is on or before
  it; a recurring item is due from its first occurrence on;
- it is *overdue at a date* when it is not done then and the last of its due dates is
  before it (never for «постоянно», «по мере необходимости» or an unparsed deadline).

:func:`due_dates` is the one place that turns a deadline into dates; it reads the
deadline's spans (each occurrence for a recurring one).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.models.deadline import Deadline
from desktop.models.enums import ItemStatus
from desktop.models.executor_match import clean_name, match_key

NOT_YET = "ещё не наступила"
#: what lists print as the date of an item or cell done without a date
UNDATED = "дата не указана"
UPCOMING_DAYS = 14


def due_dates(deadline: Deadline) -> list[dt.date]:
    """The dates by which something of the item is due, in order (empty when undated).

    The deadline's own occurrence dates (:attr:`Deadline.occurrence_dates`: each
    occurrence of a recurring rule, the end of each span) — the same dates the
    overdue marks, the timeline's ticks and «due within N days» use; continuous,
    on-demand and unread deadlines have none.
    """
    return [] if deadline.done else list(deadline.occurrence_dates)


def done_since(status: ItemStatus, done_date: dt.date | None,
               period_start: dt.date) -> dt.date | None:
    """The day from which an item or a school's cell counts as done; None when it is not
    done. A done one without a date counts from the period's start (see above)."""
    if status is not ItemStatus.DONE:
        return None
    return done_date or period_start


def done_on(status: ItemStatus, done_date: dt.date | None, day: dt.date,
            period_start: dt.date) -> bool:
    """Whether an item or a school's cell is done on ``day`` (the one rule)."""
    return counted_on(done_since(status, done_date, period_start), day)


def counted_on(since: dt.date | None, day: dt.date) -> bool:
    """Whether something done since ``since`` (:func:`done_since`) is done on ``day``."""
    return since is not None and since <= day


def count_cells(cells: Iterable[tuple[ItemStatus, dt.date | None]], day: dt.date,
                period_start: dt.date) -> tuple[int, int]:
    """(done on ``day``, counted) over checklist cells given as (status, date): the
    schools of one item, or the items of one school; «не требуется» is left out."""
    done = total = 0
    for status, date in cells:
        if status is ItemStatus.CANCELLED:
            continue
        total += 1
        done += done_on(status, date, day, period_start)
    return done, total


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
    #: the date done as stored (None: not done, or done without a date)
    done_date: dt.date | None
    #: the day from which it counts as done (:func:`done_since`); None when not done
    done_from: dt.date | None
    due: tuple[dt.date, ...]
    evidence: tuple[str, ...] = ()

    def done_at(self, day: dt.date) -> bool:
        return counted_on(self.done_from, day)

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


def item_line(item_id: int, number: str, activity: str, heading: str,
              executors: tuple[str, ...], deadline_text: str, status: ItemStatus,
              done_date: dt.date | None, period_start: dt.date, deadline: Deadline,
              evidence: tuple[str, ...] = ()) -> Line:
    """An item's :class:`Line`: the one rule for its done date and due dates."""
    return Line(item_id, number, activity, heading, executors, deadline_text,
                status is ItemStatus.CANCELLED, done_date,
                done_since(status, done_date, period_start), tuple(due_dates(deadline)),
                evidence)


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
    """Done / all per executor (an item with two executors counts for both), by name.

    Spellings of one executor («Кураторы», «кураторы.», «Хняч И.Н.» / «И.Н. Хняч») are one
    row (:func:`desktop.models.executor_match.match_key`), titled by its most used spelling;
    an item counts once in a row however many of its spellings it names.
    """
    groups: dict[object, list[Line]] = {}
    spellings: dict[object, Counter[str]] = {}
    for ln in lines:
        for name in ln.executors or ("—",):
            key = match_key(name)
            group_key: object = key if key.words else name
            spellings.setdefault(group_key, Counter())[name] += 1
            group = groups.setdefault(group_key, [])
            if not group or group[-1] is not ln:
                group.append(ln)
    titled = [(_title(spellings[k]), group) for k, group in groups.items()]
    return [share(name, group, day) for name, group in sorted(titled, key=lambda t: t[0])]


def _title(spellings: Counter[str]) -> str:
    """The most used spelling (ties: the one seen first), without stray quotes or a
    trailing full stop."""
    return clean_name(max(spellings.items(), key=lambda kv: kv[1])[0]) or "—"


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
        done = sum(1 for ln in live if ln.done_at(day) and in_month(ln.done_from))
        bars.append(MonthBar(month, planned, done))
    return bars
