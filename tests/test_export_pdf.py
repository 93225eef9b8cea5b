"""The demo order as a PDF, checked the way order-format.md says a test can check it."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.errors import UserError
from desktop.export.pdf_order import export_order_pdf
from desktop.export.pdf_settings import OrderPdfSettings, appendix_page, order_page
from desktop.export.pdf_table import column_widths
from desktop.export.pdf_text import NBSP, format_order_date, typeset
from desktop.models import Order, Roadmap
from desktop.models.columns import Field
from tests.test_export_pdf_support import (
    MM,
    TOL,
    Page,
    column_stream,
    demo_database,
    fonts,
    norm,
    open_db,
    page_sizes,
    page_texts,
    word_boxes,
)

SETTINGS = OrderPdfSettings()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The demo database, its order exported once, and what the checks compare with."""
    folder = tmp_path_factory.mktemp("demo_order")
    db_path = demo_database(folder)
    pdf = folder / "order.pdf"
    database = open_db(db_path)
    with database.session() as session:
        order = session.get(Order, 1)
        roadmap = session.get(Roadmap, 1)
        assert export_order_pdf(session, order.id, pdf) == pdf
        facts = {
            "title": order.title,
            "points": [p.text for p in order.points],
            "activities": [i.activity for i in roadmap.all_items()],
            "headings": [c.heading for c in roadmap.columns],
            "columns": roadmap.columns,
            "roadmap_title": roadmap.title,
        }
    database.close()
    return {"db": db_path, "pdf": pdf, **facts}


def activity_column(pdf: Path, columns: tuple, settings: OrderPdfSettings = SETTINGS) -> str:
    """The text of the activity column on the landscape pages, header rows left out."""
    box = appendix_page(settings)
    widths = column_widths(columns, box.frame_width)
    index = [c.field for c in columns].index(Field.ACTIVITY)
    x_from = box.left + sum(widths[:index])
    heading = columns[index].heading.split()[0]
    pages = [p for p in word_boxes(pdf) if p.width > p.height]
    return norm(column_stream(pages, x_from, x_from + widths[index], heading))


def _order_pages(pages: list[Page]) -> list[int]:
    return [i for i, p in enumerate(pages) if p.width < p.height]


def test_pdf_modules_do_not_import_qt() -> None:
    code = ("import sys, desktop.export.pdf_order, desktop.export.pdf_roadmap, "
            "desktop.services.orders, desktop.commands.export_order; "
            "assert 'PySide6' not in sys.modules, 'PySide6 imported'")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=Path(__file__).resolve().parent.parent)
    assert result.returncode == 0, result.stderr


def test_only_embedded_liberation_fonts(demo: dict) -> None:
    listed = fonts(demo["pdf"])
    assert listed, "pdffonts lists no font"
    assert all(emb == "yes" for _, emb in listed), listed
    assert not any("Helvetica" in name for name, _ in listed), listed
    assert all("LiberationSerif" in name for name, _ in listed), listed


def test_cyrillic_text_comes_back_exactly(demo: dict) -> None:
    text = norm("".join(page_texts(demo["pdf"])))
    assert norm(demo["title"]) in text
    assert norm(demo["roadmap_title"]) in text
    for point in demo["points"]:
        assert norm(point) in text, point
    stream = activity_column(demo["pdf"], demo["columns"])
    missing = [a for a in demo["activities"] if norm(a) not in stream]
    assert not missing, missing
    assert "приказываю:" in text
    assert norm("Т.Н. Веретенникова") in text


def test_page_sizes_portrait_order_then_landscape_appendix(demo: dict) -> None:
    sizes = page_sizes(demo["pdf"])
    assert sizes[0] == (595, 842)
    first_landscape = next(i for i, s in enumerate(sizes) if s == (842, 595))
    assert all(s == (595, 842) for s in sizes[:first_landscape])
    assert all(s == (842, 595) for s in sizes[first_landscape:])
    assert len(sizes) - first_landscape >= 2, "the demo roadmap fills more than one page"


