"""The paged grid: one header per page, a cell taller than a page, plain-text cells."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import Paragraph, SimpleDocTemplate

from desktop.export.pdf_fonts import register_fonts
from desktop.export.pdf_grid import CellParagraph, PagedGrid, cell_paragraph
from desktop.export.pdf_styles import appendix_styles
from desktop.export.pdf_table import roadmap_table_flowable
from desktop.export.pdf_text import markup
from desktop.models.columns import Column, Field
from desktop.models.enums import ItemStatus
from desktop.services.table import ItemRow, RoadmapTable, SectionRow
from tests.test_export_pdf_support import norm, page_texts, word_boxes

HEADINGS = ("№ п/п", "Мероприятие", "Срок", "Исполнители")
WORD = "ёлочка"
TALL = " ".join(f"{WORD}{n:04d} длинный текст «ячейки» — № {n}" for n in range(400))


COLUMNS = (Column(Field.NUMBER, HEADINGS[0]), Column(Field.ACTIVITY, HEADINGS[1]),
           Column(Field.DEADLINE, HEADINGS[2]), Column(Field.EXECUTORS, HEADINGS[3]))


def _table(rows: list[ItemRow | SectionRow]) -> RoadmapTable:
    return RoadmapTable(COLUMNS, tuple(rows))


def _item(number: str, activity: str) -> ItemRow:
    return ItemRow(item_id=0, section_id=0, depth=0, cells=(number, activity, "до 01.02.2026", "ЦОКО"),
                   status=ItemStatus.PLANNED, done_date=None, deadline_start=None, deadline_end=None)


def _build(tmp_path: Path, rows: list) -> Path:
    register_fonts()
    pdf = tmp_path / "grid.pdf"
    styles = appendix_styles(10)
    doc = SimpleDocTemplate(str(pdf), pagesize=landscape(A4), leftMargin=40, rightMargin=30,
                            topMargin=50, bottomMargin=50)
    width = landscape(A4)[0] - 70
    doc.build([Paragraph("Заголовок", styles.title), roadmap_table_flowable(_table(rows), styles, width)])
    return pdf


@pytest.fixture(scope="module")
def tall_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rows = [_item(f"1.{n}", f"Событие № {n}") for n in range(1, 6)]
    rows.insert(3, _item("1.99", TALL))
    return _build(tmp_path_factory.mktemp("grid"), rows)


def test_cell_taller_than_a_page_prints_whole_over_several_pages(tall_pdf: Path) -> None:
    texts = [norm(t) for t in page_texts(tall_pdf)]
    assert len(texts) >= 3, "the tall cell needs more than one page"
    found = [int(w.text[len(WORD):len(WORD) + 4]) for page in word_boxes(tall_pdf) for w in page.words
             if w.text.startswith(WORD)]
    assert found == list(range(400)), "every line of the tall cell, in order, once"
    for number in range(1, 6):
        assert any(f"Событие№{number}" in t for t in texts), number


def test_one_header_per_page_and_column_numbers_under_it(tall_pdf: Path) -> None:
    for page in word_boxes(tall_pdf):
        heads = [w for w in page.words if w.text == "Мероприятие"]
        assert len(heads) == 1, "the header row once at the top of every page"
        numbers = sorted((w for w in page.words if w.text in {"1", "2", "3", "4"}
                          and w.y0 > heads[0].y1), key=lambda w: w.y0)
        assert [w.text for w in numbers[:4]] == ["1", "2", "3", "4"]


def test_rows_break_rather_than_leave_most_of_a_page_empty(tall_pdf: Path) -> None:
    first = word_boxes(tall_pdf)[0]
    lowest = max(w.y1 for w in first.words)
    assert first.height - 50 - lowest < 30, "the tall row starts on the first page"


def test_section_rows_span_and_plain_cells(tmp_path: Path) -> None:
    section = SectionRow(section_id=0, number="1", title="Раздел — «ёмкий»")
    rows = [section, *(_item(f"1.{n}", f"Мероприятие № {n} для школ") for n in range(1, 200))]
    pdf = _build(tmp_path, rows)
    text = norm("".join(page_texts(pdf)))
    assert norm("1. Раздел — «ёмкий»") in text
    assert all(norm(f"Мероприятие № {n} для школ") in text for n in range(1, 200))


def test_plain_cell_matches_the_parser() -> None:
    style = appendix_styles(10).cell
    for text in ("a  b\u00a0 c ", "«Ёлочка» — № 2", "x &amp; y", "<b>жирный</b> текст",
                 markup("Т.Н. Иванова, 13 января 2026 г.")):
        fast, parsed = cell_paragraph(text, style), Paragraph(text, style)
        assert [f.__dict__ for f in fast.frags] == [f.__dict__ for f in parsed.frags], text
        assert fast.wrap(80, 500) == parsed.wrap(80, 500)


def test_cell_paragraph_rewraps_only_for_a_new_width() -> None:
    cell = CellParagraph("слово " * 40, appendix_styles(10).cell)
    first = cell.wrap(100, 1000)
    assert cell.wrap(100, 5) == first
    assert cell.wrap(300, 1000)[1] < first[1]
    assert cell.wrap(100, 1000) == first


def test_empty_grid_is_just_the_header(tmp_path: Path) -> None:
    pdf = _build(tmp_path, [])
    assert isinstance(roadmap_table_flowable(_table([]), appendix_styles(10), 500), PagedGrid)
    assert norm("Мероприятие") in norm(page_texts(pdf)[0])


def test_cell_refused_split_lays_its_lines_out_again(tmp_path: Path) -> None:
    """reportlab's Paragraph.split drops the line layout when it refuses (too little room);
    the width cache must not then skip the next wrap (it crashed in draw: no ``blPara``)."""
    from reportlab.pdfgen.canvas import Canvas

    register_fonts()
    style = appendix_styles(11).cell
    cell = cell_paragraph(markup("первый абзац\nвторой абзац " + WORD * 20), style)
    width, height = cell.wrap(200, 1000)
    assert cell.split(200, style.leading * 1.5) == []  # refused: one line would be an orphan
    assert cell.wrap(200, 1000) == (width, height)
    canvas = Canvas(str(tmp_path / "cell.pdf"))
    cell.drawOn(canvas, 20, 400)  # raised AttributeError: no attribute 'blPara'
    canvas.save()
    assert WORD in norm("".join(page_texts(tmp_path / "cell.pdf")))


def test_a_section_heading_never_ends_a_page(tmp_path: Path) -> None:
    """At every page height a section row is followed on its page by a row of its section."""
    register_fonts()
    styles = appendix_styles(10)
    rows: list = []
    for s in range(1, 8):
        rows.append(SectionRow(section_id=s, number=str(s), title=f"Раздел {s}"))
        rows += [_item(f"{s}.{n}", f"Мероприятие {s}.{n} " + "слово " * (n * 7)) for n in range(1, 4)]
    width = landscape(A4)[0] - 70
    checked = 0
    for height in range(60, 520, 3):
        parts = roadmap_table_flowable(_table(rows), styles, width).split(width, height)
        if len(parts) != 2:
            continue
        last = parts[0]._cellvalues[-1]
        first_cell = last[0]
        text = first_cell.text if hasattr(first_cell, "text") else str(first_cell)
        assert "Раздел" not in text, f"a heading ends the page at height {height}"
        checked += 1
    assert checked > 50
