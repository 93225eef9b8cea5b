"""Roadmaps as a whole: create one (empty, from the demo template, as a copy moved to a new
year), read and change its properties, delete it. Plain functions over a session; no Qt.

The window's undo commands call these; each returns plain values (ids, dataclasses)
so that a command can keep them between redo and undo.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop.errors import UserError
from desktop.models import (
    Item,
    ItemExecutor,
    ItemStatus,
    Level,
    MonitoringPoint,
    Organisation,
    Person,
    Roadmap,
    RoadmapStatus,
    SchoolScope,
    Section,
)
from desktop.models.columns import DEFAULT_PRESET, Column, preset
from desktop.models.deadline_school_year import SchoolCalendar
from desktop.models.deadline_shift import shift_deadline_text
from desktop.models.school_calendar import school_calendar
from desktop.models.versions import touch
from desktop.services import demo_data
from desktop.services.roadmap_parts import (
    PartsData,
    apply_parts,
    copy_parts,
    read_parts,
    validate_parts,
)


@dataclass(frozen=True)
class PointData:
    """A monitoring point as the properties dialog edits it."""

    date: dt.date
    target_min: float
    target_max: float | None = None
    title: str = ""


@dataclass(frozen=True)
class RoadmapProperties:
    """Everything the properties dialog shows and saves, as one value (for undo)."""

    title: str
    level: Level
    period_start: dt.date
    period_end: dt.date
    goal: str = ""
    tasks: str = ""
    status: RoadmapStatus = RoadmapStatus.DRAFT
    monitoring_points: tuple[PointData, ...] = ()
    columns: tuple[Column, ...] = field(default_factory=lambda: preset(DEFAULT_PRESET))
    #: the document's parts around the table (passport, indicators, appendices …)
    parts: PartsData = field(default_factory=PartsData)

    @property
    def period(self) -> tuple[dt.date, dt.date]:
        return (self.period_start, self.period_end)


def load_roadmap(session: Session, roadmap_id: int) -> Roadmap:
    roadmap = session.get(Roadmap, roadmap_id)
    if roadmap is None:
        raise UserError(f"Дорожная карта № {roadmap_id} не найдена (возможно, удалена)")
    return roadmap


def validate(props: RoadmapProperties) -> RoadmapProperties:
    """The properties with the title trimmed; a Russian :class:`UserError` when they are wrong."""
    title = props.title.strip()
    if not title:
        raise UserError("Укажите название дорожной карты")
    if props.period_end < props.period_start:
        raise UserError("Окончание периода не может быть раньше его начала")
    if not props.columns:
        raise UserError("Выберите хотя бы один столбец таблицы")
    for point in props.monitoring_points:
        if not 0 <= point.target_min <= 100 or (
                point.target_max is not None and not point.target_min <= point.target_max <= 100):
            raise UserError(
                f"Контрольная точка {point.date:%d.%m.%Y}: целевой процент должен быть от 0 до 100, "
                "минимум не больше максимума")
    validate_parts(props.parts)
    return replace(props, title=title)


def read_properties(session: Session, roadmap_id: int) -> RoadmapProperties:
    r = load_roadmap(session, roadmap_id)
    points = tuple(PointData(p.date, p.target_min, p.target_max, p.title)
                   for p in r.monitoring_points)
    return RoadmapProperties(r.title, r.level, r.period_start, r.period_end, r.goal, r.tasks,
                             r.status, points, r.columns, read_parts(r))


DeadlineState = dict[int, tuple[Any, str, dt.date | None, dt.date | None]]


def deadline_state(session: Session, roadmap_id: int) -> DeadlineState:
    """The parsed deadline of every item, to restore exactly after re-parsing."""
    return {i.id: (i.deadline_json, i.deadline_kind, i.deadline_start, i.deadline_end)
            for i in load_roadmap(session, roadmap_id).all_items()}


def restore_deadline_state(session: Session, state: DeadlineState) -> None:
    for item_id, (data, kind, start, end) in state.items():
        item = session.get(Item, item_id)
        if item is not None:
            item.deadline_json, item.deadline_kind = data, kind
            item.deadline_start, item.deadline_end = start, end


def apply_properties(session: Session, roadmap_id: int, props: RoadmapProperties,
                     *, reparse: bool = True) -> None:
    """Store ``props``; a changed period re-parses every item's deadline against it."""
    props = validate(props)
    roadmap = load_roadmap(session, roadmap_id)
    touch(roadmap)  # monitoring points and parts are rows of their own
    period_changed = roadmap.period != props.period
    roadmap.title, roadmap.level = props.title, props.level
    roadmap.period_start, roadmap.period_end = props.period
    roadmap.goal, roadmap.tasks, roadmap.status = props.goal, props.tasks, props.status
    roadmap.columns = props.columns
    roadmap.monitoring_points = [
        MonitoringPoint(date=p.date, target_min=p.target_min, target_max=p.target_max,
                        title=p.title) for p in props.monitoring_points]
    apply_parts(roadmap, props.parts)
    if period_changed and reparse:
        for item in roadmap.all_items():
            item.set_deadline(item.deadline_text, props.period)