def test_no_text_outside_the_margins(demo: dict) -> None:
    pages = word_boxes(demo["pdf"])
    for number, page in enumerate(pages, 1):
        box = order_page(SETTINGS) if page.width < page.height else appendix_page(SETTINGS)
        for word in page.words:
            if number > 1 and word.y1 <= box.top and word.text == str(number):
                continue  # the page number, checked below
            assert word.x0 >= box.left - TOL, (number, word)
            assert word.x1 <= box.width - box.right + TOL, (number, word)
            assert word.y0 >= box.top - TOL, (number, word)
            assert word.y1 <= box.height - box.bottom + TOL, (number, word)


def test_prikaz_centred(demo: dict) -> None:
    page = word_boxes(demo["pdf"])[0]
    prikaz = [w for w in page.words if w.text == "ПРИКАЗ"]
    assert len(prikaz) == 1
    assert abs(prikaz[0].cx - order_page(SETTINGS).center_x) <= 2 * MM


def test_page_numbers_from_page_two_centred_in_top_margin(demo: dict) -> None:
    pages = word_boxes(demo["pdf"])
    box = order_page(SETTINGS)
    assert not [w for w in pages[0].words if w.y1 <= box.top], "page 1 must carry no number"
    for number, page in enumerate(pages[1:], 2):
        page_box = appendix_page(SETTINGS) if page.width > page.height else box
        top = [w for w in page.words if w.y1 <= page_box.top]
        assert [w.text for w in top] == [str(number)], (number, top)
        assert top[0].y0 >= 10 * MM
        assert abs(top[0].cx - page_box.center_x) <= 2 * MM


def table_pages(pdf: Path, landscape: tuple[int, int] = (842, 595)) -> list[str]:
    """Normalised text of the landscape pages that carry table rows.

    The table ends where «Принятые сокращения» begins; the page holding them
    counts only if something besides its page number precedes them.
    """
    pages = []
    for text, size in zip(page_texts(pdf), page_sizes(pdf), strict=True):
        if size != landscape:
            continue
        flat = norm(text)
        if "Принятыесокращения" in flat:
            before = flat.split("Принятыесокращения")[0].lstrip("0123456789")
            if before:
                pages.append(before)
            break
        pages.append(flat)
    return pages


def test_header_row_on_every_appendix_page(demo: dict) -> None:
    pages = table_pages(demo["pdf"])
    assert len(pages) >= 2
    for text in pages:
        for heading in demo["headings"]:
            assert norm(heading) in text, heading


def test_requisites_layout(demo: dict) -> None:
    page = word_boxes(demo["pdf"])[0]
    box = order_page(SETTINGS)
    date = next(w for w in page.words if w.text == "28.01.2026")
    number = next(w for w in page.words if w.text == "12/1")
    assert abs(date.y0 - number.y0) < 1, "date and number on one line"
    assert abs(date.x0 - box.left) < 1, "date at the left margin"
    assert abs(number.x1 - (box.width - box.right)) < 1, "number at the right margin"
    sign = next(w for w in page.words if w.text == "№")
    assert abs(sign.y0 - number.y0) < 1
    title = [w for w in page.words if w.y0 > date.y1 + 20 and w.y0 < date.y1 + 140]
    assert max(w.x1 for w in title) - box.left <= 80 * MM + TOL, "title lines ≤ 8 cm"


def test_signature_level_with_last_line_and_executor_bottom_left(demo: dict) -> None:
    pages = word_boxes(demo["pdf"])
    last = pages[_order_pages(pages)[-1]]
    box = order_page(SETTINGS)
    name = next(w for w in last.words if w.text == "Веретенникова")
    position = [w for w in last.words if w.x1 < box.center_x and abs(w.y1 - name.y1) < 1]
    assert position, "the name is level with the last line of the position"
    assert abs(name.x1 - (box.width - box.right)) < 1
    executor = next(w for w in last.words if w.text == "Ёлкина" and w.y0 > name.y1)
    assert abs(executor.x0 - box.left) < 1
    assert box.height - box.bottom - executor.y1 < 20 * MM, "executor mark at the page bottom"
    assert executor.y1 - executor.y0 < 14, "executor mark smaller than the 14 pt body"


