"""Sheet «Дорожная карта»: the roadmap in its column profile, ready to print.

Title block (authority, title, period, approving order), a header row with the
profile's headings repeated on every printed page, section rows merged across
the table, items with wrapped text and thin borders.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop.export.xlsx_style import SheetWriter, Styles, landscape_a4
from desktop.models import Authority, Roadmap
from desktop.models.columns import FIELD_SPECS, Column, Field
from desktop.services.document_parts import issuer_genitive
from desktop.services.table import ItemRow, RoadmapTable, SectionRow

SHEET_TITLE = "Дорожная карта"
#: the width of the whole table in Excel character units (fit to page scales it)
TABLE_WIDTH = 150.0
MIN_WIDTH = 7.0
LINE_HEIGHT = 13.0  #: points per text line at 10 pt
#: characters of 10 pt Times New Roman per unit of column width (measured ~1.7 in
#: LibreOffice; kept lower: rather an airy row than a clipped one)
CHARS_PER_UNIT = 1.45

_CENTERED = {Field.NUMBER, Field.DEADLINE, Field.STATUS, Field.DONE_DATE}


def column_widths(columns: Sequence[Column], total: float = TABLE_WIDTH) -> list[float]:
    """Widths proportional to the fields' weights, none narrower than :data:`MIN_WIDTH`."""
    weight_sum = sum(c.weight for c in columns) or 1.0
    return [max(MIN_WIDTH, round(total * c.weight / weight_sum, 1)) for c in columns]


@functools.cache
def _chars_per_line(width: float) -> int:
    return max(1, int(width * CHARS_PER_UNIT) - 1)


def text_lines(text: str, width: float) -> int:
    """How many lines ``text`` takes in a wrapped column of ``width`` units (an estimate)."""
    per_line = _chars_per_line(width)
    if "\n" not in text:
        return -(-len(text) // per_line) or 1
    return sum(-(-len(part) // per_line) or 1 for part in text.split("\n"))


def row_height(texts: Sequence[str], widths: Sequence[float], size: float = LINE_HEIGHT) -> float:
    lines = 1
    for text, width in zip(texts, widths, strict=False):
        if text:
            count = text_lines(text, width)
            if count > lines:
                lines = count
    return min(409.0, lines * size + 3)


def profile_heading(columns: Sequence[Column], field: Field) -> str:
    """The heading the roadmap's column profile gives ``field`` (the field's default when the
    profile does not show it): the other sheets name their columns as the main one does."""
    return next((c.heading for c in columns if c.field is field), FIELD_SPECS[field].heading)


def approval_text(roadmap: Roadmap, authority: Authority | None) -> str:
    """«Утверждена приказом УО … от 28.01.2026 № 12/1», or "" when not approved."""
    order = roadmap.approving_order
    if order is None:
        return ""
    parts = ["Утверждена приказом"]
    if authority is not None and authority.short_name.strip():
        parts.append(issuer_genitive("", authority.short_name, ""))
    if order.date is not None:
        parts.append(f"от {order.date:%d.%m.%Y}")
    if order.number.strip():
        parts.append(f"№ {order.number.strip()}")
    return " ".join(parts)


def period_text(roadmap: Roadmap) -> str:
    return f"Период реализации: {roadmap.period_start:%d.%m.%Y} – {roadmap.period_end:%d.%m.%Y}"


def write_title_block(w: SheetWriter, roadmap: Roadmap, authority: Authority | None,
                      width: int, widths: Sequence[float]) -> int:
    """Rows above the table; returns the next free row."""
    row = 1
    lines = []
    if authority is not None and authority.full_name.strip():
        lines.append((authority.full_name.strip(), "subtitle", 15.0))
    lines.append((roadmap.title, "title", 19.0))
    lines.append((period_text(roadmap), "subtitle", 15.0))
    approval = approval_text(roadmap, authority)
    if approval:
        lines.append((approval, "subtitle", 15.0))
    total = sum(widths)
    for text, style, line in lines:
        w.merged_text(row, 1, width, text, style)
        w.height(row, row_height([text], [total * 0.8], line))
        row += 1
    return row + 1


def write_header(w: SheetWriter, row: int, columns: Sequence[Column],
                 widths: Sequence[float]) -> None:
    for col, column in enumerate(columns, 1):
        w.text(row, col, column.heading, "header")
    w.height(row, row_height([c.heading for c in columns], widths) + 4)


def write_section(w: SheetWriter, row: int, section: SectionRow, width: int,
                  total_width: float) -> int:
    """The section's row merged across, then its tasks and indicators; a section without
    number and title (a roadmap without sections) has no row of its own."""
    if not section.heading.strip():
        return _section_notes(w, row, section, width, total_width)
    w.merged_text(row, 1, width, section.heading, "section")
    w.height(row, row_height([section.heading], [total_width]))
    return _section_notes(w, row + 1, section, width, total_width)


def _section_notes(w: SheetWriter, row: int, section: SectionRow, width: int,
                   total_width: float) -> int:
    for label, text in (("Задачи", section.tasks), ("Показатели", section.indicators)):
        if text.strip():
            value = f"{label}: {text.strip()}"
            w.merged_text(row, 1, width, value, "text")
            w.height(row, row_height([value], [total_width]))
            row += 1
    return row


def write_item(w: SheetWriter, row: int, item: ItemRow, columns: Sequence[Column],
               widths: Sequence[float]) -> None:
    for col, (column, text) in enumerate(zip(columns, item.cells, strict=True), 1):
        if column.field is Field.DONE_DATE:
            w.date(row, col, item.done_date)
        else:
            w.text(row, col, text, "center" if column.field in _CENTERED else "text")
    w.height(row, row_height(item.cells, widths))


def write_roadmap_sheet(ws: Worksheet, styles: Styles, roadmap: Roadmap, table: RoadmapTable,
                        authority: Authority | None, step: Callable[[], None]) -> None:
    """Fill ``ws`` with the roadmap table; ``step()`` is called once per table row."""
    ws.title = SHEET_TITLE
    w = SheetWriter(ws, styles)
    columns = table.columns
    widths = column_widths(columns)
    for col, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(col)].width = width
    header_row = write_title_block(w, roadmap, authority, len(columns), widths)
    write_header(w, header_row, columns, widths)
    row = header_row + 1
    for entry in table.rows:
        if isinstance(entry, SectionRow):
            row = write_section(w, row, entry, len(columns), sum(widths))
        else:
            write_item(w, row, entry, columns, widths)
            row += 1
        step()
    ws.freeze_panes = f"{get_column_letter(1)}{header_row + 1}"
    landscape_a4(ws, title_rows=f"{header_row}:{header_row}")
    ws.print_area = f"A1:{get_column_letter(len(columns))}{max(row - 1, header_row)}"
