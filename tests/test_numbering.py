"""Hierarchical numbering: the pure rule, the suggestion for a new row, and the DB pass."""

from __future__ import annotations

from sqlalchemy import select

from desktop.models import Item, Roadmap
from desktop.services.numbering import NumberNode, hierarchical_numbers, next_number, renumber


def test_sections_items_and_children_are_numbered_in_order() -> None:
    tree = [(10, [NumberNode(1, [NumberNode(2), NumberNode(3, [NumberNode(4)])]), NumberNode(5)]),
            (20, [NumberNode(6)])]
    sections, items = hierarchical_numbers(tree)
    assert sections == {10: "1", 20: "2"}
    assert items == {1: "1.1", 2: "1.1.1", 3: "1.1.2", 4: "1.1.2.1", 5: "1.2", 6: "2.1"}


def test_next_number_follows_the_previous_sibling() -> None:
    assert next_number("2.4", "2") == "2.5"
    assert next_number("2.9", "2") == "2.10"
    assert next_number(None, "4.1") == "4.1.1"
    assert next_number(None, "3.") == "3.1"
    assert next_number("а)", "1") == ""


def test_renumber_rewrites_every_number_of_the_demo(demo_db) -> None:
    with demo_db.session() as s:
        roadmap_id = s.scalar(select(Roadmap.id))
        first = s.scalars(select(Item).order_by(Item.section_id, Item.position)).first()
        first.number = "99"
    with demo_db.session() as s:
        assert renumber(s, roadmap_id) >= 1
    with demo_db.session() as s:
        roadmap = s.get(Roadmap, roadmap_id)
        for n, section in enumerate(roadmap.sections, 1):
            assert section.number == str(n)
            for m, item in enumerate(section.top_items(), 1):
                assert item.number == f"{n}.{m}"
        assert renumber(s, roadmap_id) == 0