def test_appendix_mark_top_right(demo: dict) -> None:
    pages = word_boxes(demo["pdf"])
    first = pages[_order_pages(pages)[-1] + 1]
    mark = next(w for w in first.words if w.text == "Приложение")
    assert mark.x0 > first.width / 2
    text = " ".join(w.text for w in first.words)
    assert "к приказу УО Краснолесского района от 28.01.2026 № 12/1" in text


def test_draft_without_number_prints_proekt(demo: dict, tmp_path: Path) -> None:
    database = open_db(demo["db"])
    try:
        with database.session() as session:
            order = session.get(Order, 1)
            order.number = ""
            session.flush()
            pdf = export_order_pdf(session, 1, tmp_path / "draft.pdf")
            session.rollback()
    finally:
        database.close()
    first = page_texts(pdf)[0]
    assert "ПРОЕКТ" in first
    assert "№ ________" in first.replace(NBSP, " ")


def test_settings_words_caps_a3_restart(demo: dict, tmp_path: Path) -> None:
    settings = dataclasses.replace(SETTINGS, date_style="words", order_word="caps",
                                   title_centered=True, appendix_paper="A3",
                                   restart_appendix_numbering=True, left_margin_mm=25)
    database = open_db(demo["db"])
    try:
        with database.session() as session:
            pdf = export_order_pdf(session, 1, tmp_path / "s.pdf", settings=settings.to_mapping())
    finally:
        database.close()
    texts = page_texts(pdf)
    assert "28 января 2026 г." in texts[0].replace(NBSP, " ")
    assert "ПРИКАЗЫВАЮ:" in texts[0]
    sizes = page_sizes(pdf)
    assert sizes[0] == (595, 842) and sizes[-1] == (1191, 842)
    pages = word_boxes(pdf)
    first_appendix = next(i for i, s in enumerate(sizes) if s == (1191, 842))
    a3 = appendix_page(settings)
    assert not [w for w in pages[first_appendix].words if w.y1 <= a3.top], "numbering restarts"
    if len(pages) > first_appendix + 1:
        top = [w.text for w in pages[first_appendix + 1].words if w.y1 <= a3.top]
        assert top == ["2"]
    assert min(w.x0 for w in pages[0].words) >= 25 * MM - TOL


def test_order_settings_merge_ignores_bad_values() -> None:
    merged = OrderPdfSettings().merged({"date_style": "roman", "left_margin_mm": "x",
                                        "order_word": "caps", "unknown": 1})
    assert merged.date_style == "numeric" and merged.left_margin_mm == 30
    assert merged.order_word == "caps"


def test_no_break_spaces() -> None:
    assert typeset("Т.Н. Веретенникова") == f"Т.Н.{NBSP}Веретенникова"
    assert typeset("приказ № 28/1") == f"приказ №{NBSP}28/1"
    assert typeset("Иванов И.И. и др.") == f"Иванов{NBSP}И.И. и др."
    assert typeset("от 13 января 2023 г.") == f"от 13{NBSP}января{NBSP}2023{NBSP}г."
    import datetime as dt
    assert format_order_date(dt.date(2023, 1, 13), "numeric") == "13.01.2023"
    assert format_order_date(dt.date(2023, 1, 3), "words") == f"3{NBSP}января{NBSP}2023{NBSP}г."


def test_unknown_order_is_a_user_error(demo: dict, tmp_path: Path) -> None:
    database = open_db(demo["db"])
    try:
        with database.session() as session, pytest.raises(UserError, match="не найден"):
            export_order_pdf(session, 999, tmp_path / "x.pdf")
    finally:
        database.close()
    assert not (tmp_path / "x.pdf").exists()
