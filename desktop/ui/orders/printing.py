"""Printing a PDF on a QPrinter: each page rendered at 300 dpi, in its own orientation and size.

The order's first pages are portrait A4, its appendix landscape A4 or A3:
the printer's page layout is set per page (before ``newPage()``), and each
page image is scaled to fill the sheet (the PDF already has its margins).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from desktop.errors import UserError
from desktop.ui.pdf_pages import page_sizes, render_page

PRINT_DPI = 300.0


def page_layout(width_pt: float, height_pt: float) -> QPageLayout:
    """A zero-margin layout for a page of ``width_pt`` × ``height_pt`` (A4/A3 when close)."""
    landscape = width_pt > height_pt
    portrait_size = QSizeF(min(width_pt, height_pt), max(width_pt, height_pt))
    size = QPageSize(portrait_size, QPageSize.Unit.Point, "",
                     QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = (QPageLayout.Orientation.Landscape if landscape
                   else QPageLayout.Orientation.Portrait)
    return QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0))


def print_pdf(path: Path, printer: QPrinter, *, dpi: float = PRINT_DPI,
              progress: Callable[[int, int], object] | None = None) -> int:
    """Print every page of ``path`` on ``printer``; returns the number of pages printed."""
    sizes = page_sizes(path)
    if not sizes:
        raise UserError("В PDF нет страниц для печати")
    printer.setFullPage(True)
    printer.setPageLayout(page_layout(*sizes[0]))
    painter = QPainter()
    if not painter.begin(printer):
        raise UserError("Не удалось начать печать: принтер недоступен")
    try:
        for index, size in enumerate(sizes):
            if index:
                printer.setPageLayout(page_layout(*size))
                printer.newPage()
            image = render_page(path, index, dpi)
            target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
            painter.drawImage(target, image)
            if progress is not None:
                progress(index + 1, len(sizes))
    finally:
        painter.end()
    return len(sizes)
