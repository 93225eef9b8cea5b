"""An order (приказ) as a PDF ready to print and sign: portrait order pages, landscape appendices.

Entry points: :func:`export_order_pdf` for a stored order and
:func:`render_order_pdf` for an order object that need not be saved (the
command line prints a new order made from a template without writing it).
Layout rules: ``order-format.md`` (ГОСТ Р 7.0.97). No Qt here.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable, NextPageTemplate, PageBreak
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import UserError
from desktop.export import pdf_order_parts as parts
from desktop.export.pdf_appendix import (
    MarkContext,
    appendix_mark,
    roadmap_content,
    schedule_content,
    text_content,
    working_group_content,
)
from desktop.export.pdf_document import Progress, write_pdf
from desktop.export.pdf_settings import OrderPdfSettings, appendix_page, order_page
from desktop.export.pdf_styles import appendix_styles, order_styles, table_font_size
from desktop.models import AppendixKind, Authority, Order, OrderAppendix, Roadmap

SettingsArg = OrderPdfSettings | Mapping[str, Any] | None


def load_authority(session: Session) -> Authority:
    """The authority's profile, or an empty one (the order still prints, with blanks)."""
    return session.scalar(select(Authority).order_by(Authority.id).limit(1)) or Authority(
        full_name="", short_name="", city="", head_position="", head_name=""
    )


def order_settings(order: Order | None, settings: SettingsArg = None) -> OrderPdfSettings:
    """Defaults, then the order's own ``settings`` dict, then the caller's overrides."""
    stored = order.settings if order is not None and isinstance(order.settings, dict) else None
    return OrderPdfSettings().merged(stored).merged(settings)


def export_order_pdf(session: Session, order_id: int, target: Path | str, *,
                     settings: SettingsArg = None, progress: Progress | None = None) -> Path:
    """Write the stored order ``order_id`` with its appendices to ``target`` (atomically)."""
    order = session.get(Order, order_id)
    if order is None:
        raise UserError(f"Приказ с кодом {order_id} не найден в базе данных")
    return render_order_pdf(session, order, target, settings=settings, progress=progress)


def render_order_pdf(session: Session, order: Order, target: Path | str, *,
                     settings: SettingsArg = None, progress: Progress | None = None) -> Path:
    """Write ``order`` (saved or not) with its appendices to ``target``."""
    resolved = order_settings(order, settings)
    authority = load_authority(session)
    story = order_story(order, authority, resolved)
    appendices = [a for a in order.appendices if _appendix_printable(session, a)]
    rows = 0
    for index, appendix in enumerate(appendices, 1):
        ctx = MarkContext(order, authority, resolved, index, len(appendices))
        flowables, appendix_rows = appendix_story(session, appendix, ctx)
        story += [NextPageTemplate("appendix"), PageBreak(), *flowables]
        rows += appendix_rows
    return write_pdf(target, story, resolved, title=parts.order_title(order),
                     estimated_pages=2 + len(appendices) + rows // 9, progress=progress)


def order_story(order: Order, authority: Authority, settings: OrderPdfSettings) -> list[Flowable]:
    """The order's own pages: requisites to the executor mark."""
    box = order_page(settings)
    width = box.frame_width
    styles = order_styles(title_bold=settings.title_bold, title_centered=settings.title_centered,
                          title_right_indent=max(width - settings.title_width_mm * 72 / 25.4, 0))
    story = parts.requisites(order, authority, settings, styles, width)
    story += parts.text_paragraphs(order.preamble, styles.body)
    story.append(parts.order_word(settings, styles))
    story += parts.points(order, styles)
    last = story.pop() if story else None
    story.append(parts.signature(order, styles, width, last))
    story += parts.approvals(order, settings, styles, width)
    story += parts.executor_mark(order, styles)
    return story


def _appendix_printable(session: Session, appendix: OrderAppendix) -> bool:
    if appendix.kind is AppendixKind.ROADMAP:
        return appendix.roadmap_id is not None and session.get(Roadmap, appendix.roadmap_id) is not None
    return True


def appendix_story(session: Session, appendix: OrderAppendix,
                   ctx: MarkContext) -> tuple[list[Flowable], int]:
    """One appendix's flowables (mark first) and its number of table rows."""
    width = appendix_page(ctx.settings).frame_width
    if appendix.kind is AppendixKind.ROADMAP:
        roadmap = session.get(Roadmap, appendix.roadmap_id)
        assert roadmap is not None
        size = table_font_size(len(roadmap.columns), ctx.settings.table_font_size)
        styles = appendix_styles(size)
        mark = appendix_mark(ctx, roadmap.title, styles, width)
        rows = sum(len(s.items) + 1 for s in roadmap.sections)
        return mark + roadmap_content(roadmap, ctx.settings, styles, width), rows
    styles = appendix_styles(table_font_size(4, ctx.settings.table_font_size))
    mark = appendix_mark(ctx, appendix.title or "", styles, width)
    if appendix.kind is AppendixKind.WORKING_GROUP:
        return mark + working_group_content(appendix, styles, width), len(appendix.members)
    if appendix.kind is AppendixKind.SCHEDULE:
        content = schedule_content(appendix, ctx.settings, styles, width)
        return mark + content, len(appendix.schedule)
    return mark + text_content(appendix, styles), 0
