"""What several sheets of the Excel export ask about the same items, computed once.

Deadlines parsed once, overdue flags, the schools each item concerns, and the
roadmap's checklist read as plain rows (:class:`Check`) rather than ORM objects.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from desktop.models import Item, School
from desktop.models.deadline import Deadline
from desktop.models.enums import ItemStatus, SchoolScope
from desktop.services import progress


class Check(NamedTuple):
    """One school's checklist state of an item, read as a plain row (not an ORM object)."""

    status: ItemStatus
    date: dt.date | None


class Facts:
    """What several sheets ask about the same items, computed once per export.

    ``checks`` is the roadmap's checklist: item id → school id → :class:`Check`.
    """

    def __init__(self, today: dt.date, year: int, schools: list[School],
                 checks: dict[int, dict[int, Check]]) -> None:
        self.today = today
        self.year = year
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

    def tally(self, item: Item) -> progress.SchoolTally:
        """Like :func:`progress.school_tally`, from the plain checklist rows."""
        statuses = {school: check.status for school, check in self.checks(item).items()}
        return progress.tally_statuses(self.concerned(item), statuses)
