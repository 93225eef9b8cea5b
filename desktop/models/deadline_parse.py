"""Reading a Russian deadline phrase («до 15.02.2023», «апрель-май 2022, 2023гг»,
«Еженедельно по четвергам с 10.02.2022 по 23.06.2022») into plain values.

The public entry point is :func:`desktop.models.deadline.parse_deadline`; this
module only returns a :class:`Parsed` tuple of plain values so that it does not
depend on the value classes. No Qt, no SQLAlchemy.

How it works: the text is normalised (lower case, one kind of dash and space),
cut into tokens by one precompiled regular expression (dates, months, quarters,
half-years, years, «до», «с», «по», dashes, separators), years written after a
list («апрель, июнь 2021, 2022гг») are distributed over the yearless items in
front of them, then the tokens are read as single points, ranges and due dates
and resolved against the roadmap's period.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Any, NamedTuple

from desktop.models.deadline_format import format_deadline

Span = tuple[date | None, date | None]

# --------------------------------------------------------------------------- patterns

_ODD_DASHES = re.compile("[\u2010-\u2015\u2212]")  # hyphens, ‒ – — ―, minus
_ODD_SPACES = re.compile(r"\s{2,}|[^\S ]")

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

_DONE = re.compile(r"(?<!не )(?<![а-я])(?:исполнен|выполнен)[а-я]*")
_GRAPH_CLAUSE = re.compile(r"(?<![а-я])(?:в соответствии с|согласно|по)\s+график[а-я]*[^)]*")
_ON_DEMAND = re.compile(r"по мере|график|по необходимост|по запрос|по согласован|по отдельн|по факту")
_CONTINUOUS = re.compile(r"постоянн|в течени|весь период|круглогодичн|ежедневн|систематическ|регулярн")
_SCHOOL = re.compile(r"учебн|уч\.\s*г")
_REC_HINT = re.compile(r"еже|раз|дважды|трижды|кажд|по (?:понед|вторн|сред|четв|пятн|субб|воскр)")

_WEEKDAYS = (
    ("понедельн", 0), ("вторник", 1), ("сред", 2), ("четверг", 3),
    ("пятниц", 4), ("суббот", 5), ("воскресен", 6),
)
_WEEKDAY = re.compile(
    r"(?:по|кажд[а-я]*|в|во)\s+(понедельн[а-я]*|вторник[а-я]*|сред(?:ам|у|а)|четверг[а-я]*"
    r"|пятниц[а-я]*|суббот[а-я]*|воскресен[а-я]*)(?![а-я])"
)
_TIMES = re.compile(
    r"(?:(?P<num>\d{1,2}|один|одного|два|две|двух|три|трех|четыре|четырех|пять|пяти|шесть|шести)"
    r"\s*(?:-?х\s*)?раза?|(?P<adv>дважды|трижды)|(?<![а-я])раз)\s+(?:в|за)\s+"
    r"(?P<school>учебн[а-я]*\s+)?(?P<unit>недел|месяц|квартал|четверт|полугоди|год)"
)
_ADVERB = re.compile(
    r"(?P<adv>еженедельн|ежемесячн|ежеквартальн|ежегодн)|кажд[а-я]*\s+(?P<unit>недел|месяц|квартал|год)"
)
_WORD_NUMBERS = {"один": 1, "одного": 1, "два": 2, "две": 2, "двух": 2, "три": 3, "трех": 3,
                 "четыре": 4, "четырех": 4, "пять": 5, "пяти": 5, "шесть": 6, "шести": 6,
                 "дважды": 2, "трижды": 3}
_UNIT_PER = {"недел": "week", "месяц": "month", "квартал": "quarter", "четверт": "quarter",
             "полугоди": "half_year", "год": "year"}
_PER_FREQUENCY = {"week": "weekly", "month": "monthly", "quarter": "quarterly",
                  "year": "yearly", "school_year": "yearly"}
_ADVERB_FREQUENCY = {"еженедельн": "weekly", "ежемесячн": "monthly", "ежеквартальн": "quarterly",
                     "ежегодн": "yearly", "недел": "weekly", "месяц": "monthly",
                     "квартал": "quarterly", "год": "yearly"}


class Parsed(NamedTuple):
    """What the parser found, as plain values (see :class:`desktop.models.deadline.Deadline`)."""

    kind: str
    spans: tuple[Span, ...]
    recurrence: dict[str, Any] | None
    done: bool
    warnings: tuple[str, ...]


# --------------------------------------------------------------------------- points


class _Point:
    """A date expression whose year may still be missing: a day, months, or a school year."""

    __slots__ = ("day", "m1", "m2", "raw", "run", "school", "year")

    def __init__(self, m1: int, m2: int, day: int | None, year: int | None, raw: str,
                 *, school: bool = False) -> None:
        self.m1, self.m2, self.day, self.year, self.raw = m1, m2, day, year, raw
        self.school, self.run = school, 0

    def with_year(self, year: int, run: int) -> _Point:
        point = _Point(self.m1, self.m2, self.day, year, self.raw, school=self.school)
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
        return [("pt", _Point(size * lo - size + 1, size * hi, None, None, raw))]
    tokens: list[tuple[str, Any]] = []
    for n in numbers:
        if tokens:
            tokens.append(("sep", ","))
        tokens.append(("pt", _Point(size * n - size + 1, size * n, None, None, raw)))
    return tokens


_PLAIN_TOKENS = frozenset({"word", "num", "dash", "sep", "until", "from", "to", "bad"})


def _tokens(text: str) -> list[tuple[str, Any]]:
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
            out.append(("pt", _Point(month, month, int(d), _year_of(y) if y else None, raw.strip())))
        elif kind == "wd":
            month = _month_number(match.group("wd_m"))
            out.append(("pt", _Point(month, month, int(match.group("wd_d")), None, raw)))
        elif kind == "mon":
            month = _month_number(raw)
            out.append(("pt", _Point(month, month, None, None, raw)))
        elif kind == "year":
            out.append(("year", int(match.group("year"))))
        elif kind in ("q", "ql"):
            out.extend(_grouped_points(raw, 3, raw))
        elif kind in ("h", "hl"):
            out.extend(_grouped_points(raw, 6, raw))
        elif kind == "iso":
            m = int(match.group("iso_m"))
            out.append(("pt", _Point(m, m, int(match.group("iso_d")), int(match.group("iso_y")), raw)))
        elif kind == "sy":
            out.append(("pt", _Point(9, 5, None, int(match.group("sy_a")), raw, school=True)))
        elif kind == "endof":
            out.append(("endof", match.group("eo_school") is not None))
        elif kind == "sepw":
            out.append(("sep", raw))
        else:
            out.append((kind, raw))  # type: ignore[arg-type]
    return out


def _apply_years(tokens: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
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
                out.append(("pt", _Point(1, 12, None, year, str(year))))
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


def _items(tokens: list[tuple[str, Any]]) -> list[Item]:
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


# --------------------------------------------------------------------------- resolving


class _Context:
    """The period to resolve against and the warnings collected on the way."""

    __slots__ = ("explicit", "period", "warnings")

    def __init__(self, period: tuple[date, date], explicit: bool) -> None:
        self.period, self.explicit = period, explicit
        self.warnings: list[str] = []

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def resolve(self, point: _Point) -> tuple[date, date] | None:
        """A yearless point falls in the first year of the period where it fits."""
        try:
            if point.year is not None:
                return point.span(point.year)
            start, end = self.period
            for year in range(start.year, end.year + 1):
                span = point.span(year)
                if span[1] >= start and span[0] <= end:
                    return span
            return point.span(start.year)
        except (ValueError, OverflowError):
            self.warn(f"Несуществующая дата: «{point.raw}»")
            return None

    @staticmethod
    def year_end(start: date, school: bool) -> date:
        """«до конца (учебного) года» counted from ``start``."""
        if school:
            return date(start.year + (start.month > 5), 5, 31)
        return date(start.year, 12, 31)


def _shifted(point: _Point, year: int) -> _Point:
    return point.with_year(year, point.run)


def _resolve_range(ctx: _Context, start: _Point, end: Any) -> Span | None:
    """Dates of «X - Y»: a missing year comes from the other end («01.02-15.05.2023»)."""
    if not isinstance(end, _Point):
        first = ctx.resolve(start)
        if first is None:
            return None
        if end == "open":  # «с 01.02.2022»: to the end of the period (when it is known)
            return first[0], max(ctx.period[1], first[1]) if ctx.explicit else None
        return first[0], ctx.year_end(first[0], end == "eosy")
    try:
        if start.year is None and end.year is not None:
            start = _shifted(start, end.year)
            if start.span(start.year)[0] > end.span(end.year)[1]:
                start = _shifted(start, end.year - 1)
        elif start.year is not None and end.year is None:
            end = _shifted(end, start.year)
            if end.span(end.year)[1] < start.span(start.year)[0]:
                end = _shifted(end, start.year + 1)
        elif start.year is None:
            first = ctx.resolve(start)
            if first is None:
                return None
            start = _shifted(start, first[0].year)
            end = _shifted(end, start.year + (end.span(start.year)[1] < first[0]))
        elif start.run and start.run == end.run and start.span(start.year)[0] > end.span(end.year)[1]:
            start = _shifted(start, start.year - 1)  # «декабрь-январь 2023»
    except (ValueError, OverflowError):
        pass  # an impossible date: reported below by resolve()
    a, b = ctx.resolve(start), ctx.resolve(end)
    if a is None or b is None:
        return None
    if b[1] < a[0]:
        ctx.warn(f"Срок «{start.raw} – {end.raw}» заканчивается раньше, чем начинается")
        return b[0], a[1]
    return a[0], b[1]


def _item_span(ctx: _Context, item: Item) -> Span | None:
    kind, first, second = item
    if kind == "single":
        return ctx.resolve(first)
    if kind == "range":
        return _resolve_range(ctx, first, second)
    start = ctx.period[0] if ctx.explicit else None
    if first is None:
        return start, ctx.year_end(ctx.period[0], True) if second else ctx.period[1]
    span = ctx.resolve(first)
    if span is None:
        return None
    return (start if start is None or start <= span[1] else span[1]), span[1]


def _check_period(ctx: _Context, span: Span, due: bool) -> None:
    if not ctx.explicit:
        return
    start, end = ctx.period
    lo = span[1] if due else span[0]
    if (lo is not None and lo < start) or (span[1] is not None and span[1] > end):
        shown = format_deadline(span[0], span[1], due=due)
        ctx.warn(f"Срок «{shown}» выходит за период дорожной карты "
                 f"({start:%d.%m.%Y}–{end:%d.%m.%Y})")


# --------------------------------------------------------------------------- recurrence


def _recurrence(text: str) -> dict[str, Any] | None:
    """The repetition rule written in the text, as keyword arguments of ``Recurrence``."""
    if not _REC_HINT.search(text):
        return None
    weekday_match = _WEEKDAY.search(text)
    weekday = None
    if weekday_match:
        word = weekday_match.group(1)
        weekday = next(n for stem, n in _WEEKDAYS if word.startswith(stem))
    times = _TIMES.search(text)
    if times:
        number = times.group("num") or times.group("adv")
        count = 1 if number is None else int(number) if number.isdigit() else _WORD_NUMBERS[number]
        per = _UNIT_PER[times.group("unit")]
        if per == "year" and times.group("school"):
            per = "school_year"
        frequency = _PER_FREQUENCY.get(per, "times") if count == 1 else "times"
        if frequency == "weekly" or per == "week":
            return {"frequency": frequency, "weekday": weekday, "times": count, "per": per}
        return {"frequency": frequency, "times": count, "per": per}
    adverb = _ADVERB.search(text)
    if adverb:
        frequency = _ADVERB_FREQUENCY[adverb.group("adv") or adverb.group("unit")]
        return {"frequency": frequency, "weekday": weekday if frequency == "weekly" else None}
    if weekday_match and (weekday_match.group(1).endswith("ам") or weekday_match.group().startswith("кажд")):
        return {"frequency": "weekly", "weekday": weekday}
    return None


# --------------------------------------------------------------------------- assembling


def _default_windows(ctx: _Context, school: bool) -> tuple[Span, ...]:
    """The whole period, or only its school-year parts (01.09–31.05)."""
    start, end = ctx.period
    if not school:
        return ((start, end),)
    windows = []
    for year in range(start.year - 1, end.year + 1):
        lo, hi = max(date(year, 9, 1), start), min(date(year + 1, 5, 31), end)
        if lo <= hi:
            windows.append((lo, hi))
    return tuple(windows)


def _month_list(items: list[Item]) -> tuple[int, ...] | None:
    """«2 раза в год (октябрь, апрель)»: named yearless months are the occurrence months."""
    if items and all(kind == "single" and p.day is None and p.year is None and p.m1 == p.m2
                     and not p.school for kind, p, _ in items):
        return tuple(p.m1 for _, p, _ in items)
    return None


def _normalise(text: str) -> str:
    """Lower case, «ё» as «е», every dash as «-», every run of whitespace as one space."""
    text = _ODD_SPACES.sub(" ", _ODD_DASHES.sub("-", text.lower()))
    if "ё" in text:
        text = text.replace("ё", "е")
    return text.strip()


def _reference_period(text: str, today: date) -> tuple[date, date]:
    """Without a roadmap period: the first year written in the text, else this year."""
    match = re.search(r"(?<!\d)((?:19|20)\d{2})(?!\d)", text)
    year = int(match.group(1)) if match else today.year
    return date(year, 1, 1), date(year, 12, 31)


_SIMPLE = re.compile(
    r"(?P<due>до )?(?P<first>(?P<d>\d{1,2})\.(?P<m>\d{1,2})(?:\.(?P<y>\d{4}))?\.?)"
    r"(?: ?- ?(?P<second>(?P<d2>\d{1,2})\.(?P<m2>\d{1,2})\.(?P<y2>\d{4})))?"
)


def _simple_items(norm: str) -> list[Item] | None:
    """The plain numeric forms («15.02.2023», «до 15.02.2023», «01.02-15.05.2023») without
    the tokenizer; None for anything else. Gives the same items as :func:`_general_items`."""
    match = _SIMPLE.fullmatch(norm)
    if match is None:
        return None
    due, first, d, m, y, second = match.group("due", "first", "d", "m", "y", "second")
    start = _Point(int(m), int(m), int(d), int(y) if y else None, first)
    if second is None:
        if y is None:
            return None
        return [("due", start, False)] if due else [("single", start, 0)]
    if due:
        return None
    m2 = int(match.group("m2"))
    return [("range", start, _Point(m2, m2, int(match.group("d2")), int(match.group("y2")), second))]


def _general_items(norm: str, ctx: _Context) -> list[Item]:
    """Tokenize, distribute years, read items; malformed dates become warnings."""
    tokens = _tokens(_GRAPH_CLAUSE.sub(" ", norm) if "график" in norm else norm)
    for kind, value in tokens:
        if kind == "bad":
            ctx.warn(f"Ошибка в дате: «{value}»")
    return _items(_apply_years(_bare_days(tokens)))


def _bare_days(tokens: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    """«с 1 по 15 марта», «1-15 марта»: a bare day number takes the month of the date after it."""
    for i in range(len(tokens) - 2):
        kind, value = tokens[i]
        if kind == "num" and tokens[i + 1][0] in ("dash", "to") and tokens[i + 2][0] == "pt":
            after = tokens[i + 2][1]
            if after.day is not None and len(value) <= 2 and 1 <= int(value) <= 31:
                tokens[i] = ("pt", _Point(after.m1, after.m1, int(value), None, value))
    return tokens


def parse(text: str, period: tuple[date, date] | None, today: date) -> Parsed:
    """Parse one deadline phrase (see :func:`desktop.models.deadline.parse_deadline`)."""
    norm = _normalise(text)
    done = "полнен" in norm and _DONE.search(norm) is not None
    ctx = _Context(period or _reference_period(norm, today), period is not None)
    items = _simple_items(norm)
    recurrence = None
    if items is None:
        items = _general_items(norm, ctx)
        recurrence = _recurrence(norm)
    if recurrence is not None:
        months = _month_list(items)
        if months is not None:
            recurrence["months"] = months
            items = []
    spans: list[Span] = []
    for item in items:
        span = _item_span(ctx, item)
        if span is not None:
            _check_period(ctx, span, item[0] == "due")
            if item[0] == "due" and len(items) > 1:
                span = (span[1], span[1])  # several «до …» in one cell: each is a day
            spans.append(span)
    if recurrence is not None:
        school = recurrence.get("per") == "school_year" or _SCHOOL.search(norm) is not None
        return Parsed("recurring", tuple(spans) or _default_windows(ctx, school), recurrence, done,
                      tuple(ctx.warnings))
    if spans:
        return Parsed(_kind_of(items, spans), _ordered(spans), None, done, tuple(ctx.warnings))
    if not norm.strip(" -.,"):
        if norm:
            ctx.warn("Срок не указан: в ячейке только прочерк")
        return Parsed("unparsed", (), None, done, tuple(ctx.warnings))
    if _CONTINUOUS.search(norm) and not ctx.warnings:
        school = _SCHOOL.search(norm) is not None
        return Parsed("continuous", _default_windows(ctx, school), None, done, ())
    if _ON_DEMAND.search(norm) and not ctx.warnings:
        return Parsed("on_demand", (), None, done, ())
    return Parsed("unparsed", (), None, done, tuple(ctx.warnings))


def _kind_of(items: list[Item], spans: list[Span]) -> str:
    if len(spans) > 1:
        return "occurrences"
    if items[0][0] == "due":
        return "due"
    start, end = spans[0]
    return "day" if start is not None and start == end else "span"


def _ordered(spans: list[Span]) -> tuple[Span, ...]:
    if len(spans) < 2:
        return tuple(spans)
    return tuple(sorted(spans, key=lambda s: (s[0] or s[1] or date.min, s[1] or date.max)))
