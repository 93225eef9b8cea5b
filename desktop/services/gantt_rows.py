"""The rows of a printed timeline, read from the database without any tree on screen (no Qt).

The painted Gantt (:mod:`desktop.painting.gantt`) draws these plain rows; it does not
query the database itself.

Built from :func:`desktop.services.table.roadmap_table` (the same rows the
exporters use): sections with the span of their items, items with their number,
activity, parsed deadline, status and overdue flag.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.errors import UserError
from desktop.models import Item, Roadmap, RoadmapAppendix, Section
from desktop.models.columns import Field
from desktop.models.deadline import Deadline
from desktop.services.consultations import consultations
from desktop.services.table import ItemRow, SectionRow, roadmap_table


@dataclass
class PrintRow:
    kind: str                      #: "section" or "item"
    label: str                     #: «1.2 Подготовка приказа …» / «1. Организационные …»
    depth: int = 0
    deadline: Deadline | None = None
    status: Any = None
    overdue: bool = False
    span: tuple[date, date] | None = None  #: a section's earliest start and latest end


@dataclass
class PrintData:
    title: str
    period: tuple[date, date]
    monitoring_points: list[tuple[date, str]]
    rows: list[PrintRow] = field(default_factory=list)


def read_print_data(source: Any, roadmap_id: int, today: date) -> PrintData:
    """:func:`load_print_data` from ``source``: a SQLAlchemy session or a
    :class:`~desktop.models.database.Database` (read in a session of its own)."""
    if isinstance(source, Session):
        return load_print_data(source, roadmap_id, today)
    with source.session() as session:
        return load_print_data(session, roadmap_id, today)


def load_print_data(session: Session, roadmap_id: int, today: date) -> PrintData:
    """The roadmap's title, period, monitoring points and rows; unknown id → UserError."""
    roadmap = session.scalar(
        select(Roadmap).where(Roadmap.id == roadmap_id).options(
            selectinload(Roadmap.sections).selectinload(Section.items).selectinload(Item.executors),
            selectinload(Roadmap.sections).selectinload(Section.items).selectinload(Item.children),
            selectinload(Roadmap.monitoring_points),
            selectinload(Roadmap.appendices).selectinload(RoadmapAppendix.rows)))
    if roadmap is None:
        raise UserError(f"Дорожная карта № {roadmap_id} не найдена")
    data = PrintData(roadmap.title, roadmap.period,
                     [(p.date, p.target_text) for p in roadmap.monitoring_points])
    section: PrintRow | None = None
    for row in roadmap_table(roadmap).rows:
        if isinstance(row, SectionRow):
            section = PrintRow("section", row.heading)
            data.rows.append(section)
            continue
        item = _item_row(row, today)
        data.rows.append(item)
        if section is not None and item.deadline is not None:
            section.span = _widen(section.span, item.deadline)
    _add_consultations(data, roadmap, today)
    return data


def _add_consultations(data: PrintData, roadmap: Roadmap, today: date) -> None:
    """The roadmap's schedule appendices after its items: a band per appendix, a row per
    consultation, drawn and marked overdue like an item."""
    band: PrintRow | None = None
    for event in consultations(roadmap):
        if band is None or band.label != event.appendix:
            band = PrintRow("section", event.appendix)
            data.rows.append(band)
        label = " ".join(f"{event.topic} ({event.responsible})".split()) if event.responsible \
            else " ".join(event.topic.split())
        data.rows.append(PrintRow("item", label, 0, event.deadline, event.status,
                                  event.is_overdue(today)))
        band.span = _widen(band.span, event.deadline)


def _item_row(row: ItemRow, today: date) -> PrintRow:
    number = row.values.get(Field.NUMBER, "").strip()
    activity = " ".join(row.values.get(Field.ACTIVITY, "").split())
    overdue = row.deadline is not None and row.deadline.is_overdue(today, row.status)
    return PrintRow("item", f"{number} {activity}".strip(), row.depth, row.deadline, row.status,
                    overdue)


def _widen(span: tuple[date, date] | None, deadline: Deadline) -> tuple[date, date] | None:
    start, end = deadline.start, deadline.end
    if start is None or end is None:
        return span
    if span is None:
        return start, end
    return min(span[0], start), max(span[1], end)
