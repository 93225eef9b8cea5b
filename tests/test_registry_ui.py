"""The editable «Школы» and «Справочники» pages: edits in the table, validation messages,
add and delete with undo, risk factors, a list pasted from Excel."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QUndoStack
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from desktop.models import ItemExecutor, Organisation, Person, RiskFactor, School
from desktop.ui.changes import Changes
from desktop.ui.datasource import DataSource
from desktop.ui.dialogs import ScriptedDialogs
from desktop.ui.views.directories import DirectoriesPage
from desktop.ui.views.schools import SchoolsPage
from tests.qt_helpers import type_text


@pytest.fixture
def make_page(qtbot, demo_db):
    stack, changes, dialogs = QUndoStack(), Changes(), ScriptedDialogs()

    def make(page_class):
        page = page_class(DataSource(demo_db))
        page.attach(stack, changes, dialogs)
        qtbot.addWidget(page)
        page.resize(1300, 700)
        page.show()
        page.reload()
        return page

    return make


def _school(db, short: str) -> School | None:
    with db.session() as s:
        return s.scalar(select(School).where(School.short_name == short).options(
            selectinload(School.curator), selectinload(School.risk_factors),
            selectinload(School.project_years)))


def _count(db, model) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def _enter(qtbot, editor) -> None:
    """Enter commits through a queued call of the delegate: let it run."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def _edit_cell(qtbot, table, record_id: int, field: str, text: str) -> None:
    index = table.view_index(record_id, field)
    table.view.setCurrentIndex(index)
    table.view.edit(index)
    [editor] = table.view.viewport().findChildren(QLineEdit)
    editor.selectAll()
    type_text(editor, text)
    _enter(qtbot, editor)


def test_edit_a_short_name_then_undo_and_redo(make_page, qtbot, demo_db) -> None:
    page = make_page(SchoolsPage)
    school_id = _school(demo_db, "ОСШ").id
    _edit_cell(qtbot, page.table, school_id, "short_name", "ОСШ им. Героев")
    assert _school(demo_db, "ОСШ им. Героев").id == school_id
    assert page.table.view_index(school_id, "short_name").data() == "ОСШ им. Героев"
    page.undo_stack.undo()
    assert _school(demo_db, "ОСШ").id == school_id
    assert page.table.view_index(school_id, "short_name").data() == "ОСШ"
    page.undo_stack.redo()
    assert _school(demo_db, "ОСШ им. Героев") is not None
    assert page.undo_stack.undoText() == "изменение «Краткое» (ОСШ)"


def test_duplicate_short_name_is_refused_with_a_message(make_page, qtbot, demo_db) -> None:
    page = make_page(SchoolsPage)
    school_id = _school(demo_db, "ОСШ").id
    _edit_cell(qtbot, page.table, school_id, "short_name", "БСШ")
    kind, _title, text = page.dialogs.shown[-1]
    assert kind == "error" and "Школа с кратким наименованием «БСШ» уже есть" in text
    assert _school(demo_db, "ОСШ").id == school_id
    assert page.undo_stack.count() == 0
    assert page.table.view_index(school_id, "short_name").data() == "ОСШ"


def test_bad_years_are_refused(make_page, qtbot, demo_db) -> None:
    page = make_page(SchoolsPage)
    school_id = _school(demo_db, "ЯСШ").id
    _edit_cell(qtbot, page.table, school_id, "project_years", "2026, 27")
    assert "четырьмя цифрами" in page.dialogs.shown[-1][2]
    _edit_cell(qtbot, page.table, school_id, "project_years", "2026, 2027")
    assert [p.year for p in _school(demo_db, "ЯСШ").project_years] == [2026, 2027]


def test_toggle_the_shnor_checkbox(make_page, demo_db) -> None:
    page = make_page(SchoolsPage)
    school = _school(demo_db, "ЯСШ")
    assert not school.is_shnor
    index = page.table.view_index(school.id, "is_shnor")
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert page.table.proxy.setData(index, Qt.CheckState.Checked.value,
                                    Qt.ItemDataRole.CheckStateRole)
    assert _school(demo_db, "ЯСШ").is_shnor
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    page.undo_stack.undo()
    assert not _school(demo_db, "ЯСШ").is_shnor


def test_choose_a_curator_in_the_combo(make_page, demo_db) -> None:
    page = make_page(SchoolsPage)
    school_id = _school(demo_db, "КСОШ3").id
    index = page.table.view_index(school_id, "curator_id")
    page.table.view.setCurrentIndex(index)
    page.table.view.edit(index)
    [combo] = page.table.view.viewport().findChildren(QComboBox)
    combo.setCurrentIndex(combo.findText("Лапшин Олег Викторович"))
    combo.activated.emit(combo.currentIndex())
    assert _school(demo_db, "КСОШ3").curator.name == "Лапшин Олег Викторович"
    page.undo_stack.undo()
    assert _school(demo_db, "КСОШ3").curator_id is None


def test_add_and_delete_a_school_with_undo(make_page, qtbot, demo_db) -> None:
    page = make_page(SchoolsPage)
    new_id = page.table.add_row()
    [editor] = page.table.view.viewport().findChildren(QLineEdit)
    type_text(editor, "НСШ")
    _enter(qtbot, editor)
    assert _school(demo_db, "НСШ").id == new_id and _count(demo_db, School) == 13
    page.dialogs.answers = [True]
    page.table.view.selectRow(page.table.view_index(new_id, "short_name").row())
    qtbot.keyClick(page.table.view, Qt.Key.Key_Delete)
    assert page.dialogs.shown[-1][0] == "confirm" and _count(demo_db, School) == 12
    page.undo_stack.undo()
    assert _school(demo_db, "НСШ").id == new_id
    page.undo_stack.undo()  # the rename
    page.undo_stack.undo()  # the addition
    assert _count(demo_db, School) == 12 and page.table.model.rowCount() == 12


