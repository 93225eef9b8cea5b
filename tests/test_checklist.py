"""Per-school ticks: item progress follows the schools, every change is in the history,
evidence files are copied into the data folder and outlive the original."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop.errors import UserError
from desktop.models import Item
from desktop.models.enums import ItemStatus
from desktop.services import checklist, evidence
from desktop.services.checklist import CellState, Evidence
from desktop.services.report import build_report
from tests.checklist_data import build

MAY = dt.date(2026, 5, 20)


def test_ticking_every_school_makes_the_item_done_and_moves_the_figures(db) -> None:
    built = build(db)
    item, one, two = built.items["2.5"], built.schools["СОШ1"], built.schools["СОШ2"]
    with db.session() as s:
        before = build_report(s, built.roadmap_id, dt.date(2026, 6, 30))
        checklist.set_cells(s, {(item, one): CellState().done(MAY)})
    with db.session() as s:
        assert s.get(Item, item).status is ItemStatus.IN_WORK  # one of two schools
        half = build_report(s, built.roadmap_id, dt.date(2026, 6, 30))
        assert [(x.title, x.done) for x in half.schools] == [("СОШ1", 1), ("СОШ2", 0)]
        assert half.overall.done == before.overall.done
        checklist.set_cells(s, {(item, two): CellState().done(dt.date(2026, 5, 28))})
    with db.session() as s:
        stored = s.get(Item, item)
        assert (stored.status, stored.done_date) == (ItemStatus.DONE, dt.date(2026, 5, 28))
        after = build_report(s, built.roadmap_id, dt.date(2026, 6, 30))
    assert after.overall.done == before.overall.done + 1
    assert after.points[0].due_done == before.points[0].due_done + 1
    # «не требуется» for one school: the item is done when the others are
    with db.session() as s:
        checklist.set_cells(s, {(item, two): CellState(ItemStatus.CANCELLED)})
        assert s.get(Item, item).status is ItemStatus.DONE
        checklist.set_cells(s, {(item, one): CellState(ItemStatus.IN_WORK)})
        assert s.get(Item, item).status is ItemStatus.IN_WORK
        assert s.get(Item, item).done_date is None


def test_history_keeps_every_change_old_to_new(db) -> None:
    built = build(db)
    cell = (built.items["2.5"], built.schools["СОШ1"])
    with db.session() as s:
        checklist.set_cells(s, {cell: CellState(ItemStatus.IN_WORK)})
        checklist.set_cells(s, {cell: CellState(ItemStatus.IN_WORK)})  # no change: no record
        checklist.set_cells(s, {cell: CellState().done(MAY)}, source="форма школы")
    with db.session() as s:
        changes = checklist.history(s, *cell)
        assert [(c.old["status"], c.new["status"]) for c in changes] == [
            ("planned", "in_work"), ("in_work", "done")]
        assert changes[1].source == "форма школы"
        assert checklist.describe_change(changes[1].old, changes[1].new) == (
            "в работе → выполнено, 20.05.2026")


def test_unknown_item_is_refused(db) -> None:
    built = build(db)
    with db.session() as s, pytest.raises(UserError):
        checklist.set_cells(s, {(99999, built.schools["СОШ1"]): CellState(ItemStatus.DONE)})


def test_evidence_file_is_copied_and_survives_deleting_the_original(db, tmp_path: Path) -> None:
    built = build(db)
    stick = tmp_path / "usb"
    stick.mkdir()
    original = stick / "Приказ № 5.pdf"
    original.write_bytes(b"%PDF-1.4 order five")
    cell = (built.items["2.5"], built.schools["СОШ1"])
    with db.session() as s:
        record = evidence.store_file(s, db.path, original)
        again = evidence.store_file(s, db.path, original)  # the same content is stored once
        assert again.id == record.id
        checklist.set_cells(s, {cell: CellState(ItemStatus.DONE, MAY, evidence=(
            Evidence("Приказ", "5", MAY, record.id),))})
    original.unlink()
    stick.rmdir()
    with db.session() as s:
        state = checklist.cell_states(s, [cell])[cell]
        document = state.evidence[0]
        assert (document.text, document.file_name) == ("Приказ № 5 от 20.05.2026", "Приказ № 5.pdf")
        path = evidence.open_path(s, db.path, document.file_id)
    assert path.read_bytes() == b"%PDF-1.4 order five"
    assert path.parent.parent == db.path.parent / "evidence"
    assert path.stem == record.sha256


def test_list_json_shows_each_items_schools(db, capsys) -> None:
    import json

    from desktop import cli

    built = build(db)
    with db.session() as s:
        checklist.set_cells(s, {(built.items["2.5"], built.schools["СОШ1"]): CellState(
            ItemStatus.DONE, MAY, evidence=(Evidence("Приказ", "5"),))})
    db.close()
    assert cli.run(["list", "--json", "--db", db.address]) == 0
    items = {i["number"]: i for i in json.loads(capsys.readouterr().out)["roadmaps"][0]["items"]}
    assert items["1.1"]["schools"] == []
    assert [(m["school"], m["status"], m["done_date"]) for m in items["2.5"]["schools"]] == [
        ("СОШ1", "done", "2026-05-20"), ("СОШ2", "planned", None)]
    assert items["2.5"]["schools"][0]["evidence"][0]["number"] == "5"


def test_deleting_an_item_and_undoing_keeps_its_cells_documents_and_history(db) -> None:
    from desktop.services import structure

    built = build(db)
    cell = (built.items["2.5"], built.schools["СОШ1"])
    with db.session() as s:
        checklist.set_cells(s, {cell: CellState(ItemStatus.IN_WORK)})
        checklist.set_cells(s, {cell: CellState(ItemStatus.DONE, MAY, evidence=(
            Evidence("Приказ", "5", MAY),))})
    with db.session() as s:
        snapshot = structure.snapshot_items(s, built.roadmap_id, [cell[0]])
        structure.delete_snapshot(s, snapshot)
    with db.session() as s:
        assert checklist.history(s, *cell) == []  # gone with the item
        structure.insert_snapshot(s, snapshot)
    with db.session() as s:
        assert len(checklist.history(s, *cell)) == 2
        state = checklist.cell_states(s, [cell])[cell]
        assert state.status is ItemStatus.DONE and state.evidence[0].number == "5"
