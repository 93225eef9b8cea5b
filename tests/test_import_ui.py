"""File → Import in the window: preview dialog, corrected column mapping, one undoable write,
a dropped file, refusals shown in Russian with nothing written."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import func, select

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from desktop.models import Organisation, Roadmap
from desktop.models.columns import Field
from desktop.ui.importing.dialog import ImportDialog
from tests.import_docs import hostile_files
from tests.test_import_fixtures import fixture

#: the README's picture, rewritten when UPDATE_SCREENSHOTS=1 (otherwise a temporary file)
README_SCREENSHOT = Path(__file__).resolve().parents[1] / "docs" / "screenshots" / "import-preview.png"


def count_roadmaps(database) -> int:
    with database.session() as session:
        return session.scalar(select(func.count()).select_from(Roadmap))


def test_import_preview_mapping_and_undo(window, demo_db, qtbot, tmp_path: Path) -> None:
    seen: list[ImportDialog] = []
    screenshot = README_SCREENSHOT if os.environ.get("UPDATE_SCREENSHOTS") == "1" \
        else tmp_path / "import-preview.png"

    def drive(dialog: ImportDialog) -> bool:
        seen.append(dialog)
        assert dialog.tree_model.rowCount() == 5  # sections
        assert dialog.tree_model.item(0, 1).text() == "Организационные мероприятия"
        columns = [c.heading for c in dialog.preview.columns]
        assert columns[3] == "Ответственные исполнители"
        # the user says the executors column is not to be imported, then changes their mind
        dialog.set_field(3, None)
        assert all(i.executors == "" for i in dialog.preview.items())
        directory = dialog.lists["directory"]
        assert not any("ППЦ" in directory.item(r).text() for r in range(directory.rowCount()))
        dialog.set_field(3, Field.EXECUTORS)
        assert dialog.preview.items()[0].executors == "РОО, ИМЦ"
        # «Принятые сокращения» not yet known, and executors named by abbreviation
        assert any("ППЦ" in directory.item(r).text() for r in range(directory.rowCount()))
        assert any("РЦОКО" in directory.item(r).text() for r in range(directory.rowCount()))
        assert dialog.lists["skipped"].rowCount() >= 1
        dialog.resize(1100, 640)
        dialog.show()
        qtbot.waitExposed(dialog)
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        dialog.grab().save(str(screenshot))
        dialog.accept()
        return True

    window.run_dialog = drive
    before = count_roadmaps(demo_db)
    roadmap_id = window.import_file(fixture("petrogradsky-2021-2023.docx"))
    assert seen and roadmap_id is not None
    with demo_db.session() as session:
        roadmap = session.get(Roadmap, roadmap_id)
        assert len(roadmap.all_items()) == 30
        assert session.query(Organisation).filter_by(short_name="РЦОКО").count() == 1
    assert window.page("roadmaps").current_roadmap_id() == roadmap_id
    window.undo_stack.undo()
    assert count_roadmaps(demo_db) == before
    with demo_db.session() as session:
        assert session.query(Organisation).filter_by(short_name="РЦОКО").count() == 0
    window.undo_stack.redo()
    assert count_roadmaps(demo_db) == before + 1
    assert screenshot.stat().st_size > 10_000


def test_cancel_in_preview_writes_nothing(window, demo_db) -> None:
    window.run_dialog = lambda dialog: False
    before = count_roadmaps(demo_db)
    assert window.import_file(fixture("kaliningrad-region-2023.xlsx")) is None
    assert count_roadmaps(demo_db) == before


def test_refused_file_shows_russian_error(window, demo_db, tmp_path: Path) -> None:
    files = hostile_files(tmp_path)
    window.run_dialog = lambda dialog: True
    before = count_roadmaps(demo_db)
    assert window.import_file(files["docm"]) is None
    kind, _title, text = window.dialogs.shown[-1]
    assert kind == "error" and "макрос" in text
    assert count_roadmaps(demo_db) == before


def test_dropped_file_is_imported(window, monkeypatch) -> None:
    dropped: list[Path] = []
    monkeypatch.setattr(window, "import_file", lambda path=None: dropped.append(path))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(fixture("balakhta-500plus-2022.docx")))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert dropped == [fixture("balakhta-500plus-2022.docx")]
    other = QMimeData()
    other.setUrls([QUrl.fromLocalFile("/tmp/picture.png")])
    window.dropEvent(QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, other,
                                Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    assert len(dropped) == 1


def test_menu_has_import(window) -> None:
    actions = {a.text(): a for a in window.file_menu.actions()}
    action = actions["&Импорт: дорожная карта, форма школы, пакет района…"]
    assert action.shortcut().toString() == "Ctrl+I"


def test_cancel_while_writing_leaves_nothing(window, demo_db, monkeypatch) -> None:
    """Cancelling the write rolls the one transaction back."""
    import desktop.ui.background as background

    real = background._Worker._progress
    monkeypatch.setattr(background._Worker, "_progress",
                        lambda self, done, total: real(self, done, total) and done < 20)
    window.run_dialog = lambda dialog: True
    before = count_roadmaps(demo_db)
    with demo_db.session() as session:
        orgs = session.scalar(select(func.count()).select_from(Organisation))
    assert window.import_file(fixture("balakhta-500plus-2022.docx")) is None
    assert count_roadmaps(demo_db) == before
    with demo_db.session() as session:
        assert session.scalar(select(func.count()).select_from(Organisation)) == orgs
    assert "отменён" in window.dialogs.shown[-1][2]
