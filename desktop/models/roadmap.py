"""Roadmaps: sections, items (with 4.1.1-style nesting), executors, per-school checklists,
monitoring points.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Date,
    Float,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, object_session, relationship

from desktop.models.base import Base, Versioned, db_enum
from desktop.models.columns import Column as ProfileColumn
from desktop.models.columns import profile_from_json, profile_to_json
from desktop.models.deadline import Deadline, SchoolCalendar, parse_deadline
from desktop.models.directory import Organisation, Person
from desktop.models.enums import ItemStatus, Level, RoadmapStatus, SchoolScope, target_label
from desktop.models.executors import join_executors, with_position
from desktop.models.orders import Order
from desktop.models.roadmap_parts import RoadmapAppendix, TargetIndicator
from desktop.models.school_calendar import school_calendar
from desktop.models.schools import School

item_schools = Table(
    "item_schools",
    Base.metadata,
    Column("item_id", ForeignKey("items.id", ondelete="CASCADE"), primary_key=True),
    Column("school_id", ForeignKey("schools.id", ondelete="CASCADE"), primary_key=True),
)


class Roadmap(Versioned, Base):
    """A roadmap (дорожная карта, план-график) for a period."""

    __tablename__ = "roadmaps"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    level: Mapped[Level] = mapped_column(db_enum(Level), default=Level.MUNICIPAL)
    period_start: Mapped[dt.date] = mapped_column(Date)
    period_end: Mapped[dt.date] = mapped_column(Date)
    goal: Mapped[str] = mapped_column(Text, default="")
    tasks: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[RoadmapStatus] = mapped_column(db_enum(RoadmapStatus), default=RoadmapStatus.DRAFT)
    approving_order_id: Mapped[int | None] = mapped_column(
        ForeignKey("orders.id", ondelete="SET NULL")
    )
    #: the column profile, see :mod:`desktop.models.columns`
    columns_json: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    created_at: Mapped[dt.datetime] = mapped_column(default=dt.datetime.now)
    # the document's parts around the table (see :mod:`desktop.models.roadmap_parts`)
    #: the laws and orders the roadmap rests on, one per line
    basis_documents: Mapped[str] = mapped_column(Text, default="")
    #: why these schools, lists of schools by category: free text, lines kept
    justification: Mapped[str] = mapped_column(Text, default="")
    passport_problem: Mapped[str] = mapped_column(Text, default="")
    passport_developer: Mapped[str] = mapped_column(Text, default="")
    #: stages and period as the document words them («2022 год»)
    passport_stages: Mapped[str] = mapped_column(Text, default="")
    passport_working_group: Mapped[str] = mapped_column(Text, default="")
    #: the period headings of the target indicators' values («2021/2022», «2022 год»)
    indicator_periods: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: the signature under the roadmap (the head of the organisation that drafted it)
    closing_position: Mapped[str] = mapped_column(Text, default="")
    closing_name: Mapped[str] = mapped_column(String(200), default="")
    #: the parts' order and the document's own headings: {"order": [...], "headings": {...}}
    layout_json: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    #: an imported district's roadmap, read-only here (see :mod:`desktop.models.district`)
    district_id: Mapped[int | None] = mapped_column(
        ForeignKey("districts.id", ondelete="CASCADE"), index=True)

    approving_order: Mapped[Order | None] = relationship(foreign_keys=[approving_order_id])
    sections: Mapped[list[Section]] = relationship(
        back_populates="roadmap", cascade="all, delete-orphan", order_by="Section.position"
    )
    monitoring_points: Mapped[list[MonitoringPoint]] = relationship(
        back_populates="roadmap", cascade="all, delete-orphan", order_by="MonitoringPoint.date"
    )
    # the parts know their roadmap through these backrefs (``indicator.roadmap``,
    # ``appendix.roadmap``): roadmap_parts does not import this module back
    indicators: Mapped[list[TargetIndicator]] = relationship(
        backref="roadmap", cascade="all, delete-orphan", order_by="TargetIndicator.position"
    )
    appendices: Mapped[list[RoadmapAppendix]] = relationship(
        backref="roadmap", cascade="all, delete-orphan", order_by="RoadmapAppendix.position"
    )

    @property
    def period(self) -> tuple[dt.date, dt.date]:
        return (self.period_start, self.period_end)

    @property
    def columns(self) -> tuple[ProfileColumn, ...]:
        return profile_from_json(self.columns_json)

    @columns.setter
    def columns(self, value: tuple[ProfileColumn, ...] | list[ProfileColumn]) -> None:
        self.columns_json = profile_to_json(value)

    def all_items(self) -> list[Item]:
        """Every item in document order (sections in order, children after their parent)."""
        return [item for section in self.sections for item in section.items_in_order()]


class Section(Versioned, Base):
    """A section (раздел) of a roadmap with its own tasks and indicators."""

    __tablename__ = "sections"

    id: Mapped[int] = mapped_column(primary_key=True)
    roadmap_id: Mapped[int] = mapped_column(ForeignKey("roadmaps.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    number: Mapped[str] = mapped_column(String(20), default="")
    title: Mapped[str] = mapped_column(Text)
    tasks: Mapped[str] = mapped_column(Text, default="")
    indicators: Mapped[str] = mapped_column(Text, default="")

    roadmap: Mapped[Roadmap] = relationship(back_populates="sections")
    items: Mapped[list[Item]] = relationship(
        back_populates="section", cascade="all, delete-orphan", order_by="Item.position"
    )

    @property
    def untitled(self) -> bool:
        """A section with neither number nor title: the items of a roadmap without sections
        (a flat list «1.»–«25.» under one heading). It prints no section row."""
        return not (self.number or "").strip() and not (self.title or "").strip()

    def top_items(self) -> list[Item]:
        return [i for i in self.items if i.parent_id is None and i.parent is None]

    def items_in_order(self) -> list[Item]:
        """Items depth-first: 4.1, 4.1.1, 4.1.2, 4.2 …"""
        ordered: list[Item] = []

        def walk(item: Item) -> None:
            ordered.append(item)
            for child in item.children:
                walk(child)

        for item in self.top_items():
            walk(item)
        return ordered


class Item(Versioned, Base):
    """An activity (мероприятие) of a roadmap."""

    __tablename__ = "items"

    id: Mapped[int] = mapped_column(primary_key=True)
    section_id: Mapped[int] = mapped_column(ForeignKey("sections.id", ondelete="CASCADE"), index=True)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("items.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    #: as typed or imported: «1.10», «4.1.1»; kept as text so 1.10 never becomes 1.1
    number: Mapped[str] = mapped_column(String(20), default="")
    activity: Mapped[str] = mapped_column(Text, default="")
    deadline_text: Mapped[str] = mapped_column(Text, default="")
    #: the parsed deadline (:meth:`Deadline.to_json`), refreshed whenever the text changes
    deadline_json: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    deadline_kind: Mapped[str] = mapped_column(String(20), default="unparsed")
    deadline_start: Mapped[dt.date | None] = mapped_column(Date, index=True)
    deadline_end: Mapped[dt.date | None] = mapped_column(Date, index=True)
    tasks: Mapped[str] = mapped_column(Text, default="")
    indicator: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[str] = mapped_column(Text, default="")
    info_support: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[ItemStatus] = mapped_column(db_enum(ItemStatus), default=ItemStatus.PLANNED)
    done_date: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    school_scope: Mapped[SchoolScope] = mapped_column(db_enum(SchoolScope), default=SchoolScope.NONE)

    section: Mapped[Section] = relationship(back_populates="items")
    parent: Mapped[Item | None] = relationship(back_populates="children", remote_side=[id])
    children: Mapped[list[Item]] = relationship(
        back_populates="parent", order_by="Item.position", cascade="all, delete-orphan"
    )
    executors: Mapped[list[ItemExecutor]] = relationship(
        back_populates="item", cascade="all, delete-orphan", order_by="ItemExecutor.position"
    )
    schools: Mapped[list[School]] = relationship(secondary=item_schools, order_by=School.short_name)
    checklist: Mapped[list[ChecklistRow]] = relationship(
        back_populates="item", cascade="all, delete-orphan"
    )

    def set_deadline(self, text: str, period: tuple[dt.date, dt.date] | None = None,
                school: SchoolCalendar | None = None) -> Deadline:
        """Store the text as written and its parsed form (for the timeline and overdue checks)."""
        # the school calendar of the database the record is in (the caller's, before it is)
        deadline = parse_deadline(text, period, school or school_calendar(object_session(self)))
        self.deadline_text = text
        for column, value in deadline.stored().items():
            setattr(self, column, value)
        return deadline

    @property
    def deadline(self) -> Deadline:
        if self.deadline_json is None:
            return parse_deadline(self.deadline_text, None, school_calendar(object_session(self)))
        return Deadline.from_json(self.deadline_json)

    @property
    def executors_text(self) -> str:
        return join_executors([e.display for e in self.executors])

    def executors_text_with(self, *, positions: bool) -> str:
        """The executors as printed; ``positions`` adds a directory person's position."""
        if not positions:
            return self.executors_text
        return join_executors([with_position(e.display, e.person.position or "")
                               if e.person is not None else e.display for e in self.executors])

    @property
    def depth(self) -> int:
        depth, node = 0, self.parent
        while node is not None:
            depth, node = depth + 1, node.parent
        return depth


