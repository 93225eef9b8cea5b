"""One progress count: on the demo district with the done dates of five done items (and of
one item's school cells) cleared — the damaged state older files may hold — the Excel
«Исполнение» sheet, the report (its Excel and PDF) and the «Отчёты» page give the same
figures, and those are the ones worked out by hand below from the demo's data.

The demo is built as of 22.11.2026 (``DEMO_TODAY``): an «auto» item whose deadline ended
before that day is done on its deadline's last day. The 17 done items and their dates:

    1.1 31.01   1.2 15.02*  1.3 28.02*  1.4 06.03   2.1 01.03   2.2 20.05
    2.3 31.08*  2.6 15.04   3.1 31.05   3.2 30.06   3.4 31.07   3.5 31.08
    4.2 15.04   4.6 31.08*  4.7 30.06   5.3 30.06*  6.1 30.06

39 items, none cancelled. The items marked * lose their done date here: three done by
30.06 (1.2, 1.3, 5.3) and two done later (2.3, 4.6). The rule: a done item without a
date counts as done from the period's start (01.01.2026), at every date.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, update

from desktop.export.report_pdf import write_report_pdf
from desktop.export.report_xlsx import write_report_xlsx
from desktop.export.xlsx import export_roadmap_xlsx
from desktop.models import ChecklistRow, Item, Roadmap
from desktop.services.operations import DistrictRows, writing
from desktop.services.report import build_report
from tests.conftest import DEMO_TODAY
from tests.test_export_pdf_support import run_tool

JUNE = dt.date(2026, 6, 30)
CLEARED = ("1.2", "1.3", "5.3", "2.3", "4.6")

# At the first point (30.06): dated and done by then: 1.1 1.4 2.1 2.2 2.6 3.1 3.2 4.2 4.7
# 6.1 = 10; the five undated count from 01.01: 10 + 5 = 15 of 39.
POINT_JUNE = (15, 39)
# On 22.11 (the second point, 30.11, has not come: counted as of 22.11): dated and done:
# the ten above + 3.4 3.5 = 12; + the five undated = 17 of 39.
POINT_NOVEMBER = (17, 39)
# Before the fix the Excel sheet counted only dated items (10 and 12 of 39) while the
# report counted 15 and 17.

# Per section on 22.11 (done / items), 17 in all:
#   1: 1.1 1.2 1.3 1.4 of 7      2: 2.1 2.2 2.3 2.6 of 6      3: 3.1 3.2 3.4 3.5 of 5
#   4: 4.2 4.6 4.7 of 8          5: 5.3 of 7                  6: 6.1 of 6
SECTIONS_NOVEMBER = [(4, 7), (4, 6), (4, 5), (3, 8), (1, 7), (1, 6)]
# Per section on 30.06: section 3 loses 3.4 and 3.5 (done in July and August); 2.3 and 4.6
# (undated) still count: 4 + 4 + 2 + 3 + 1 + 1 = 15.
SECTIONS_JUNE = [(4, 7), (4, 6), (2, 5), (3, 8), (1, 7), (1, 6)]


@pytest.fixture
def damaged(demo_db) -> tuple[object, int]:
    """The demo with the cleared dates: the five items', and 2.3's school cells."""
    with demo_db.session() as s:
        roadmap_id = s.scalar(select(Roadmap.id))
        ids = {i.number: i.id for i in s.get(Roadmap, roadmap_id).all_items()}
        s.execute(update(Item).where(Item.id.in_([ids[n] for n in CLEARED]))
                  .values(done_date=None))
        s.execute(update(ChecklistRow).where(ChecklistRow.item_id == ids["2.3"])
                  .values(date=None))
    return demo_db, roadmap_id


def _sheet_rows(path: Path, sheet: str) -> list[tuple]:
    return list(load_workbook(path, read_only=True)[sheet].iter_rows(values_only=True))


def test_excel_progress_sheet_counts_by_hand(damaged, tmp_path: Path) -> None:
    database, roadmap_id = damaged
    with database.session() as s:
        path = export_roadmap_xlsx(s, roadmap_id, tmp_path / "карта.xlsx", today=DEMO_TODAY)
    rows = _sheet_rows(path, "Исполнение")
    points = {r[1]: r for r in rows if r[1] in ("Первый мониторинг", "Второй мониторинг")}
    assert points["Первый мониторинг"][3:5] == POINT_JUNE
    assert points["Первый мониторинг"][6] == "да"  # 15 / 39 = 38 % ≥ 30 %
    assert points["Второй мониторинг"][3:5] == POINT_NOVEMBER
    assert points["Второй мониторинг"][6] == "ещё не наступила"
    sections = [r[2:4] for r in rows if r[0] in ("1", "2", "3", "4", "5", "6")
                and isinstance(r[2], int)]
    assert sections == SECTIONS_NOVEMBER
    total = next(r for r in rows if r[1] == "Итого")
    assert total[2:4] == (17, 39)
    # the per-school tally of 2.3 (6 ШНОР schools, cells done without a date): 6 of 6
    first = _sheet_rows(path, "По школам")
    row = next(r for r in first if r[0] == "2.3")
    assert [v for v in row if isinstance(v, int)][-2:] == [6, 6]
    # an undated done item is shown as done, and says its date is missing
    item = next(r for r in rows if r[0] == "1.2")
    assert (item[3], item[4]) == ("выполнено", "дата не указана")


def test_report_counts_by_hand(damaged) -> None:
    database, roadmap_id = damaged
    with database.session() as s:
        november = build_report(s, roadmap_id, DEMO_TODAY)
        june = build_report(s, roadmap_id, JUNE)
    assert [(p.done, p.total) for p in november.points] == [POINT_JUNE, POINT_NOVEMBER]
    assert (november.overall.done, november.overall.total) == (17, 39)
    assert [(x.done, x.total) for x in november.sections] == SECTIONS_NOVEMBER
    assert [(x.done, x.total) for x in june.sections] == SECTIONS_JUNE
    assert (june.overall.done, june.overall.total) == (15, 39)
    executors = {x.title: (x.done, x.total) for x in november.executors}
    # «ДДТ» has one item, 5.3 (done, undated): 1 of 1. «Кураторы»: 2.6 3.1 3.2 3.4 done,
    # 4.1 in work: 4 of 5. «Муниципальный координатор»: 1.6 1.7 6.1 6.2 6.5 6.6, only 6.1
    # done: 1 of 6.
    assert executors["ДДТ"] == (1, 1)
    assert executors["Кураторы"] == (4, 5)
    assert executors["Муниципальный координатор"] == (1, 6)
    # ГООШ (ШНОР, not «500+») is concerned by the 8 «all ШНОР» items 2.1 2.2 2.3 2.5 4.2
    # 4.4 4.7 5.2; its cells are done for the done ones, 2.1 (01.03) 2.2 (20.05) 4.2 (15.04)
    # 4.7 (30.06) and 2.3 (no date: from 01.01); the three in work are in work for it (the
    # demo ticks every other school, ГООШ is the sixth). On 30.06: 5 of 8.
    schools = {x.title: (x.done, x.total) for x in june.schools}
    assert schools["ГООШ"] == (5, 8)
    # the done list names the undated ones without inventing a date
    assert {ln.number for ln in november.done if ln.done_date is None} == set(CLEARED)


def test_report_files_and_dashboard_agree(damaged, tmp_path: Path, qtbot) -> None:
    from desktop.ui.dialogs import ScriptedDialogs
    from desktop.ui.main_window import MainWindow

    database, roadmap_id = damaged
    with database.session() as s:
        report = build_report(s, roadmap_id, DEMO_TODAY)
    figures = [[c for c in row if c is not None]
               for row in _sheet_rows(write_report_xlsx(report, tmp_path / "о.xlsx"),
                                      "Показатели")]
    assert ["Итого", 17, 39, pytest.approx(17 / 39, abs=1e-4)] in figures
    june = next(r for r in figures if r and r[0] == dt.datetime(2026, 6, 30))
    assert june[3] == 15  # «Выполнено к дате»
    done_rows = _sheet_rows(tmp_path / "о.xlsx", "Выполнено")
    assert any(r[0] == "1.2" and "дата не указана" in str(r[-1]) for r in done_rows)
    pdf = write_report_pdf(report, tmp_path / "о.pdf")
    text = " ".join(run_tool("pdftotext", str(pdf), "-").split())
    assert "Выполнено 17 из 39 мероприятий (44 %)" in text

    window = MainWindow(database, dialogs=ScriptedDialogs())
    qtbot.addWidget(window)
    page = window.show_page("reports")
    page.set_day(DEMO_TODAY)
    assert "Выполнено 17 из 39 мероприятий (44 %)" in page.headline.text()  # 17/39 = 43.6 %
    points = [page.points.model.record(n) for n in range(page.points.model.rowCount())]
    assert [round(p["actual"] * 39) for p in points] == [15, 17]
    sections = [page.sections.model.record(n) for n in range(page.sections.model.rowCount())]
    assert [(r["done"], r["total"]) for r in sections] == SECTIONS_NOVEMBER


def test_region_summary_and_reminders_agree(damaged, tmp_path: Path) -> None:
    from desktop.export.package import write_package
    from desktop.importers.package import read_package
    from desktop.models.database import open_database
    from desktop.services.region import region_overview
    from desktop.services.region_import import import_package
    from desktop.services.report import reminders

    database, _roadmap_id = damaged
    with writing(database) as s:  # the damaged district sends its package
        package = write_package(s, tmp_path / "район.dkp", now=dt.datetime(2026, 11, 22))
        # a done item is never overdue nor due soon, with or without its date
        numbers = {r["number"] for r in reminders(s, DEMO_TODAY, days=14)}
        assert numbers and numbers.isdisjoint(CLEARED)  # overdue ones are listed, not these
    region = open_database(tmp_path / "регион.db")
    try:
        with writing(region, districts=DistrictRows.ALLOW) as s:
            import_package(s, read_package(package), region.path)
        with region.session() as s:
            (district,) = region_overview(s, DEMO_TODAY)
            (roadmap,) = district.roadmaps
            assert (roadmap.overall.done, roadmap.overall.total) == (17, 39)
            assert [(p.done, p.total) for p in roadmap.points] == [POINT_JUNE, POINT_NOVEMBER]
    finally:
        region.close()
