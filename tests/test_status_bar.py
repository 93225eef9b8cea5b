"""The status bar's counters follow every edit and undo («Просрочено: N», «Школ: N»)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.models.columns import Field
from tests.conftest import DEMO_TODAY


def shown_overdue(page) -> int:
    """How many rows of the tree show «!» (the model's first column)."""
    return sum(1 for n in page.model.roadmap.root.walk()
               if n.kind == "item" and page.model.index_of(n).data() == "!")


def test_overdue_counter_follows_ticks_edits_and_undo(window, qtbot) -> None:
    page = window.show_page("roadmaps")
    page.set_today(DEMO_TODAY)
    window.update_status()
    before = shown_overdue(page)
    assert before > 0
    assert window.page_status.text() == f"Просрочено: {before}"
    fresh = next(n for n in page.model.roadmap.root.walk() if n.kind == "item" and not n.overdue
                 and n.status is not None and n.status.value != "done")
    page.controller.edit_field(fresh.id, Field.DEADLINE, "до 15.01.2026")
    qtbot.waitUntil(lambda: window.page_status.text() == f"Просрочено: {before + 1}")
    assert shown_overdue(page) == before + 1
    late = next(n for n in page.model.roadmap.root.walk() if n.overdue and n.id != fresh.id)
    index = page.index_for(("item", late.id), 0)
    page.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    qtbot.waitUntil(lambda: window.page_status.text() == f"Просрочено: {before}")
    window.undo_stack.undo()
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: window.page_status.text() == f"Просрочено: {before}")
    assert shown_overdue(page) == before


def test_school_counter_follows_added_rows(window, qtbot) -> None:
    page = window.show_page("schools")
    rows = page.table.model.rowCount()
    assert window.page_status.text() == f"Школ: {rows}"
    page.table.add_row()
    page.table.add_row()
    qtbot.waitUntil(lambda: window.page_status.text() == f"Школ: {rows + 2}")
    assert page.table.model.rowCount() == rows + 2
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: window.page_status.text() == f"Школ: {rows + 1}")
