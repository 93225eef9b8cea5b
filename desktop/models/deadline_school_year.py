"""The school year as a calendar for deadlines: «учебный год» from 1 September to the
end of May, its quarters (четверти) and half-years (полугодия).

The ends of the school periods differ between regions and years, so they are
settings: :class:`SchoolCalendar` holds them with sensible defaults and is passed
to :func:`desktop.models.deadline.parse_deadline`. Plain values, no Qt.

>>> SchoolCalendar().quarters(2025)[0]
(datetime.date(2025, 9, 1), datetime.date(2025, 10, 24))
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

#: (month, day) of a date that recurs every year
MonthDay = tuple[int, int]
Span = tuple[date, date]

#: the school periods a rule can count in
SCHOOL_PERIODS = frozenset({"school_year", "school_half_year", "school_quarter"})


def _on(year: int, month_day: MonthDay) -> date:
    """``month_day`` in ``year``; 29 February becomes the 28th in a common year."""
    month, day = month_day
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class SchoolCalendar:
    """Where the school year and its periods begin and end (the defaults follow the usual
    Russian five-day-week calendar: autumn, winter and spring holidays)."""

    #: the first day of the school year
    start: MonthDay = (9, 1)
    #: the last day of the school year (the end of the fourth quarter and the second half-year)
    end: MonthDay = (5, 31)
    #: the ends of the first three quarters (the fourth ends with the year)
    quarter_ends: tuple[MonthDay, MonthDay, MonthDay] = ((10, 24), (12, 28), (3, 20))
    #: the end of the first half-year (the second ends with the year)
    half_year_end: MonthDay = (12, 28)

    def year(self, first: int) -> Span:
        """The school year that starts in autumn of ``first`` («2025/2026» for 2025)."""
        return _on(first, self.start), _on(first + 1, self.end)

    def quarters(self, first: int) -> list[Span]:
        """The four quarters of the school year starting in ``first``, back to back."""
        start, end = self.year(first)
        ends = [_on(first + (m < self.start[0]), (m, d)) for m, d in self.quarter_ends] + [end]
        return _consecutive(start, ends)

    def half_years(self, first: int) -> list[Span]:
        """The two half-years of the school year starting in ``first``."""
        start, end = self.year(first)
        month, day = self.half_year_end
        return _consecutive(start, [_on(first + (month < self.start[0]), (month, day)), end])

    def periods(self, per: str, lo: date, hi: date) -> tuple[Span, ...]:
        """The school years, half-years or quarters (``per`` in :data:`SCHOOL_PERIODS`)
        that overlap [lo, hi], whole (not clipped)."""
        found: list[Span] = []
        for first in range(lo.year - 1, hi.year + 1):
            if per == "school_quarter":
                blocks = self.quarters(first)
            elif per == "school_half_year":
                blocks = self.half_years(first)
            else:
                blocks = [self.year(first)]
            found.extend(b for b in blocks if b[1] >= lo and b[0] <= hi)
        return tuple(found)

    def windows(self, lo: date, hi: date) -> tuple[Span, ...]:
        """The school-year parts of [lo, hi] (the summer left out)."""
        clipped = ((max(s, lo), min(e, hi)) for s, e in self.periods("school_year", lo, hi))
        return tuple((s, e) for s, e in clipped if s <= e)

    def year_end_after(self, day: date) -> date:
        """The end of the school year ``day`` falls in (or of the next one, in summer)."""
        end = _on(day.year, self.end)
        return end if day <= end else _on(day.year + 1, self.end)


DEFAULT_CALENDAR = SchoolCalendar()


def _consecutive(start: date, ends: list[date]) -> list[Span]:
    spans, lo = [], start
    for end in ends:
        spans.append((lo, max(lo, end)))
        lo = max(lo, end) + timedelta(days=1)
    return spans
