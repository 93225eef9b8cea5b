"""The report for a date counts exactly what was due and done by then: a hand-built roadmap
whose right answers are worked out in the comments."""

from __future__ import annotations

import datetime as dt

from desktop.services import checklist
from desktop.services.checklist import CellState
from desktop.services.monitoring import NOT_YET
from desktop.services.report import build_report
from tests.checklist_data import build

JUNE = dt.date(2026, 6, 30)


def _numbers(lines) -> list[str]:
    return [ln.number for ln in lines]


def test_report_for_a_date_counts_items_due_and_done_by_then(db) -> None:
    built = build(db)
    with db.session() as s:  # the «500+» item: both «500+» schools done in May → done 25.05
        checklist.set_cells(s, {
            (built.items["2.5"], built.schools["СОШ1"]): CellState().done(dt.date(2026, 5, 20)),
            (built.items["2.5"], built.schools["СОШ2"]): CellState().done(dt.date(2026, 5, 25)),
        })
    with db.session() as s:
        report = build_report(s, built.roadmap_id, JUNE)
    # 8 live items (2.4 cancelled); done by 30.06: 1.1 (20.03) and 2.5 (25.05);
    # 1.2 was done on 10.07, after the date, so it is not done at 30.06
    assert (report.overall.done, report.overall.total) == (2, 8)
    # due by 30.06: 1.1, 1.2, 1.3, 1.4 (quarterly: first due 31.03), 2.5; not 2.1 (10.07),
    # 2.2 (September), 2.3 (continuous)
    half_year, november = report.points
    assert (half_year.total, half_year.done, half_year.due, half_year.due_done) == (8, 2, 5, 2)
    assert half_year.verdict == "нет"  # 25 % < 30 %
    assert november.verdict == NOT_YET and november.future
    assert november.due == 7  # + 2.1 and 2.2
    assert _numbers(report.not_done) == ["1.2", "1.3", "1.4"]
    # overdue: the last due date passed and not done then; 1.4's last quarter is 31.12
    assert _numbers(report.overdue) == ["1.2", "1.3"]
    assert _numbers(report.upcoming) == ["2.1"]  # 10.07 is within 14 days
    assert _numbers(report.done) == ["1.1", "2.5"]
    done_25 = report.done[1]
    assert done_25.evidence == ()  # the schools ticked it without a document
    assert [(x.title, x.done, x.total) for x in report.sections] == [
        ("1. Организация", 1, 4), ("2. Методика", 1, 4)]
    assert [(x.title, x.done, x.total) for x in report.executors] == [
        ("ММС", 0, 4), ("Отдел образования", 1, 3), ("Руководители школ", 1, 1)]
    assert [(x.title, x.done, x.total) for x in report.schools] == [("СОШ1", 1, 1), ("СОШ2", 1, 1)]
    bars = {b.month.month: (b.planned, b.done) for b in report.months}
    assert bars[3] == (2, 1) and bars[5] == (2, 1) and bars[7] == (1, 0)  # 1.2 done in July: later
    assert sum(p for p, _ in bars.values()) == 7


def test_the_same_roadmap_later_counts_the_late_item(db) -> None:
    built = build(db)
    with db.session() as s:
        report = build_report(s, built.roadmap_id, dt.date(2026, 9, 20))
    assert report.overall.done == 2  # 1.1 and 1.2 (10.07); 2.5 not ticked here
    assert _numbers(report.upcoming) == ["1.4", "2.2"]  # 30.09 within 14 days
    assert report.points[0].verdict == "нет" and report.points[0].done == 1  # at 30.06: only 1.1
