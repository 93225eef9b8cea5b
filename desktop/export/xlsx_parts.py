"""Sheet «Паспорт»: the roadmap document's parts around its table, in the document's own order.

Passport, basis documents, justification, goal and tasks under the document's
own headings, target indicators with a column per period («2021/2022»),
abbreviations and the closing signature, all from
:mod:`desktop.services.document_parts` (the same source as the PDF and the
Word copy). The parts get a sheet of their own rather than rows above the
table: the main sheet keeps the region's layout (title block, one header row
repeated on print, frozen under it), and the parts have column structures of
their own (a label and a text, a value per period) that the roadmap's column
profile does not fit. The sheet is left out when the roadmap has no such part.
"""

from __future__ import annotations

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop.export.xlsx_main import row_height
from desktop.export.xlsx_style import SheetWriter, Styles, landscape_a4
from desktop.models import Roadmap
from desktop.services.document_parts import (
    AbbreviationsPart,
    ClosingSignature,
    IndicatorsPart,
    Part,
    PassportPart,
    TablePart,
    TextPart,
    closing_signature,
    roadmap_parts,
)

SHEET_TITLE = "Паспорт"
#: № / label / unit; then a column per indicator period (at least two)
WIDTHS = (7.0, 48.0, 16.0)
PERIOD_WIDTH = 16.0
MIN_PERIODS = 2
TABLE_NOTE = "Мероприятия — на листе «Дорожная карта»"


def has_parts(roadmap: Roadmap) -> bool:
    """Whether the roadmap has anything for the sheet besides its table."""
    parts = roadmap_parts(roadmap)
    return any(not isinstance(p, TablePart) for p in parts) or closing_signature(roadmap) is not None


class _PartsWriter:
    """Writes the parts one under another; ``row`` is the next free row."""

    def __init__(self, ws: Worksheet, styles: Styles, periods: int) -> None:
        self.w = SheetWriter(ws, styles)
        self.widths = [*WIDTHS, *([PERIOD_WIDTH] * max(periods, MIN_PERIODS))]
        self.last = len(self.widths)
        self.row = 1
        for col, width in enumerate(self.widths, 1):
            ws.column_dimensions[get_column_letter(col)].width = width

    def _span(self, first: int, last: int) -> float:
        return sum(self.widths[first - 1:last])

    def line(self, text: str, style: str, *, size: float = 13.0) -> None:
        """A text merged across the sheet."""
        self.w.merged_text(self.row, 1, self.last, text, style)
        self.w.height(self.row, row_height([text], [self._span(1, self.last)], size))
        self.row += 1

    def pair(self, left: str, right: str, left_style: str, right_style: str) -> None:
        """A label over columns A–B and a text over the rest (passport, abbreviations)."""
        self.w.merged_text(self.row, 1, 2, left, left_style)
        self.w.merged_text(self.row, 3, self.last, right, right_style)
        self.w.height(self.row, row_height([left, right],
                                           [self._span(1, 2), self._span(3, self.last)]))
        self.row += 1

    def part(self, part: Part) -> None:
        if isinstance(part, TablePart):
            self.line(TABLE_NOTE, "note")
        elif isinstance(part, TextPart):
            if part.inline:
                self.line(f"{part.heading}: {part.paragraphs[0]}", "note")
            else:
                self.line(part.heading, "section")
                for text in part.paragraphs:
                    self.line(text, "note")
        elif isinstance(part, PassportPart):
            self.line(part.heading, "section")
            for label, text in part.rows:
                self.pair(label, text, "total_text", "text")
        elif isinstance(part, IndicatorsPart):
            self.indicators(part)
        elif isinstance(part, AbbreviationsPart):
            self.line(part.heading, "section")
            for short, full in part.entries:
                self.pair(short, full, "text", "text")
        self.row += 1

    def indicators(self, part: IndicatorsPart) -> None:
        self.line(part.heading, "section")
        for col, text in enumerate(part.headings, 1):
            self.w.text(self.row, col, text, "header")
        for col in range(len(part.headings) + 1, self.last + 1):
            self.w.blank(self.row, col, "header")
        self.w.height(self.row, row_height(part.headings, self.widths) + 4)
        self.row += 1
        for cells in part.cells():
            for col, text in enumerate(cells, 1):
                self.w.text(self.row, col, text, "text" if col in (2, 3) else "center")
            self.w.height(self.row, row_height(cells, self.widths))
            self.row += 1

    def signature(self, signature: ClosingSignature) -> None:
        """Position at the left, the name at the right on the same row."""
        self.row += 1
        self.w.merged_text(self.row, 1, 2, signature.position, "note")
        self.w.merged_text(self.row, 3, self.last, signature.name, "note_right")
        self.w.height(self.row, row_height([signature.position], [self._span(1, 2)]))
        self.row += 1


def write_parts_sheet(ws: Worksheet, styles: Styles, roadmap: Roadmap) -> None:
    """Fill ``ws`` with the roadmap's title and its parts, then the closing signature."""
    ws.title = SHEET_TITLE
    parts = roadmap_parts(roadmap)
    periods = max((len(p.periods) for p in parts if isinstance(p, IndicatorsPart)), default=0)
    writer = _PartsWriter(ws, styles, periods)
    writer.line(roadmap.title, "title", size=19.0)
    writer.row += 1
    for part in parts:
        writer.part(part)
    signature = closing_signature(roadmap)
    if signature is not None:
        writer.signature(signature)
    landscape_a4(ws)
    ws.print_area = f"A1:{get_column_letter(writer.last)}{max(writer.row - 1, 1)}"
