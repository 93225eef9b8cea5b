"""Structure services: add, delete and restore (with executors, schools, checklist),
move, indent, outdent, drag; layouts put everything back exactly."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from desktop.models import ChecklistRow, Item, ItemExecutor, Roadmap, School
from desktop.models.enums import SchoolScope
from desktop.services import structure
from desktop.services.editing import ExecutorEntry, set_executors, set_schools


@pytest.fixture
def first_section(demo_db):
    with demo_db.session() as s:
        roadmap = s.scalar(select(Roadmap))
        return roadmap.id, roadmap.sections[0].id, [i.id for i in roadmap.sections[0].top_items()]


def _place(db, item_id):
    with db.session() as s:
        item = s.get(Item, item_id)
        return item.section_id, item.parent_id, item.position


def test_indent_outdent_and_move(demo_db, first_section) -> None:
    roadmap_id, section_id, ids = first_section
    with demo_db.session() as s:
        before = structure.capture_layout(s, roadmap_id)
        assert structure.indent_item(s, ids[1])
        assert not structure.indent_item(s, ids[0])  # nothing before the first
    assert _place(demo_db, ids[1]) == (section_id, ids[0], 0)
    assert _place(demo_db, ids[2])[2] == 1  # siblings close ranks
    with demo_db.session() as s:
        assert structure.outdent_item(s, ids[1])
    assert _place(demo_db, ids[1]) == (section_id, None, 1)
    with demo_db.session() as s:
        assert structure.move_item(s, ids[1], -1)
        assert not structure.move_item(s, ids[1], -1)
    assert _place(demo_db, ids[1])[2] == 0
    with demo_db.session() as s:
        structure.apply_layout(s, roadmap_id, before)
    with demo_db.session() as s:
        assert structure.capture_layout(s, roadmap_id) == before


def test_delete_and_restore_bring_back_children_executors_schools_checklist(
        demo_db, first_section) -> None:
    roadmap_id, _section_id, ids = first_section
    with demo_db.session() as s:
        structure.indent_item(s, ids[1])
        school = s.scalar(select(School))
        set_executors(s, ids[1], [ExecutorEntry(text="кураторы")])
        set_schools(s, ids[1], SchoolScope.CHOSEN, [school.id])
        s.add(ChecklistRow(item_id=ids[1], school_id=school.id))
    with demo_db.session() as s:
        layout = structure.capture_layout(s, roadmap_id)
        snapshot = structure.delete_items(s, roadmap_id, [ids[0]])
    with demo_db.session() as s:
        assert s.get(Item, ids[0]) is None and s.get(Item, ids[1]) is None
        assert s.scalar(select(func.count()).select_from(ItemExecutor)
                        .where(ItemExecutor.item_id == ids[1])) == 0
    with demo_db.session() as s:
        structure.insert_snapshot(s, snapshot)
        structure.apply_layout(s, roadmap_id, layout)
    with demo_db.session() as s:
        child = s.get(Item, ids[1])
        assert child.parent_id == ids[0]
        assert [e.text for e in child.executors] == ["кураторы"]
        assert [x.id for x in child.schools] == [school.id]
        assert len(child.checklist) == 1
        assert structure.capture_layout(s, roadmap_id) == layout


def test_drag_moves_a_subtree_to_another_section(demo_db) -> None:
    with demo_db.session() as s:
        roadmap = s.scalar(select(Roadmap))
        a, b = roadmap.sections[0], roadmap.sections[1]
        top = a.top_items()
        structure.indent_item(s, top[1].id)
        moved, child, target = top[0].id, top[1].id, b.id
    with demo_db.session() as s:
        assert structure.move_items(s, [moved], target, None, 1)
        assert not structure.move_items(s, [moved], target, child, 0)  # not into itself
    assert _place(demo_db, moved) == (target, None, 1)
    assert _place(demo_db, child)[:2] == (target, moved)


def test_add_item_suggests_the_next_number(demo_db, first_section) -> None:
    _, section_id, ids = first_section
    with demo_db.session() as s:
        new_id = structure.add_item(s, section_id=section_id, position=1)
    with demo_db.session() as s:
        assert s.get(Item, new_id).number == "1.2"
        assert s.get(Item, new_id).position == 1
        assert s.get(Item, ids[1]).position == 2
