"""Walk a Word document's XML once: paragraphs and tables in body order, as plain values.

Tables are read row by row from ``w:tr`` / ``w:tc`` (never python-docx's
``table.cell()`` or ``row.cells``, which are quadratic and hide merges):
``w:gridBefore`` starts a row further right, ``w:gridSpan`` widens a cell,
a ``w:vMerge`` continuation gets the text of the cell it continues and is
flagged. Content controls (``w:sdt``) and custom XML are unwrapped, tracked
insertions kept and deletions dropped (also deleted rows), text boxes and
nested tables give their text to the cell or paragraph that holds them, and
Word's automatic numbering is computed (:mod:`numbering`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from desktop.importers.numbering import Numbering
from desktop.importers.safe_zip import SafeZip, parse_xml
from desktop.importers.tables import Block as RawBlock
from desktop.importers.tables import RawRow, RawTable

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

_WRAPPERS = {f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}ins", f"{W}smartTag",
             f"{W}moveTo", f"{W}hyperlink", f"{W}fldSimple", f"{W}dir", f"{W}bdo"}
_DROPPED = {f"{W}del", f"{W}moveFrom", f"{W}sdtPr", f"{W}sdtEndPr", f"{W}customXmlPr",
            f"{W}rPr", f"{W}pPr", f"{W}instrText", f"{W}delText", f"{MC}Fallback",
            f"{W}footnoteReference", f"{W}commentReference"}


@dataclass
class Cell:
    text: str
    col: int          #: first grid column
    span: int = 1
    #: a ``w:vMerge`` continuation: its text is the text of the cell above
    continued: bool = False


@dataclass
class Row:
    cells: list[Cell]
    #: marked to repeat as the header on each page (``w:tblHeader``)
    repeat_header: bool = False

    def texts(self, width: int) -> list[str]:
        """The row on the grid: each column the text of the cell covering it ('' for none)."""
        out = [""] * width
        for cell in self.cells:
            if cell.col < width:
                out[cell.col] = cell.text
        return out

    @property
    def filled(self) -> list[Cell]:
        return [c for c in self.cells if c.text.strip()]


@dataclass
class Table:
    rows: list[Row] = field(default_factory=list)

    @property
    def width(self) -> int:
        return max((c.col + c.span for r in self.rows for c in r.cells), default=0)


@dataclass
class Block:
    """A paragraph (``text``) or a table (``table``) of the body, in order."""

    text: str = ""
    table: Table | None = None


#: the mark a bulleted paragraph of the document's text gets
BULLET = "–"


class _Walker:
    def __init__(self, numbering: Numbering) -> None:
        self.numbering = numbering

    # -- text ---------------------------------------------------------------------------
    def paragraph_text(self, p: etree._Element, bullet: str = "") -> str:
        parts: list[str] = []
        label = self.numbering.label(p.find(f"{W}pPr"), bullet)
        if label:
            parts.append(label + " ")
        self._collect(p, parts)
        return "".join(parts).strip()

    def _collect(self, el: etree._Element, parts: list[str]) -> None:
        for child in el:
            tag = child.tag
            if tag == f"{W}t":
                parts.append(child.text or "")
            elif tag == f"{W}r" or tag in _WRAPPERS or tag == f"{MC}AlternateContent" \
                    or tag == f"{MC}Choice":
                self._collect(child, parts)
            elif tag in _DROPPED or not isinstance(tag, str):
                continue
            elif tag == f"{W}tab":
                parts.append(" ")
            elif tag in (f"{W}br", f"{W}cr"):
                parts.append("\n")
            elif tag == f"{W}noBreakHyphen":
                parts.append("-")
            elif tag == f"{W}softHyphen":
                continue
            elif tag == f"{W}txbxContent":
                parts.append("\n" + self.blocks_text(child) + "\n")
            elif tag == f"{W}p":
                parts.append(self.paragraph_text(child) + "\n")
            elif tag == f"{W}tbl":
                parts.append("\n" + self.table_text(child) + "\n")
            else:  # drawings, pictures, objects: look inside for text boxes
                self._collect(child, parts)

    def blocks_text(self, container: etree._Element) -> str:
        lines = []
        for block in self.blocks(container):
            lines.append(block.text if block.table is None else _table_plain(block.table))
        return "\n".join(line for line in lines if line)

    def table_text(self, tbl: etree._Element) -> str:
        return _table_plain(self.table(tbl))

    # -- structure ----------------------------------------------------------------------
    def blocks(self, container: etree._Element) -> list[Block]:
        out: list[Block] = []
        for child in _unwrapped(container):
            if child.tag == f"{W}p":
                # a bulleted paragraph of the text keeps a mark (lists in a passport, in
                # tasks); table cells do not, where a mark would enter executors' names
                out.append(Block(text=self.paragraph_text(child, BULLET)))
            elif child.tag == f"{W}tbl":
                out.append(Block(table=self.table(child)))
        return out

    def table(self, tbl: etree._Element) -> Table:
        table = Table()
        above: dict[int, Cell] = {}
        for tr in _unwrapped(tbl):
            if tr.tag != f"{W}tr":
                continue
            tr_pr = tr.find(f"{W}trPr")
            if tr_pr is not None and tr_pr.find(f"{W}del") is not None:
                continue
            col = 0
            repeat = False
            if tr_pr is not None:
                before = tr_pr.find(f"{W}gridBefore")
                if before is not None:
                    col = _int(before.get(f"{W}val"), 0)
                header = tr_pr.find(f"{W}tblHeader")
                repeat = header is not None and header.get(f"{W}val", "true") not in ("0", "false")
            cells: list[Cell] = []
            for tc in _unwrapped(tr):
                if tc.tag != f"{W}tc":
                    continue
                tc_pr = tc.find(f"{W}tcPr")
                span, merge = 1, None
                if tc_pr is not None:
                    span = max(1, _int(_attr(tc_pr.find(f"{W}gridSpan")), 1))
                    vmerge = tc_pr.find(f"{W}vMerge")
                    if vmerge is not None:
                        merge = vmerge.get(f"{W}val", "continue")
                if merge == "continue" and col in above:
                    cell = Cell(above[col].text, col, span, continued=True)
                else:
                    cell = Cell(self.cell_text(tc), col, span)
                cells.append(cell)
                for c in range(col, col + span):
                    above[c] = cell
                col += span
            table.rows.append(Row(cells, repeat))
        return table

    def cell_text(self, tc: etree._Element) -> str:
        lines = []
        for child in _unwrapped(tc):
            if child.tag == f"{W}p":
                lines.append(self.paragraph_text(child))
            elif child.tag == f"{W}tbl":
                lines.append(self.table_text(child))
        return "\n".join(lines).strip()


def _unwrapped(el: etree._Element):
    """Children of ``el`` with content controls, custom XML and insertions opened up."""
    for child in el:
        tag = child.tag
        if tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}ins", f"{W}moveTo"):
            yield from _unwrapped(child)
        elif tag in (f"{W}del", f"{W}moveFrom"):
            continue
        else:
            yield child


def _table_plain(table: Table) -> str:
    lines = []
    for row in table.rows:
        texts = [c.text for c in row.cells if c.text and not c.continued]
        if texts:
            lines.append(" ".join(texts))
    return "\n".join(lines)


def _attr(el: etree._Element | None) -> str:
    return "" if el is None else el.get(f"{W}val", "")


def _int(text: str | None, default: int) -> int:
    try:
        return int(text or "")
    except ValueError:
        return default


def _optional(zf: SafeZip, name: str) -> etree._Element | None:
    return zf.xml(name) if zf.has(name) else None


def read_docx_blocks(zf: SafeZip) -> list[Block]:
    """The body of ``word/document.xml`` as blocks, numbering computed."""
    document = zf.xml("word/document.xml")
    numbering_xml = _optional(zf, "word/numbering.xml")

    def styles() -> etree._Element | None:
        # only for list numbering carried by a paragraph style: read when a styled
        # paragraph first asks, and parsed only when the part mentions numbering at all
        if not zf.has("word/styles.xml"):
            return None
        data = zf.read("word/styles.xml")
        return parse_xml(data, "word/styles.xml") if b"numPr" in data else None

    numbering = Numbering.load(numbering_xml,
                               styles_loader=styles if numbering_xml is not None else None)
    body = document.find(f"{W}body")
    if body is None:
        return []
    return _Walker(numbering).blocks(body)


def to_raw(table: Table) -> RawTable:
    """The walker's table as the structure builder reads it (texts on the grid)."""
    width = table.width
    rows = []
    for row in table.rows:
        texts = [""] * width
        continued = [False] * width
        cells = []
        for cell in row.cells:
            if cell.col < width:
                texts[cell.col] = cell.text
                for c in range(cell.col, min(width, cell.col + cell.span)):
                    continued[c] = cell.continued
            cells.append((cell.col, cell.span, cell.text))
        rows.append(RawRow(texts, cells, continued, row.repeat_header))
    return RawTable(rows, width)


def docx_blocks(zf: SafeZip) -> list[RawBlock]:
    """The document as paragraphs and raw tables, in body order."""
    return [b.text if b.table is None else to_raw(b.table) for b in read_docx_blocks(zf)]
