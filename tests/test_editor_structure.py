"""Structure in the editor: add, indent, move, delete, renumber, paste — each undone and
redone through the window's stack, the database checked every time; filters."""

from __future__ import annotations

from sqlalchemy import func, select

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from desktop.models import Item, Section
from desktop.ui.roadmap_tree_model import OverdueRole, RowKindRole
from tests.test_editor import first_item_id, item, page  # noqa: F401  (fixtures)


def place(db, item_id):
    found = item(db, item_id)
    return None if found is None else (found.section_id, found.parent_id, found.position)


def count(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Item))


def key(page, qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # noqa: F811
    page.tree.setFocus()
    qtbot.keyClick(page.tree, key, modifier)


def test_add_indent_move_delete_with_undo_and_redo(page, qtbot, demo_db) -> None:  # noqa: F811
    a, b = first_item_id(demo_db, "1.1"), first_item_id(demo_db, "1.2")
    section_id = place(demo_db, a)[0]
    stack = page.undo_stack
    total = count(demo_db)
    original_b = place(demo_db, b)  # the demo numbers positions from 1: undo restores that

    page.select_item(a)
    page.controller.actions["add"].trigger()
    new = page.current_node().id
    assert place(demo_db, new) == (section_id, None, 1)
    assert item(demo_db, new).number == "1.2"
    assert place(demo_db, b)[2] == 2 and count(demo_db) == total + 1
    stack.undo()
    assert place(demo_db, new) is None and place(demo_db, b) == original_b
    stack.redo()
    assert place(demo_db, new) == (section_id, None, 1)  # re-inserted with its own id

    page.select_item(new)
    key(page, qtbot, Qt.Key.Key_Tab)  # indent
    assert place(demo_db, new) == (section_id, a, 0)
    stack.undo()
    assert place(demo_db, new) == (section_id, None, 1)
    stack.redo()
    assert place(demo_db, new) == (section_id, a, 0)
    page.select_item(new)
    key(page, qtbot, Qt.Key.Key_Backtab)  # outdent
    assert place(demo_db, new) == (section_id, None, 1)

    page.select_item(b)
    page.controller.actions["up"].trigger()
    assert place(demo_db, b) == (section_id, None, 1) and place(demo_db, new)[2] == 2
    stack.undo()
    assert place(demo_db, b)[2] == 2
    stack.redo()
    assert place(demo_db, b)[2] == 1
    assert page.current_node().id == b  # the selection follows the item

    page.select_item(b)
    page.controller.indent()  # b under a
    assert place(demo_db, b) == (section_id, a, 0)
    page.dialogs.answers = [True]
    page.select_item(a)
    page.controller.actions["delete"].trigger()
    assert page.dialogs.shown[-1][0] == "confirm"
    assert place(demo_db, a) is None and place(demo_db, b) is None
    stack.undo()
    assert place(demo_db, a) == (section_id, None, 0)
    assert place(demo_db, b) == (section_id, a, 0)  # the child came back under its parent
    stack.redo()
    assert place(demo_db, a) is None
    stack.undo()

    page.dialogs.answers = [False]
    page.select_item(a)
    page.controller.delete()
    assert place(demo_db, a) is not None  # declined


def test_renumber_on_request(page, demo_db) -> None:  # noqa: F811
    _a, b = first_item_id(demo_db, "1.1"), first_item_id(demo_db, "1.2")
    with demo_db.session() as s:  # a number typed another way: the roadmap is not in order
        s.get(Item, first_item_id(demo_db, "1.7")).number = "1.7а"
    page.rebuild()
    page.select_item(b)
    page.controller.indent()
    assert item(demo_db, b).number == "1.2"  # hand-typed numbers are kept
    assert "подпункт 1.1 пронумерован 1.2" in page.numbers_warning.text()
    page.controller.actions["renumber"].trigger()
    assert item(demo_db, b).number == "1.1.1"
    assert item(demo_db, first_item_id(demo_db, "1.2")).activity  # 1.3 became 1.2
    page.undo_stack.undo()
    assert item(demo_db, b).number == "1.2"
    page.undo_stack.redo()
    assert item(demo_db, b).number == "1.1.1"
    index = page.index_for(("item", b), page.model.column_of(__import__(
        "desktop.models.columns", fromlist=["Field"]).Field.NUMBER))
    assert index.data() == "1.1.1"


def test_paste_three_rows_from_excel_and_undo(page, qtbot, demo_db) -> None:  # noqa: F811
    a = first_item_id(demo_db, "1.1")
    total = count(demo_db)
    # default profile: № | Мероприятие | Сроки | Исполнители | Показатель | Документ
    QApplication.clipboard().setText(
        "1.1а\tСовещание директоров\tдо 15.03.2026\tИМЦ, кураторы\t100%\tПротокол\n"
        "\t\"Семинар\nв две строки\"\t01.04-15.04.2026\t\t\t\n"
        "1.1в\tАнкетирование\tапрель 2026\tРОО\t\tСправка\r\n")
    page.select_item(a)
    key(page, qtbot, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert count(demo_db) == total + 3
    with demo_db.session() as s:
        rows = s.scalars(select(Item).where(Item.section_id == place(demo_db, a)[0],
                                            Item.parent_id.is_(None))
                         .order_by(Item.position)).all()
        first, second, third = rows[1:4]
        assert (first.number, first.activity, first.deadline_text, first.deadline_kind) == (
            "1.1а", "Совещание директоров", "до 15.03.2026", "due")
        assert first.executors_text == "ИМЦ, кураторы" and first.evidence == "Протокол"
        assert second.activity == "Семинар\nв две строки" and second.deadline_kind == "span"
        assert third.activity == "Анкетирование" and third.indicator == ""
        pasted = [first.id, second.id, third.id]
    assert page.undo_stack.undoText() == "вставку строк (3)"
    page.undo_stack.undo()
    assert count(demo_db) == total
    page.undo_stack.redo()
    assert all(place(demo_db, i) is not None for i in pasted)

    page.select_keys([("item", pasted[0]), ("item", pasted[2])], ("item", pasted[0]))
    key(page, qtbot, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text().splitlines()[0].startswith(
        "1.1а\tСовещание директоров\tдо 15.03.2026")


def visible_items(model, parent=QModelIndex()):  # noqa: B008
    found = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        if index.data(RowKindRole) == "item":
            found.append(index)
        found.extend(visible_items(model, index))
    return found


def test_filters_overdue_text_and_section(page, qtbot, demo_db) -> None:  # noqa: F811
    everything = len(visible_items(page.model))
    page.filter_bar.overdue.setChecked(True)
    shown = visible_items(page.model)
    assert 0 < len(shown) < everything
    assert all(i.data(OverdueRole) for i in shown)
    assert len(shown) == page.overdue_count()
    assert shown[0].data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b71c1c"
    assert page.model.index(shown[0].row(), 0, shown[0].parent()).data() == "!"
    page.filter_bar.reset()
    assert len(visible_items(page.model)) == everything

    from tests.qt_helpers import type_text
    type_text(page.filter_bar.text, "вПр")
    shown = visible_items(page.model)
    assert shown and all("впр" in " ".join(
        page.model.index(i.row(), c, i.parent()).data() or ""
        for c in range(page.model.columnCount())).casefold() for i in shown)
    page.filter_bar.reset()
    with demo_db.session() as s:
        second = s.scalars(select(Section).order_by(Section.position)).all()[1]
    page.filter_bar.section.setCurrentIndex(page.filter_bar.section.findData(second.id))
    assert page.model.rowCount() == 1
    page.filter_bar.due_soon.setChecked(True)
    page.filter_bar.days.setValue(400)
    assert page.model.rowCount() <= 1


def test_first_item_of_an_empty_roadmap_needs_no_section(page, demo_db, tmp_path) -> None:  # noqa: F811
    """A flat list is a valid roadmap: «Добавить» on an empty roadmap adds an item (in an
    untitled section that prints no band); undo takes both back."""
    import datetime as dt

    from desktop.export.pdf_roadmap import export_roadmap_pdf
    from desktop.models import Level
    from desktop.models.columns import Field
    from desktop.services import roadmaps as service
    from desktop.ui.commands import SetItemFieldCommand
    from tests.test_export_pdf_support import page_texts

    with demo_db.session() as s:
        rid = service.create_empty(s, service.RoadmapProperties(
            "Плоский список", Level.MUNICIPAL, dt.date(2026, 1, 1), dt.date(2026, 12, 31)))
        s.commit()
    page.reload()
    page.combo.setCurrentIndex(page.combo.findData(rid))
    page.controller.actions["add"].trigger()
    node = page.current_node()
    assert node is not None and node.kind == "item"
    with demo_db.session() as s:
        sections = s.scalars(select(Section).where(Section.roadmap_id == rid)).all()
        assert len(sections) == 1 and sections[0].untitled and len(sections[0].items) == 1
    # through the history: an edit from outside it would be another user's, which the undo
    # of the addition must not delete (see test_undo_versions)
    page.undo_stack.push(SetItemFieldCommand(demo_db, page.changes, node.id, Field.ACTIVITY,
                                             "Единственное мероприятие"))
    section_index = page.model.index(0, 0)
    assert section_index.data() == "Мероприятия (без раздела)"
    pdf = tmp_path / "flat.pdf"
    with demo_db.session() as s:
        export_roadmap_pdf(s, rid, pdf)
    text = "".join(page_texts(pdf))
    assert "Единственное мероприятие" in text and "без раздела" not in text
    page.undo_stack.undo()
    page.undo_stack.undo()
    with demo_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Section).where(
            Section.roadmap_id == rid)) == 0


def test_paste_rows_from_word_with_a_section_row(page, qtbot, demo_db) -> None:  # noqa: F811
    """A section row copied from a Word table («7. Взаимодействие…» in one merged cell, or
    «8» and a title) becomes a section with the rows after it, not an empty item; one undo."""
    a = first_item_id(demo_db, "1.1")
    with demo_db.session() as s:
        roadmap_id = s.get(Section, place(demo_db, a)[0]).roadmap_id
        sections_before = s.scalar(select(func.count()).select_from(Section).where(
            Section.roadmap_id == roadmap_id))
    total = count(demo_db)
    QApplication.clipboard().setText(
        "1.1а\tСовещание директоров\tдо 15.03.2026\tИМЦ\t\t\n"
        "7. Взаимодействие с родительской общественностью\n"
        "7.1\tРодительские собрания\tсентябрь 2026\tРуководители школ\t\t\n"
        "8\tМониторинг\t\t\t\t\n"
        "8.1\tСбор данных\tдо 01.12.2026\tРОО\t\t\n")
    page.select_item(a)
    key(page, qtbot, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert count(demo_db) == total + 3
    with demo_db.session() as s:
        sections = s.scalars(select(Section).where(Section.roadmap_id == roadmap_id)
                             .order_by(Section.position)).all()
        titles = {(x.number, x.title): [i.number for i in x.items] for x in sections}
        assert titles[("7", "Взаимодействие с родительской общественностью")] == ["7.1"]
        assert titles[("8", "Мониторинг")] == ["8.1"]
        assert not s.scalars(select(Item).where(Item.number.like("7.%Взаи%"))).all()
        first_two = [x.title for x in sections[1:3]]
        assert first_two == ["Взаимодействие с родительской общественностью", "Мониторинг"]
    page.undo_stack.undo()
    assert count(demo_db) == total
    with demo_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Section).where(
            Section.roadmap_id == roadmap_id)) == sections_before
