"""The repetition rule of a recurring deadline: a plain value object (no parser, no Qt).

Read from text by :mod:`desktop.models.deadline_recurrence` (through the deadline parser),
written back in words by :func:`desktop.models.deadline_format.describe_rule`, expanded to
dates by :mod:`desktop.models.deadline_occurrences`; :class:`desktop.models.deadline.Deadline`
holds one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Recurrence:
    """A repetition rule.

    ``frequency`` is "weekly", "monthly", "quarterly", "yearly" or "times" (``times`` per
    ``per``: "week", "month", "quarter", "half_year", "year", or a school period
    "school_quarter", "school_half_year", "school_year"); ``weekdays`` (0 = Monday) are
    the days of «по вторникам и четвергам»; with ``nth`` (1–4, −1 = last) they are the
    n-th weekday of the month; ``month_day`` is «до 10 числа», ``month_offset`` 1 for
    «… следующего месяца», ``quarter_month`` (1–3) for «… первого месяца квартала»;
    ``months`` are named months («2 раза в год (октябрь, апрель)»); ``periods`` are the
    school periods of a school rule, resolved from the :class:`SchoolCalendar` when parsed;
    ``at_end`` («по итогам года») counts a period only when it ends inside the window;
    ``nths`` are all the n-th weekdays of «1-я и 3-я среда месяца» (``nth`` the first);
    ``ordinals`` the school periods of each year a rule counts («по итогам I полугодия и
    учебного года»: 1 and −1, the last), already applied to ``periods``.
    """

    frequency: str
    weekdays: tuple[int, ...] = ()
    times: int | None = None
    per: str | None = None
    months: tuple[int, ...] = ()
    nth: int | None = None
    month_day: int | None = None
    month_offset: int = 0
    quarter_month: int | None = None
    periods: tuple[tuple[date, date], ...] = ()
    at_end: bool = False
    nths: tuple[int, ...] = ()
    ordinals: tuple[int, ...] = ()

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Recurrence:
        """From the ``recurrence`` object of :meth:`Deadline.to_json` (also version 1's,
        which had one ``weekday``)."""
        weekdays = data.get("weekdays")
        if weekdays is None:
            weekdays = [] if data.get("weekday") is None else [data["weekday"]]
        return cls(
            frequency=str(data.get("frequency", "times")),
            weekdays=tuple(weekdays),
            times=data.get("times"),
            per=data.get("per"),
            months=tuple(data.get("months") or ()),
            nth=data.get("nth"),
            month_day=data.get("month_day"),
            month_offset=int(data.get("month_offset") or 0),
            quarter_month=data.get("quarter_month"),
            periods=tuple((date.fromisoformat(s), date.fromisoformat(e))
                          for s, e in data.get("periods") or ()),
            at_end=bool(data.get("at_end", False)),
            nths=tuple(data.get("nths") or ()),
            ordinals=tuple(data.get("ordinals") or ()),
        )

    def to_json(self) -> dict[str, Any]:
        """Plain JSON values (lists for tuples, ISO dates); ``nths`` and ``ordinals`` only
        when set, so the readings of rules without them stay as they were."""
        data: dict[str, Any] = {
            "frequency": self.frequency, "weekdays": list(self.weekdays), "times": self.times,
            "per": self.per, "months": list(self.months), "nth": self.nth,
            "month_day": self.month_day, "month_offset": self.month_offset,
            "quarter_month": self.quarter_month,
            "periods": [[s.isoformat(), e.isoformat()] for s, e in self.periods],
            "at_end": self.at_end,
        }
        if self.nths:
            data["nths"] = list(self.nths)
        if self.ordinals:
            data["ordinals"] = list(self.ordinals)
        return data
