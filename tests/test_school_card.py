"""The school card: opened by a double click in the schools registry and from the matrix;
shows the profile and the school's checklist; its concept documents are editable, each
edit one undoable change."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from PySide6.QtCore import Qt

from desktop.models import RiskFactor, School, SchoolDocument
from desktop.models.enums import DocumentKind
from desktop.services import checklist
from desktop.services.checklist import CellState
from desktop.ui.dialogs import ScriptedDialogs
from desktop.ui.main_window import MainWindow
from desktop.ui.schools.card import SchoolCard
from desktop.ui.schools.document_dialog import DocumentDialog
from tests.checklist_data import build


@pytest.fixture
def win(qtbot, db):
    built = build(db)
    with db.session() as s:
        school = s.get(School, built.schools["СОШ1"])
        school.director = "Иванова И. И."
        school.risk_factors = list(s.scalars(select(RiskFactor).where(RiskFactor.number.in_([2, 5]))))
        checklist.set_cells(s, {(built.items["2.5"], school.id): CellState().done(dt.date(2026, 5, 3))})
    window = MainWindow(db, dialogs=ScriptedDialogs())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window, built


def test_double_click_in_the_registry_opens_the_card(win, qtbot) -> None:
    window, built = win
    page = window.show_page("schools")
    shown: list[SchoolCard] = []
    page.run_dialog = lambda dialog: shown.append(dialog) or False
    row = page.table.model.row_of(built.schools["СОШ1"])
    index = page.table.proxy.mapFromSource(page.table.model.index(row, 0))
    rect = page.table.view.visualRect(index)
    # Qt 6 emits doubleClicked only for the index pressed first
    qtbot.mouseClick(page.table.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    (card,) = shown
    assert card.labels["director"].text() == "Иванова И. И."
    assert card.labels["categories"].text() == "«500+» 2026"
    assert "2. Дефицит педагогических кадров" in card.labels["risk_factors"].text()
    names = [r["name"] for r in card.data["documents"]]
    assert names[:2] == ["концепция развития", "среднесрочная программа развития"]
    assert len(names) == 4 and names[2].startswith("антирисковая программа: 2.")
    assert [(r["number"], r["status"], r["date"]) for r in card.data["checklist"]] == [
        ("2.5", "выполнено", dt.date(2026, 5, 3))]


def test_concept_document_edit_is_one_undoable_change(win, db, tmp_path: Path) -> None:
    window, built = win
    checklist_page = window.show_page("checklist")
    shown = []
    checklist_page.run_dialog = lambda dialog: shown.append(dialog) or False
    column = checklist_page.model.column_of(built.schools["СОШ1"])
    checklist_page.view.horizontalHeader().sectionDoubleClicked.emit(column)
    (card,) = shown
    assert card.school_id == built.schools["СОШ1"]
    program = tmp_path / "Программа.docx"
    program.write_bytes(b"programme")

    def fill(dialog: DocumentDialog) -> bool:
        dialog.state.setCurrentIndex(dialog.state.findData("approved"))
        dialog.title.setText("Приказ № 40")
        dialog.has_date.setChecked(True)
        dialog.date.setDate(dialog.date.date().fromString("2026-03-01", "yyyy-MM-dd"))
        assert dialog.attach_file(program)
        dialog.confirmed.setChecked(True)
        return True

    card.run_dialog = fill
    assert card.edit_document(1)  # the mid-term programme
    with db.session() as s:
        (doc,) = s.scalars(select(SchoolDocument)).all()
        assert (doc.kind, doc.state, doc.title, doc.date) == (
            DocumentKind.MID_TERM_PROGRAM, "approved", "Приказ № 40", dt.date(2026, 3, 1))
        assert doc.confirmed_by_curator and doc.file.original_name == "Программа.docx"
    assert card.data["documents"][1]["state_label"] == "утверждён"  # the card re-read itself
    window.undo_stack.undo()
    with db.session() as s:
        assert s.scalars(select(SchoolDocument)).all() == []
    window.undo_stack.redo()
    assert card.edit_document(2, {**card.data["documents"][2], "state": "draft"})
    with db.session() as s:
        states = {d.risk_factor.number: d.state for d in s.scalars(select(SchoolDocument))
                  if d.risk_factor is not None}
    assert states == {2: "draft"}
