"""What the views read: plain records from the services, one short session per call."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from desktop.models import Authority, Roadmap
from desktop.models.database import Database
from desktop.services import listing


class DataSource:
    """Read access for the pages; writes go through undo commands."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def roadmaps(self) -> list[dict[str, Any]]:
        with self.database.session() as s:
            return listing.roadmap_summaries(s)

    def orders(self) -> list[dict[str, Any]]:
        with self.database.session() as s:
            return listing.orders(s)

    def authority_name(self) -> str:
        with self.database.session() as s:
            authority = s.scalar(select(Authority).limit(1))
            return authority.short_name or authority.full_name if authority else ""

    def monitoring_points(self, roadmap_id: int) -> list[tuple[dt.date, str]]:
        """(date, «30–40 %») of the roadmap's monitoring points, for the timeline."""
        with self.database.session() as s:
            roadmap = s.get(Roadmap, roadmap_id)
            return [(p.date, p.target_text) for p in roadmap.monitoring_points] if roadmap else []

