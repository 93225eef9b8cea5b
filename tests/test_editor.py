"""The roadmap editor driven as a user would, checking the database after each step:
deadline editing, ticking, the checks of errors, and undo/redo through the window's stack."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.models import Item, ItemExecutor, Organisation
from desktop.models.columns import Field
from desktop.models.enums import ItemStatus
from desktop.ui.editor.deadline_editor import DeadlineEditor
from tests.conftest import DEMO_TODAY
from tests.qt_helpers import type_text


@pytest.fixture
def page(window):
    page = window.show_page("roadmaps")
    page.set_today(DEMO_TODAY)
    return page


def item(db, item_id: int) -> Item:
    with db.session() as s:
        found = s.get(Item, item_id)
        if found is not None:
            s.expunge(found)
        return found


def first_item_id(db, number: str = "1.1") -> int:
    with db.session() as s:
        return s.scalar(select(Item.id).where(Item.number == number))


def press_enter(qtbot, widget) -> None:
    """Enter in a cell editor: the delegate commits on the next turn of the event loop."""
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    QApplication.processEvents()


def open_editor(page, qtbot, item_id: int, field: Field):
    index = page.select_item(item_id, page.model.column_of(field))
    page.tree.setFocus()
    page.tree.edit(index)
    editor = page.tree.indexWidget(index)
    assert editor is not None
    return editor


def test_typed_deadline_is_parsed_shown_and_stored(page, qtbot, demo_db) -> None:
    item_id = first_item_id(demo_db)
    editor = open_editor(page, qtbot, item_id, Field.DEADLINE)
    assert isinstance(editor, DeadlineEditor)
    editor.line.clear()
    type_text(editor.line, "до 15.02.2026")
    assert editor.label.text() == "срок: до 15.02.2026"
    assert editor.label.property("warning") is False
    press_enter(qtbot, editor.line)
    stored = item(demo_db, item_id)
    assert stored.deadline_text == "до 15.02.2026"
    assert stored.deadline_kind == "due"
    assert stored.deadline_end == dt.date(2026, 2, 15)
    assert stored.deadline_start == dt.date(2026, 1, 1)  # a due date starts with the period
    index = page.index_for(("item", item_id), page.model.column_of(Field.DEADLINE))
    assert index.data() == "до 15.02.2026"

    editor = open_editor(page, qtbot, item_id, Field.DEADLINE)
    editor.line.clear()
    type_text(editor.line, "18.01.02.2026")
    assert editor.label.property("warning") is True
    assert "color: #b71c1c" in editor.label.styleSheet()
    press_enter(qtbot, editor.line)
    stored = item(demo_db, item_id)
    assert stored.deadline_text == "18.01.02.2026"
    assert stored.deadline_kind == "unparsed"

    page.undo_stack.undo()
    assert item(demo_db, item_id).deadline_text == "до 15.02.2026"


def test_interpretations_in_russian(page) -> None:
    editor = DeadlineEditor(period=(dt.date(2026, 1, 1), dt.date(2026, 12, 31)))
    editor.set_text("01.02-15.05.2026")
    assert editor.label.text() == "период: 01.02–15.05.2026"
    editor.set_text("Еженедельно по четвергам")
    assert editor.label.text().startswith("повторяется: еженедельно по четвергам")
    editor.set_text("01.02.2025")
    assert editor.label.property("warning") is True  # outside the roadmap's period


def test_date_picker_writes_the_text(page, qtbot, demo_db) -> None:
    editor = DeadlineEditor(period=(dt.date(2026, 1, 1), dt.date(2026, 12, 31)))
    qtbot.addWidget(editor)
    editor.show_picker()
    popup = editor.popup
    popup.start.setDate(dt.date(2026, 3, 1))
    popup.has_end.setChecked(True)
    popup.end.setDate(dt.date(2026, 3, 20))
    popup.accept()
    assert editor.text() == "01.03–20.03.2026"
    editor.show_picker()
    editor.popup.due.setChecked(True)
    editor.popup.accept()
    assert editor.text() == "до 01.03.2026"


def test_ticking_the_box_marks_done_and_undo_reverts(page, demo_db) -> None:
    item_id = first_item_id(demo_db, "1.5")
    assert item(demo_db, item_id).status is not ItemStatus.DONE
    index = page.index_for(("item", item_id), 0)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    page.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    stored = item(demo_db, item_id)
    assert stored.status is ItemStatus.DONE and stored.done_date is not None
    assert page.index_for(("item", item_id), 0).data(
        Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert page.undo_stack.undoText() == "отметку «выполнено»"
    page.undo_stack.undo()
    stored = item(demo_db, item_id)
    assert stored.status is not ItemStatus.DONE and stored.done_date is None
    page.undo_stack.redo()
    assert item(demo_db, item_id).status is ItemStatus.DONE


def test_status_and_text_edits_go_through_the_delegates(page, qtbot, demo_db) -> None:
    item_id = first_item_id(demo_db, "1.6")
    if page.model.column_of(Field.ACTIVITY) > 0:
        editor = open_editor(page, qtbot, item_id, Field.ACTIVITY)
        editor.clear()
        type_text(editor, "Новое мероприятие")
        press_enter(qtbot, editor)
        assert item(demo_db, item_id).activity == "Новое мероприятие"


def test_executors_typed_with_a_new_name_offer_the_directory(page, qtbot, demo_db) -> None:
    item_id = first_item_id(demo_db, "1.6")
    page.dialogs.answers = [True]
    editor = open_editor(page, qtbot, item_id, Field.EXECUTORS)
    editor.clear()
    type_text(editor, "ИМЦ, Новый центр")
    press_enter(qtbot, editor)
    assert page.dialogs.shown[-1][0] == "confirm"
    with demo_db.session() as s:
        rows = s.scalars(select(ItemExecutor).where(ItemExecutor.item_id == item_id)
                         .order_by(ItemExecutor.position)).all()
        assert [r.text for r in rows] == ["ИМЦ", "Новый центр"]
        assert all(r.organisation_id is not None for r in rows)
        assert s.scalar(select(Organisation).where(Organisation.short_name == "Новый центр"))
    page.undo_stack.undo()
    with demo_db.session() as s:
        assert s.scalar(select(Organisation).where(Organisation.short_name == "Новый центр")) is None
        texts = [e.display for e in s.get(Item, item_id).executors]
        assert "Новый центр" not in texts


def test_an_edit_of_an_item_deleted_behind_the_editors_back_is_refused(
        page, qtbot, demo_db) -> None:
    item_id = first_item_id(demo_db, "1.7")
    editor = open_editor(page, qtbot, item_id, Field.ACTIVITY)
    with demo_db.session() as s:
        s.delete(s.get(Item, item_id))
    count = page.undo_stack.count()
    editor.clear()
    type_text(editor, "Правка")
    press_enter(qtbot, editor)
    kind, title, text = page.dialogs.shown[-1]
    assert (kind, title) == ("error", "Изменение не сохранено")
    assert "не найдено" in text
    assert page.undo_stack.count() == count
    assert item(demo_db, item_id) is None
    with demo_db.session() as s:
        assert s.scalar(select(Item).where(Item.activity == "Правка")) is None
    assert page.model.item_node(item_id) is None  # the view was refreshed


def test_ctrl_f_focuses_the_filter(page, qtbot, window) -> None:
    window.activateWindow()
    page.tree.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.tree)
    qtbot.keyClick(page.tree, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.filter_bar.text
