"""The building blocks of the Word copies: document styles, page sections, paragraphs, tables.

A .docx the clerk finishes in Word or LibreOffice: named paragraph styles
(«Текст приказа» justified with a 1.25 cm first-line indent, «Реквизит»
single-spaced without indent, «Текст таблицы»), Times New Roman 14 pt
(LibreOffice shows it in the metric-compatible Liberation Serif), Russian as
the proofing language, page numbers as a PAGE field in the header. Tables are
written straight into the XML, row by row: python-docx's ``Table.cell`` and
``row.cells`` walk the whole table on every call (pitfalls.md). No Qt here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from docx import Document as new_docx
from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Cm, Length, Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

FONT = "Times New Roman"
BODY_SIZE = 14.0
BODY = "Текст приказа"
REQUISITE = "Реквизит"
CELL = "Текст таблицы"
APPENDIX_TEXT = "Текст приложения"
FIRST_LINE_INDENT = Cm(1.25)

#: characters XML 1.0 cannot hold (pasted from Word: vertical tab, form feed …)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

Align = WD_ALIGN_PARAGRAPH


def clean(text: str | None) -> str:
    """The text as typed, minus the control characters XML cannot carry."""
    return _NOT_XML.sub("", (text or "").replace("\r\n", "\n").replace("\r", "\n"))


def _set_fonts(rpr: object, size: float | None = None) -> None:
    """Times New Roman for every script (no theme fonts, which would win over it)."""
    fonts = rpr.find(qn("w:rFonts"))  # type: ignore[attr-defined]
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)  # type: ignore[attr-defined]
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    if size is not None:
        for tag in ("w:sz", "w:szCs"):
            element = rpr.find(qn(tag))  # type: ignore[attr-defined]
            if element is None:
                element = OxmlElement(tag)
                rpr.append(element)  # type: ignore[attr-defined]
            element.set(qn("w:val"), str(round(size * 2)))


def new_document(title: str) -> Document:
    """An empty document in the house styles: Times New Roman 14 pt, Russian, single spacing."""
    document = new_docx()
    document.core_properties.title = clean(title)
    document.core_properties.author = "«Дорожная карта»"
    document.core_properties.language = "ru-RU"
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr, BODY_SIZE)
    lang = rpr.find(qn("w:lang"))
    for attr in ("w:val", "w:eastAsia"):
        lang.set(qn(attr), "ru-RU")
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    normal = document.styles["Normal"]
    _set_fonts(normal.element.get_or_add_rPr(), BODY_SIZE)
    _add_style(document, REQUISITE, align=None)
    _add_style(document, BODY, align=Align.JUSTIFY, indent=FIRST_LINE_INDENT, spacing=1.15)
    _add_style(document, CELL, align=Align.LEFT, size=12.0)
    _add_style(document, APPENDIX_TEXT, align=Align.JUSTIFY, indent=FIRST_LINE_INDENT, size=12.0)
    return document


def _add_style(document: Document, name: str, *, align: WD_ALIGN_PARAGRAPH | None,
               indent: Length | None = None, size: float | None = None,
               spacing: float | None = None) -> None:
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    fmt = style.paragraph_format
    fmt.alignment = align
    fmt.first_line_indent = indent
    fmt.space_after = Pt(0)
    fmt.widow_control = True
    if spacing is not None:
        fmt.line_spacing = spacing
    if size is not None:
        style.font.size = Pt(size)


def cell_style(document: Document, size: float) -> str:
    """The table text style of ``size`` pt («Текст таблицы», «Текст таблицы 10» …)."""
    if size == 12.0:
        return CELL
    name = f"{CELL} {size:g}"
    if name not in [s.name for s in document.styles]:
        _add_style(document, name, align=Align.LEFT, size=size)
    return name


# --- sections -------------------------------------------------------------------------------

def setup_page(section: Section, *, landscape: bool, paper: str, margins_mm: Sequence[float]) -> None:
    """Size, orientation and margins (left, right, top, bottom) of a section."""
    short, long = (Mm(297), Mm(420)) if paper == "A3" else (Mm(210), Mm(297))
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long, short) if landscape else (short, long)
    left, right, top, bottom = margins_mm
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.header_distance = section.footer_distance = Mm(10)


def text_width(section: Section) -> Length:
    return Length(section.page_width - section.left_margin - section.right_margin)


def new_section(document: Document, **page: object) -> Section:
    """A section starting on a new page (a landscape appendix after the portrait order)."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    setup_page(section, **page)  # type: ignore[arg-type]
    # python-docx copies the previous section's «different first page»: the numbering goes
    # on through an appendix's first page unless it restarts (:func:`restart_numbering`)
    section.different_first_page_header_footer = False
    return section


