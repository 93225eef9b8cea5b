"""PDF pages as images for the preview and for printing, through pypdfium2 (Google's PDFium).

Qt's own PDF module is not part of PySide6-Essentials, so the pages are
rasterised by PDFium and wrapped in a :class:`QImage`. PDFium is not
thread-safe: call these functions from one thread (the GUI thread).
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from PySide6.QtGui import QImage

from desktop.errors import UserError

#: PDF canvas units per inch
POINTS_PER_INCH = 72.0


def _open(path: Path | str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(path))
    except (pdfium.PdfiumError, OSError) as exc:
        raise UserError(f"Не удалось открыть PDF «{Path(path).name}»: {exc}") from exc


def page_count(path: Path | str) -> int:
    """The number of pages of the PDF at ``path``."""
    document = _open(path)
    try:
        return len(document)
    finally:
        document.close()


def page_sizes(path: Path | str) -> list[tuple[float, float]]:
    """``(width, height)`` of every page in points (1/72 inch)."""
    document = _open(path)
    try:
        return [tuple(document[i].get_size()) for i in range(len(document))]  # type: ignore[misc]
    finally:
        document.close()


def render_page(path: Path | str, index: int, dpi: float = 96.0) -> QImage:
    """Page ``index`` (from 0) rendered at ``dpi`` on white, as a detached RGB QImage."""
    document = _open(path)
    try:
        if not 0 <= index < len(document):
            raise UserError(f"В PDF нет страницы {index + 1}")
        page = document[index]
        bitmap = page.render(scale=dpi / POINTS_PER_INCH, rev_byteorder=True, prefer_bgrx=True,
                             fill_color=(255, 255, 255, 255))
        image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                       QImage.Format.Format_RGBX8888)
        # the QImage only borrows PDFium's buffer: copy it before the bitmap is freed
        return image.copy()
    finally:
        document.close()
