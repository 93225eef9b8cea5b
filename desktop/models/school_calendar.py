"""The school calendar the region has set: one row per dated period of a school year
(a quarter or trimester, a holiday, a half-year), and the :class:`SchoolCalendar` the
deadline reader works with, built from those rows over the shipped defaults.

A school year without rows keeps the shipped dates (:data:`SHIPPED_YEARS`) or, for any
other year, the month-day rules of :class:`SchoolCalendar`. The rows are read once per
session (``session.info``); the write service forgets them after a change. No Qt.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import Date, Integer, String, Text, UniqueConstraint, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from desktop.models.base import Base
from desktop.models.deadline_school_year import (
    DEFAULT_CALENDAR,
    DatedPeriod,
    SchoolCalendar,
    SchoolYearDates,
)

#: the key of the calendar read for a session in ``session.info``
_INFO_KEY = "school_calendar"


class SchoolPeriod(Base):
    """One dated period of a school year."""

    __tablename__ = "school_periods"
    __table_args__ = (UniqueConstraint("school_year", "kind", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: the year the school year starts in (2025 for 2025/26)
    school_year: Mapped[int] = mapped_column(Integer)
    #: "quarter", "trimester", "holiday" or "half_year"
    kind: Mapped[str] = mapped_column(String(16))
    #: 1, 2, … within its kind
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text, default="")
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)

    def dated(self) -> DatedPeriod:
        return DatedPeriod(self.kind, self.number, self.name, self.start_date, self.end_date)


def stored_years(session: Session) -> dict[int, SchoolYearDates]:
    """The school years the region has set, by their first year."""
    periods: dict[int, list[DatedPeriod]] = defaultdict(list)
    for row in session.scalars(select(SchoolPeriod).order_by(SchoolPeriod.school_year,
                                                             SchoolPeriod.start_date)):
        periods[row.school_year].append(row.dated())
    return {first: SchoolYearDates(first, tuple(rows)) for first, rows in periods.items()}


def school_calendar(session: Session | None) -> SchoolCalendar:
    """The calendar of ``session``'s database: its stored years over the shipped defaults
    (the shipped default alone without a session)."""
    if session is None:
        return DEFAULT_CALENDAR
    cached = session.info.get(_INFO_KEY)
    if cached is not None:
        return cached
    found = DEFAULT_CALENDAR
    for year in stored_years(session).values():
        if year.terms:
            found = found.with_year(year)
    session.info[_INFO_KEY] = found
    return found


def forget_school_calendar(session: Session) -> None:
    """After a write: the next reading in ``session`` reads the rows again."""
    session.info.pop(_INFO_KEY, None)
