"""Plain-data views of the database (dicts and lists) for the CLI's ``list --json``."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.models import District, Item, Order, Roadmap, School, Section
from desktop.models.damage import DamagedValue, damaged_ids
from desktop.models.enums import label
from desktop.services import checklist


def item_to_dict(item: Item, section: Section) -> dict[str, Any]:
    return {
        "id": item.id,
        "number": item.number,
        "section_number": section.number,
        "section_title": section.title,
        "activity": item.activity,
        "deadline": item.deadline_text,
        "deadline_parsed": item.deadline_json,
        "executors": item.executors_text,
        "tasks": item.tasks,
        "indicator": item.indicator,
        "evidence": item.evidence,
        "status": item.status.value,
        "status_label": label(item.status),
        "done_date": item.done_date.isoformat() if item.done_date else None,
    }


def roadmap_to_dict(roadmap: Roadmap,
                    marks: dict[int, list[dict[str, Any]]] | None = None) -> dict[str, Any]:
    """``marks``: each item's schools (see :func:`checklist.school_marks`)."""
    marks = marks or {}
    return {
        "id": roadmap.id,
        "title": roadmap.title,
        "level": roadmap.level.value,
        "period": [roadmap.period_start.isoformat(), roadmap.period_end.isoformat()],
        "status": roadmap.status.value,
        "sections": len(roadmap.sections),
        "items": [
            {**item_to_dict(item, section), "schools": marks.get(item.id, [])}
            for section in roadmap.sections
            for item in section.items_in_order()
        ],
    }


def school_to_dict(school: School) -> dict[str, Any]:
    return {
        "id": school.id,
        "short_name": school.short_name,
        "full_name": school.full_name,
        "director": school.director,
        "curator": school.curator.name if school.curator else "",
        "categories": school.categories(),
        "risk_factors": [f.title for f in school.risk_factors],
    }


def load_roadmaps(session: Session) -> list[Roadmap]:
    stmt = (
        select(Roadmap)
        .order_by(Roadmap.period_start.desc(), Roadmap.id)
        .options(
            selectinload(Roadmap.sections)
            .selectinload(Section.items)
            .selectinload(Item.executors)
        )
    )
    return list(session.scalars(stmt))


def load_schools(session: Session) -> list[School]:
    stmt = select(School).order_by(School.short_name).options(
        selectinload(School.project_years), selectinload(School.risk_factors),
        selectinload(School.curator),
    )
    return list(session.scalars(stmt))


def database_to_dict(session: Session, damaged: list[DamagedValue] | None = None) -> dict[str, Any]:
    """Everything ``list`` shows; records holding ``damaged`` values get a ``damaged`` key
    naming their damaged columns (the values themselves are read leniently)."""
    schools = load_schools(session)
    data = {
        "roadmaps": [roadmap_to_dict(r, checklist.school_marks(session, r))
                     for r in load_roadmaps(session)],
        "schools": [school_to_dict(s) for s in schools],
    }
    items = damaged_ids(damaged or [], "items")
    for item in (i for r in data["roadmaps"] for i in r["items"]):
        item["damaged"] = items.get(item["id"], [])
    bad_schools = damaged_ids(damaged or [], "schools")
    for school in data["schools"]:
        school["damaged"] = bad_schools.get(school["id"], [])
    return data


def orders(session: Session) -> list[dict[str, Any]]:
    stmt = select(Order).options(selectinload(Order.points)).order_by(Order.date.desc(), Order.id)
    return [
        {"id": o.id, "number": o.number, "date": o.date, "title": o.title,
         "status": label(o.status), "preamble": o.preamble,
         "points": [p.text for p in o.top_points()],
         "signatory": f"{o.signatory_position} {o.signatory_name}".strip()}
        for o in session.scalars(stmt)
    ]


def roadmap_summaries(session: Session) -> list[dict[str, Any]]:
    # the region's own roadmaps: a district's are on the «Районы» page
    stmt = (select(Roadmap).where(Roadmap.district_id.is_(None))
            .order_by(Roadmap.period_start.desc(), Roadmap.id))
    return [_summary(r) for r in session.scalars(stmt)]


def district_roadmap_summary(session: Session, roadmap_id: int) -> dict[str, Any] | None:
    """A district's roadmap as :func:`roadmap_summaries` lists the own ones, with
    "district" (its name) and "package" (when the district made its package); None for a
    roadmap of the file's own or one that is gone."""
    row = session.execute(select(Roadmap, District).join(District, Roadmap.district_id
                                                          == District.id)
                          .where(Roadmap.id == roadmap_id)).first()
    if row is None:
        return None
    roadmap, district = row
    return {**_summary(roadmap), "district": district.name,
            "package": district.package_created}


def _summary(r: Roadmap) -> dict[str, Any]:
    return {"id": r.id, "title": r.title, "level": label(r.level), "status": label(r.status),
            "period_start": r.period_start, "period_end": r.period_end}
