"""Deadlines as coordinators write them («До 15.02.2023», «апрель-май 2022, 2023гг»,
«Еженедельно по четвергам …», «постоянно») and what the application understands
of them: a kind, date spans, a recurrence rule, a done mark and warnings.

The text is always kept exactly as written; the parsed value only serves the
timeline, overdue checks and the per-school checklist. No Qt, no SQLAlchemy.

>>> d = parse_deadline("01.02-15.05.2023", (date(2023, 1, 1), date(2023, 12, 31)))
>>> d.kind, d.start, d.end
(<Kind.SPAN: 'span'>, datetime.date(2023, 2, 1), datetime.date(2023, 5, 15))
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import Any

from desktop.models.deadline_format import format_deadline
from desktop.models.deadline_parse import parse

__all__ = ["Deadline", "Kind", "Recurrence", "format_deadline", "is_overdue", "parse_deadline"]

#: more occurrences than this are not generated (a weekly rule over decades)
MAX_OCCURRENCES = 5000
_CLOSED_STATUSES = frozenset({"done", "cancelled"})
#: kinds that have no last day of their own
_UNDATED_KINDS = frozenset({"on_demand", "unparsed", "continuous"})


def is_overdue(kind: str, end: date | None, today: date, status: str, *,
               text_says_done: bool = False) -> bool:
    """The one overdue rule, also for callers that hold only the stored columns
    (kind, end) and not a decoded :class:`Deadline`."""
    if text_says_done or status in _CLOSED_STATUSES:
        return False
    if kind in _UNDATED_KINDS:
        return False
    return end is not None and end < today


class Kind(StrEnum):
    """What sort of deadline the text describes."""

    DAY = "day"                  #: one date
    DUE = "due"                  #: by a date
    SPAN = "span"                #: one contiguous period
    OCCURRENCES = "occurrences"  #: several separate spans
    RECURRING = "recurring"      #: weekly, monthly, N times a year … within windows
    CONTINUOUS = "continuous"    #: «постоянно», «в течение года»
    ON_DEMAND = "on_demand"      #: «по мере необходимости», «по графику …»
    UNPARSED = "unparsed"        #: not understood (see the warnings)


@dataclass(frozen=True)
class Recurrence:
    """A repetition rule: ``frequency`` is "weekly", "monthly", "quarterly", "yearly" or "times"
    (``times`` per ``per``: "week", "month", "quarter", "year", "school_year", "half_year");
    ``months`` are the months named in the text («2 раза в год (октябрь, апрель)»)."""

    frequency: str
    weekday: int | None = None
    times: int | None = None
    per: str | None = None
    months: tuple[int, ...] = ()

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Recurrence:
        """From the ``recurrence`` object of :meth:`Deadline.to_json`."""
        return cls(
            frequency=str(data.get("frequency", "times")),
            weekday=data.get("weekday"),
            times=data.get("times"),
            per=data.get("per"),
            months=tuple(data.get("months") or ()),
        )


Span = tuple[date | None, date | None]


@dataclass(frozen=True)
class Deadline:
    """A deadline: the coordinator's text and what it means."""

    text: str
    kind: Kind
    spans: tuple[Span, ...] = ()
    recurrence: Recurrence | None = None
    done: bool = False
    warnings: tuple[str, ...] = field(default=())

    @property
    def start(self) -> date | None:
        """The earliest start of all spans (None when no span has one)."""
        starts = [s for s, _ in self.spans if s is not None]
        return min(starts) if starts else None

    @property
    def end(self) -> date | None:
        """The latest end of all spans (None when no span has one)."""
        ends = [e for _, e in self.spans if e is not None]
        return max(ends) if ends else None

    def is_overdue(self, today: date, status: str) -> bool:
        """Not done, not cancelled, and the last end has passed (never for continuous,
        on-demand or unparsed deadlines)."""
        return is_overdue(self.kind, self.end, today, status, text_says_done=self.done)

    def occurrences(self) -> list[tuple[date, date]]:
        """Each span to draw, in order; for a recurring deadline each single occurrence.

        A span missing one end is drawn as its known day; one missing both is skipped.
        """
        if self.kind is Kind.RECURRING and self.recurrence is not None:
            return _recurring_occurrences(self.recurrence, self.spans)
        drawn = [(s or e, e or s) for s, e in self.spans if s or e]
        return sorted(drawn)  # type: ignore[arg-type]

    def next_occurrence(self, after: date) -> tuple[date, date] | None:
        """The occurrence in progress on ``after`` or the first one after it."""
        return next((o for o in self.occurrences() if o[1] >= after), None)

    def to_json(self) -> dict[str, Any]:
        """Plain JSON values: ISO dates, the kind's value, lists for tuples."""
        return {
            "text": self.text,
            "kind": self.kind.value,
            "spans": [[_iso(s), _iso(e)] for s, e in self.spans],
            "recurrence": None if self.recurrence is None else _recurrence_json(self.recurrence),
            "done": self.done,
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Deadline:
        """The inverse of :meth:`to_json`."""
        recurrence = data.get("recurrence")
        return cls(
            text=str(data.get("text", "")),
            kind=Kind(data.get("kind", Kind.UNPARSED.value)),
            spans=tuple((_date(s), _date(e)) for s, e in data.get("spans") or ()),
            recurrence=Recurrence.from_json(recurrence) if recurrence else None,
            done=bool(data.get("done", False)),
            warnings=tuple(data.get("warnings") or ()),
        )


def parse_deadline(text: str, period: tuple[date, date] | None = None) -> Deadline:
    """Understand a deadline phrase; never raises.

    ``period`` is the roadmap's (start, end): missing years resolve against it, a
    due date starts at its start, continuous and recurring deadlines cover it, and
    dates outside it are warned about. Without it the year written in the text
    (else the current year) stands in, and a due date has no start.
    """
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    if period is not None:
        period = (period[0], period[1]) if period[0] and period[1] else None
    return _parse_cached(text, period, date.today())


@lru_cache(maxsize=8192)
def _parse_cached(text: str, period: tuple[date, date] | None, today: date) -> Deadline:
    try:
        parsed = parse(text, period, today)
    except Exception:  # a parser bug must not stop loading a roadmap; the text is kept
        return Deadline(text, Kind.UNPARSED, warnings=("Срок не удалось разобрать",))
    recurrence = None if parsed.recurrence is None else Recurrence(**parsed.recurrence)
    return Deadline(text, Kind(parsed.kind), parsed.spans, recurrence, parsed.done, parsed.warnings)


# --------------------------------------------------------------------------- helpers


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _date(value: str | None) -> date | None:
    return None if not value else date.fromisoformat(value)


def _recurrence_json(recurrence: Recurrence) -> dict[str, Any]:
    data = asdict(recurrence)
    data["months"] = list(recurrence.months)
    return data


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


_MONTHS_PER = {"month": 1, "quarter": 3, "half_year": 6, "year": 12}


def _blocks(per: str, start: date, end: date, months: int | None = None) -> Iterator[tuple[date, date]]:
    """Calendar blocks (weeks Monday–Sunday, school years 01.09–31.05, or runs of
    ``months`` months aligned on the year; by default the length of ``per``) that
    overlap [start, end], unclipped."""
    if per == "week":
        monday = start - timedelta(days=start.weekday())
        while monday <= end:
            yield monday, monday + timedelta(days=6)
            monday += timedelta(days=7)
        return
    if per == "school_year":
        for year in range(start.year - 1, end.year + 1):
            yield date(year, 9, 1), date(year + 1, 5, 31)
        return
    size = months or _MONTHS_PER.get(per, 12)
    year, month = start.year, (start.month - 1) // size * size + 1
    while date(year, month, 1) <= end:
        yield date(year, month, 1), _month_end(year, month + size - 1)
        month += size
        if month > 12:
            year, month = year + 1, month - 12


def _parts(block: tuple[date, date], count: int) -> Iterator[tuple[date, date]]:
    """``block`` cut into ``count`` nearly equal consecutive parts."""
    first, length = block[0], (block[1] - block[0]).days + 1
    for k in range(count):
        lo, hi = length * k // count, length * (k + 1) // count - 1
        if hi >= lo:
            yield first + timedelta(days=lo), first + timedelta(days=hi)


def _rule_pieces(rule: Recurrence, start: date, end: date) -> Iterator[tuple[date, date]]:
    """The occurrences of ``rule`` in a window, before clipping."""
    if rule.months:
        for year in range(start.year, end.year + 1):
            for month in sorted(rule.months):
                if 1 <= month <= 12:
                    yield date(year, month, 1), _month_end(year, month)
        return
    if rule.frequency == "weekly" and rule.weekday is not None:
        day = start + timedelta(days=(rule.weekday - start.weekday()) % 7)
        while day <= end:
            yield day, day
            day += timedelta(days=7)
        return
    per = {"weekly": "week", "monthly": "month", "quarterly": "quarter"}.get(rule.frequency)
    if per is None:
        per = rule.per or "year"
    count = max(1, min(rule.times or 1, 366)) if rule.frequency == "times" else 1
    unit_months = _MONTHS_PER.get(per)
    if unit_months and unit_months % count == 0:  # «2 раза в год»: once a half-year
        yield from _blocks(per, start, end, unit_months // count)
        return
    for block in _blocks(per, start, end):
        yield from _parts(block, count)


def _recurring_occurrences(rule: Recurrence, windows: tuple[Span, ...]) -> list[tuple[date, date]]:
    found: list[tuple[date, date]] = []
    for start, end in windows:
        if start is None:
            continue
        end = end or date(start.year, 12, 31)
        for lo, hi in _rule_pieces(rule, start, end):
            lo, hi = max(lo, start), min(hi, end)
            if lo <= hi:
                found.append((lo, hi))
            if len(found) >= MAX_OCCURRENCES:
                return sorted(found)
    return sorted(set(found))
