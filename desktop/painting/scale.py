"""The time axis: date ↔ x mapping, zoom levels, header bands with Russian names, days off.

No widgets here: the view, the header and the PDF renderer share these pieces.
An x coordinate is measured from the scale's ``origin`` (the first day drawn):
day ``d`` covers ``[x(d), x(d) + px_per_day)``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from functools import lru_cache

#: nominative month names as in the tables («январь»), and short forms for narrow cells
MONTHS = ("январь", "февраль", "март", "апрель", "май", "июнь",
          "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь")
MONTHS_SHORT = ("янв.", "февр.", "март", "апр.", "май", "июнь",
                "июль", "авг.", "сент.", "окт.", "нояб.", "дек.")
QUARTERS = ("I кв.", "II кв.", "III кв.", "IV кв.")
WEEKDAYS_SHORT = ("пн", "вт", "ср", "чт", "пт", "сб", "вс")

MIN_PX_PER_DAY = 0.5
MAX_PX_PER_DAY = 48.0


class Zoom(Enum):
    """Preset zoom levels of the combo box: (Russian name, pixels per day)."""

    WEEK = ("неделя", 24.0)
    MONTH = ("месяц", 5.0)
    QUARTER = ("квартал", 2.2)
    YEAR = ("год", 1.0)

    @property
    def title(self) -> str:
        return self.value[0]

    @property
    def px_per_day(self) -> float:
        return self.value[1]

    @classmethod
    def nearest(cls, px_per_day: float) -> Zoom:
        """The preset closest to ``px_per_day`` on a logarithmic scale."""
        return min(cls, key=lambda z: abs(math.log(z.px_per_day / px_per_day)))


@dataclass(frozen=True)
class Band:
    """One cell of a header band: the dates it covers and its labels, longest first."""

    start: date
    end: date
    labels: tuple[str, ...]


@dataclass(frozen=True)
class TimeScale:
    """Maps dates to x: ``x(d) = (d - origin).days * px_per_day``."""

    origin: date
    px_per_day: float

    def x(self, day: date) -> float:
        """The left edge of ``day``."""
        return (day - self.origin).days * self.px_per_day

    def x_end(self, day: date) -> float:
        """The right edge of ``day`` (the left edge of the next one)."""
        return self.x(day) + self.px_per_day

    def date_at(self, x: float) -> date:
        """The day under ``x``."""
        return self.origin + timedelta(days=math.floor(x / self.px_per_day))

    def days(self, dx: float) -> int:
        """A horizontal move of ``dx`` pixels in whole days (snapped to the nearest)."""
        return round(dx / self.px_per_day)

    def zoomed(self, px_per_day: float) -> TimeScale:
        return TimeScale(self.origin, clamp_zoom(px_per_day))


def clamp_zoom(px_per_day: float) -> float:
    return max(MIN_PX_PER_DAY, min(MAX_PX_PER_DAY, px_per_day))


def shows_days_off(px_per_day: float) -> bool:
    """Weekends and holidays are shaded only when a day is wide enough to see (week zoom)."""
    return px_per_day >= 8.0


# --------------------------------------------------------------------------- bands


def _month_end(day: date) -> date:
    nxt = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def years(start: date, end: date) -> list[Band]:
    return [Band(max(start, date(y, 1, 1)), min(end, date(y, 12, 31)), (f"{y} год", str(y)))
            for y in range(start.year, end.year + 1)]


def quarters(start: date, end: date) -> list[Band]:
    bands = []
    day = date(start.year, (start.month - 1) // 3 * 3 + 1, 1)
    while day <= end:
        q = (day.month - 1) // 3
        last = _month_end(date(day.year, day.month + 2, 1))
        bands.append(Band(max(start, day), min(end, last),
                          (f"{QUARTERS[q]} {day.year}", QUARTERS[q])))
        day = last + timedelta(days=1)
    return bands


def months(start: date, end: date, *, with_year: bool = False) -> list[Band]:
    bands = []
    day = date(start.year, start.month, 1)
    while day <= end:
        name, short = MONTHS[day.month - 1], MONTHS_SHORT[day.month - 1]
        labels = (f"{name} {day.year}", name, short) if with_year else (name, short, f"{day.month:02d}")
        last = _month_end(day)
        bands.append(Band(max(start, day), min(end, last), labels))
        day = last + timedelta(days=1)
    return bands


def weeks(start: date, end: date) -> list[Band]:
    """ISO weeks (Monday–Sunday): «нед. 5 (26.01)», «нед. 5», «26.01», «5»."""
    bands = []
    monday = start - timedelta(days=start.weekday())
    while monday <= end:
        number = monday.isocalendar()[1]
        sunday = monday + timedelta(days=6)
        bands.append(Band(max(start, monday), min(end, sunday),
                          (f"нед. {number} ({monday:%d.%m})", f"нед. {number}", f"{monday:%d.%m}",
                           str(number))))
        monday += timedelta(days=7)
    return bands


def days(start: date, end: date) -> list[Band]:
    return [Band(d, d, (f"{d.day} {WEEKDAYS_SHORT[d.weekday()]}", str(d.day)))
            for d in (start + timedelta(days=n) for n in range((end - start).days + 1))]


def header_bands(start: date, end: date, px_per_day: float) -> tuple[list[Band], ...]:
    """Three rows of header cells for the dates [start, end] at this zoom (coarse to fine)."""
    if px_per_day >= 14:
        return months(start, end, with_year=True), weeks(start, end), days(start, end)
    if px_per_day >= 3:
        return years(start, end), months(start, end), weeks(start, end)
    return years(start, end), quarters(start, end), months(start, end)


# --------------------------------------------------------------------------- days off


@lru_cache(maxsize=32)
def _holidays(year: int) -> dict[date, str]:
    # imported on first use: `holidays` loads every country's module (~20 ms), and the
    # timeline needs the calendar only when it shades days off, not to show the roadmap
    import holidays

    return dict(holidays.country_holidays("RU", years=year, language="ru"))


def holiday_name(day: date) -> str | None:
    """The Russian public holiday or transferred day off on ``day`` (None on other days)."""
    return _holidays(day.year).get(day)


def is_day_off(day: date) -> bool:
    """A weekend or a Russian public holiday (transferred days off included), except the
    weekend days officially made working days."""
    if day in _holidays(day.year):
        return True
    return day.weekday() >= 5 and day not in _working_weekends(day.year)


@lru_cache(maxsize=32)
def _working_weekends(year: int) -> frozenset[date]:
    import holidays

    found = holidays.country_holidays("RU", years=year)
    return frozenset(getattr(found, "weekend_workdays", ()) or ())


def days_off(start: date, end: date) -> list[date]:
    """Every day off in [start, end]."""
    count = (end - start).days + 1
    return [d for d in (start + timedelta(days=n) for n in range(max(count, 0))) if is_day_off(d)]
