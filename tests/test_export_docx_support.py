"""Helpers for the Word export tests: a roadmap with every document part, LibreOffice, XML walks.

No tests here. LibreOffice is required (``make test`` installs it): a missing
``soffice`` fails the test with a clear message instead of skipping it.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from sqlalchemy.orm import Session

from desktop.models import (
    AppendixKind,
    ApprovalKind,
    Authority,
    Item,
    ItemExecutor,
    Order,
    OrderAppendix,
    OrderApproval,
    OrderPoint,
    Organisation,
    Roadmap,
    RoadmapAppendix,
    RoadmapAppendixRow,
    Section,
    TargetIndicator,
)
from desktop.models.columns import preset

PERIOD = (dt.date(2022, 1, 1), dt.date(2022, 12, 31))
#: values typed into each part, to find again in the files
PARTS = {
    "passport_problem": "Низкие результаты ВПР в школах «Ёлочка» и № 3",
    "passport_developer": "МКУО «Центр оценки качества образования»",
    "passport_stages": "2022 год",
    "passport_working_group": "Специалисты ЦОКО, руководители школ-участниц",
    "basis_documents": "Федеральный закон от 29.12.2012 № 273-ФЗ\nПриказ министерства № 15/2",
    "justification": "Школы категории А: № 1, № 7 — результаты ниже порога\n- школа № 9",
    "goal": "Повышение качества образования в школах района",
    "tasks": "Выявить факторы риска\nОрганизовать консультации",
}
HEADINGS = {"goal": "1. Цели дорожной карты", "tasks": "2. Задачи дорожной карты"}
PERIODS = ["2021/2022", "2022/2023"]
INDICATOR = ("Доля школ, вышедших из списка ШНОР", "%", ["не менее 15", "30"])
CLOSING = ("Директор МКУО ЦОКО", "И.Н. Хняч")
MONTHS = ("Январь", "Февраль")
CONSULTATIONS = (("Анализ результатов ВПР", "18.01.2022", "О.В. Плесецкая"),
                 ("Учебная неуспешность: профилактика", "15.02.2022", "И.Н. Хняч"))
ACTIVITIES = [f"Мероприятие «Ёмкое» № {n} — консультации для школ – участниц" for n in range(1, 26)]


def soffice() -> str:
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None:
        pytest.fail("LibreOffice (soffice) is required by the Word export tests but is not installed")
    return path


def to_pdf(files: list[Path], folder: Path) -> list[Path]:
    """Convert ``files`` with LibreOffice headless (a profile of its own, a timeout)."""
    profile = folder / "lo-profile"
    result = subprocess.run(
        [soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(folder), *map(str, files)],
        capture_output=True, text=True, timeout=240)
    pdfs = [folder / (f.stem + ".pdf") for f in files]
    missing = [p for p in pdfs if not p.exists()]
    assert not missing, f"LibreOffice wrote no PDF: {result.stdout} {result.stderr}"
    return pdfs


def add_full_roadmap(session: Session, *, sections: bool = False) -> Roadmap:
    """A roadmap of 25 items with every part, a schedule appendix with month groups, and its
    approving order; without sections (one untitled section) unless ``sections``."""
    if session.query(Authority).first() is None:
        session.add(Authority(full_name="Управление образования администрации района",
                              short_name="УО района", city="г. Славянск-на-Кубани",
                              head_position="Начальник управления", head_name="К.А. Кузьмин"))
    org = Organisation(short_name="ЦОКО", full_name="Центр оценки качества образования")
    roadmap = Roadmap(title="Дорожная карта «Ёлочка» по поддержке школ в 2022 году",
                      period_start=PERIOD[0], period_end=PERIOD[1], **PARTS,
                      indicator_periods=PERIODS, closing_position=CLOSING[0],
                      closing_name=CLOSING[1], layout_json={"headings": HEADINGS})
    roadmap.columns = preset("default")
    roadmap.indicators.append(TargetIndicator(position=0, name=INDICATOR[0], unit=INDICATOR[1],
                                              values=INDICATOR[2]))
    count = 5 if sections else 1
    per = len(ACTIVITIES) // count
    for s in range(count):
        section = Section(position=s, number=str(s + 1) if sections else "",
                          title=f"Раздел «{s + 1}» — ёмкий" if sections else "")
        for i in range(per):
            n = s * per + i
            item = Item(position=i, number=f"{s + 1}.{i + 1}" if sections else f"{n + 1}.",
                        activity=ACTIVITIES[n], indicator="100% ОО — проинформированы")
            item.set_deadline("17.01.2022 – 04.02.2022", PERIOD)
            item.executors = [ItemExecutor(position=0, organisation=org, text="ЦОКО")]
            section.items.append(item)
        roadmap.sections.append(section)
    appendix = RoadmapAppendix(position=0, title="График консультаций", number="2",
                               doc_number="5", doc_date=dt.date(2022, 1, 10))
    position = 0
    for month, (topic, date, who) in zip(MONTHS, CONSULTATIONS, strict=True):
        appendix.rows.append(RoadmapAppendixRow(position=position, is_group=True, topic=month))
        row = RoadmapAppendixRow(position=position + 1, topic=topic, responsible=who)
        row.set_date_text(date, PERIOD)
        appendix.rows.append(row)
        position += 2
    roadmap.appendices.append(appendix)
    session.add(roadmap)
    session.flush()
    order = Order(number="28/1", date=dt.date(2022, 1, 13),
                  title="Об утверждении дорожной карты по поддержке школ.",
                  preamble="В целях реализации проекта «500+»",
                  signatory_position="Начальник управления\nобразования", signatory_name="К.А. Кузьмин",
                  executor_name="Ёлкина Дарья Сергеевна", executor_phone="+7 (391) 555-01-23",
                  points=[OrderPoint(position=0, text="Утвердить дорожную карту (приложение)."),
                          OrderPoint(position=1, text="Контроль оставляю за собой.")],
                  approvals=[OrderApproval(kind=ApprovalKind.SUBMITTED, position=0,
                                           person_position="Директор МКУО ЦОКО",
                                           person_name="И.Н. Хняч")],
                  appendices=[OrderAppendix(position=0, kind=AppendixKind.ROADMAP,
                                            roadmap_id=roadmap.id, title=roadmap.title)])
    session.add(order)
    session.flush()
    roadmap.approving_order = order
    session.flush()
    return roadmap


def texts(element: object) -> str:
    """Every ``w:t`` under an XML element, joined (what the reader sees)."""
    return "".join(t.text or "" for t in element.iter(qn("w:t")))  # type: ignore[attr-defined]


def body_texts(document: object) -> list[str]:
    """The text of each paragraph and table cell of the body, in document order."""
    out: list[str] = []
    for p in document.element.body.iter(qn("w:p")):  # type: ignore[attr-defined]
        out.append(texts(p))
    return out