def test_deleted_school_comes_back_with_risk_factors_and_years(make_page, demo_db) -> None:
    page = make_page(SchoolsPage)
    school = _school(demo_db, "КСОШ2")
    before = page.table.model.record(page.table.model.row_of(school.id))
    page.table.view.selectRow(page.table.view_index(school.id, "short_name").row())
    page.dialogs.answers = [False]
    assert not page.table.delete_selected()
    page.dialogs.answers = [True]
    assert page.table.delete_selected()
    assert _school(demo_db, "КСОШ2") is None
    page.undo_stack.undo()
    assert page.table.model.record(page.table.model.row_of(school.id)) == before


def test_risk_factors_are_chosen_in_a_checkable_list(make_page, demo_db) -> None:
    page = make_page(SchoolsPage)
    school_id = _school(demo_db, "ЯСШ").id

    def tick_first_two(dialog) -> bool:
        for n in range(2):
            dialog.list.item(n).setCheckState(Qt.CheckState.Checked)
        dialog.accept()
        return True

    page.run_dialog = tick_first_two
    assert page.edit_risk_factors(school_id)
    assert [f.number for f in _school(demo_db, "ЯСШ").risk_factors] == [1, 2]
    page.undo_stack.undo()
    assert _school(demo_db, "ЯСШ").risk_factors == []


def test_paste_three_schools_from_the_clipboard(make_page, demo_db) -> None:
    page = make_page(SchoolsPage)
    QGuiApplication.clipboard().setText(
        "НСШ\tМБОУ «Новая СШ»\tИванов И.И.\tШНОР\t2026\n"
        "ЗСШ\tМБОУ «Заречная СШ»\tПетров П.П.\tШССУ, ШФЗР\n"
        "ОСШ\tДубль\t\n"
        "РСШ\tМБОУ «Речная СШ»\t\n")
    seen = {}

    def accept(dialog) -> bool:
        seen["added"] = dialog.added_table.rowCount()
        seen["skipped"] = dialog.skipped_table.item(0, 2).text()
        dialog.accept()
        return True

    page.run_dialog = accept
    assert page.paste_from_excel() == 3
    assert seen["added"] == 3 and "уже есть" in seen["skipped"]
    assert _count(demo_db, School) == 15 and _school(demo_db, "ЗСШ").is_shfzr
    assert [p.year for p in _school(demo_db, "НСШ").project_years] == [2026]
    page.undo_stack.undo()
    assert _count(demo_db, School) == 12 and page.table.model.rowCount() == 12
    page.undo_stack.redo()
    assert _count(demo_db, School) == 15


def test_edit_an_organisation_and_a_person(make_page, qtbot, demo_db) -> None:
    page = make_page(DirectoriesPage)
    with demo_db.session() as s:
        org_id = s.scalar(select(Organisation.id).where(Organisation.short_name == "ЦОКО"))
        person_id = s.scalar(select(Person.id).where(Person.name == "Зуев Максим Игоревич"))
    _edit_cell(qtbot, page.organisations, org_id, "short_name", "МЦОКО")
    with demo_db.session() as s:
        assert s.get(Organisation, org_id).short_name == "МЦОКО"
    # the people tab shows the new name of the organisation
    assert page.people.view_index(person_id, "organisation_id").data() == "МЦОКО"
    page.tabs.setCurrentWidget(page.people)
    _edit_cell(qtbot, page.people, person_id, "position", "методист")
    with demo_db.session() as s:
        assert s.get(Person, person_id).position == "методист"
    _edit_cell(qtbot, page.organisations, org_id, "short_name", "ИМЦ")
    assert "уже есть в справочнике" in page.dialogs.shown[-1][2]
    page.undo_stack.undo()
    page.undo_stack.undo()
    with demo_db.session() as s:
        assert s.get(Organisation, org_id).short_name == "ЦОКО"
        assert s.get(Person, person_id).position == "ведущий специалист ЦОКО"


def test_deleting_an_organisation_keeps_item_executor_text(make_page, demo_db) -> None:
    page = make_page(DirectoriesPage)
    with demo_db.session() as s:
        org_id = s.scalar(select(Organisation.id).where(Organisation.short_name == "СМИ"))
    page.organisations.view.selectRow(page.organisations.view_index(org_id, "short_name").row())
    page.dialogs.answers = [True]
    assert page.organisations.delete_selected()
    with demo_db.session() as s:
        texts = s.scalars(select(ItemExecutor.text).where(ItemExecutor.text == "СМИ")).all()
        assert texts and s.get(Organisation, org_id) is None
    page.undo_stack.undo()
    with demo_db.session() as s:
        assert s.scalar(select(func.count()).select_from(ItemExecutor)
                        .where(ItemExecutor.organisation_id == org_id)) == len(texts)


def test_risk_factor_reference_is_editable(make_page, qtbot, demo_db) -> None:
    page = make_page(DirectoriesPage)
    new_id = page.risks.add_row()
    [editor] = page.risks.view.viewport().findChildren(QLineEdit)
    type_text(editor, "Высокая текучесть кадров")
    _enter(qtbot, editor)
    with demo_db.session() as s:
        factor = s.get(RiskFactor, new_id)
        assert (factor.number, factor.title) == (11, "Высокая текучесть кадров")
