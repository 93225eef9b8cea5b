"""The parts of a roadmap document around its table, as real documents have them.

A published roadmap is more than its table (domain.md): a passport (problem,
developer, stages and period, working group), the basis documents it rests on,
a justification, target indicators per period («2021/2022»), the goal and tasks
under the document's own headings, a closing signature, and appendices of its
own (a consultation schedule grouped by month, with dates the deadline parser
reads so that consultations reach the timeline and the overdue checks).

The texts live on :class:`~desktop.models.roadmap.Roadmap`; this module holds
the tables of indicators and appendices, and which parts a document prints in
which order under which heading (:class:`PartKey`, ``Roadmap.layout_json``).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, object_session, relationship

from desktop.models.base import Base
from desktop.models.deadline import Deadline, SchoolCalendar, parse_deadline
from desktop.models.school_calendar import school_calendar


class PartKey(StrEnum):
    """A part of the roadmap document that prints around (or as) its table."""

    PASSPORT = "passport"
    BASIS = "basis"
    JUSTIFICATION = "justification"
    GOAL = "goal"
    TASKS = "tasks"
    TABLE = "table"
    INDICATORS = "indicators"
    ABBREVIATIONS = "abbreviations"


#: the order of the parts when the document does not say otherwise
DEFAULT_ORDER: tuple[PartKey, ...] = (
    PartKey.PASSPORT, PartKey.BASIS, PartKey.JUSTIFICATION, PartKey.GOAL, PartKey.TASKS,
    PartKey.TABLE, PartKey.INDICATORS, PartKey.ABBREVIATIONS,
)

#: the heading each part prints under unless the document has its own
DEFAULT_HEADINGS: dict[PartKey, str] = {
    PartKey.PASSPORT: "Паспорт дорожной карты",
    PartKey.BASIS: "Документы, на основании которых разработана дорожная карта",
    PartKey.JUSTIFICATION: "Обоснование",
    PartKey.GOAL: "Цель",
    PartKey.TASKS: "Задачи",
    PartKey.TABLE: "",
    PartKey.INDICATORS: "Целевые показатели",
    PartKey.ABBREVIATIONS: "Принятые сокращения",
}

#: the rows of the passport table: label and the Roadmap attribute holding the text
PASSPORT_FIELDS: tuple[tuple[str, str], ...] = (
    ("Проблема", "passport_problem"),
    ("Ответственный разработчик", "passport_developer"),
    ("Сроки и этапы реализации", "passport_stages"),
    ("Рабочая группа", "passport_working_group"),
)

#: the column headings of a schedule appendix unless it has its own
DEFAULT_SCHEDULE_HEADINGS: tuple[str, str, str] = ("Тема", "Дата проведения", "Ответственные")


def layout_order(layout: dict[str, Any] | None) -> tuple[PartKey, ...]:
    """The stored order of parts, completed with any part it does not name (in default order)."""
    named: list[PartKey] = []
    for key in (layout or {}).get("order", []) or []:
        try:
            part = PartKey(key)
        except ValueError:
            continue
        if part not in named:
            named.append(part)
    return (*named, *(p for p in DEFAULT_ORDER if p not in named))


def layout_heading(layout: dict[str, Any] | None, part: PartKey) -> str:
    """The document's own heading of ``part``, or the default one."""
    headings = (layout or {}).get("headings", {}) or {}
    own = headings.get(part.value)
    return own.strip() if isinstance(own, str) and own.strip() else DEFAULT_HEADINGS[part]


class TargetIndicator(Base):
    """A target indicator: name, unit and a value per period of ``Roadmap.indicator_periods``."""

    __tablename__ = "target_indicators"

    id: Mapped[int] = mapped_column(primary_key=True)
    roadmap_id: Mapped[int] = mapped_column(ForeignKey("roadmaps.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(Text, default="")
    unit: Mapped[str] = mapped_column(String(100), default="")
    #: the values as written («не менее 85», «100»), one per period heading
    values: Mapped[list[str]] = mapped_column(JSON, default=list)
    # ``roadmap``: the backref of ``Roadmap.indicators``


class RoadmapAppendix(Base):
    """An appendix of the roadmap itself (not of the order): a schedule, or text.

    It may carry its own number and date («Приложение 2 к дорожной карте …
    от 10.01.2023 № 5») where they differ from the approving order's.
    """

    __tablename__ = "roadmap_appendices"

    id: Mapped[int] = mapped_column(primary_key=True)
    roadmap_id: Mapped[int] = mapped_column(ForeignKey("roadmaps.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(Text, default="")
    #: the appendix's own number («1», «2») printed in its mark
    number: Mapped[str] = mapped_column(String(20), default="")
    #: the number and date of the document it belongs to, when not the approving order's
    doc_number: Mapped[str] = mapped_column(String(50), default="")
    doc_date: Mapped[dt.date | None] = mapped_column(Date)
    #: the three column headings of the schedule (topic, date, responsible)
    headings: Mapped[list[str]] = mapped_column(JSON, default=list)
    text: Mapped[str] = mapped_column(Text, default="")

    # ``roadmap``: the backref of ``Roadmap.appendices``
    rows: Mapped[list[RoadmapAppendixRow]] = relationship(
        back_populates="appendix", cascade="all, delete-orphan",
        order_by="RoadmapAppendixRow.position")

    @property
    def column_headings(self) -> tuple[str, ...]:
        """Topic, date and responsible headings: the appendix's own, or the defaults."""
        own = [h.strip() if isinstance(h, str) else "" for h in (self.headings or [])]
        return tuple(own[i] if i < len(own) and own[i] else default
                     for i, default in enumerate(DEFAULT_SCHEDULE_HEADINGS))


class RoadmapAppendixRow(Base):
    """A row of a schedule appendix: a consultation (topic, date text, responsible),
    or a group heading written across the table («Январь»)."""

    __tablename__ = "roadmap_appendix_rows"

    id: Mapped[int] = mapped_column(primary_key=True)
    appendix_id: Mapped[int] = mapped_column(
        ForeignKey("roadmap_appendices.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    #: a full-width group row (a month): only ``topic`` is printed
    is_group: Mapped[bool] = mapped_column(Boolean, default=False)
    topic: Mapped[str] = mapped_column(Text, default="")
    date_text: Mapped[str] = mapped_column(Text, default="")
    responsible: Mapped[str] = mapped_column(Text, default="")
    #: the consultation took place (an overdue check skips it)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    #: the parsed date text (:meth:`Deadline.to_json`), as for items
    deadline_json: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    deadline_start: Mapped[dt.date | None] = mapped_column(Date)
    deadline_end: Mapped[dt.date | None] = mapped_column(Date)

    appendix: Mapped[RoadmapAppendix] = relationship(back_populates="rows")

    def set_date_text(self, text: str, period: tuple[dt.date, dt.date] | None = None,
                school: SchoolCalendar | None = None) -> Deadline:
        """Keep the date as written and its reading (for the timeline and overdue checks)."""
        # the school calendar of the database the record is in (the caller's, before it is)
        deadline = parse_deadline(text, period, school or school_calendar(object_session(self)))
        self.date_text = text
        for column, value in deadline.stored().items():
            if column != "deadline_kind":  # a schedule row's reading has no kind column
                setattr(self, column, value)
        return deadline

    @property
    def deadline(self) -> Deadline:
        if self.deadline_json is None:
            return parse_deadline(self.date_text, None, school_calendar(object_session(self)))
        return Deadline.from_json(self.deadline_json)
