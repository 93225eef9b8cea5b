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

import re
from datetime import date
from typing import Any, NamedTuple

from desktop.models.deadline_clauses import THEN, continuous_clause, unread_parts
from desktop.models.deadline_format import format_deadline
from desktop.models.deadline_recurrence import period_end_rule, recurrence_rule
from desktop.models.deadline_school_year import DEFAULT_CALENDAR, SCHOOL_PERIODS, SchoolCalendar
from desktop.models.deadline_tokens import (
    CONTINUOUS,
    DONE,
    GRAPH_CLAUSE,
    ODD_DASHES,
    ODD_SPACES,
    ON_DEMAND,
    SCHOOL,
    Item,
    Point,
    Span,
    apply_years,
    read_items,
    tokenize,
)


class Parsed(NamedTuple):
    """What the parser found, as plain values (see :class:`desktop.models.deadline.Deadline`)."""

    kind: str
    spans: tuple[Span, ...]
    recurrence: dict[str, Any] | None
    done: bool
    warnings: tuple[str, ...]


# --------------------------------------------------------------------------- resolving


class _Context:
    """The period to resolve against and the warnings collected on the way."""

    __slots__ = ("explicit", "period", "school", "warnings")

    def __init__(self, period: tuple[date, date], explicit: bool,
                 school: SchoolCalendar = DEFAULT_CALENDAR) -> None:
        self.period, self.explicit, self.school = period, explicit, school
        self.warnings: list[str] = []

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def resolve(self, point: Point) -> tuple[date, date] | None:
        """A yearless point falls in the first year of the period where it fits."""
        try:
            if point.school and point.year is not None:
                return self.school.year(point.year)
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

    def year_end(self, start: date, school: bool) -> date:
        """«до конца (учебного) года» counted from ``start``."""
        if school:
            return self.school.year_end_after(start)
        return date(start.year, 12, 31)


def _shifted(point: Point, year: int) -> Point:
    return point.with_year(year, point.run)


def _resolve_range(ctx: _Context, start: Point, end: Any) -> Span | None:
    """Dates of «X - Y»: a missing year comes from the other end («01.02-15.05.2023»)."""
    if not isinstance(end, Point):
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
        shown = format_deadline(span[0], span[1], due=due, days=span[0] is None
                                or span[1] is None or span[0].year != span[1].year)
        ctx.warn(f"Срок «{shown}» выходит за период дорожной карты "
                 f"({start:%d.%m.%Y}–{end:%d.%m.%Y})")


# --------------------------------------------------------------------------- assembling


def _default_windows(ctx: _Context, school: bool) -> tuple[Span, ...]:
    """The whole period, or only its school-year parts (01.09–31.05 by default)."""
    start, end = ctx.period
    if not school:
        return ((start, end),)
    return ctx.school.windows(start, end)


def _month_list(items: list[Item]) -> tuple[int, ...] | None:
    """«2 раза в год (октябрь, апрель)»: named yearless months are the occurrence months."""
    if items and all(kind == "single" and p.day is None and p.year is None and p.m1 == p.m2
                     and not p.school for kind, p, _ in items):
        return tuple(p.m1 for _, p, _ in items)
    return None


def _normalise(text: str) -> str:
    """Lower case, «ё» as «е», every dash as «-», every run of whitespace as one space."""
    text = ODD_SPACES.sub(" ", ODD_DASHES.sub("-", text.lower()))
    if "ё" in text:
        text = text.replace("ё", "е")
    return text.strip()


#: a word written twice in a row, as a page break in Word leaves it («учебного года года»)
_DOUBLED = re.compile(r"(?<![а-яa-z])([а-яa-z]++)(?: \1)+(?![а-яa-z])")


def _undoubled(norm: str) -> str:
    return _DOUBLED.sub(r"\1", norm) if " " in norm else norm


def _masked_period_ends(norm: str, recurrence: dict[str, Any] | None) -> str:
    """«по итогам I полугодия (и учебного года)»: the periods a school rule names are not
    also dates of their own (an «I полугодие» alone is January–June)."""
    if recurrence is None or not recurrence.get("at_end") or recurrence.get("per") not in (
            "school_quarter", "school_half_year"):
        return norm
    found = period_end_rule(norm)
    if found is None:
        return norm
    start, end = found[1]
    # the clause separators stay, so that the clauses still line up with the original text
    blank = "".join(c if c in ",;()" else " " for c in norm[start:end])
    return norm[:start] + blank + norm[end:]


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
    start = Point(int(m), int(m), int(d), int(y) if y else None, first)
    if second is None:
        if y is None:
            return None
        return [("due", start, False)] if due else [("single", start, 0)]
    if due:
        return None
    m2 = int(match.group("m2"))
    return [("range", start, Point(m2, m2, int(match.group("d2")), int(match.group("y2")), second))]


