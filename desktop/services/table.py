"""A roadmap laid out as a table in its column profile: the one source for the editor and exporters.

Rows are plain values (no ORM objects leak out): a section row with its number
and title, or an item row with its cells as text in profile order, its depth
and the item's key facts for colouring and progress.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desktop.models.columns import Column, Field, prints_positions
from desktop.models.deadline import Deadline
from desktop.models.enums import ItemStatus, SchoolScope, label

if TYPE_CHECKING:
    from desktop.models import Item, Roadmap, Section


@dataclass(frozen=True)
class SectionRow:
    section_id: int
    number: str
    title: str
    tasks: str = ""
    indicators: str = ""

    @property
    def heading(self) -> str:
        return section_heading(self.number, self.title)


@dataclass(frozen=True)
class ItemRow:
    item_id: int
    section_id: int
    depth: int
    cells: tuple[str, ...]
    status: ItemStatus
    done_date: dt.date | None
    deadline_start: dt.date | None
    deadline_end: dt.date | None
    deadline_text: str = ""
    values: dict[Field, str] = field(default_factory=dict)
    #: the parsed deadline (for the timeline and overdue checks)
    deadline: Deadline | None = None


@dataclass(frozen=True)
class RoadmapTable:
    columns: tuple[Column, ...]
    rows: tuple[SectionRow | ItemRow, ...]

    @property
    def headings(self) -> tuple[str, ...]:
        return tuple(c.heading for c in self.columns)

    def item_rows(self) -> list[ItemRow]:
        return [r for r in self.rows if isinstance(r, ItemRow)]


def section_heading(number: str, title: str) -> str:
    """«1. Организационные мероприятия» (the number is left out when empty)."""
    number = number.strip()
    if not number:
        return title
    return f"{number}{'' if number.endswith('.') else '.'} {title}"


def scope_text(scope: SchoolScope, chosen: list[str]) -> str:
    """The schools an item concerns, as the «Школы» column prints them."""
    if scope is SchoolScope.CHOSEN:
        return ", ".join(chosen)
    return "" if scope is SchoolScope.NONE else label(scope)


def field_texts(*, number: str, activity: str, deadline_text: str, executors: str, tasks: str,
                indicator: str, evidence: str, info_support: str, status: ItemStatus,
                done_date: dt.date | None, schools: str, note: str) -> dict[Field, str]:
    """Every field of an item as printed in a table cell: the one place that formats them
    (the ORM-based exporters and the editor's fast column loader both call it)."""
    return {
        Field.NUMBER: number, Field.ACTIVITY: activity, Field.DEADLINE: deadline_text,
        Field.EXECUTORS: executors, Field.TASKS: tasks, Field.INDICATOR: indicator,
        Field.EVIDENCE: evidence, Field.INFO_SUPPORT: info_support,
        Field.STATUS: label(status),
        Field.DONE_DATE: done_date.strftime("%d.%m.%Y") if done_date else "",
        Field.SCHOOLS: schools, Field.NOTE: note,
    }


def item_texts(item: Item, *, positions: bool = False) -> dict[Field, str]:
    return field_texts(
        number=item.number, activity=item.activity, deadline_text=item.deadline_text,
        executors=item.executors_text_with(positions=positions), tasks=item.tasks, indicator=item.indicator,
        evidence=item.evidence, info_support=item.info_support, status=item.status,
        done_date=item.done_date, note=item.note,
        schools=scope_text(item.school_scope, [s.short_name for s in item.schools]
                           if item.school_scope is SchoolScope.CHOSEN else []))


def section_row(section: Section) -> SectionRow:
    return SectionRow(section.id, section.number, section.title, section.tasks, section.indicators)


def item_row(item: Item, columns: tuple[Column, ...]) -> ItemRow:
    values = item_texts(item, positions=prints_positions(columns))
    return ItemRow(
        item_id=item.id,
        section_id=item.section_id,
        depth=item.depth,
        cells=tuple(values[c.field] for c in columns),
        status=item.status,
        done_date=item.done_date,
        deadline_start=item.deadline_start,
        deadline_end=item.deadline_end,
        deadline_text=item.deadline_text,
        values=values,
        deadline=item.deadline,
    )


def roadmap_table(roadmap: Roadmap, columns: tuple[Column, ...] | None = None) -> RoadmapTable:
    """The roadmap in document order: each section row followed by its items, depth-first.

    A section with neither number nor title (a roadmap without sections) has no row.
    """
    columns = columns or roadmap.columns
    rows: list[SectionRow | ItemRow] = []
    for section in roadmap.sections:
        if not section.untitled:
            rows.append(section_row(section))
        rows.extend(item_row(item, columns) for item in section.items_in_order())
    return RoadmapTable(columns=columns, rows=tuple(rows))
