"""Writing a deadline the way coordinators write it: «15.02.2023», «до 15.02.2023»,
«январь 2023 г.», «январь–март 2023 г.», «01.02–15.05.2023», «01.12.2022–15.01.2023».

No Qt, no SQLAlchemy; the output parses back to the same dates with
:func:`desktop.models.deadline.parse_deadline`.
"""

from __future__ import annotations

import calendar
from datetime import date

#: month names in the nominative, as written in the tables
MONTHS = (
    "январь", "февраль", "март", "апрель", "май", "июнь",
    "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
)
DASH = "–"


def _day(value: date) -> str:
    return value.strftime("%d.%m.") + f"{value.year:04d}"


def _whole_months(start: date, end: date) -> bool:
    """True when the span starts on a 1st and ends on the last day of a month."""
    return start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]


def format_deadline(start: date | None, end: date | None = None, *, due: bool = False) -> str:
    """The coordinator's style for a day, a due date or a span (en dash «–» in ranges).

    ``end=None`` means the single day ``start``; ``due=True`` writes «до <end>» (or
    «до <start>» when there is no end), and so does a missing start; nothing at all
    is an empty string.
    """
    if due or start is None:
        last = end or start
        return "" if last is None else f"до {_day(last)}"
    if end is None or start == end:
        return _day(start)
    if start.year == end.year and start <= end and _whole_months(start, end):
        if start.month == 1 and end.month == 12:
            return f"{start.year} г."
        if start.month == end.month:
            return f"{MONTHS[start.month - 1]} {start.year} г."
        return f"{MONTHS[start.month - 1]}{DASH}{MONTHS[end.month - 1]} {start.year} г."
    if start.year == end.year:
        return f"{start:%d.%m}{DASH}{_day(end)}"
    return f"{_day(start)}{DASH}{_day(end)}"
