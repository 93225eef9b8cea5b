"""The roadmap editor's nodes read through SQLAlchemy: a few plain queries, no ORM objects
(the nodes themselves are in :mod:`desktop.ui.editor.nodes`)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import Item, ItemExecutor, Organisation, Person, Roadmap, School, Section
from desktop.models.columns import Column, prints_positions, profile_from_json
from desktop.models.roadmap import item_schools
from desktop.models.schools import SchoolProjectYear
from desktop.models.stand_ins import period
from desktop.models.versions import Seen, roadmap_versions
from desktop.ui.editor.nodes import (
    Node,
    RoadmapData,
    SchoolInfo,
    executor_texts,
    item_nodes,
    roadmap_tree,
)

ITEMS = Item.__table__


def _executors(session: Session, ids: list[int] | None, section_ids: list[int], *,
               positions: bool = False) -> dict[int, str]:
    stmt = (select(ItemExecutor.item_id, ItemExecutor.text, Organisation.short_name, Person.name,
                   Person.position)
            .outerjoin(Organisation, Organisation.id == ItemExecutor.organisation_id)
            .outerjoin(Person, Person.id == ItemExecutor.person_id)
            .order_by(ItemExecutor.item_id, ItemExecutor.position, ItemExecutor.id))
    stmt = stmt.where(ItemExecutor.item_id.in_(ids)) if ids is not None else stmt.join(
        Item, Item.id == ItemExecutor.item_id).where(Item.section_id.in_(section_ids))
    return executor_texts(session.execute(stmt), positions=positions)


def _schools(session: Session, ids: list[int] | None,
             section_ids: list[int]) -> dict[int, list[tuple[int, str]]]:
    stmt = (select(item_schools.c.item_id, School.id, School.short_name)
            .join(School, School.id == item_schools.c.school_id).order_by(School.short_name))
    stmt = stmt.where(item_schools.c.item_id.in_(ids)) if ids is not None else stmt.join(
        Item, Item.id == item_schools.c.item_id).where(Item.section_id.in_(section_ids))
    chosen: dict[int, list[tuple[int, str]]] = {}
    for item_id, school_id, name in session.execute(stmt):
        chosen.setdefault(item_id, []).append((school_id, name))
    return chosen


def load_item_nodes(session: Session, columns: tuple[Column, ...], today: dt.date, *,
                    ids: list[int] | None = None,
                    section_ids: list[int] | None = None) -> list[Node]:
    """Item nodes (unlinked) for ``ids`` or for every item of ``section_ids``, by position."""
    sids = section_ids or []
    stmt = select(ITEMS).order_by(ITEMS.c.position, ITEMS.c.id)
    stmt = stmt.where(ITEMS.c.id.in_(ids)) if ids is not None else stmt.where(
        ITEMS.c.section_id.in_(sids))
    executors = _executors(session, ids, sids, positions=prints_positions(columns))
    schools = _schools(session, ids, sids)
    return item_nodes(session.execute(stmt).mappings(), executors, schools, columns, today)


def load_schools(session: Session, year: int, district_id: int | None) -> list[SchoolInfo]:
    """The schools a roadmap can name: the region's own, or its district's."""
    in_500 = set(session.scalars(select(SchoolProjectYear.school_id)
                                 .where(SchoolProjectYear.year == year)))
    return [SchoolInfo(sid, name, bool(shnor), sid in in_500) for sid, name, shnor in
            session.execute(select(School.id, School.short_name, School.is_shnor)
                            .where(School.district_id.is_(None) if district_id is None
                                   else School.district_id == district_id)
                            .order_by(School.short_name))]


def load_roadmap(session: Session, roadmap_id: int, today: dt.date) -> RoadmapData | None:
    """The roadmap as a tree of nodes: sections, then items nested by parent."""
    head = session.execute(select(Roadmap.title, Roadmap.period_start, Roadmap.period_end,
                                  Roadmap.columns_json, Roadmap.district_id)
                           .where(Roadmap.id == roadmap_id)).first()
    if head is None:
        return None
    columns = profile_from_json(head.columns_json)
    start, end = period(head.period_start, head.period_end)  # a damaged date stands in
    data = roadmap_tree(
        roadmap_id, head.title or "", (start, end), columns,
        session.execute(select(Section.id, Section.number, Section.title)
                        .where(Section.roadmap_id == roadmap_id)
                        .order_by(Section.position, Section.id)),
        lambda ids: load_item_nodes(session, columns, today, section_ids=ids),
        load_schools(session, start.year, head.district_id))
    data.versions = Seen(roadmap_versions(session, roadmap_id),
                         ("roadmaps", "sections", "items", "checklist_rows"))
    return data
