"""What the views read: plain records from the services, one short session per call.

The first view at start-up reads the same through the standard ``sqlite3`` module
(:class:`desktop.ui.first_view.FirstViewSource`) while this one's SQLAlchemy loads."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from desktop.models import Authority, Organisation, Person, Roadmap
from desktop.models.columns import Column
from desktop.models.database import Database
from desktop.models.school_calendar import school_calendar
from desktop.services import listing
from desktop.ui.editor import rows
from desktop.ui.editor.nodes import Node, RoadmapData


class DataSource:
    """Read access for the pages; writes go through undo commands."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def roadmaps(self) -> list[dict[str, Any]]:
        with self.database.reading() as s:
            return listing.roadmap_summaries(s)

    def roadmap_data(self, roadmap_id: int, today: dt.date) -> RoadmapData | None:
        """The roadmap as the editor's tree of nodes (None: no such roadmap)."""
        with self.database.reading() as s:
            data = rows.load_roadmap(s, roadmap_id, today)
            if data is not None:
                data.school = school_calendar(s)
            return data

    def item_nodes(self, columns: tuple[Column, ...], today: dt.date,
                   ids: list[int]) -> list[Node]:
        """Fresh nodes of these items (after an edit)."""
        with self.database.reading() as s:
            return rows.load_item_nodes(s, columns, today, ids=ids)

    def executor_names(self) -> list[str]:
        """The directory's organisations and people (short names), for the editor's completer."""
        with self.database.reading() as s:
            orgs = list(s.scalars(select(Organisation.short_name)))
            people = [p.short_name for p in s.scalars(select(Person))]
        return sorted(set(orgs + people), key=str.casefold)

    def orders(self) -> list[dict[str, Any]]:
        with self.database.reading() as s:
            return listing.orders(s)

    def authority_name(self) -> str:
        with self.database.reading() as s:
            authority = s.scalar(select(Authority).limit(1))
            return authority.short_name or authority.full_name if authority else ""

    def monitoring_points(self, roadmap_id: int) -> list[tuple[dt.date, str]]:
        """(date, «30–40 %») of the roadmap's monitoring points, for the timeline."""
        with self.database.reading() as s:
            roadmap = s.get(Roadmap, roadmap_id)
            return [(p.date, p.target_text) for p in roadmap.monitoring_points] if roadmap else []

