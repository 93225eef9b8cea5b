"""The roadmap's table in its column profile: header row + column numbers repeated on each page.

The cell texts come from :func:`desktop.services.table.roadmap_table` (the one
source for every exporter); this module only lays them out. Section rows span
the full width; long text wraps inside cells and a row may break across pages
rather than leave half a page empty. Styles are shared by all cells and empty
cells stay plain strings; the roadmap is fed to reportlab one page at a time
(:class:`~desktop.export.pdf_grid.PagedGrid`): a 2,000-row table stays fast.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Table, TableStyle

from desktop.export.pdf_fonts import BOLD, REGULAR
from desktop.export.pdf_grid import CellParagraph, GridSpec, PagedGrid, cell_paragraph
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


def grid_style(styles: AppendixStyles) -> list[tuple[Any, ...]]:
    """The bordered grid: bold header row, centred column numbers, top-aligned cells."""
    return [
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
    ]


def header_rows(header: Sequence[str], styles: AppendixStyles) -> list[list[Any]]:
    """The bold header row and the row of column numbers (1, 2, 3 …)."""
    return [[CellParagraph(markup(h), styles.cell_head) for h in header],
            [str(n) for n in range(1, len(header) + 1)]]


def grid_table(header: Sequence[str], body: list[list[Any]], widths: Sequence[float],
               styles: AppendixStyles) -> Table:
    """A bordered table with a bold header row and a row of column numbers, both repeated."""
    table = Table([*header_rows(header, styles), *body], colWidths=list(widths), repeatRows=2,
                  splitByRow=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(TableStyle(grid_style(styles)))
    return table


def roadmap_table_flowable(table: RoadmapTable, styles: AppendixStyles, width: float) -> PagedGrid:
    """The roadmap as a long grid, laid out page by page (:mod:`desktop.export.pdf_grid`)."""
    cell_styles = [styles.cell_center if c.field is Field.NUMBER else styles.cell
                   for c in table.columns]
    body: list[list[Any]] = []
    sections: list[bool] = []
    blank = [""] * (len(table.columns) - 1)
    for row in table.rows:
        if isinstance(row, ItemRow):
            body.append([cell_paragraph(markup(text), style) if text else ""
                         for text, style in zip(row.cells, cell_styles, strict=True)])
            sections.append(False)
            continue
        body.append([CellParagraph(section_text(row), styles.cell), *blank])
        sections.append(True)
    section_style = [("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), SECTION_BACKGROUND)]
    spec = GridSpec(header_rows(table.headings, styles), column_widths(table.columns, width),
                    grid_style(styles), section_style)
    return PagedGrid(spec, body, sections)
