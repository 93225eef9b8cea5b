"""Orders from templates: filled from the authority's profile and the roadmap, never saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.errors import UserError
from desktop.export.pdf_order import export_order_pdf
from desktop.models import AppendixKind, ApprovalKind, Order, OrderStatus
from desktop.services.orders import create_order_from_template, decline_title, list_templates
from tests.test_export_pdf_support import demo_database, open_db, page_texts


@pytest.fixture()
def database(tmp_path: Path):
    database = open_db(demo_database(tmp_path))
    yield database
    database.close()


def test_list_templates() -> None:
    keys = dict(list_templates())
    assert set(keys) >= {"approve_roadmap", "appoint_curators", "visit_schedule", "working_group"}
    assert keys["approve_roadmap"].startswith("Об утверждении дорожной карты")


@pytest.mark.parametrize("key", ["approve_roadmap", "appoint_curators", "visit_schedule",
                                 "working_group"])
def test_every_template_fills_authority_and_roadmap(database, key: str) -> None:
    with database.session() as session:
        before = session.scalar(select(func.count()).select_from(Order))
        order = create_order_from_template(session, key, roadmap_id=1)
        texts = [order.title, order.preamble, *(p.text for p in order.points)]
        assert not any("{" in t or "}" in t for t in texts), texts
        assert order.title.startswith("О") and not order.title.endswith(".")
        assert order.signatory_name == "Т.Н. Веретенникова"
        assert order.signatory_position == "Руководитель управления образования"
        assert order.executor_name == "Ёлкина Дарья Сергеевна"
        assert order.executor_phone
        assert order.status is OrderStatus.DRAFT and order.number == "" and order.date is None
        assert order.template == key
        assert order.approvals[0].kind is ApprovalKind.SUBMITTED
        assert order.approvals[0].person_name == "Д.С.\u00a0Ёлкина"
        assert order.appendices
        assert session.scalar(select(func.count()).select_from(Order)) == before


def test_approve_roadmap_names_the_roadmap(database) -> None:
    with database.session() as session:
        order = create_order_from_template(session, "approve_roadmap")
        assert order.title.startswith("Об утверждении муниципальной дорожной карты по оказанию")
        assert order.top_points()[0].text.startswith("Утвердить муниципальную дорожную карту")
        assert "(приложение)" in order.top_points()[0].text
        appendix = order.appendices[0]
        assert appendix.kind is AppendixKind.ROADMAP and appendix.roadmap_id == 1


def test_curators_and_working_group_appendices(database) -> None:
    with database.session() as session:
        curators = create_order_from_template(session, "appoint_curators")
        entries = curators.appendices[0].schedule
        assert len(entries) == 11  # every demo school with a curator
        assert any("Сорокин" in e.responsible for e in entries)
        assert len(curators.top_points()[1].children) == 3
        group = create_order_from_template(session, "working_group")
        members = group.appendices[0].members
        assert members[0].role == "председатель" and "Веретенникова" in members[0].name
        assert members[1].role == "секретарь" and members[1].name == "Ёлкина Дарья Сергеевна"
        assert len({m.name for m in members}) == len(members) > 4


def test_unknown_template_and_roadmap(database) -> None:
    with database.session() as session:
        with pytest.raises(UserError, match="Неизвестный шаблон"):
            create_order_from_template(session, "nope")
        with pytest.raises(UserError, match="не найдена"):
            create_order_from_template(session, "approve_roadmap", roadmap_id=99)


def test_saved_draft_exports(database, tmp_path: Path) -> None:
    with database.session() as session:
        order = create_order_from_template(session, "appoint_curators")
        session.add(order)
        session.flush()
        pdf = export_order_pdf(session, order.id, tmp_path / "draft.pdf")
    text = " ".join(" ".join(page_texts(pdf)).split())
    assert "ПРОЕКТ" in text and "Кураторам:" in text and "2.1. оказывать" in text
    assert "Проект внесен:" in text and "МБОУ «Берёзовская средняя школа»" in text


def test_decline_title() -> None:
    assert decline_title("Дорожная карта работы", "gen") == "дорожной карты работы"
    assert decline_title("План-график мероприятий", "acc") == "план-график мероприятий"
    assert decline_title("Муниципальная дорожная карта", "acc") == "муниципальную дорожную карту"
    assert decline_title("Мероприятия", "gen") == "дорожной карты «Мероприятия»"
