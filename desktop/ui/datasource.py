"""What the views read: plain records from the services, one short session per call."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from desktop.models import Authority, Roadmap
from desktop.models.database import Database
from desktop.services import listing, progress
from desktop.services.table import section_heading


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

    def progress_report(self, roadmap_id: int, today: dt.date | None = None) -> dict[str, Any]:
        """Sections' progress, monitoring points and overdue items as plain records."""
        today = today or dt.date.today()
        with self.database.session() as s:
            roadmap = s.get(Roadmap, roadmap_id)
            if roadmap is None:
                return {"sections": [], "points": [], "overdue": []}
            sections = [
                {"id": p.section_id, "section": section_heading(p.number, p.title),
                 "done": p.done, "total": p.total, "share": p.share}
                for p in progress.section_progress(roadmap)
            ]
            points = [
                {"id": n, "date": p.date, "title": p.title, "target": p.target_text,
                 "actual": p.share,
                 "reached": "ещё не наступила" if p.date > today else ("да" if p.reached else "нет")}
                for n, p in enumerate(progress.monitoring_progress(roadmap))
            ]
            overdue = [
                {"id": i.id, "number": i.number, "activity": i.activity,
                 "deadline": i.deadline_text, "executors": i.executors_text}
                for i in roadmap.all_items() if progress.is_overdue(i, today)
            ]
        return {"sections": sections, "points": points, "overdue": overdue}
