"""A small hand-built roadmap whose report figures are worked out by hand in the tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.models import (
    Item,
    ItemExecutor,
    MonitoringPoint,
    Roadmap,
    School,
    SchoolProjectYear,
    Section,
)
from desktop.models.database import Database
from desktop.models.enums import ItemStatus, SchoolScope

D = dt.date
PERIOD = (D(2026, 1, 1), D(2026, 12, 31))

#: number, deadline, status, done date, executor, scope
ITEMS = (
    ("1.1", "До 31.03.2026", ItemStatus.DONE, D(2026, 3, 20), "Отдел образования", "none"),
    ("1.2", "До 31.05.2026", ItemStatus.DONE, D(2026, 7, 10), "Отдел образования", "none"),
    ("1.3", "До 30.04.2026", ItemStatus.IN_WORK, None, "ММС", "none"),
    ("1.4", "Ежеквартально", ItemStatus.PLANNED, None, "ММС", "none"),
    ("2.1", "До 10.07.2026", ItemStatus.PLANNED, None, "ММС", "none"),
    ("2.2", "Сентябрь 2026", ItemStatus.PLANNED, None, "Отдел образования", "none"),
    ("2.3", "Постоянно", ItemStatus.IN_WORK, None, "ММС", "none"),
    ("2.4", "До 15.06.2026", ItemStatus.CANCELLED, None, "ММС", "none"),
    ("2.5", "До 31.05.2026", ItemStatus.PLANNED, None, "Руководители школ", "all_500"),
)


@dataclass
class Built:
    roadmap_id: int
    items: dict[str, int]   #: number → item id
    schools: dict[str, int]  #: short name → school id


def build(database: Database) -> Built:
    """Three schools (two in «500+» 2026), the items above in two sections, two points."""
    with database.session() as s:
        schools = [School(full_name=f"МБОУ {n}", short_name=n) for n in ("СОШ1", "СОШ2", "СОШ3")]
        for school in schools[:2]:
            school.project_years.append(SchoolProjectYear(year=2026))
        schools[2].is_shnor = True
        s.add_all(schools)
        roadmap = Roadmap(title="Проверочная дорожная карта", period_start=PERIOD[0],
                          period_end=PERIOD[1])
        sections = [Section(position=1, number="1", title="Организация"),
                    Section(position=2, number="2", title="Методика")]
        for n, (number, deadline, status, done, executor, scope) in enumerate(ITEMS):
            item = Item(number=number, position=n, activity=f"Мероприятие {number}",
                        status=status, done_date=done, school_scope=SchoolScope(scope),
                        evidence="Приказ")
            item.set_deadline(deadline, PERIOD)
            item.executors = [ItemExecutor(position=0, text=executor)]
            sections[0 if number.startswith("1") else 1].items.append(item)
        roadmap.sections = sections
        roadmap.monitoring_points = [
            MonitoringPoint(date=D(2026, 6, 30), target_min=30, target_max=40, title="Полугодие"),
            MonitoringPoint(date=D(2026, 11, 30), target_min=70, target_max=None, title="Ноябрь")]
        s.add(roadmap)
        s.flush()
        return Built(roadmap.id, {i.number: i.id for i in roadmap.all_items()},
                     {sc.short_name: sc.id for sc in schools})
