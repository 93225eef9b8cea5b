"""Editing orders without Qt: drafts from templates, the points tree, snapshots for undo."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from desktop.errors import UserError
from desktop.models import Order, OrderPoint, OrderStatus, Roadmap
from desktop.services import order_editing as ed
from desktop.services.orders import list_templates


def _roadmap_id(db) -> int:
    with db.session() as s:
        return s.scalar(select(Roadmap.id).order_by(Roadmap.id))


def _draft(db, key: str = "approve_roadmap") -> int:
    with db.session() as s:
        return ed.save_draft(s, key, roadmap_id=_roadmap_id(db))


def _tree(db, order_id: int) -> list:
    """The points as nested (text, [children]) tuples."""
    def walk(nodes):
        return [(n["text"], walk(n["children"])) for n in nodes]
    with db.session() as s:
        return walk(ed.order_snapshot(s, order_id)["points"])


@pytest.mark.parametrize("key", [key for key, _ in list_templates()])
def test_save_draft_from_every_template(demo_db, key: str) -> None:
    order_id = _draft(demo_db, key)
    with demo_db.session() as s:
        order = s.get(Order, order_id)
        assert order.status is OrderStatus.DRAFT
        assert order.template == key
        assert order.title.startswith("О")
        assert order.points, "a template gives points"
        assert order.number == "" and order.date is None


def test_points_add_indent_move_remove(demo_db) -> None:
    order_id = _draft(demo_db)
    with demo_db.session() as s:
        first = ed.order_snapshot(s, order_id)["points"][0]["id"]
        a = ed.add_point(s, order_id, after_id=first, text="А")
        b = ed.add_point(s, order_id, after_id=a, text="Б")
        ed.indent_point(s, b)  # Б under А
    tree = _tree(demo_db, order_id)
    assert tree[1] == ("А", [("Б", [])])
    assert len(tree) == 5
    with demo_db.session() as s:
        ed.outdent_point(s, b)
        ed.move_point(s, b, -1)  # Б above А
    tree = _tree(demo_db, order_id)
    assert [t for t, _ in tree[1:3]] == ["Б", "А"]
    with demo_db.session() as s:
        ed.remove_point(s, a)
    tree = _tree(demo_db, order_id)
    assert "А" not in [t for t, _ in tree] and len(tree) == 5
    with demo_db.session() as s:
        positions = [p.position for p in s.scalars(
            select(OrderPoint).where(OrderPoint.order_id == order_id,
                                     OrderPoint.parent_id.is_(None)))]
        assert sorted(positions) == list(range(5))
        with pytest.raises(UserError, match="на краю"):
            ed.move_point(s, b, -10)


def test_four_levels_at_most(demo_db) -> None:
    order_id = _draft(demo_db)
    with demo_db.session() as s:
        parent = ed.order_snapshot(s, order_id)["points"][0]["id"]
        for _ in range(3):  # levels 2, 3, 4
            parent = ed.add_point(s, order_id, parent_id=parent, text="подпункт")
        with pytest.raises(UserError, match="не глубже 4 уровней"):
            ed.add_point(s, order_id, parent_id=parent, text="пятый")
        sibling = ed.add_point(s, order_id, after_id=parent, text="сосед")
        with pytest.raises(UserError, match="не глубже 4 уровней"):
            ed.indent_point(s, sibling)
    depth, nodes = 0, _tree(demo_db, order_id)[:1]
    while nodes:
        depth, nodes = depth + 1, nodes[0][1]
    assert depth == 4


def test_snapshot_restore_round_trip(demo_db) -> None:
    order_id = _draft(demo_db, "working_group")
    with demo_db.session() as s:
        first = ed.order_snapshot(s, order_id)["points"][0]["id"]
        ed.add_point(s, order_id, parent_id=first, text="подпункт")
        ed.add_row(s, "approval", order_id, person_name="И.И. Иванов", date=dt.date(2026, 1, 9))
        appendix = ed.add_row(s, "appendix", order_id, kind="schedule", title="График")
        ed.add_row(s, "schedule", appendix, topic="Визит", date_text="январь",
                   responsible="Петров")
        ed.set_order_setting(s, order_id, "order_word", "caps")
        ed.set_order_field(s, order_id, "number", "28/1")
        original = ed.order_snapshot(s, order_id)
    assert original["appendices"][0]["members"], "the working group has members"
    with demo_db.session() as s:
        ed.set_order_field(s, order_id, "title", "Другой заголовок")
        ed.remove_point(s, first)
        ed.remove_row(s, "appendix", appendix)
        ed.remove_row(s, "appendix", original["appendices"][0]["id"])
        ed.set_order_setting(s, order_id, "order_word", "spaced")
    with demo_db.session() as s:
        ed.restore_order(s, original)
    with demo_db.session() as s:
        assert ed.order_snapshot(s, order_id) == original
    # a deleted order comes back with the same id
    with demo_db.session() as s:
        ed.delete_order(s, order_id)
    with demo_db.session() as s:
        assert s.get(Order, order_id) is None
        ed.restore_order(s, original)
    with demo_db.session() as s:
        assert ed.order_snapshot(s, order_id) == original


def test_signed_needs_number_and_date(demo_db) -> None:
    order_id = _draft(demo_db)
    with demo_db.session() as s, pytest.raises(UserError, match="номер и дату"):
        ed.mark_signed(s, order_id)
    with demo_db.session() as s:
        ed.set_order_field(s, order_id, "number", " 12 ")
        ed.set_order_field(s, order_id, "date", dt.date(2026, 1, 13))
        ed.mark_signed(s, order_id)
    with demo_db.session() as s:
        order = s.get(Order, order_id)
        assert (order.number, order.status) == ("12", OrderStatus.SIGNED)


def test_rows_edit(demo_db) -> None:
    order_id = _draft(demo_db)
    with demo_db.session() as s:
        appendix = ed.add_row(s, "appendix", order_id, kind="working_group", title="Состав")
        member = ed.add_row(s, "member", appendix, name="Сидоров С.С.")
        ed.set_row_field(s, "member", member, "role", "председатель")
        ed.set_row_field(s, "appendix", appendix, "roadmap_id", _roadmap_id(demo_db))
        with pytest.raises(UserError):
            ed.set_row_field(s, "appendix", appendix, "roadmap_id", 99999)
    with demo_db.session() as s:
        data = next(a for a in ed.order_snapshot(s, order_id)["appendices"] if a["id"] == appendix)
        assert data["members"][0]["role"] == "председатель"
        assert data["roadmap_id"] == _roadmap_id(demo_db)
