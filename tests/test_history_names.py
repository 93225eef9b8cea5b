"""The checklist's cell history names people (issue 23, point 12): this computer's user as
the profile's coordinator (else the account's full name, else the login), other users'
logins as stored, the source only when it is not the window; each change in two lines that
wrap in the narrow panel instead of three cut columns."""

from __future__ import annotations

import datetime as dt

import pytest

from PySide6.QtCore import Qt

from desktop.models import ChecklistChange
from desktop.models.authority import Authority
from desktop.services import authors
from desktop.ui.dialogs import ScriptedDialogs
from desktop.ui.main_window import MainWindow
from tests.checklist_data import build


@pytest.fixture
def hand(qtbot, db):
    built = build(db)
    win = MainWindow(db, dialogs=ScriptedDialogs(answers=[True]))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    return win, win.show_page("checklist"), built


def _tick(page, qtbot, item_id: int, school_id: int) -> None:
    page.view.setCurrentIndex(page.model.index(page.model.row_of(item_id),
                                               page.model.column_of(school_id)))
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Space)


def test_own_changes_show_the_profiles_coordinator(hand, qtbot, db, monkeypatch) -> None:
    monkeypatch.setattr(authors, "login", lambda: "root")
    _win, page, built = hand
    with db.session() as s:
        s.add(Authority(short_name="УО", coordinator_name="Петрова Мария Сергеевна"))
    item, school = built.items["2.5"], built.schools["СОШ1"]
    _tick(page, qtbot, item, school)
    with db.session() as s:  # a colleague's change on a shared database, from a form
        s.add(ChecklistChange(item_id=item, school_id=school, changed_at=dt.datetime(2026, 5, 1),
                              author="ivanov", source="форма школы", old={}, new={}))
    page._show_history(page.model.cell_at(page.view.currentIndex()))
    assert page.history.authors() == ["Петрова Мария Сергеевна", "ivanov (форма школы)"]
    entry = page.history.model.record(0)["entry"]
    head, what = entry.split("\n")
    assert head.endswith(" · Петрова Мария Сергеевна") and "root" not in entry
    assert what == "не начато → выполнено, " + what.rsplit(", ", 1)[1]
    # the rows grow to hold their two lines at the panel's width
    view = page.history.view
    assert view.rowHeight(0) >= 2 * view.fontMetrics().height()
    assert view.horizontalHeader().sectionSize(0) <= view.viewport().width()


def test_without_a_coordinator_the_accounts_full_name_or_login(db, monkeypatch) -> None:
    monkeypatch.setattr(authors, "login", lambda: "mpetrova")
    monkeypatch.setattr(authors, "system_full_name", lambda: "Мария Петрова")
    with db.session() as s:
        assert authors.author_names(s, {"mpetrova", "ivanov"}) == {
            "mpetrova": "Мария Петрова", "ivanov": "ivanov"}
    monkeypatch.setattr(authors, "system_full_name", lambda: "")
    with db.session() as s:
        assert authors.author_names(s, {"mpetrova"}) == {"mpetrova": "mpetrova"}


def test_the_system_full_name_is_read_without_error() -> None:
    name = authors.system_full_name()
    assert isinstance(name, str) and name != authors.login()
