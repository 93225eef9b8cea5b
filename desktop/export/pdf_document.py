"""The document frame: portrait order pages, landscape appendix pages, page numbers, writing.

One :class:`~reportlab.platypus.BaseDocTemplate` holds two page templates:
``order`` (portrait A4, the order's margins) and ``appendix`` (landscape A4 or
A3); the flow switches with ``NextPageTemplate("appendix")`` + ``PageBreak``.
Page numbers are drawn from the 2nd page on, centred over the text block in
the top margin, 15 mm from the top edge; numbering continues through the
appendix unless the settings restart it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from desktop.atomic import atomic_output
from desktop.export.pdf_fonts import REGULAR, register_fonts
from desktop.export.pdf_settings import OrderPdfSettings, PageBox, appendix_page, order_page

#: ``progress(done, total)``: pages laid out so far and an estimate of all pages
Progress = Callable[[int, int], None]

PAGE_NUMBER_SIZE = 12.0
#: the page number's baseline, from the top edge: its glyphs start ≥ 10 mm from the edge
PAGE_NUMBER_BASELINE_MM = 15.0
PRODUCER = "«Дорожная карта»"


def _frame(box: PageBox, frame_id: str) -> Frame:
    return Frame(box.left, box.bottom, box.frame_width, box.frame_height, id=frame_id,
                 leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)


class OrderDocument(BaseDocTemplate):
    """A PDF of portrait ``order`` pages and landscape ``appendix`` pages."""

    def __init__(self, filename: str, settings: OrderPdfSettings, *, title: str,
                 start_landscape: bool = False, estimated_pages: int = 1,
                 progress: Progress | None = None) -> None:
        font = register_fonts()
        self.settings = settings
        self.order_box = order_page(settings)
        self.appendix_box = appendix_page(settings)
        self.appendix_offset: int | None = None
        self.estimated_pages = max(estimated_pages, 1)
        self.progress = progress
        first = self.appendix_box if start_landscape else self.order_box
        super().__init__(
            filename, pagesize=(first.width, first.height), title=title, author="",
            creator=PRODUCER, producer=PRODUCER, initialFontName=font,
            initialFontSize=12, leftMargin=first.left, rightMargin=first.right,
            topMargin=first.top, bottomMargin=first.bottom, allowSplitting=1,
        )
        templates = [
            PageTemplate("order", [_frame(self.order_box, "order")], onPage=self._on_order_page,
                         pagesize=(self.order_box.width, self.order_box.height)),
            PageTemplate("appendix", [_frame(self.appendix_box, "appendix")],
                         onPage=self._on_appendix_page,
                         pagesize=(self.appendix_box.width, self.appendix_box.height)),
        ]
        if start_landscape:
            templates.reverse()
        self.addPageTemplates(templates)

    # page decoration -------------------------------------------------------------
    def _on_order_page(self, canvas: Canvas, _doc: Any) -> None:
        self._draw_page_number(canvas, self.order_box, canvas.getPageNumber())

    def _on_appendix_page(self, canvas: Canvas, _doc: Any) -> None:
        page = canvas.getPageNumber()
        if self.appendix_offset is None:
            self.appendix_offset = page - 1 if self.settings.restart_appendix_numbering else 0
        self._draw_page_number(canvas, self.appendix_box, page - self.appendix_offset)

    def _draw_page_number(self, canvas: Canvas, box: PageBox, number: int) -> None:
        if self.progress is not None:
            page = canvas.getPageNumber()
            self.progress(page, max(self.estimated_pages, page))
        if number < 2:
            return
        canvas.saveState()
        canvas.setFont(REGULAR, PAGE_NUMBER_SIZE)
        canvas.drawCentredString(box.center_x, box.height - PAGE_NUMBER_BASELINE_MM * 72 / 25.4,
                                 str(number))
        canvas.restoreState()


def write_pdf(target: Path | str, story: Sequence[Flowable], settings: OrderPdfSettings, *,
              title: str, start_landscape: bool = False, estimated_pages: int = 1,
              progress: Progress | None = None) -> Path:
    """Lay out ``story`` and write it to ``target`` atomically; returns the target path."""
    target = Path(target)
    with atomic_output(target) as tmp:
        doc = OrderDocument(str(tmp), settings, title=title, start_landscape=start_landscape,
                            estimated_pages=estimated_pages, progress=progress)
        doc.build(list(story))
    if progress is not None:
        progress(doc.page, doc.page)
    return target
