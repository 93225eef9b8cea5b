"""The roadmap alone as a landscape PDF, approved by signature: «СОГЛАСОВАНО / УТВЕРЖДАЮ».

The Petrogradsky sample's form: two blocks at the top (position, signature
line with the name, «__» ________ 20__ г.), then the title, goal, tasks, the
table in the roadmap's column profile, the abbreviations and, when the
roadmap's approving order has one, the working group.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer
from sqlalchemy.orm import Session

from desktop.errors import UserError
from desktop.export.pdf_appendix import roadmap_content, working_group_content
from desktop.export.pdf_blocks import layout_rows
from desktop.export.pdf_document import Progress, write_pdf
from desktop.export.pdf_order import SettingsArg, load_authority, order_settings
from desktop.export.pdf_settings import appendix_page
from desktop.export.pdf_styles import AppendixStyles, appendix_styles, table_font_size
from desktop.export.pdf_text import markup
from desktop.models import AppendixKind, Authority, Roadmap
from desktop.services.document_parts import approval_stamp, own_approvals

BLOCK_WIDTH = 95 * mm
DATE_LINE = "«____» ________________ 20____ г."
BLANK_POSITION = "_______________________________<br/>_______________________________"


def export_roadmap_pdf(session: Session, roadmap_id: int, target: Path | str, *,
                       settings: SettingsArg = None, progress: Progress | None = None) -> Path:
    """Write the roadmap ``roadmap_id`` with the approval block to ``target`` (landscape)."""
    roadmap = session.get(Roadmap, roadmap_id)
    if roadmap is None:
        raise UserError(f"Дорожная карта с кодом {roadmap_id} не найдена в базе данных")
    resolved = order_settings(roadmap.approving_order).merged(own_approvals(roadmap)) \
        .merged(settings)
    width = appendix_page(resolved).frame_width
    styles = appendix_styles(table_font_size(len(roadmap.columns), resolved.table_font_size))
    authority = load_authority(session)
    story: list[Flowable] = [
        approval_block(authority, resolved.agreed_position, resolved.agreed_name,
                       resolved.approver_position, resolved.approver_name, styles, width),
        Spacer(1, 8 * mm),
    ]
    stamp = approval_stamp(roadmap, authority.short_name or authority.full_name or "")
    if stamp:  # the order that approved it: number and date survive a roadmap-only copy
        story += [Paragraph(markup(stamp), styles.approval), Spacer(1, 4 * mm)]
    story += roadmap_content(roadmap, resolved, styles, width)
    story += _working_group(roadmap, styles, width)
    rows = sum(len(s.items) + 1 for s in roadmap.sections)
    return write_pdf(target, story, resolved, title=roadmap.title, start_landscape=True,
                     estimated_pages=1 + rows // 9, progress=progress)


def _signature_block(word: str, position: str, name: str, styles: AppendixStyles) -> list[Paragraph]:
    position_markup = markup(position) if position.strip() else BLANK_POSITION
    return [
        Paragraph(word, styles.approval_bold),
        Paragraph(position_markup, styles.approval),
        Paragraph(f"________________ {markup(name)}", styles.approval),
        Paragraph(DATE_LINE, styles.approval),
    ]


def approval_block(authority: Authority, agreed_position: str, agreed_name: str,
                   approver_position: str, approver_name: str, styles: AppendixStyles,
                   width: float) -> Flowable:
    """«СОГЛАСОВАНО» at the left, «УТВЕРЖДАЮ» (the head by default) at the right."""
    left = _signature_block("СОГЛАСОВАНО", agreed_position, agreed_name, styles)
    right = _signature_block("УТВЕРЖДАЮ", approver_position or authority.head_position,
                             approver_name or authority.head_name, styles)
    gap = max(width - 2 * BLOCK_WIDTH, 0)
    rows = [[lcell, "", rcell] for lcell, rcell in zip(left, right, strict=True)]
    return layout_rows(rows, [BLOCK_WIDTH, gap, BLOCK_WIDTH], valign="BOTTOM",
                       extra=[("BOTTOMPADDING", (0, 0), (-1, -1), 4)])


def _working_group(roadmap: Roadmap, styles: AppendixStyles, width: float) -> list[Flowable]:
    order = roadmap.approving_order
    if order is None:
        return []
    story: list[Flowable] = []
    for appendix in order.appendices:
        if appendix.kind is AppendixKind.WORKING_GROUP and appendix.members:
            story += [PageBreak(), *working_group_content(appendix, styles, width)]
    return story
