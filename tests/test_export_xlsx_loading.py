"""Excel export: what the fast loading path must keep — nested items in order, executors
shown from the directory, the checklist read as plain rows, a few queries in all."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import event, select

from desktop.export.xlsx import export_roadmap_xlsx
from desktop.export.xlsx_style import Styles
from desktop.models import Item, ItemExecutor, Roadmap
from desktop.models.database import open_database
from desktop.services.demo import create_demo

YEAR = 2026
TODAY = dt.date(YEAR, 5, 15)
PARENT = "Родительское мероприятие для проверки порядка"
CHILDREN = ("Вложенное мероприятие второе", "Вложенное мероприятие первое")


@pytest.fixture()
def db(tmp_path: Path):
    database = open_database(tmp_path / "t.db")
    roadmap_id = create_demo(database, year=YEAR)
    yield database, roadmap_id
    database.close()


def export(db, target: Path) -> openpyxl.Workbook:
    database, roadmap_id = db
    with database.session() as session:
        export_roadmap_xlsx(session, roadmap_id, target, today=TODAY)
    return openpyxl.load_workbook(target)


def column_values(ws, col: int) -> list:
    return [ws.cell(r, col).value for r in range(1, ws.max_row + 1)]


def test_children_follow_their_parent_by_position(db, tmp_path: Path) -> None:
    database, roadmap_id = db
    with database.session() as session:
        section = session.get(Roadmap, roadmap_id).sections[1]
        parent = Item(number="9.1", position=90, activity=PARENT)
        section.items.append(parent)
        session.flush()
        # added in reverse: the export must order children by position, not by id
        for position, (number, text) in ((2, ("9.1.2", CHILDREN[0])), (1, ("9.1.1", CHILDREN[1]))):
            child = Item(number=number, position=position, activity=text, parent=parent)
            section.items.append(child)
        session.flush()
    wb = export(db, tmp_path / "n.xlsx")
    for name in ("Дорожная карта", "Исполнение", "График"):
        activities = column_values(wb[name], 2)
        at = activities.index(PARENT)
        assert activities[at + 1:at + 3] == [CHILDREN[1], CHILDREN[0]], name
        assert activities.count(CHILDREN[0]) == 1, name


def test_executor_shows_the_directory_name(db, tmp_path: Path) -> None:
    database, _ = db
    with database.session() as session:
        executor = session.scalars(
            select(ItemExecutor).where(ItemExecutor.person_id.is_not(None))).first()
        expected = executor.person.short_name
        executor.text = "Устаревший снимок имени"
        activity = executor.item.activity
    ws = export(db, tmp_path / "e.xlsx")["Дорожная карта"]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == activity)
    assert expected in ws.cell(row, 4).value
    assert "Устаревший снимок имени" not in ws.cell(row, 4).value


def test_a_few_queries_whatever_the_size(db, tmp_path: Path) -> None:
    database, roadmap_id = db
    statements: list[str] = []
    with database.session() as session:
        event.listen(session.get_bind(), "before_cursor_execute",
                     lambda *args: statements.append(args[2]))
        export_roadmap_xlsx(session, roadmap_id, tmp_path / "q.xlsx", today=TODAY)
    # no lazy load per item or executor; the «Документ» sheet adds one query per kind of
    # part (order points and sub-points, approvals, appendices, members, indicators,
    # schedules), whatever their number
    assert len(statements) <= 23, statements


def test_row_heights_and_shared_styles(db, tmp_path: Path) -> None:
    ws = export(db, tmp_path / "h.xlsx")["Дорожная карта"]
    heights = [d.height for d in ws.row_dimensions.values() if d.height]
    assert heights and all(h > 16.5 for h in heights)
    assert all(d.customHeight for d in ws.row_dimensions.values() if d.height)
    wb = openpyxl.Workbook()
    styles = Styles()
    shared = styles.array(wb.active, "text")
    assert styles.array(wb.active, "text") is shared
    cell = wb.active.cell(1, 1)
    cell._style = shared
    with pytest.raises(TypeError):
        cell.font = openpyxl.styles.Font(bold=True)


def test_garbage_collector_is_restored(db, tmp_path: Path) -> None:
    import gc

    from desktop.export.xlsx import ExportCancelled

    database, roadmap_id = db
    assert gc.isenabled()
    export(db, tmp_path / "a.xlsx")
    assert gc.isenabled()
    with database.session() as session, pytest.raises(ExportCancelled):
        export_roadmap_xlsx(session, roadmap_id, tmp_path / "b.xlsx", today=TODAY,
                            progress=lambda done, total: False)
    assert gc.isenabled()
    gc.disable()
    try:
        export(db, tmp_path / "c.xlsx")
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()
