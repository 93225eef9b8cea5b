"""Typesetting as documents do it: signature kept with the text, headings with their first row,
approval blocks as the order has them, the «от» date line, the user's text as typed, executors
split where a new name begins."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx import Document

from desktop.export.docx_order import export_order_docx
from desktop.export.pdf_order import export_order_pdf
from desktop.models import (
    ApprovalKind,
    Item,
    ItemExecutor,
    Order,
    OrderApproval,
    OrderPoint,
    Person,
    Roadmap,
    Section,
)
from desktop.models.columns import Column, Field, preset, profile_from_json, profile_to_json
from desktop.models.executors import join_executors, split_executors
from desktop.services.table import roadmap_table
from tests.test_export_pdf_support import page_texts

PLESETSKAYA = "О.В. Плесецкая - директор МКУО КМЦ. И.Н. Хняч - директор МКУО ЦОКО"


def _order(session, points: list[str], **fields) -> Order:
    order = Order(number="12/1", date=dt.date(2026, 1, 28), title="Об организации работы",
                  preamble="В целях повышения качества образования", signatory_position=
                  "Начальник управления образования", signatory_name="Т.Н. Веретенникова",
                  **fields)
    order.points = [OrderPoint(position=n, text=t) for n, t in enumerate(points)]
    session.add(order)
    session.flush()
    return order


def test_signature_shares_its_page_with_the_last_point(db, tmp_path: Path) -> None:
    pdf = tmp_path / "order.pdf"
    lead = [f"Пункт номер {n}: " + "текст пункта приказа " * 14 for n in range(1, 6)]
    with db.session() as s:
        # the text grows line by line past the page foot: at some length the signature
        # alone would fall onto page 2
        for extra in range(0, 120, 4):
            order = _order(s, [*lead, "Контроль оставляю за собой " + "и слово " * extra])
            export_order_pdf(s, order.id, pdf)
            texts = page_texts(pdf)
            signed = [n for n, t in enumerate(texts) if "Веретенникова" in t]
            assert len(signed) == 1
            assert "Контроль" in texts[signed[0]] or "слово" in texts[signed[0]], extra
            s.delete(order)


def test_approval_block_prints_only_what_it_has(db, tmp_path: Path) -> None:
    pdf = tmp_path / "order.pdf"
    with db.session() as s:
        order = _order(s, ["Утвердить план"])
        order.approvals = [
            OrderApproval(kind=ApprovalKind.SUBMITTED, position=0,
                          person_position="Главный специалист", person_name="А.А. Петрова"),
            OrderApproval(kind=ApprovalKind.AGREED, position=1, person_position="Юрист",
                          person_name="Б.Б. Сидоров", signature_line=True, date_line=True),
        ]
        s.flush()
        export_order_pdf(s, order.id, pdf)
        text = page_texts(pdf)[0]
        docx = export_order_docx(s, order.id, tmp_path / "order.docx")
    assert "Проект внесен" in text and "Петрова" in text and "Сидоров" in text
    # one signature line and one blank date: the «СОГЛАСОВАНО» block's, which asks for them
    assert text.count("____________") == 1 and text.count("20__") == 1
    words = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    petrova = next(line for line in words.splitlines() if "Петрова" in line)
    sidorov = next(line for line in words.splitlines() if "Сидоров" in line)
    assert "_" not in petrova and "____________" in sidorov and words.count("20__") == 1


def test_date_line_with_ot_and_user_text_as_typed(db, tmp_path: Path) -> None:
    pdf = tmp_path / "order.pdf"
    with db.session() as s:
        order = _order(s, ["Назначить №5 ответственным, см. приказ от 13 января 2023 г."],
                       settings={"date_with_ot": True})
        export_order_pdf(s, order.id, pdf)
        text = page_texts(pdf)[0]
    assert "от\u00a028.01.2026" in text or "от 28.01.2026" in text
    assert "№5 ответственным" in text  # not re-spaced to «№ 5»
    assert "13 января 2023 г." in text  # the user's spaces, not no-break ones


def test_executors_split_where_a_new_name_begins() -> None:
    assert split_executors(PLESETSKAYA) == ["О.В. Плесецкая - директор МКУО КМЦ.",
                                            "И.Н. Хняч - директор МКУО ЦОКО"]
    assert join_executors(split_executors(PLESETSKAYA)) == PLESETSKAYA
    assert split_executors("МКУ «Управление образования г. Балахта», ИМЦ; кураторы") == [
        "МКУ «Управление образования г. Балахта»", "ИМЦ", "кураторы"]
    assert split_executors("Руководитель ОО. Хняч И.Н.") == ["Руководитель ОО.", "Хняч И.Н."]


def test_directory_person_prints_with_position_when_the_column_asks(db) -> None:
    columns = tuple(Column(c.field, c.heading, with_position=c.field is Field.EXECUTORS)
                    for c in preset("default"))
    assert profile_from_json(profile_to_json(columns)) == columns
    with db.session() as s:
        person = Person(name="Плесецкая Ольга Викторовна", position="директор МКУО КМЦ")
        roadmap = Roadmap(title="Т", period_start=dt.date(2026, 1, 1),
                          period_end=dt.date(2026, 12, 31))
        item = Item(number="1", activity="А")
        item.executors = [ItemExecutor(position=0, person=person), ItemExecutor(position=1,
                                                                                text="ИМЦ")]
        roadmap.sections = [Section(title="", number="", items=[item])]
        s.add(roadmap)
        s.flush()
        roadmap.columns = columns
        with_pos = roadmap_table(roadmap).item_rows()[0].values[Field.EXECUTORS]
        roadmap.columns = preset("default")
        plain = roadmap_table(roadmap).item_rows()[0].values[Field.EXECUTORS]
    assert with_pos == "О.В.\u00a0Плесецкая – директор МКУО КМЦ, ИМЦ"
    assert plain == "О.В.\u00a0Плесецкая, ИМЦ"