def page_numbers(section: Section, *, restart: bool = False) -> None:
    """Page numbers centred at the top from the section's second page (ГОСТ Р 7.0.97).

    The following sections inherit the header; ``restart`` numbers a section from 1 again.
    """
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.alignment = Align.CENTER
    _field(paragraph, "PAGE", "2")
    if restart:
        restart_numbering(section)


def restart_numbering(section: Section) -> None:
    section.different_first_page_header_footer = True
    number_type = section._sectPr.find(qn("w:pgNumType"))
    if number_type is None:  # in the schema's order (Word refuses elements out of order)
        number_type = OxmlElement("w:pgNumType")
        section._sectPr.insert_element_before(
            number_type, "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg",
            "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings",
            "w:sectPrChange")
    number_type.set(qn("w:start"), "1")


def _field(paragraph: Paragraph, code: str, shown: str) -> None:
    """A simple field (PAGE) as Word writes it: begin, instruction, separate, result, end."""
    def char(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(element)

    char("begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = f" {code} "
    paragraph.add_run()._r.append(instruction)
    char("separate")
    paragraph.add_run(shown)
    char("end")


# --- paragraphs -----------------------------------------------------------------------------

def para(container: object, text: str = "", style: str = REQUISITE, *, bold: bool = False,
         align: WD_ALIGN_PARAGRAPH | None = None, before: float = 0, after: float = 0,
         left_indent: Length | None = None, right_indent: Length | None = None,
         keep_next: bool = False, size: float | None = None) -> Paragraph:
    """A paragraph of ``text`` (a line break where the text has one) appended to ``container``."""
    paragraph = container.add_paragraph(style=style)  # type: ignore[attr-defined]
    if text:
        run = paragraph.add_run(clean(text))
        run.bold = bold or None
        if size is not None:
            run.font.size = Pt(size)
    fmt = paragraph.paragraph_format
    if align is not None:
        fmt.alignment = align
    if before:
        fmt.space_before = Pt(before)
    if after:
        fmt.space_after = Pt(after)
    if left_indent is not None:
        fmt.left_indent = left_indent
    if right_indent is not None:
        fmt.right_indent = right_indent
    if keep_next:
        fmt.keep_with_next = True
    return paragraph


def left_right(container: object, left: str, right: str, width: Length, *, before: float = 0,
               keep_next: bool = False) -> Paragraph:
    """Text at the left margin and text ending at the right margin on its last line
    (a right tab stop): date / «№ N», position / «И.О. Фамилия»."""
    paragraph = para(container, before=before, keep_next=keep_next)
    paragraph.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    lines = clean(left).split("\n") or [""]
    for n, line in enumerate(lines):
        run = paragraph.add_run(line)
        if n < len(lines) - 1:
            run.add_break(WD_BREAK.LINE)
    paragraph.add_run("\t" + clean(right).replace("\n", " "))
    return paragraph


def page_break_before(paragraph: Paragraph) -> None:
    paragraph.paragraph_format.page_break_before = True


def at_page_bottom(paragraph: Paragraph) -> None:
    """Anchor the paragraph at the bottom left of the text area of its page (a frame):
    the executor mark of ГОСТ Р 7.0.97 on the order's last page."""
    frame = OxmlElement("w:framePr")
    for attr, value in (("w:wrap", "notBeside"), ("w:vAnchor", "margin"), ("w:hAnchor", "margin"),
                        ("w:xAlign", "left"), ("w:yAlign", "bottom")):
        frame.set(qn(attr), value)
    pr = paragraph._p.get_or_add_pPr()
    style = pr.find(qn("w:pStyle"))
    pr.insert(1 if style is not None else 0, frame)


# --- tables ---------------------------------------------------------------------------------

def _tc(width: int, span: int = 1) -> object:
    tc = OxmlElement("w:tc")
    pr = OxmlElement("w:tcPr")
    tcw = OxmlElement("w:tcW")
    tcw.set(qn("w:w"), str(width))
    tcw.set(qn("w:type"), "dxa")
    pr.append(tcw)
    if span > 1:
        grid_span = OxmlElement("w:gridSpan")
        grid_span.set(qn("w:val"), str(span))
        pr.append(grid_span)
    tc.append(pr)
    return tc


def _p(style_id: str, text: str, bold: bool, align: str | None, keep_next: bool = False) -> object:
    p = OxmlElement("w:p")
    pr = OxmlElement("w:pPr")
    style = OxmlElement("w:pStyle")
    style.set(qn("w:val"), style_id)
    pr.append(style)
    if keep_next:
        pr.append(OxmlElement("w:keepNext"))
    if align:
        jc = OxmlElement("w:jc")
        jc.set(qn("w:val"), align)
        pr.append(jc)
    p.append(pr)
    if text:
        r = OxmlElement("w:r")
        if bold:
            rpr = OxmlElement("w:rPr")
            rpr.append(OxmlElement("w:b"))
            r.append(rpr)
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = text
        r.append(t)
        p.append(r)
    return p


class GridTable:
    """A bordered table written row by row; the first ``header_rows`` rows repeat on each page."""

    def __init__(self, document: Document, widths: Sequence[Length], style: str) -> None:
        self.table: Table = document.add_table(rows=0, cols=len(widths))
        self.table.style = document.styles["Table Grid"]
        self.table.alignment = WD_TABLE_ALIGNMENT.CENTER
        self.table.autofit = False
        self.widths = [int(Length(w).twips) for w in widths]
        for column, width in zip(self.table.columns, widths, strict=True):
            column.width = width
        self.style_id = document.styles[style].style_id
        self._tbl = self.table._tbl

    def row(self, cells: Sequence[str], *, bold: bool = False, centered: Sequence[bool] = (),
            header: bool = False) -> object:
        """One row; each cell's lines become paragraphs (as typed)."""
        tr = self._new_tr(header)
        for n, (text, width) in enumerate(zip(cells, self.widths, strict=False)):
            tc = _tc(width)
            align = "center" if (header or (n < len(centered) and centered[n])) else None
            self._fill(tc, text, bold or header, align)
            tr.append(tc)
        return tr

    def span_row(self, text: str, *, bold: bool = True, align: str | None = None) -> object:
        """A row merged across the full width (a section heading, a month of a schedule),
        kept on the page of the row after it."""
        tr = self._new_tr(False)
        tc = _tc(sum(self.widths), len(self.widths))
        self._fill(tc, text, bold, align, keep_next=True)
        tr.append(tc)
        tr.trPr.append(OxmlElement("w:cantSplit"))
        return tr

    def _new_tr(self, header: bool) -> object:
        tr = OxmlElement("w:tr")
        pr = OxmlElement("w:trPr")
        tr.append(pr)
        if header:
            pr.append(OxmlElement("w:cantSplit"))
            pr.append(OxmlElement("w:tblHeader"))
        self._tbl.append(tr)
        return tr

    def _fill(self, tc: object, text: str, bold: bool, align: str | None,
              keep_next: bool = False) -> None:
        for line in clean(text).split("\n"):
            tc.append(_p(self.style_id, line.strip(), bold, align, keep_next))  # type: ignore[attr-defined]


def borderless(table: Table) -> None:
    """A layout table (signature blocks): no borders."""
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.insert_element_before(borders, "w:shd", "w:tblLayout", "w:tblCellMar",
                                           "w:tblLook", "w:tblCaption", "w:tblDescription",
                                           "w:tblPrChange")
