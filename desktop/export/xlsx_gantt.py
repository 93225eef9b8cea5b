"""Sheet «График»: a Gantt chart drawn with filled cells.

One column per week, or per month when the roadmap's period is longer than
about eight months (so the sheet still prints legibly on A4 landscape). A cell
is filled where one of the item's occurrences touches the column: done green,
overdue red, planned or in work blue, cancelled grey. Month (or year) headers
are merged; the column holding ``today`` is outlined in red.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop.export.xlsx_facts import Facts
from desktop.export.xlsx_main import profile_heading, row_height
from desktop.export.xlsx_style import SheetWriter, Styles, landscape_a4
from desktop.models import Item, Roadmap
from desktop.models.columns import Field
from desktop.models.deadline_format import MONTHS
from desktop.models.enums import ItemStatus
from desktop.services.table import section_heading

SHEET_TITLE = "График"
#: periods longer than this get one column per month instead of per week
WEEKLY_MAX_DAYS = 245
FIXED_WIDTHS = (7.0, 45.0, 18.0)
#: the fixed columns, named as the roadmap's column profile names them
FIXED_FIELDS = (Field.NUMBER, Field.ACTIVITY, Field.DEADLINE)
WEEK_WIDTH = 3.6
MONTH_WIDTH = 6.5
FIRST_BUCKET_COL = len(FIXED_WIDTHS) + 1
HEADER_ROW = 4  #: month / year row; the bucket row is the next one
LEGEND = (("legend_done", "выполнено"), ("legend_overdue", "просрочено"),
          ("legend_planned", "запланировано"), ("legend_cancelled", "отменено"),
          ("legend_today", "сегодня"))
LEGEND_CHARS = 10  #: the width the longest legend word needs, in column units
MONTH_ABBR = ("янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")


@dataclass(frozen=True)
class Bucket:
    """One time column: its first and last day and its label."""

    start: dt.date
    end: dt.date
    label: str
    group: str  #: the merged header above it (month for weeks, year for months)


def _month_end(day: dt.date) -> dt.date:
    following = day.replace(day=28) + dt.timedelta(days=4)
    return following - dt.timedelta(days=following.day)


def month_buckets(start: dt.date, end: dt.date) -> list[Bucket]:
    buckets = []
    day = start.replace(day=1)
    while day <= end:
        buckets.append(Bucket(day, _month_end(day), MONTH_ABBR[day.month - 1], str(day.year)))
        day = _month_end(day) + dt.timedelta(days=1)
    return buckets


def week_buckets(start: dt.date, end: dt.date) -> list[Bucket]:
    buckets = []
    day = start - dt.timedelta(days=start.weekday())
    while day <= end:
        group = f"{MONTHS[day.month - 1]} {day.year}"
        buckets.append(Bucket(day, day + dt.timedelta(days=6), f"{day.day:02d}", group))
        day += dt.timedelta(days=7)
    return buckets


def buckets_for(start: dt.date, end: dt.date) -> list[Bucket]:
    """Weeks for a short period, months for one longer than :data:`WEEKLY_MAX_DAYS`."""
    if (end - start).days > WEEKLY_MAX_DAYS:
        return month_buckets(start, end)
    return week_buckets(start, end)


def active_buckets(item: Item, buckets: list[Bucket], facts: Facts) -> set[int]:
    """Indexes of the buckets one of the item's occurrences touches."""
    starts = [b.start for b in buckets]
    found: set[int] = set()
    for first, last in facts.deadline(item).occurrences():
        if last < buckets[0].start or first > buckets[-1].end:
            continue
        lo = max(0, bisect.bisect_right(starts, first) - 1)
        hi = max(0, bisect.bisect_right(starts, last) - 1)
        found.update(range(lo, hi + 1))
    return found


def bar_style(item: Item, facts: Facts) -> str:
    if item.status is ItemStatus.CANCELLED:
        return "bar_cancelled"
    if item.status is ItemStatus.DONE:
        return "bar_done"
    if facts.overdue(item):
        return "bar_overdue"
    return "bar_planned"


def today_index(buckets: list[Bucket], today: dt.date) -> int | None:
    return next((n for n, b in enumerate(buckets) if b.start <= today <= b.end), None)


