"""The window's menus reach the features: new roadmap, properties, the timeline, its PDF."""

from __future__ import annotations

import subprocess
from pathlib import Path

from sqlalchemy import func, select

from PySide6.QtWidgets import QDialog

from desktop.models import Roadmap
from desktop.ui import new_roadmap, roadmap_properties
from desktop.ui.export_actions import EXPORT_KINDS


def _roadmaps(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Roadmap))


def test_timeline_sits_beside_the_tree_and_toggles(window) -> None:
    page = window.show_page("roadmaps")
    assert page.timeline is not None and page.timeline.isVisible()
    assert page.splitter.indexOf(page.timeline) == 1
    assert page.timeline.period == (page.model.roadmap.period)
    page.toggle_timeline()
    assert not page.timeline.isVisible()


def test_new_roadmap_copy_appears_and_undo_removes_it(window, demo_db, monkeypatch) -> None:
    def accept_copy(dialog) -> bool:
        dialog.set_mode(new_roadmap.COPY)
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    original = new_roadmap.create_roadmap_dialog
    monkeypatch.setattr(new_roadmap, "create_roadmap_dialog",
                        lambda *a, **k: original(*a, run_dialog=accept_copy, **k))
    before = _roadmaps(demo_db)
    roadmap_id = window.new_roadmap()
    assert roadmap_id is not None and _roadmaps(demo_db) == before + 1
    page = window.pages["roadmaps"]
    assert page.current_roadmap_id() == roadmap_id
    assert page.combo.count() == before + 1
    window.undo_stack.undo()
    assert _roadmaps(demo_db) == before
    assert page.combo.count() == before


def test_properties_menu_opens_the_current_roadmap(window, monkeypatch) -> None:
    seen = {}

    def fake(parent, database, changes, undo_stack, dialogs, roadmap_id, **_kw) -> bool:
        seen["id"] = roadmap_id
        return False

    monkeypatch.setattr(roadmap_properties, "edit_roadmap_properties", fake)
    window.roadmap_properties()
    assert seen["id"] == window.pages["roadmaps"].current_roadmap_id()


def test_gantt_pdf_from_the_export_menu(window, tmp_path: Path) -> None:
    kind = next(k for k in EXPORT_KINDS if k.key == "gantt_pdf")
    target = tmp_path / "график.pdf"
    assert window.exports.export(kind, target) == target
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True,
                          check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages")))
    assert pages >= 2


def test_profile_menu_saves_the_authority(window, demo_db, monkeypatch) -> None:
    from desktop.models import Authority

    def fill(dialog) -> bool:
        dialog.editors["head_name"].setText("И.И. Новикова")
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    with demo_db.session() as s:
        before = s.scalar(select(Authority.head_name))
    monkeypatch.setattr(window, "run_dialog", fill)
    assert window.database_actions.edit_profile()
    with demo_db.session() as s:
        assert s.scalar(select(Authority.head_name)) == "И.И. Новикова"
    # one undoable step, like every other edit
    assert window.undo_stack.undoText() == "профиль органа управления образованием"
    window.undo_stack.undo()
    with demo_db.session() as s:
        assert s.scalar(select(Authority.head_name)) == before != "И.И. Новикова"
