"""Benchmark of the Excel export: ``python benchmarks/export_xlsx.py`` from the repo root.

Builds a roadmap of 2,000 items in 20 sections in a temporary database (next
to the demo district, whose schools give the per-school sheet its columns),
then times, in the same run, medians of 3:

* ours — :func:`desktop.export.xlsx.export_roadmap_xlsx`, all four sheets, styled;
* baseline — a bare openpyxl write of the same cell values (all four sheets, read
  back from our file once before timing), with no styles, merges or print setup —
  so the ratio is the cost of the formatting and of reading the database;
* also, for reference, a bare write of the main sheet's values alone;

and once LibreOffice headless converting our file to PDF (what printing from an
office suite costs). The last line printed is one JSON object.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from openpyxl import Workbook, load_workbook  # noqa: E402
from sqlalchemy import select  # noqa: E402

from desktop.export.xlsx import export_roadmap_xlsx  # noqa: E402
from desktop.models import (  # noqa: E402
    ChecklistRow,
    Item,
    ItemExecutor,
    ItemStatus,
    MonitoringPoint,
    Roadmap,
    School,
    SchoolScope,
    Section,
)
from desktop.models.columns import preset  # noqa: E402
from desktop.models.database import open_database  # noqa: E402
from desktop.services.demo import create_demo  # noqa: E402

YEAR = 2025
SECTIONS = 20
ITEMS = 2000
RUNS = 3
TARGET_RATIO = 2.0
DEADLINES = (
    "Январь {Y} г.", "До 15.02.{Y}", "01.02-28.02.{Y}", "17.02.{Y} – 06.03.{Y} (исполнено)",
    "Еженедельно по средам с 11.02.{Y} по 24.06.{Y}", "не реже 1 раза в месяц",
    "по мере необходимости", "01.03.-20.05.{Y}", "сентябрь- октябрь {Y}г.",
    "2 раза в год (октябрь, апрель)", "IV квартал {Y}", "В течение года", "30.06.{Y}",
    "апрель, июнь, ноябрь {Y} г.", "I полугодие {Y}",
)
STATUSES = (ItemStatus.DONE, ItemStatus.IN_WORK, ItemStatus.PLANNED, ItemStatus.PLANNED,
            ItemStatus.CANCELLED)
SCOPES = (SchoolScope.NONE, SchoolScope.ALL_500, SchoolScope.NONE, SchoolScope.ALL_SHNOR)


def build_database(folder: Path) -> tuple[Path, int]:
    """A demo district plus one big roadmap, written in one transaction."""
    path = folder / "bench.db"
    database = open_database(path)
    create_demo(database, year=YEAR)
    period = (dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31))
    with database.session() as session:
        schools = list(session.scalars(select(School)))
        roadmap = Roadmap(title=f"Дорожная карта для замера, {ITEMS} мероприятий",
                          period_start=period[0], period_end=period[1])
        roadmap.columns = preset("default")
        per_section = ITEMS // SECTIONS
        for s in range(1, SECTIONS + 1):
            section = Section(position=s, number=str(s), title=f"Раздел {s}: организационные меры")
            for i in range(1, per_section + 1):
                section.items.append(make_item(s, i, period, schools))
            roadmap.sections.append(section)
        roadmap.monitoring_points = [
            MonitoringPoint(date=dt.date(YEAR, 6, 30), target_min=30, target_max=40),
            MonitoringPoint(date=dt.date(YEAR, 11, 30), target_min=80, target_max=90),
        ]
        session.add(roadmap)
        session.flush()
        roadmap_id = roadmap.id
    database.close()
    return path, roadmap_id


def make_item(s: int, i: int, period: tuple[dt.date, dt.date], schools: list[School]) -> Item:
    n = s * 1000 + i
    status = STATUSES[n % len(STATUSES)]
    item = Item(
        number=f"{s}.{i}", position=i, status=status, school_scope=SCOPES[n % len(SCOPES)],
        activity=f"Мероприятие {s}.{i}: методическое сопровождение школ с низкими "
                 f"образовательными результатами, семинар № {n}",
        tasks="Адресная помощь", indicator=f"Не менее {n % 100}% школ", evidence="Справка",
    )
    deadline = item.set_deadline(DEADLINES[n % len(DEADLINES)].replace("{Y}", str(YEAR)), period)
    if status is ItemStatus.DONE:
        item.done_date = deadline.end or period[0]
    item.executors = [ItemExecutor(position=0, text="ИМЦ"), ItemExecutor(position=1, text="УО")]
    if item.school_scope is not SchoolScope.NONE:
        item.checklist = [
            ChecklistRow(school=school, status=STATUSES[(n + k) % 3], date=dt.date(YEAR, 3, 1))
            for k, school in enumerate(schools[:6])
        ]
    return item


def interleaved(first: Callable[[], object], second: Callable[[], object]) -> tuple[float, float]:
    """Medians of :data:`RUNS` runs of each, alternated so that load on the machine
    affects both alike."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(RUNS):
        for func, bucket in ((first, times[0]), (second, times[1])):
            start = time.perf_counter()
            func()
            bucket.append(time.perf_counter() - start)
    return statistics.median(times[0]), statistics.median(times[1])


