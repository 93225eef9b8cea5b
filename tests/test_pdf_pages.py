"""PDF pages rendered to QImage through pypdfium2: count, sizes, pixels."""

from __future__ import annotations

import pytest
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from desktop.errors import UserError
from desktop.ui.pdf_pages import page_count, page_sizes, render_page


@pytest.fixture
def two_pages(tmp_path):
    path = tmp_path / "two.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.rect(0, 0, 100, 100, fill=1)  # a black square at the bottom left
    pdf.showPage()
    pdf.setPageSize(landscape(A4))
    pdf.showPage()
    pdf.save()
    return path


def test_count_sizes_and_render(qapp, two_pages) -> None:
    assert page_count(two_pages) == 2
    (w1, h1), (w2, h2) = page_sizes(two_pages)
    assert (round(w1), round(h1), round(w2), round(h2)) == (595, 842, 842, 595)
    image = render_page(two_pages, 0, dpi=72)
    assert abs(image.width() - 595) <= 1 and abs(image.height() - 842) <= 1
    assert image.pixelColor(10, image.height() - 10).name() == "#000000"  # inside the square
    assert image.pixelColor(300, 300).name() == "#ffffff"  # white paper, not transparent
    wide = render_page(two_pages, 1, dpi=144)
    assert abs(wide.width() - 1684) <= 1 and abs(wide.height() - 1190) <= 1


def test_errors_are_russian(qapp, tmp_path, two_pages) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"not a pdf")
    with pytest.raises(UserError, match="Не удалось открыть PDF"):
        page_count(broken)
    with pytest.raises(UserError, match="нет страницы 3"):
        render_page(two_pages, 2)
