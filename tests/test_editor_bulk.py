"""Actions on several selected rows of the roadmap editor: every selected item changes, as
one undo step, and the status bar says how many did (issue 23, point 1)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from PySide6.QtCore import Qt

from desktop.models import Item
from desktop.models.enums import SchoolScope
from desktop.ui.editor.delegates import SchoolsEditor
from tests.conftest import DEMO_TODAY


@pytest.fixture
def page(window):
    page = window.show_page("roadmaps")
    page.set_today(DEMO_TODAY)
    return page


def ids_by_number(db) -> dict[str, int]:
    with db.session() as s:
        return dict(s.execute(select(Item.number, Item.id)).all())


def scopes(db, ids: list[int]) -> list[SchoolScope]:
    with db.session() as s:
        return [s.get(Item, i).school_scope for i in ids]


def click_row(page, qtbot, item_id: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    column = 2  # a text column: the first holds the check box
    index = page.index_for(("item", item_id), column)
    page.tree.scrollTo(index)
    rect = page.tree.visualRect(index)
    qtbot.mouseClick(page.tree.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def test_schools_of_four_selected_items_change_together(page, qtbot, window, demo_db) -> None:
    numbers = ids_by_number(demo_db)
    chosen = [numbers[n] for n in ("4.3", "4.4", "4.5", "4.6")]
    before = scopes(demo_db, chosen)
    assert before == [SchoolScope.NONE, SchoolScope.ALL_SHNOR, SchoolScope.ALL_500,
                      SchoolScope.NONE]
    others = scopes(demo_db, [numbers["4.2"], numbers["4.7"]])

    click_row(page, qtbot, chosen[0])
    click_row(page, qtbot, chosen[-1], Qt.KeyboardModifier.ShiftModifier)
    assert sorted(i for kind, i in page.selected_keys()) == sorted(chosen)

    depth = page.undo_stack.count()
    page.controller.actions["schools"].trigger()
    dialog = page.controller.schools_dialog
    assert dialog.windowTitle() == "Школы мероприятий (4)"
    editor = dialog.findChild(SchoolsEditor)
    editor.scope.setCurrentIndex(editor.scope.findData(SchoolScope.ALL_SHNOR))
    dialog.accept()

    assert scopes(demo_db, chosen) == [SchoolScope.ALL_SHNOR] * 4
    assert scopes(demo_db, [numbers["4.2"], numbers["4.7"]]) == others
    assert page.undo_stack.count() == depth + 1  # one step for the four rows
    assert window.statusBar().currentMessage() == "«Школы» изменены у мероприятий: 3 из 4"
    for item_id in chosen:  # the tree shows the new scope on every row
        node = page.model.item_node(item_id)
        assert node.school_scope is SchoolScope.ALL_SHNOR

    page.undo_stack.undo()
    assert scopes(demo_db, chosen) == before
    page.undo_stack.redo()
    assert scopes(demo_db, chosen) == [SchoolScope.ALL_SHNOR] * 4


def test_the_schools_dialog_explains_itself_and_one_row_still_works(page, qtbot, window,
                                                                    demo_db) -> None:
    from PySide6.QtWidgets import QLabel

    numbers = ids_by_number(demo_db)
    click_row(page, qtbot, numbers["4.3"])
    page.controller.actions["schools"].trigger()
    dialog = page.controller.schools_dialog
    assert dialog.windowTitle() == "Школы мероприятия 4.3"
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Каких школ касается мероприятие 4.3: всех школ проекта «500+»" in text
    editor = dialog.findChild(SchoolsEditor)
    editor.scope.setCurrentIndex(editor.scope.findData(SchoolScope.ALL_500))
    dialog.accept()
    assert scopes(demo_db, [numbers["4.3"]]) == [SchoolScope.ALL_500]
    assert window.statusBar().currentMessage() == "«Школы» изменены у мероприятия 4.3"

    # nothing to change: no undo step, and the status bar says so
    depth = page.undo_stack.count()
    page.controller.actions["schools"].trigger()
    page.controller.schools_dialog.accept()
    assert page.undo_stack.count() == depth
    assert window.statusBar().currentMessage().startswith("«Школы» не изменились")
