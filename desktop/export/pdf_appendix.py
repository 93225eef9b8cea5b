"""Appendix content on landscape pages: the mark, the roadmap, working group, schedule, text.

The mark sits top right as a left-aligned block: «Приложение к приказу … от …
№ …» and/or the approval stamp «УТВЕРЖДЕНА приказом … от … № …», the
participle agreeing with the document («дорожная карта» → УТВЕРЖДЕНА,
«план» → УТВЕРЖДЕН).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer
from sqlalchemy import select
from sqlalchemy.orm import object_session, selectinload

from desktop.export import pdf_parts
from desktop.export.pdf_order_parts import is_draft
from desktop.export.pdf_settings import OrderPdfSettings
from desktop.export.pdf_styles import AppendixStyles
from desktop.export.pdf_table import grid_table, roadmap_table_flowable
from desktop.export.pdf_text import escape, format_order_date, markup, number_text, txt
from desktop.models import (
    Authority,
    Item,
    ItemExecutor,
    Order,
    OrderAppendix,
    Roadmap,
    Section,
)
from desktop.services.document_parts import (
    TablePart,
    approved_word,
    closing_signature,
    issuer_genitive,
    roadmap_appendices,
    roadmap_parts,
)
from desktop.services.table import roadmap_table

MARK_WIDTH = 100 * mm

@dataclass(frozen=True)
class MarkContext:
    """What an appendix mark needs to know about its order."""

    order: Order
    authority: Authority
    settings: OrderPdfSettings
    index: int  #: 1-based number of the appendix
    count: int  #: appendices in the order


def mark_lines(ctx: MarkContext, document_title: str) -> list[str]:
    """The lines of the appendix mark and/or the approval stamp (an empty line between the
    two): the one wording the PDF and the Word copy print."""
    authority = issuer_genitive(ctx.settings.authority_in_mark, txt(ctx.authority.short_name),
                                txt(ctx.authority.full_name))
    if is_draft(ctx.order):
        date, number = "_____________", number_text("")
    else:
        date = format_order_date(ctx.order.date, ctx.settings.date_style)
        number = number_text(ctx.order.number)
    tail = f"от {date} {number}"
    lines: list[str] = []
    if ctx.settings.appendix_mark in ("appendix", "both"):
        lines += ["Приложение" + (f" {ctx.index}" if ctx.count > 1 else ""),
                  f"к приказу {authority}", tail]
    if ctx.settings.appendix_mark in ("stamp", "both"):
        if lines:
            lines.append("")
        lines += [approved_word(document_title), f"приказом {authority}", tail]
    return lines


def appendix_mark(ctx: MarkContext, document_title: str, styles: AppendixStyles,
                  width: float) -> list[Flowable]:
    """The top-right block of an appendix page."""
    blocks: list[list[str]] = [[]]
    for line in mark_lines(ctx, document_title):
        if line:
            blocks[-1].append(escape(line))
        else:
            blocks.append([])
    style = styles.mark.clone("mark_block", leftIndent=max(width - MARK_WIDTH, 0), spaceAfter=8)
    return [*(Paragraph("<br/>".join(block), style) for block in blocks if block),
            Spacer(1, 4 * mm)]


def roadmap_content(roadmap: Roadmap, settings: OrderPdfSettings, styles: AppendixStyles,
                    width: float) -> list[Flowable]:
    """Title, the document's parts in its own order around the table, the closing
    signature, then the roadmap's own appendices (each on a new page)."""
    story: list[Flowable] = [Paragraph(escape(txt(roadmap.title)), styles.title)]
    preload_items(roadmap)
    for part in roadmap_parts(roadmap):
        if isinstance(part, TablePart):
            story.append(Spacer(1, 3 * mm))
            heading = pdf_parts.part_heading(part.heading, styles)
            if heading is not None:
                story.append(heading)
            story.append(roadmap_table_flowable(roadmap_table(roadmap), styles, width))
            story.append(Spacer(1, 3 * mm))
            continue
        story += pdf_parts.LAYOUTS[type(part)](part, styles, width)
    signature = closing_signature(roadmap)
    if signature is not None:
        story += pdf_parts.closing_signature(signature, styles, width)
    for appendix in roadmap_appendices(roadmap):
        story += pdf_parts.schedule_appendix(appendix, styles, width)
    return story


def preload_items(roadmap: Roadmap) -> None:
    """Load all items with executors and schools in a few queries (lazy loads cost seconds)."""
    session = object_session(roadmap)
    if session is None or roadmap.id is None:
        return
    executors = selectinload(Item.executors)
    session.scalars(
        select(Item).join(Section).where(Section.roadmap_id == roadmap.id).options(
            executors.selectinload(ItemExecutor.organisation),
            executors.selectinload(ItemExecutor.person),
            selectinload(Item.schools), selectinload(Item.children), selectinload(Item.section),
        )
    ).all()
    session.scalars(select(Section).where(Section.roadmap_id == roadmap.id)
                    .options(selectinload(Section.items))).all()


def working_group_content(appendix: OrderAppendix, styles: AppendixStyles,
                          width: float) -> list[Flowable]:
    """«Состав рабочей группы»: № п/п, name, position, role."""
    title = txt(appendix.title) or "Состав рабочей группы"
    body = [[str(n), Paragraph(markup(m.name), styles.cell),
             Paragraph(markup(m.job_title), styles.cell), Paragraph(markup(m.role), styles.cell)]
            for n, m in enumerate(appendix.members, 1)]
    headings = ["№ п/п", "Фамилия, имя, отчество", "Должность", "Роль в рабочей группе"]
    widths = [width * w for w in (0.07, 0.3, 0.43, 0.2)]
    return [Paragraph(markup(title), styles.title), Spacer(1, 3 * mm),
            grid_table(headings, body, widths, styles)]


def schedule_content(appendix: OrderAppendix, settings: OrderPdfSettings,
                     styles: AppendixStyles, width: float) -> list[Flowable]:
    """A schedule or list: № п/п and the three columns named in the settings."""
    headings = ["№ п/п", *settings.schedule_headings[:3]]
    while len(headings) < 4:
        headings.append("")
    body = [[str(n), Paragraph(markup(e.topic), styles.cell),
             Paragraph(markup(e.date_text), styles.cell),
             Paragraph(markup(e.responsible), styles.cell)]
            for n, e in enumerate(appendix.schedule, 1)]
    widths = [width * w for w in (0.07, 0.48, 0.18, 0.27)]
    story: list[Flowable] = [Paragraph(markup(txt(appendix.title) or "График"), styles.title)]
    if txt(appendix.text):
        story.extend(Paragraph(markup(line), styles.body)
                     for line in txt(appendix.text).splitlines() if line.strip())
    story += [Spacer(1, 3 * mm), grid_table(headings, body, widths, styles)]
    return story


def text_content(appendix: OrderAppendix, styles: AppendixStyles) -> list[Flowable]:
    story: list[Flowable] = []
    if txt(appendix.title):
        story.append(Paragraph(markup(appendix.title), styles.title))
    story.extend(Paragraph(markup(line), styles.text)
                 for line in txt(appendix.text).splitlines() if line.strip())
    return story or [Spacer(1, 1)]
