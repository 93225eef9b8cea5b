"""The demo district: enough realistic content to see a working app at once."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import func, select

from desktop.errors import UserError
from desktop.models import (
    ChecklistRow,
    Item,
    ItemStatus,
    MonitoringPoint,
    Order,
    Organisation,
    Person,
    Roadmap,
    School,
)
from desktop.services.demo import create_demo
from tests.conftest import DEMO_TODAY, DEMO_YEAR


def _count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def test_demo_sizes(demo_db) -> None:
    with demo_db.session() as s:
        assert _count(s, School) == 12
        assert _count(s, Organisation) >= 15
        assert _count(s, Person) >= 15
        assert 35 <= _count(s, Item) <= 45
        assert _count(s, MonitoringPoint) == 2
        assert _count(s, ChecklistRow) > 0
        roadmap = s.scalar(select(Roadmap))
        assert len(roadmap.sections) == 6
        assert roadmap.period_start.year == DEMO_YEAR
        assert roadmap.approving_order is not None
        assert roadmap.approving_order.number


def test_demo_schools_span_the_categories(demo_db) -> None:
    with demo_db.session() as s:
        schools = s.scalars(select(School)).all()
        assert sum(x.is_shnor for x in schools) >= 5
        assert sum(x.is_shssu for x in schools) >= 2
        assert sum(x.is_shfzr for x in schools) >= 2
        assert sum(x.in_500_plus(DEMO_YEAR) for x in schools) >= 4
        assert sum(x.post_project for x in schools) >= 1
        assert all(x.risk_factors for x in schools if x.in_500_plus(DEMO_YEAR))


def test_demo_deadlines_are_understood_and_varied(demo_db) -> None:
    with demo_db.session() as s:
        items = s.scalars(select(Item)).all()
        kinds = Counter(i.deadline_kind for i in items)
        assert "unparsed" not in kinds
        assert {"day", "due", "span", "recurring", "continuous", "on_demand"} <= set(kinds)
        assert all(i.deadline.warnings == () for i in items), [
            (i.number, i.deadline.warnings) for i in items if i.deadline.warnings]
        several = [i for i in items if len(i.executors) > 1]
        assert len(several) >= 10


def test_demo_statuses_follow_the_day(demo_db) -> None:
    with demo_db.session() as s:
        items = s.scalars(select(Item)).all()
        statuses = Counter(i.status for i in items)
        assert statuses[ItemStatus.DONE] >= 5
        assert statuses[ItemStatus.PLANNED] >= 1
        overdue = [i.number for i in items if i.deadline.is_overdue(DEMO_TODAY, i.status)]
        assert 1 <= len(overdue) <= 5
        assert all(i.done_date is not None for i in items if i.status is ItemStatus.DONE)


def test_demo_refuses_a_database_with_data(demo_db) -> None:
    with demo_db.session() as s:
        before = _count(s, Order)
    with pytest.raises(UserError, match="уже содержит"):
        create_demo(demo_db)
    with demo_db.session() as s:
        assert _count(s, Order) == before
