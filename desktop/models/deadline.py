"""Deadlines as coordinators write them («До 15.02.2023», «апрель-май 2022, 2023гг»,
«Еженедельно по вторникам и четвергам …», «по итогам каждой четверти», «постоянно»)
and what the application understands of them: a kind, date spans, a recurrence rule,
a done mark, warnings, and the dates on which the deadline falls due (its
occurrences, :attr:`Deadline.occurrence_dates`).

The text is always kept exactly as written; the parsed value serves the timeline,
overdue checks, «срок в ближайшие N дней» and the reports, which all read the
occurrence dates from here. The school year's periods come from a
:class:`SchoolCalendar` (settings with defaults). No Qt, no SQLAlchemy.

>>> d = parse_deadline("01.02-15.05.2023", (date(2023, 1, 1), date(2023, 12, 31)))
>>> d.kind, d.start, d.end
(<Kind.SPAN: 'span'>, datetime.date(2023, 2, 1), datetime.date(2023, 5, 15))
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cached_property, lru_cache
from typing import Any

from desktop.models.deadline_format import format_deadline
from desktop.models.deadline_occurrences import MAX_OCCURRENCES, recurring_pieces
from desktop.models.deadline_parse import parse
from desktop.models.deadline_rule import Recurrence
from desktop.models.deadline_school_year import DEFAULT_CALENDAR, SchoolCalendar

__all__ = ["MAX_OCCURRENCES", "PARSER_VERSION", "Deadline", "Kind", "Recurrence", "SchoolCalendar",
           "format_deadline", "is_overdue", "parse_deadline"]

#: bumped whenever the parser reads some phrase differently; stored readings of an older
#: version are re-read (:mod:`desktop.services.deadline_refresh`). Version 1 had no number.
PARSER_VERSION = 3  # 3: the dated school calendar, «после каждой четверти», «1-я и 3-я среда»
_CLOSED_STATUSES = frozenset({"done", "cancelled"})
#: kinds that have no last day of their own
_UNDATED_KINDS = frozenset({"on_demand", "unparsed", "continuous"})


def is_overdue(kind: str, end: date | None, today: date, status: str, *,
               text_says_done: bool = False) -> bool:
    """The one overdue rule, also for callers that hold only the stored columns
    (kind, last due date) and not a decoded :class:`Deadline`."""
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
        """Not done, not cancelled, and the last occurrence has passed (never for
        continuous, on-demand or unparsed deadlines)."""
        return is_overdue(self.kind, self.last_due, today, status, text_says_done=self.done)

    def occurrences(self) -> list[tuple[date, date]]:
        """Each span to draw, in order; for a recurring deadline each single occurrence
        (a day, a week, a month, a school quarter …) whose last day is when it falls due.

        A span missing one end is drawn as its known day; one missing both is skipped.
        """
        return list(self._pieces)

    @cached_property
    def _pieces(self) -> tuple[tuple[date, date], ...]:
        if self.kind is Kind.RECURRING and self.recurrence is not None:
            return tuple(recurring_pieces(self.recurrence, self.spans))
        drawn = [(s or e, e or s) for s, e in self.spans if s or e]
        return tuple(sorted(drawn))  # type: ignore[arg-type]

    @cached_property
    def occurrence_dates(self) -> tuple[date, ...]:
        """The dates on which the deadline falls due, in order: every occurrence of a
        recurring rule, the end of each span otherwise; none for continuous, on-demand
        and unparsed deadlines. A date outside the roadmap's period comes with a warning."""
        if self.kind in (Kind.CONTINUOUS, Kind.ON_DEMAND, Kind.UNPARSED):
            return ()
        return tuple(sorted({end for _, end in self._pieces}))

    @property
    def last_due(self) -> date | None:
        """The last occurrence date (for the stored ``deadline_end`` of older readings:
        the end of the last span)."""
        dates = self.occurrence_dates
        return dates[-1] if dates else self.end

    def next_due(self, after: date) -> date | None:
        """The first occurrence date on or after ``after``."""
        return next((d for d in self.occurrence_dates if d >= after), None)

    def next_occurrence(self, after: date) -> tuple[date, date] | None:
        """The occurrence in progress on ``after`` or the first one after it."""
        return next((o for o in self._pieces if o[1] >= after), None)

    def to_json(self, *, occurrences: bool = False) -> dict[str, Any]:
        """Plain JSON values: ISO dates, the kind's value, lists for tuples; the parser's
        version; with ``occurrences`` also the occurrence dates."""
        data: dict[str, Any] = {
            "text": self.text,
            "kind": self.kind.value,
            "spans": [[_iso(s), _iso(e)] for s, e in self.spans],
            "recurrence": None if self.recurrence is None else self.recurrence.to_json(),
            "done": self.done,
            "warnings": list(self.warnings),
            "version": PARSER_VERSION,
        }
        if occurrences:
            data["occurrences"] = [d.isoformat() for d in self.occurrence_dates]
        return data

    def stored(self) -> dict[str, Any]:
        """The columns a record keeps of its reading: the JSON, the kind, the first and last
        day (an item's ``deadline_*`` columns; a schedule row keeps all but the kind)."""
        return {"deadline_json": self.to_json(), "deadline_kind": self.kind.value,
                "deadline_start": self.start, "deadline_end": self.end}

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


def deadline_json_ok(value: Any) -> bool:
    """The stored parsed deadline can be read back: spans of ISO dates (or nulls)."""
    if not isinstance(value, dict):
        return False
    try:
        Deadline.from_json(value)
    except Exception:  # any shape the reader does not accept is damage
        return False
    return True


def stored_version(data: dict[str, Any] | None) -> int:
    """The parser version a stored reading was made with (1 before versions were stored)."""
    if not data:
        return 0
    try:
        return int(data.get("version") or 1)
    except (TypeError, ValueError):
        return 1


def parse_deadline(text: str, period: tuple[date, date] | None = None,
                   school: SchoolCalendar | None = None) -> Deadline:
    """Understand a deadline phrase; never raises.

    ``period`` is the roadmap's (start, end): missing years resolve against it, a
    due date starts at its start, continuous and recurring deadlines cover it, and
    dates outside it are warned about. Without it the year written in the text
    (else the current year) stands in, and a due date has no start. ``school`` gives
    the ends of the school year and its periods (default :class:`SchoolCalendar`).
    """
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    if period is not None:
        period = (period[0], period[1]) if period[0] and period[1] else None
    return _parse_cached(text, period, date.today(), school or DEFAULT_CALENDAR)


@lru_cache(maxsize=8192)
def _parse_cached(text: str, period: tuple[date, date] | None, today: date,
                  school: SchoolCalendar = DEFAULT_CALENDAR) -> Deadline:
    try:
        parsed = parse(text, period, today, school)
    except Exception:  # a parser bug must not stop loading a roadmap; the text is kept
        return Deadline(text, Kind.UNPARSED, warnings=("Срок не удалось разобрать",))
    recurrence = None if parsed.recurrence is None else Recurrence(**parsed.recurrence)
    return Deadline(text, Kind(parsed.kind), parsed.spans, recurrence, parsed.done, parsed.warnings)


# --------------------------------------------------------------------------- helpers


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _date(value: str | None) -> date | None:
    return None if not value else date.fromisoformat(value)


