"""Paragraph and table styles of the order and its appendices, made once per document.

Styles are shared by every paragraph and cell (a style object per cell would
cost time on a 2,000-row table). Body 14 pt justified with a 1.25 cm first-line
indent and 1.15 line spacing; requisites single-spaced without indent; tables
12 pt (11 or 10 pt for wide ones); the executor mark 11 pt.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm

from desktop.export.pdf_fonts import BOLD, REGULAR, register_fonts

BODY_SIZE = 14.0
INDENT = 1.25 * cm
LINE_SPACING = 1.15


def _style(name: str, size: float, *, font: str = REGULAR, align: int = TA_LEFT,
           spacing: float = 1.0, **kwargs: float) -> ParagraphStyle:
    return ParagraphStyle(
        name, fontName=font, fontSize=size, leading=round(size * spacing * 1.15, 2),
        alignment=align, allowWidows=0, allowOrphans=0, splitLongWords=1, **kwargs,
    )


@dataclass(frozen=True)
class OrderStyles:
    """The styles of the order pages (portrait)."""

    requisite: ParagraphStyle
    requisite_bold: ParagraphStyle
    heading: ParagraphStyle
    date_left: ParagraphStyle
    number_right: ParagraphStyle
    title: ParagraphStyle
    body: ParagraphStyle
    order_word: ParagraphStyle
    signature_left: ParagraphStyle
    signature_right: ParagraphStyle
    small: ParagraphStyle
    small_right: ParagraphStyle
    executor: ParagraphStyle
    draft: ParagraphStyle


def order_styles(*, title_bold: bool, title_centered: bool, title_right_indent: float) -> OrderStyles:
    """Styles of the order; ``title_right_indent`` limits the title's lines to ~8 cm."""
    register_fonts()
    return OrderStyles(
        requisite=_style("requisite", BODY_SIZE, align=TA_CENTER),
        requisite_bold=_style("requisite_bold", BODY_SIZE, font=BOLD, align=TA_CENTER),
        heading=_style("order_heading", 16, font=BOLD, align=TA_CENTER, spaceBefore=12,
                       spaceAfter=12),
        date_left=_style("date_left", BODY_SIZE),
        number_right=_style("number_right", BODY_SIZE, align=TA_RIGHT),
        title=_style("title", BODY_SIZE, font=BOLD if title_bold else REGULAR,
                     align=TA_CENTER if title_centered else TA_LEFT,
                     rightIndent=0 if title_centered else title_right_indent),
        body=_style("body", BODY_SIZE, align=TA_JUSTIFY, spacing=LINE_SPACING,
                    firstLineIndent=INDENT),
        order_word=_style("order_word", BODY_SIZE, spacing=LINE_SPACING, spaceBefore=6,
                          spaceAfter=6),
        signature_left=_style("signature_left", BODY_SIZE),
        signature_right=_style("signature_right", BODY_SIZE, align=TA_RIGHT),
        small=_style("small", 12),
        small_right=_style("small_right", 12, align=TA_RIGHT),
        executor=_style("executor", 11),
        draft=_style("draft", BODY_SIZE, font=BOLD, align=TA_RIGHT),
    )


@dataclass(frozen=True)
class AppendixStyles:
    """The styles of the landscape appendix pages and of the roadmap PDF."""

    mark: ParagraphStyle
    title: ParagraphStyle
    body: ParagraphStyle
    text: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_head: ParagraphStyle
    cell_section: ParagraphStyle
    approval: ParagraphStyle
    approval_bold: ParagraphStyle
    approval_right: ParagraphStyle
    part_heading: ParagraphStyle
    table_size: float


def table_font_size(columns: int, setting: float = 0.0) -> float:
    """12 pt up to four columns, 11 pt for five, 10 pt for six and more (unless set)."""
    if setting:
        return setting
    return 12.0 if columns <= 4 else 11.0 if columns == 5 else 10.0


def appendix_styles(table_size: float) -> AppendixStyles:
    register_fonts()
    return AppendixStyles(
        mark=_style("mark", 12),
        title=_style("appendix_title", BODY_SIZE, font=BOLD, align=TA_CENTER, spaceBefore=6,
                     spaceAfter=6),
        body=_style("appendix_body", 12, align=TA_JUSTIFY, firstLineIndent=INDENT,
                    spaceAfter=2),
        text=_style("appendix_text", BODY_SIZE, align=TA_JUSTIFY, spacing=LINE_SPACING,
                    firstLineIndent=INDENT),
        cell=_style("cell", table_size),
        cell_center=_style("cell_center", table_size, align=TA_CENTER),
        cell_head=_style("cell_head", table_size, font=BOLD, align=TA_CENTER),
        cell_section=_style("cell_section", table_size, font=BOLD),
        approval=_style("approval", 12),
        approval_bold=_style("approval_bold", 12, font=BOLD),
        approval_right=_style("approval_right", 12, align=TA_RIGHT),
        part_heading=_style("part_heading", 12, font=BOLD, align=TA_CENTER, spaceBefore=8,
                            spaceAfter=4),
        table_size=table_size,
    )
