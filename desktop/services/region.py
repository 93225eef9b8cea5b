"""The region's view of its districts: per district its roadmaps, the share done at each
monitoring point, the number overdue and the date of its last package.

The figures are the progress report's (:func:`desktop.services.report.build_report`), so a
district's numbers here, on the «Районы» page, in ``export region`` and in the district's
own report agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import District, Item, ItemExecutor, MonitoringPoint, Roadmap, Section
from desktop.models.deadline import Deadline, parse_deadline
from desktop.models.school_calendar import school_calendar
from desktop.services import monitoring
from desktop.services.monitoring import Line, PointFigure, Share, item_line
from desktop.services.table import section_heading


@dataclass(frozen=True)
class RoadmapFigures:
    roadmap_id: int
    title: str
    overall: Share
    points: list[PointFigure]
    overdue: list[Line]
    #: every item as the report counts it (for the read-only view)
    lines: list[Line]


@dataclass(frozen=True)
class DistrictFigures:
    district_id: int
    name: str
    oktmo: str
    package_created: dt.datetime
    imported_at: dt.datetime
    roadmaps: list[RoadmapFigures]

    @property
    def overall(self) -> Share:
        done = sum(r.overall.done for r in self.roadmaps)
        return Share(self.name, done, sum(r.overall.total for r in self.roadmaps))

    @property
    def overdue(self) -> int:
        return sum(len(r.overdue) for r in self.roadmaps)

    def points_text(self) -> str:
        """«30.06: 45 % (цель 30–40 %, да)» per point of every roadmap, one per line."""
        return "\n".join(
            f"{p.date:%d.%m}: {p.share * 100:.0f} % (цель {p.target_text}, {p.verdict})"
            for r in self.roadmaps for p in r.points)


def region_overview(session: Session, day: dt.date) -> list[DistrictFigures]:
    """Every imported district, by name, with its roadmaps' figures on ``day``.

    Item-level figures only (the shares, points and overdue of the progress report are
    counted over items, not cells), read for all districts in four queries."""
    roadmaps = session.execute(
        select(Roadmap.id, Roadmap.title, Roadmap.district_id, Roadmap.period_start)
        .where(Roadmap.district_id.is_not(None))
        .order_by(Roadmap.period_start, Roadmap.id)).all()
    ids = [r.id for r in roadmaps]
    executors: dict[int, list[str]] = {}
    for item_id, text in session.execute(
            select(ItemExecutor.item_id, ItemExecutor.text).join(Item).join(Section)
            .where(Section.roadmap_id.in_(ids)).order_by(ItemExecutor.item_id,
                                                          ItemExecutor.position)):
        if text:
            executors.setdefault(item_id, []).append(text)
    lines: dict[int, list[Line]] = {}
    starts = {r.id: r.period_start for r in roadmaps}
    for row in _document_order(session.execute(
            select(Item.id, Item.parent_id, Item.number, Item.activity, Item.deadline_text,
                   Item.deadline_json, Item.status, Item.done_date, Section.roadmap_id,
                   Section.number, Section.title).join(Section)
            .where(Section.roadmap_id.in_(ids))
            .order_by(Section.roadmap_id, Section.position, Section.id, Item.position,
                      Item.id)).all()):
        deadline = (Deadline.from_json(row.deadline_json) if row.deadline_json is not None
                    else parse_deadline(row.deadline_text, None, school_calendar(session)))
        lines.setdefault(row.roadmap_id, []).append(item_line(
            row.id, row.number, row.activity, section_heading(row[9], row[10]),
            tuple(executors.get(row.id, ())), row.deadline_text, row.status, row.done_date,
            starts[row.roadmap_id], deadline))
    points: dict[int, list[PointFigure]] = {}
    for p in session.scalars(select(MonitoringPoint).where(MonitoringPoint.roadmap_id.in_(ids))
                             .order_by(MonitoringPoint.date)):
        points.setdefault(p.roadmap_id, []).append(monitoring.point_figure(
            lines.get(p.roadmap_id, []), p.date, p.title, p.target_text, p.target_min, day))
    by_district: dict[int, list[RoadmapFigures]] = {}
    for r in roadmaps:
        own = lines.get(r.id, [])
        by_district.setdefault(r.district_id, []).append(RoadmapFigures(
            r.id, r.title, monitoring.share("Итого", own, day), points.get(r.id, []),
            [ln for ln in own if ln.overdue_at(day)], own))
    return [DistrictFigures(d.id, d.name, d.oktmo, d.package_created, d.imported_at,
                            by_district.get(d.id, []))
            for d in session.scalars(select(District).order_by(District.name, District.id))]


def _document_order(rows: list[Any]) -> list[Any]:
    """Rows in document order (each item followed by its children, depth first), as
    :meth:`Section.items_in_order` walks them; ``rows`` come sorted by section and position."""
    children: dict[int | None, list[Any]] = {}
    ids = {row.id for row in rows}
    for row in rows:
        parent = row.parent_id if row.parent_id in ids else None
        children.setdefault(parent, []).append(row)
    ordered: list[Any] = []
    stack = list(reversed(children.get(None, [])))
    while stack:
        row = stack.pop()
        ordered.append(row)
        stack.extend(reversed(children.get(row.id, [])))
    return ordered

