"""Styles and safe cell writers shared by the sheets of the Excel export.

Every text goes in as text: a value starting with «=» would otherwise become a
formula and «#N/A» an error cell, so the data type is forced to string and
risky values get a quote prefix (Excel keeps them text when edited). Control
characters pasted from Word are stripped. Dates are real dates in DD.MM.YYYY.

Styles are built once per workbook and shared by the cells as frozen style
arrays (``cell._style``), which avoids creating, copying and hashing style
objects for every cell — the export writes tens of thousands of cells.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell, MergedCell
from openpyxl.compat import safe_string
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.dimensions import RowDimension
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.worksheet import Worksheet

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
_RIGHT = Alignment(horizontal="right", vertical="bottom", wrap_text=True)


def _fill(color: str) -> PatternFill:
    return PatternFill(fill_type="solid", start_color=color, end_color=color)


def _font(size: float = 10, *, bold: bool = False) -> Font:
    return Font(name=FONT_NAME, size=size, bold=bold)


#: style name → attributes; every cell the export writes uses one of these
STYLE_SPECS: dict[str, dict[str, Any]] = {
    "title": {"font": _font(14, bold=True), "alignment": _CENTER},
    "subtitle": {"font": _font(11), "alignment": _CENTER},
    "note": {"font": _font(10), "alignment": _LEFT},
    "note_right": {"font": _font(10), "alignment": _RIGHT},
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
    if text.isprintable():  # the usual case: no control character at all
        return text
    return ILLEGAL_CHARACTERS_RE.sub("", text)


class _SharedStyle(StyleArray):
    """A style array shared by every cell of one style: hashed once, never changed.

    openpyxl hashes a cell's array twice per cell when saving; sharing one frozen
    array per style saves that and a copy per cell. Changing a cell's font or fill
    in place would change every cell of the style, so it raises instead — give the
    cell another array (:meth:`Styles.array`) to restyle it.
    """

    __slots__ = ("_hash",)

    def __hash__(self) -> int:
        try:
            return self._hash
        except AttributeError:
            self._hash = hash(tuple(self))
            return self._hash

    def __setitem__(self, key: Any, value: Any) -> None:
        raise TypeError("a shared export style cannot be changed in place")

    def __copy__(self) -> StyleArray:
        return StyleArray(self)


class Styles:
    """One workbook's styles, built on first use and shared by the cells."""

    def __init__(self) -> None:
        self._arrays: dict[tuple[str, bool], StyleArray] = {}
        #: value → (cleaned text, needs a quote prefix): the same texts recur on every sheet
        self.texts: dict[object, tuple[str, bool]] = {}

    def array(self, ws: Worksheet, name: str, quote: bool = False) -> StyleArray:
        """The (shared) style array of style ``name``, with a quote prefix when ``quote``."""
        key = (name, quote)
        found = self._arrays.get(key)
        if found is None:
            scratch = Cell(ws)  # registers the fonts, fills… in ``ws``'s workbook
            for attr, value in STYLE_SPECS[name].items():
                setattr(scratch, attr, value)
            scratch.quotePrefix = quote
            found = self._arrays[key] = _SharedStyle(scratch._style)
        return found


class _RowHeight(RowDimension):
    """A row with a custom height and nothing else, built and written cheaply.

    openpyxl's ``RowDimension`` runs a dozen validating descriptors when built and
    walks all its fields when saved; the export sets thousands of row heights.
    The stored attributes are the ones ``RowDimension`` would hold, so reading
    ``height`` (or ``ht``) back works as usual.
    """

    def __init__(self, ws: Worksheet, index: int, height: float) -> None:
        self.parent = ws
        self._style = None
        self.__dict__.update(index=index, ht=float(height), hidden=False, outlineLevel=0,
                             collapsed=False, thickBot=None, thickTop=None)
        self._attrs = (("ht", safe_string(float(height))), ("customHeight", "1"))

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self._attrs)


def _new_cell(ws: Worksheet, row: int, col: int) -> Cell:
    """An empty cell, built without ``Cell.__init__``'s keyword handling."""
    cell = object.__new__(Cell)
    cell.parent = ws
    cell.row = row
    cell.column = col
    cell._value = None
    cell.data_type = "n"
    cell._hyperlink = None
    cell._comment = None
    cell._style = None
    return cell


class SheetWriter:
    """Writes values into one worksheet: text always as text, dates as dates."""

    def __init__(self, ws: Worksheet, styles: Styles) -> None:
        self.ws = ws
        self.styles = styles
        self._cells = ws._cells
        self._style_cache: dict[tuple[str, bool], StyleArray] = {}
        self._texts = styles.texts

    def style(self, name: str, quote: bool = False) -> StyleArray:
        key = (name, quote)
        found = self._style_cache.get(key)
        if found is None:
            found = self._style_cache[key] = self.styles.array(self.ws, name, quote)
        return found

    def cell(self, row: int, col: int) -> Cell:
        """The cell at (row, col), created without ``Worksheet.cell``'s checks."""
        cell = self._cells.get((row, col))
        if cell is None:
            cell = self._cells[(row, col)] = _new_cell(self.ws, row, col)
        return cell

    def height(self, row: int, points: float) -> None:
        """Set a row's height; rows of one line keep the default (fewer row records)."""
        if points > SINGLE_LINE:
            self.ws.row_dimensions[row] = _RowHeight(self.ws, row, points)

    def _clean(self, value: object) -> tuple[str, bool]:
        """The text to store and whether it needs a quote prefix (cached per value)."""
        found = self._texts.get(value)
        if found is None:
            text = clean_text(value)
            found = self._texts[value] = (text, text.startswith(RISKY_FIRST))
        return found

    def text(self, row: int, col: int, value: object, style: str = "text") -> Cell:
        """A text cell; never a formula, never an error value."""
        text, quote = self._clean(value)
        cell = self.cell(row, col)
        cell._value = text
        cell.data_type = "s"
        cell._style = self.style(style, quote)
        return cell

    def date(self, row: int, col: int, value: dt.date | None, style: str = "date") -> Cell:
        """A real Excel date (DD.MM.YYYY), or an empty styled cell for None."""
        cell = self.cell(row, col)
        if type(value) in (dt.date, dt.datetime):
            cell._value = value  # every date style carries DATE_FORMAT
            cell.data_type = "d"
        elif value is not None:
            cell.value = value
        cell._style = self.style(style)
        return cell

    def number(self, row: int, col: int, value: float | int | None, style: str = "center") -> Cell:
        cell = self.cell(row, col)
        if type(value) in (int, float):
            cell._value = value
            cell.data_type = "n"
        elif value is not None:
            cell.value = value
        cell._style = self.style(style)
        return cell

    def blank(self, row: int, col: int, style: str) -> Cell:
        """A styled empty cell (borders of a merged range, filled Gantt cells)."""
        cell = self.cell(row, col)
        cell._style = self.style(style)
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
        style = anchor._style
        for r in range(anchor.row, last_row + 1):
            for c in range(anchor.column, last_col + 1):
                if (r, c) != (anchor.row, anchor.column):
                    covered = MergedCell(ws, row=r, column=c)
                    covered._style = style
                    ws._cells[(r, c)] = covered


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