def same_values(xlsx: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every sheet's cell values as our export wrote them (read once, untimed)."""
    wb = load_workbook(xlsx, read_only=True)
    sheets = {ws.title: [tuple(row) for row in ws.iter_rows(values_only=True)]
              for ws in wb.worksheets}
    wb.close()
    return sheets


def bare_write(sheets: dict[str, list[tuple[object, ...]]], target: Path) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(target)


def _timed(func: Callable[[], object]) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def soffice_pdf(xlsx: Path, folder: Path) -> float | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    profile = (folder / "lo-profile").as_uri()
    start = time.perf_counter()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(folder), str(xlsx)],
                   check=True, capture_output=True, timeout=300)
    return time.perf_counter() - start


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-xlsx-") as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        db_path, roadmap_id = build_database(folder)
        print(f"База: {ITEMS} мероприятий в {SECTIONS} разделах за "
              f"{time.perf_counter() - start:.2f} с")
        ours_file = folder / "ours.xlsx"
        database = open_database(db_path)

        def ours() -> None:
            with database.session() as session:
                export_roadmap_xlsx(session, roadmap_id, ours_file, today=dt.date(YEAR, 6, 1))

        ours()
        sheets = same_values(ours_file)
        main_only = dict(list(sheets.items())[:1])
        cells = sum(len(r) for rows in sheets.values() for r in rows)
        ours_s, baseline_s = interleaved(ours, lambda: bare_write(sheets, folder / "bare.xlsx"))
        main_s = statistics.median(
            _timed(lambda: bare_write(main_only, folder / "main.xlsx")) for _ in range(RUNS))
        database.close()
        ratio = ours_s / baseline_s
        print(f"Наша выгрузка (4 листа, стили): {ours_s:.3f} с, "
              f"{ours_file.stat().st_size // 1024} КБ")
        print(f"Голый openpyxl, те же значения 4 листов ({cells} ячеек): {baseline_s:.3f} с")
        print(f"Голый openpyxl, только главный лист: {main_s:.3f} с "
              f"(отношение {ours_s / main_s:.2f})")
        print(f"Отношение: {ratio:.2f} (цель ≤ {TARGET_RATIO:g})")
        pdf_s = soffice_pdf(ours_file, folder)
        print("LibreOffice → PDF: " + ("нет soffice" if pdf_s is None else f"{pdf_s:.2f} с"))
    result = {"name": "export_xlsx", "ours_s": round(ours_s, 3), "baseline_s": round(baseline_s, 3),
              "ratio": round(ratio, 2), "target": f"<= {TARGET_RATIO:g}",
              "soffice_pdf_s": None if pdf_s is None else round(pdf_s, 2),
              "cells": cells, "main_sheet_only_baseline_s": round(main_s, 3),
              "ratio_vs_main_sheet_only": round(ours_s / main_s, 2)}
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
