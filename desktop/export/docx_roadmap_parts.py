"""The roadmap document in Word: its parts in the document's own order, the table, the signature,
and the roadmap's own schedule appendices.

Everything comes from :mod:`desktop.services.document_parts` (which parts, in
which order, under which heading) and :func:`desktop.services.table.roadmap_table`
(the table in the roadmap's column profile); this module only lays it out. The
table's header row and the row of column numbers repeat on every page
(``w:tblHeader``); section rows and month rows span the full width; a section
without number and title (a roadmap without sections) prints no row.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document
from docx.shared import Length, Mm
from docx.text.paragraph import Paragraph

from desktop.export import docx_base as base
from desktop.export.pdf_appendix import preload_items
from desktop.export.pdf_styles import table_font_size
from desktop.export.pdf_table import column_widths
from desktop.models import Roadmap
from desktop.models.columns import Field
from desktop.services.document_parts import (
    AbbreviationsPart,
    IndicatorsPart,
    PassportPart,
    ScheduleAppendix,
    TablePart,
    TextPart,
    closing_signature,
    roadmap_appendices,
    roadmap_parts,
)
from desktop.services.table import ItemRow, SectionRow, roadmap_table

TEXT_SIZE = 12.0
MARK_WIDTH = Mm(100)
_CENTERED = {Field.NUMBER, Field.DEADLINE, Field.STATUS, Field.DONE_DATE}


def mark(document: Document, lines: Sequence[str]) -> Paragraph:
    """A top-right block, left-aligned inside it: «Приложение … к приказу … от … № …»."""
    width = base.text_width(document.sections[-1])
    return base.para(document, "\n".join(lines), left_indent=max(int(width) - int(MARK_WIDTH), 0),
                     after=8, size=TEXT_SIZE)


def title(document: Document, text: str) -> None:
    base.para(document, text, bold=True, align=base.Align.CENTER, before=6, after=8,
              keep_next=True, size=TEXT_SIZE)


def heading(document: Document, text: str) -> None:
    if text:
        base.para(document, text, bold=True, before=8, after=4, keep_next=True, size=TEXT_SIZE)


def widths(document: Document, ratios: Sequence[float]) -> list[Length]:
    total = int(base.text_width(document.sections[-1]))
    return [Length(int(total * r)) for r in ratios]


def write_roadmap(document: Document, roadmap: Roadmap, table_size: float = 0.0) -> None:
    """Title, the parts around the table in the document's order, the closing signature,
    then the roadmap's own appendices (each on a new page)."""
    title(document, roadmap.title)
    for part in roadmap_parts(roadmap):
        if isinstance(part, TextPart):
            text_part(document, part)
        elif isinstance(part, PassportPart):
            heading(document, part.heading)
            table = base.GridTable(document, widths(document, (0.3, 0.7)), base.CELL)
            for label, text in part.rows:
                table.row([label, text])
        elif isinstance(part, IndicatorsPart):
            indicators(document, part)
        elif isinstance(part, TablePart):
            heading(document, part.heading)
            roadmap_grid(document, roadmap, table_size)
        elif isinstance(part, AbbreviationsPart):
            heading(document, f"{part.heading}:")
            for short, full in part.entries:
                base.para(document, f"{short} – {full}", base.APPENDIX_TEXT)
    signature = closing_signature(roadmap)
    if signature is not None:
        width = base.text_width(document.sections[-1])
        base.left_right(document, signature.position, signature.name, width, before=28)
    for appendix in roadmap_appendices(roadmap):
        schedule_appendix(document, appendix)


def text_part(document: Document, part: TextPart) -> None:
    if part.inline:  # «Цель: …» on one line
        paragraph = base.para(document, style=base.APPENDIX_TEXT)
        paragraph.add_run(base.clean(f"{part.heading}: ")).bold = True
        paragraph.add_run(base.clean(part.paragraphs[0]))
        return
    heading(document, part.heading)
    for line in part.paragraphs:
        base.para(document, line, base.APPENDIX_TEXT)


def indicators(document: Document, part: IndicatorsPart) -> None:
    heading(document, part.heading)
    periods = len(part.periods)
    rest = 0.93 - 0.4 - 0.12
    grid = base.GridTable(document, widths(document, (0.07, 0.4, 0.12, *([rest / periods] * periods))),
                          base.CELL)
    grid.row(part.headings, header=True)
    for cells in part.cells():
        grid.row(cells, centered=[True, False, True, *([True] * periods)])


def roadmap_grid(document: Document, roadmap: Roadmap, table_size: float = 0.0) -> None:
    """The table in the roadmap's column profile."""
    preload_items(roadmap)
    table = roadmap_table(roadmap)
    columns = table.columns
    total = int(base.text_width(document.sections[-1]))
    style = base.cell_style(document, table_font_size(len(columns), table_size))
    grid = base.GridTable(document, [Length(int(w)) for w in column_widths(columns, total)], style)
    grid.row(table.headings, header=True)
    grid.row([str(n) for n in range(1, len(columns) + 1)], header=True)
    centered = [c.field in _CENTERED for c in columns]
    for row in table.rows:
        if isinstance(row, ItemRow):
            grid.row(row.cells, centered=centered)
        elif isinstance(row, SectionRow):
            text = section_text(row)
            if text:
                grid.span_row(text)


def section_text(row: SectionRow) -> str:
    """The section heading with its tasks and indicators; "" for a roadmap without sections."""
    lines = [row.heading.strip()] if row.heading.strip() else []
    for label, text in (("Задачи", row.tasks), ("Показатели", row.indicators)):
        if text.strip():
            lines.append(f"{label}: {text.strip()}")
    return "\n".join(lines)


def schedule_appendix(document: Document, appendix: ScheduleAppendix) -> None:
    """A schedule of the roadmap itself on a new page: mark, title, text, the table with
    month rows across the full width."""
    base.page_break_before(mark(document, appendix.mark_lines()))
    title(document, appendix.title or "График")
    for line in appendix.text:
        base.para(document, line, base.APPENDIX_TEXT)
    grid = base.GridTable(document, widths(document, (0.5, 0.2, 0.3)), base.CELL)
    grid.row(appendix.headings, header=True)
    for row in appendix.rows:
        if row.is_group:
            grid.span_row(row.topic, align="center")
        else:
            grid.row([row.topic, row.date_text, row.responsible], centered=[False, True, False])