def _general_items(norm: str, ctx: _Context) -> list[Item]:
    """Tokenize, distribute years, read items; malformed dates become warnings."""
    tokens = tokenize(GRAPH_CLAUSE.sub(" ", norm) if "график" in norm else norm)
    for kind, value in tokens:
        if kind == "bad":
            ctx.warn(f"Ошибка в дате: «{value}»")
    return read_items(apply_years(_bare_days(tokens)))


def _bare_days(tokens: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    """«с 1 по 15 марта», «1-15 марта»: a bare day number takes the month of the date after it."""
    for i in range(len(tokens) - 2):
        kind, value = tokens[i]
        if kind == "num" and tokens[i + 1][0] in ("dash", "to") and tokens[i + 2][0] == "pt":
            after = tokens[i + 2][1]
            if after.day is not None and len(value) <= 2 and 1 <= int(value) <= 31:
                tokens[i] = ("pt", Point(after.m1, after.m1, int(value), None, value))
    return tokens


#: a school year counted twice is counted by half-years, four times by quarters
_SCHOOL_SPLITS = {2: "school_half_year", 4: "school_quarter"}


def _recurring_spans(ctx: _Context, norm: str, recurrence: dict[str, Any],
                     spans: list[Span]) -> tuple[Span, ...]:
    """The windows of a recurring rule (its dated part, else the period or its school
    years); «январь 2026 г., далее ежемесячно» runs from the date to the period's end.
    A rule that counts school periods gets them resolved from the school calendar."""
    per = recurrence.get("per")
    if per == "school_year" and recurrence.get("times") in _SCHOOL_SPLITS:
        per = recurrence["per"] = _SCHOOL_SPLITS[recurrence["times"]]  # «2 раза в учебный год»
        recurrence["times"] = 1
    if spans and THEN.search(norm):
        starts = [s for s, _ in spans if s is not None]
        ends = [e for _, e in spans if e is not None]
        if starts:
            spans = [(min(starts), max([ctx.period[1], *ends]))]
    school = per in SCHOOL_PERIODS or SCHOOL.search(norm) is not None
    windows = tuple(spans) or _default_windows(ctx, school)
    if per in SCHOOL_PERIODS:
        starts = [s for s, _ in windows if s is not None]
        ends = [e or s for s, e in windows if (e or s) is not None]
        if starts and ends:
            recurrence["periods"] = ctx.school.periods(  # type: ignore[arg-type]
                per, min(starts), max(ends), recurrence.get("ordinals", ()))
    return windows


def _warn_unread(ctx: _Context, text: str, norm: str) -> None:
    for part in unread_parts(text, norm):
        ctx.warn(f"Часть срока не понята и не учтена: «{part}»")


def parse(text: str, period: tuple[date, date] | None, today: date,
          school: SchoolCalendar = DEFAULT_CALENDAR) -> Parsed:
    """Parse one deadline phrase (see :func:`desktop.models.deadline.parse_deadline`)."""
    norm = _normalise(text)
    done = "полнен" in norm and DONE.search(norm) is not None
    ctx = _Context(period or _reference_period(norm, today), period is not None, school)
    items = _simple_items(norm)
    recurrence, simple = None, items is not None  # a simple form has no part left unread
    read = norm  # the text left to read for dates (and to check for unread parts)
    if items is None:
        norm = _undoubled(norm)
        recurrence = recurrence_rule(norm)
        read = _masked_period_ends(norm, recurrence)
        items = _general_items(read, ctx)
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
        windows = _recurring_spans(ctx, norm, recurrence, spans)
        _warn_unread(ctx, text, read)
        return Parsed("recurring", windows, recurrence, done, tuple(ctx.warnings))
    if spans:
        kind = _kind_of(items, spans)
        clause = continuous_clause(norm) if ctx.explicit or len(items) == 1 else None
        if clause is not None:  # «март-апрель 2026 года, в течение учебного года»
            spans.extend(_default_windows(ctx, SCHOOL.search(clause) is not None))
            kind = "occurrences"
        if not simple:
            _warn_unread(ctx, text, norm)
        return Parsed(kind, _ordered(spans), None, done, tuple(ctx.warnings))
    if not norm.strip(" -.,"):
        if norm:
            ctx.warn("Срок не указан: в ячейке только прочерк")
        return Parsed("unparsed", (), None, done, tuple(ctx.warnings))
    if CONTINUOUS.search(norm) and not ctx.warnings:
        _warn_unread(ctx, text, norm)
        windows = _default_windows(ctx, SCHOOL.search(norm) is not None)
        return Parsed("continuous", windows, None, done, tuple(ctx.warnings))
    if ON_DEMAND.search(norm) and not ctx.warnings:
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
