"""The school calendar's use-cases: read a school year's periods for the settings page,
change one period's dates, set a whole year (an import, an undo), and re-read every stored
deadline so that occurrences, overdue marks and reports follow the new dates.

Writes are plain functions over the caller's session (it opens and commits), so that the
window's undo commands and the command line share them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete
from sqlalchemy.orm import Session

from desktop.errors import UserError
from desktop.models.deadline_school_year import (
    DEFAULT_CALENDAR,
    TERM_KINDS,
    DatedPeriod,
    SchoolYearDates,
    year_problems,
)
from desktop.models.school_calendar import (
    SchoolPeriod,
    forget_school_calendar,
    school_calendar,
    stored_years,
)
from desktop.services.deadline_refresh import refresh_deadlines, stale_item_ids

#: the order of the kinds on the page
_KIND_ORDER = {"quarter": 0, "trimester": 0, "holiday": 0, "half_year": 1}
KIND_TITLES = {"quarter": "Четверть", "trimester": "Триместр", "holiday": "Каникулы",
               "half_year": "Полугодие"}


@dataclass(frozen=True)
class PeriodRow:
    """One line of the settings page."""

    kind: str
    number: int
    name: str
    start: dt.date
    end: dt.date


def year_label(first: int) -> str:
    return f"{first}/{first + 1}"


def school_years(session: Session, today: dt.date | None = None) -> list[int]:
    """The school years to offer: the shipped ones, the stored ones, the current one and the
    next (whose dates the region publishes in spring)."""
    today = today or dt.date.today()
    current = today.year if today.month >= 7 else today.year - 1
    found = ({y.first for y in DEFAULT_CALENDAR.years} | set(stored_years(session))
             | {current, current + 1})
    return sorted(found)


def year_periods(session: Session, first: int) -> tuple[DatedPeriod, ...]:
    """The periods of a school year as the deadline reader sees it: stored, shipped, or made
    from the month-day rules (four quarters and two half-years)."""
    calendar = school_calendar(session)
    dated = calendar.dated(first)
    if dated is not None:
        return tuple(sorted(dated.periods, key=lambda p: (_KIND_ORDER[p.kind], p.start)))
    quarters = calendar.quarters(first)
    halves = calendar.half_years(first)
    return (*(DatedPeriod("quarter", n, f"{n} четверть", s, e) for n, (s, e) in enumerate(quarters, 1)),
            *(DatedPeriod("half_year", n, f"{'I' * n} полугодие", s, e)
              for n, (s, e) in enumerate(halves, 1)))


def period_rows(session: Session, first: int) -> list[PeriodRow]:
    return [PeriodRow(p.kind, p.number, p.name, p.start, p.end) for p in year_periods(session, first)]


def stored_year(session: Session, first: int) -> tuple[DatedPeriod, ...] | None:
    """The rows stored for ``first`` (None: the year keeps the shipped dates)."""
    year = stored_years(session).get(first)
    return None if year is None else year.periods


def set_year(session: Session, first: int, periods: tuple[DatedPeriod, ...] | None) -> list[int]:
    """Store ``periods`` as the school year ``first`` (None: back to the shipped dates) and
    re-read the deadlines; returns the items whose readings were re-read."""
    session.execute(delete(SchoolPeriod).where(SchoolPeriod.school_year == first))
    for p in periods or ():
        session.add(SchoolPeriod(school_year=first, kind=p.kind, number=p.number, name=p.name,
                                 start_date=p.start, end_date=p.end))
    session.flush()
    forget_school_calendar(session)
    items = stale_item_ids(session, everything=True)
    refresh_deadlines(session, everything=True)
    return items


def set_period_dates(session: Session, first: int, kind: str, number: int,
                     start: dt.date, end: dt.date) -> list[int]:
    """Change one period's dates (the year's other periods are stored as they are seen);
    a first day after the last, or terms overlapping, are refused with nothing changed."""
    if start > end:
        raise UserError(f"Начало ({start:%d.%m.%Y}) позже окончания ({end:%d.%m.%Y}).")
    current = year_periods(session, first)
    if not any(p.kind == kind and p.number == number for p in current):
        raise UserError("Такого периода в учебном году нет.")
    old = next(p for p in current if p.kind == kind and p.number == number)
    changed = tuple(_moved(p, old, start, end) if kind in TERM_KINDS and p.kind == "half_year"
                    else DatedPeriod(p.kind, p.number, p.name, start, end)
                    if (p.kind, p.number) == (kind, number) else p for p in current)
    problems = year_problems(SchoolYearDates(first, changed))
    if problems:
        raise UserError("Даты не изменены: " + " ".join(problems))
    return set_year(session, first, changed)


def _moved(half: DatedPeriod, term: DatedPeriod, start: dt.date, end: dt.date) -> DatedPeriod:
    """A half-year that begins or ends with a term moves with it (the first half-year ends
    with the second quarter, the second with the last)."""
    return DatedPeriod(half.kind, half.number, half.name,
                       start if half.start == term.start else half.start,
                       end if half.end == term.end else half.end)


def import_years(session: Session, years: list[SchoolYearDates]) -> list[int]:
    """Store every school year read from a region's list (each replaces the year's dates)."""
    items: list[int] = []
    for year in years:
        items = set_year(session, year.first, year.periods)
    return items
