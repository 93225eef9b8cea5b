"""Undo across sessions: an undo (or a redo after it) never writes over another user's
later change of the same record (optimistic locking kept between a command's runs, see
:meth:`desktop.ui.commands.CommittingCommand.session`).

Two windows on one database (two :class:`Database` objects on the same SQLite file, or on
the same PostgreSQL database): A does, B changes the same record through its own command,
A undoes: refused with «Запись изменена другим пользователем», B's change is in the
database, A's command leaves the history. Without B, undo and redo work as before, also
when A's own later commands changed the same records in between.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import pytest
from sqlalchemy import select

from desktop.models import ChecklistRow, Item, Order, Organisation, Roadmap, School, Section
from desktop.models.columns import Field
from desktop.models.database import Database, open_database
from desktop.models.enums import DocumentKind, ItemStatus, Level, SchoolScope
from desktop.services import numbering, order_editing, structure
from desktop.services import roadmaps as roadmap_service
from desktop.services.checklist import CellState
from desktop.services.editing import ExecutorEntry, get_executors, get_schools
from desktop.services.school_card import DocKey, get_document
from tests.two_sessions import Ids

pytestmark = pytest.mark.both_backends

CONFLICT = "Запись изменена другим пользователем"


def _stack(qapp) -> tuple[Any, Any, list[bool]]:
    from PySide6.QtGui import QUndoStack

    from desktop.ui.changes import Changes

    stack, changes, conflicts = QUndoStack(), Changes(), []
    changes.conflictDetected.connect(lambda: conflicts.append(True))
    return stack, changes, conflicts


def _item(db: Database, item_id: int) -> Item | None:
    with db.session() as s:
        return s.get(Item, item_id)


def _field(field: Field, value: Any,
           item: Callable[[Database, Ids], int] | None = None) -> Callable[..., Any]:
    """A field edit in the editor or the timeline (of ``item``, else the case's item)."""
    from desktop.ui.commands import SetItemFieldCommand

    return lambda d, ch, i: SetItemFieldCommand(d, ch, item(d, i) if item else i.item, field,
                                                value)


def _note(value: str) -> Callable[..., Any]:
    return _field(Field.NOTE, value)


def _layout(text: str, operation: Callable[[Any, Ids], Any]) -> Callable[..., Any]:
    from desktop.ui.editor.commands import LayoutCommand

    return lambda d, ch, i: LayoutCommand(d, ch, i.roadmap, text, lambda s: operation(s, i))


def _cells(states: Callable[[Ids], dict]) -> Callable[..., Any]:
    from desktop.ui.checklist.commands import SetCellsCommand

    return lambda d, ch, i: SetCellsCommand(d, ch, states(i), "отметка")


def _order(text: str, mutate: Callable[[Any, Ids], Any]) -> Callable[..., Any]:
    from desktop.ui.orders.commands import OrderEditCommand

    return lambda d, ch, i: OrderEditCommand(d, ch, i.order, text, lambda s: mutate(s, i))


def _school(field: str, value: Any) -> Callable[..., Any]:
    from desktop.ui.registry.commands import SetValueCommand

    return lambda d, ch, i: SetValueCommand(d, ch, "school", i.school, field, value, "школа")


def _organisation(field: str, value: Any) -> Callable[..., Any]:
    """A directory edit: organisations keep no version, their values are compared."""
    from desktop.ui.registry.commands import SetValueCommand

    return lambda d, ch, i: SetValueCommand(d, ch, "organisation", i.organisation, field,
                                            value, "организация")


def _add_organisation(d: Database, ch: Any, i: Ids) -> Any:
    from desktop.ui.registry.commands import AddRowsCommand

    return AddRowsCommand(d, ch, "organisation", [{"short_name": "Новая организация"}],
                          "организация")


def _new_organisation(db: Database) -> int:
    with db.session() as s:
        return s.scalars(select(Organisation.id).where(
            Organisation.short_name == "Новая организация")).one()


DOC = DocKey(DocumentKind.CONCEPT)


def _document(title: str) -> Callable[..., Any]:
    from desktop.ui.schools.commands import SetDocumentCommand

    values = {"state": "draft", "title": title, "date": None, "file_id": None,
              "confirmed_by_curator": False, "confirmed_on": None}
    return lambda d, ch, i: SetDocumentCommand(d, ch, i.school, DOC, values, "документ")


def _properties(**changed: Any) -> Callable[..., Any]:
    from desktop.ui.roadmap_properties import RoadmapPropertiesCommand

    def make(d: Database, ch: Any, i: Ids) -> Any:
        with d.session() as s:
            props = roadmap_service.read_properties(s, i.roadmap)
        return RoadmapPropertiesCommand(d, ch, i.roadmap, replace(props, **changed))
    return make


def _executors(text: str) -> Callable[..., Any]:
    from desktop.ui.editor.commands import SetExecutorsCommand

    return lambda d, ch, i: SetExecutorsCommand(d, ch, i.item, [ExecutorEntry(text=text)])


def _schools(count: int) -> Callable[..., Any]:
    from desktop.ui.editor.commands import SetSchoolsCommand

    return lambda d, ch, i: SetSchoolsCommand(d, ch, i.item, SchoolScope.CHOSEN,
                                              i.schools[:count])


def _insert(d: Database, ch: Any, i: Ids) -> Any:
    from desktop.ui.editor.commands import InsertCommand

    with d.session() as s:
        section_id, parent_id, position, _ = structure.capture_layout(s, i.roadmap).items[i.item]
    return InsertCommand(d, ch, i.roadmap, "добавление мероприятия", lambda s: [
        structure.add_item(s, section_id=section_id, parent_id=parent_id, position=position + 1,
                           activity="Новое")])


def _delete(d: Database, ch: Any, i: Ids) -> Any:
    from desktop.ui.editor.commands import DeleteCommand

    return DeleteCommand(d, ch, i.roadmap, "удаление", item_ids=[i.item])


def _new_roadmap(d: Database, ch: Any, i: Ids) -> Any:
    from desktop.ui.new_roadmap import TEMPLATE, CreateRoadmapCommand, NewRoadmap

    props = roadmap_service.RoadmapProperties("Новая карта", Level.MUNICIPAL,
                                              dt.date(2027, 1, 1), dt.date(2027, 12, 31))
    return CreateRoadmapCommand(d, ch, NewRoadmap(TEMPLATE, props))


def _added_item(db: Database) -> int:
    with db.session() as s:
        return s.scalars(select(Item.id).where(Item.activity == "Новое")).one()


def _newest_roadmap_item(db: Database) -> int:
    with db.session() as s:
        roadmap = s.scalars(select(Roadmap.id).order_by(Roadmap.id.desc())).first()
        return s.scalars(select(Item.id).join(Section).where(Section.roadmap_id == roadmap)
                         .order_by(Item.id)).first()


def _mark(status: ItemStatus, comment: str = "") -> Callable[[Ids], dict]:
    return lambda i: {(i.item, i.school): CellState(status, None, comment)}


def _marks(status: ItemStatus) -> Callable[[Ids], dict]:
    return lambda i: {(i.item, school): CellState(status) for school in i.schools}


def _cell(db: Database, i: Ids) -> tuple[str, str]:
    with db.session() as s:
        row = s.scalars(select(ChecklistRow).where(ChecklistRow.item_id == i.item,
                                                   ChecklistRow.school_id == i.school)).first()
        return (row.status.value, row.comment) if row is not None else ("", "")


def _renumbered(s: Any, i: Ids) -> int:
    return numbering.renumber(s, i.roadmap)


def _mess_up_number(db: Database, i: Ids) -> None:
    """A number out of order, so that «Перенумеровать» changes the item."""
    with db.session() as s:
        s.get(Item, i.item).number = "99.99"


@dataclass
class Case:
    """A does ``ours``; B does ``theirs`` on the same record; ``read`` shows B's change."""

    ours: Callable[..., Any]
    theirs: Callable[..., Any]
    read: Callable[[Database, Ids], Any]
    #: undo A's command first (no one interferes), then B changes, then A redoes
    redo: bool = False
    prepare: Callable[[Database, Ids], None] | None = None
    #: whether A's own ``theirs`` after ``ours`` can be undone and redone with it (not after
    #: a deletion; not in a new roadmap, whose redo makes new rows)
    later_own: bool = True


CASES: dict[str, Case] = {
    "field": Case(_note("моя заметка"), _note("заметка коллеги"),
                  lambda db, i: _item(db, i.item).note),
    "gantt drag (deadline)": Case(_field(Field.DEADLINE, "до 15.03.2026"),
                                  _note("заметка коллеги"), lambda db, i: _item(db, i.item).note),
    "move": Case(_layout("перемещение", lambda s, i: structure.move_item(s, i.item, 1)),
                 _note("заметка коллеги"), lambda db, i: _item(db, i.item).note),
    "indent": Case(_layout("уровень", lambda s, i: structure.indent_item(s, i.item)),
                   _note("заметка коллеги"), lambda db, i: _item(db, i.item).note),
    "renumber": Case(_layout("перенумерация", _renumbered), _note("заметка коллеги"),
                     lambda db, i: _item(db, i.item).note, prepare=_mess_up_number),
    "add": Case(_insert, _field(Field.NOTE, "заметка коллеги", lambda d, i: _added_item(d)),
                lambda db, i: _item(db, _added_item(db)).note),
    "delete (redo)": Case(_delete, _note("заметка коллеги"),
                          lambda db, i: _item(db, i.item).note, redo=True, later_own=False),
    "executors": Case(_executors("Управление образования"), _executors("ИРО"),
                      lambda db, i: _read(db, lambda s: get_executors(s, i.item))[0].text),
    "schools": Case(_schools(1), _schools(3),
                    lambda db, i: _read(db, lambda s: sorted(get_schools(s, i.item)[1]))),
    "checklist mark": Case(_cells(_mark(ItemStatus.DONE)),
                           _cells(_mark(ItemStatus.IN_WORK, "коллега")), _cell),
    "bulk marks": Case(_cells(_marks(ItemStatus.DONE)),
                       _cells(_mark(ItemStatus.IN_WORK, "коллега")), _cell),
    "order field": Case(_order("заголовок", lambda s, i: order_editing.set_order_field(
        s, i.order, "title", "Мой заголовок")),
        _order("номер", lambda s, i: order_editing.set_order_field(s, i.order, "number", "77")),
        lambda db, i: _read(db, lambda s: s.get(Order, i.order).number)),
    "approval": Case(_order("виза", lambda s, i: order_editing.add_row(
        s, "approval", i.order, person_name="Моя виза")),
        _order("виза", lambda s, i: order_editing.add_row(
            s, "approval", i.order, person_name="Виза коллеги")),
        lambda db, i: "Виза коллеги" in _read(db, lambda s: [
            a.person_name for a in s.get(Order, i.order).approvals])),
    "school registry": Case(_school("short_name", "Моя школа"), _school("note", "от коллеги"),
                            lambda db, i: _read(db, lambda s: s.get(School, i.school).note)),
    "school years": Case(_school("project_years", [2025]), _school("project_years", [2026]),
                         lambda db, i: _read(db, lambda s: [
                             y.year for y in s.get(School, i.school).project_years])),
    "directory": Case(_organisation("short_name", "Моё название"),
                      _organisation("full_name", "Полное название от коллеги"),
                      lambda db, i: _read(db, lambda s: s.get(Organisation, i.organisation)
                                          .full_name)),
    "directory add": Case(_add_organisation, lambda d, ch, i: _organisation_field(
        d, ch, _new_organisation(d)), lambda db, i: _read(
            db, lambda s: s.get(Organisation, _new_organisation(db)).full_name)),
    "school card": Case(_document("Моя концепция"), _document("Концепция коллеги"),
                        lambda db, i: _read(db, lambda s: get_document(s, i.school, DOC)["title"])),
    "roadmap properties": Case(_properties(title="Моё название"), _properties(goal="Цель коллеги"),
                               lambda db, i: _read(db, lambda s: s.get(Roadmap, i.roadmap).goal)),
    "new roadmap": Case(_new_roadmap, _field(Field.NOTE, "заметка коллеги",
                                             lambda d, i: _newest_roadmap_item(d)),
                        lambda db, i: _item(db, _newest_roadmap_item(db)).note, later_own=False),
}


def _organisation_field(d: Database, ch: Any, organisation: int) -> Any:
    from desktop.ui.registry.commands import SetValueCommand

    return SetValueCommand(d, ch, "organisation", organisation, "full_name", "От коллеги",
                           "организация")


def _read(db: Database, query: Callable[[Any], Any]) -> Any:
    with db.session() as s:
        return query(s)




@pytest.mark.parametrize("name", list(CASES))
def test_an_undo_over_another_users_later_change_is_refused(name, demo_db, other, ids,
                                                            qapp) -> None:
    case = CASES[name]
    if case.prepare is not None:
        case.prepare(demo_db, ids)
    stack, changes, conflicts = _stack(qapp)
    their_stack, their_changes, _ = _stack(qapp)
    ours = case.ours(demo_db, changes, ids)
    stack.push(ours)
    assert ours.error is None
    if case.redo:
        stack.undo()
        assert ours.error is None and stack.index() == 0
    theirs = case.theirs(other, their_changes, ids)
    their_stack.push(theirs)
    assert theirs.error is None
    seen = case.read(demo_db, ids)
    assert seen not in (None, "", [], False)  # their change is there to lose

    stack.redo() if case.redo else stack.undo()

    assert ours.error is not None and CONFLICT in ours.error
    assert conflicts == [True]
    assert case.read(demo_db, ids) == seen  # B's change survives
    assert stack.count() == 0 and stack.index() == 0  # the command left A's history
    assert not stack.canUndo() and not stack.canRedo()


@pytest.mark.parametrize("name", list(CASES))
def test_without_another_user_undo_and_redo_work_as_before(name, demo_db, ids, qapp) -> None:
    """A alone: undo, redo, undo again; each run finds what the last one left (the same
    window's later command on the same records in between counts as its own)."""
    case = CASES[name]
    if case.prepare is not None:
        case.prepare(demo_db, ids)
    stack, changes, conflicts = _stack(qapp)
    first = case.ours(demo_db, changes, ids)
    stack.push(first)
    assert first.error is None
    commands = [first]
    if case.later_own:
        commands.append(case.theirs(demo_db, changes, ids))
        stack.push(commands[1])
    after_all = case.read(demo_db, ids) if case.later_own else None
    for _ in range(2):
        while stack.canUndo():
            stack.undo()
        while stack.canRedo():
            stack.redo()
    assert [c.error for c in commands] == [None] * len(commands) and conflicts == []
    assert stack.count() == len(commands) and stack.index() == len(commands)
    if case.later_own:
        assert case.read(demo_db, ids) == after_all


def test_undoing_a_new_roadmap_refuses_when_another_user_added_to_it(demo_db, other, ids,
                                                                     qapp) -> None:
    """Another user's new item has no version A could have read: the undo that would delete
    the whole roadmap sees a record it did not leave, and is refused."""
    from desktop.ui.editor.commands import InsertCommand

    stack, changes, conflicts = _stack(qapp)
    ours = _new_roadmap(demo_db, changes, ids)
    stack.push(ours)
    their_stack, their_changes, _ = _stack(qapp)
    with other.session() as s:
        section = s.scalars(select(Section.id).where(Section.roadmap_id == ours.roadmap_id)
                            .order_by(Section.position)).first()
    their_stack.push(InsertCommand(other, their_changes, ours.roadmap_id, "добавление",
                                   lambda s: [structure.add_item(s, section_id=section,
                                                                 activity="Пункт коллеги")]))
    stack.undo()
    assert ours.error is not None and CONFLICT in ours.error and conflicts == [True]
    with demo_db.session() as s:
        assert s.scalars(select(Item.id).where(Item.activity == "Пункт коллеги")).one()


def test_a_refused_undo_from_the_history_is_shown_in_the_window(window, qtbot, ids) -> None:
    """Ctrl+Z in the window: the refusal is said in a message box (not only logged)."""
    from desktop.ui.commands import SetItemFieldCommand

    db = window.database
    command = SetItemFieldCommand(db, window.changes, ids.item, Field.NOTE, "моя заметка")
    window.undo_stack.push(command)
    other = open_database(db.address, create=False)
    try:
        with other.session() as s:
            s.get(Item, ids.item).note = "заметка коллеги"
    finally:
        other.close()
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: any(CONFLICT in text for kind, _t, text in window.dialogs.shown
                                if kind == "error"), timeout=3000)
    assert _item(db, ids.item).note == "заметка коллеги"
    # the reminders' timer reads the database: it must have run before the database goes
    qtbot.waitUntil(lambda: window.reminders is not None, timeout=5000)
