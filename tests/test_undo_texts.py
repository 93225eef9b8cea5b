"""«Правка → Отменить …» reads as Russian: every command's action text is in the accusative.

The editor's commands are run through the window and the stack walked; the names used by
the other pages are checked through :func:`action_text`, which every command goes through.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from PySide6.QtCore import Qt

from desktop.models import Item
from desktop.models.columns import Field
from desktop.ui.commands import ACCUSATIVE, action_text
from tests.conftest import DEMO_TODAY


def item_id(db, number: str) -> int:
    with db.session() as s:
        return s.scalar(select(Item.id).where(Item.number == number))


def test_walking_the_stack_after_editor_commands(window, demo_db) -> None:
    page = window.show_page("roadmaps")
    page.set_today(DEMO_TODAY)
    stack = window.undo_stack
    index = page.index_for(("item", item_id(demo_db, "1.5")), 0)
    page.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    page.controller.edit_field(item_id(demo_db, "1.6"), Field.DEADLINE, "до 15.02.2026")
    page.select_item(item_id(demo_db, "1.2"))
    page.controller.actions["add"].trigger()
    page.select_item(item_id(demo_db, "1.3"))
    page.controller.indent()  # the roadmap stays in order by itself
    # a number typed out of order: «Перенумеровать» has work to do
    page.controller.edit_field(item_id(demo_db, "1.4"), Field.NUMBER, "1.9")
    page.controller.actions["renumber"].trigger()
    page.select_item(item_id(demo_db, "1.1"))
    page.controller.actions["down"].trigger()
    window.dialogs.answers.append(True)
    page.controller.actions["delete"].trigger()
    texts = [stack.command(n).actionText() for n in range(stack.count())]
    assert texts[0] == "отметку «выполнено»"
    assert "перенумерацию" in texts
    assert len(texts) == 8, texts
    for text in texts:
        assert text.split(" ")[0] not in ACCUSATIVE, text
    undo, redo = window.edit_menu.actions()[:2]
    assert undo.text() == f"Отменить {texts[-1]}"
    stack.undo()
    assert redo.text() == f"Повторить {texts[-1]}"
    assert undo.text() == f"Отменить {texts[-2]}"
    # the history (QUndoView) keeps the name as written
    assert stack.command(0).text() == "отметка «выполнено»"


@pytest.mark.parametrize(("name", "expected"), [
    ("отметка «выполнено»", "отметку «выполнено»"),
    ("вставка строк (3)", "вставку строк (3)"),
    ("перенумерация", "перенумерацию"),
    ("новая дорожная карта", "новую дорожную карту"),
    ("новая строка приложения", "новую строку приложения"),
    ("новая виза", "новую визу"),
    ("форма школы СОШ2", "форму школы СОШ2"),
    ("отметка: 1.4 — СОШ1", "отметку: 1.4 — СОШ1"),  # the colon stays put
    ("изменение «Срок» (1.4)", "изменение «Срок» (1.4)"),
    ("удаление строк (2)", "удаление строк (2)"),
    ("новый пункт приказа", "новый пункт приказа"),
    ("импорт дорожной карты", "импорт дорожной карты"),
])
def test_names_used_by_the_pages_in_the_accusative(name: str, expected: str) -> None:
    assert action_text(name) == expected
