"""An order's appendix in Word: a landscape section with the mark top right, then its content.

The mark reads as the PDF's (:func:`desktop.export.pdf_appendix.appendix_mark`):
«Приложение [N] к приказу <authority> от <date> № <number>» and/or the stamp
«УТВЕРЖДЕНА приказом …», the participle agreeing with the document's title.
"""

from __future__ import annotations

from docx.document import Document
from sqlalchemy.orm import Session

from desktop.export import docx_base as base
from desktop.export.docx_roadmap_parts import mark, title, widths, write_roadmap
from desktop.export.pdf_appendix import MarkContext, mark_lines
from desktop.export.pdf_settings import OrderPdfSettings
from desktop.export.pdf_text import txt
from desktop.models import AppendixKind, OrderAppendix, Roadmap

WORKING_GROUP_HEADINGS = ("№ п/п", "Фамилия, имя, отчество", "Должность", "Роль в рабочей группе")


def appendix_page(settings: OrderPdfSettings) -> dict[str, object]:
    """The landscape page of the appendices and of the roadmap alone (A4, or A3 as a setting)."""
    return {"landscape": True, "paper": settings.appendix_paper,
            "margins_mm": (settings.appendix_left_margin_mm, settings.right_margin_mm,
                           settings.top_margin_mm, settings.bottom_margin_mm)}


def write_appendix(document: Document, session: Session, appendix: OrderAppendix,
                   ctx: MarkContext) -> None:
    """A new landscape section with the appendix ``appendix`` of the order."""
    section = base.new_section(document, **appendix_page(ctx.settings))
    if ctx.settings.restart_appendix_numbering and ctx.index == 1:
        base.restart_numbering(section)
    if appendix.kind is AppendixKind.ROADMAP:
        roadmap = session.get(Roadmap, appendix.roadmap_id)
        assert roadmap is not None
        mark(document, mark_lines(ctx, roadmap.title))
        write_roadmap(document, roadmap, ctx.settings.table_font_size)
        return
    mark(document, mark_lines(ctx, txt(appendix.title)))
    if appendix.kind is AppendixKind.WORKING_GROUP:
        working_group(document, appendix)
    elif appendix.kind is AppendixKind.SCHEDULE:
        title(document, txt(appendix.title) or "График")
        text_lines(document, appendix.text)
        headings = [*ctx.settings.schedule_headings[:3], "", "", ""][:3]
        grid = base.GridTable(document, widths(document, (0.07, 0.48, 0.18, 0.27)), base.CELL)
        grid.row(["№ п/п", *headings], header=True)
        for n, entry in enumerate(appendix.schedule, 1):
            grid.row([str(n), entry.topic, entry.date_text, entry.responsible],
                     centered=[True, False, True, False])
    else:
        if txt(appendix.title):
            title(document, txt(appendix.title))
        text_lines(document, appendix.text)


def working_group(document: Document, appendix: OrderAppendix) -> None:
    """«Состав рабочей группы»: № п/п, name, position, role."""
    title(document, txt(appendix.title) or "Состав рабочей группы")
    grid = base.GridTable(document, widths(document, (0.07, 0.3, 0.43, 0.2)), base.CELL)
    grid.row(WORKING_GROUP_HEADINGS, header=True)
    for n, member in enumerate(appendix.members, 1):
        grid.row([str(n), member.name, member.job_title, member.role], centered=[True])


def text_lines(document: Document, text: str | None) -> None:
    for line in txt(text).splitlines():
        if line.strip():
            base.para(document, line.strip(), base.APPENDIX_TEXT)
