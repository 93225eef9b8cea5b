"""The report PDF keeps every heading on the page of its table's header row, wherever the page
breaks fall, and its item tables have one deadline column (issue 23, point 8: «Исполнение по
школам» at the foot of page 2 with its table on page 3; «Срок» and «Сроки» side by side)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.units import cm
from reportlab.platypus import SimpleDocTemplate, Spacer

from desktop.export import report_pdf
from desktop.export.report_tables import ReportTable, report_tables
from desktop.services.report import Report, build_report
from tests.test_export_pdf_support import run_tool


def _pages(pdf: Path) -> list[list[str]]:
    """Each page's non-blank lines (pdftotext -layout ends each page with a form feed)."""
    text = run_tool("pdftotext", "-layout", str(pdf), "-")
    return [[line.strip() for line in page.splitlines() if line.strip()]
            for page in text.split("\f")[:-1]]


def _report(db, day: dt.date) -> Report:
    with db.session() as s:
        return build_report(s, 1, day)


def _check_headings(pages: list[list[str]], tables: list[ReportTable]) -> None:
    """The first time each table's title appears, the next line on that page is its header
    row (or «нет» for an empty table)."""
    for table in tables:
        where = [(n, i) for n, lines in enumerate(pages) for i, line in enumerate(lines)
                 if line == table.title]
        assert where, table.title
        page, line = where[0]
        following = pages[page][line + 1] if line + 1 < len(pages[page]) else ""
        if table.rows:
            words = following.split()
            assert words[:1] == table.headings[0].split()[:1], (table.title, page + 1, following)
            assert table.headings[1].split()[0] in words, (table.title, page + 1, following)
        else:
            assert following == "нет", (table.title, page + 1, following)


def test_headings_stay_with_their_tables_wherever_the_page_breaks(demo_db, tmp_path: Path,
                                                                   monkeypatch) -> None:
    report = _report(demo_db, dt.date(2026, 6, 30))  # empty tables too: «Просрочено» — «нет»
    tables = report_tables(report)
    assert any(not t.rows for t in tables) and any(t.rows for t in tables)
    story = report_pdf.report_story
    # push everything down a little more each time (a page's frame is 17.6 cm high), so that
    # every heading meets a page's foot
    for step in range(0, 44):
        offset = step * 0.4 * cm
        monkeypatch.setattr(report_pdf, "report_story",
                            lambda r, offset=offset: [Spacer(1, offset), *story(r)])
        pdf = report_pdf.write_report_pdf(report, tmp_path / f"отчёт-{step}.pdf")
        _check_headings(_pages(pdf), tables)


def test_the_item_tables_have_one_deadline_column(demo_db, tmp_path: Path) -> None:
    day = dt.date(2026, 12, 6)
    report = _report(demo_db, day)
    assert report.overdue and report.not_done and report.upcoming
    pdf = report_pdf.write_report_pdf(report, tmp_path / "отчёт.pdf")
    lines = [line for page in _pages(pdf) for line in page]
    for title in ("Просрочено", f"Не выполнено к {day:%d.%m.%Y} (срок наступил)",
                  "Срок в ближайшие 14 дней"):
        header = lines[lines.index(title) + 1].split()
        assert header[:2] == ["№", "Мероприятие"], header
        assert [w for w in header if w.startswith("Срок")] == ["Срок"], header
    # an overdue weekly item: its text as typed, then the date that makes it overdue
    overdue = next(t for t in report_tables(report) if t.title == "Просрочено")
    line = next(ln for ln in report.overdue if ln.deadline_text.startswith("сентябрь"))
    row = next(r for r in overdue.rows if r[0] == line.number)
    assert row[2] == f"{line.deadline_text}\nпоследний срок: {line.due[-1]:%d.%m.%Y}"
    assert row[4] == (day - line.due[-1]).days
    text = " ".join(run_tool("pdftotext", str(pdf), "-").split())
    assert f"последний срок: {line.due[-1]:%d.%m.%Y}" in text


def test_an_empty_tables_heading_keeps_its_nil(tmp_path: Path) -> None:
    """«Просрочено» and its «нет» never part at a page's foot."""
    empty = ReportTable("Просрочено", ("№", "Мероприятие"), (1, 5), [])
    styles = report_pdf.report_styles()
    width = report_pdf.PAGE[0] - 2 * report_pdf.MARGIN
    frame = report_pdf.PAGE[1] - 2 * report_pdf.MARGIN - 12  # the frame's own padding
    for room in range(4, 44, 2):  # the space left under the filler, in points
        pdf = tmp_path / f"нет-{room}.pdf"
        doc = SimpleDocTemplate(str(pdf), pagesize=report_pdf.PAGE,
                                leftMargin=report_pdf.MARGIN, rightMargin=report_pdf.MARGIN,
                                topMargin=report_pdf.MARGIN, bottomMargin=report_pdf.MARGIN)
        doc.build([Spacer(1, frame - room), *report_pdf.table_flowables(empty, styles, width)])
        pages = _pages(pdf)
        holder = [n for n, lines in enumerate(pages) if "Просрочено" in lines]
        assert holder and "нет" in pages[holder[0]], (room, pages)
