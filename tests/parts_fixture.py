"""A roadmap with every part a real document has: passport, basis documents, justification,
goal and tasks under the document's own headings, target indicators per school year, no
sections (a flat list), a closing signature and a consultation schedule grouped by month.

Shaped after the regional sample (Kuzbass passport, consultation appendix) and the district
ones; used by the PDF, Word and Excel tests and the screenshot script. No tests here.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from desktop.models import (
    Item,
    ItemExecutor,
    Roadmap,
    RoadmapAppendix,
    RoadmapAppendixRow,
    Section,
    TargetIndicator,
)
from desktop.models.columns import preset

PERIOD = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))

PASSPORT = {
    "passport_problem": "Низкие образовательные результаты обучающихся в 7 школах района",
    "passport_developer": "Отдел образования администрации Краснолесского района",
    "passport_stages": "2026 год: I этап — январь–март (диагностический), II этап — апрель–декабрь",
    "passport_working_group": "Специалисты отдела образования, руководители школ, кураторы",
}
BASIS = ("Федеральный закон от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации»\n"
         "Приказ министерства образования области от 10.01.2026 № 12 «О реализации проекта «500+»»")
JUSTIFICATION = ("По итогам ВПР 2025 года в группу ШНОР вошли:\n"
                 "- МБОУ «Сосновская СОШ» (ШНОР, ШССУ);\n- МБОУ «Луговская ООШ» (ШНОР)")
GOAL_HEADING = "1. Цели реализации дорожной карты"
TASKS_HEADING = "2. Задачи дорожной карты"
GOAL = "Повышение качества образования в школах с низкими результатами обучения"
TASKS = "Организовать адресную методическую помощь\nОбеспечить мониторинг динамики результатов"
INDICATOR_PERIODS = ["2025/2026", "2026/2027"]
INDICATORS = [("Доля школ, вышедших из группы ШНОР", "%", ["30", "не менее 50"]),
              ("Количество педагогов, прошедших курсы", "чел.", ["40", "60"])]
CLOSING = ("Начальник отдела образования администрации Краснолесского района", "И.П. Сидорова")
SCHEDULE = [("Январь", None, None), ("Консультация по самодиагностике", "20.01.2026", "ИМЦ"),
            ("Февраль", None, None),
            ("Консультация по антирисковым программам", "до 15.02.2026", "Кураторы школ")]
ITEMS = 25


def flat_activity(n: int) -> str:
    return f"Мероприятие плоского списка номер {n}: методический семинар для педагогов школ"


def add_parts_roadmap(session: Session) -> Roadmap:
    """The roadmap above, stored; returns it."""
    roadmap = Roadmap(title="Дорожная карта по повышению качества образования в школах "
                            "с низкими результатами обучения на 2026 год",
                      period_start=PERIOD[0], period_end=PERIOD[1], goal=GOAL, tasks=TASKS,
                      basis_documents=BASIS, justification=JUSTIFICATION,
                      indicator_periods=INDICATOR_PERIODS,
                      closing_position=CLOSING[0], closing_name=CLOSING[1],
                      layout_json={"headings": {"goal": GOAL_HEADING, "tasks": TASKS_HEADING}},
                      **PASSPORT)
    roadmap.columns = preset("kaliningrad")
    section = Section(position=0, number="", title="")
    for n in range(1, ITEMS + 1):
        item = Item(position=n, number=f"{n}.", activity=flat_activity(n))
        item.set_deadline(f"До {n % 28 + 1:02d}.{n % 12 + 1:02d}.2026", PERIOD)
        item.executors = [ItemExecutor(position=0, text="Отдел образования")]
        section.items.append(item)
    roadmap.sections.append(section)
    roadmap.indicators = [TargetIndicator(position=n, name=name, unit=unit, values=values)
                          for n, (name, unit, values) in enumerate(INDICATORS)]
    appendix = RoadmapAppendix(position=0, title="График консультаций для школ", number="1",
                               headings=["Тема консультации", "Дата", "Ответственный"])
    for n, (topic, date, who) in enumerate(SCHEDULE):
        row = RoadmapAppendixRow(position=n, is_group=date is None, topic=topic,
                                 responsible=who or "")
        row.set_date_text(date or "", PERIOD)
        appendix.rows.append(row)
    roadmap.appendices = [appendix]
    session.add(roadmap)
    session.flush()
    return roadmap
