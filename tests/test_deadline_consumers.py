"""The consumers read a deadline's occurrence dates instead of deriving their own: the
editor's «срок в ближайшие N дней» filter and overdue mark, the Gantt ticks, and the
overdue count of the reports."""

from __future__ import annotations

import datetime as dt

from desktop.models import Item, ItemStatus
from desktop.models.deadline import parse_deadline
from desktop.painting.bars import ShapeKind, shapes_for
from desktop.painting.scale import TimeScale
from desktop.services import progress
from desktop.ui.editor.deadline_editor import DeadlineEditor
from desktop.ui.editor.filter import FilterSpec, item_matcher
from desktop.ui.editor.nodes import Node

YEAR = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))


def _node(text: str, status: ItemStatus = ItemStatus.PLANNED) -> Node:
    node = Node("item", 1, 1)
    node.status = status
    node.deadline_json = parse_deadline(text, YEAR).to_json()
    return node


def test_due_within_n_days_looks_at_the_next_occurrence() -> None:
    soon = item_matcher(FilterSpec(due_within=5), dt.date(2026, 3, 6), {})
    # the 10th of each month: due in 4 days (the window, to 31.12, is far away)
    assert soon(_node("ежемесячно до 10 числа"))
    assert not soon(_node("ежемесячно до 20 числа"))
    # the end of the third quarter (20.03) is 14 days away, the 2nd Tuesday (10.03) 4 days
    assert not soon(_node("по итогам каждой четверти"))
    assert soon(_node("каждый второй вторник месяца"))
    assert not soon(_node("каждый второй вторник месяца", ItemStatus.DONE))
    later = item_matcher(FilterSpec(due_within=14), dt.date(2026, 3, 6), {})
    assert later(_node("по итогам каждой четверти"))


def test_overdue_is_after_the_last_occurrence() -> None:
    deadline = parse_deadline("ежемесячно до 10 числа", YEAR)
    item = Item(deadline_text=deadline.text, deadline_json=deadline.to_json(),
                status=ItemStatus.IN_WORK)
    assert not progress.is_overdue(item, dt.date(2026, 12, 10))
    assert progress.is_overdue(item, dt.date(2026, 12, 11))  # the window runs to 31.12


def test_gantt_ticks_are_the_occurrences() -> None:
    scale = TimeScale(YEAR[0], 2.0)
    deadline = parse_deadline("еженедельно по вторникам и четвергам с 01.09.2026 по 30.09.2026", YEAR)
    ticks = [s for s in shapes_for(deadline, scale, YEAR[0]) if s.kind is ShapeKind.TICK]
    assert [t.end for t in ticks] == list(deadline.occurrence_dates)
    assert [t.end.day for t in ticks] == [1, 3, 8, 10, 15, 17, 22, 24, 29]
    halves = shapes_for(parse_deadline("по итогам каждого полугодия", YEAR), scale, YEAR[0])
    assert [s.end for s in halves if s.kind is ShapeKind.TICK] == [dt.date(2026, 5, 26),
                                                                    dt.date(2026, 12, 25)]


def test_the_editor_shows_the_unread_part(qtbot) -> None:
    editor = DeadlineEditor(period=YEAR)
    qtbot.addWidget(editor)
    editor.set_text("март 2026, после согласования с министерством")
    assert editor.label.property("warning") is True
    assert "период: март 2026 г." in editor.label.text()
    assert "«после согласования с министерством»" in editor.label.text()
    editor.set_text("еженедельно по вторникам и четвергам")
    assert editor.label.property("warning") is False
    assert editor.label.text().startswith("повторяется: еженедельно по вторникам и четвергам")


def test_the_editor_rows_mark_a_recurring_item_overdue_after_its_last_occurrence(db) -> None:
    from desktop.models import Level, Roadmap, Section
    from desktop.ui.editor.rows import load_roadmap

    with db.session() as s:
        roadmap = Roadmap(title="ДК", level=Level.MUNICIPAL, period_start=YEAR[0],
                          period_end=YEAR[1])
        section = Section(title="Раздел", position=0)
        roadmap.sections.append(section)
        item = Item(number="1", activity="Отчёт", position=0, status=ItemStatus.IN_WORK)
        section.items.append(item)
        item.set_deadline("ежемесячно до 10 числа", YEAR)
        s.add(roadmap)
        s.flush()
        roadmap_id = roadmap.id
    for today, overdue in ((dt.date(2026, 12, 10), False), (dt.date(2026, 12, 11), True)):
        with db.session() as s:
            data = load_roadmap(s, roadmap_id, today)
        assert data is not None
        (node,) = [n for n in data.root.walk() if n.kind == "item"]
        assert node.overdue is overdue, today
