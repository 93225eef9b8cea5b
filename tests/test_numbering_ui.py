"""Numbering that cannot go out wrong (issue 23, point 2): a roadmap numbered in order stays
in order after «Добавить» and «Уровень →» (one undo step each); numbers typed twice or out of
place are marked in the editor as they happen; an export with them asks to renumber first."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from PySide6.QtCore import Qt

from desktop.models import Item
from desktop.models.columns import Field
from desktop.services.number_checks import NumberEntry, number_problems
from desktop.ui.export_actions import EXPORT_KINDS
from tests.conftest import DEMO_TODAY
from tests.qt_helpers import type_text
from tests.test_editor import open_editor, press_enter


@pytest.fixture
def page(window):
    page = window.show_page("roadmaps")
    page.set_today(DEMO_TODAY)
    return page


def numbers(db) -> dict[int, str]:
    with db.session() as s:
        return dict(s.execute(select(Item.id, Item.number)).all())


def item_id(db, number: str) -> int:
    with db.session() as s:
        return s.scalar(select(Item.id).where(Item.number == number))


def section_numbers(db, section_prefix: str) -> list[str]:
    """The numbers of one section's rows, in the tree's order."""
    with db.session() as s:
        rows = s.execute(select(Item.number).where(Item.number.like(f"{section_prefix}.%"))
                         .order_by(Item.section_id, Item.position)).scalars().all()
    return list(rows)


def test_problems_found_by_the_pure_rule() -> None:
    entries = [NumberEntry(1, "2.1", "2", False), NumberEntry(2, "2.2", "2", False),
               NumberEntry(3, "2.3", "2.2", True),   # a sub-item of 2.2 numbered 2.3
               NumberEntry(4, "2.3", "2", False),    # and 2.3 twice
               NumberEntry(5, "2.4.", "2", False),   # a trailing dot is fine
               NumberEntry(6, "", "2", False),       # no number in a numbered roadmap
               NumberEntry(7, "а)", "2.4", True),    # a letter is left as typed
               NumberEntry(8, "3.1", "II", False)]   # a Roman section is not judged
    problems = number_problems(entries)
    assert problems == {3: "номер 2.3 повторяется (2 раза)",
                        4: "номер 2.3 повторяется (2 раза)", 6: "нет номера"}
    assert number_problems([NumberEntry(1, "2.2.1", "2.2", True),
                            NumberEntry(2, "2.5", "2.2", True)]) == {
        2: "подпункт 2.2 пронумерован 2.5"}
    assert number_problems([NumberEntry(1, "", "", False)]) == {}  # an unnumbered roadmap


def test_add_keeps_the_numbers_in_order_and_undo_restores_them(page, demo_db) -> None:
    before = numbers(demo_db)
    old_23, old_24 = item_id(demo_db, "2.3"), item_id(demo_db, "2.4")
    page.select_item(item_id(demo_db, "2.2"))
    depth = page.undo_stack.count()
    page.controller.actions["add"].trigger()
    new = page.current_node().id
    now = numbers(demo_db)
    assert now[new] == "2.3"
    assert (now[old_23], now[old_24]) == ("2.4", "2.5")
    assert section_numbers(demo_db, "2") == ["2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7"]
    assert page.undo_stack.count() == depth + 1
    assert page.model.number_problems == {}
    assert page.numbers_warning.isHidden()
    shown = page.index_for(("item", old_23), page.model.column_of(Field.NUMBER))
    assert shown.data() == "2.4"

    # «Уровень →» makes it 2.2.1; the rows after it close up
    page.controller.actions["indent"].trigger()
    now = numbers(demo_db)
    assert now[new] == "2.2.1"
    assert (now[old_23], now[old_24]) == ("2.3", "2.4")
    page.undo_stack.undo()
    assert numbers(demo_db)[new] == "2.3"
    page.undo_stack.undo()
    assert numbers(demo_db) == before


def test_a_typed_duplicate_is_marked_at_once(page, qtbot, demo_db) -> None:
    target = item_id(demo_db, "2.4")
    editor = open_editor(page, qtbot, target, Field.NUMBER)
    editor.selectAll()
    type_text(editor, "2.3")
    press_enter(qtbot, editor)
    assert numbers(demo_db)[target] == "2.3"  # typed numbers are kept as typed
    twins = {target, item_id_other(demo_db, "2.3", target)}
    assert set(page.model.number_problems) == twins
    column = page.model.column_of(Field.NUMBER)
    cell = page.index_for(("item", target), column)
    assert "повторяется" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert cell.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert page.numbers_warning.isVisibleTo(page)
    assert "2.3 повторяется" in page.numbers_warning.text()

    page.numbers_warning.linkActivated.emit("renumber")  # «Перенумеровать» in the warning
    assert numbers(demo_db)[target] == "2.4"
    assert page.model.number_problems == {}
    assert page.numbers_warning.isHidden()


def item_id_other(db, number: str, not_this: int) -> int:
    with db.session() as s:
        return s.scalar(select(Item.id).where(Item.number == number, Item.id != not_this))


def _kind(key: str):
    return next(k for k in EXPORT_KINDS if k.key == key)


def _duplicate(db) -> tuple[int, int]:
    """2.4 typed as 2.3 (an imported document's numbers): the roadmap is out of order."""
    target = item_id(db, "2.4")
    with db.session() as s:
        s.get(Item, target).number = "2.3"
    return target, item_id_other(db, "2.3", target)


def _column_numbers(path: Path) -> list[str]:
    sheet = load_workbook(path, read_only=True)["Дорожная карта"]
    return [str(row[0]) for row in sheet.iter_rows(values_only=True)
            if row and isinstance(row[0], str) and re.fullmatch(r"2\.\d+", row[0])]


def test_export_with_duplicates_asks_and_renumbers_as_one_step(window, page, demo_db,
                                                               tmp_path: Path) -> None:
    target, twin = _duplicate(demo_db)
    page.reload()
    assert set(page.model.number_problems) == {target, twin}
    depth = page.undo_stack.count()
    window.dialogs.answers = [True, False]  # renumber — yes; open the file — no
    written = window.exports.export(_kind("xlsx"), tmp_path / "карта.xlsx")
    kind, title, text = window.dialogs.shown[0]
    assert (kind, title) == ("confirm", "Номера в дорожной карте")
    assert "2.3 повторяется" in text and "Перенумеровать" in text
    assert numbers(demo_db)[target] == "2.4"
    assert page.undo_stack.count() == depth + 1
    assert page.undo_stack.undoText() == "перенумерацию"
    printed = _column_numbers(written)
    assert printed[:6] == ["2.1", "2.2", "2.3", "2.4", "2.5", "2.6"]
    assert len(printed) == len(set(printed))

    page.undo_stack.undo()  # one step brings the typed numbers back
    assert numbers(demo_db)[target] == "2.3"


def test_export_declined_prints_the_numbers_as_they_are(window, page, demo_db,
                                                        tmp_path: Path) -> None:
    target, _twin = _duplicate(demo_db)
    depth = page.undo_stack.count()
    window.dialogs.answers = [False, False]
    written = window.exports.export(_kind("xlsx"), tmp_path / "карта.xlsx")
    assert window.dialogs.shown[0][0] == "confirm"
    assert numbers(demo_db)[target] == "2.3"
    assert page.undo_stack.count() == depth
    assert _column_numbers(written).count("2.3") == 2


def test_an_export_in_order_asks_nothing(window, page, tmp_path: Path) -> None:
    window.dialogs.answers = [False]
    window.exports.export(_kind("xlsx"), tmp_path / "карта.xlsx")
    assert [s[2].split(":")[0] for s in window.dialogs.shown] == ["Файл сохранён"]


def test_saving_an_order_with_the_roadmap_appended_asks_too(window, demo_db,
                                                            tmp_path: Path) -> None:
    from desktop.models.roadmap import Roadmap

    target, _twin = _duplicate(demo_db)
    with demo_db.session() as s:
        order = s.scalars(select(Roadmap)).first().approving_order
        if order is None:
            pytest.skip("the demo has no approving order")
        order_id = order.id
    orders = window.show_page("orders")
    orders.refresh(select_id=order_id)
    assert orders.current_order_id() == order_id
    window.dialogs.answers = [True]
    window.dialogs.save_paths = [tmp_path / "приказ.pdf"]
    written = orders.output.save_as()
    assert written is not None and written.exists()
    assert window.dialogs.shown[1][:2] == ("confirm", "Номера в дорожной карте")
    assert numbers(demo_db)[target] == "2.4"