def delete_roadmap(session: Session, roadmap_id: int) -> None:
    """Remove a roadmap with its sections and items (the database cascades)."""
    session.expunge_all()
    session.execute(delete(Roadmap).where(Roadmap.id == roadmap_id))


# -- creating -------------------------------------------------------------------------------
def year_period(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def create_empty(session: Session, props: RoadmapProperties) -> int:
    """A roadmap with no sections; returns its id."""
    props = validate(props)
    roadmap = Roadmap(title=props.title, level=props.level, period_start=props.period_start,
                      period_end=props.period_end, goal=props.goal, tasks=props.tasks,
                      status=props.status)
    roadmap.columns = props.columns
    roadmap.monitoring_points = [
        MonitoringPoint(date=p.date, target_min=p.target_min, target_max=p.target_max,
                        title=p.title) for p in props.monitoring_points]
    apply_parts(roadmap, props.parts)
    session.add(roadmap)
    session.flush()
    return roadmap.id


def _template_executor(spec: str, position: int, session: Session) -> ItemExecutor:
    """«org:ИМЦ» / «person:…» linked when the directory has that entry, typed text otherwise."""
    kind, _, value = spec.partition(":")
    if kind == "org":
        org = session.scalar(select(Organisation).where(Organisation.short_name == value))
        return ItemExecutor(position=position, organisation=org, text=value)
    if kind == "person":
        person = session.scalar(select(Person).where(Person.name == value))
        text = person.short_name if person else value
        return ItemExecutor(position=position, person=person, text=text)
    return ItemExecutor(position=position, text=spec)


def create_from_template(session: Session, props: RoadmapProperties) -> int:
    """A roadmap with the demo's sections and items, dates in the year the period starts."""
    year = props.period_start.year
    if not props.monitoring_points:
        props = replace(props, monitoring_points=tuple(
            PointData(dt.date(year, m, d), low, high, title)
            for m, d, low, high, title in demo_data.MONITORING_POINTS))
    roadmap = load_roadmap(session, create_empty(session, props))

    def fill(text: str) -> str:
        return text.replace("{Y}", str(year)).replace("{P}", str(year - 1))

    school = school_calendar(session)  # the items are read before they join the session
    for s_pos, (title, rows) in enumerate(demo_data.SECTIONS, 1):
        section = Section(position=s_pos, number=str(s_pos), title=title)
        for i_pos, row in enumerate(rows, 1):
            activity, deadline, executors, tasks, indicator, evidence, _plan, scope = row
            item = Item(number=f"{s_pos}.{i_pos}", position=i_pos, activity=fill(activity),
                        tasks=tasks, indicator=indicator, evidence=evidence,
                        school_scope=SchoolScope(scope))
            item.set_deadline(fill(deadline), roadmap.period, school)
            item.executors = [_template_executor(spec, n, session)
                              for n, spec in enumerate(executors)]
            section.items.append(item)
        roadmap.sections.append(section)
    session.flush()
    return roadmap.id


def shift_date(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later (29 February → 28 February in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def copy_to_year(session: Session, source_id: int, years: int = 1,
                 *, title: str | None = None) -> int:
    """A copy of a roadmap with every date moved by ``years``; returns the new id.

    Deadline texts are shifted and re-parsed against the new period; statuses go back
    to «запланировано», dates done and per-school ticks are dropped; sections,
    executors, schools and monitoring points are copied. The copy is a draft.
    """
    src = load_roadmap(session, source_id)
    school = school_calendar(session)
    new = Roadmap(
        title=(title or shift_deadline_text(src.title, years)).strip(), level=src.level,
        period_start=shift_date(src.period_start, years),
        period_end=shift_date(src.period_end, years),
        goal=src.goal, tasks=src.tasks, status=RoadmapStatus.DRAFT,
        columns_json=list(src.columns_json or []))
    new.monitoring_points = [
        MonitoringPoint(date=shift_date(p.date, years), target_min=p.target_min,
                        target_max=p.target_max, title=p.title) for p in src.monitoring_points]
    for src_section in src.sections:
        section = Section(position=src_section.position, number=src_section.number,
                          title=src_section.title, tasks=src_section.tasks,
                          indicators=src_section.indicators)
        for item in src_section.top_items():
            section.items.extend(_copy_item(item, None, years, new.period, school))
        new.sections.append(section)
    copy_parts(src, new, years)
    session.add(new)
    session.flush()
    return new.id


def _copy_item(src: Item, parent: Item | None, years: int,
               period: tuple[dt.date, dt.date], school: SchoolCalendar) -> list[Item]:
    """``src`` and its descendants copied (flat list, parents first)."""
    item = Item(position=src.position, number=src.number, activity=src.activity,
                tasks=src.tasks, indicator=src.indicator, evidence=src.evidence,
                info_support=src.info_support, note=src.note, school_scope=src.school_scope,
                status=ItemStatus.PLANNED, done_date=None, parent=parent)
    item.set_deadline(shift_deadline_text(src.deadline_text, years), period, school)
    item.executors = [ItemExecutor(position=e.position, organisation_id=e.organisation_id,
                                   person_id=e.person_id, text=e.text) for e in src.executors]
    item.schools = list(src.schools)
    copied = [item]
    for child in src.children:
        copied.extend(_copy_item(child, item, years, period, school))
    return copied
