"""Stored deadline readings follow the parser: at start, every item (and schedule row) whose
stored reading
(``Item.deadline_json``) was made by an older parser version is read again from its text
against its roadmap's period. The text is kept exactly as typed; only the parsed copy
(JSON, kind, start, end) changes. No schema change: the version lives in the JSON.
"""

from __future__ import annotations

import sys

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from desktop.models import Item, Roadmap, RoadmapAppendixRow, Section
from desktop.models.database import Database
from desktop.models.deadline import PARSER_VERSION, stored_version
from desktop.services.operations import DistrictRows, writing

#: items re-read per query (well under SQLite's limit on bound parameters)
_CHUNK = 500


def stale_item_ids(session: Session, *, everything: bool = False) -> list[int]:
    """Items whose stored reading is older than :data:`PARSER_VERSION` (or missing while
    the item has a text); with ``everything`` every item with a reading or a text of the
    file's own roadmaps (this file's calendar changed: a district's roadmaps follow their
    district's calendar, and are read-only here)."""
    query = select(Item.id, Item.deadline_json, Item.deadline_text)
    if everything:
        query = (query.join(Section, Section.id == Item.section_id)
                 .join(Roadmap, Roadmap.id == Section.roadmap_id)
                 .where(Roadmap.district_id.is_(None)))
    rows = session.execute(query)
    return [item_id for item_id, data, text in rows
            if (everything or stored_version(data) < PARSER_VERSION) and (data or text)]


def refresh_deadlines(session: Session, *, everything: bool = False) -> int:
    """Re-read the stale items in ``session`` (the caller commits); returns how many. After
    a change of the school calendar ``everything`` is re-read: any reading may count in it."""
    ids = stale_item_ids(session, everything=everything)
    for first in range(0, len(ids), _CHUNK):
        chunk = ids[first:first + _CHUNK]
        periods = {item_id: (start, end) for item_id, start, end in session.execute(
            select(Item.id, Roadmap.period_start, Roadmap.period_end)
            .join(Section, Section.id == Item.section_id)
            .join(Roadmap, Roadmap.id == Section.roadmap_id)
            .where(Item.id.in_(chunk)))}
        for item in session.scalars(select(Item).where(Item.id.in_(chunk))):
            period = periods.get(item.id)
            item.set_deadline(item.deadline_text, period if period and all(period) else None)
    return len(ids) + _refresh_schedule_rows(session, everything)


def _refresh_schedule_rows(session: Session, everything: bool) -> int:
    """The same for the dates of the roadmaps' schedule appendices (consultations)."""
    stale = [row for row in session.scalars(select(RoadmapAppendixRow))
             if not (everything and row.appendix.roadmap.district_id is not None)
             and (everything or stored_version(row.deadline_json) < PARSER_VERSION)
             and (row.deadline_json or row.date_text)]
    for row in stale:
        row.set_date_text(row.date_text, row.appendix.roadmap.period)
    return len(stale)


def refresh_stored_deadlines(database: Database) -> int:
    """:func:`refresh_deadlines` in one transaction of ``database``. A file that cannot be
    written (read-only, locked) keeps its older readings, which stay usable."""
    try:
        # upkeep of derived values: a district's rows are re-read too
        with writing(database, districts=DistrictRows.ALLOW) as session:
            return refresh_deadlines(session)
    except SQLAlchemyError as exc:
        print(f"Сроки не перечитаны: {exc}", file=sys.stderr)
        return 0
