"""The progress report for a date as an .xlsx workbook: a sheet of figures and the chart's
numbers by month, the item lists on their own sheets (see :mod:`desktop.export.report_tables`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop.atomic import atomic_output
from desktop.export.report_tables import Pct, ReportTable, report_tables
from desktop.export.xlsx_style import SheetWriter, Styles, landscape_a4
from desktop.services.report import Report

UNIT_WIDTH = 9.0
#: which tables go on which sheet
SHEETS = (("Показатели", (0, 1, 2, 3)), ("Выполнено", (4,)), ("Не выполнено", (5, 6, 7)))


def _write_table(w: SheetWriter, row: int, table: ReportTable, columns: int) -> int:
    w.merged_text(row, 1, columns, table.title, "section")
    for col, heading in enumerate(table.headings, 1):
        w.text(row + 1, col, heading, "header")
    w.height(row + 1, 30)
    row += 2
    if not table.rows:
        w.merged_text(row, 1, columns, "нет", "note")
        return row + 2
    for values in table.rows:
        for col, value in enumerate(values, 1):
            if isinstance(value, Pct):
                w.number(row, col, round(float(value), 4), "percent")
            elif isinstance(value, dt.date):
                w.date(row, col, value)
            elif isinstance(value, int | float):
                w.number(row, col, value)
            else:
                w.text(row, col, value or "", "text" if col - 1 == table.wide else "center")
        row += 1
    return row + 1


def fill_sheet(ws: Worksheet, styles: Styles, title: str, tables: list[ReportTable]) -> None:
    w = SheetWriter(ws, styles)
    columns = max(len(t.headings) for t in tables)
    widths = [0.0] * columns
    for table in tables:
        for n, width in enumerate(table.widths):
            widths[n] = max(widths[n], width * UNIT_WIDTH)
    for n, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(n)].width = width
    w.merged_text(1, 1, columns, title, "title")
    row = 3
    for table in tables:
        row = _write_table(w, row, table, columns)
    landscape_a4(ws)


def _write_months(ws: Worksheet, styles: Styles, report: Report) -> None:
    w = SheetWriter(ws, styles)
    for col, heading in enumerate(("Месяц", "Запланировано", "Выполнено"), 1):
        w.text(1, col, heading, "header")
        ws.column_dimensions[get_column_letter(col)].width = 16
    for row, bar in enumerate(report.months, 2):
        w.text(row, 1, f"{bar.month:%m.%Y}", "center")
        w.number(row, 2, bar.planned)
        w.number(row, 3, bar.done)


def build_report_workbook(report: Report) -> Workbook:
    wb = Workbook()
    wb.properties.title = report.title
    wb.properties.creator = "«Дорожная карта»"
    styles = Styles()
    tables = report_tables(report)
    heading = f"Исполнение дорожной карты на {report.day:%d.%m.%Y}: {report.title}"
    for n, (name, picks) in enumerate(SHEETS):
        ws = wb.active if n == 0 else wb.create_sheet()
        ws.title = name
        fill_sheet(ws, styles, heading, [tables[i] for i in picks])
    months = wb.create_sheet()
    months.title = "По месяцам"
    _write_months(months, styles, report)
    return wb


def write_report_xlsx(report: Report, target: Path | str) -> Path:
    target = Path(target)
    workbook = build_report_workbook(report)
    with atomic_output(target) as tmp:
        workbook.save(tmp)
    return target
