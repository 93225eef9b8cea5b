"""The «Учебный календарь» tab of «Справочники»: editing a quarter's end in the table moves
the occurrences of an item counted in school periods; undo moves them back; the region's
list is imported; a bad file changes nothing. Also the 1366×768 screenshot."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from sqlalchemy import select

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QImage, QUndoStack
from PySide6.QtWidgets import QApplication, QDateEdit

from desktop.models import Item
from desktop.models.school_calendar import SchoolPeriod
from desktop.ui.changes import Changes
from desktop.ui.datasource import DataSource
from desktop.ui.dialogs import ScriptedDialogs
from desktop.ui.school_calendar.model import END
from desktop.ui.views.directories import DirectoriesPage
from tests.test_school_calendar import _item

SY2526 = (dt.date(2025, 9, 1), dt.date(2026, 8, 31))
SCREENSHOT = Path(__file__).resolve().parents[1] / "docs" / "screenshots" / "school-calendar.png"


@pytest.fixture
def page(qtbot, db):
    _item(db, "По итогам I полугодия (и учебного года)")
    page = DirectoriesPage(DataSource(db))
    page.attach(QUndoStack(), Changes(), ScriptedDialogs())
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.reload()
    page.tabs.setCurrentWidget(page.calendar)
    panel = page.calendar
    panel.year_combo.setCurrentIndex(panel.year_combo.findData(2025))
    return page


def _occurrences(db) -> list[str]:
    with db.session() as s:
        item = s.scalars(select(Item)).one()
        return [d.isoformat() for d in item.deadline.occurrence_dates]


def _row(panel, kind: str, number: int) -> int:
    return next(n for n, r in enumerate(panel.model.rows) if (r.kind, r.number) == (kind, number))


def test_editing_a_quarter_end_moves_an_items_occurrence(page, qtbot, db) -> None:
    panel = page.calendar
    changed: list[list[int]] = []
    page.changes.itemsChanged.connect(changed.append)
    assert _occurrences(db) == ["2025-12-26", "2026-05-26"]
    index = panel.model.index(_row(panel, "quarter", 2), END)
    assert index.data() == "26.12.2025"
    panel.view.setCurrentIndex(index)
    panel.view.edit(index)
    [editor] = panel.view.viewport().findChildren(QDateEdit)
    editor.setDate(QDate(2025, 12, 30))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    qtbot.waitUntil(lambda: _occurrences(db) == ["2025-12-30", "2026-05-26"])
    assert panel.model.index(_row(panel, "quarter", 2), END).data() == "30.12.2025"
    assert panel.model.index(_row(panel, "half_year", 1), END).data() == "30.12.2025"
    assert changed and changed[-1]  # the item was reported re-read
    assert "заданы для района" in panel.note.text()
    assert page.undo_stack.undoText().startswith("изменение учебного календаря (2 четверть")
    page.undo_stack.undo()
    assert _occurrences(db) == ["2025-12-26", "2026-05-26"]
    assert panel.model.index(_row(panel, "quarter", 2), END).data() == "26.12.2025"
    with db.session() as s:
        assert s.scalars(select(SchoolPeriod)).all() == []
    page.undo_stack.redo()
    assert _occurrences(db) == ["2025-12-30", "2026-05-26"]


def test_an_impossible_date_is_refused_with_a_message(page, db) -> None:
    panel = page.calendar
    index = panel.model.index(_row(panel, "quarter", 2), END)
    assert not panel.model.setData(index, QDate(2025, 10, 1))
    [(kind, _title, text)] = page.dialogs.shown
    assert kind == "error" and "позже окончания" in text
    assert _occurrences(db) == ["2025-12-26", "2026-05-26"]
    assert page.undo_stack.count() == 0


def test_the_region_list_is_imported_and_a_bad_one_changes_nothing(page, db, tmp_path) -> None:
    panel = page.calendar
    good = tmp_path / "region.csv"
    good.write_text("Период;Начало;Окончание\n"
                    "1 четверть;01.09.2025;24.10.2025\n2 четверть;05.11.2025;29.12.2025\n"
                    "3 четверть;12.01.2026;20.03.2026\n4 четверть;30.03.2026;22.05.2026\n",
                    encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("Период;Начало;Окончание\n1 четверть;01.09.2025;сорок\n", encoding="utf-8")
    panel.ask_file = lambda _parent: bad
    assert not panel.import_file()
    assert page.dialogs.shown[-1][0] == "error" and "Строка 2" in page.dialogs.shown[-1][2]
    assert _occurrences(db) == ["2025-12-26", "2026-05-26"]
    panel.ask_file = lambda _parent: good
    assert panel.import_file()
    assert _occurrences(db) == ["2025-12-29", "2026-05-22"]
    assert panel.model.index(_row(panel, "quarter", 4), END).data() == "22.05.2026"
    page.undo_stack.undo()
    assert _occurrences(db) == ["2025-12-26", "2026-05-26"]


def test_the_tab_fits_1366_by_768(page, tmp_path) -> None:
    """The table shows every period of the year without a scroll bar, and the picture is
    saved (``UPDATE_SCREENSHOTS=1`` writes it over the README's; ``make screenshots`` too)."""
    panel = page.calendar
    assert panel.model.rowCount() == 9
    assert not panel.view.verticalScrollBar().isVisible()
    shot = SCREENSHOT if os.environ.get("UPDATE_SCREENSHOTS") == "1" else tmp_path / "shot.png"
    assert page.grab().save(str(shot))
    assert QImage(str(shot)).size().toTuple() == (1366, 768)
