"""Small flowables shared by the order and the appendices: rows without borders, the page bottom."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable, Table, TableStyle

from desktop.export.pdf_fonts import REGULAR

NO_PADDING = (
    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
)


def layout_row(cells: Sequence[Any], widths: Sequence[float], *, valign: str = "BOTTOM",
               extra: Sequence[tuple[Any, ...]] = ()) -> Table:
    """One borderless row of cells (date | number, position | name …) with no padding."""
    table = Table([list(cells)], colWidths=list(widths), hAlign="LEFT")
    table.setStyle(TableStyle([*NO_PADDING, ("VALIGN", (0, 0), (-1, -1), valign), *extra]))
    return table


def layout_rows(rows: Sequence[Sequence[Any]], widths: Sequence[float], *,
                valign: str = "TOP", extra: Sequence[tuple[Any, ...]] = ()) -> Table:
    """Several borderless rows (a block of approvals, the roadmap's approval block)."""
    table = Table([list(r) for r in rows], colWidths=list(widths), hAlign="LEFT")
    table.setStyle(TableStyle([*NO_PADDING, ("VALIGN", (0, 0), (-1, -1), valign), *extra]))
    return table


class AtPageBottom(Flowable):
    """Draws its content at the bottom of the current frame, taking the rest of the page.

    Used for the executor mark, which ГОСТ Р 7.0.97 puts at the bottom left of
    the order's last page. If the content does not fit below the text, it goes
    to the bottom of a new page.
    """

    def __init__(self, content: Flowable) -> None:
        super().__init__()
        self.content = content
        self._content_height = 0.0

    #: lift above the frame's bottom so that descenders stay inside the margin
    LIFT = 3.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        _, content_height = self.content.wrap(availWidth, availHeight)
        self._content_height = content_height + self.LIFT
        self.width = availWidth
        self.height = max(self._content_height, availHeight - 0.01)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        self.content.drawOn(self.canv, 0, self.LIFT)
