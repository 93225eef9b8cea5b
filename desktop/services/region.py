"""The region's view of its districts: per district its roadmaps, the share done at each
monitoring point, the number overdue and the date of its last package.

The figures are the progress report's (:func:`desktop.services.report.build_report`), so a
district's numbers here, on the «Районы» page, in ``export region`` and in the district's
own report agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import District, Roadmap
from desktop.services.monitoring import Line, PointFigure, Share
from desktop.services.report import build_report


@dataclass(frozen=True)
class RoadmapFigures:
    roadmap_id: int
    title: str
    overall: Share
    points: list[PointFigure]
    overdue: list[Line]


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
    """Every imported district, by name, with its roadmaps' figures on ``day``."""
    found = []
    for district in session.scalars(select(District).order_by(District.name, District.id)):
        roadmaps = []
        for roadmap_id in session.scalars(select(Roadmap.id).where(
                Roadmap.district_id == district.id).order_by(Roadmap.period_start, Roadmap.id)):
            report = build_report(session, roadmap_id, day)
            roadmaps.append(RoadmapFigures(roadmap_id, report.title, report.overall,
                                           report.points, report.overdue))
        found.append(DistrictFigures(district.id, district.name, district.oktmo,
                                     district.package_created, district.imported_at, roadmaps))
    return found


def district_of(session: Session, roadmap_id: int) -> str | None:
    """The name of the district a roadmap came from (None: the file's own roadmap)."""
    return session.scalar(select(District.name).join(Roadmap, Roadmap.district_id == District.id)
                          .where(Roadmap.id == roadmap_id))
