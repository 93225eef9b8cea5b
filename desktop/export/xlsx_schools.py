"""Sheet «По школам»: the item × school checklist as a matrix.

A row per item that concerns schools, a column per school. A cell shows the
date the school did it (or ✓ without a date) on green; in work is yellow; not
done after the deadline is red; a school the item does not concern is left
blank. Totals per item (right) and per school (bottom).
"""

from __future__ import annotations

from collections.abc import Callable

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop.export.xlsx_facts import Check, Facts
from desktop.export.xlsx_main import row_height
from desktop.export.xlsx_style import SheetWriter, Styles, landscape_a4
from desktop.models import Item, Roadmap, School
from desktop.models.enums import ItemStatus

SHEET_TITLE = "По школам"
CHECK = "✓"
NUMBER_WIDTH = 8.0
ACTIVITY_WIDTH = 50.0
SCHOOL_WIDTH = 10.0
TOTAL_WIDTH = 10.0
LEGEND = (("legend_done", "выполнено"), ("legend_in_work", "в работе"),
          ("legend_overdue", "просрочено"))

Matrix = list[tuple[Item, list[School]]]


def matrix_rows(roadmap: Roadmap, facts: Facts) -> Matrix:
    """The items that concern schools, each with its concerned schools."""
    rows = []
    for item in roadmap.all_items():
        concerned = facts.concerned(item)
        if concerned:
            rows.append((item, concerned))
    return rows


def matrix_columns(rows: Matrix, schools: list[School]) -> list[School]:
    """The schools concerned by at least one item, in registry order."""
    used = {s.id for _, concerned in rows for s in concerned}
    return [s for s in schools if s.id in used]


def cell_state(item: Item, check: Check | None, facts: Facts) -> str:
    """The style of one school's cell: done, in_work, overdue or planned."""
    if facts.cell_done(check):
        return "done"
    if item.status is ItemStatus.CANCELLED:
        return "planned"
    if facts.overdue(item):
        return "overdue"
    if check is not None and check.status is ItemStatus.IN_WORK:
        return "in_work"
    return "planned"


def write_header(w: SheetWriter, row: int, columns: list[School]) -> None:
    w.text(row, 1, "№ п/п", "header")
    w.text(row, 2, "Мероприятие", "header")
    for col, school in enumerate(columns, 3):
        w.text(row, col, school.short_name, "small_header")
    last = len(columns) + 3
    w.text(row, last, "Выполнили", "small_header")
    w.text(row, last + 1, "Всего школ", "small_header")
    w.height(row, 30)


def write_item_row(w: SheetWriter, row: int, item: Item, concerned: list[School],
                   columns: list[School], facts: Facts) -> None:
    w.text(row, 1, item.number, "center")
    w.text(row, 2, item.activity, "text")
    checks = facts.checks(item)
    concerned_ids = {s.id for s in concerned}
    for col, school in enumerate(columns, 3):
        if school.id not in concerned_ids:
            w.blank(row, col, "center")
            continue
        check = checks.get(school.id)
        state = cell_state(item, check, facts)
        if state == "done":
            if check is not None and check.date is not None:
                w.date(row, col, check.date, state)
            else:
                w.text(row, col, CHECK, state)
        else:
            w.blank(row, col, state)
    last = len(columns) + 3
    tally = facts.tally(item)  # «не требуется» in neither count
    w.number(row, last, tally.done, "total")
    w.number(row, last + 1, tally.total, "total")
    w.height(row, row_height([item.activity], [ACTIVITY_WIDTH]))


def write_totals(w: SheetWriter, row: int, rows: Matrix, columns: list[School],
                 facts: Facts) -> None:
    """Two rows under the matrix: per school, items done and items concerning it."""
    done_by_school = dict.fromkeys((s.id for s in columns), 0)
    total_by_school = dict.fromkeys((s.id for s in columns), 0)
    for item, concerned in rows:
        checks = facts.checks(item)
        for school in concerned:
            check = checks.get(school.id)
            if check is not None and check.status is ItemStatus.CANCELLED:
                continue  # «не требуется»: in neither count, as in every report
            total_by_school[school.id] += 1
            done_by_school[school.id] += facts.cell_done(check)
    for offset, (title, values) in enumerate((("Выполнено", done_by_school),
                                              ("Всего мероприятий", total_by_school))):
        w.merged_text(row + offset, 1, 2, title, "total_text")
        for col, school in enumerate(columns, 3):
            w.number(row + offset, col, values[school.id], "total")
    last = len(columns) + 3
    w.number(row, last, sum(done_by_school.values()), "total")
    w.number(row + 1, last + 1, sum(total_by_school.values()), "total")
    w.blank(row, last + 1, "total")
    w.blank(row + 1, last, "total")


def write_schools_sheet(ws: Worksheet, styles: Styles, roadmap: Roadmap, facts: Facts,
                        step: Callable[[], None]) -> None:
    """Fill ``ws`` with the checklist matrix; ``step()`` is called once per matrix row."""
    ws.title = SHEET_TITLE
    w = SheetWriter(ws, styles)
    rows = matrix_rows(roadmap, facts)
    columns = matrix_columns(rows, facts.schools)
    last = len(columns) + 4
    widths = [NUMBER_WIDTH, ACTIVITY_WIDTH, *([SCHOOL_WIDTH] * len(columns)),
              TOTAL_WIDTH, TOTAL_WIDTH]
    for col, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(col)].width = width
    w.merged_text(1, 1, last, f"Исполнение мероприятий по школам на {facts.today:%d.%m.%Y}", "title")
    ws.row_dimensions[1].height = 20
    w.text(2, 2, "Обозначения (в ячейке — дата выполнения или ✓):", "note")
    for col, (style, text) in enumerate(LEGEND, 3):
        w.text(2, col, text, style)
    if not rows:
        w.text(4, 1, "В дорожной карте нет мероприятий, касающихся отдельных школ.", "note")
        landscape_a4(ws)
        return
    header = 4
    write_header(w, header, columns)
    row = header + 1
    for item, concerned in rows:
        write_item_row(w, row, item, concerned, columns, facts)
        row += 1
        step()
    write_totals(w, row, rows, columns, facts)
    ws.freeze_panes = f"{get_column_letter(3)}{header + 1}"
    landscape_a4(ws, title_rows=f"{header}:{header}")
    ws.print_area = f"A1:{get_column_letter(last)}{row + 1}"
