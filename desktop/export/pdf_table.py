"""The roadmap's table in its column profile: header row + column numbers repeated on each page.

The cell texts come from :func:`desktop.services.table.roadmap_table` (the one
source for every exporter); this module only lays them out. Section rows span
the full width; long text wraps inside cells and a row may break across pages
(``splitInRow``) rather than leave half a page empty. Styles are shared by all
cells and empty cells stay plain strings: a 2,000-row table stays fast.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Paragraph, Table, TableStyle

from desktop.export.pdf_fonts import BOLD, REGULAR
from desktop.export.pdf_styles import AppendixStyles
from desktop.export.pdf_text import markup, txt
from desktop.models.columns import Column, Field
from desktop.services.table import ItemRow, RoadmapTable, SectionRow

SECTION_BACKGROUND = colors.Color(0.92, 0.92, 0.92)
PADDING = 3.0


def column_widths(columns: Sequence[Column], width: float) -> list[float]:
    """The printed width of each column, proportional to the fields' weights."""
    total = sum(c.weight for c in columns) or 1.0
    return [width * c.weight / total for c in columns]


def section_text(row: SectionRow) -> str:
    """The section heading with its tasks and indicators (Petrogradsky style), as markup."""
    parts = [f"<b>{markup(row.heading)}</b>"]
    if txt(row.tasks):
        parts.append(f"Задачи: {markup(txt(row.tasks))}")
    if txt(row.indicators):
        parts.append(f"Показатели: {markup(txt(row.indicators))}")
    return "<br/>".join(parts)


def grid_table(header: Sequence[str], body: list[list[Any]], widths: Sequence[float],
               styles: AppendixStyles, *, extra: Sequence[tuple[Any, ...]] = ()) -> Table:
    """A bordered table with a bold header row and a row of column numbers, both repeated."""
    data: list[list[Any]] = [
        [Paragraph(markup(h), styles.cell_head) for h in header],
        [str(n) for n in range(1, len(header) + 1)],
        *body,
    ]
    table = Table(data, colWidths=list(widths), repeatRows=2, splitByRow=1, splitInRow=1,
                  hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), styles.table_size),
        ("LEADING", (0, 0), (-1, -1), styles.table_size * 1.15),
        ("FONTNAME", (0, 0), (-1, 0), BOLD),
        ("ALIGN", (0, 1), (-1, 1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("ALIGN", (0, 2), (0, -1), "CENTER"),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PADDING),
        *extra,
    ]))
    return table


def roadmap_table_flowable(table: RoadmapTable, styles: AppendixStyles, width: float) -> Table:
    """The roadmap as one splittable reportlab Table."""
    cell_styles = [styles.cell_center if c.field is Field.NUMBER else styles.cell
                   for c in table.columns]
    span: list[tuple[Any, ...]] = []
    body: list[list[Any]] = []
    blank = [""] * (len(table.columns) - 1)
    for row in table.rows:
        if isinstance(row, ItemRow):
            body.append([Paragraph(markup(text), style) if text else ""
                         for text, style in zip(row.cells, cell_styles, strict=True)])
            continue
        r = len(body) + 2
        span.append(("SPAN", (0, r), (-1, r)))
        span.append(("BACKGROUND", (0, r), (-1, r), SECTION_BACKGROUND))
        body.append([Paragraph(section_text(row), styles.cell), *blank])
    return grid_table(table.headings, body, column_widths(table.columns, width), styles,
                      extra=span)
