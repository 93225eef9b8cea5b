"""The registry and directories service: records, validated edits, exact undo of deletions,
and a school list pasted from Excel (no Qt)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from desktop.errors import UserError
from desktop.models import ItemExecutor, Organisation, Person, RiskFactor, School
from desktop.services import registry


def _school_id(session, short: str) -> int:
    return session.scalar(select(School.id).where(School.short_name == short))


def test_create_edit_and_read_a_school(db) -> None:
    with db.session() as s:
        curator = registry.create(s, "person", {"name": "Сорокин Илья Павлович"})
        school = registry.create(s, "school", {
            "short_name": " БСШ1 ", "full_name": "МБОУ «Берёзовская СШ № 1»", "is_shnor": True,
            "project_years": "2026, 2025", "curator_id": curator})
        factors = list(s.scalars(select(RiskFactor.id).order_by(RiskFactor.number)))[:2]
        registry.set_value(s, "school", school, "risk_factor_ids", factors)
        registry.set_value(s, "school", school, "director", "Абрамова Н.В.")
    with db.session() as s:
        [record] = registry.school_records(s)
    assert record["short_name"] == "БСШ1"
    assert record["project_years"] == [2025, 2026]
    assert record["curator"] == "И.П.\u00a0Сорокин"
    assert record["risk_factor_ids"] == factors
    assert record["categories"] == ["ШНОР", "«500+» 2025, 2026"]
    assert record["director"] == "Абрамова Н.В."


@pytest.mark.parametrize(("kind", "name", "value", "message"), [
    ("school", "short_name", "ксош1", "уже есть в реестре"),
    ("school", "short_name", "  ", "Краткое наименование школы не может быть пустым"),
    ("school", "full_name", "", "Полное наименование школы не может быть пустым"),
    ("school", "project_years", "2025, 26", "четырьмя цифрами"),
    ("school", "project_years", "двадцать", "не год: «двадцать»"),
    ("organisation", "short_name", "уо", "Организация «уо» уже есть"),
    ("organisation", "short_name", "", "не может быть пустым"),
    ("person", "name", "", "ФИО не может быть пустым"),
])
def test_bad_values_are_refused_in_russian_and_change_nothing(demo_db, kind, name, value,
                                                              message) -> None:
    table = {"school": School, "organisation": Organisation, "person": Person}[kind]
    with demo_db.session() as s:
        target = s.scalars(select(table).order_by(table.id)).all()[1]
        row_id, before = target.id, registry.get_value(s, kind, target.id, name)
    with pytest.raises(UserError, match=message), demo_db.session() as s:
        registry.set_value(s, kind, row_id, name, value)
    with demo_db.session() as s:
        assert registry.get_value(s, kind, row_id, name) == before


def test_new_rows_are_validated_too(demo_db) -> None:
    with pytest.raises(UserError, match="уже есть"), demo_db.session() as s:
        registry.create(s, "school", {"short_name": "ОСШ", "full_name": "Другая"})
    with pytest.raises(UserError, match="Полное наименование"), demo_db.session() as s:
        registry.create(s, "school", {"short_name": "НОВАЯ"})
    with demo_db.session() as s:
        assert s.scalar(select(func.count()).select_from(School)) == 12
        number = registry.create(s, "risk_factor", {"title": "Новый фактор"})
        assert s.get(RiskFactor, number).number == 11


def test_deleting_a_school_and_restoring_it_brings_back_every_link(demo_db) -> None:
    with demo_db.session() as s:
        school_id = _school_id(s, "КСОШ1")
        before = [r for r in registry.school_records(s) if r["id"] == school_id]
        links = s.execute(select(func.count()).select_from(
            registry._table("checklist_rows"))).scalar()
    with demo_db.session() as s:
        snap = registry.delete_row(s, "school", school_id)
    with demo_db.session() as s:
        assert s.get(School, school_id) is None
        assert snap.cascaded  # project years, risk factors, checklist rows
    with demo_db.session() as s:
        registry.restore_row(s, snap)
    with demo_db.session() as s:
        assert [r for r in registry.school_records(s) if r["id"] == school_id] == before
        assert s.execute(select(func.count()).select_from(
            registry._table("checklist_rows"))).scalar() == links


def test_deleting_an_organisation_keeps_executor_text_and_undo_relinks(demo_db) -> None:
    with demo_db.session() as s:
        org = s.scalar(select(Organisation).where(Organisation.short_name == "ИМЦ"))
        org_id = org.id
        executors = s.scalars(select(ItemExecutor.id).where(
            ItemExecutor.organisation_id == org_id)).all()
        people = s.scalars(select(Person.id).where(Person.organisation_id == org_id)).all()
        assert executors and people
    with demo_db.session() as s:
        snap = registry.delete_row(s, "organisation", org_id)
    with demo_db.session() as s:
        rows = [s.get(ItemExecutor, i) for i in executors]
        assert all(r.organisation_id is None and r.display == "ИМЦ" for r in rows)
        assert all(s.get(Person, p).organisation_id is None for p in people)
    with demo_db.session() as s:
        registry.restore_row(s, snap)
    with demo_db.session() as s:
        assert s.get(Organisation, org_id).short_name == "ИМЦ"
        assert all(s.get(ItemExecutor, i).organisation_id == org_id for i in executors)
        assert all(s.get(Person, p).organisation_id == org_id for p in people)


PASTED = (
    "Краткое\tПолное\tДиректор\tКатегории\t500+\n"
    "НСШ\tМБОУ «Новая средняя школа»\tИванов И.И.\tШНОР, ШССУ\t2026\n"
    "\n"
    "ОСШ\tМБОУ «Ольховская СШ» (дубль)\tКто-то\n"
    "НСШ\tМБОУ «Новая СШ» (повтор в списке)\t\n"
    "\tБез краткого\t\n"
    "ТСШ\t\tБез полного\n"
    "ВСШ2\tМБОУ «Вторая Верхнереченская СШ»\t\tпостпроектное\n"
    "ЗСШ\tМБОУ «Заречная СШ»\t\tШНОР\t26\n"
)


def test_pasted_list_preview_adds_new_and_explains_skips(demo_db) -> None:
    with demo_db.session() as s:
        preview = registry.parse_pasted_schools(s, PASTED)
    assert [p.values["short_name"] for p in preview.added] == ["НСШ", "ВСШ2"]
    first = preview.added[0].values
    assert first["is_shnor"] and first["is_shssu"] and first["project_years"] == [2026]
    assert preview.added[1].values["post_project"] is True
    reasons = {line: reason for line, _text, reason in preview.skipped}
    assert "уже есть" in reasons[4] and "уже есть" in reasons[5]
    assert "краткое наименование" in reasons[6]
    assert "полное наименование" in reasons[7]
    assert "четырьмя цифрами" in reasons[9]
