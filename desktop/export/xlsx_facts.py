"""What several sheets of the Excel export ask about the same items, computed once.

Deadlines parsed once, overdue flags, the schools each item concerns, and the
roadmap's checklist read as plain rows (:class:`Check`) rather than ORM objects. Whether
a cell is done on the export's day is :func:`desktop.services.monitoring.done_on`, the
rule every report uses.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from desktop.models import Item, School
from desktop.models.deadline import Deadline
from desktop.models.enums import ItemStatus, SchoolScope
from desktop.services import monitoring, progress


class Check(NamedTuple):
    """One school's checklist state of an item, read as a plain row (not an ORM object)."""

    status: ItemStatus
    date: dt.date | None


class Facts:
    """What several sheets ask about the same items, computed once per export.

    ``checks`` is the roadmap's checklist: item id → school id → :class:`Check`;
    ``period_start`` is the roadmap's (a done cell without a date counts from it).
    """

    def __init__(self, today: dt.date, period_start: dt.date, schools: list[School],
                 checks: dict[int, dict[int, Check]]) -> None:
        self.today = today
        self.period_start = period_start
        self.year = period_start.year
        self.schools = schools
        self._checks = checks
        self._deadlines: dict[int, Deadline] = {}
        self._overdue: dict[int, bool] = {}
        self._concerned: dict[object, list[School]] = {}

    def deadline(self, item: Item) -> Deadline:
        found = self._deadlines.get(item.id)
        if found is None:
            found = self._deadlines[item.id] = item.deadline
        return found

    def overdue(self, item: Item) -> bool:
        found = self._overdue.get(item.id)
        if found is None:
            found = self._overdue[item.id] = self.deadline(item).is_overdue(
                self.today, item.status)
        return found

    def remember_deadlines(self, deadlines: dict[int, Deadline]) -> None:
        """Deadlines already parsed elsewhere (the roadmap table), keyed by item id."""
        self._deadlines.update(deadlines)

    def concerned(self, item: Item) -> list[School]:
        # only «chosen» depends on the item itself; the other scopes give one list each
        key: object = item.id if item.school_scope is SchoolScope.CHOSEN else item.school_scope
        found = self._concerned.get(key)
        if found is None:
            found = self._concerned[key] = progress.concerned_schools(
                item, self.schools, self.year)
        return found

    def checks(self, item: Item) -> dict[int, Check]:
        """The item's checklist keyed by school id."""
        return self._checks.get(item.id, {})

    def cell_done(self, check: Check | None) -> bool:
        """Whether a school's cell is done on the export's day."""
        return check is not None and monitoring.done_on(check.status, check.date, self.today,
                                                        self.period_start)

    def tally(self, item: Item) -> progress.SchoolTally:
        """How many concerned schools have the item done on the export's day."""
        return progress.school_tally(self.concerned(item), self.checks(item), self.today,
                                     self.period_start)
