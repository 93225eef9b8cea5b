"""Typing a whole date ДД.ММ.ГГГГ into the window's date fields (issue 23, point 5: «30.06.2022»
typed into the report's «на дату» gave 06.06.2022)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from desktop.ui.date_field import DateField, parse_typed_date
from desktop.ui.dialogs import ScriptedDialogs
from desktop.ui.main_window import MainWindow
from tests.checklist_data import build

UI = Path(__file__).resolve().parents[1] / "desktop" / "ui"


def test_the_reports_date_takes_a_typed_date(qtbot, db) -> None:
    build(db)
    window = MainWindow(db, dialogs=ScriptedDialogs())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    page = window.show_page("reports")
    page.set_day(dt.date(2026, 2, 6))  # February: Qt's own editing refuses day 30
    qtbot.mouseClick(page.date.lineEdit(), Qt.MouseButton.LeftButton, pos=_left_of(page.date))
    qtbot.keyClicks(page.date, "30.06.2022")
    qtbot.keyClick(page.date, Qt.Key.Key_Return)
    assert page.date.date().toPython() == dt.date(2022, 6, 30)
    assert page.report is not None and page.report.day == dt.date(2022, 6, 30)
    assert "30.06.2022" in page.date.text()


def _left_of(field: DateField) -> QPoint:
    """A point in the day section (the first characters of the text)."""
    return QPoint(4, field.lineEdit().height() // 2)


@pytest.fixture
def field(qtbot) -> Iterator[tuple[DateField, QLineEdit]]:
    holder = QWidget()
    qtbot.addWidget(holder)
    date_field = DateField(dt.date(2026, 11, 6), holder)
    other = QLineEdit(holder)
    layout = QVBoxLayout(holder)
    layout.addWidget(date_field)
    layout.addWidget(other)
    holder.show()
    date_field.setFocus()
    qtbot.waitUntil(date_field.hasFocus)
    yield date_field, other  # the holder lives as long as the test


@pytest.mark.parametrize(("start", "typed", "expected"), [
    (dt.date(2026, 11, 6), "30.06.2022", dt.date(2022, 6, 30)),
    (dt.date(2026, 2, 6), "30.06.2022", dt.date(2022, 6, 30)),    # no 30 February in between
    (dt.date(2026, 11, 6), "31.12.2022", dt.date(2022, 12, 31)),  # no 31 November either
    (dt.date(2026, 12, 6), "29.02.2024", dt.date(2024, 2, 29)),   # 2026 is not a leap year
    (dt.date(2026, 12, 6), "3.6.2022", dt.date(2022, 6, 3)),
    (dt.date(2026, 12, 6), "30062022", dt.date(2022, 6, 30)),
    (dt.date(2026, 12, 6), "30.6.22", dt.date(2022, 6, 30)),
    (dt.date(2026, 12, 6), "15", dt.date(2026, 12, 15)),
])
def test_a_typed_date_is_read_whole(qtbot, field, start, typed, expected) -> None:
    date_field, other = field
    date_field.setDate(QDate(start.year, start.month, start.day))
    changed: list[dt.date] = []
    date_field.dateChanged.connect(lambda d: changed.append(d.toPython()))
    qtbot.keyClicks(date_field, typed)
    other.setFocus()  # leaving the field reads what was typed, as Enter does
    qtbot.waitUntil(lambda: not date_field.hasFocus())
    assert date_field.date().toPython() == expected
    assert date_field.text() == f"{expected:%d.%m.%Y}"
    assert changed == [expected]


def test_a_typed_non_date_keeps_the_value(qtbot, field) -> None:
    date_field, other = field
    changed: list[dt.date] = []
    date_field.dateChanged.connect(lambda d: changed.append(d.toPython()))
    qtbot.keyClicks(date_field, "31.02.2022")
    other.setFocus()
    qtbot.waitUntil(lambda: not date_field.hasFocus())
    assert date_field.date().toPython() == dt.date(2026, 11, 6)
    assert date_field.text() == "06.11.2026"
    assert changed == []
    date_field.setFocus()
    qtbot.keyClicks(date_field, "31.11.2022")
    qtbot.keyClick(date_field, Qt.Key.Key_Return)
    assert date_field.date().toPython() == dt.date(2026, 11, 6)
    assert date_field.text() == "06.11.2026"


def test_escape_drops_the_typing(qtbot, field) -> None:
    date_field, _other = field
    qtbot.keyClicks(date_field, "30.06")
    assert date_field.text() == "30.06"
    qtbot.keyClick(date_field, Qt.Key.Key_Escape)
    assert date_field.text() == "06.11.2026"


def test_parse_typed_date() -> None:
    today = dt.date(2026, 12, 6)
    assert parse_typed_date("30.06.2022", today) == dt.date(2022, 6, 30)
    assert parse_typed_date("30/06/2022", today) == dt.date(2022, 6, 30)
    assert parse_typed_date("30.06", today) == dt.date(2026, 6, 30)
    assert parse_typed_date("300622", today) == dt.date(2022, 6, 30)
    for bad in ("", "31.02.2022", "30.13.2022", "30.06.202", "1.2.3.4", "123"):
        assert parse_typed_date(bad, today) is None, bad


def test_every_date_field_of_the_window_is_a_date_field() -> None:
    """No bare QDateEdit is built in the window: each one takes typed dates."""
    bare = [path.relative_to(UI).as_posix() for path in UI.rglob("*.py")
            if path.name != "date_field.py"
            and re.search(r"\bQDate(Time)?Edit\(", path.read_text(encoding="utf-8"))]
    assert bare == []
    users = [path.name for path in UI.rglob("*.py") if "DateField(" in path.read_text("utf-8")]
    assert len(users) >= 7
