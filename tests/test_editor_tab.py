"""Tab in a cell's editor stores the cell and opens the next one of the row, as in a
spreadsheet (issue 23, point 15: it went to the search box); Shift+Tab goes back."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from desktop.models.columns import Field
from desktop.ui.editor.deadline_editor import DeadlineEditor
from desktop.ui.editor.delegates import LongTextEditor
from tests.conftest import DEMO_TODAY
from tests.qt_helpers import type_text
from tests.test_editor import first_item_id, item


@pytest.fixture
def page(window):
    page = window.show_page("roadmaps")
    page.set_today(DEMO_TODAY)
    return page


def start_editing(page, item_id: int, field: Field):
    index = page.index_for(("item", item_id), page.model.column_of(field))
    page.tree.setCurrentIndex(index)
    page.tree.setFocus()
    page.tree.edit(index)
    QApplication.processEvents()
    return QApplication.focusWidget()


def editing_field(page) -> Field | None:
    if page.tree.state() != page.tree.State.EditingState:
        return None
    return page.model.fields()[page.tree.currentIndex().column()]


def test_tab_walks_the_row_storing_each_cell(page, qtbot, demo_db) -> None:
    item_id = first_item_id(demo_db, "1.5")
    editor = start_editing(page, item_id, Field.ACTIVITY)
    assert isinstance(editor, LongTextEditor)
    type_text(editor, "Консультации по пятницам")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert item(demo_db, item_id).activity == "Консультации по пятницам"
    assert editing_field(page) is Field.DEADLINE
    deadline = QApplication.focusWidget()
    assert isinstance(deadline.parentWidget(), DeadlineEditor)  # its line, not the search box
    qtbot.keyClick(deadline, Qt.Key.Key_Tab)
    assert editing_field(page) is Field.EXECUTORS
    assert QApplication.focusWidget() is not page.filter_bar.text
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    assert editing_field(page) is Field.DEADLINE
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)


def test_tab_at_the_end_of_a_row_goes_to_the_next_row(page, qtbot, demo_db) -> None:
    item_id, below = first_item_id(demo_db, "1.5"), first_item_id(demo_db, "1.6")
    last = max(c for c in range(page.model.columnCount())
               if page.model.flags(page.index_for(("item", item_id), c))
               & Qt.ItemFlag.ItemIsEditable)
    editor = start_editing(page, item_id, page.model.fields()[last])
    assert editor is not None
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    current = page.tree.currentIndex()
    assert page.model.node(current).id == below
    assert page.model.fields()[current.column()] is Field.NUMBER
    assert isinstance(QApplication.focusWidget(), QLineEdit)
