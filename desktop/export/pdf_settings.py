"""Print settings of an order PDF (ГОСТ Р 7.0.97 defaults) and the page geometry they give.

Every typographic choice that varies between authorities is a field of
:class:`OrderPdfSettings`; an order keeps its own overrides in
``Order.settings`` (a JSON dict with the same keys), and the caller may
override again. Unknown keys and values of the wrong type are ignored, so an
old or hand-edited settings dict never breaks printing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any, Literal

from reportlab.lib.pagesizes import A3, A4, landscape, portrait
from reportlab.lib.units import mm

DateStyle = Literal["numeric", "words"]
OrderWord = Literal["spaced", "caps"]
AppendixMark = Literal["appendix", "stamp", "both"]
Paper = Literal["A4", "A3"]

_CHOICES: dict[str, tuple[str, ...]] = {
    "date_style": ("numeric", "words"),
    "order_word": ("spaced", "caps"),
    "appendix_mark": ("appendix", "stamp", "both"),
    "appendix_paper": ("A4", "A3"),
}


@dataclass(frozen=True)
class OrderPdfSettings:
    """How an order and its appendices are printed; defaults follow order-format.md."""

    #: «13.01.2023» (numeric) or «13 января 2023 г.» (words)
    date_style: DateStyle = "numeric"
    #: the date line reads «от 21.01.2022» (as many authorities' instructions ask)
    date_with_ot: bool = False
    #: «п р и к а з ы в а ю:» (spaced) or «ПРИКАЗЫВАЮ:» (caps)
    order_word: OrderWord = "spaced"
    left_margin_mm: float = 30.0
    right_margin_mm: float = 10.0
    top_margin_mm: float = 20.0
    bottom_margin_mm: float = 20.0
    #: the title at the left margin, ≤ 8 cm wide (default) or centred over the text
    title_centered: bool = False
    title_bold: bool = True
    title_width_mm: float = 80.0
    appendix_paper: Paper = "A4"
    appendix_left_margin_mm: float = 20.0
    #: appendix pages numbered from 1 again (the first appendix page then carries no number)
    restart_appendix_numbering: bool = False
    #: «Приложение к приказу …», the stamp «УТВЕРЖДЕНА приказом …», or both
    appendix_mark: AppendixMark = "appendix"
    #: the authority in the appendix mark, in the genitive («управления образования …»);
    #: empty: the profile's short name (an abbreviation reads the same in every case)
    authority_in_mark: str = ""
    #: table font size; 0 chooses 12 pt, 11 pt or 10 pt by the number of columns
    table_font_size: float = 0.0
    #: column headings of schedule appendices (list of schools, visits)
    schedule_headings: tuple[str, ...] = ("Мероприятие", "Сроки", "Ответственные")
    #: the roadmap-only PDF's «СОГЛАСОВАНО» (left) and «УТВЕРЖДАЮ» (right) blocks;
    #: an empty approver is the authority's head
    agreed_position: str = ""
    agreed_name: str = ""
    approver_position: str = ""
    approver_name: str = ""

    def merged(self, data: Mapping[str, Any] | OrderPdfSettings | None) -> OrderPdfSettings:
        """These settings with the valid keys of ``data`` applied (a dataclass replaces all)."""
        if isinstance(data, OrderPdfSettings):
            return data
        changes: dict[str, Any] = {}
        for f in fields(self):
            if not data or f.name not in data:
                continue
            value = _coerce(f.name, getattr(self, f.name), data[f.name])
            if value is not None:
                changes[f.name] = value
        return dataclasses.replace(self, **changes)

    def to_mapping(self) -> dict[str, Any]:
        """The settings as a JSON-ready dict (for ``Order.settings``)."""
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        out["schedule_headings"] = list(self.schedule_headings)
        return out


def _coerce(name: str, default: Any, value: Any) -> Any:
    """``value`` converted to the type of ``default``, or None when it does not fit."""
    if name in _CHOICES:
        return value if value in _CHOICES[name] else None
    if isinstance(default, bool):
        return value if isinstance(value, bool) else None
    if isinstance(default, float):
        ok = isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 100
        return float(value) if ok else None
    if isinstance(default, tuple):
        ok = isinstance(value, list | tuple) and value and all(isinstance(v, str) for v in value)
        return tuple(value) if ok else None
    if isinstance(default, str):
        return value if isinstance(value, str) else None
    return None


@dataclass(frozen=True)
class PageBox:
    """A page size and its margins in points; the frame is what lies inside the margins."""

    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float

    @property
    def frame_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def frame_height(self) -> float:
        return self.height - self.top - self.bottom

    @property
    def center_x(self) -> float:
        """The middle of the text block: «ПРИКАЗ» and the page number are centred on it."""
        return self.left + self.frame_width / 2


def order_page(settings: OrderPdfSettings) -> PageBox:
    """The portrait A4 page of the order itself."""
    width, height = portrait(A4)
    return PageBox(width, height, settings.left_margin_mm * mm, settings.right_margin_mm * mm,
                   settings.top_margin_mm * mm, settings.bottom_margin_mm * mm)


def appendix_page(settings: OrderPdfSettings) -> PageBox:
    """The landscape page (A4, or A3 as a setting) of the appendices and the roadmap PDF."""
    width, height = landscape(A3 if settings.appendix_paper == "A3" else A4)
    return PageBox(width, height, settings.appendix_left_margin_mm * mm,
                   settings.right_margin_mm * mm, settings.top_margin_mm * mm,
                   settings.bottom_margin_mm * mm)
