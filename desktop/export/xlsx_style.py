"""Styles and safe cell writers shared by the sheets of the Excel export.

Every text goes in as text: a value starting with «=» would otherwise become a
formula and «#N/A» an error cell, so the data type is forced to string and
risky values get a quote prefix (Excel keeps them text when edited). Control
characters pasted from Word are stripped. Dates are real dates in DD.MM.YYYY.

Styles are built once per workbook and copied onto cells as style arrays
(``cell._style``), which avoids creating and hashing Font/Border objects for
every cell — the export writes tens of thousands of cells.
"""

from __future__ import annotations

import datetime as dt
from copy import copy
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell, MergedCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.worksheet import Worksheet

from desktop.models import Item, School
from desktop.models.deadline import Deadline
from desktop.services import progress

DATE_FORMAT = "DD.MM.YYYY"
PERCENT_FORMAT = "0%"
#: metric-compatible with Liberation Serif, which LibreOffice substitutes on Linux
FONT_NAME = "Times New Roman"
RISKY_FIRST = ("=", "+", "-", "@", "#")
SINGLE_LINE = 16.5  #: points: a row this high or lower is left at the default height

#: fills by meaning
GREEN = "C6EFCE"
YELLOW = "FFEB9C"
RED = "FFC7CE"
BLUE = "BDD7EE"
GREY = "D9D9D9"
SECTION = "DDEBF7"
HEADER = "F2F2F2"

