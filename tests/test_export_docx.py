"""The Word copy of the order and its roadmap: read back with python-docx and through LibreOffice.

The roadmap has every part real documents have (passport, basis documents,
justification, goal and tasks under their own headings, target indicators per
school year, closing signature), no sections, and a consultation schedule with
month groups.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from desktop.export.docx_order import export_order_docx
from desktop.export.pdf_table import column_widths
from desktop.export.pdf_text import NBSP
from desktop.models import AppendixKind, OrderAppendix, ScheduleEntry, WorkingGroupMember
from desktop.models.columns import preset
from desktop.models.database import open_database
from tests.test_export_docx_support import (
    ACTIVITIES,
    CLOSING,
    CONSULTATIONS,
    HEADINGS,
    INDICATOR,
    MONTHS,
    PARTS,
    PERIODS,
    add_full_roadmap,
    body_texts,
    texts,
    to_pdf,
)
from tests.test_export_pdf_support import (
    MM,
    TOL,
    Page,
    norm,
    page_sizes,
    page_texts,
    word_boxes,
)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The order of a roadmap without sections and with every part, as .docx and via LibreOffice."""
    folder = tmp_path_factory.mktemp("docx_order")
    database = open_database(folder / "db.sqlite", create=True)
    target = folder / "order.docx"
    with database.session() as session:
        roadmap = add_full_roadmap(session)
        session.commit()
        assert export_order_docx(session, roadmap.approving_order_id, target) == target
        title = roadmap.title
    database.close()
    (pdf,) = to_pdf([target], folder)
    return {"docx": target, "document": docx.Document(str(target)), "pdf": pdf, "title": title}


def _roadmap_table(document):
    return next(t for t in document.tables if texts(t._tbl.tr_lst[0]).startswith("№ п/п"))


def test_docx_modules_do_not_import_qt() -> None:
    code = ("import sys, desktop.export.docx_order, desktop.export.docx_roadmap, "
            "desktop.commands.export_docx; "
            "assert 'PySide6' not in sys.modules, 'PySide6 imported'")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=Path(__file__).resolve().parent.parent)
    assert result.returncode == 0, result.stderr


def test_requisites_in_order_with_no_break_spaces(exported) -> None:
    paragraphs = [p.text for p in exported["document"].paragraphs]
    expected = ["Управление образования администрации района", "(УО района)", "ПРИКАЗ",
                f"13.01.2022\t№{NBSP}28/1", "г. Славянск-на-Кубани",
                "Об утверждении дорожной карты по поддержке школ", "В целях реализации проекта «500+»",
                "п р и к а з ы в а ю:", "1. Утвердить дорожную карту (приложение).",
                "2. Контроль оставляю за собой."]
    found = [paragraphs.index(text) for text in expected]
    assert found == sorted(found), paragraphs[:20]
    signature = next(p for p in paragraphs if p.endswith("К.А. Кузьмин"))
    assert signature == "Начальник управления\nобразования\tК.А. Кузьмин"
    submitted = paragraphs.index("Проект внесен:")
    assert paragraphs[submitted + 1].startswith("Директор МКУО ЦОКО\t") and "И.Н. Хняч" in paragraphs[submitted + 1]
    assert "Ёлкина Дарья Сергеевна\n+7 (391) 555-01-23" in paragraphs
    assert (f"Приложение\nк приказу УО района\nот 13.01.2022 №{NBSP}28/1") in paragraphs


def test_title_is_limited_to_eight_centimetres(exported) -> None:
    document = exported["document"]
    title = next(p for p in document.paragraphs if p.text.startswith("Об утверждении"))
    section = document.sections[0]
    width = section.page_width - section.left_margin - section.right_margin
    assert abs((width - title.paragraph_format.right_indent) - Mm(80)) < Mm(1)
    assert title.runs[0].bold


def test_sections_orientation_margins_and_page_numbers(exported) -> None:
    order, appendix = exported["document"].sections
    assert order.orientation == WD_ORIENT.PORTRAIT
    assert (round(order.page_width.mm), round(order.page_height.mm)) == (210, 297)
    assert [round(m.mm) for m in (order.left_margin, order.right_margin, order.top_margin,
                                  order.bottom_margin)] == [30, 10, 20, 20]
    assert appendix.orientation == WD_ORIENT.LANDSCAPE
    assert (round(appendix.page_width.mm), round(appendix.page_height.mm)) == (297, 210)
    assert order.different_first_page_header_footer
    header = order.header._element
    assert "PAGE" in "".join(t.text for t in header.iter(qn("w:instrText")))
    assert header.find(f".//{qn('w:jc')}").get(qn("w:val")) == "center"
    # numbering continues through the appendix, its first page included
    assert appendix.header.is_linked_to_previous and not appendix.different_first_page_header_footer


