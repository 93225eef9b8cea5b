"""The roadmap document's parts in the PDF: passport, basis documents, justification, goal,
tasks, target indicators, abbreviations, the closing signature and the roadmap's own
schedule appendices.

What to print comes from :mod:`desktop.services.document_parts` (the document's own
order and headings); this module only lays it out. A heading is kept on the page
of the lines that follow it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table

from desktop.export.pdf_blocks import layout_row
from desktop.export.pdf_grid import CellParagraph, GridSpec, PagedGrid, cell_paragraph
from desktop.export.pdf_styles import AppendixStyles
from desktop.export.pdf_table import SECTION_BACKGROUND, grid_style, grid_table, header_rows
from desktop.export.pdf_text import NBSP, escape
from desktop.services.document_parts import (
    AbbreviationsPart,
    ClosingSignature,
    IndicatorsPart,
    PassportPart,
    ScheduleAppendix,
    TextPart,
)

#: the share of the width of the passport's label column
PASSPORT_LABEL_SHARE = 0.3


def _kept(heading: Flowable | None, body: list[Flowable]) -> list[Flowable]:
    """``heading`` kept together with the first flowable of ``body``."""
    if heading is None:
        return body
    if not body:
        return [heading]
    return [KeepTogether([heading, body[0]]), *body[1:]]


def part_heading(text: str, styles: AppendixStyles) -> Paragraph | None:
    return Paragraph(f"<b>{escape(text)}</b>", styles.part_heading) if text.strip() else None


def text_part(part: TextPart, styles: AppendixStyles) -> list[Flowable]:
    if part.inline:
        first = Paragraph(f"<b>{escape(part.heading)}:</b> {escape(part.paragraphs[0])}",
                          styles.body)
        return [first, *(Paragraph(escape(p), styles.body) for p in part.paragraphs[1:])]
    body: list[Flowable] = [Paragraph(escape(p), styles.body) for p in part.paragraphs]
    return _kept(part_heading(part.heading, styles), body)


def passport_part(part: PassportPart, styles: AppendixStyles, width: float) -> list[Flowable]:
    label_width = width * PASSPORT_LABEL_SHARE
    rows = [[CellParagraph(escape(label), styles.cell_section),
             cell_paragraph(escape(text), styles.cell)] for label, text in part.rows]
    table = Table(rows, colWidths=[label_width, width - label_width], splitByRow=1,
                  splitInRow=1, hAlign="LEFT", style=[
                      *(c for c in grid_style(styles) if c[0] not in ("FONTNAME", "ALIGN")),
                      ("VALIGN", (0, 0), (-1, -1), "TOP")])
    return _kept(part_heading(part.heading, styles), [table, Spacer(1, 3 * mm)])


def indicators_part(part: IndicatorsPart, styles: AppendixStyles, width: float) -> list[Flowable]:
    fixed = [0.06, 0.44, 0.14]
    value_share = (1 - sum(fixed)) / max(len(part.periods), 1)
    widths = [width * w for w in (*fixed, *([value_share] * len(part.periods)))]
    body = [[cell_paragraph(escape(text), styles.cell_center if n != 1 else styles.cell)
             if text else "" for n, text in enumerate(row)] for row in part.cells()]
    table = grid_table(part.headings, body, widths, styles)
    return _kept(part_heading(part.heading, styles), [table, Spacer(1, 3 * mm)])


def abbreviations_part(part: AbbreviationsPart, styles: AppendixStyles) -> list[Flowable]:
    body: list[Flowable] = [Paragraph(f"{escape(short)} – {escape(full)}", styles.body)
                            for short, full in part.entries]
    heading = Paragraph(f"<b>{escape(part.heading)}:</b>", styles.body)
    return [Spacer(1, 6 * mm), *_kept(heading, body)]


def closing_signature(signature: ClosingSignature, styles: AppendixStyles,
                      width: float) -> list[Flowable]:
    """Position at the left, the name at the right on the level of the position's last line."""
    row = layout_row([Paragraph(escape(signature.position), styles.approval),
                      Paragraph(escape(signature.name), styles.approval_right)],
                     [width * 0.6, width * 0.4])
    return [KeepTogether([Spacer(1, 10 * mm), row])]


def schedule_mark(appendix: ScheduleAppendix, styles: AppendixStyles, width: float) -> Paragraph:
    """«Приложение 1 к дорожной карте … от 10.01.2023 № 5» as a block at the top right."""
    lines = [escape(line) for line in appendix.mark_lines(NBSP)]
    style = styles.mark.clone("schedule_mark", leftIndent=max(width - 100 * mm, 0), spaceAfter=8)
    return Paragraph("<br/>".join(lines), style)


def schedule_appendix(appendix: ScheduleAppendix, styles: AppendixStyles,
                      width: float) -> list[Flowable]:
    """A new page: the mark, the title, its text and the schedule with full-width group rows."""
    story: list[Flowable] = [PageBreak(), schedule_mark(appendix, styles, width)]
    if appendix.title:
        story.append(Paragraph(escape(appendix.title), styles.title))
    story.extend(Paragraph(escape(line), styles.body) for line in appendix.text)
    if not appendix.rows:
        return story
    headings = ["№ п/п", *appendix.headings]
    widths = [width * w for w in (0.07, 0.48, 0.18, 0.27)]
    body: list[list[Any]] = []
    groups: list[bool] = []
    number = 0
    for row in appendix.rows:
        if row.is_group:
            body.append([CellParagraph(f"<b>{escape(row.topic)}</b>", styles.cell), "", "", ""])
            groups.append(True)
            continue
        number += 1
        body.append([str(number), *(cell_paragraph(escape(t), styles.cell) if t else ""
                                    for t in (row.topic, row.date_text, row.responsible))])
        groups.append(False)
    spec = GridSpec(header_rows(headings, styles), widths, grid_style(styles),
                    [("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), SECTION_BACKGROUND)])
    return [*story, Spacer(1, 3 * mm), PagedGrid(spec, body, groups)]


#: how each kind of part is laid out (the table is laid out by the caller)
PartLayout = Callable[[Any, AppendixStyles, float], list[Flowable]]

LAYOUTS: dict[type, PartLayout] = {
    TextPart: lambda part, styles, _width: text_part(part, styles),
    PassportPart: passport_part,
    IndicatorsPart: indicators_part,
    AbbreviationsPart: lambda part, styles, _width: abbreviations_part(part, styles),
}
