"""The parts of an order's first pages: requisites, title, text, points, signature, approvals.

Each function returns flowables for one requisite of ГОСТ Р 7.0.97 (see
``order-format.md``); :mod:`desktop.export.pdf_order` puts them in order.
"""

from __future__ import annotations

from collections.abc import Iterable

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from desktop.export.pdf_blocks import AtPageBottom, layout_row, layout_rows
from desktop.export.pdf_settings import OrderPdfSettings
from desktop.export.pdf_styles import OrderStyles
from desktop.export.pdf_text import (
    NBSP,
    escape,
    format_order_date,
    markup,
    name_markup,
    number_text,
    spaced,
    txt,
)
from desktop.models import Authority, Order, OrderApproval, OrderPoint
from desktop.models.enums import ApprovalKind, label
from desktop.services.order_requisites import order_requisites

#: letters of the 4th level of points: а) б) в) … (ё, й, ъ, ы, ь are not used)
POINT_LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"
ORDER_WORD = "приказываю:"


def is_draft(order: Order) -> bool:
    """An order without a number or a date prints as a draft («ПРОЕКТ»)."""
    return not (order.number or "").strip() or order.date is None


def requisites(order: Order, authority: Authority, settings: OrderPdfSettings,
               styles: OrderStyles, width: float) -> list[Flowable]:
    """Authority, «ПРИКАЗ», date and number on one line, place of issue, title."""
    story: list[Flowable] = []
    printed = order_requisites(order, authority)
    if is_draft(order):
        story.append(Paragraph("ПРОЕКТ", styles.draft))
    if printed.parent:
        story.append(Paragraph(_lines(printed.parent), styles.requisite))
    story.append(Paragraph(_lines(printed.authority) or " ", styles.requisite_bold))
    if printed.short:
        story.append(Paragraph(markup(f"({printed.short})"), styles.requisite))
    story.append(Paragraph(escape(printed.kind), styles.heading))
    date = order_date_line(order, settings)
    story.append(layout_row(
        [Paragraph(escape(date), styles.date_left),
         Paragraph(escape(number_text(order.number or "")), styles.number_right)],
        [width / 2, width / 2],
    ))
    if printed.place:
        story.append(Paragraph(markup(printed.place), styles.requisite))
    story.append(Spacer(1, 10 * mm))
    story.append(Paragraph(markup(order_title(order)), styles.title))
    story.append(Spacer(1, 8 * mm))
    return story


def _lines(text: str) -> str:
    """A requisite typed on several lines prints on those lines."""
    return "<br/>".join(markup(line.strip()) for line in text.splitlines() if line.strip())


def order_date_line(order: Order, settings: OrderPdfSettings) -> str:
    """The date of the requisites' line: «28.01.2026», «28 января 2026 г.», «от 28.01.2026»,
    or a blank to fill in by hand."""
    date = format_order_date(order.date, settings.date_style, blank="_______________")
    return f"от{NBSP}{date}" if settings.date_with_ot else date


def approval_lines(approval: OrderApproval, settings: OrderPdfSettings) -> tuple[str, str | None]:
    """An approval's signature line («____________» or nothing) and its date (a date, a blank
    to fill in, or None): only what the block asks for."""
    line = "____________" if approval.signature_line else ""
    if approval.date is None and not approval.date_line:
        return line, None
    return line, format_order_date(approval.date, settings.date_style)


def order_title(order: Order) -> str:
    """The title as printed: no full stop at the end (ГОСТ Р 7.0.97)."""
    return (order.title or "").strip().rstrip(".").rstrip() or "О…"


def text_paragraphs(text: str | None, style: object) -> list[Flowable]:
    """One justified paragraph per non-empty line of ``text``."""
    return [Paragraph(markup(line), style) for line in txt(text).splitlines() if line.strip()]


def order_word(settings: OrderPdfSettings, styles: OrderStyles) -> Paragraph:
    word = ORDER_WORD.upper() if settings.order_word == "caps" else spaced(ORDER_WORD)
    return Paragraph(word, styles.order_word)


def point_label(level: int, path: tuple[int, ...]) -> str:
    """«1.», «1.1.», «1)», «а)» for levels 0–3 (deeper levels reuse the letters)."""
    if level == 0:
        return f"{path[0]}."
    if level == 1:
        return f"{path[0]}.{path[1]}."
    if level == 2:
        return f"{path[2]})"
    return f"{POINT_LETTERS[(path[-1] - 1) % len(POINT_LETTERS)]})"


def points(order: Order, styles: OrderStyles) -> list[Flowable]:
    """The numbered points, depth-first, each a justified paragraph with its number."""
    story: list[Flowable] = []

    def walk(items: Iterable[OrderPoint], level: int, path: tuple[int, ...]) -> None:
        for n, point in enumerate(items, 1):
            here = (*path, n)
            text = markup(txt(point.text))
            story.append(Paragraph(f"{point_label(level, here)} {text}", styles.body))
            walk(point.children, level + 1, here)

    walk(order.top_points(), 0, ())
    return story


def signature(order: Order, styles: OrderStyles, width: float,
              last_text: Flowable | None = None) -> Flowable:
    """Position at the left, «И.О. Фамилия» at the right on the level of its last line.

    The block is kept on one page with ``last_text`` (the last paragraph of the
    text): a signature never stands alone on a page.
    """
    table = layout_row(
        [Paragraph(markup(order.signatory_position or ""), styles.signature_left),
         Paragraph(name_markup(order.signatory_name), styles.signature_right)],
        [width * 0.6, width * 0.4],
    )
    lead = [] if last_text is None else [last_text]
    return KeepTogether([*lead, Spacer(1, 2 * 14 * 1.15), table])


def approvals(order: Order, settings: OrderPdfSettings, styles: OrderStyles,
              width: float) -> list[Flowable]:
    """The «Проект внесен» and «СОГЛАСОВАНО» blocks as the order has them: position, name,
    and a signature line and date only where the block asks for them."""
    story: list[Flowable] = []
    for kind in (ApprovalKind.SUBMITTED, ApprovalKind.AGREED):
        group = [a for a in order.approvals if a.kind is kind]
        if not group:
            continue
        rows: list[list[object]] = [[Paragraph(f"{label(kind)}:", styles.small), "", ""]]
        for approval in group:
            rows.extend(_approval_rows(approval, settings, styles))
        story.append(Spacer(1, 8 * mm))
        story.append(KeepTogether(layout_rows(rows, [width * 0.5, width * 0.22, width * 0.28],
                                              valign="BOTTOM")))
    return story


def _approval_rows(approval: OrderApproval, settings: OrderPdfSettings,
                   styles: OrderStyles) -> list[list[object]]:
    """Position, (signature line), name; then the date, or a blank for it, when the block
    asks for one. Nothing is printed that the block does not have."""
    line, date = approval_lines(approval, settings)
    rows: list[list[object]] = [
        [Paragraph(markup(approval.person_position), styles.small),
         Paragraph(line, styles.small) if line else "",
         Paragraph(name_markup(approval.person_name), styles.small_right)]]
    if date is not None:
        rows.append([Paragraph(escape(date), styles.small), "", ""])
    rows.append([Spacer(1, 4 * mm), "", ""])
    return rows


def executor_mark(order: Order, styles: OrderStyles) -> list[Flowable]:
    """Executor's name and phone at the bottom left of the order's last page (11 pt)."""
    lines = [s.strip() for s in (order.executor_name, order.executor_phone) if s and s.strip()]
    if not lines:
        return []
    content = Paragraph("<br/>".join(markup(s) for s in lines), styles.executor)
    return [AtPageBottom(content)]