def write_time_header(w: SheetWriter, buckets: list[Bucket], today_at: int | None,
                      roadmap: Roadmap) -> None:
    row = HEADER_ROW
    columns = roadmap.columns
    for col, field in enumerate(FIXED_FIELDS, 1):
        w.text(row, col, profile_heading(columns, field), "header")
    for col in range(1, FIRST_BUCKET_COL):
        w.merge(w.ws.cell(row=row, column=col), row + 1, col)
    first = 0
    for n in range(1, len(buckets) + 1):
        if n == len(buckets) or buckets[n].group != buckets[first].group:
            w.merged_text(row, FIRST_BUCKET_COL + first, FIRST_BUCKET_COL + n - 1,
                          buckets[first].group, "small_header")
            first = n
    for n, bucket in enumerate(buckets):
        style = "today_header" if n == today_at else "small_header"
        w.text(row + 1, FIRST_BUCKET_COL + n, bucket.label, style)
    w.height(row + 1, 16)


def write_item_row(w: SheetWriter, row: int, item: Item, buckets: list[Bucket],
                   facts: Facts, today_at: int | None) -> None:
    w.text(row, 1, item.number, "center")
    w.text(row, 2, item.activity, "text")
    w.text(row, 3, item.deadline_text, "center")
    style = bar_style(item, facts)
    active = active_buckets(item, buckets, facts)
    for n in sorted(active):
        w.blank(row, FIRST_BUCKET_COL + n, f"{style}_today" if n == today_at else style)
    if today_at is not None and today_at not in active:
        w.blank(row, FIRST_BUCKET_COL + today_at, "today")
    w.height(row, row_height(
        [item.activity, item.deadline_text], [FIXED_WIDTHS[1], FIXED_WIDTHS[2]]))


def write_legend(w: SheetWriter, row: int, buckets: int, width: float) -> int | None:
    """The colour legend across the time columns of ``row``; returns the row to put it
    under the table instead when the period is too short for it to fit there."""
    span = max(1, math.ceil(LEGEND_CHARS / width))
    stride = span + 1 if len(LEGEND) * (span + 1) - 1 <= buckets else span
    if len(LEGEND) * span > buckets:
        return None
    w.text(row, 2, "Обозначения:", "note")
    col = FIRST_BUCKET_COL
    for style, text in LEGEND:
        w.merged_text(row, col, col + span - 1, text, style)
        col += stride
    return row


def write_legend_below(w: SheetWriter, row: int) -> int:
    """The legend as a list under the table (short periods); returns the next free row."""
    w.text(row, 2, "Обозначения:", "note")
    for offset, (style, text) in enumerate(LEGEND, 1):
        w.text(row + offset, 2, text, style)
    return row + len(LEGEND) + 1


def write_gantt_sheet(ws: Worksheet, styles: Styles, roadmap: Roadmap, facts: Facts,
                      step: Callable[[], None]) -> None:
    """Fill ``ws`` with the chart; ``step()`` is called once per item."""
    ws.title = SHEET_TITLE
    w = SheetWriter(ws, styles)
    buckets = buckets_for(roadmap.period_start, roadmap.period_end)
    width = WEEK_WIDTH if buckets[0].end - buckets[0].start < dt.timedelta(days=27) else MONTH_WIDTH
    for col, value in enumerate(FIXED_WIDTHS, 1):
        ws.column_dimensions[get_column_letter(col)].width = value
    for n in range(len(buckets)):
        ws.column_dimensions[get_column_letter(FIRST_BUCKET_COL + n)].width = width
    last = FIRST_BUCKET_COL + len(buckets) - 1
    w.merged_text(1, 1, last, f"График реализации: {roadmap.title}", "title")
    ws.row_dimensions[1].height = row_height([roadmap.title], [sum(FIXED_WIDTHS) + 20], 19)
    legend_on_top = write_legend(w, 2, len(buckets), width)
    ws.row_dimensions[3].height = 6
    today_at = today_index(buckets, facts.today)
    write_time_header(w, buckets, today_at, roadmap)
    row = HEADER_ROW + 2
    for section in roadmap.sections:
        if not section.untitled:  # a roadmap without sections: no empty band
            w.merged_text(row, 1, last, section_heading(section.number, section.title), "section")
            row += 1
        for item in section.items_in_order():
            write_item_row(w, row, item, buckets, facts, today_at)
            row += 1
            step()
    if legend_on_top is None:
        row = write_legend_below(w, row + 1)
    ws.freeze_panes = f"{get_column_letter(FIRST_BUCKET_COL)}{HEADER_ROW + 2}"
    landscape_a4(ws, title_rows=f"{HEADER_ROW}:{HEADER_ROW + 1}")
    ws.print_options.gridLines = True
    ws.print_area = f"A1:{get_column_letter(last)}{row - 1}"
