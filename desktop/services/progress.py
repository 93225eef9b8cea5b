"""Which schools an item concerns, and how many of them have it done on a date.

Plain computations over the ORM objects (no Qt). Whether a school's cell is done on a
date is :func:`desktop.services.monitoring.done_on` (the one definition of «done on a
date», the same in every sheet, report and summary); here it is only applied to the
schools an item concerns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from desktop.models import Item, School
from desktop.models.enums import ItemStatus, SchoolScope
from desktop.services import monitoring


@dataclass(frozen=True)
class SchoolTally:
    """Per-school ticks of one item: how many concerned schools have it done (cells
    «не требуется» left out of both counts)."""

    done: int
    total: int

    @property
    def text(self) -> str:
        """«3 / 5», or an empty string when the item is not per school."""
        return f"{self.done} / {self.total}" if self.total else ""


def concerned_schools(item: Item, schools: Iterable[School], year: int) -> list[School]:
    """The schools an item concerns, in the order of ``schools``.

    ``all_500``: the «500+» participants of ``year``; ``all_shnor``: every ШНОР;
    ``chosen``: the schools linked to the item; ``none``: no school.
    """
    scope = item.school_scope
    if scope is SchoolScope.ALL_500:
        return [s for s in schools if s.in_500_plus(year)]
    if scope is SchoolScope.ALL_SHNOR:
        return [s for s in schools if s.is_shnor]
    if scope is SchoolScope.CHOSEN:
        chosen = {s.id for s in item.schools}
        return [s for s in schools if s.id in chosen]
    return []


def school_tally(concerned: list[School],
                 cells: Mapping[int, tuple[ItemStatus, dt.date | None]],
                 day: dt.date, period_start: dt.date) -> SchoolTally:
    """How many of the concerned schools have the item done on ``day``; ``cells`` are
    the item's checklist cells as (status, date) keyed by school id (a school without
    a cell has it planned)."""
    empty = (ItemStatus.PLANNED, None)
    return SchoolTally(*monitoring.count_cells(
        (cells.get(s.id, empty) for s in concerned), day, period_start))


def is_overdue(item: Item, today: dt.date) -> bool:
    """Not done nor cancelled, and the deadline's last occurrence date has passed."""
    return item.deadline.is_overdue(today, item.status)
