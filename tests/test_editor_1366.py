"""The editor and its timeline in a 1366×768 window: nothing cut off, long text readable
and editable, the «№» column pinned, the deadline editor and the date picker right."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication

from desktop.models import Item
from desktop.models.columns import Field
from desktop.painting.paint import marker_label_box
from desktop.ui.editor.deadline_editor import DeadlineEditor
from desktop.ui.editor.delegates import LongTextEditor, fit_inside
from desktop.ui.gantt.rows import tooltip_text
from tests.conftest import DEMO_TODAY
from tests.qt_helpers import type_text


@pytest.fixture
def page(window, qtbot):
    page = window.show_page("roadmaps")
    page.set_today(DEMO_TODAY)
    qtbot.waitExposed(page)
    QApplication.processEvents()
    return page


def item_id(db, number: str) -> int:
    with db.session() as s:
        return s.scalar(select(Item.id).where(Item.number == number))


def activity(db, number: str) -> str:
    with db.session() as s:
        return s.scalar(select(Item.activity).where(Item.number == number))


def open_editor(page, number_id: int, field: Field):
    index = page.select_item(number_id, page.model.column_of(field))
    page.tree.setCurrentIndex(index)
    page.tree.setFocus()
    page.tree.edit(index)
    editor = page.tree.indexWidget(index)
    assert editor is not None
    return index, editor


def test_roadmap_title_is_shown_whole_in_its_combo(page) -> None:
    combo = page.combo
    title = combo.currentText()
    assert len(title) > 100  # the demo's official title
    rect = combo.text_rect()
    assert QFontMetricsF(combo.font()).horizontalAdvance(title) > rect.width()  # needs 2 lines
    assert combo.fits()
    assert combo.height() > combo.sizeHint().height()


def test_detail_panel_shows_the_whole_activity_and_edits_it_with_undo(page, qtbot, demo_db) -> None:
    rid = item_id(demo_db, "2.4")
    full = activity(demo_db, "2.4")
    index = page.select_item(rid, page.model.column_of(Field.ACTIVITY))
    page.tree.setCurrentIndex(index)
    column = page.model.column_of(Field.ACTIVITY)
    cut = page.tree.fontMetrics().horizontalAdvance(full) > page.tree.columnWidth(column)
    assert cut or len(full) < 40  # the tree's cell cuts it; the panel does not
    details = page.details
    assert details.text.toPlainText() == full
    assert details.caption.text() == "2.4 · Мероприятие"
    assert "Срок понят так" in details.hint.text()
    page.window().activateWindow()
    details.text.setFocus()
    qtbot.waitUntil(details.text.hasFocus)
    details.text.setPlainText(full + "\nвторая строка")
    page.tree.setFocus()  # leaving the panel stores the text
    qtbot.waitUntil(lambda: activity(demo_db, "2.4") == full + "\nвторая строка")
    assert page.undo_stack.undoText().startswith("изменение «Мероприятие»")
    page.undo_stack.undo()
    assert activity(demo_db, "2.4") == full
    page.tree.setFocus()
    QApplication.processEvents()
    assert details.text.toPlainText() == full


def test_long_text_is_typed_in_several_lines_in_place(page, qtbot, demo_db) -> None:
    rid = item_id(demo_db, "1.6")
    _index, editor = open_editor(page, rid, Field.ACTIVITY)
    assert isinstance(editor, LongTextEditor)
    assert editor.width() >= min(LongTextEditor.MIN_WIDTH, page.tree.viewport().width())
    assert editor.height() >= editor.fontMetrics().lineSpacing() * 3
    assert page.tree.viewport().rect().contains(editor.geometry())
    editor.clear()
    type_text(editor, "Первая строка")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    type_text(editor, "вторая")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert activity(demo_db, "1.6") == "Первая строка\nвторая"


def test_deadline_editor_stays_in_its_row_and_says_the_warning_in_the_panel(page, demo_db) -> None:
    rid = item_id(demo_db, "1.2")
    index, editor = open_editor(page, rid, Field.DEADLINE)
    assert isinstance(editor, DeadlineEditor)
    row = page.tree.visualRect(index)
    assert editor.height() <= row.height() + 2  # the rows below stay visible
    assert page.tree.viewport().rect().contains(editor.geometry())
    editor.set_text("до 15.02.2027")
    hint = page.details.hint
    assert "выходит за период" in hint.text()
    assert hint.property("warning") is True
    assert hint.wordWrap() and hint.width() > page.tree.width()  # never cut at the splitter


def test_editors_never_leave_the_viewport() -> None:
    area = QRect(0, 0, 600, 400)
    assert fit_inside(QRect(400, 380, 460, 90), area) == QRect(140, 310, 460, 90)
    assert fit_inside(QRect(10, 10, 900, 50), area) == QRect(0, 10, 600, 50)


def test_date_picker_opens_on_a_due_date_as_due(qtbot) -> None:
    editor = DeadlineEditor(period=(dt.date(2026, 1, 1), dt.date(2026, 12, 31)))
    qtbot.addWidget(editor)
    editor.set_text("До 15.02.2026")
    editor.show_picker()
    popup = editor.popup
    assert popup.due.isChecked()
    assert popup.start.date().toPython() == dt.date(2026, 2, 15)
    assert not popup.has_end.isChecked()
    popup.accept()
    assert editor.text() == "до 15.02.2026"
    editor.set_text("01.03-20.05.2026")
    editor.show_picker()
    assert not editor.popup.due.isChecked() and editor.popup.has_end.isChecked()


def test_number_column_stays_visible_after_scrolling_right(page, qtbot) -> None:
    bar = page.tree.horizontalScrollBar()
    assert bar.maximum() > 0
    assert not page.frozen.isVisible()
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    frozen = page.frozen
    assert frozen.isVisible()
    number = page.model.column_of(Field.NUMBER)
    assert not frozen.isColumnHidden(number) and frozen.isColumnHidden(number + 1)
    assert frozen.columnWidth(number) == page.tree.columnWidth(number)
    # the same rows at the same heights: the first visible item's number is on screen
    index = page.tree.indexAt(page.tree.viewport().rect().center())
    ours = frozen.visualRect(index.siblingAtColumn(number))
    assert ours.isValid() and ours.top() == page.tree.visualRect(index).top()
    assert ours.right() <= frozen.viewport().width()
    page.tree.verticalScrollBar().setValue(3)
    assert frozen.verticalScrollBar().value() == 3
    for height in (600, 768):  # it follows the tree's height (the reminders dock comes and goes)
        page.window().resize(1366, height)
        qtbot.waitUntil(lambda: frozen.geometry().bottom()
                        == page.tree.viewport().geometry().bottom())
    bar.setValue(0)
    QApplication.processEvents()
    assert not frozen.isVisible()  # editing a number in the tree itself is never covered


def test_timeline_legend_and_points_fit(page) -> None:
    timeline = page.timeline
    legend = timeline.legend
    rows = legend.rows(legend.width())
    metrics = QFontMetricsF(legend.font())
    for row in rows:
        x, (name, _c, _s) = row[-1]
        end = x + legend.line_height() * 2.3 + metrics.horizontalAdvance(name)
        assert end <= legend.width()
    assert legend.height() >= len(rows) * legend.line_height()
    # a point near the right edge puts its label to the left of its line
    right = 500.0
    box = marker_label_box(metrics, 480.0, 0.0, "Первый рубеж: 30–40 %", right)
    assert box.right() <= right and box.left() >= 0
    box = marker_label_box(metrics, 10.0, 0.0, "80–90 %", right)
    assert box.left() > 10.0


def test_timeline_rows_line_up_with_the_tree(page) -> None:
    canvas = page.timeline.canvas
    assert abs(canvas.height() - page.tree.viewport().height()) <= 2


def test_gantt_tooltip_reads_as_russian(page, demo_db) -> None:
    late = next(n for n in page.model.roadmap.root.walk() if n.overdue)
    text = tooltip_text(page.index_for(("item", late.id)), "запланировано")
    assert not text.startswith("✓")
    assert "✓: !" not in text
    assert text.splitlines()[-1] == "Срок прошёл, мероприятие не выполнено"


def test_schools_action_tooltip(page) -> None:
    assert page.controller.actions["schools"].toolTip() == "Каких школ касается мероприятие"


def test_a_key_typed_on_a_long_text_cell_replaces_it(page, qtbot, demo_db) -> None:
    rid = item_id(demo_db, "1.7")
    index = page.select_item(rid, page.model.column_of(Field.ACTIVITY))
    page.tree.setCurrentIndex(index)
    page.tree.setFocus()
    type_text(page.tree, "Н")  # AnyKeyPressed opens the editor with this key
    editor = page.tree.indexWidget(index)
    assert isinstance(editor, LongTextEditor)
    type_text(editor, "овое")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert activity(demo_db, "1.7") == "Новое"


def test_header_label_of_a_month_cut_by_the_edge_stays_on_screen(page) -> None:
    from desktop.painting.scale import Zoom

    view = page.timeline
    view.set_zoom(Zoom.WEEK)
    scale, width = view.scale, view.header.width()
    # December 2026 starts 50 px before the right edge: most of it is off screen
    view.hbar.setValue(round(scale.x(dt.date(2026, 12, 1))) - width + 50)
    QApplication.processEvents()
    top_band = view.header.visible_bands()[0]
    label = view.header.visible_labels()[len(top_band) - 1]  # the top band's last cell
    assert top_band[-1].start == dt.date(2026, 12, 1)
    assert label in ("декабрь 2026", "декабрь", "дек.")
    metrics = QFontMetricsF(view.header.font())
    shown = view.offset() + width - scale.x(dt.date(2026, 12, 1))
    assert metrics.horizontalAdvance(label) + 6 <= shown


def test_rows_with_the_same_recurring_deadline_share_its_occurrences(demo_db) -> None:
    from desktop.models import Roadmap, Section
    from desktop.ui.editor.rows import load_roadmap

    with demo_db.session() as s:
        roadmap = s.get(Roadmap, 1)
        section = s.scalar(select(Section).where(Section.roadmap_id == 1))
        for n, text in enumerate(("Еженедельно по четвергам", "Еженедельно по четвергам",
                                  "Еженедельно по пятницам")):
            item = Item(number=f"9.{n}", position=100 + n, activity="Повтор")
            item.set_deadline(text, roadmap.period)
            section.items.append(item)
        other = Item(number="9.9", position=200, activity="Иной период")
        other.set_deadline("Еженедельно по четвергам", (dt.date(2026, 9, 1), dt.date(2026, 9, 30)))
        section.items.append(other)
        s.flush()
        data = load_roadmap(s, 1, DEMO_TODAY)
    nodes = {n.number: n for n in data.root.walk() if n.kind == "item"}
    thursday, again, friday, september = (nodes[k] for k in ("9.0", "9.1", "9.2", "9.9"))
    assert thursday.deadline is again.deadline
    assert friday.deadline is not thursday.deadline
    assert september.deadline is not thursday.deadline  # same words, another reading
    assert september.deadline.last_due == dt.date(2026, 9, 24)
    assert thursday.deadline.last_due == dt.date(2026, 12, 31)
    assert thursday.overdue is again.overdue is False
    assert september.overdue  # its last Thursday has passed by 22.11.2026
