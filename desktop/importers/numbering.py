"""Word's automatic list numbering (``w:numPr``): the numbers Word shows but the text lacks.

Counters are kept per list (``w:numId``) and level; a deeper level is reset
when a shallower one advances; ``w:lvlText`` («%1.%2.») gives the format.
Bullets give no number. A paragraph style carrying ``w:numPr`` counts too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _val(el: etree._Element | None, default: str = "") -> str:
    if el is None:
        return default
    return el.get(f"{W}val", default)


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"),
                           (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


_RU_LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"


def _format(n: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman"):
        text = _roman(n)
        return text if fmt == "upperRoman" else text.lower()
    if fmt in ("lowerLetter", "upperLetter"):
        text = chr(ord("a") + (n - 1) % 26)
        return text if fmt == "lowerLetter" else text.upper()
    if fmt in ("russianLower", "russianUpper"):
        text = _RU_LETTERS[(n - 1) % len(_RU_LETTERS)]
        return text if fmt == "russianLower" else text.upper()
    return str(n)


@dataclass
class Numbering:
    """Numbering definitions of one document and the running counters."""

    lists: dict[str, dict[int, _Level]] = field(default_factory=dict)
    style_num: dict[str, tuple[str, int]] = field(default_factory=dict)
    counters: dict[str, list[int | None]] = field(default_factory=dict)
    #: reads the styles part on first need (it is large and rarely carries numbering)
    styles_loader: Callable[[], etree._Element | None] | None = None

    @classmethod
    def load(cls, numbering: etree._Element | None,
             styles: etree._Element | None = None,
             styles_loader: Callable[[], etree._Element | None] | None = None) -> Numbering:
        result = cls(styles_loader=styles_loader)
        result._read_lists(numbering)
        result._read_styles(styles)
        return result

    def _read_lists(self, numbering: etree._Element | None) -> None:
        result = self
        if numbering is not None:
            abstract: dict[str, dict[int, _Level]] = {}
            for node in numbering.iter(f"{W}abstractNum"):
                abstract[node.get(f"{W}abstractNumId", "")] = {
                    int(lvl.get(f"{W}ilvl", "0")): _read_level(lvl)
                    for lvl in node.iter(f"{W}lvl")}
            for num in numbering.iter(f"{W}num"):
                levels = dict(abstract.get(_val(num.find(f"{W}abstractNumId")), {}))
                for override in num.iter(f"{W}lvlOverride"):
                    ilvl = int(override.get(f"{W}ilvl", "0"))
                    lvl = override.find(f"{W}lvl")
                    base = _read_level(lvl) if lvl is not None else levels.get(ilvl, _Level())
                    start = override.find(f"{W}startOverride")
                    if start is not None:
                        base = _Level(_int(_val(start), 1), base.fmt, base.text)
                    levels[ilvl] = base
                result.lists[num.get(f"{W}numId", "")] = levels

    def _read_styles(self, styles: etree._Element | None) -> None:
        result = self
        if styles is not None:
            for style in styles.iter(f"{W}style"):
                num_pr = style.find(f"{W}pPr/{W}numPr")
                if num_pr is not None:
                    num_id = _val(num_pr.find(f"{W}numId"))
                    if num_id:
                        result.style_num[style.get(f"{W}styleId", "")] = (
                            num_id, _int(_val(num_pr.find(f"{W}ilvl")), 0))

    def label(self, p_pr: etree._Element | None, bullet: str = "") -> str:
        """The number Word shows before this paragraph («2.14.»), advancing the counters;
        ``bullet`` for a bulleted one (empty: bullets give no mark)."""
        if p_pr is None or not self.lists:
            return ""
        num_pr = p_pr.find(f"{W}numPr")
        num_id, ilvl = "", 0
        style = p_pr.find(f"{W}pStyle")
        if style is not None and self.styles_loader is not None:
            loader, self.styles_loader = self.styles_loader, None
            self._read_styles(loader())
        if style is not None and _val(style) in self.style_num:
            num_id, ilvl = self.style_num[_val(style)]
        if num_pr is not None:
            num_id = _val(num_pr.find(f"{W}numId"), num_id)
            ilvl = _int(_val(num_pr.find(f"{W}ilvl")), ilvl)
        levels = self.lists.get(num_id)
        if not levels or num_id == "0":
            return ""
        level = levels.get(ilvl, _Level())
        if level.fmt in ("bullet", "none"):
            return bullet if level.fmt == "bullet" else ""
        counters = self.counters.setdefault(num_id, [None] * 9)
        ilvl = min(max(ilvl, 0), 8)
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None
        text = level.text
        for k in range(ilvl + 1):
            value = counters[k]
            if value is None:
                value = levels.get(k, _Level()).start
            text = text.replace(f"%{k + 1}", _format(value, levels.get(k, _Level()).fmt))
        return text


def _int(text: str, default: int) -> int:
    try:
        return int(text)
    except ValueError:
        return default


def _read_level(lvl: etree._Element) -> _Level:
    return _Level(start=_int(_val(lvl.find(f"{W}start"), "1"), 1),
                  fmt=_val(lvl.find(f"{W}numFmt"), "decimal"),
                  text=_val(lvl.find(f"{W}lvlText"), "%1."))
