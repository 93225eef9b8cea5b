"""Sheet «Исполнение»: totals by section, monitoring points, then every item's status.

Every figure is counted by :mod:`desktop.services.monitoring` (the one definition of
«done on a date») on the export's day, over the same item lines the report builds, so
that the «Отчёты» page, the PDF and the Excel report show the same numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop.export.xlsx_facts import Facts
from desktop.export.xlsx_main import profile_heading, row_height
from desktop.export.xlsx_style import SheetWriter, Styles, landscape_a4
from desktop.models import Item, Roadmap, Section
from desktop.models.columns import Field
from desktop.models.enums import ItemStatus, label
from desktop.services import monitoring
from desktop.services.monitoring import Line
from desktop.services.table import section_heading

SHEET_TITLE = "Исполнение"
WIDTHS = (11.0, 62.0, 22.0, 16.0, 13.0, 12.0, 12.0)
#: the columns of the item list that the roadmap's column profile names
ITEM_FIELDS = (Field.NUMBER, Field.ACTIVITY, Field.DEADLINE, Field.STATUS, Field.DONE_DATE)
TALLY_HEADINGS = ("Школ выполнили", "Школ всего")
SECTION_HEADINGS = ("№", "Раздел", "Выполнено", "Всего", "Доля выполнения")
POINT_HEADINGS = ("Дата", "Контрольная точка", "Целевое значение", "Выполнено", "Всего",
                  "Фактическая доля", "Достигнуто")


def status_style(item: Item, facts: Facts) -> str:
    """The colour of the status cell: done green, in work yellow, overdue red."""
    if item.status is ItemStatus.DONE:
        return "done"
    if facts.overdue(item):
        return "overdue"
    if item.status is ItemStatus.IN_WORK:
        return "in_work"
    return "planned"


def _headings(w: SheetWriter, row: int, headings: Sequence[str]) -> None:
    for col, text in enumerate(headings, 1):
        w.text(row, col, text, "header")
    w.height(row, 30)


def section_lines(roadmap: Roadmap, facts: Facts) -> list[tuple[Section, list[Line]]]:
    """Each section with its items as the report counts them (:func:`monitoring.item_line`)."""
    found = []
    for section in roadmap.sections:
        heading = section_heading(section.number, section.title)
        found.append((section, [
            monitoring.item_line(item.id, item.number, item.activity, heading, (),
                                 item.deadline_text, item.status, item.done_date,
                                 roadmap.period_start, facts.deadline(item))
            for item in section.items_in_order()]))
    return found


def write_sections_block(w: SheetWriter, row: int, sections: list[tuple[Section, list[Line]]],
                         facts: Facts) -> int:
    """Done / all items per section on the export's day; returns the next free row."""
    w.merged_text(row, 1, len(WIDTHS), "Исполнение по разделам", "section")
    _headings(w, row + 1, SECTION_HEADINGS)
    row += 2
    for section, lines in sections:
        entry = monitoring.share(section.title, lines, facts.today)
        w.text(row, 1, section.number, "center")
        w.text(row, 2, entry.title, "text")
        w.number(row, 3, entry.done)
        w.number(row, 4, entry.total)
        w.number(row, 5, round(entry.share, 4), "percent")
        w.height(row, row_height([entry.title], [WIDTHS[1]]))
        row += 1
    overall = monitoring.share("Итого", [ln for _, lines in sections for ln in lines],
                               facts.today)
    w.text(row, 1, "", "total")
    w.text(row, 2, overall.title, "total_text")
    w.number(row, 3, overall.done, "total")
    w.number(row, 4, overall.total, "total")
    w.number(row, 5, round(overall.share, 4), "total_percent")
    return row + 2


def write_points_block(w: SheetWriter, row: int, roadmap: Roadmap, lines: list[Line],
                       facts: Facts) -> int:
    """Monitoring points: target range and the actual share done by each date (a point
    after the export's day: as of that day, and «ещё не наступила»)."""
    points = [monitoring.point_figure(lines, p.date, p.title, p.target_text, p.target_min,
                                      facts.today) for p in roadmap.monitoring_points]
    if not points:
        return row
    w.merged_text(row, 1, len(WIDTHS), "Контрольные точки мониторинга", "section")
    _headings(w, row + 1, POINT_HEADINGS)
    row += 2
    for point in points:
        w.date(row, 1, point.date)
        w.text(row, 2, point.title, "text")
        w.text(row, 3, point.target_text, "center")
        w.number(row, 4, point.done)
        w.number(row, 5, point.total)
        w.number(row, 6, round(point.share, 4), "percent")
        w.text(row, 7, point.verdict, "done" if point.verdict == "да" else
               "overdue" if point.verdict == "нет" else "center")
        row += 1
    return row + 1


def item_headings(roadmap: Roadmap) -> tuple[str, ...]:
    """The item list's headings: the profile's for its fields, then the school tallies."""
    columns = roadmap.columns
    return (*(profile_heading(columns, f) for f in ITEM_FIELDS), *TALLY_HEADINGS)


def write_item_row(w: SheetWriter, row: int, item: Item, facts: Facts) -> None:
    w.text(row, 1, item.number, "center")
    w.text(row, 2, item.activity, "text")
    w.text(row, 3, item.deadline_text, "center")
    w.text(row, 4, label(item.status), status_style(item, facts))
    if item.status is ItemStatus.DONE and item.done_date is None:
        w.text(row, 5, monitoring.UNDATED, "center")  # counted from the period's start
    else:
        w.date(row, 5, item.done_date)
    tally = facts.tally(item)
    w.number(row, 6, tally.done if tally.total else None)
    w.number(row, 7, tally.total or None)
    w.height(row, row_height(
        [item.activity, item.deadline_text], [WIDTHS[1], WIDTHS[2]]))


def write_progress_sheet(ws: Worksheet, styles: Styles, roadmap: Roadmap, facts: Facts,
                         step: Callable[[], None]) -> None:
    """Fill ``ws``; ``step()`` is called once per item."""
    ws.title = SHEET_TITLE
    w = SheetWriter(ws, styles)
    for col, width in enumerate(WIDTHS, 1):
        ws.column_dimensions[get_column_letter(col)].width = width
    last = len(WIDTHS)
    w.merged_text(1, 1, last, f"Исполнение дорожной карты на {facts.today:%d.%m.%Y}", "title")
    ws.row_dimensions[1].height = 20
    w.merged_text(2, 1, last, roadmap.title, "subtitle")
    ws.row_dimensions[2].height = row_height([roadmap.title], [sum(WIDTHS) * 0.8], 15)
    sections = section_lines(roadmap, facts)
    row = write_sections_block(w, 4, sections, facts)
    row = write_points_block(w, row, roadmap, [ln for _, lines in sections for ln in lines],
                             facts)
    w.merged_text(row, 1, last, "Исполнение мероприятий", "section")
    header = row + 1
    _headings(w, header, item_headings(roadmap))
    row = header + 1
    for section in roadmap.sections:
        if not section.untitled:  # a roadmap without sections: no empty band
            w.merged_text(row, 1, last, section_heading(section.number, section.title), "section")
            row += 1
        for item in section.items_in_order():
            write_item_row(w, row, item, facts)
            row += 1
            step()
    landscape_a4(ws, title_rows=f"{header}:{header}")
    ws.print_area = f"A1:{get_column_letter(last)}{row - 1}"
