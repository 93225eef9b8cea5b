"""An empty database: the roadmaps page invites to create, import or open the demo instead
of showing a bare editor; the invitation goes once a roadmap exists."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtWidgets import QApplication

from desktop.services.demo import create_demo
from desktop.ui import empty_state
from tests.conftest import DEMO_TODAY, DEMO_YEAR
from tests.fit_helpers import cut_texts


@pytest.fixture
def demo_db(db):
    """conftest's ``window`` fixture, here on an empty database."""
    return db


@pytest.fixture
def empty_window(window):
    QApplication.processEvents()
    return window


def test_empty_database_shows_the_invitation_not_the_editor(empty_window) -> None:
    page = empty_window.show_page("roadmaps")
    QApplication.processEvents()
    assert page.empty.isVisible()
    assert not page.splitter.isVisible() and not page.toolbar.isVisible()
    assert not page.combo.isVisible() and not page.filter_bar.isVisible()
    texts = [page.empty.create_button.text(), page.empty.import_button.text(),
             page.empty.demo_button.text()]
    assert texts == ["Создать дорожную карту…", "Импортировать из Word или Excel…",
                     "Открыть демонстрационный район"]
    assert cut_texts(page.empty) == []


def test_buttons_reach_the_windows_actions(empty_window, monkeypatch) -> None:
    calls: list[object] = []
    monkeypatch.setattr(empty_window, "new_roadmap", lambda: calls.append("new"))
    monkeypatch.setattr(empty_window, "import_file", lambda path: calls.append(("import", path)))
    monkeypatch.setattr(empty_state, "open_demo", lambda window: calls.append(("demo", window)))
    page = empty_window.show_page("roadmaps")
    page.empty.create_button.click()
    page.empty.import_button.click()
    page.empty.demo_button.click()
    assert calls == ["new", ("import", None), ("demo", empty_window)]


def test_invitation_goes_once_there_is_a_roadmap(empty_window, db) -> None:
    page = empty_window.show_page("roadmaps")
    create_demo(db, year=DEMO_YEAR, today=DEMO_TODAY)
    page.reload()
    QApplication.processEvents()
    assert not page.empty.isVisible()
    assert page.splitter.isVisible() and page.combo.count() == 1
    assert page.model.rowCount() > 0


def test_open_demo_shows_the_demo_district(empty_window, db, tmp_path: Path, monkeypatch) -> None:
    demo = tmp_path / "demo-district.db"
    monkeypatch.setenv("DOROZHNAYA_KARTA_DEMO_DB", str(demo))
    page = empty_window.show_page("roadmaps")
    page.empty.demo_button.click()
    QApplication.processEvents()
    assert empty_window.database.path == demo and demo.exists()
    page = empty_window.show_page("roadmaps")
    QApplication.processEvents()
    assert not page.empty.isVisible() and page.combo.count() == 1
    assert "Краснолесск" in page.combo.currentText()
