"""Fixtures for tests of two users on one database: the records the cases work on, and a
second window's connection (registered in ``tests/conftest.py``)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import select

from desktop.models import Order, Organisation, Roadmap, School
from desktop.models.database import Database, open_database
from desktop.services import structure


@dataclass
class Ids:
    """Records of the demo district the cases work on."""

    roadmap: int
    item: int  #: a leaf with a sibling before and after it
    school: int
    schools: list[int]
    order: int
    organisation: int


@pytest.fixture
def ids(demo_db: Database) -> Ids:
    with demo_db.session() as s:
        roadmap = s.scalars(select(Roadmap.id).order_by(Roadmap.id)).first()
        layout = structure.capture_layout(s, roadmap)
        parents = {place[1] for place in layout.items.values()}
        item = next(i for i, (sid, pid, _p, _n) in sorted(layout.items.items())
                    if i not in parents
                    and 1 <= structure.siblings(s, sid, pid).index(i)
                    < len(structure.siblings(s, sid, pid)) - 1)
        # siblings at 0..n-1 as the editor keeps them (the demo counts from 1): a move of
        # the item then changes the item itself, not only its neighbours
        structure.move_item(s, item, 1)
        structure.move_item(s, item, -1)
        schools = list(s.scalars(select(School.id).order_by(School.id)).all()[:3])
        order = s.scalars(select(Order.id).order_by(Order.id)).first()
        organisation = s.scalars(select(Organisation.id).order_by(Organisation.id)).first()
    assert order is not None and organisation is not None, "the demo has both"
    return Ids(roadmap, item, schools[0], schools, order, organisation)


@pytest.fixture
def other(demo_db: Database):
    """B: a second window's connection to the same database."""
    database = open_database(demo_db.address, create=False)
    yield database
    database.close()
