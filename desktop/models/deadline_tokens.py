"""Cutting a normalised Russian deadline phrase into tokens and reading them as points,
ranges and due dates (years written after a list are spread over the items before them).

Part of the deadline parser (:mod:`desktop.models.deadline_parse`); plain values only.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Any

Span = tuple[date | None, date | None]

# --------------------------------------------------------------------------- patterns

ODD_DASHES = re.compile("[\u2010-\u2015\u2212]")  # hyphens, ‒ – — ―, minus
ODD_SPACES = re.compile(r"\s{2,}|[^\S ]")

_MONTH = (
    r"(?:(?:январ|феврал|апрел|июн|июл|сентябр|октябр|ноябр|декабр)(?:ь|я|е|ю|ем|и)?"
    r"|(?:март|август)(?:а|е|у|ом)?|ма(?:й|я|е|ю|ем)"
    r"|(?:янв|февр?|мар|апр|авг|сент?|окт|нояб?|дек)\.?)(?![а-я])"
)
_SUFFIX = r"(?:-?(?:й|го|ом|ый|ой|ое|е))?"
_QNUM = r"(?:iv|iii|ii|i|[1-4]|перв[а-я]*|втор[а-я]*|трет[а-я]*|четв[а-я]*)" + _SUFFIX
_HNUM = r"(?:ii|i|[12]|перв[а-я]*|втор[а-я]*)" + _SUFFIX
_QUARTER = r"(?:\s*(?:,|и|-)\s*" + _QNUM + r")*\s*(?:квартал[а-я]*|кв\.?(?![а-я])))"
_HALF = r"(?:\s*(?:,|и|-)\s*" + _HNUM + r")*\s*полугод[а-я]*)"
_YEAR_SUFFIX = r"(?:\s*(?:гг|г|годы|года|году|год|годах)\.?(?![а-я]))?"
_LEFT = r"(?<![a-zа-я\d])"

#: tokens starting with a digit
_DIGIT_TOKENS = (
    r"(?P<iso>(?<!\d)(?P<iso_y>\d{4})-(?P<iso_m>\d{1,2})-(?P<iso_d>\d{1,2})(?!\d))",
    r"(?P<bad>(?<![\d.])\d{1,4}(?:\.\d{1,4}){3,}\.?|(?<![\d.])\d{1,2}\.\d{1,2}\.(?:\d{3}|\d{5,})(?!\d))",
    r"(?P<date>(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})(?:\.(?P<y>\d{4}|\d{2})(?!\d))?\.?"
    + _YEAR_SUFFIX + ")",
    r"(?P<sy>(?<!\d)(?P<sy_a>(?:19|20)\d{2})\s*[/-]\s*(?:19|20)\d{2}(?!\d)\s*"
    r"(?:уч[а-я]*\.?\s*(?:г[а-я]*\.?)?|учебн[а-я]*\s+год[а-я]*))",
    r"(?P<sy2>(?<!\d)(?P<sy_b>(?:19|20)\d{2})\s*/\s*(?P<sy_c>(?:19|20)\d{2})(?!\d)"
    r"(?:\s*(?:гг|г)\.?(?![а-я]))?)",
    r"(?P<wd>(?<![\d.])(?P<wd_d>\d{1,2})\s*(?:-?(?:го|е|ое))?\s*(?P<wd_m>" + _MONTH + "))",
    r"(?P<q>" + _LEFT + "[1-4]" + _SUFFIX + _QUARTER,
    r"(?P<h>" + _LEFT + "[12]" + _SUFFIX + _HALF,
    r"(?P<year>(?<!\d)(?:19|20)\d{2}(?!\d))" + _YEAR_SUFFIX,
    r"(?P<num>\d+)",
)
#: tokens starting with a letter
_LETTER_TOKENS = (
    r"(?P<ql>" + _LEFT + "(?:iv|iii|ii|i|перв[а-я]*|втор[а-я]*|трет[а-я]*|четв[а-я]*)" + _SUFFIX + _QUARTER,
    r"(?P<hl>" + _LEFT + "(?:ii|i|перв[а-я]*|втор[а-я]*)" + _SUFFIX + _HALF,
    r"(?P<mon>(?<![а-я])" + _MONTH + ")",
    r"(?P<until>(?<![а-я])(?:до|не позднее|не позже|к)(?![а-я]))",
    r"(?P<endof>(?<![а-я])(?:конц|окончани|завершени)[а-я]*(?:\s+(?P<eo_school>учебн)[а-я]*)?"
    r"(?:\s+(?:года|периода|проекта)(?![а-я]))?)",
    r"(?P<from>(?<![а-я])(?:начиная с|с|со|от)(?![а-я]))",
    r"(?P<to>(?<![а-я])по(?![а-я]))",
    r"(?P<sepw>(?<![а-я])и(?![а-я]))",
    r"(?P<word>[а-яa-z]+)",
)
_TOKEN = re.compile(
    "(?=\\d)(?:" + "|".join(_DIGIT_TOKENS) + ")"
    "|(?=[а-яa-z])(?:" + "|".join(_LETTER_TOKENS) + ")"
    "|(?P<dash>-)|(?P<sep>[,;()/])"
)

_NUMERAL = re.compile(r"iv|iii|ii|i|[1-4]|перв|втор|трет|четв")
_NUMERAL_VALUE = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4,
                  "перв": 1, "втор": 2, "трет": 3, "четв": 4}

DONE = re.compile(r"(?<!не )(?<![а-я])(?:исполнен|выполнен)[а-я]*")
GRAPH_CLAUSE = re.compile(r"(?<![а-я])(?:в соответствии с|согласно|по)\s+график[а-я]*[^)]*")
ON_DEMAND = re.compile(r"по мере|график|по необходимост|по запрос|по согласован|по отдельн|по факту")
CONTINUOUS = re.compile(r"постоянн|в течени|весь период|круглогодичн|ежедневн|систематическ|регулярн")
SCHOOL = re.compile(r"учебн|уч\.\s*г")
# --------------------------------------------------------------------------- points


class Point:
    """A date expression whose year may still be missing: a day, months, or a school year."""

    __slots__ = ("day", "m1", "m2", "raw", "run", "school", "year")

    def __init__(self, m1: int, m2: int, day: int | None, year: int | None, raw: str,
                 *, school: bool = False) -> None:
        self.m1, self.m2, self.day, self.year, self.raw = m1, m2, day, year, raw
        self.school, self.run = school, 0

    def with_year(self, year: int, run: int) -> Point:
        point = Point(self.m1, self.m2, self.day, year, self.raw, school=self.school)
        point.run = run
        return point

    def span(self, year: int) -> tuple[date, date]:
        """The dates this point covers in ``year`` (raises ValueError when impossible)."""
        if self.school:
            return date(year, 9, 1), date(year + 1, 5, 31)
        if self.day is not None:
            day = date(year, self.m1, self.day)
            return day, day
        return date(year, self.m1, 1), _month_end(year, self.m2)


_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_end(year: int, month: int) -> date:
    """The last day of a month (raises ValueError for a month outside 1–12)."""
    if month == 2 and calendar.isleap(year):
        return date(year, 2, 29)
    return date(year, month, _DAYS_IN_MONTH[month] if 1 <= month <= 12 else 0)


def _month_number(word: str) -> int:
    if word.startswith("ма") and not word.startswith("мар"):
        return 5
    return _MONTHS_BY_STEM[word[:3]]


_MONTHS_BY_STEM = {"янв": 1, "фев": 2, "мар": 3, "апр": 4, "июн": 6, "июл": 7, "авг": 8,
                   "сен": 9, "окт": 10, "ноя": 11, "дек": 12}


def _year_of(digits: str) -> int:
    return int(digits) + 2000 if len(digits) == 2 else int(digits)


def _numerals(text: str) -> list[int]:
    return [_NUMERAL_VALUE[n] for n in _NUMERAL.findall(text)]


def _grouped_points(text: str, size: int, raw: str) -> list[tuple[str, Any]]:
    """Quarter or half-year tokens: «I-II квартал» is one span, «I, II квартал» two."""
    numbers = [n for n in _numerals(text.split("квартал")[0].split("полугод")[0]) if n * size <= 12]
    if not numbers:
        return [("word", raw)]
    if "-" in text and len(numbers) > 1:
        lo, hi = min(numbers), max(numbers)
        return [("pt", Point(size * lo - size + 1, size * hi, None, None, raw))]
    tokens: list[tuple[str, Any]] = []
    for n in numbers:
        if tokens:
            tokens.append(("sep", ","))
        tokens.append(("pt", Point(size * n - size + 1, size * n, None, None, raw)))
    return tokens


_PLAIN_TOKENS = frozenset({"word", "num", "dash", "sep", "until", "from", "to", "bad"})


def tokenize(text: str) -> list[tuple[str, Any]]:
    """Cut normalised text into (kind, value) tokens; whitespace and stray signs are skipped."""
    out: list[tuple[str, Any]] = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        raw = match.group()
        if kind in _PLAIN_TOKENS:
            out.append((kind, raw))  # type: ignore[arg-type]
        elif kind == "date":
            d, m, y = match.group("d", "m", "y")
            month = int(m)
            out.append(("pt", Point(month, month, int(d), _year_of(y) if y else None, raw.strip())))
        elif kind == "wd":
            month = _month_number(match.group("wd_m"))
            out.append(("pt", Point(month, month, int(match.group("wd_d")), None, raw)))
        elif kind == "mon":
            month = _month_number(raw)
            out.append(("pt", Point(month, month, None, None, raw)))
        elif kind == "year":
            out.append(("year", int(match.group("year"))))
        elif kind in ("q", "ql"):
            out.extend(_grouped_points(raw, 3, raw))
        elif kind in ("h", "hl"):
            out.extend(_grouped_points(raw, 6, raw))
        elif kind == "iso":
            m = int(match.group("iso_m"))
            out.append(("pt", Point(m, m, int(match.group("iso_d")), int(match.group("iso_y")), raw)))
        elif kind == "sy":
            out.append(("pt", Point(9, 5, None, int(match.group("sy_a")), raw, school=True)))
        elif kind == "sy2":  # «2021/2022»: a school year when the years follow each other
            first, second = int(match.group("sy_b")), int(match.group("sy_c"))
            if second == first + 1:
                out.append(("pt", Point(9, 5, None, first, raw, school=True)))
            else:
                out.extend((("year", first), ("sep", "/"), ("year", second)))
        elif kind == "endof":
            out.append(("endof", match.group("eo_school") is not None))
        elif kind == "sepw":
            out.append(("sep", raw))
        else:
            out.append((kind, raw))  # type: ignore[arg-type]
    return out


def apply_years(tokens: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    """Give the years written after a list («апрель, июнь 2021, 2022гг») to the yearless
    items in front of them, repeating the items once per year; a year with nothing
    yearless in front of it is a whole year on its own."""
    out: list[tuple[str, Any]] = []
    group_start, run, i, n = 0, 0, 0, len(tokens)
    while i < n:
        kind, value = tokens[i]
        if kind != "year":
            out.append(tokens[i])
            if kind == "pt" and value.year is not None:
                group_start = len(out)
            i += 1
            continue
        years, i = [value], i + 1
        while i + 1 < n and tokens[i][0] == "sep" and tokens[i][1] in ",и" and tokens[i + 1][0] == "year":
            years.append(tokens[i + 1][1])
            i += 2
        group = out[group_start:]
        if any(k == "pt" and v.year is None for k, v in group):
            del out[group_start:]
            for year in years:
                run += 1
                if len(out) > group_start:
                    out.append(("sep", ","))
                out.extend(("pt", v.with_year(year, run)) if k == "pt" and v.year is None else (k, v)
                           for k, v in group)
        else:
            for year in years:
                if out and out[-1][0] == "pt":
                    out.append(("sep", ","))
                out.append(("pt", Point(1, 12, None, year, str(year))))
        group_start = len(out)
    return out


# --------------------------------------------------------------------------- items

# An item: ("single", point, token index) | ("range", start, end) | ("due", point | None, school)
# where a range's end is a point, "open" (no end given) or "eoy"/"eosy" (до конца (учебного) года).
Item = tuple[str, Any, Any]


def _range_end(tokens: list[tuple[str, Any]], j: int) -> tuple[Any, int] | None:
    """After a start point: «- X», «по X», «до X», «- до конца года»; None when no end follows."""
    n = len(tokens)
    if j >= n or tokens[j][0] not in ("dash", "to", "until"):
        return None
    j += 1
    if j < n and tokens[j][0] == "until":
        j += 1
    if j < n and tokens[j][0] == "pt":
        return tokens[j][1], j + 1
    if j < n and tokens[j][0] == "endof":
        return ("eosy" if tokens[j][1] else "eoy"), j + 1
    return "open", j


def read_items(tokens: list[tuple[str, Any]]) -> list[Item]:
    """Read single points, ranges («X - Y», «с X по Y», «X - до конца года») and due dates."""
    items: list[Item] = []
    i, n = 0, len(tokens)
    while i < n:
        kind, value = tokens[i]
        if kind == "until" and i + 1 < n:
            nxt, nval = tokens[i + 1]
            if nxt == "endof" and i + 2 < n and tokens[i + 2][0] == "pt":
                items.append(("due", tokens[i + 2][1], False))
                i += 3
                continue
            if nxt in ("pt", "endof"):
                items.append(("due", nval if nxt == "pt" else None, nxt == "endof" and nval))
                i += 2
                continue
        elif kind == "from" and i + 1 < n and tokens[i + 1][0] == "pt":
            end = _range_end(tokens, i + 2)
            items.append(("range", tokens[i + 1][1], end[0] if end else "open"))
            i = end[1] if end else i + 2
            continue
        elif kind == "pt":
            end = _range_end(tokens, i + 1)
            items.append(("range", value, end[0]) if end else ("single", value, i))
            i = end[1] if end else i + 1
            continue
        i += 1
    if (len(items) == 2 and items[0][0] == items[1][0] == "single"
            and items[1][2] == items[0][2] + 1 and items[0][1].day and items[1][1].day):
        items = [("range", items[0][1], items[1][1])]  # «14.02.2022 30.03.2022»: a dash left out
    return items
