"""Two windows on one database (issue 25, item 2, as the user meets it): window A was read,
window B changed a record, A edits the same record without re-activating. A's edit is
refused with «Запись изменена другим пользователем: …», B's value stays, A's page re-reads,
and a cell's typed value is offered again (stored only when the user says so)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from PySide6.QtCore import Qt

from desktop.models import ChecklistRow, Item, Order, School
from desktop.models.columns import Field
from desktop.models.enums import ItemStatus
from desktop.services.checklist import CellState

pytestmark = pytest.mark.both_backends

CONFLICT = "Запись изменена другим пользователем"


@pytest.fixture
def window_b(qtbot, other):
    """A second window (another PC) on the same database."""
    from tests.qt_helpers import destroy_window, main_window

    win = main_window(other)
    yield win
    destroy_window(qtbot, win)


def _read(db: Any, query: Any) -> Any:
    with db.session() as s:
        return query(s)


def _set_cell(page: Any, item_id: int, field: Field, value: str) -> bool:
    """Type ``value`` into the item's cell of the editor (the model's setData)."""
    index = page.index_for(("item", item_id), page.model.column_of(field))
    assert index.isValid()
    return page.model.setData(index, value, Qt.ItemDataRole.EditRole)


def test_a_stale_cell_edit_is_refused_and_the_typed_value_offered_again(
        ids, window, window_b, demo_db) -> None:
    page_a, page_b = window.show_page("roadmaps"), window_b.show_page("roadmaps")
    _set_cell(page_b, ids.item, Field.ACTIVITY, "Текст коллеги")
    activity = _read(demo_db, lambda s: s.get(Item, ids.item).activity)
    assert activity == "Текст коллеги"

    window.dialogs.answers.append(False)  # «Записать ваше значение?» — no
    _set_cell(page_a, ids.item, Field.ACTIVITY, "Мой текст")
    assert _read(demo_db, lambda s: s.get(Item, ids.item).activity) == "Текст коллеги"
    kind, _title, text = window.dialogs.shown[-1]
    assert kind == "confirm" and text.startswith(CONFLICT)
    assert "«Текст коллеги»" in text and "«Мой текст»" in text
    # A's page re-read: it shows the colleague's text now
    index = page_a.index_for(("item", ids.item), page_a.model.column_of(Field.ACTIVITY))
    assert index.data() == "Текст коллеги"

    _set_cell(page_b, ids.item, Field.ACTIVITY, "Коллега ещё раз")
    window.dialogs.answers.append(True)  # this time: yes, write mine
    _set_cell(page_a, ids.item, Field.ACTIVITY, "Мой текст")
    assert _read(demo_db, lambda s: s.get(Item, ids.item).activity) == "Мой текст"
    assert window.undo_stack.count() == 1  # the stored edit only


def test_a_stale_structure_edit_is_refused(ids, window, window_b, demo_db) -> None:
    page_a, page_b = window.show_page("roadmaps"), window_b.show_page("roadmaps")
    layout = _read(demo_db, lambda s: (s.get(Item, ids.item).parent_id,
                                       s.get(Item, ids.item).number))
    _set_cell(page_b, ids.item, Field.ACTIVITY, "Текст коллеги")
    page_a.select_item(ids.item)
    page_a.controller.indent()
    assert _read(demo_db, lambda s: (s.get(Item, ids.item).parent_id,
                                     s.get(Item, ids.item).number)) == layout
    errors = [t for k, _, t in window.dialogs.shown if k == "error"]
    assert errors and errors[-1].startswith(CONFLICT)
    assert _read(demo_db, lambda s: s.get(Item, ids.item).activity) == "Текст коллеги"


def test_stale_checklist_marks_are_refused(ids, window, window_b, demo_db) -> None:
    page_a, page_b = window.show_page("checklist"), window_b.show_page("checklist")
    cells = {(ids.item, school): CellState(ItemStatus.DONE) for school in ids.schools}
    their = {(ids.item, ids.school): CellState(ItemStatus.IN_WORK, None, "коллега")}
    assert page_b._push(their, "отметка")
    assert not page_a._push(cells, "отметка: 3 ячейки")  # bulk, begun from the old page
    errors = [t for k, _, t in window.dialogs.shown if k == "error"]
    assert errors and errors[-1].startswith(CONFLICT)
    row = _read(demo_db, lambda s: s.scalars(select(ChecklistRow).where(
        ChecklistRow.item_id == ids.item, ChecklistRow.school_id == ids.school)).one()
        .comment)
    assert row == "коллега"


def test_a_stale_order_point_is_refused(ids, window, window_b, demo_db) -> None:
    from desktop.services import order_editing
    from desktop.ui.orders.sink import FAILED

    page_a, page_b = window.show_page("orders"), window_b.show_page("orders")
    for page in (page_a, page_b):
        page.refresh(select_id=ids.order)
    assert page_b.edit("номер", lambda s: order_editing.set_order_field(
        s, ids.order, "number", "77"), check_signed=False) is not FAILED
    approvals = _read(demo_db, lambda s: len(s.get(Order, ids.order).approvals))
    assert page_a.edit("виза", lambda s: order_editing.add_row(
        s, "approval", ids.order, person_name="Моя виза"), check_signed=False) is FAILED
    assert _read(demo_db, lambda s: (len(s.get(Order, ids.order).approvals),
                                     s.get(Order, ids.order).number)) == (approvals, "77")
    errors = [t for k, _, t in window.dialogs.shown if k == "error"]
    assert errors and errors[-1].startswith(CONFLICT) and "приказ" in errors[-1]


def test_a_stale_registry_row_is_refused(ids, window, window_b, demo_db) -> None:
    page_a, page_b = window.show_page("schools"), window_b.show_page("schools")
    assert page_b.table.commit(ids.school, "director", "Директор от коллеги")
    assert not page_a.table.commit(ids.school, "short_name", "Моя школа")
    assert _read(demo_db, lambda s: (s.get(School, ids.school).director,
                                     s.get(School, ids.school).short_name != "Моя школа")) \
        == ("Директор от коллеги", True)
    errors = [t for k, _, t in window.dialogs.shown if k == "error"]
    assert errors and errors[-1].startswith(CONFLICT) and "школа" in errors[-1]


def test_a_mark_begun_before_the_command_lines_form_import_is_refused(
        ids, window, demo_db, tmp_path) -> None:
    """A window and the command line: a school's form imported by ``import FORM`` while the
    window's checklist still shows the old marks; marking the same cell is refused."""
    from openpyxl import load_workbook

    from desktop import cli
    from desktop.export.school_forms import export_school_forms
    from desktop.services.checklist import cell_states

    page = window.show_page("checklist")
    page.open_roadmap(ids.roadmap)
    with demo_db.session() as s:
        paths = export_school_forms(s, ids.roadmap, tmp_path)
    path = sorted(paths)[0]
    book = load_workbook(path)
    book["Чек-лист"]["D5"] = "в работе"
    book.save(path)
    cells = [(i.id, school.id) for i in page.model.matrix.items
             for school in page.model.matrix.schools]
    before = _read(demo_db, lambda s: cell_states(s, cells))
    assert cli.run(["import", str(path), "--db", demo_db.address]) == 0
    after = _read(demo_db, lambda s: cell_states(s, cells))
    changed = [c for c in cells if before.get(c) != after.get(c)]
    assert len(changed) == 1, changed

    assert not page._push({changed[0]: CellState(ItemStatus.DONE)}, "отметка")
    errors = [t for k, _, t in window.dialogs.shown if k == "error"]
    assert errors and errors[-1].startswith(CONFLICT)
    assert _read(demo_db, lambda s: cell_states(s, changed))[changed[0]] == after[changed[0]]
