"""Writing a deadline the way coordinators write it: «15.02.2023», «до 15.02.2023»,
«январь 2023 г.», «январь–март 2023 г.», «март 2021 – январь 2024», «2021–2023 гг.»,
«01.02–15.05.2023», «01.12.2022–15.01.2023».

No Qt, no SQLAlchemy; the output parses back to the same dates with
:func:`desktop.models.deadline.parse_deadline`.
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.models.deadline_rule import Recurrence

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


def format_deadline(start: date | None, end: date | None = None, *, due: bool = False,
                    days: bool = False) -> str:
    """The coordinator's style for a day, a due date or a span (en dash «–» in ranges).

    ``end=None`` means the single day ``start``; ``due=True`` writes «до <end>» (or
    «до <start>» when there is no end), and so does a missing start; nothing at all
    is an empty string. A span of whole months is written in months
    (:func:`format_months`) unless ``days`` asks for dates.
    """
    if due or start is None:
        last = end or start
        return "" if last is None else f"до {_day(last)}"
    if end is None or start == end:
        return _day(start)
    if not days and start <= end and _whole_months(start, end):
        return format_months(start, end)
    if start.year == end.year:
        return f"{start:%d.%m}{DASH}{_day(end)}"
    return f"{_day(start)}{DASH}{_day(end)}"


def format_months(start: date, end: date) -> str:
    """A span of whole months in words: «2023 г.», «2021–2023 гг.», «сентябрь 2022 г.»,
    «январь–март 2023 г.», «март 2021 – январь 2024»."""
    first, last = MONTHS[start.month - 1], MONTHS[end.month - 1]
    if start.month == 1 and end.month == 12:
        return f"{start.year} г." if start.year == end.year else f"{start.year}{DASH}{end.year} гг."
    if start.year == end.year:
        if start.month == end.month:
            return f"{first} {start.year} г."
        return f"{first}{DASH}{last} {start.year} г."
    return f"{first} {start.year} {DASH} {last} {end.year}"


_WEEKDAYS_DATIVE = ("понедельникам", "вторникам", "средам", "четвергам", "пятницам", "субботам",
                    "воскресеньям")
_WEEKDAYS_ACCUSATIVE = ("понедельник", "вторник", "среду", "четверг", "пятницу", "субботу",
                        "воскресенье")
_ORDINALS = {1: "первый", 2: "второй", 3: "третий", 4: "четвёртый", -1: "последний"}
_ORDINALS_FEMININE = {1: "первую", 2: "вторую", 3: "третью", 4: "четвёртую", -1: "последнюю"}
_PER = {"week": "неделю", "month": "месяц", "quarter": "квартал", "half_year": "полугодие",
        "year": "год", "school_year": "учебный год", "school_quarter": "четверть",
        "school_half_year": "учебное полугодие"}
_PERIOD_ENDS = {"school_quarter": "по итогам каждой четверти",
                "school_half_year": "по итогам каждого полугодия",
                "school_year": "по итогам учебного года"}
#: the periods of «по итогам I полугодия и учебного года» (−1: the last, the year's end)
_NUMBERED = {
    "school_quarter": {1: "I четверти", 2: "II четверти", 3: "III четверти", 4: "IV четверти",
                       -1: "учебного года"},
    "school_half_year": {1: "I полугодия", 2: "II полугодия", -1: "учебного года"},
}
_FREQUENCY = {"weekly": "еженедельно", "monthly": "ежемесячно", "quarterly": "ежеквартально",
              "yearly": "ежегодно"}


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " и " + words[-1]


def describe_rule(rule: Recurrence) -> str:
    """A repetition rule in Russian: «еженедельно по вторникам и четвергам», «ежемесячно
    во второй вторник», «ежемесячно до 10 числа», «по итогам каждой четверти» …"""
    frequency, weekdays, nth, times, per = rule.frequency, rule.weekdays, rule.nth, rule.times, rule.per
    month_day = rule.month_day
    if weekdays and nth is not None:
        day = weekdays[0]
        names = _ORDINALS_FEMININE if day in (2, 4, 5) else _ORDINALS
        ordinals = [names.get(n, f"{n}-й") for n in (rule.nths or (nth,))]
        preposition = "во" if (rule.nths or (nth,))[0] == 2 else "в"
        return f"ежемесячно {preposition} {_and(ordinals)} {_WEEKDAYS_ACCUSATIVE[day]}"
    if weekdays and frequency == "weekly":
        return "еженедельно по " + _and([_WEEKDAYS_DATIVE[d] for d in weekdays if 0 <= d <= 6])
    if month_day is not None:
        if frequency == "quarterly":
            return f"ежеквартально до {month_day} числа {rule.quarter_month or 1}-го месяца квартала"
        return f"ежемесячно до {month_day} числа" + (" следующего месяца" if rule.month_offset else "")
    if (times or 1) == 1 and per in _PERIOD_ENDS:
        if rule.ordinals and per in _NUMBERED:
            return "по итогам " + _and([_NUMBERED[per][n] for n in rule.ordinals
                                        if n in _NUMBERED[per]])
        return _PERIOD_ENDS[per]
    if frequency in _FREQUENCY:
        return _FREQUENCY[frequency]
    return f"{times or 1} раз(а) в {_PER.get(per or 'year', per or 'год')}"
