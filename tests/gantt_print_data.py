"""A three-year roadmap of 31 items in 6 sections, some with long titles (issue 23: its Gantt
PDF had 12 pages, every other one with a single row, and titles cut with «…»)."""

from __future__ import annotations

import datetime as dt

from desktop.models import Item, Roadmap, Section
from desktop.models.database import Database

PERIOD = (dt.date(2021, 1, 1), dt.date(2023, 12, 31))
TITLE = ("Муниципальная дорожная карта по оказанию адресной методической помощи "
         "общеобразовательным организациям с низкими образовательными результатами "
         "Краснолесского муниципального района на 2021–2023 годы")
#: items per section
SECTION_SIZES = (6, 5, 5, 5, 5, 5)
LONG = ("Проведение серии обучающих семинаров для заместителей директоров по учебно-"
        "воспитательной работе по вопросам анализа результатов оценочных процедур и "
        "построения индивидуальных образовательных маршрутов обучающихся")
DEADLINES = ("февраль 2021-декабрь 2023", "До 15.02.2021", "01.03-30.04.2022", "Сентябрь 2022",
             "2023", "апрель-май 2021, 2022, 2023гг")


def activity(number: str, n: int, long_titles: bool) -> str:
    """With ``long_titles`` every fifth item has a long title; the others a short one."""
    if long_titles and n % 5 == 0:
        return f"{LONG} (мероприятие {number})"
    return f"Мероприятие {number}: совещание с руководителями школ"


def build_31(database: Database, *, long_titles: bool = True) -> tuple[int, list[str]]:
    """The roadmap's id and its items' labels as printed («1.1 Мероприятие 1.1: …»)."""
    labels: list[str] = []
    with database.session() as s:
        roadmap = Roadmap(title=TITLE, period_start=PERIOD[0], period_end=PERIOD[1])
        n = 0
        for position, size in enumerate(SECTION_SIZES, 1):
            section = Section(position=position, number=str(position),
                              title=f"Раздел {position}. Организационно-методическая работа")
            for k in range(1, size + 1):
                number = f"{position}.{k}"
                item = Item(number=number, position=k, activity=activity(number, n, long_titles))
                item.set_deadline(DEADLINES[n % len(DEADLINES)], PERIOD)
                section.items.append(item)
                labels.append(f"{number} {item.activity}")
                n += 1
            roadmap.sections.append(section)
        s.add(roadmap)
        s.flush()
        assert n == 31
        return roadmap.id, labels
