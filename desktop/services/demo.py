"""Builds the demo district (fictional) into an empty database, in one transaction."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.errors import UserError
from desktop.models import (
    AppendixKind,
    Authority,
    ChecklistRow,
    Item,
    ItemExecutor,
    ItemStatus,
    Level,
    MonitoringPoint,
    Order,
    OrderAppendix,
    OrderPoint,
    OrderStatus,
    Organisation,
    Person,
    RiskFactor,
    Roadmap,
    RoadmapStatus,
    School,
    SchoolProjectYear,
    SchoolScope,
    Section,
)
from desktop.models.columns import DEFAULT_PRESET, preset
from desktop.models.database import Database, open_database
from desktop.services import demo_data as data
from desktop.services.operations import writing
from desktop.services.progress import concerned_schools


def database_is_empty(session: Session) -> bool:
    counts = (session.scalar(select(func.count()).select_from(m)) for m in (Roadmap, School, Order))
    return not any(counts)


def open_or_create_demo(path: Path) -> Database:
    """The demo database: created (with the demo district) when missing."""
    fresh = not path.exists()
    database = open_database(path, create=True)
    if fresh:
        create_demo(database)
    return database


def create_demo(database: Database, *, year: int | None = None, today: dt.date | None = None) -> int:
    """Fill an empty database with the demo district; returns the roadmap's id.

    Item statuses follow ``today``: what is past is done (but for a few items
    left overdue on purpose), what has begun is in work.
    """
    today = today or dt.date.today()
    year = year or today.year
    with writing(database) as session:
        if not database_is_empty(session):
            raise UserError("База данных уже содержит данные; демонстрационный район не добавлен")
        return populate(session, year, today)


def populate(session: Session, year: int, today: dt.date) -> int:
    session.add(Authority(**data.AUTHORITY))
    orgs = {short: Organisation(short_name=short, full_name=full) for short, full in data.ORGANISATIONS}
    session.add_all(orgs.values())
    people = {
        name: Person(name=name, position=pos, organisation=orgs[org], phone=phone, email=email)
        for name, pos, org, phone, email in data.PEOPLE
    }
    session.add_all(people.values())
    session.flush()
    schools = _add_schools(session, people, year)
    roadmap = _add_roadmap(session, orgs, people, year, today)
    session.flush()
    _add_checklists(roadmap, schools, today)
    _add_order(session, roadmap, year)
    session.flush()
    return roadmap.id


def _add_schools(session: Session, people: dict[str, Person], year: int) -> list[School]:
    factors = {f.number: f for f in session.scalars(select(RiskFactor))}
    schools = []
    for short, full, director, curator, shnor, shssu, shfzr, years, post, risks in data.SCHOOLS:
        school = School(
            short_name=short, full_name=full, director=director,
            curator=people.get(curator), is_shnor=shnor, is_shssu=shssu, is_shfzr=shfzr,
            post_project=post,
            project_years=[SchoolProjectYear(year=year + offset) for offset in years],
            risk_factors=[factors[n] for n in risks if n in factors],
        )
        schools.append(school)
    session.add_all(schools)
    return schools


def _fill(text: str, year: int) -> str:
    return text.replace("{Y}", str(year)).replace("{P}", str(year - 1))


def _executor(spec: str, position: int, orgs: dict[str, Organisation],
              people: dict[str, Person]) -> ItemExecutor:
    kind, _, value = spec.partition(":")
    if kind == "org":
        return ItemExecutor(position=position, organisation=orgs[value], text=value)
    if kind == "person":
        person = people[value]
        return ItemExecutor(position=position, person=person, text=person.short_name)
    return ItemExecutor(position=position, text=spec)


def _add_roadmap(session: Session, orgs: dict[str, Organisation], people: dict[str, Person],
                 year: int, today: dt.date) -> Roadmap:
    roadmap = Roadmap(
        title=_fill(data.ROADMAP_TITLE, year), level=Level.MUNICIPAL,
        period_start=dt.date(year, 1, 1), period_end=dt.date(year, 12, 31),
        goal=data.ROADMAP_GOAL, tasks=data.ROADMAP_TASKS, status=RoadmapStatus.APPROVED,
    )
    roadmap.columns = preset(DEFAULT_PRESET)
    for s_pos, (title, items) in enumerate(data.SECTIONS, 1):
        section = Section(position=s_pos, number=str(s_pos), title=title)
        for i_pos, row in enumerate(items, 1):
            item = _make_item(row, f"{s_pos}.{i_pos}", i_pos, roadmap, orgs, people, today)
            section.items.append(item)
        roadmap.sections.append(section)
    for month, day, low, high, title in data.MONITORING_POINTS:
        roadmap.monitoring_points.append(
            MonitoringPoint(date=dt.date(year, month, day), target_min=low, target_max=high, title=title)
        )
    session.add(roadmap)
    return roadmap


def _demo_status(plan: str, start: dt.date | None, end: dt.date | None,
                 period_end: dt.date, today: dt.date) -> ItemStatus:
    if end is not None and end < today and end < period_end:
        return ItemStatus.PLANNED if plan == "late" else ItemStatus.DONE
    if start is not None and start <= today:
        return ItemStatus.IN_WORK
    return ItemStatus.PLANNED


def _add_checklists(roadmap: Roadmap, schools: list[School], today: dt.date) -> None:
    """Per-school ticks: all schools for done items, every other school for items in work."""
    year = roadmap.period_start.year
    for item in roadmap.all_items():
        concerned = concerned_schools(item, schools, year)
        for n, school in enumerate(concerned):
            if item.status is ItemStatus.DONE or (item.status is ItemStatus.IN_WORK and n % 2 == 0):
                item.checklist.append(ChecklistRow(
                    school=school, status=ItemStatus.DONE,
                    date=item.done_date or min(today, roadmap.period_end),
                    evidence=item.evidence))
            elif item.status is ItemStatus.IN_WORK:
                item.checklist.append(ChecklistRow(school=school, status=ItemStatus.IN_WORK))


def _make_item(row: tuple, number: str, position: int, roadmap: Roadmap,
               orgs: dict[str, Organisation], people: dict[str, Person], today: dt.date) -> Item:
    activity, deadline, executors, tasks, indicator, evidence, plan, scope = row
    item = Item(
        number=number, position=position, activity=_fill(activity, roadmap.period_start.year),
        tasks=tasks, indicator=indicator, evidence=evidence, school_scope=SchoolScope(scope),
    )
    parsed = item.set_deadline(_fill(deadline, roadmap.period_start.year), roadmap.period)
    item.status = _demo_status(plan, parsed.start, parsed.end, roadmap.period_end, today)
    if item.status is ItemStatus.DONE:
        item.done_date = parsed.end
    item.executors = [_executor(spec, n, orgs, people) for n, spec in enumerate(executors)]
    return item


def _add_order(session: Session, roadmap: Roadmap, year: int) -> Order:
    authority = data.AUTHORITY
    order = Order(
        number="12/1", date=dt.date(year, 1, 28),
        title=f"Об утверждении муниципальной дорожной карты по оказанию адресной методической "
              f"помощи общеобразовательным организациям с низкими образовательными "
              f"результатами в {year} году",
        preamble=data.ORDER_PREAMBLE,
        signatory_position=authority["head_position"], signatory_name=authority["head_name"],
        executor_name=authority["coordinator_name"], executor_phone=authority["coordinator_phone"],
        status=OrderStatus.SIGNED, template="approve_roadmap",
        points=[OrderPoint(position=n, text=_fill(t, year)) for n, t in enumerate(data.ORDER_POINTS)],
        appendices=[OrderAppendix(position=0, kind=AppendixKind.ROADMAP, roadmap_id=roadmap.id,
                                  title=roadmap.title)],
    )
    session.add(order)
    roadmap.approving_order = order
    return order
