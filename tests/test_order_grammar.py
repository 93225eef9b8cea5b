"""Orders from templates put names and the authority in the case the sentence needs, on
paper: the PDF read back with pdftotext, the Word copy with python-docx."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from sqlalchemy import select

from desktop.errors import UserError
from desktop.export.docx_order import export_order_docx
from desktop.export.pdf_order import export_order_pdf
from desktop.models import Authority, Person
from desktop.services.orders import _fill, create_order_from_template, placeholders
from tests.test_export_pdf_support import demo_database, open_db, page_texts

AUTHORITY_GEN = "Управления образования администрации Краснолесского муниципального района"


@pytest.fixture()
def database(tmp_path: Path):
    database = open_db(demo_database(tmp_path))
    yield database
    database.close()


def _flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def _use_full_name_in_marks(session) -> None:
    """The demo's short name «УО Краснолесского района» is an abbreviation (stays as typed);
    without it the marks name the authority by its full name, which declines."""
    session.scalar(select(Authority)).short_name = ""


def test_order_pdf_and_docx_print_the_declined_forms(database, tmp_path: Path) -> None:
    with database.session() as session:
        _use_full_name_in_marks(session)
        order = create_order_from_template(session, "approve_roadmap", roadmap_id=1)
        session.add(order)
        session.flush()
        assert order.points[1].text.startswith(
            "Муниципальному координатору (Д.С.\u00a0Ёлкиной) обеспечить")
        assert order.approvals[0].person_name == "Д.С.\u00a0Ёлкина"  # a signature: as it is
        pdf = export_order_pdf(session, order.id, tmp_path / "order.pdf")
        word = export_order_docx(session, order.id, tmp_path / "order.docx")
    pages = [_flat(p) for p in page_texts(pdf)]
    text = " ".join(pages)
    assert "Муниципальному координатору (Д.С. Ёлкиной) обеспечить" in text
    assert "координатору (Д.С. Ёлкина)" not in text
    assert "Проект внесен: Муниципальный координатор" in text and "Д.С. Ёлкина" in text
    assert "Об утверждении муниципальной дорожной карты" in text
    assert f"к приказу {AUTHORITY_GEN}" in " ".join(pages[1:])  # the appendix's mark
    paragraphs = [_flat(p.text) for p in docx.Document(str(word)).paragraphs]
    assert any(p.startswith("2. Муниципальному координатору (Д.С. Ёлкиной) обеспечить")
               for p in paragraphs), paragraphs
    assert any(f"к приказу {AUTHORITY_GEN}" in p for p in paragraphs)


def test_curators_order_names_the_coordinator_in_the_dative(database, tmp_path: Path) -> None:
    with database.session() as session:
        order = create_order_from_template(session, "appoint_curators")
        session.add(order)
        session.flush()
        pdf = export_order_pdf(session, order.id, tmp_path / "curators.pdf")
    text = _flat(" ".join(page_texts(pdf)))
    assert "представлять муниципальному координатору (Д.С. Ёлкиной) информацию" in text
    assert "к приказу УО Краснолесского района" in text  # an abbreviation stays as typed


@pytest.mark.parametrize(("directory", "printed"), [
    ("Шевчук Олег Борисович", "(О.Б. Шевчуку)"),
    ("Шевчук Ольга Борисовна", "(О.Б. Шевчук)"),
    (None, "(О.Б. Шевчук)"),  # gender unknown: as typed, never a guessed form
])
def test_the_directory_tells_the_gender_of_a_name_without_patronymic(
        database, directory: str | None, printed: str) -> None:
    with database.session() as session:
        session.scalar(select(Authority)).coordinator_name = "О.Б. Шевчук"
        if directory:
            session.add(Person(name=directory, position="методист"))
            session.flush()
        order = create_order_from_template(session, "approve_roadmap", roadmap_id=1)
        assert _flat(order.points[1].text).startswith(f"Муниципальному координатору {printed} ")


def test_an_empty_coordinator_leaves_no_empty_brackets(database) -> None:
    with database.session() as session:
        session.scalar(select(Authority)).coordinator_name = ""
        order = create_order_from_template(session, "approve_roadmap", roadmap_id=1)
        assert order.points[1].text.startswith("Муниципальному координатору обеспечить")


def test_template_cases_and_what_stays() -> None:
    authority = Authority(full_name="Управление образования", short_name="", city="", region="",
                          head_position="заместитель начальника управления образования",
                          head_name="Лысых О.Б.", coordinator_name="Петрова Мария Сергеевна",
                          coordinator_phone="")
    values = placeholders(authority, None)
    assert _fill("Контроль за исполнением приказа возложить на {head_position:вин} "
                 "{head_name:вин}.", values) == \
        "Контроль за исполнением приказа возложить на заместителя начальника управления " \
        "образования Лысых О.Б."
    assert _fill("{coordinator_name:твор}; {coordinator_initials:дат}; {authority_full:род}; "
                 "{coordinator_name}; {unknown:дат}", values) == \
        "Петровой Марией Сергеевной; М.С.\u00a0Петровой; Управления образования; " \
        "Петрова Мария Сергеевна; {unknown:дат}"
    with pytest.raises(UserError, match="неизвестный падеж «dative»"):
        _fill("{coordinator_name:dative}", values)
    with pytest.raises(UserError, match="не удаётся заполнить"):
        _fill("в {year:дат} году", values)
