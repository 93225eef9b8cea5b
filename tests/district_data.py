"""A region's database for the district tests: the demo's file that imported the demo
district's own package (so it holds the demo's roadmaps and the same ones as a district's),
and the state of one roadmap as plain values to compare before and after an edit."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.export.package import write_package
from desktop.models import ChecklistRow, Item, Roadmap, Section
from desktop.models.database import Database
from desktop.services.operations import writing

#: what the guard says about the demo district's roadmap
MESSAGE = ("Дорожная карта района «УО Краснолесского района» открыта только для просмотра: "
           "её меняет район, новые данные приходят с его пакетом.")


@dataclasses.dataclass
class Region:
    database: Database
    district: int  #: the district's roadmap
    own: int  #: one of the file's own roadmaps
    package: Path


def demo_package(database: Database, folder: Path) -> Path:
    with writing(database) as s:
        return write_package(s, folder / "demo.dkp", now=dt.datetime(2026, 6, 1))


def region_of(database: Database, package: Path) -> Region:
    """``database`` once ``package`` is imported into it (its ids)."""
    with database.session() as s:
        district = s.scalar(select(Roadmap.id).where(Roadmap.district_id.is_not(None)))
        own = s.scalar(select(Roadmap.id).where(Roadmap.district_id.is_(None))
                       .order_by(Roadmap.id))
    return Region(database, district, own, package)


def roadmap_state(session: Session, roadmap_id: int) -> dict[str, Any]:
    """Everything of one roadmap the guard protects, as plain values."""
    roadmap = session.get(Roadmap, roadmap_id)
    sections = session.scalars(select(Section).where(Section.roadmap_id == roadmap_id)
                               .order_by(Section.id)).all()
    items = session.scalars(select(Item).join(Section).where(Section.roadmap_id == roadmap_id)
                            .order_by(Item.id)).all()
    rows = session.scalars(select(ChecklistRow).join(Item).join(Section)
                           .where(Section.roadmap_id == roadmap_id)
                           .order_by(ChecklistRow.id)).all()
    return {
        "roadmap": (roadmap.title, roadmap.version, roadmap.period_start),
        "sections": [(s.id, s.number, s.title, s.position) for s in sections],
        "items": [(i.id, i.section_id, i.parent_id, i.position, i.number, i.activity,
                   i.deadline_text, i.status, i.done_date, i.version) for i in items],
        "executors": [(i.id, [e.text for e in i.executors]) for i in items],
        "marks": [(r.item_id, r.school_id, r.status, r.date, r.comment) for r in rows],
        "points": [(p.date, p.target_min) for p in roadmap.monitoring_points],
    }


def state(database: Database, roadmap_id: int) -> dict[str, Any]:
    with database.session() as s:
        return roadmap_state(s, roadmap_id)