class ItemExecutor(Base):
    """One executor of an item: an organisation, a person, or a typed role («Руководители школ»)."""

    __tablename__ = "item_executors"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL")
    )
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    #: typed text; also a snapshot of the name so a deleted directory entry still prints
    text: Mapped[str] = mapped_column(Text, default="")

    item: Mapped[Item] = relationship(back_populates="executors")
    organisation: Mapped[Organisation | None] = relationship()
    person: Mapped[Person | None] = relationship()

    @property
    def display(self) -> str:
        if self.person is not None:
            return self.person.short_name
        if self.organisation is not None:
            return self.organisation.short_name
        return self.text


class ChecklistRow(Versioned, Base):
    """The state of one item at one school (per-school ticking)."""

    __tablename__ = "checklist_rows"
    __table_args__ = (UniqueConstraint("item_id", "school_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id", ondelete="CASCADE"), index=True)
    status: Mapped[ItemStatus] = mapped_column(db_enum(ItemStatus), default=ItemStatus.PLANNED)
    date: Mapped[dt.date | None] = mapped_column(Date)
    evidence: Mapped[str] = mapped_column(Text, default="")
    comment: Mapped[str] = mapped_column(Text, default="")

    item: Mapped[Item] = relationship(back_populates="checklist")
    school: Mapped[School] = relationship()


class MonitoringPoint(Base):
    """A monitoring point: «исполнение не менее 30–40 % к 30.06»."""

    __tablename__ = "monitoring_points"

    id: Mapped[int] = mapped_column(primary_key=True)
    roadmap_id: Mapped[int] = mapped_column(ForeignKey("roadmaps.id", ondelete="CASCADE"), index=True)
    date: Mapped[dt.date] = mapped_column(Date)
    target_min: Mapped[float] = mapped_column(Float)  #: percent
    target_max: Mapped[float | None] = mapped_column(Float)
    title: Mapped[str] = mapped_column(Text, default="")

    roadmap: Mapped[Roadmap] = relationship(back_populates="monitoring_points")

    @property
    def target_text(self) -> str:
        return target_label(self.target_min, self.target_max)