def test_fonts_and_body_paragraphs(exported) -> None:
    document = exported["document"]
    styles = document.styles.element
    fonts = styles.find(qn("w:docDefaults")).find(f".//{qn('w:rFonts')}")
    assert {fonts.get(qn(a)) for a in ("w:ascii", "w:hAnsi", "w:cs")} == {"Times New Roman"}
    assert fonts.get(qn("w:asciiTheme")) is None  # a theme font would win over it
    assert document.styles["Normal"].font.name == "Times New Roman"
    assert document.styles["Normal"].font.size == Pt(14)
    point = next(p for p in document.paragraphs if p.text.startswith("1. Утвердить"))
    fmt = point.style.paragraph_format
    assert fmt.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert abs(fmt.first_line_indent - Cm(1.25)) < Mm(0.1)


def test_table_header_and_column_numbers_repeat_and_no_section_row(exported) -> None:
    table = _roadmap_table(exported["document"])
    rows = table._tbl.tr_lst
    repeat = [row.trPr is not None and row.trPr.find(qn("w:tblHeader")) is not None for row in rows]
    assert repeat[:3] == [True, True, False] and not any(repeat[2:])
    columns = len(table.columns)
    assert texts(rows[1]) == "".join(str(n) for n in range(1, columns + 1))
    # a roadmap without sections: every body row is an item row, none spans the table
    body = rows[2:]
    assert len(body) == len(ACTIVITIES)
    assert all(len(row.tc_lst) == columns for row in body)
    assert [texts(row.tc_lst[1]) for row in body] == ACTIVITIES


def test_every_part_in_document_order_under_its_own_heading(exported) -> None:
    flow = "\n".join(body_texts(exported["document"]))
    flow = flow[flow.index(exported["title"]):]  # the appendix (the order names the signatories too)
    markers = [PARTS["passport_problem"], PARTS["passport_working_group"],
               "1. Федеральный закон от 29.12.2012 № 273-ФЗ", "2. Приказ министерства № 15/2",
               PARTS["justification"].splitlines()[0], HEADINGS["goal"], PARTS["goal"],
               HEADINGS["tasks"], "Организовать консультации", ACTIVITIES[-1], INDICATOR[0],
               "не менее 15", CLOSING[0], "График консультаций"]
    found = [flow.find(m) for m in markers]
    assert -1 not in found, [m for m, f in zip(markers, found, strict=True) if f == -1]
    assert found == sorted(found)
    assert "Цель:" not in flow and "Задачи:" not in flow
    indicators = next(t for t in exported["document"].tables if PERIODS[0] in texts(t._tbl))
    assert texts(indicators._tbl.tr_lst[0]).endswith("".join(PERIODS))


def test_closing_signature_and_schedule_with_month_rows(exported) -> None:
    document = exported["document"]
    assert f"{CLOSING[0]}\t{CLOSING[1]}" in [p.text for p in document.paragraphs]
    schedule = next(t for t in document.tables if "Дата проведения" in texts(t._tbl.tr_lst[0]))
    rows = schedule._tbl.tr_lst
    months = [r for r in rows if len(r.tc_lst) == 1]
    assert [texts(r) for r in months] == list(MONTHS)
    assert all(r.tc_lst[0].grid_span == 3 for r in months)
    assert [[texts(tc) for tc in r.tc_lst] for r in rows if len(r.tc_lst) == 3][1:] == [
        list(c) for c in CONSULTATIONS]
    mark = next(p.text for p in document.paragraphs if p.text.startswith("Приложение 2"))
    assert mark == f"Приложение 2\nк дорожной карте\nот 10.01.2022 №{NBSP}5"


