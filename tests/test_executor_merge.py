"""«Объединить» two directory entries: every item, school and person re-pointed, the dropped
entry deleted; undo restores the database exactly, redo merges again (service and page)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QPainter, QUndoStack

from desktop.errors import UserError
from desktop.models import Item, ItemExecutor, Organisation, Person, School
from desktop.services.executor_merge import merge_executors, unmerge_executors, usage
from desktop.ui.changes import Changes
from desktop.ui.datasource import DataSource
from desktop.ui.dialogs import ScriptedDialogs, choice_dialog
from desktop.ui.views.directories import DirectoriesPage

SCREENSHOT = Path(__file__).resolve().parents[1] / "docs" / "screenshots" / "directory-merge.png"
ORIGINAL = "Ёлкина Дарья Сергеевна"
DUPLICATE = "Ёлкина Д.С."


def _dump(db) -> dict[str, Any]:
    """The rows a merge may touch, as plain values (item versions aside)."""
    with db.session() as s:
        return {
            "executors": sorted(tuple(r) for r in s.execute(select(
                ItemExecutor.id, ItemExecutor.item_id, ItemExecutor.position,
                ItemExecutor.organisation_id, ItemExecutor.person_id, ItemExecutor.text))),
            "people": sorted(tuple(r) for r in s.execute(select(
                Person.id, Person.name, Person.position, Person.organisation_id, Person.phone,
                Person.email))),
            "organisations": sorted(tuple(r) for r in s.execute(select(
                Organisation.id, Organisation.short_name, Organisation.full_name))),
            "curators": sorted(tuple(r) for r in s.execute(select(School.id, School.curator_id))),
        }


def _duplicate_person(db) -> tuple[int, int, list[int]]:
    """A second entry for the coordinator, named by two items (one of which names the
    original too) and curator of one school, with the e-mail the original lacks; returns
    (original, duplicate, its items)."""
    with db.session() as s:
        original = s.scalar(select(Person).where(Person.name == ORIGINAL))
        original.email = ""
        duplicate = Person(name=DUPLICATE, position="", phone="", email="d@example.org")
        s.add(duplicate)
        s.flush()
        named = s.scalars(select(ItemExecutor.item_id).where(
            ItemExecutor.person_id == original.id).order_by(ItemExecutor.item_id)).all()
        other = s.scalars(select(Item.id).where(Item.id.not_in(named)).order_by(Item.id)).first()
        both = named[0]
        for item_id in (both, other):
            item = s.get(Item, item_id)
            item.executors.append(ItemExecutor(position=len(item.executors), person=duplicate,
                                               text=DUPLICATE))
        school = s.scalars(select(School).order_by(School.id)).first()
        school.curator_id = duplicate.id
        s.commit()
        return original.id, duplicate.id, [both, other]


def _check_merged(db, original: int, duplicate: int, items: list[int]) -> None:
    with db.session() as s:
        assert s.get(Person, duplicate) is None
        kept = s.get(Person, original)
        assert kept.email == "d@example.org"  # was empty: filled from the dropped entry
        assert kept.phone == "+7 (391) 555-01-23"  # kept its own
        for item_id in items:
            named = [e.person_id for e in s.get(Item, item_id).executors if e.person_id]
            assert named.count(original) == 1 and duplicate not in named
        assert s.scalar(select(School.curator_id).order_by(School.id)) == original
        assert not s.scalars(select(ItemExecutor).where(
            ItemExecutor.text == DUPLICATE)).all()


@pytest.mark.both_backends
def test_merge_people_and_undo_exactly(demo_db) -> None:
    original, duplicate, items = _duplicate_person(demo_db)
    before = _dump(demo_db)
    with demo_db.session() as s:
        assert usage(s, "person", [duplicate])[duplicate] == 2
        undo = merge_executors(s, "person", original, duplicate)
        s.commit()
    assert undo.items == sorted(items) and len(undo.removed) == 1
    _check_merged(demo_db, original, duplicate, items)
    with demo_db.session() as s:
        unmerge_executors(s, undo)
        s.commit()
    assert _dump(demo_db) == before


@pytest.mark.both_backends
def test_merge_organisations_repoints_items_and_people(demo_db) -> None:
    with demo_db.session() as s:
        imc = s.scalar(select(Organisation).where(Organisation.short_name == "ИМЦ"))
        twin = Organisation(short_name="Информационно-методический центр", full_name="")
        s.add(twin)
        s.flush()
        person = Person(name="Новикова Н.Н.", organisation=twin)
        s.add(person)
        item = s.scalars(select(Item).order_by(Item.id)).first()
        item.executors.append(ItemExecutor(position=9, organisation=twin, text=twin.short_name))
        s.commit()
        imc_id, twin_id, person_id, item_id = imc.id, twin.id, person.id, item.id
    before = _dump(demo_db)
    with demo_db.session() as s:
        undo = merge_executors(s, "organisation", imc_id, twin_id)
        s.commit()
    with demo_db.session() as s:
        assert s.get(Organisation, twin_id) is None
        assert s.get(Person, person_id).organisation_id == imc_id
        texts = [e.display for e in s.get(Item, item_id).executors]
        assert "ИМЦ" in texts and "Информационно-методический центр" not in texts
    with demo_db.session() as s:
        unmerge_executors(s, undo)
        s.commit()
    assert _dump(demo_db) == before


@pytest.mark.both_backends
def test_merge_refuses_bad_requests_and_changes_nothing(demo_db) -> None:
    before = _dump(demo_db)
    with demo_db.session() as s:
        person_id = s.scalar(select(Person.id))
        with pytest.raises(UserError, match="две разные"):
            merge_executors(s, "person", person_id, person_id)
        with pytest.raises(UserError, match="не найдена"):
            merge_executors(s, "person", person_id, 999_999)
        with pytest.raises(UserError, match="две организации"):
            merge_executors(s, "school", person_id, person_id + 1)
    assert _dump(demo_db) == before


@pytest.fixture
def page(qtbot, demo_db):
    dialogs = ScriptedDialogs()
    page = DirectoriesPage(DataSource(demo_db))
    page.attach(QUndoStack(), Changes(), dialogs)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.reload()
    return page


def _select(table, ids: list[int]) -> None:
    selection = table.view.selectionModel()
    selection.clearSelection()
    for record_id in ids:
        selection.select(table.view_index(record_id, table.label_field),
                         QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)


def test_merge_button_with_undo_and_redo(page, qtbot, demo_db, tmp_path) -> None:
    original, duplicate, items = _duplicate_person(demo_db)
    page.reload()
    before = _dump(demo_db)
    table = page.people
    page.tabs.setCurrentWidget(table)
    assert table.merge_button is not None and not table.merge_button.isEnabled()
    _select(table, [original, duplicate])
    assert table.merge_button.isEnabled()
    page.dialogs.choices = [None]  # first look at the question, and cancel
    qtbot.mouseClick(table.merge_button, Qt.MouseButton.LeftButton)
    kind, title, text = page.dialogs.shown[-1]
    assert (kind, title) == ("choose", "Объединение")
    # offered first: the entry named by more items (the original: 5 items, the copy 2)
    question, first, second = text.split("\n")
    assert question.startswith("Какую запись оставить?")
    assert first.startswith(f"Оставить «{ORIGINAL}» (мероприятий: ")
    assert second == f"Оставить «{DUPLICATE}» (мероприятий: 2), «{ORIGINAL}» удалить"
    assert _dump(demo_db) == before and page.undo_stack.count() == 0
    _screenshot(page, qtbot, text, tmp_path)
    page.dialogs.choices = [0]
    qtbot.mouseClick(table.merge_button, Qt.MouseButton.LeftButton)
    _check_merged(demo_db, original, duplicate, items)
    assert table.model.row_of(duplicate) < 0  # the page re-read the directory
    assert page.undo_stack.undoText() == f"объединение «{ORIGINAL}» и «{DUPLICATE}»"
    page.undo_stack.undo()
    assert _dump(demo_db) == before
    assert table.model.row_of(duplicate) >= 0
    page.undo_stack.redo()
    _check_merged(demo_db, original, duplicate, items)
    page.undo_stack.undo()
    assert _dump(demo_db) == before


def _screenshot(page, qtbot, asked: str, tmp_path) -> None:
    """The page with the two rows selected and the question the user answers, as one picture
    (the question is a window of its own: drawn over the page's centre)."""
    target = SCREENSHOT if os.environ.get("UPDATE_SCREENSHOTS") == "1" \
        else tmp_path / "merge.png"
    question, *options = asked.split("\n")
    dialog = choice_dialog(page, "Объединение", question, options)
    dialog.show()
    qtbot.waitExposed(dialog)
    picture = page.grab()
    painter = QPainter(picture)
    shot = dialog.grab()
    painter.drawPixmap((picture.width() - shot.width()) // 2,
                       (picture.height() - shot.height()) // 2, shot)
    painter.end()
    dialog.close()
    target.parent.mkdir(parents=True, exist_ok=True)
    assert picture.save(str(target))


def test_merge_needs_two_rows_and_can_be_cancelled(page, qtbot, demo_db) -> None:
    before = _dump(demo_db)
    table = page.organisations
    with demo_db.session() as s:
        ids = s.scalars(select(Organisation.id).order_by(Organisation.id)).all()[:3]
    _select(table, ids[:1])
    assert not table.merge_button.isEnabled()
    assert table.merge_selected() is False
    assert page.dialogs.shown[-1][0] == "error"
    _select(table, ids[:2])
    page.dialogs.choices = [None]  # «Отмена»
    assert table.merge_selected() is False
    assert page.undo_stack.count() == 0
    assert _dump(demo_db) == before
    assert page.risks.merge_button is None  # risk factors are no executors


def test_choice_dialog_is_russian_and_offers_the_options(qtbot) -> None:
    dialog = choice_dialog(None, "Объединение", "Какую запись оставить?", ["первая", "вторая"])
    qtbot.addWidget(dialog)
    assert dialog.comboBoxItems() == ["первая", "вторая"]
    assert not dialog.isComboBoxEditable()
    assert (dialog.okButtonText(), dialog.cancelButtonText()) == ("Выбрать", "Отмена")
    assert dialog.textValue() == "первая"  # the first option is the default
