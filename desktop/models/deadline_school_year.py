"""The school year as a calendar for deadlines: «учебный год», its quarters (четверти) or
trimesters, its holidays (каникулы) and half-years (полугодия).

The ends of the school periods differ between regions and years, so they are settings:
:class:`SchoolCalendar` holds the dated periods of the school years the region has set
(:class:`SchoolYearDates`, edited on the «Учебный календарь» page and stored in the
``school_periods`` table) and, for any other year, month-day rules with sensible
defaults. It is passed to :func:`desktop.models.deadline.parse_deadline`; the
shipped default, :data:`DEFAULT_CALENDAR`, carries :data:`SHIPPED_YEARS`. Plain values,
no Qt, no database.

>>> DEFAULT_CALENDAR.quarters(2025)[1]
(datetime.date(2025, 11, 5), datetime.date(2025, 12, 26))
>>> SchoolCalendar().quarters(2030)[0]
(datetime.date(2030, 9, 1), datetime.date(2030, 10, 24))
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from itertools import pairwise

#: (month, day) of a date that recurs every year
MonthDay = tuple[int, int]
Span = tuple[date, date]

#: the school periods a rule can count in
SCHOOL_PERIODS = frozenset({"school_year", "school_half_year", "school_quarter"})
#: the kinds of dated period a school year is made of
TERM_KINDS = ("quarter", "trimester")
PERIOD_KINDS = ("quarter", "trimester", "holiday", "half_year")


def _on(year: int, month_day: MonthDay) -> date:
    """``month_day`` in ``year``; 29 February becomes the 28th in a common year."""
    month, day = month_day
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class DatedPeriod:
    """One dated period of a school year: «1 четверть», «Осенние каникулы», «I полугодие»."""

    kind: str      #: one of :data:`PERIOD_KINDS`
    number: int    #: 1, 2, … within its kind
    name: str
    start: date
    end: date


@dataclass(frozen=True)
class SchoolYearDates:
    """The dated periods of the school year that starts in autumn of ``first``: its terms
    (four quarters or three trimesters), holidays and, optionally, its two half-years
    (else the first runs to the end of the second quarter and the second to the year's end)."""

    first: int
    periods: tuple[DatedPeriod, ...]

    def of_kind(self, kind: str) -> list[DatedPeriod]:
        return sorted((p for p in self.periods if p.kind == kind), key=lambda p: p.number)

    @cached_property
    def terms(self) -> tuple[DatedPeriod, ...]:
        """The quarters, or the trimesters when the year has no quarters."""
        return tuple(self.of_kind("quarter") or self.of_kind("trimester"))

    @cached_property
    def term_spans(self) -> list[Span]:
        return [(p.start, p.end) for p in self.terms]

    def span(self) -> Span:
        terms = self.terms
        return terms[0].start, terms[-1].end

    @cached_property
    def half_year_spans(self) -> list[Span]:
        """The two half-years as set, else cut after the second quarter (the first trimester)."""
        halves = self.of_kind("half_year")
        if len(halves) == 2:
            return [(p.start, p.end) for p in halves]
        terms = self.terms
        start, end = self.span()
        cut = 1 if len(terms) == 4 else 0
        if len(terms) < 2:
            return [(start, end)]
        return [(start, terms[cut].end), (terms[cut + 1].start, end)]


def _period(kind: str, number: int, name: str, start: str, end: str) -> DatedPeriod:
    return DatedPeriod(kind, number, name, date.fromisoformat(start), date.fromisoformat(end))


def _year(first: int, rows: Iterable[tuple[str, int, str, str, str]]) -> SchoolYearDates:
    return SchoolYearDates(first, tuple(_period(*row) for row in rows))


#: The school years shipped with the program. The dates follow the typical federal
#: calendar of a five-day week (Минпросвещения России, the ФОП's calendar schedule for
#: 2025/26, carried over to 2026/27 by the same pattern); the February holidays of the
#: first grade are left out. A region's education authority publishes its own: the
#: coordinator edits them on the «Учебный календарь» page or imports the region's list.
SHIPPED_YEARS: tuple[SchoolYearDates, ...] = (
    _year(2025, (
        ("quarter", 1, "1 четверть", "2025-09-01", "2025-10-24"),
        ("holiday", 1, "Осенние каникулы", "2025-10-25", "2025-11-04"),
        ("quarter", 2, "2 четверть", "2025-11-05", "2025-12-26"),
        ("holiday", 2, "Зимние каникулы", "2025-12-27", "2026-01-11"),
        ("quarter", 3, "3 четверть", "2026-01-12", "2026-03-20"),
        ("holiday", 3, "Весенние каникулы", "2026-03-21", "2026-03-29"),
        ("quarter", 4, "4 четверть", "2026-03-30", "2026-05-26"),
        ("half_year", 1, "I полугодие", "2025-09-01", "2025-12-26"),
        ("half_year", 2, "II полугодие", "2026-01-12", "2026-05-26"),
    )),
    _year(2026, (
        ("quarter", 1, "1 четверть", "2026-09-01", "2026-10-23"),
        ("holiday", 1, "Осенние каникулы", "2026-10-24", "2026-11-03"),
        ("quarter", 2, "2 четверть", "2026-11-04", "2026-12-25"),
        ("holiday", 2, "Зимние каникулы", "2026-12-26", "2027-01-10"),
        ("quarter", 3, "3 четверть", "2027-01-11", "2027-03-19"),
        ("holiday", 3, "Весенние каникулы", "2027-03-20", "2027-03-28"),
        ("quarter", 4, "4 четверть", "2027-03-29", "2027-05-26"),
        ("half_year", 1, "I полугодие", "2026-09-01", "2026-12-25"),
        ("half_year", 2, "II полугодие", "2027-01-11", "2027-05-26"),
    )),
)


@dataclass(frozen=True)
class SchoolCalendar:
    """Where the school year and its periods begin and end: the dated ``years`` where the
    region has set them, else month-day rules (the usual Russian five-day-week calendar)."""

    #: the first day of the school year
    start: MonthDay = (9, 1)
    #: the last day of the school year (the end of the fourth quarter and the second half-year)
    end: MonthDay = (5, 31)
    #: the ends of the first three quarters (the fourth ends with the year)
    quarter_ends: tuple[MonthDay, MonthDay, MonthDay] = ((10, 24), (12, 28), (3, 20))
    #: the end of the first half-year (the second ends with the year)
    half_year_end: MonthDay = (12, 28)
    #: the school years with dates of their own, by any order
    years: tuple[SchoolYearDates, ...] = field(default=())

    @cached_property
    def _by_first(self) -> dict[int, SchoolYearDates]:
        return {y.first: y for y in self.years if y.terms}

    @cached_property
    def _hash(self) -> int:
        return hash((self.start, self.end, self.quarter_ends, self.half_year_end, self.years))

    def __hash__(self) -> int:  # the parser's cache hashes the calendar on every call
        return self._hash

    def dated(self, first: int) -> SchoolYearDates | None:
        """The dated periods of the school year starting in ``first``, if set."""
        return self._by_first.get(first)

    def with_year(self, year: SchoolYearDates) -> SchoolCalendar:
        """This calendar with ``year``'s dates set (replacing the year's earlier ones)."""
        kept = tuple(y for y in self.years if y.first != year.first)
        return SchoolCalendar(self.start, self.end, self.quarter_ends, self.half_year_end,
                              tuple(sorted((*kept, year), key=lambda y: y.first)))

    def year(self, first: int) -> Span:
        """The school year that starts in autumn of ``first``(«2025/2026» for 2025)."""
        dated = self.dated(first)
        if dated is not None:
            return dated.span()
        return _on(first, self.start), _on(first + 1, self.end)

    def quarters(self, first: int) -> list[Span]:
        """The quarters of the school year starting in ``first`` (its trimesters, in a
        year set by trimesters); by the month-day rules four, back to back."""
        dated = self.dated(first)
        if dated is not None:
            return dated.term_spans
        start, end = self.year(first)
        ends = [_on(first + (m < self.start[0]), (m, d)) for m, d in self.quarter_ends] + [end]
        return _consecutive(start, ends)

    def half_years(self, first: int) -> list[Span]:
        """The two half-years of the school year starting in ``first``."""
        dated = self.dated(first)
        if dated is not None:
            return dated.half_year_spans
        start, end = self.year(first)
        month, day = self.half_year_end
        return _consecutive(start, [_on(first + (month < self.start[0]), (month, day)), end])

    def periods(self, per: str, lo: date, hi: date,
                ordinals: tuple[int, ...] = ()) -> tuple[Span, ...]:
        """The school years, half-years or quarters (``per`` in :data:`SCHOOL_PERIODS`)
        that overlap [lo, hi], whole (not clipped); with ``ordinals`` only those periods of
        each year (1 = the first, −1 = the last: «по итогам I полугодия и учебного года»)."""
        found: list[Span] = []
        for first in range(lo.year - 1, hi.year + 1):
            if per == "school_quarter":
                blocks = self.quarters(first)
            elif per == "school_half_year":
                blocks = self.half_years(first)
            else:
                blocks = [self.year(first)]
            if ordinals:
                count = len(blocks)
                blocks = [b for n, b in enumerate(blocks, 1) if n in ordinals
                          or (n == count and -1 in ordinals)]
            found.extend(b for b in blocks if b[1] >= lo and b[0] <= hi)
        return tuple(found)

    def windows(self, lo: date, hi: date) -> tuple[Span, ...]:
        """The school-year parts of [lo, hi] (the summer left out)."""
        clipped = ((max(s, lo), min(e, hi)) for s, e in self.periods("school_year", lo, hi))
        return tuple((s, e) for s, e in clipped if s <= e)

    def year_end_after(self, day: date) -> date:
        """The end of the school year ``day`` falls in (or of the next one, in summer)."""
        for first in (day.year - 1, day.year):
            end = self.year(first)[1]
            if day <= end:
                return end
        return self.year(day.year)[1]


DEFAULT_CALENDAR = SchoolCalendar(years=SHIPPED_YEARS)


def year_problems(year: SchoolYearDates) -> list[str]:
    """What makes a school year's periods unusable: terms missing, repeated or overlapping."""
    label = f"{year.first}/{(year.first + 1) % 100:02d}"
    problems = []
    for kind, title, count in (("quarter", "четверть", 4), ("trimester", "триместр", 3),
                               ("half_year", "полугодие", 2)):
        found = [p.number for p in year.periods if p.kind == kind]
        if not found:
            continue
        if len(set(found)) != len(found):
            problems.append(f"{label}: {title} с одним номером указан дважды.")
        missing = [n for n in range(1, count + 1) if n not in found]
        if missing:
            problems.append(f"{label}: нет периода «{missing[0]} {title}».")
    if not year.of_kind("quarter") and not year.of_kind("trimester"):
        problems.append(f"{label}: нет ни четвертей, ни триместров.")
    if year.of_kind("quarter") and year.of_kind("trimester"):
        problems.append(f"{label}: указаны и четверти, и триместры — оставьте что-то одно.")
    terms = year.terms
    for before, after in pairwise(terms):
        if after.start <= before.end:
            problems.append(f"{label}: «{after.name}» начинается раньше, чем кончается "
                            f"«{before.name}».")
    return problems



def _consecutive(start: date, ends: list[date]) -> list[Span]:
    spans, lo = [], start
    for end in ends:
        spans.append((lo, max(lo, end)))
        lo = max(lo, end) + timedelta(days=1)
    return spans
