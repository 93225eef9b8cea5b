"""A long bordered table laid out page by page from small reportlab Tables.

reportlab's ``Table.split`` re-measures the whole remaining table (and its
column spans) at every page break, so a 2,000-row table costs far more than
its rows. :class:`PagedGrid` measures each row once, in chunks of
:data:`CHUNK` rows, and at each page break builds a small ``Table`` of the
header rows plus the rows that fit (with their heights given, so nothing is
measured again). All pieces share one style: on paper the table looks like a
single one whose header and column-number rows repeat on every page.

A row that does not fit is broken across the page (reportlab's in-row split
of a one-row table) when nothing else fits on the page or when moving it
would leave more than :data:`MAX_GAP` of the page empty; a cell taller than a
page prints over as many pages as it needs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle
from reportlab.platypus.paragraph import cleanBlockQuotedText

#: rows measured together (one reportlab Table per chunk)
CHUNK = 40
#: the largest part of a page left empty rather than break a row across pages
MAX_GAP = 0.25
#: height of the table passed when only measuring (no long-table early stop)
_UNLIMITED = 1e9

Row = list[Any]


class CellParagraph(Paragraph):
    """A Paragraph that remembers its last wrap: a table cell is wrapped at one width.

    reportlab wraps every cell when measuring a table, again at each split and
    again when drawing it; the lines only depend on the width. The cache is the
    line layout itself (``blPara``): ``Paragraph.split`` deletes it when it
    refuses to split (the row then moves on whole), and a later wrap must lay the
    lines out again rather than trust a width seen before.
    """

    #: the width and the line layout (``blPara``) of the last wrap
    _wrapped: tuple[float, object] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        cached = self._wrapped
        if (cached is not None and cached[0] == availWidth
                and self.__dict__.get("blPara") is cached[1]):
            return self.width, self.height
        width, height = super().wrap(availWidth, availHeight)
        layout = self.__dict__.get("blPara")
        self._wrapped = (availWidth, layout) if layout is not None and height < 0x7FFFFFFF else None
        return width, height


def cell_paragraph(text: str, style: ParagraphStyle) -> CellParagraph:
    """A cell's Paragraph; plain text (no tags, no entities) skips reportlab's markup parser.

    The parser turns such text into one fragment in the style's font: the same
    fragment is made here from a template parsed once per style.
    """
    if "<" in text or "&" in text:
        return CellParagraph(text, style)
    cleaned = cleanBlockQuotedText(text)
    template = style.__dict__.get("_plain_fragment")
    if template is None:
        template = Paragraph("x", style).frags[0]
        style.__dict__["_plain_fragment"] = template
    return CellParagraph(cleaned, style, frags=[template.clone(text=cleaned)])


class GridSpec:
    """What every piece of one table shares: columns, header rows, style commands."""

    def __init__(self, header: Sequence[Row], widths: Sequence[float],
                 style: Sequence[tuple[Any, ...]], section_style: Sequence[tuple[Any, ...]]) -> None:
        self.header = [list(r) for r in header]
        self.widths = list(widths)
        self.width = sum(self.widths)
        self.style = list(style)
        #: commands for a section row, with row index 0 (shifted to the row's place)
        self.section_style = list(section_style)
        self.header_heights = self._measure([], [])

    def table(self, rows: Sequence[Row], sections: Sequence[bool],
              heights: Sequence[float] | None = None, **kwargs: Any) -> Table:
        """Header rows + ``rows`` as one reportlab Table (row heights given when known)."""
        commands = list(self.style)
        skip = len(self.header)
        for index, section in enumerate(sections):
            if section:
                r = index + skip
                commands += [(c[0], (c[1][0], r), (c[2][0], r), *c[3:]) for c in self.section_style]
        row_heights = None if heights is None else [*self.header_heights, *heights]
        return Table([*self.header, *rows], colWidths=self.widths, rowHeights=row_heights,
                     repeatRows=skip, hAlign="LEFT", style=TableStyle(commands), **kwargs)

    def _measure(self, rows: Sequence[Row], sections: Sequence[bool]) -> list[float]:
        table = self.table(rows, sections)
        table.wrap(self.width, _UNLIMITED)
        return list(table._rowHeights)

    def measure(self, rows: Sequence[Row], sections: Sequence[bool]) -> list[float]:
        """The heights of ``rows`` (header rows left out)."""
        return self._measure(rows, sections)[len(self.header):]

    def split_row(self, row: Row, section: bool, space: float) -> tuple[Row, Row] | None:
        """``row`` broken into a part at most ``space`` high and the rest, or None."""
        table = self.table([row], [section], splitByRow=1, splitInRow=1)
        parts = table.split(self.width, sum(self.header_heights) + space)
        if len(parts) != 2:
            return None
        skip = len(self.header)
        return parts[0]._cellvalues[skip], parts[1]._cellvalues[skip]


class PagedGrid(Flowable):
    """The remaining rows of a long table: splits into one small Table per page."""

    def __init__(self, spec: GridSpec, rows: list[Row], sections: list[bool],
                 heights: list[float | None] | None = None) -> None:
        super().__init__()
        self.spec = spec
        self.rows = rows
        self.sections = sections
        self.heights: list[float | None] = heights if heights is not None else [None] * len(rows)
        self.width = spec.width
        self.height = 0.0
        #: a split already refused once: the next one is on a fresh page
        self._deferred = False

    def _height(self, index: int) -> float:
        if self.heights[index] is None:
            stop = min(index + CHUNK, len(self.rows))
            measured = self.spec.measure(self.rows[index:stop], self.sections[index:stop])
            self.heights[index:stop] = measured
        height = self.heights[index]
        assert height is not None
        return height

    def _fitting(self, space: float) -> tuple[int, float]:
        """How many rows fit into ``space`` below the header, and the space they leave."""
        count = 0
        while count < len(self.rows):
            height = self._height(count)
            if height > space:
                break
            space -= height
            count += 1
        return count, space

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        header = sum(self.spec.header_heights)
        count, left = self._fitting(availHeight - header)
        if count < len(self.rows):
            # does not fit: report just more than the space (the frame then splits)
            self.height = availHeight + max(self._height(count) - max(left, 0.0), 1.0)
        else:
            self.height = availHeight - left
        return self.width, self.height

    def _piece(self, stop: int) -> Table:
        heights = [self._height(i) for i in range(stop)]
        return self.spec.table(self.rows[:stop], self.sections[:stop], heights)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        header = sum(self.spec.header_heights)
        if header > availHeight or not self.rows:
            return []
        count, left = self._fitting(availHeight - header)
        if count == len(self.rows):
            return [self]
        broken = None
        if count == 0 or left > MAX_GAP * availHeight:
            broken = self._break_row(count, left)
        if broken is None:
            count = self._without_dangling_heading(count)
            if count == 0:
                self._deferred = True
                return []
            return [self._piece(count), self._rest(count, [], [])]
        head, head_height, tail = broken
        section = self.sections[count]
        heights = [*(self._height(i) for i in range(count)), head_height]
        piece = self.spec.table([*self.rows[:count], head], [*self.sections[:count], section],
                                heights)
        return [piece, self._rest(count + 1, [tail], [section])]

    def _without_dangling_heading(self, count: int) -> int:
        """``count`` less the section rows that would end the page without a row of their
        own section under them (a heading always shares a page with its first row). When
        the grid was already moved on once (a fresh page), it is laid out as it comes."""
        kept = count
        while kept > 0 and self.sections[kept - 1]:
            kept -= 1
        return count if kept == 0 and self._deferred else kept

    def _break_row(self, index: int, space: float) -> tuple[Row, float, Row] | None:
        """Row ``index`` broken to fit ``space``: its first part, that part's height, the rest."""
        section = self.sections[index]
        parts = self.spec.split_row(self.rows[index], section, space)
        if parts is None:
            return None
        head_height = self.spec.measure([parts[0]], [section])[0]
        return (parts[0], head_height, parts[1]) if head_height <= space + 1e-6 else None

    def _rest(self, start: int, lead: list[Row], lead_sections: list[bool]) -> PagedGrid:
        return PagedGrid(self.spec, [*lead, *self.rows[start:]],
                         [*lead_sections, *self.sections[start:]],
                         [*([None] * len(lead)), *self.heights[start:]])

    def draw(self) -> None:
        piece = self._piece(len(self.rows))
        piece.wrapOn(self.canv, self.width, self.height)
        piece.drawOn(self.canv, 0, 0)

