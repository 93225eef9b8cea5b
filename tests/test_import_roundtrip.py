"""The app's own exports import back exactly: items, numbers, deadlines and texts."""

from __future__ import annotations

from pathlib import Path

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
