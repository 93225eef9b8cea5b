"""The one definition of «done on a date» (:mod:`desktop.services.monitoring`) for an item,
an item in one school, a section, an executor, a school and a monitoring point — every
expected figure worked out by hand in the comments — and the editor and the checklist
no longer leaving a done item or cell without a date."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from desktop.errors import UserError
from desktop.models import ChecklistRow, Item
from desktop.models.columns import Field
from desktop.models.deadline import parse_deadline
from desktop.models.enums import ItemStatus
from desktop.services import checklist, editing, monitoring, progress
from desktop.services.checklist import CellState
from desktop.services.checklist_matrix import Matrix, MatrixItem
from tests.checklist_data import PERIOD, build

D = dt.date
START = PERIOD[0]  # 01.01.2026
DONE, PLANNED, IN_WORK, CANCELLED = (ItemStatus.DONE, ItemStatus.PLANNED, ItemStatus.IN_WORK,
                                     ItemStatus.CANCELLED)


# ---------------------------------------------------------------- an item, a school's cell
def test_item_done_on_its_date_and_not_before() -> None:
    assert monitoring.done_since(DONE, D(2026, 3, 10), START) == D(2026, 3, 10)
    assert not monitoring.done_on(DONE, D(2026, 3, 10), D(2026, 3, 9), START)
    assert monitoring.done_on(DONE, D(2026, 3, 10), D(2026, 3, 10), START)
    for status in (PLANNED, IN_WORK, CANCELLED):  # a date without «выполнено» is not done
        assert monitoring.done_since(status, D(2026, 3, 10), START) is None
        assert not monitoring.done_on(status, D(2026, 3, 10), D(2026, 12, 31), START)


def test_done_without_a_date_counts_from_the_period_start() -> None:
    assert monitoring.done_since(DONE, None, START) == START
    assert monitoring.done_on(DONE, None, START, START)  # 01.01: done
    assert not monitoring.done_on(DONE, None, D(2025, 12, 31), START)  # before the period


def test_cells_of_an_item_or_of_a_school() -> None:
    cells = [(DONE, D(2026, 3, 10)), (DONE, None), (DONE, D(2026, 7, 20)),
             (CANCELLED, None), (IN_WORK, None), (PLANNED, None)]
    # on 30.06: 10.03 yes, undated yes (from 01.01), 20.07 not yet -> 2 done; «не требуется»
    # left out -> 5 counted
    assert monitoring.count_cells(cells, D(2026, 6, 30), START) == (2, 5)
    assert monitoring.count_cells(cells, D(2026, 7, 20), START) == (3, 5)
    assert monitoring.count_cells([], D(2026, 7, 20), START) == (0, 0)


def test_school_tally_of_an_item() -> None:
    schools = [SimpleNamespace(id=n) for n in (1, 2, 3, 4)]
    cells = {1: (DONE, D(2026, 2, 1)), 2: (DONE, None), 3: (CANCELLED, None)}  # 4: no cell
    # 1 and 2 done on 01.03; 3 «не требуется»; 4 planned -> 2 of 3
    tally = progress.school_tally(schools, cells, D(2026, 3, 1), START)  # type: ignore[arg-type]
    assert (tally.done, tally.total, tally.text) == (2, 3, "2 / 3")


def test_checklist_matrix_tally_uses_the_rule() -> None:
    item = MatrixItem(1, 1, "1. Раздел", "1.1", "М", "До 01.03.2026", (), DONE, None,
                      frozenset({1, 2, 3}))
    matrix = Matrix(1, "Карта", [item], [], period_start=START, day=D(2026, 3, 1))
    matrix.cells = {(1, 1): CellState(DONE, D(2026, 2, 1)), (1, 2): CellState(DONE, None),
                    (1, 3): CellState(DONE, D(2026, 4, 1))}
    assert matrix.tally(item) == (2, 3)  # the 01.04 tick is later than 01.03


# ------------------------------------------------- a section, an executor, a point
def _line(number: str, status: ItemStatus, done: dt.date | None, executors: tuple[str, ...],
          deadline: str) -> monitoring.Line:
    return monitoring.item_line(int(number.replace(".", "")), number, f"М {number}", "1. Р",
                                executors, deadline, status, done, START,
                                parse_deadline(deadline, period=PERIOD))


LINES = [
    _line("1.1", DONE, D(2026, 3, 20), ("ОО",), "До 31.03.2026"),
    _line("1.2", DONE, None, ("ОО", "ММС"), "До 31.05.2026"),       # done, no date
    _line("1.3", DONE, D(2026, 7, 10), ("ММС",), "До 31.05.2026"),   # done late
    _line("1.4", IN_WORK, None, ("ММС",), "До 30.04.2026"),
    _line("1.5", CANCELLED, None, ("ОО",), "До 30.04.2026"),        # in no count
]


def test_section_share_on_a_date() -> None:
    # on 30.06: 1.1 (20.03) and 1.2 (undated, from 01.01) of the four live -> 2 of 4
    assert monitoring.share("1. Р", LINES, D(2026, 6, 30)) == monitoring.Share("1. Р", 2, 4)
    # on 15.01 only the undated 1.2 -> 1 of 4
    assert monitoring.share("1. Р", LINES, D(2026, 1, 15)).done == 1


def test_executor_shares_on_a_date() -> None:
    # ММС: 1.2 (yes), 1.3 (10.07: not yet), 1.4 -> 1 of 3; ОО: 1.1, 1.2 of 1.1 1.2 (1.5 out)
    assert [(s.title, s.done, s.total) for s in monitoring.by_executor(LINES, D(2026, 6, 30))] \
        == [("ММС", 1, 3), ("ОО", 2, 2)]


def test_monitoring_point_figure() -> None:
    point = monitoring.point_figure(LINES, D(2026, 6, 30), "Полугодие", "30–40 %", 30,
                                    D(2026, 12, 31))
    # done by 30.06: 1.1, 1.2 -> 2 of 4 = 50 % >= 30 %; due by 30.06: all four; done: 2
    assert (point.done, point.total, point.due, point.due_done, point.verdict) == \
        (2, 4, 4, 2, "да")
    later = monitoring.point_figure(LINES, D(2026, 11, 30), "Ноябрь", "80 %", 80,
                                    D(2026, 6, 30))
    # not come yet on 30.06: counted as of 30.06 -> 2 of 4, and says so
    assert (later.done, later.verdict) == (2, monitoring.NOT_YET)


def test_months_count_an_undated_item_in_the_first_month() -> None:
    bars = monitoring.by_month(LINES, START, PERIOD[1], D(2026, 12, 31))
    # 1.2 (undated) in January, 1.1 in March, 1.3 in July
    assert [(b.month.month, b.done) for b in bars if b.done] == [(1, 1), (3, 1), (7, 1)]


# ----------------------------------------------------------------- the editor
def test_editor_refuses_to_clear_the_date_of_a_done_item(db) -> None:
    built = build(db)
    item_id = built.items["1.1"]  # done 20.03.2026
    with db.session() as s, pytest.raises(UserError, match="дата выполнения"):
        editing.set_item_field(s, item_id, Field.DONE_DATE, None)
    with db.session() as s:
        assert s.get(Item, item_id).done_date == D(2026, 3, 20)
        editing.set_item_field(s, item_id, Field.DONE_DATE, D(2026, 3, 25))  # a new date: fine
    with db.session() as s:
        assert s.get(Item, item_id).done_date == D(2026, 3, 25)


def test_editor_fills_the_date_when_marking_done_and_clears_it_when_leaving(db) -> None:
    built = build(db)
    item_id = built.items["1.3"]  # in work, no date
    with db.session() as s:
        editing.set_item_field(s, item_id, Field.STATUS, DONE, today=D(2026, 5, 4))
    with db.session() as s:
        stored = s.get(Item, item_id)
        assert (stored.status, stored.done_date) == (DONE, D(2026, 5, 4))
        editing.set_item_field(s, item_id, Field.STATUS, IN_WORK)
    with db.session() as s:
        stored = s.get(Item, item_id)
        assert (stored.status, stored.done_date) == (IN_WORK, None)
        editing.set_item_field(s, item_id, Field.DONE_DATE, None)  # not done: allowed


# ----------------------------------------------------------------- the checklist
def test_a_cell_marked_done_without_a_date_gets_the_day_of_the_change(db) -> None:
    built = build(db)
    item_id = built.items["2.5"]  # «500+»: СОШ1 and СОШ2
    cells = {(item_id, built.schools[n]): CellState(DONE, None) for n in ("СОШ1", "СОШ2")}
    with db.session() as s:
        checklist.set_cells(s, cells, when=dt.datetime(2026, 5, 25, 10, 30))
    with db.session() as s:
        dates = set(s.scalars(select(ChecklistRow.date).where(ChecklistRow.item_id == item_id)))
        assert dates == {D(2026, 5, 25)}
        stored = s.get(Item, item_id)
        assert (stored.status, stored.done_date) == (DONE, D(2026, 5, 25))


def test_an_item_done_by_undated_cells_stored_before_gets_a_date(db) -> None:
    built = build(db)
    item_id = built.items["2.5"]
    with db.session() as s:  # rows as an older version left them: done, no date
        s.add_all([ChecklistRow(item_id=item_id, school_id=built.schools[n], status=DONE)
                   for n in ("СОШ1", "СОШ2")])
    with db.session() as s:
        checklist.sync_items(s, [item_id], today=D(2026, 6, 1))
    with db.session() as s:
        stored = s.get(Item, item_id)
        assert (stored.status, stored.done_date) == (DONE, D(2026, 6, 1))
