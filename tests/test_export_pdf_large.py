"""Bad input prints: 500 items, a very long cell, «ё», «№», quotes and dashes."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.export.pdf_order import export_order_pdf
from desktop.export.pdf_settings import OrderPdfSettings, appendix_page, order_page
from desktop.models import AppendixKind, Order, OrderAppendix
from tests.test_export_pdf import activity_column, table_pages
from tests.test_export_pdf_support import (
    LONG_CELL,
    TOL,
    add_big_roadmap,
    demo_database,
    fonts,
    norm,
    open_db,
    page_sizes,
    page_texts,
    word_boxes,
)


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> dict:
    folder = tmp_path_factory.mktemp("big_order")
    database = open_db(demo_database(folder))
    pdf = folder / "big.pdf"
    with database.session() as session:
        roadmap = add_big_roadmap(session, 500)
        order = session.get(Order, 1)
        order.title = "О плане-графике «Ёлочка» — № 2 (с изменениями от 08.08.2026 г.)"
        order.appendices = [OrderAppendix(position=0, kind=AppendixKind.ROADMAP,
                                          roadmap_id=roadmap.id, title=roadmap.title)]
        session.flush()
        export_order_pdf(session, order.id, pdf)
        facts = {"activities": [i.activity for i in roadmap.all_items()],
                 "columns": roadmap.columns, "title": order.title}
    database.close()
    return {"pdf": pdf, **facts}


def test_fonts_embedded(big: dict) -> None:
    listed = fonts(big["pdf"])
    assert listed and all(emb == "yes" for _, emb in listed)
    assert not any("Helvetica" in name for name, _ in listed)


def test_every_activity_and_long_cell_come_back(big: dict) -> None:
    assert len(big["activities"]) == 500
    stream = activity_column(big["pdf"], big["columns"])
    missing = [a for a in big["activities"] if norm(a) not in stream]
    assert not missing, missing[:5]
    whole = norm("".join(page_texts(big["pdf"])))
    assert norm(big["title"].rstrip(".")) in whole
    # the long cell may break across pages: check its words are all there
    assert whole.count("ёлочка") >= LONG_CELL.count("ёлочка")


def test_sizes_margins_and_headers(big: dict) -> None:
    sizes = page_sizes(big["pdf"])
    assert sizes[0] == (595, 842)
    assert sizes.count((842, 595)) >= 15
    settings = OrderPdfSettings()
    for number, page in enumerate(word_boxes(big["pdf"]), 1):
        box = order_page(settings) if page.width < page.height else appendix_page(settings)
        for word in page.words:
            if word.y1 <= box.top and word.text == str(number):
                continue
            assert box.left - TOL <= word.x0 and word.x1 <= box.width - box.right + TOL, word
            assert box.top - TOL <= word.y0 and word.y1 <= box.height - box.bottom + TOL, word
    pages = table_pages(big["pdf"])
    headings = [norm(c.heading) for c in big["columns"]]
    for text in pages:
        assert all(h in text for h in headings)


def test_no_half_empty_pages(big: dict) -> None:
    """Rows break across pages: no table page (but the last) is left mostly empty."""
    pages = [p for p in word_boxes(big["pdf"]) if p.width > p.height]
    box = appendix_page(OrderPdfSettings())
    for page in pages[1:-2]:
        lowest = max(w.y1 for w in page.words)
        assert box.height - box.bottom - lowest < 60, lowest


def test_roadmap_export_writes_atomically(big: dict, tmp_path: Path) -> None:
    assert not list(big["pdf"].parent.glob(".big-*"))


def test_header_row_once_per_table_page(big: dict) -> None:
    """Pieces of the table never repeat the header in the middle of a page."""
    last = norm(big["columns"][-1].heading.split()[0])
    pages = [p for p in word_boxes(big["pdf"]) if p.width > p.height]
    x0 = next(w.x0 for w in pages[0].words if w.text == last)  # centred in the header cell
    counts = [sum(w.text == last and abs(w.x0 - x0) < 1 for w in page.words) for page in pages]
    assert all(c <= 1 for c in counts), counts
    assert counts.count(1) >= 15
