"""Property: every export of any roadmap finishes, and the PDFs give back every activity.

Random roadmaps of 1–300 items whose cells hold 0–3,000 characters in 0–12 paragraphs,
with and without goal, tasks, approvals, sections and the document's other parts, on A4
and A3: the order, the roadmap-only PDF, the Gantt PDF and the xlsx are all written;
``pdftotext`` gives back every activity from the order's appendix and the roadmap PDF,
and openpyxl reads every activity back from the xlsx. Text is generated from a seed that
hypothesis draws, with the sizes it draws, so a failure shrinks to a small roadmap.
Bounded to about a minute (``max_examples``).
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.export.pdf_order import render_order_pdf
from desktop.export.pdf_roadmap import export_roadmap_pdf
from desktop.export.pdf_settings import OrderPdfSettings
from desktop.export.xlsx import export_roadmap_xlsx
from desktop.models import (
    ApprovalKind,
    Item,
    ItemExecutor,
    OrderApproval,
    Roadmap,
    Section,
    TargetIndicator,
)
from desktop.models.columns import PRESETS
from desktop.models.database import open_database
from desktop.painting.gantt import export_gantt
from desktop.services.orders import order_for_roadmap
from tests.test_export_pdf import activity_column
from tests.test_export_pdf_support import norm, page_texts

WORDS = ("школа", "учитель", "ёлочка", "«500+»", "№", "—", "мониторинг", "обучающихся",
         "методическое", "сопровождение", "ШНОР", "2026", "ВПР", "куратор", "анализ",
         "самодиагностика", "антирисковая", "программа", "педагогов", "и", "в", "по",
         "внутришкольнаясистемаповышенияквалификацииучителей")
PERIOD = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
DEADLINES = ("До 15.02.2026", "Январь 2026", "еженедельно по четвергам", "постоянно",
             "18.01.02.2026", "", "01.03.-20.05.2026")


def text(rng: random.Random, limit: int, paragraphs: int) -> str:
    """0..``limit`` characters in 0..``paragraphs`` paragraphs, most cells short."""
    size = int(limit * rng.random() ** 4)
    count = rng.randint(0, paragraphs)
    if size == 0 or count == 0:
        return ""
    words: list[str] = []
    while sum(len(w) + 1 for w in words) < size:
        words.append(rng.choice(WORDS))
    cuts = sorted(rng.sample(range(1, len(words)), min(count - 1, len(words) - 1))) \
        if len(words) > 1 else []
    parts = [" ".join(words[a:b]) for a, b in zip([0, *cuts], [*cuts, len(words)], strict=True)]
    return "\n".join(parts)


def build(session, seed: int, items: int, limit: int, paragraphs: int, *, goal: bool,
          tasks: bool, sections: bool, parts: bool, preset: str) -> Roadmap:
    rng = random.Random(seed)
    roadmap = Roadmap(title=f"Дорожная карта {seed}", period_start=PERIOD[0],
                      period_end=PERIOD[1], goal=text(rng, limit, paragraphs) if goal else "",
                      tasks=text(rng, limit, paragraphs) if tasks else "")
    roadmap.columns = PRESETS[preset][1]
    if parts:
        roadmap.passport_problem = text(rng, limit, paragraphs)
        roadmap.basis_documents = text(rng, 400, 5)
        roadmap.indicator_periods = ["2025/2026", "2026/2027"]
        roadmap.indicators = [TargetIndicator(name=text(rng, 300, 2) or "Показатель",
                                              values=["1", "2"])]
    count = rng.randint(1, 6) if sections else 1
    holders = [Section(position=n, number=str(n + 1) if sections else "",
                       title=f"Раздел {n + 1}" if sections else "") for n in range(count)]
    for n in range(items):
        item = Item(position=n, number=f"{n + 1}.",
                    activity=text(rng, limit, paragraphs) or f"Мероприятие {n + 1}",
                    tasks=text(rng, limit, paragraphs), indicator=text(rng, limit, paragraphs),
                    info_support=text(rng, limit, paragraphs))
        item.set_deadline(rng.choice(DEADLINES), PERIOD)
        item.executors = [ItemExecutor(position=0, text=text(rng, 200, 2) or "ИМЦ")]
        holders[rng.randrange(count)].items.append(item)
    roadmap.sections = holders
    session.add(roadmap)
    session.flush()
    return roadmap


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory):
    db = open_database(tmp_path_factory.mktemp("prop") / "prop.db", create=True)
    yield db
    db.close()


@settings(max_examples=10, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), items=st.integers(1, 300), limit=st.integers(0, 3000),
       paragraphs=st.integers(0, 12), goal=st.booleans(), tasks=st.booleans(),
       approvals=st.booleans(), sections=st.booleans(), parts=st.booleans(),
       paper=st.sampled_from(["A4", "A3"]), preset=st.sampled_from(sorted(PRESETS)))
def test_every_export_finishes_and_gives_back_every_activity(
        qapp, database, tmp_path: Path, seed: int, items: int, limit: int, paragraphs: int,
        goal: bool, tasks: bool, approvals: bool, sections: bool, parts: bool, paper: str,
        preset: str) -> None:
    pdf_settings = OrderPdfSettings(appendix_paper=paper)
    with database.session() as session:
        roadmap = build(session, seed, items, limit, paragraphs, goal=goal, tasks=tasks,
                        sections=sections, parts=parts, preset=preset)
        activities = [i.activity for i in roadmap.all_items()]
        columns = roadmap.columns
        order = order_for_roadmap(session, roadmap.id)
        if approvals:
            order.approvals = [OrderApproval(kind=ApprovalKind.SUBMITTED, position=0,
                                             person_position="Главный специалист",
                                             person_name="А.А. Петрова", signature_line=True)]
        order_pdf, roadmap_pdf = tmp_path / "order.pdf", tmp_path / "roadmap.pdf"
        render_order_pdf(session, order, order_pdf, settings=pdf_settings)
        export_roadmap_pdf(session, roadmap.id, roadmap_pdf, settings=pdf_settings)
        xlsx = export_roadmap_xlsx(session, roadmap.id, tmp_path / "roadmap.xlsx")
        session.commit()
        roadmap_id = roadmap.id
    gantt = export_gantt(database, roadmap_id, tmp_path / "gantt.pdf", paper=paper)
    assert gantt.stat().st_size > 0 and page_texts(gantt)

    for pdf in (order_pdf, roadmap_pdf):
        stream = activity_column(pdf, columns, pdf_settings)
        missing = [a for a in activities if norm(a) not in stream]
        assert not missing, (pdf.name, missing[:2])
    book = openpyxl.load_workbook(xlsx, read_only=True)
    cells = {norm(str(v)) for row in book.worksheets[0].iter_rows(values_only=True)
             for v in row if v}
    book.close()
    assert all(norm(a) in cells for a in activities)
    with database.session() as session:
        session.delete(session.get(Roadmap, roadmap_id))
        session.commit()
