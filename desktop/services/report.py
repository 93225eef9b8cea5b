"""The progress report for a date: every figure of the dashboard and the lists the region
asks for (items done with their evidence, items due and not done with their executors).

One function, :func:`build_report`, reads the roadmap once into plain values; the
dashboard, the PDF and the Excel report all print what it returns.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.errors import UserError
from desktop.models import CellEvidence, ChecklistRow, Item, ItemExecutor, Roadmap, Section
from desktop.models.enums import ItemStatus
from desktop.services import monitoring
from desktop.services.checklist import load_schools
from desktop.services.monitoring import Line, MonthBar, PointFigure, Share, item_line
from desktop.services.progress import concerned_schools
from desktop.services.table import section_heading


@dataclass(frozen=True)
class Report:
    roadmap_id: int
    title: str
    day: dt.date
    overall: Share
    sections: list[Share]
    executors: list[Share]
    schools: list[Share]
    points: list[PointFigure]
    overdue: list[Line]
    upcoming: list[Line]
    done: list[Line]
    not_done: list[Line]  #: due by the date and not done then
    months: list[MonthBar]
    lines: list[Line]


def load_roadmap(session: Session, roadmap_id: int) -> Roadmap:
    roadmap = session.scalars(
        select(Roadmap).where(Roadmap.id == roadmap_id).options(
            selectinload(Roadmap.monitoring_points),
            selectinload(Roadmap.sections).selectinload(Section.items).options(
                selectinload(Item.executors).selectinload(ItemExecutor.person),
                selectinload(Item.executors).selectinload(ItemExecutor.organisation),
                selectinload(Item.schools), selectinload(Item.children)))).one_or_none()
    if roadmap is None:
        raise UserError(f"Дорожная карта № {roadmap_id} не найдена")
    return roadmap


def _cells(session: Session, roadmap_id: int) -> dict[int, dict[int, tuple]]:
    """item id → school id → (status, date, [evidence texts]) as plain rows."""
    query = (select(ChecklistRow.id, ChecklistRow.item_id, ChecklistRow.school_id,
                    ChecklistRow.status, ChecklistRow.date, ChecklistRow.evidence)
             .join(Item, Item.id == ChecklistRow.item_id)
             .join(Section, Section.id == Item.section_id)
             .where(Section.roadmap_id == roadmap_id))
    rows = session.execute(query).all()
    documents: dict[int, list[str]] = {}
    doc_query = (select(CellEvidence.row_id, CellEvidence.title, CellEvidence.number,
                        CellEvidence.date)
                 .where(CellEvidence.row_id.in_([r[0] for r in rows]))
                 .order_by(CellEvidence.row_id, CellEvidence.position))
    for row_id, title, number, date in session.execute(doc_query):
        text = " ".join(p for p in (title, f"№ {number}" if number else "",
                                     f"от {date:%d.%m.%Y}" if date else "") if p)
        documents.setdefault(row_id, []).append(text)
    cells: dict[int, dict[int, tuple]] = {}
    for row_id, item_id, school_id, status, date, legacy in rows:
        texts = documents.get(row_id) or ([legacy] if legacy else [])
        cells.setdefault(item_id, {})[school_id] = (status, date, texts)
    return cells


def build_report(session: Session, roadmap_id: int, day: dt.date) -> Report:
    """Everything the report for ``day`` shows."""
    roadmap = load_roadmap(session, roadmap_id)
    cells = _cells(session, roadmap_id)
    schools = load_schools(session, roadmap.district_id)
    year = roadmap.period_start.year
    lines: list[Line] = []
    section_shares: list[Share] = []
    school_cells: dict[int, list[tuple[ItemStatus, dt.date | None]]] = {}
    for section in roadmap.sections:
        heading = section_heading(section.number, section.title)
        own: list[Line] = []
        for item in section.items_in_order():
            item_cells = cells.get(item.id, {})
            concerned = concerned_schools(item, schools, year)
            evidence: list[str] = []
            for school in concerned:
                status, date, texts = item_cells.get(school.id, (ItemStatus.PLANNED, None, []))
                school_cells.setdefault(school.id, []).append((status, date))
                if monitoring.done_on(status, date, day, roadmap.period_start):
                    evidence.extend(f"{school.short_name}: {t}" for t in texts)
            if not concerned and item.evidence:
                evidence.append(item.evidence)
            line = item_line(item.id, item.number, item.activity, heading,
                             tuple(e.display for e in item.executors if e.display),
                             item.deadline_text, item.status, item.done_date,
                             roadmap.period_start, item.deadline, tuple(evidence))
            own.append(line)
        lines.extend(own)
        section_shares.append(monitoring.share(heading, own, day))
    school_shares = [share for share in (
        Share(s.short_name, *monitoring.count_cells(school_cells.get(s.id, ()), day,
                                                    roadmap.period_start)) for s in schools)
        if share.total]  # a school with no cell counted (none, or all «не требуется») is left out
    points = [monitoring.point_figure(lines, p.date, p.title, p.target_text, p.target_min, day)
              for p in roadmap.monitoring_points]
    return Report(
        roadmap.id, roadmap.title, day, monitoring.share("Итого", lines, day), section_shares,
        monitoring.by_executor(lines, day), school_shares, points,
        [ln for ln in lines if ln.overdue_at(day)],
        [ln for ln in lines if ln.due_soon(day)],
        [ln for ln in lines if ln.done_at(day)],
        [ln for ln in lines if ln.due_by(day) and not ln.done_at(day)],
        monitoring.by_month(lines, roadmap.period_start, roadmap.period_end, day), lines)


def reminders(session: Session, day: dt.date, days: int = 7) -> list[dict[str, object]]:
    """Across all roadmaps: what is overdue on ``day`` and what falls due in the next
    ``days`` days (this week), as plain records for the reminders panel."""
    found: list[dict[str, object]] = []
    for roadmap_id, title in session.execute(select(Roadmap.id, Roadmap.title)
                                             .where(Roadmap.district_id.is_(None))
                                             .order_by(Roadmap.period_start.desc())):
        report = build_report(session, roadmap_id, day)
        for kind, lines in (("overdue", report.overdue),
                            ("soon", [ln for ln in report.lines if ln.due_soon(day, days)])):
            for ln in lines:
                when = ln.due[-1] if kind == "overdue" else next(d for d in ln.due if d > day)
                found.append({"id": ln.id, "roadmap_id": roadmap_id, "roadmap": title,
                              "kind": kind, "number": ln.number, "activity": ln.activity,
                              "due": when, "executors": ", ".join(ln.executors)})
    return found
