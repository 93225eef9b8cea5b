"""Progress of a roadmap: which schools an item concerns, per-school ticks, totals by
section, the share of items done at a monitoring point.

Plain computations over the ORM objects (no Qt): the Excel export, the reports
view and the PDF report all read them from here so that they agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from desktop.models import Item, MonitoringPoint, Roadmap, School
from desktop.models.enums import ItemStatus, SchoolScope


@dataclass(frozen=True)
class SchoolTally:
    """Per-school ticks of one item: how many concerned schools have it done."""

    done: int
    total: int

    @property
    def text(self) -> str:
        """«3 / 5», or an empty string when the item is not per school."""
        return f"{self.done} / {self.total}" if self.total else ""


@dataclass(frozen=True)
class SectionProgress:
    """Items done in one section (cancelled items are left out of both counts)."""

    section_id: int
    number: str
    title: str
    done: int
    total: int

    @property
    def share(self) -> float:
        """Done / all as a fraction 0…1 (0 for an empty section)."""
        return self.done / self.total if self.total else 0.0


@dataclass(frozen=True)
class PointProgress:
    """A monitoring point with the share of items done by its date."""

    date: dt.date
    title: str
    target_min: float
    target_max: float | None
    target_text: str
    done: int
    total: int

    @property
    def share(self) -> float:
        return self.done / self.total if self.total else 0.0

    @property
    def reached(self) -> bool:
        """The actual share (in percent) is at least the target's lower bound."""
        return self.share * 100 + 1e-9 >= self.target_min


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


def school_tally(item: Item, concerned: list[School]) -> SchoolTally:
    """How many of the concerned schools have the item ticked done."""
    return tally_statuses(concerned, {row.school_id: row.status for row in item.checklist})


def tally_statuses(concerned: list[School], statuses: Mapping[int, ItemStatus]) -> SchoolTally:
    """:func:`school_tally` from the checklist's statuses keyed by school id (for callers
    that read the checklist as plain rows rather than ORM objects)."""
    done = sum(1 for s in concerned if statuses.get(s.id) is ItemStatus.DONE)
    return SchoolTally(done, len(concerned))


def counts(items: Iterable[Item]) -> tuple[int, int]:
    """(done, all) over non-cancelled items."""
    live = [i for i in items if i.status is not ItemStatus.CANCELLED]
    return sum(1 for i in live if i.status is ItemStatus.DONE), len(live)


def section_progress(roadmap: Roadmap) -> list[SectionProgress]:
    """Done / all items per section, in document order."""
    result = []
    for section in roadmap.sections:
        done, total = counts(section.items)
        result.append(SectionProgress(section.id, section.number, section.title, done, total))
    return result


def done_by(items: Iterable[Item], day: dt.date) -> tuple[int, int]:
    """(items done on or before ``day``, all non-cancelled items)."""
    live = [i for i in items if i.status is not ItemStatus.CANCELLED]
    done = sum(
        1 for i in live
        if i.status is ItemStatus.DONE and i.done_date is not None and i.done_date <= day
    )
    return done, len(live)


def point_progress(roadmap: Roadmap, point: MonitoringPoint,
                   items: list[Item] | None = None) -> PointProgress:
    """The share of the roadmap's items done by the point's date."""
    done, total = done_by(roadmap.all_items() if items is None else items, point.date)
    return PointProgress(point.date, point.title, point.target_min, point.target_max,
                         point.target_text, done, total)


def monitoring_progress(roadmap: Roadmap) -> list[PointProgress]:
    """Every monitoring point of the roadmap with its actual share."""
    items = roadmap.all_items()
    return [point_progress(roadmap, p, items) for p in roadmap.monitoring_points]


def is_overdue(item: Item, today: dt.date) -> bool:
    """Not done nor cancelled, and the deadline's last occurrence date has passed."""
    return item.deadline.is_overdue(today, item.status)
