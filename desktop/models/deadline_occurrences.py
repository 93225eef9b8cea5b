"""The dates on which a deadline falls due: every occurrence of a recurring rule within
its windows (expanded with :mod:`dateutil.rrule`), and the end of each span otherwise.

:func:`rule_pieces` gives what the timeline draws for a rule (a day for «по
вторникам», a month for «ежемесячно», a school quarter for «по итогам четверти»);
the piece's last day is the day it falls due. Overdue checks, the Gantt ticks,
«срок в ближайшие N дней» and the reports read these dates from
:class:`desktop.models.deadline.Deadline` instead of deriving their own.
No Qt, no SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from typing import TYPE_CHECKING

from dateutil.rrule import MONTHLY, WEEKLY, rrule, weekday

from desktop.models.deadline_school_year import SCHOOL_PERIODS

if TYPE_CHECKING:
    from desktop.models.deadline_rule import Recurrence

#: more occurrences than this are not generated (a weekly rule over decades)
MAX_OCCURRENCES = 5000

Piece = tuple[date, date]
_MONTHS_PER = {"month": 1, "quarter": 3, "half_year": 6, "year": 12}
_FREQUENCY_PER = {"weekly": "week", "monthly": "month", "quarterly": "quarter"}


def _month_end(year: int, month: int) -> date:
    return _add_months(date(year, month, 1), 1) - timedelta(days=1)


def _add_months(first: date, months: int) -> date:
    """The first day of the month ``months`` after ``first``'s month."""
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _days(rule: rrule) -> Iterator[Piece]:
    for moment in rule:
        yield moment.date(), moment.date()


def _blocks(per: str, start: date, end: date, months: int | None = None) -> Iterator[Piece]:
    """Calendar blocks (weeks Monday–Sunday, or runs of ``months`` months aligned on the
    year; by default the length of ``per``) that overlap [start, end], unclipped."""
    if per == "week":
        monday = start - timedelta(days=start.weekday())
        while monday <= end:
            yield monday, monday + timedelta(days=6)
            monday += timedelta(days=7)
        return
    size = months or _MONTHS_PER.get(per, 12)
    first = date(start.year, (start.month - 1) // size * size + 1, 1)
    while first <= end:
        after = _add_months(first, size)
        yield first, after - timedelta(days=1)
        first = after


def _parts(block: Piece, count: int) -> Iterator[Piece]:
    """``block`` cut into ``count`` consecutive parts: whole months when they divide evenly
    (a school year Sep–May three times: Sep–Nov, Dec–Feb, Mar–May), else nearly equal days."""
    first, last = block
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if (count > 1 and months % count == 0 and first.day == 1
            and last == _month_end(last.year, last.month)):
        step = months // count
        for k in range(count):
            lo = _add_months(first, step * k)
            yield lo, _add_months(lo, step) - timedelta(days=1)
        return
    length = (last - first).days + 1
    for k in range(count):
        lo, hi = length * k // count, length * (k + 1) // count - 1
        if hi >= lo:
            yield first + timedelta(days=lo), first + timedelta(days=hi)


def _month_day_pieces(rule: Recurrence, start: date, end: date) -> Iterator[Piece]:
    """«ежемесячно до 10 числа», «до 3 числа следующего месяца», «не позднее 15 числа
    первого месяца квартала»: one day a month (or a quarter); in a shorter month the
    last day (the day or the month's last, whichever comes first)."""
    assert rule.month_day is not None
    months = None
    if rule.frequency == "quarterly":
        months = tuple(m for m in range(1, 13) if (m - 1) % 3 + 1 == (rule.quarter_month or 1))
    first = _add_months(start.replace(day=1), rule.month_offset)
    yield from _days(rrule(MONTHLY, dtstart=max(first, start), until=end, bymonth=months,
                           bymonthday=(rule.month_day, -1), bysetpos=1, cache=False))


def rule_pieces(rule: Recurrence, start: date, end: date) -> Iterator[Piece]:
    """The occurrences of ``rule`` in the window [start, end], before clipping."""
    if rule.months:
        for year in range(start.year, end.year + 1):
            for month in sorted(rule.months):
                if 1 <= month <= 12:
                    yield date(year, month, 1), _month_end(year, month)
        return
    if rule.weekdays and rule.nth is not None:  # «каждый второй вторник месяца»
        days = [weekday(w, n) for w in rule.weekdays for n in (rule.nths or (rule.nth,))]
        yield from _days(rrule(MONTHLY, dtstart=start, until=end, byweekday=days, cache=False))
        return
    if rule.weekdays and rule.frequency == "weekly":
        yield from _days(rrule(WEEKLY, dtstart=start, until=end, byweekday=rule.weekdays, cache=False))
        return
    if rule.month_day is not None:
        yield from _month_day_pieces(rule, start, end)
        return
    per = _FREQUENCY_PER.get(rule.frequency) or rule.per or "year"
    count = max(1, min(rule.times or 1, 366)) if rule.frequency == "times" else 1
    if per in SCHOOL_PERIODS:
        for block in rule.periods:
            yield from _parts(block, count)
        return
    unit_months = _MONTHS_PER.get(per)
    if unit_months and unit_months % count == 0:  # «2 раза в год»: once a half-year
        yield from _blocks(per, start, end, unit_months // count)
        return
    for block in _blocks(per, start, end):
        yield from _parts(block, count)


def recurring_pieces(rule: Recurrence, windows: Iterable[tuple[date | None, date | None]]
                     ) -> list[Piece]:
    """Each occurrence of ``rule`` clipped to its window, in order.

    A school period, and any period of an ``at_end`` rule, counts only when it ends inside
    the window (its result is due at its end: «по итогам четверти» in a calendar-year
    roadmap has no occurrence for a quarter that ends after the roadmap does). Other
    pieces are clipped: «1 раз в квартал» in a roadmap ending 31 August falls due then.
    """
    at_end = rule.at_end or (rule.per in SCHOOL_PERIODS and rule.month_day is None
                             and not rule.weekdays)
    found: set[Piece] = set()
    for start, end in windows:
        if start is None:
            continue
        end = end or date(start.year, 12, 31)
        for lo, hi in rule_pieces(rule, start, end):
            if at_end and not start <= hi <= end:
                continue
            lo, hi = max(lo, start), min(hi, end)
            if lo <= hi:
                found.add((lo, hi))
            if len(found) >= MAX_OCCURRENCES:
                return sorted(found)
    return sorted(found)
