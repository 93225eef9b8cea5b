"""A roadmap laid out as a table in its column profile: the one source for the editor and exporters.

Rows are plain values (no ORM objects leak out): a section row with its number
and title, or an item row with its cells as text in profile order, its depth
and the item's key facts for colouring and progress.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desktop.models.columns import Column, Field
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
        """«1. Организационные мероприятия» (the number is left out when empty)."""
        number = self.number.strip()
        if not number:
            return self.title
        return f"{number}{'' if number.endswith('.') else '.'} {self.title}"


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


def item_field_text(item: Item, field_: Field) -> str:
    """The text of one field of an item as printed in a table cell."""
    match field_:
        case Field.NUMBER:
            return item.number
        case Field.ACTIVITY:
            return item.activity
        case Field.DEADLINE:
            return item.deadline_text
        case Field.EXECUTORS:
            return item.executors_text
        case Field.TASKS:
            return item.tasks
        case Field.INDICATOR:
            return item.indicator
        case Field.EVIDENCE:
            return item.evidence
        case Field.INFO_SUPPORT:
            return item.info_support
        case Field.STATUS:
            return label(item.status)
        case Field.DONE_DATE:
            return item.done_date.strftime("%d.%m.%Y") if item.done_date else ""
        case Field.SCHOOLS:
            return school_scope_text(item)
        case Field.NOTE:
            return item.note
    return ""


def school_scope_text(item: Item) -> str:
    if item.school_scope is SchoolScope.CHOSEN:
        return ", ".join(s.short_name for s in item.schools)
    if item.school_scope is SchoolScope.NONE:
        return ""
    return label(item.school_scope)


def section_row(section: Section) -> SectionRow:
    return SectionRow(section.id, section.number, section.title, section.tasks, section.indicators)


def item_row(item: Item, columns: tuple[Column, ...]) -> ItemRow:
    values = {f: item_field_text(item, f) for f in Field}
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
    """The roadmap in document order: each section row followed by its items, depth-first."""
    columns = columns or roadmap.columns
    rows: list[SectionRow | ItemRow] = []
    for section in roadmap.sections:
        rows.append(section_row(section))
        rows.extend(item_row(item, columns) for item in section.items_in_order())
    return RoadmapTable(columns=columns, rows=tuple(rows))
