"""The checklist of a region-sized case: 100 schools × 300 items (every school in «500+»,
so 30,000 cells, half of them ticked), in a temporary database.

* open: read the matrix from the database, build our model, set it on a shown
  ChecklistView, process events — against the same cells (same strings) read with plain
  queries into a QStandardItemModel on a plain QTableView, built in the same run;
* tick_ms: one space on one cell through the undo funnel (ChecklistPage.toggle: the
  command, its commit with the history record, the item kept in step, the row refreshed);
* report: the progress report for a date, built and written as PDF and as .xlsx.

Medians of 5 (ticks: of 20). Target: open ≤ 1.5× the baseline, tick < 20 ms. Run from the
repo root with no arguments; the last line printed is one JSON object.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import insert, select  # noqa: E402

from PySide6.QtGui import QStandardItem, QStandardItemModel, QUndoStack  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

from desktop.export.report_pdf import write_report_pdf  # noqa: E402
from desktop.export.report_xlsx import write_report_xlsx  # noqa: E402
from desktop.models import (  # noqa: E402
    ChecklistRow,
    Item,
    MonitoringPoint,
    Roadmap,
    School,
    SchoolProjectYear,
    Section,
)
from desktop.models.database import open_database  # noqa: E402
from desktop.models.enums import ItemStatus, SchoolScope  # noqa: E402
from desktop.services.checklist_matrix import load_matrix  # noqa: E402
from desktop.services.report import build_report  # noqa: E402
from desktop.ui.changes import Changes  # noqa: E402
from desktop.ui.checklist.model import ChecklistModel  # noqa: E402
from desktop.ui.checklist.view import ChecklistView  # noqa: E402
from desktop.ui.datasource import DataSource  # noqa: E402
from desktop.ui.dialogs import ScriptedDialogs  # noqa: E402
from desktop.ui.views.checklist import ChecklistPage  # noqa: E402

SCHOOLS, SECTIONS, PER_SECTION, REPEATS, TICKS = 100, 10, 30, 5, 20
DAY = dt.date(2026, 6, 30)
DEADLINES = ("до 15.02.2026", "01.03-20.05.2026", "Ежеквартально", "сентябрь- октябрь 2026г.",
             "до 30.11.2026", "постоянно")


def build(path: Path) -> int:
    database = open_database(path)
    with database.session() as s:
        schools = [School(full_name=f"МБОУ СОШ № {n}", short_name=f"СОШ{n:03d}",
                          project_years=[SchoolProjectYear(year=2026)])
                   for n in range(1, SCHOOLS + 1)]
        s.add_all(schools)
        roadmap = Roadmap(title="Региональная дорожная карта", period_start=dt.date(2026, 1, 1),
                          period_end=dt.date(2026, 12, 31))
        roadmap.monitoring_points = [
            MonitoringPoint(date=DAY, target_min=30, target_max=40, title="Полугодие")]
        for n in range(1, SECTIONS + 1):
            section = Section(number=str(n), title=f"Раздел {n}", position=n)
            roadmap.sections.append(section)
            for m in range(1, PER_SECTION + 1):
                item = Item(number=f"{n}.{m}", position=m, school_scope=SchoolScope.ALL_500,
                            activity=f"Мероприятие {n}.{m} по сопровождению школ",
                            status=ItemStatus.IN_WORK)
                item.set_deadline(DEADLINES[(n + m) % len(DEADLINES)], roadmap.period)
                section.items.append(item)
        s.add(roadmap)
        s.flush()
        rows = [{"item_id": item.id, "school_id": school.id, "status": "done",
                 "date": dt.date(2026, 1 + (item.id + school.id) % 6, 10), "evidence": "Приказ",
                 "comment": ""}
                for item in roadmap.all_items() for school in schools
                if (item.id + school.id) % 2 == 0]
        s.execute(insert(ChecklistRow), rows)
        roadmap_id = roadmap.id
    database.close()
    return roadmap_id


def shown(view: QTableView) -> QTableView:
    view.resize(1300, 700)
    view.show()
    QApplication.processEvents()
    return view


def open_ours(path: Path, roadmap_id: int) -> float:
    start = time.perf_counter()
    database = open_database(path)
    with database.session() as s:
        matrix = load_matrix(s, roadmap_id)
    model = ChecklistModel(today=DAY)
    model.set_matrix(matrix)
    view = shown(ChecklistView(model))
    elapsed = time.perf_counter() - start
    view.close()
    database.close()
    return elapsed


def open_baseline(path: Path, roadmap_id: int) -> float:
    start = time.perf_counter()
    database = open_database(path)
    with database.session() as s:
        schools = s.execute(select(School.id, School.short_name).order_by(School.short_name)).all()
        items = s.execute(select(Item.id, Item.section_id, Item.number, Item.activity)
                          .join(Section).where(Section.roadmap_id == roadmap_id)
                          .order_by(Section.position, Item.position)).all()
        cells = s.execute(select(ChecklistRow.item_id, ChecklistRow.school_id,
                                 ChecklistRow.status, ChecklistRow.date)).all()
    marks = {(i, sc): f"✓ {d:%d.%m}" for i, sc, status, d in cells if status is ItemStatus.DONE}
    column = {sid: n + 2 for n, (sid, _name) in enumerate(schools)}
    model = QStandardItemModel(len(items), len(schools) + 2)
    model.setHorizontalHeaderLabels(["Мероприятие", "Школ", *(n for _, n in schools)])
    for row, (item_id, _section, number, activity) in enumerate(items):
        model.setItem(row, 0, QStandardItem(f"{number} {activity}"))
        model.setItem(row, 1, QStandardItem(""))
        for school_id, col in column.items():
            model.setItem(row, col, QStandardItem(marks.get((item_id, school_id), "")))
    view = shown(QTableView())
    view.setModel(model)
    QApplication.processEvents()
    elapsed = time.perf_counter() - start
    view.close()
    database.close()
    return elapsed


def ticks(path: Path, roadmap_id: int) -> list[float]:
    database = open_database(path)
    page = ChecklistPage(DataSource(database))
    page.attach(QUndoStack(page), Changes(page), ScriptedDialogs())
    page.reload()
    page.open_roadmap(roadmap_id)
    page.resize(1300, 700)
    page.show()
    QApplication.processEvents()
    matrix = page.model.matrix
    assert matrix is not None
    found = []
    for n in range(TICKS):
        item = matrix.items[n * 7 % len(matrix.items)]
        cell = (item.id, sorted(item.schools)[n % len(item.schools)])
        start = time.perf_counter()
        page.toggle([cell], today=DAY)
        QApplication.processEvents()
        found.append(time.perf_counter() - start)
    assert page.undo_stack is not None and page.undo_stack.count() == TICKS
    page.close()
    database.close()
    return found


def report_times(path: Path, roadmap_id: int, folder: Path) -> tuple[float, float]:
    database = open_database(path)
    start = time.perf_counter()
    with database.session() as s:
        report = build_report(s, roadmap_id, DAY)
    write_report_pdf(report, folder / "report.pdf")
    pdf = time.perf_counter() - start
    start = time.perf_counter()
    with database.session() as s:
        report = build_report(s, roadmap_id, DAY)
    write_report_xlsx(report, folder / "report.xlsx")
    xlsx = time.perf_counter() - start
    database.close()
    return pdf, xlsx


def main() -> None:
    QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "region.db"
        roadmap_id = build(path)
        ours, base = [], []
        for _ in range(REPEATS):
            ours.append(open_ours(path, roadmap_id))
            base.append(open_baseline(path, roadmap_id))
        tick_ms = statistics.median(ticks(path, roadmap_id)) * 1000
        reports = [report_times(path, roadmap_id, Path(tmp)) for _ in range(3)]
    ours_s, base_s = statistics.median(ours), statistics.median(base)
    pdf_s = statistics.median(r[0] for r in reports)
    xlsx_s = statistics.median(r[1] for r in reports)
    print(f"matrix: {SECTIONS * PER_SECTION} items × {SCHOOLS} schools")
    print(f"open, ours (load + model + shown view):     {ours_s * 1000:8.1f} ms")
    print(f"open, QStandardItemModel + plain queries:  {base_s * 1000:8.1f} ms")
    print(f"ratio: {ours_s / base_s:.2f} (target ≤ 1.5)")
    print(f"tick one cell through the undo funnel:      {tick_ms:8.1f} ms (target < 20)")
    print(f"report for a date, PDF: {pdf_s:.2f} s, Excel: {xlsx_s:.2f} s")
    print(json.dumps({"name": "checklist", "ours_s": round(ours_s, 4),
                      "baseline_s": round(base_s, 4), "ratio": round(ours_s / base_s, 3),
                      "target": "open <= 1.5x, tick < 20 ms",
                      "tick_ms": round(tick_ms, 2), "report_pdf_s": round(pdf_s, 3),
                      "report_xlsx_s": round(xlsx_s, 3),
                      "size": f"{SECTIONS * PER_SECTION} items x {SCHOOLS} schools"},
                     ensure_ascii=False))


if __name__ == "__main__":
    main()
