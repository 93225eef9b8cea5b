"""Undo commands of the school calendar: each commits at once, then reports the items whose
deadlines were re-read (their occurrences and overdue marks follow the new dates) and a
reference change (the calendar tab re-reads)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from desktop.services import school_calendar as service
from desktop.ui.commands import CommittingCommand

if TYPE_CHECKING:
    from desktop.models.database import Database
    from desktop.models.deadline_school_year import DatedPeriod
    from desktop.ui.changes import Changes


class SchoolYearCommand(CommittingCommand):
    """Set a school year's periods (``None``: back to the shipped dates); undo brings back
    what the year had before (stored rows, or none)."""

    def __init__(self, database: Database, changes: Changes, first: int,
                 periods: tuple[DatedPeriod, ...] | None, text: str) -> None:
        super().__init__(database, changes, text)
        with database.reading() as s:
            self.old = service.stored_year(s, first)
        self.first, self.new = first, periods

    def apply(self, periods: tuple[DatedPeriod, ...] | None) -> None:
        with self.session() as s:
            items = service.set_year(s, self.first, periods)
        self.report(items)

    def report(self, items: list[int]) -> None:
        if items:
            self.changes.items(items)
        self.changes.reference()

    def do(self) -> None:
        self.apply(self.new)

    def revert(self) -> None:
        self.apply(self.old)


class SetPeriodDatesCommand(SchoolYearCommand):
    """Change one period's first and last day: «изменение учебного календаря (2 четверть)».
    The first run validates through the service; a redo restores the year it stored."""

    def __init__(self, database: Database, changes: Changes, first: int, kind: str,
                 number: int, start: dt.date, end: dt.date, name: str) -> None:
        super().__init__(database, changes, first, None,
                         f"изменение учебного календаря ({name}, {service.year_label(first)})")
        self.kind, self.number, self.start, self.end = kind, number, start, end
        self._stored = False

    def do(self) -> None:
        if self._stored:
            self.apply(self.new)
            return
        with self.session() as s:
            items = service.set_period_dates(s, self.first, self.kind, self.number,
                                             self.start, self.end)
            self.new = service.stored_year(s, self.first)
        self._stored = True
        self.report(items)
