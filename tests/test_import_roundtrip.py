"""The app's own exports import back exactly: items, numbers, deadlines and texts."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from desktop.export.xlsx import export_roadmap_xlsx
from desktop.importers import read_file
from desktop.models import Roadmap
from tests.import_docs import assert_round_trip


def test_xlsx_round_trip(demo_db, tmp_path: Path) -> None:
    with demo_db.session() as session:
        roadmap_id = session.query(Roadmap.id).order_by(Roadmap.id).first()[0]
        path = export_roadmap_xlsx(session, roadmap_id, tmp_path / "plan.xlsx")
    new_id = assert_round_trip(demo_db, roadmap_id, path)
    with demo_db.session() as session:
        old, new = session.get(Roadmap, roadmap_id), session.get(Roadmap, new_id)
        assert (new.title, new.period) == (old.title, old.period)
        assert [(c.field, c.heading) for c in new.columns] == \
            [(c.field, c.heading) for c in old.columns]


def test_xlsx_sheet_choice(demo_db, tmp_path: Path) -> None:
    """The workbook has several sheets: the roadmap's is found, the others are not taken."""
    with demo_db.session() as session:
        roadmap_id = session.query(Roadmap.id).order_by(Roadmap.id).first()[0]
        path = export_roadmap_xlsx(session, roadmap_id, tmp_path / "plan.xlsx")
    preview = read_file(path)
    assert preview.sheet == "Дорожная карта"
    assert preview.sheets[0] == "Дорожная карта"


def test_xlsx_round_trip_tricky_texts(demo_db, tmp_path: Path) -> None:
    """Formula-like and error-like texts, «1.10», line breaks, a «Name – position» executor."""
    from desktop.models import Item, ItemExecutor

    with demo_db.session() as session:
        roadmap = session.query(Roadmap).order_by(Roadmap.id).first()
        section = roadmap.sections[0]
        section.tasks = "Первая задача.\nВторая задача"
        section.indicators = "100% школ"
        rows = [("1.10", "=СУММ(A1:A2)", "До 01.03.2026"),
                ("1.11", "#N/A", "Июнь 2026"),
                ("1.12", "Первая строка\nвторая строка", "01.02-15.03.2026")]
        for n, (number, activity, deadline) in enumerate(rows, 50):
            item = Item(number=number, position=n, activity=activity)
            item.set_deadline(deadline, roadmap.period)
            item.executors = [ItemExecutor(position=0, text="О.В. Плесецкая – директор МКУО КМЦ"),
                              ItemExecutor(position=1, text="РОО")]
            section.items.append(item)
        roadmap_id = roadmap.id
    with demo_db.session() as session:
        path = export_roadmap_xlsx(session, roadmap_id, tmp_path / "plan.xlsx")
    new_id = assert_round_trip(demo_db, roadmap_id, path)
    with demo_db.session() as session:
        items = {i.number: i for i in session.get(Roadmap, new_id).all_items()}
        assert items["1.10"].activity == "=СУММ(A1:A2)"
        assert [e.text for e in items["1.12"].executors] == \
            ["О.В. Плесецкая – директор МКУО КМЦ", "РОО"]


def test_xlsx_several_sheets_title_rows_and_merged_sections(tmp_path: Path) -> None:
    """Two roadmap sheets (the first is taken unless another is chosen), title rows above the
    header, merged section rows and a vertically merged executor cell."""
    from openpyxl import Workbook

    wb = Workbook()
    first = wb.active
    first.title = "Пояснения"
    first["A1"] = "Это лист без таблицы"
    for name, year in (("План 2024", 2024), ("План 2025", 2025)):
        ws = wb.create_sheet(name)
        ws["A1"] = "Управление образования"
        ws["A2"] = f"Дорожная карта на {year} год"
        ws.append([])
        ws.append(["№ п/п", "Мероприятие", "Сроки реализации", "Ответственные исполнители"])
        ws.append(["1. Организация"])
        ws.merge_cells(start_row=5, start_column=1, end_row=5, end_column=4)
        ws.append(["1.1", "Совещание", f"Январь {year}", "РОО"])
        ws.append(["1.2", "Семинар", f"Март {year}", None])
        ws.merge_cells("D6:D7")
    path = tmp_path / "book.xlsx"
    wb.save(path)
    preview = read_file(path)
    assert preview.sheets == ["План 2024", "План 2025"]
    assert preview.sheet == "План 2024"
    assert preview.title == "Дорожная карта на 2024 год"
    assert [(s.number, s.title) for s in preview.sections] == [("1", "Организация")]
    assert [(i.number, i.deadline, i.executors) for i in preview.items()] == [
        ("1.1", "Январь 2024", "РОО"), ("1.2", "Март 2024", "РОО")]
    second = read_file(path, sheet="План 2025")
    assert second.sheet == "План 2025"
    assert second.items()[0].deadline == "Январь 2025"


def test_word_export_round_trip(demo_db, tmp_path: Path) -> None:
    """The app's Word copy of the order (roadmap as appendix) imports back as the same roadmap."""
    from desktop.export.docx_order import export_order_docx
    from desktop.services.orders import order_for_roadmap

    with demo_db.session() as s:
        roadmap_id = s.scalar(select(Roadmap.id))
        docx = export_order_docx(s, order_for_roadmap(s, roadmap_id), tmp_path / "order.docx")
        s.rollback()
    assert_round_trip(demo_db, roadmap_id, docx)


def test_word_export_round_trip_keeps_the_parts(db, tmp_path: Path) -> None:
    """A roadmap with every part and no sections: passport, basis, indicators and the flat
    list come back from its Word copy."""
    from desktop.export.docx_roadmap import export_roadmap_docx
    from desktop.importers.writer import write_preview
    from tests.parts_fixture import BASIS, INDICATOR_PERIODS, PASSPORT, add_parts_roadmap

    with db.session() as s:
        roadmap_id = add_parts_roadmap(s).id
        s.commit()
        docx = export_roadmap_docx(s, roadmap_id, tmp_path / "roadmap.docx")
    assert_round_trip(db, roadmap_id, docx)
    with db.session() as s:
        new = s.get(Roadmap, write_preview(s, read_file(docx)).id)
        assert [sec.untitled for sec in new.sections] == [True]
        assert new.passport_problem == PASSPORT["passport_problem"]
        assert new.basis_documents.splitlines()[0].endswith(BASIS.splitlines()[0])
        assert new.indicator_periods == INDICATOR_PERIODS