_THIN = Side(style="thin", color="808080")
_MEDIUM = Side(style="medium", color="C00000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
TODAY_BORDER = Border(left=_MEDIUM, right=_MEDIUM, top=_THIN, bottom=_THIN)

_WRAP_TOP = Alignment(wrap_text=True, vertical="top")
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_CENTER_TOP = Alignment(horizontal="center", vertical="top", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)


def _fill(color: str) -> PatternFill:
    return PatternFill(fill_type="solid", start_color=color, end_color=color)


def _font(size: float = 10, *, bold: bool = False) -> Font:
    return Font(name=FONT_NAME, size=size, bold=bold)


#: style name → attributes; every cell the export writes uses one of these
STYLE_SPECS: dict[str, dict[str, Any]] = {
    "title": {"font": _font(14, bold=True), "alignment": _CENTER},
    "subtitle": {"font": _font(11), "alignment": _CENTER},
    "note": {"font": _font(10), "alignment": _LEFT},
    "header": {"font": _font(10, bold=True), "alignment": _CENTER, "border": BORDER,
               "fill": _fill(HEADER)},
    "section": {"font": _font(10, bold=True), "alignment": _LEFT, "border": BORDER,
                "fill": _fill(SECTION)},
    "text": {"font": _font(10), "alignment": _WRAP_TOP, "border": BORDER},
    "center": {"font": _font(10), "alignment": _CENTER_TOP, "border": BORDER},
    "date": {"font": _font(10), "alignment": _CENTER_TOP, "border": BORDER,
             "number_format": DATE_FORMAT},
    "percent": {"font": _font(10), "alignment": _CENTER_TOP, "border": BORDER,
                "number_format": PERCENT_FORMAT},
    "total": {"font": _font(10, bold=True), "alignment": _CENTER_TOP, "border": BORDER,
              "fill": _fill(HEADER)},
    "total_text": {"font": _font(10, bold=True), "alignment": _WRAP_TOP, "border": BORDER,
                   "fill": _fill(HEADER)},
    "total_percent": {"font": _font(10, bold=True), "alignment": _CENTER_TOP, "border": BORDER,
                      "fill": _fill(HEADER), "number_format": PERCENT_FORMAT},
    "done": {"font": _font(10), "alignment": _CENTER, "border": BORDER, "fill": _fill(GREEN),
             "number_format": DATE_FORMAT},
    "in_work": {"font": _font(10), "alignment": _CENTER, "border": BORDER, "fill": _fill(YELLOW),
                "number_format": DATE_FORMAT},
    "overdue": {"font": _font(10), "alignment": _CENTER, "border": BORDER, "fill": _fill(RED),
                "number_format": DATE_FORMAT},
    "planned": {"font": _font(10), "alignment": _CENTER, "border": BORDER,
                "number_format": DATE_FORMAT},
    "bar_done": {"fill": _fill(GREEN)},
    "bar_overdue": {"fill": _fill(RED)},
    "bar_planned": {"fill": _fill(BLUE)},
    "bar_cancelled": {"fill": _fill(GREY)},
    "bar_done_today": {"fill": _fill(GREEN), "border": TODAY_BORDER},
    "bar_overdue_today": {"fill": _fill(RED), "border": TODAY_BORDER},
    "bar_planned_today": {"fill": _fill(BLUE), "border": TODAY_BORDER},
    "bar_cancelled_today": {"fill": _fill(GREY), "border": TODAY_BORDER},
    "today": {"border": TODAY_BORDER},
    "legend_today": {"font": _font(9), "alignment": _LEFT, "border": TODAY_BORDER},
    "today_header": {"font": _font(9, bold=True), "alignment": _CENTER, "border": TODAY_BORDER,
                     "fill": _fill(HEADER)},
    "small_header": {"font": _font(9, bold=True), "alignment": _CENTER, "border": BORDER,
                     "fill": _fill(HEADER)},
    "legend_done": {"font": _font(9), "alignment": _LEFT, "fill": _fill(GREEN), "border": BORDER},
    "legend_in_work": {"font": _font(9), "alignment": _LEFT, "fill": _fill(YELLOW),
                       "border": BORDER},
    "legend_overdue": {"font": _font(9), "alignment": _LEFT, "fill": _fill(RED), "border": BORDER},
    "legend_planned": {"font": _font(9), "alignment": _LEFT, "fill": _fill(BLUE), "border": BORDER},
    "legend_cancelled": {"font": _font(9), "alignment": _LEFT, "fill": _fill(GREY),
                         "border": BORDER},
}


def clean_text(value: object) -> str:
    """The value as text without the control characters Excel refuses."""
    text = "" if value is None else str(value)
    return ILLEGAL_CHARACTERS_RE.sub("", text)


class Styles:
    """One workbook's styles, built on first use and copied onto cells."""

    def __init__(self) -> None:
        self._arrays: dict[tuple[str, bool], Any] = {}

    def apply(self, cell: Cell, name: str, *, quote: bool = False) -> None:
        """Give ``cell`` the style ``name`` (with a quote prefix when ``quote``)."""
        key = (name, quote)
        array = self._arrays.get(key)
        if array is None:
            for attr, value in STYLE_SPECS[name].items():
                setattr(cell, attr, value)
            cell.quotePrefix = quote
            self._arrays[key] = copy(cell._style)
        else:
            cell._style = array.__copy__()


class SheetWriter:
    """Writes values into one worksheet: text always as text, dates as dates."""

    def __init__(self, ws: Worksheet, styles: Styles) -> None:
        self.ws = ws
        self.styles = styles

    def cell(self, row: int, col: int) -> Cell:
        """The cell at (row, col), created without ``Worksheet.cell``'s checks."""
        cell = self.ws._cells.get((row, col))
        if cell is None:
            cell = self.ws._cells[(row, col)] = Cell(self.ws, row=row, column=col)
        return cell

    def height(self, row: int, points: float) -> None:
        """Set a row's height; rows of one line keep the default (fewer row records)."""
        if points > SINGLE_LINE:
            self.ws.row_dimensions[row].height = points

    def text(self, row: int, col: int, value: object, style: str = "text") -> Cell:
        """A text cell; never a formula, never an error value."""
        text = clean_text(value)
        cell = self.cell(row, col)
        cell._value = text
        cell.data_type = "s"
        self.styles.apply(cell, style, quote=text.startswith(RISKY_FIRST))
        return cell

    def date(self, row: int, col: int, value: dt.date | None, style: str = "date") -> Cell:
        """A real Excel date (DD.MM.YYYY), or an empty styled cell for None."""
        cell = self.cell(row, col)
        if value is not None:
            cell.value = value
        self.styles.apply(cell, style)
        return cell

    def number(self, row: int, col: int, value: float | int | None, style: str = "center") -> Cell:
        cell = self.cell(row, col)
        if value is not None:
            cell.value = value
        self.styles.apply(cell, style)
        return cell

    def blank(self, row: int, col: int, style: str) -> Cell:
        """A styled empty cell (borders of a merged range, filled Gantt cells)."""
        cell = self.cell(row, col)
        self.styles.apply(cell, style)
        return cell

    def merged_text(self, row: int, first_col: int, last_col: int, value: object,
                    style: str, *, last_row: int | None = None) -> Cell:
        """Text merged across columns (and rows), bordered like its first cell."""
        cell = self.text(row, first_col, value, style)
        self.merge(cell, last_row or row, last_col)
        return cell

    def merge(self, anchor: Cell, last_row: int, last_col: int) -> None:
        """Merge from ``anchor`` to (``last_row``, ``last_col``).

        Like ``Worksheet.merge_cells`` but the covered cells get the anchor's whole
        style array at once; openpyxl's own border pass costs ~10 ms per merge.
        """
        if last_row == anchor.row and last_col == anchor.column:
            return
        ws = self.ws
        ref = CellRange(min_col=anchor.column, min_row=anchor.row, max_col=last_col,
                        max_row=last_row).coord
        ws.merged_cells.add(MergedCellRange(ws, ref))
        for r in range(anchor.row, last_row + 1):
            for c in range(anchor.column, last_col + 1):
                if (r, c) != (anchor.row, anchor.column):
                    covered = MergedCell(ws, row=r, column=c)
                    covered._style = copy(anchor._style)
                    ws._cells[(r, c)] = covered


class Facts:
    """What several sheets ask about the same items, computed once per export."""

    def __init__(self, today: dt.date, year: int, schools: list[School]) -> None:
        self.today = today
        self.year = year
        self.schools = schools
        self._deadlines: dict[int, Deadline] = {}
        self._concerned: dict[int, list[School]] = {}

    def deadline(self, item: Item) -> Deadline:
        found = self._deadlines.get(item.id)
        if found is None:
            found = self._deadlines[item.id] = item.deadline
        return found

    def overdue(self, item: Item) -> bool:
        return self.deadline(item).is_overdue(self.today, item.status)

    def concerned(self, item: Item) -> list[School]:
        found = self._concerned.get(item.id)
        if found is None:
            found = self._concerned[item.id] = progress.concerned_schools(
                item, self.schools, self.year)
        return found


def landscape_a4(ws: Worksheet, *, title_rows: str | None = None) -> None:
    """A4 landscape, fit to the page width, headers repeated, page numbers in the footer."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.print_options.horizontalCentered = True
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddFooter.center.text = "Страница &P из &N"
    ws.oddFooter.center.size = 9
