"""Creating roadmaps (empty, from the template, copied to a new year) and their properties."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from desktop.errors import UserError
from desktop.models import ChecklistRow, Item, ItemStatus, Level, Roadmap, RoadmapStatus
from desktop.models.columns import preset
from desktop.services import demo_data
from desktop.services import roadmaps as service
from tests.conftest import DEMO_YEAR


def _props(**changes) -> service.RoadmapProperties:
    base = service.RoadmapProperties("Дорожная карта", Level.MUNICIPAL,
                                     *service.year_period(2027))
    return service.RoadmapProperties(**{**base.__dict__, **changes})


def _roadmap_id(db) -> int:
    with db.session() as s:
        return s.scalar(select(Roadmap.id))


def test_create_empty_with_a_preset(db) -> None:
    with db.session() as s:
        rid = service.create_empty(s, _props(columns=preset("balakhta")))
    with db.session() as s:
        roadmap = s.get(Roadmap, rid)
        assert roadmap.sections == [] and roadmap.period_start == dt.date(2027, 1, 1)
        assert roadmap.columns == preset("balakhta")


def test_period_must_not_end_before_it_starts(db) -> None:
    with pytest.raises(UserError, match="Окончание периода"), db.session() as s:
        service.create_empty(s, _props(period_end=dt.date(2026, 12, 31)))
    with pytest.raises(UserError, match="название"), db.session() as s:
        service.create_empty(s, _props(title="  "))


def test_create_from_the_demo_template_in_another_year(demo_db) -> None:
    with demo_db.session() as s:
        rid = service.create_from_template(s, _props())
    with demo_db.session() as s:
        roadmap = s.get(Roadmap, rid)
        items = roadmap.all_items()
        assert len(roadmap.sections) == len(demo_data.SECTIONS)
        assert len(items) == sum(len(rows) for _title, rows in demo_data.SECTIONS)
        assert all(i.status is ItemStatus.PLANNED for i in items)
        dated = [i for i in items if i.deadline_start]
        assert dated and all(i.deadline_start.year >= 2026 for i in dated)
        assert "{Y}" not in " ".join(i.deadline_text for i in items)
        assert [p.date for p in roadmap.monitoring_points] == [dt.date(2027, 6, 30),
                                                               dt.date(2027, 11, 30)]
        # executors of the directory are linked
        assert any(e.organisation_id for i in items for e in i.executors)


def test_copy_to_the_next_year_moves_every_date(demo_db) -> None:
    source = _roadmap_id(demo_db)
    with demo_db.session() as s:
        new_id = service.copy_to_year(s, source, 1)
    with demo_db.session() as s:
        old, new = s.get(Roadmap, source), s.get(Roadmap, new_id)
        old_items, new_items = old.all_items(), new.all_items()
        assert len(new_items) == len(old_items) and len(new.sections) == len(old.sections)
        assert new.title.endswith(f"в {DEMO_YEAR + 1} году")
        assert new.period == (dt.date(DEMO_YEAR + 1, 1, 1), dt.date(DEMO_YEAR + 1, 12, 31))
        assert new.status is RoadmapStatus.DRAFT and new.columns == old.columns
        for a, b in zip(old_items, new_items, strict=True):
            assert b.number == a.number and b.activity == a.activity
            if a.deadline_start is not None:
                assert b.deadline_start == a.deadline_start.replace(year=a.deadline_start.year + 1)
            assert b.status is ItemStatus.PLANNED and b.done_date is None
            assert [e.text for e in b.executors] == [e.text for e in a.executors]
        assert [p.date.year for p in new.monitoring_points] == [DEMO_YEAR + 1] * 2
        copied_ticks = s.scalar(select(func.count()).select_from(ChecklistRow).join(Item)
                                .where(Item.id.in_([i.id for i in new_items])))
        assert copied_ticks == 0
    with demo_db.session() as s:
        service.delete_roadmap(s, new_id)
    with demo_db.session() as s:
        assert s.get(Roadmap, new_id) is None
        assert s.scalar(select(func.count()).select_from(Item)) == len(old_items)


def test_changing_the_period_reparses_deadlines_and_can_be_restored(demo_db) -> None:
    rid = _roadmap_id(demo_db)
    with demo_db.session() as s:
        old = service.read_properties(s, rid)
        state = service.deadline_state(s, rid)
        service.apply_properties(s, rid, service.RoadmapProperties(
            **{**old.__dict__, "period_start": dt.date(DEMO_YEAR + 1, 1, 1),
               "period_end": dt.date(DEMO_YEAR + 1, 12, 31), "columns": preset("kaliningrad"),
               "monitoring_points": ()}))
    with demo_db.session() as s:
        roadmap = s.get(Roadmap, rid)
        august = next(i for i in roadmap.all_items() if i.deadline_kind == "continuous")
        assert august.deadline_start.year == DEMO_YEAR + 1
        assert roadmap.columns == preset("kaliningrad") and roadmap.monitoring_points == []
    with demo_db.session() as s:
        service.apply_properties(s, rid, old, reparse=False)
        service.restore_deadline_state(s, state)
    with demo_db.session() as s:
        assert service.read_properties(s, rid) == old
        assert service.deadline_state(s, rid) == state


def test_the_new_services_run_without_qt() -> None:
    import subprocess
    import sys

    code = ("import sys, desktop.services.registry, desktop.services.roadmaps, "
            "desktop.models.deadline_shift\nassert 'PySide6' not in sys.modules\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
