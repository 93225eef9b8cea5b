"""An order (приказ) as a Word document to finish in Word or LibreOffice.

The same requisites and parts as the PDF (:mod:`desktop.export.pdf_order`,
``order-format.md``): an A4 portrait section for the order, then a landscape
section per appendix with its mark top right. Entry points mirror the PDF's:
:func:`export_order_docx` (a stored order, or an order object that need not be
saved) and :func:`desktop.export.docx_roadmap.export_roadmap_docx`. The file is
written atomically. No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from docx.document import Document
from docx.shared import Mm, Pt
from sqlalchemy.orm import Session

from desktop.atomic import atomic_output
from desktop.errors import UserError
from desktop.export import docx_base as base
from desktop.export.docx_appendix import write_appendix
from desktop.export.pdf_appendix import MarkContext
from desktop.export.pdf_order import (
    SettingsArg,
    _appendix_printable,
    load_authority,
    order_settings,
)
from desktop.export.pdf_order_parts import (
    ORDER_WORD,
    approval_lines,
    is_draft,
    order_date_line,
    order_title,
    point_label,
)
from desktop.export.pdf_settings import OrderPdfSettings
from desktop.export.pdf_text import number_text, spaced, txt
from desktop.models import Authority, Order, OrderPoint
from desktop.models.enums import ApprovalKind, label
from desktop.services.order_requisites import order_requisites

#: ``progress(done, total)``: appendices written so far of all parts of the document
Progress = Callable[[int, int], object]


def export_order_docx(session: Session, order: Order | int, target: Path | str, *,
                      settings: SettingsArg = None, progress: Progress | None = None) -> Path:
    """Write ``order`` (an id or an order object, saved or not) with its appendices to ``target``."""
    if not isinstance(order, Order):
        found = session.get(Order, order)
        if found is None:
            raise UserError(f"Приказ с кодом {order} не найден в базе данных")
        order = found
    resolved = order_settings(order, settings)
    authority = load_authority(session)
    document = base.new_document(order_title(order))
    section = document.sections[0]
    base.setup_page(section, landscape=False, paper="A4", margins_mm=order_margins(resolved))
    base.page_numbers(section)
    write_order(document, order, authority, resolved)
    appendices = [a for a in order.appendices if _appendix_printable(session, a)]
    for index, appendix in enumerate(appendices, 1):
        if progress is not None:
            progress(index, len(appendices) + 1)
        ctx = MarkContext(order, authority, resolved, index, len(appendices))
        write_appendix(document, session, appendix, ctx)
    return save(document, target, progress)


def save(document: Document, target: Path | str, progress: Progress | None = None) -> Path:
    target = Path(target)
    with atomic_output(target) as tmp:
        document.save(str(tmp))
    if progress is not None:
        progress(1, 1)
    return target


def order_margins(settings: OrderPdfSettings) -> tuple[float, float, float, float]:
    return (settings.left_margin_mm, settings.right_margin_mm, settings.top_margin_mm,
            settings.bottom_margin_mm)


def write_order(document: Document, order: Order, authority: Authority,
                settings: OrderPdfSettings) -> None:
    """The order's own pages: requisites to the executor mark."""
    width = base.text_width(document.sections[-1])
    requisites(document, order, authority, settings, width)
    for line in _lines(order.preamble):
        base.para(document, line, base.BODY)
    word = ORDER_WORD.upper() if settings.order_word == "caps" else spaced(ORDER_WORD)
    base.para(document, word, before=6, after=6, keep_next=True)
    _points(document, order.top_points(), 0, ())
    document.paragraphs[-1].paragraph_format.keep_with_next = True  # no signature alone on a page
    signature = base.left_right(document, txt(order.signatory_position), txt(order.signatory_name),
                                width, before=2 * 14 * 1.15)
    signature.paragraph_format.keep_together = True
    approvals(document, order, settings, width)
    executor_mark(document, order)


def requisites(document: Document, order: Order, authority: Authority,
               settings: OrderPdfSettings, width: object) -> None:
    """Authority, «ПРИКАЗ», date and number on one line, place of issue, title."""
    if is_draft(order):
        base.para(document, "ПРОЕКТ", bold=True, align=base.Align.RIGHT)
    printed = order_requisites(order, authority)
    for line in printed.parent.splitlines():
        base.para(document, line.strip(), align=base.Align.CENTER)
    for line in (printed.authority.splitlines() or [""]):
        base.para(document, line.strip(), bold=True, align=base.Align.CENTER)
    if printed.short:
        base.para(document, f"({printed.short})", align=base.Align.CENTER)
    heading = base.para(document, printed.kind, bold=True, align=base.Align.CENTER,
                        before=12, after=12)
    heading.runs[0].font.size = Pt(16)
    date = order_date_line(order, settings)
    base.left_right(document, date, number_text(order.number or ""), width)  # type: ignore[arg-type]
    if printed.place:
        base.para(document, printed.place, align=base.Align.CENTER)
    title = base.para(document, order_title(order), bold=settings.title_bold, before=28, after=22)
    if settings.title_centered:
        title.alignment = base.Align.CENTER
    else:
        title.paragraph_format.right_indent = max(
            int(width) - int(Mm(settings.title_width_mm)), 0)  # type: ignore[call-overload]


def _lines(text: str | None) -> list[str]:
    return [line.strip() for line in txt(text).splitlines() if line.strip()]


def _points(document: Document, items: Iterable[OrderPoint], level: int,
            path: tuple[int, ...]) -> None:
    """The numbered points, depth-first, each a body paragraph starting with its number."""
    for n, point in enumerate(items, 1):
        here = (*path, n)
        base.para(document, f"{point_label(level, here)} {txt(point.text)}", base.BODY)
        _points(document, point.children, level + 1, here)


def approvals(document: Document, order: Order, settings: OrderPdfSettings, width: object) -> None:
    """«Проект внесен» and «СОГЛАСОВАНО» as the order has them: position and name, a
    signature line and a date only where the block asks for them."""
    for kind in (ApprovalKind.SUBMITTED, ApprovalKind.AGREED):
        group = [a for a in order.approvals if a.kind is kind]
        if not group:
            continue
        base.para(document, f"{label(kind)}:", before=24, keep_next=True)
        for approval in group:
            signature, date = approval_lines(approval, settings)
            line = base.left_right(document, txt(approval.person_position),
                                   f"{signature} {txt(approval.person_name)}".strip(),
                                   width, keep_next=True)  # type: ignore[arg-type]
            _small(line)
            if date is not None:
                _small(base.para(document, date, keep_next=approval is not group[-1]))
            line.paragraph_format.space_after = Pt(10 if date is None else 0)


def _small(paragraph: object, size: float = 12) -> None:
    for run in paragraph.runs:  # type: ignore[attr-defined]
        run.font.size = Pt(size)


def executor_mark(document: Document, order: Order) -> None:
    """Executor's name and phone at the bottom left of the order's last page, 11 pt."""
    lines = [txt(s) for s in (order.executor_name, order.executor_phone) if txt(s)]
    if lines:
        mark = base.para(document, "\n".join(lines))
        base.at_page_bottom(mark)
        _small(mark, 11)
