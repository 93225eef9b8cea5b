"""The roadmap alone in Word, approved by signature: «СОГЛАСОВАНО» left, «УТВЕРЖДАЮ» right.

Mirrors :func:`desktop.export.pdf_roadmap.export_roadmap_pdf`: landscape from
the first page, the two blocks, then the roadmap's parts and table, the closing
signature, the roadmap's own appendices and, when its approving order has one,
the working group.
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document
from docx.shared import Mm
from sqlalchemy.orm import Session

from desktop.errors import UserError
from desktop.export import docx_base as base
from desktop.export.docx_appendix import appendix_page, working_group
from desktop.export.docx_order import Progress, save
from desktop.export.docx_roadmap_parts import TEXT_SIZE, write_roadmap
from desktop.export.pdf_order import SettingsArg, load_authority, order_settings
from desktop.export.pdf_roadmap import DATE_LINE
from desktop.export.pdf_settings import OrderPdfSettings
from desktop.models import AppendixKind, Authority, Roadmap
from desktop.services.document_parts import approval_stamp, own_approvals

BLOCK_WIDTH = Mm(95)
BLANK_POSITION = "_______________________________\n_______________________________"


def export_roadmap_docx(session: Session, roadmap_id: int, target: Path | str, *,
                        settings: SettingsArg = None, progress: Progress | None = None) -> Path:
    """Write the roadmap ``roadmap_id`` with the approval blocks to ``target`` (landscape)."""
    roadmap = session.get(Roadmap, roadmap_id)
    if roadmap is None:
        raise UserError(f"Дорожная карта с кодом {roadmap_id} не найдена в базе данных")
    resolved = order_settings(roadmap.approving_order).merged(own_approvals(roadmap)) \
        .merged(settings)
    document = base.new_document(roadmap.title)
    section = document.sections[0]
    base.setup_page(section, **appendix_page(resolved))  # type: ignore[arg-type]
    base.page_numbers(section)
    authority = load_authority(session)
    approval_blocks(document, authority, resolved)
    stamp = approval_stamp(roadmap, authority.short_name or authority.full_name or "")
    if stamp:  # the order that approved it: number and date survive a roadmap-only copy
        base.para(document, stamp, before=6, after=6)
    write_roadmap(document, roadmap, resolved.table_font_size)
    order = roadmap.approving_order
    for appendix in order.appendices if order is not None else []:
        if appendix.kind is AppendixKind.WORKING_GROUP and appendix.members:
            base.page_break_before(base.para(document))
            working_group(document, appendix)
    return save(document, target, progress)


def _block(word: str, position: str, name: str) -> list[tuple[str, bool]]:
    return [(word, True), (position.strip() or BLANK_POSITION, False),
            (f"________________ {name}".rstrip(), False), (DATE_LINE, False)]


def approval_blocks(document: Document, authority: Authority, settings: OrderPdfSettings) -> None:
    """A borderless table of three columns: «СОГЛАСОВАНО», a gap, «УТВЕРЖДАЮ» (the head by default)."""
    width = int(base.text_width(document.sections[-1]))
    left = _block("СОГЛАСОВАНО", settings.agreed_position, settings.agreed_name)
    right = _block("УТВЕРЖДАЮ", settings.approver_position or authority.head_position,
                   settings.approver_name or authority.head_name)
    table = document.add_table(rows=1, cols=3)
    base.borderless(table)
    table.autofit = False
    sizes = [int(BLOCK_WIDTH), max(width - 2 * int(BLOCK_WIDTH), 0), int(BLOCK_WIDTH)]
    for column, cell, size in zip(table.columns, table.rows[0].cells, sizes, strict=True):
        column.width = cell.width = size
    for cell, lines in ((table.rows[0].cells[0], left), (table.rows[0].cells[2], right)):
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
        for text, bold in lines:
            base.para(cell, text, bold=bold, after=4, size=TEXT_SIZE)
    base.para(document, after=12)