def test_libreoffice_reads_it_back(exported) -> None:
    pdf = exported["pdf"]
    sizes = page_sizes(pdf)
    assert sizes[0] == (595, 842)
    assert all(w > h for w, h in sizes[1:]), sizes  # the appendices are landscape
    pages = page_texts(pdf)
    whole = norm("".join(pages))
    for text in (exported["title"], "ПРИКАЗ", "Об утверждении дорожной карты по поддержке школ",
                 *(line for v in PARTS.values() for line in v.splitlines()), INDICATOR[0],
                 *MONTHS, *(c[0] for c in CONSULTATIONS), CLOSING[1]):
        assert norm(text) in whole, text
    # the activity column read by position, below the header repeated on each page
    columns = preset("default")
    left = exported["document"].sections[1].left_margin.pt
    widths = column_widths(columns, (297 - 20 - 10) * MM)
    landscape = [p for p in word_boxes(pdf) if p.width > p.height]
    stream = activity_stream(landscape, left + widths[0], left + widths[0] + widths[1])
    assert norm("".join(ACTIVITIES)) in stream
    assert len(landscape) >= 3
    first = word_boxes(pdf)[0]
    executor = next(w for w in first.words if w.text == "Ёлкина")
    assert executor.y0 > first.height * 0.8  # at the foot of the order's page
    title = [w for w in first.words if w.text in ("Об", "школ")]  # the title's first and last word
    assert max(w.x1 for w in title) <= 30 * MM + 80 * MM + TOL  # the title within 8 cm


def activity_stream(pages: list[Page], x_from: float, x_to: float) -> str:
    """The words of a column below its column number on each page (the number row repeats:
    a page without it fails); a line of a cell may touch the number row's glyph box."""
    parts: list[str] = []
    for page in pages:
        words = [w for w in page.words if x_from - TOL <= w.x0 < x_to]
        if not any(w.text == "Мероприятие" for w in words):
            continue  # the pages after the table (indicators, schedule)
        heads = [w for w in words if w.text == "Мероприятие" and abs(w.cx - (x_from + x_to) / 2) < 5]
        assert heads, "the header row is not repeated on this page"
        number = next(w for w in words if w.text == "2" and w.y0 > heads[0].y1)
        cut = (number.y0 + number.y1) / 2
        body = sorted((w for w in words if w.y0 > cut), key=lambda w: (round(w.y0), w.x0))
        parts.extend(w.text for w in body)
    return norm("".join(parts))
    # the page number: none on the first page, «2» centred on top of the second
    assert not re.match(r"\s*1\s*\n", pages[0])
    assert pages[1].lstrip().split()[0] == "2"


def test_print_settings_apply(tmp_path: Path) -> None:
    """Date in words with no-break spaces, «ПРИКАЗЫВАЮ:», a centred title, A3 appendix pages,
    appendix pages numbered from 1 again."""
    database = open_database(tmp_path / "db.sqlite", create=True)
    target = tmp_path / "order.docx"
    settings = {"date_style": "words", "order_word": "caps", "title_centered": True,
                "appendix_paper": "A3", "restart_appendix_numbering": True, "left_margin_mm": 25}
    with database.session() as session:
        roadmap = add_full_roadmap(session)
        export_order_docx(session, roadmap.approving_order, target, settings=settings)
    database.close()
    document = docx.Document(str(target))
    paragraphs = [p.text for p in document.paragraphs]
    assert f"13{NBSP}января{NBSP}2022{NBSP}г.\t№{NBSP}28/1" in paragraphs
    assert "ПРИКАЗЫВАЮ:" in paragraphs and "п р и к а з ы в а ю:" not in paragraphs
    title = next(p for p in document.paragraphs if p.text.startswith("Об утверждении"))
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER and not title.paragraph_format.right_indent
    order, appendix = document.sections
    assert round(order.left_margin.mm) == 25
    assert (round(appendix.page_width.mm), round(appendix.page_height.mm)) == (420, 297)
    assert appendix._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    assert appendix.different_first_page_header_footer


def test_executor_mark_sits_at_the_page_bottom(exported) -> None:
    mark = next(p for p in exported["document"].paragraphs if p.text.startswith("Ёлкина"))
    frame = mark._p.pPr.find(qn("w:framePr"))
    assert frame is not None and frame.get(qn("w:yAlign")) == "bottom"
    assert mark.runs[0].font.size == Pt(11)


