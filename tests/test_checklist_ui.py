"""The checklist matrix in the window: space ticks, Enter edits, bulk «mark done», history,
evidence files, filters and a school form's import — every edit one undoable command."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.export.school_forms import export_school_forms
from desktop.models import Item
from desktop.models.enums import ItemStatus
from desktop.services import checklist
from desktop.services.report import build_report
from desktop.ui.checklist.cell_dialog import CellDialog
from desktop.ui.checklist.model import CellRole
from desktop.ui.dialogs import ScriptedDialogs
from desktop.ui.main_window import MainWindow
from tests.checklist_data import build

JUNE = dt.date(2026, 6, 30)


@pytest.fixture
def hand(qtbot, db):
    built = build(db)
    win = MainWindow(db, dialogs=ScriptedDialogs(answers=[True]))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    page = win.show_page("checklist")
    return win, page, built


def _index(page, item_id: int, school_id: int):
    return page.model.index(page.model.row_of(item_id), page.model.column_of(school_id))


def _state(db, item_id: int, school_id: int):
    with db.session() as s:
        return checklist.cell_states(s, [(item_id, school_id)])[(item_id, school_id)]


def test_matrix_shows_items_and_their_schools(hand) -> None:
    _win, page, built = hand
    assert [s.short_name for s in page.model.columns] == ["СОШ1", "СОШ2"]
    index = _index(page, built.items["2.5"], built.schools["СОШ1"])
    assert index.data(CellRole) == (built.items["2.5"], built.schools["СОШ1"])
    assert page.model.index(index.row(), 1).data() == "0 / 2"
    # an item not per school has no cells; section headings are rows of their own
    assert page.model.cell_at(_index(page, built.items["1.1"], built.schools["СОШ1"])) is None
    assert page.model.index(0, 0).data() == "1. Организация"


def test_space_ticks_and_undo_restores(hand, qtbot, db) -> None:
    win, page, built = hand
    item, one, two = built.items["2.5"], built.schools["СОШ1"], built.schools["СОШ2"]
    page.view.setCurrentIndex(_index(page, item, one))
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Space)
    assert _state(db, item, one).status is ItemStatus.DONE
    assert page.model.index(page.model.row_of(item), 1).data() == "1 / 2"
    page.view.setCurrentIndex(_index(page, item, two))
    qtbot.keyClick(page.view, Qt.Key.Key_Space)
    with db.session() as s:
        assert s.get(Item, item).status is ItemStatus.DONE
    assert page.model.index(page.model.row_of(item), 1).data() == "2 / 2"
    assert len(page.history.rows()) == 1 and "не начато → выполнено" in page.history.rows()[0]
    win.undo_stack.undo()
    assert _state(db, item, two).status is ItemStatus.PLANNED
    with db.session() as s:
        assert s.get(Item, item).status is ItemStatus.IN_WORK
    assert page.model.index(page.model.row_of(item), 1).data() == "1 / 2"
    assert page.history.rows()[0].startswith("выполнено")  # the undo is in the history too
    qtbot.keyClick(page.view, Qt.Key.Key_Space)  # and space again: ticked
    assert _state(db, item, two).status is ItemStatus.DONE


def test_bulk_mark_done_with_one_date_moves_the_dashboard(hand, db) -> None:
    win, page, built = hand
    item = built.items["2.5"]
    reports = win.page("reports")
    reports.set_day(JUNE)
    reports.reload()
    before = reports.report.overall.done
    cells = [(item, built.schools["СОШ1"]), (item, built.schools["СОШ2"])]
    assert page.mark_done(cells, dt.date(2026, 5, 25))
    assert win.undo_stack.count() == 1
    assert reports.report.overall.done == before + 1  # refreshed by the change notice
    with db.session() as s:
        assert build_report(s, built.roadmap_id, JUNE).overall.done == before + 1
        stored = s.get(Item, item)
        assert (stored.status, stored.done_date) == (ItemStatus.DONE, dt.date(2026, 5, 25))
    # through the dialog: the selection, one date
    win.undo_stack.undo()
    page.view.selectionModel().clearSelection()
    for cell in cells:
        page.view.selectionModel().select(_index(page, *cell),
                                          page.view.selectionModel().SelectionFlag.Select)
    page.run_dialog = lambda dialog: True
    assert page.mark_done()
    assert _state(db, *cells[1]).date == dt.date.today()


def test_enter_edits_the_cell_with_a_document_and_a_file(hand, qtbot, db, tmp_path: Path) -> None:
    _win, page, built = hand
    cell = (built.items["2.5"], built.schools["СОШ1"])
    source = tmp_path / "Справка.pdf"
    source.write_bytes(b"%PDF analytical note")

    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, CellDialog)
        dialog.status.setCurrentIndex(dialog.status.findData("in_work"))
        dialog.doc_number.setText("7")
        assert dialog.attach_file(source)
        dialog.comment.setPlainText("ждём протокол")
        return True

    page.run_dialog = fill
    page.view.setCurrentIndex(_index(page, *cell))
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    state = _state(db, *cell)
    assert state.status is ItemStatus.IN_WORK and state.comment == "ждём протокол"
    (document,) = state.evidence
    assert (document.title, document.number, document.file_name) == ("Справка", "7", "Справка.pdf")
    source.unlink()
    page.open_evidence(document.file_id)
    (opened,) = page.dialogs.opened
    assert opened.read_bytes() == b"%PDF analytical note"


def test_filters_choose_rows_and_columns(hand) -> None:
    _win, page, _built = hand
    assert page.category.findData("ШНОР") == -1  # СОШ3 is ШНОР but no item concerns it
    page.category.setCurrentIndex(page.category.findData("«500+» 2026"))
    assert len(page.model.columns) == 2
    page.category.setCurrentIndex(0)
    page.executor.setCurrentIndex(page.executor.findData("ММС"))
    numbers = [e.number for e in page.model.rows if not isinstance(e, str)]
    assert numbers == ["1.3", "1.4", "2.1", "2.3", "2.4"]
    page.executor.setCurrentIndex(0)
    page.model.today = JUNE
    page.overdue.setChecked(True)
    # at 30.06: 1.3 and 2.5 are past their dates; 1.2 is done (the matrix shows today's marks)
    assert [e.number for e in page.model.rows if not isinstance(e, str)] == ["1.3", "2.5"]


def test_a_school_form_imports_as_one_undoable_change(hand, db, tmp_path: Path) -> None:
    win, page, built = hand
    with db.session() as s:
        export_school_forms(s, built.roadmap_id, tmp_path)
    path = tmp_path / "Чек-лист_СОШ2.xlsx"
    wb = load_workbook(path)
    wb["Чек-лист"]["D5"] = "выполнено"
    wb["Чек-лист"]["E5"] = "21.05.2026"
    wb.save(path)
    assert page.import_form(path) == 1
    kind, _title, text = page.dialogs.shown[-1]
    assert kind == "confirm" and "СОШ2" in text and "2.5" in text
    cell = (built.items["2.5"], built.schools["СОШ2"])
    assert _state(db, *cell).date == dt.date(2026, 5, 21)
    assert win.undo_stack.undoText() == "форму школы СОШ2"
    win.undo_stack.undo()
    assert _state(db, *cell).status is ItemStatus.PLANNED
