"""The write guard on a district's data in the region's database: every write — through the
funnel (:func:`desktop.services.operations.writing`, as every undo command and the command
line write) or on a bare session outside it — is refused for a district roadmap's sections,
items, checklist marks, monitoring points, properties and schools with one Russian message,
and nothing is written; the region's own roadmaps are edited as before, and a district's
next package (``districts=DistrictRows.ALLOW``, said explicitly) still replaces its data."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.export.package import write_package
from desktop.importers.package import read_package
from desktop.models import (
    ChecklistRow,
    Item,
    MonitoringPoint,
    Roadmap,
    School,
    SchoolDocument,
    Section,
)
from desktop.models.columns import Field
from desktop.models.database import Database
from desktop.models.enums import DocumentKind, ItemStatus
from desktop.services import checklist, editing, roadmaps, structure
from desktop.services.checklist import CellState
from desktop.services.district_guard import DistrictReadOnly
from desktop.services.operations import DistrictRows, writing
from desktop.services.region_import import import_package
from tests.district_data import MESSAGE, Region, demo_package, region_of, roadmap_state, state

pytestmark = pytest.mark.both_backends


@pytest.fixture
def region(demo_db: Database, tmp_path: Path) -> Region:
    """The demo's file as a region that imported the demo district's own package."""
    package = demo_package(demo_db, tmp_path)
    with writing(demo_db, districts=DistrictRows.ALLOW) as s:
        import_package(s, read_package(package), demo_db.path)
    return region_of(demo_db, package)


def first(session: Session, model: Any, roadmap_id: int) -> Any:
    query = select(model)
    if model is not Section:
        query = query.join(Section) if model is Item else query.join(Item).join(Section)
    return session.scalars(query.where(Section.roadmap_id == roadmap_id)
                           .order_by(model.id)).first()


def edits(roadmap_id: int) -> dict[str, Callable[[Session], object]]:
    """Service writes of every kind on ``roadmap_id``."""

    def item(s: Session) -> int:
        return first(s, Item, roadmap_id).id

    def section(s: Session) -> int:
        return first(s, Section, roadmap_id).id

    def flipped(s: Session) -> ItemStatus:
        done = first(s, Item, roadmap_id).status is ItemStatus.DONE
        return ItemStatus.PLANNED if done else ItemStatus.DONE

    def cell(s: Session) -> tuple[int, int]:
        row = first(s, ChecklistRow, roadmap_id)
        return row.item_id, row.school_id

    def layout(s: Session) -> None:  # one UPDATE for a list of rows (undo of a renumbering)
        changed = structure.capture_layout(s, roadmap_id)
        for item_id in list(changed.items)[:3]:
            section_id, parent_id, position, number = changed.items[item_id]
            changed.items[item_id] = (section_id, parent_id, position, f"{number}.9")
        structure.apply_layout(s, roadmap_id, changed)

    def properties(s: Session) -> None:
        props = roadmaps.read_properties(s, roadmap_id)
        roadmaps.apply_properties(s, roadmap_id, dataclasses.replace(props, title="Другая"))

    def point(s: Session) -> None:
        s.add(MonitoringPoint(roadmap_id=roadmap_id, date=dt.date(2026, 12, 1), target_min=90))
        s.flush()

    return {
        "field": lambda s: editing.set_item_field(s, item(s), Field.ACTIVITY, "Новое"),
        "done": lambda s: editing.set_item_field(s, item(s), Field.STATUS, flipped(s)),
        "executors": lambda s: editing.set_executors(s, item(s), []),
        "add item": lambda s: structure.add_item(s, section_id=section(s)),
        "add section": lambda s: structure.add_section(s, roadmap_id),
        "move": lambda s: structure.move_item(s, item(s), 1),
        "indent": lambda s: structure.indent_item(s, s.scalars(
            select(Item.id).where(Item.section_id == section(s), Item.parent_id.is_(None))
            .order_by(Item.position)).all()[1]),
        "delete": lambda s: structure.delete_items(s, roadmap_id, [item(s)]),
        "delete section": lambda s: structure.delete_sections(s, roadmap_id, [section(s)]),
        "layout of many rows": layout,
        "mark": lambda s: checklist.set_cells(
            s, {cell(s): CellState(ItemStatus.DONE, dt.date(2026, 3, 2), "", [])}),
        "properties": properties,
        "monitoring point": point,
        "delete roadmap": lambda s: roadmaps.delete_roadmap(s, roadmap_id),
    }


@pytest.mark.parametrize("opener", ["funnel", "bare session", "worker thread"])
def test_every_service_write_on_a_district_roadmap_is_refused(region: Region,
                                                               opener: str) -> None:
    database = region.database
    before = state(database, region.district)
    written = []

    def write(edit: Callable[[Session], object]) -> None:
        with (writing(database) if opener != "bare session" else database.session()) as s:
            edit(s)

    for name, edit in edits(region.district).items():
        try:
            if opener == "worker thread":  # no thread state to miss: the rule is the transaction's
                with ThreadPoolExecutor(1) as pool:
                    pool.submit(write, edit).result()
            else:
                write(edit)
            written.append(name)
        except DistrictReadOnly as exc:
            assert exc.message == MESSAGE, name
        assert state(database, region.district) == before, name
    assert written == []


def test_the_same_writes_on_an_own_roadmap_pass(region: Region) -> None:
    database = region.database
    district_before = state(database, region.district)
    for name, edit in edits(region.own).items():
        if name == "delete roadmap":
            continue
        before = state(database, region.own)
        with writing(database) as s:
            edit(s)
        assert state(database, region.own) != before, name  # it was written
    assert state(database, region.district) == district_before


def test_an_own_item_moved_into_a_district_roadmap_is_refused(region: Region) -> None:
    database = region.database
    own_before = state(database, region.own)
    with pytest.raises(DistrictReadOnly), database.session() as s:
        first(s, Item, region.own).section_id = first(s, Section, region.district).id
        s.flush()
    assert state(database, region.own) == own_before


def test_a_district_school_is_refused_with_the_district_named(region: Region) -> None:
    database = region.database
    with pytest.raises(DistrictReadOnly) as caught, writing(database) as s:
        school = s.scalar(select(School).where(School.district_id.is_not(None)))
        s.add(SchoolDocument(school_id=school.id, kind=next(iter(DocumentKind)),
                             title="Программа"))
        s.flush()
    assert "Данные района «УО Краснолесского района» открыты только для просмотра" in \
        caught.value.message
    with database.session() as s:
        assert not s.scalars(select(SchoolDocument).join(School)
                             .where(School.district_id.is_not(None))).all()


def test_the_package_import_still_replaces_the_district(
        region: Region, tmp_path: Path) -> None:
    database = region.database
    with writing(database) as s:  # the district changed an item and sent again
        own_item = first(s, Item, region.own)
        own_item.activity = "Изменено в районе"
        package = write_package(s, tmp_path / "newer.dkp", now=dt.datetime(2026, 7, 1))
    with writing(database, districts=DistrictRows.ALLOW) as s:
        import_package(s, read_package(package), database.path)
    with database.session() as s:
        district = s.scalar(select(Roadmap.id).where(Roadmap.district_id.is_not(None)))
        activities = [i[5] for i in roadmap_state(s, district)["items"]]
    assert "Изменено в районе" in activities


def test_the_command_lines_school_form_import_on_a_district_roadmap_is_refused(
        region: Region, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A school's form of a district's roadmap, imported from the command line: exit 2 with
    the Russian message, and the district's marks are as they were."""
    from openpyxl import load_workbook

    from desktop import cli
    from desktop.export.school_forms import export_school_forms

    database = region.database
    with database.session() as s:
        paths = export_school_forms(s, region.district, tmp_path / "forms")
    path = sorted(paths)[0]
    book = load_workbook(path)
    book["Чек-лист"]["D5"] = "выполнено"
    book.save(path)
    before = state(database, region.district)
    assert cli.run(["import", str(path), "--db", database.address]) == 2
    assert MESSAGE in capsys.readouterr().err
    assert state(database, region.district) == before