def test_order_appendices_of_every_kind_each_in_a_landscape_section(tmp_path: Path) -> None:
    """Working group, schedule and text appendices after the roadmap: numbered marks, the
    approval stamp agreeing with the title, their tables with a repeating header."""
    database = open_database(tmp_path / "db.sqlite", create=True)
    target = tmp_path / "order.docx"
    with database.session() as session:
        order = add_full_roadmap(session).approving_order
        order.appendices += [
            OrderAppendix(position=1, kind=AppendixKind.WORKING_GROUP, title="Состав рабочей группы",
                          members=[WorkingGroupMember(position=0, name="Ёлкина Д.С.",
                                                      job_title="координатор", role="председатель")]),
            OrderAppendix(position=2, kind=AppendixKind.SCHEDULE, title="План-график выездов",
                          schedule=[ScheduleEntry(position=0, topic="МБОУ СОШ № 3",
                                                  date_text="Февраль 2022", responsible="ИМЦ")]),
            OrderAppendix(position=3, kind=AppendixKind.TEXT, title="Положение о кураторах",
                          text="Куратор — специалист ИМЦ.\nКуратор ведёт журнал."),
        ]
        session.flush()
        export_order_docx(session, order.id, target, settings={"appendix_mark": "both"})
    database.close()
    document = docx.Document(str(target))
    assert [s.orientation for s in document.sections] == [WD_ORIENT.PORTRAIT] + [WD_ORIENT.LANDSCAPE] * 4
    marks = [p.text for p in document.paragraphs if p.text.startswith("Приложение ")]
    # the roadmap's own schedule follows the roadmap: «Приложение 2 к дорожной карте»
    assert [m.split("\n")[:2] for m in marks] == [
        ["Приложение 1", "к приказу УО района"], ["Приложение 2", "к дорожной карте"],
        *(([f"Приложение {n}", "к приказу УО района"]) for n in (2, 3, 4))]
    assert "\n\nУТВЕРЖДЕНА\nприказом УО района" in marks[0]  # «дорожная карта» → УТВЕРЖДЕНА
    assert "\n\nУТВЕРЖДЕН\nприказом УО района" in marks[3]  # «план-график» → УТВЕРЖДЕН
    assert "\n\nУТВЕРЖДЕНО\nприказом" in marks[4]
    group = next(t for t in document.tables if "Роль в рабочей группе" in texts(t._tbl.tr_lst[0]))
    assert [texts(tc) for tc in group._tbl.tr_lst[1].tc_lst] == ["1", "Ёлкина Д.С.", "координатор",
                                                                  "председатель"]
    schedule = next(t for t in document.tables  # the headings of the print settings
                    if texts(t._tbl.tr_lst[0]) == "№ п/пМероприятиеСрокиОтветственные")
    assert schedule._tbl.tr_lst[0].trPr.find(qn("w:tblHeader")) is not None
    assert "МБОУ СОШ № 3Февраль 2022ИМЦ" in texts(schedule._tbl.tr_lst[1])
    paragraphs = [p.text for p in document.paragraphs]
    assert "Куратор — специалист ИМЦ." in paragraphs and "Куратор ведёт журнал." in paragraphs


def test_a_plans_schedule_is_marked_to_the_plan_in_word_and_pdf(tmp_path: Path) -> None:
    """The schedule's mark agrees with the document's head noun in both formats (one source:
    ``ScheduleAppendix.mark_lines``): «к плану» for a «План мероприятий …»."""
    from desktop.export.docx_roadmap import export_roadmap_docx
    from desktop.export.pdf_roadmap import export_roadmap_pdf

    database = open_database(tmp_path / "db.sqlite", create=True)
    with database.session() as session:
        roadmap = add_full_roadmap(session)
        roadmap.title = "План мероприятий по повышению качества образования"
        session.commit()
        export_roadmap_docx(session, roadmap.id, tmp_path / "plan.docx")
        export_roadmap_pdf(session, roadmap.id, tmp_path / "plan.pdf")
    database.close()
    word = [p.text for p in docx.Document(str(tmp_path / "plan.docx")).paragraphs]
    assert f"Приложение 2\nк плану\nот 10.01.2022 №{NBSP}5" in word
    pdf = subprocess.run(["pdftotext", "-layout", str(tmp_path / "plan.pdf"), "-"],
                         capture_output=True, text=True, check=True).stdout
    assert re.search(r"Приложение\s2\s+к плану\s+от\s10\.01\.2022\s№\s5", pdf.replace(NBSP, " "))
    assert "к дорожной карте" not in pdf and not any("к дорожной карте" in t for t in word)
