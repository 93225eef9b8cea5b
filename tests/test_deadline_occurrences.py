"""Occurrences: the dates on which a deadline falls due, for each family of phrases the
coordinators write (several weekdays, the n-th weekday, a day of the month or of the
quarter, N times a period, the ends of the school periods, two-clause phrases), in a
calendar-year roadmap for 2026 and in a roadmap for the 2025/2026 school year.

Every expected date is written out by hand (2026-01-01 is a Thursday; 2025-09-01 a
Monday). Default school calendar: quarters end 24.10, 28.12, 20.03 and 31.05; the first
half-year ends 28.12; the school year runs 01.09–31.05.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.models.deadline import Deadline, Kind, SchoolCalendar, parse_deadline
from desktop.models.deadline_format import describe_rule

Y2026 = (date(2026, 1, 1), date(2026, 12, 31))
SY2526 = (date(2025, 9, 1), date(2026, 8, 31))
OUTSIDE = "выходит за период"


def _dates(text: str, period: tuple[date, date], **kwargs: object) -> list[str]:
    return [d.isoformat() for d in parse_deadline(text, period, **kwargs).occurrence_dates]


def _month_days(year_months: str, day: str) -> list[str]:
    """«2026-01..2026-12» → ["2026-01-DD", …] (only to shorten twelve dates a line)."""
    first, last = year_months.split("..")
    y, m = map(int, first.split("-"))
    ly, lm = map(int, last.split("-"))
    out = []
    while (y, m) <= (ly, lm):
        out.append(f"{y:04d}-{m:02d}-{day}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


MONTH_ENDS_2026 = ["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31",
                   "2026-06-30", "2026-07-31", "2026-08-31", "2026-09-30", "2026-10-31",
                   "2026-11-30", "2026-12-31"]

# (phrase, expected occurrence dates in the 2026 roadmap, … in the 2025/2026 school-year roadmap)
FAMILIES = {
    "several weekdays": [
        ("еженедельно по вторникам и четвергам с 01.09.2026 по 30.09.2026",
         ["2026-09-01", "2026-09-03", "2026-09-08", "2026-09-10", "2026-09-15", "2026-09-17",
          "2026-09-22", "2026-09-24", "2026-09-29"], None),
        ("по понедельникам, средам и пятницам с 01.09.2025 по 14.09.2025", None,
         ["2025-09-01", "2025-09-03", "2025-09-05", "2025-09-08", "2025-09-10", "2025-09-12"]),
        ("каждый вторник и четверг с 05.01.2026 по 18.01.2026",
         ["2026-01-06", "2026-01-08", "2026-01-13", "2026-01-15"],
         ["2026-01-06", "2026-01-08", "2026-01-13", "2026-01-15"]),
    ],
    "n-th weekday of the month": [
        ("каждый второй вторник месяца",
         ["2026-01-13", "2026-02-10", "2026-03-10", "2026-04-14", "2026-05-12", "2026-06-09",
          "2026-07-14", "2026-08-11", "2026-09-08", "2026-10-13", "2026-11-10", "2026-12-08"],
         ["2025-09-09", "2025-10-14", "2025-11-11", "2025-12-09", "2026-01-13", "2026-02-10",
          "2026-03-10", "2026-04-14", "2026-05-12", "2026-06-09", "2026-07-14", "2026-08-11"]),
        ("в последнюю пятницу месяца в течение учебного года",
         ["2026-01-30", "2026-02-27", "2026-03-27", "2026-04-24", "2026-05-29",
          "2026-09-25", "2026-10-30", "2026-11-27", "2026-12-25"],
         ["2025-09-26", "2025-10-31", "2025-11-28", "2025-12-26", "2026-01-30", "2026-02-27",
          "2026-03-27", "2026-04-24", "2026-05-29"]),
    ],
    "day of the month": [
        ("ежемесячно до 10 числа", _month_days("2026-01..2026-12", "10"),
         _month_days("2025-09..2026-08", "10")),
        ("до 3 числа следующего месяца", _month_days("2026-02..2026-12", "03"),
         _month_days("2025-10..2026-08", "03")),
        ("до 5-го числа каждого месяца в течение учебного года",
         _month_days("2026-01..2026-05", "05") + _month_days("2026-09..2026-12", "05"),
         _month_days("2025-09..2026-05", "05")),
        ("ежемесячно до 30 числа с 01.01.2026 по 31.03.2026",
         ["2026-01-30", "2026-02-28", "2026-03-30"], ["2026-01-30", "2026-02-28", "2026-03-30"]),
    ],
    "day within the quarter": [
        ("не позднее 15 числа первого месяца квартала",
         ["2026-01-15", "2026-04-15", "2026-07-15", "2026-10-15"],
         ["2025-10-15", "2026-01-15", "2026-04-15", "2026-07-15"]),
        ("до 10 числа месяца, следующего за отчётным кварталом",
         ["2026-01-10", "2026-04-10", "2026-07-10", "2026-10-10"],
         ["2025-10-10", "2026-01-10", "2026-04-10", "2026-07-10"]),
        ("ежеквартально до 25 числа последнего месяца квартала",
         ["2026-03-25", "2026-06-25", "2026-09-25", "2026-12-25"],
         ["2025-09-25", "2025-12-25", "2026-03-25", "2026-06-25"]),
    ],
    "N times per period": [
        ("2 раза в месяц с 01.01.2026 по 31.03.2026",
         ["2026-01-15", "2026-01-31", "2026-02-14", "2026-02-28", "2026-03-15", "2026-03-31"],
         ["2026-01-15", "2026-01-31", "2026-02-14", "2026-02-28", "2026-03-15", "2026-03-31"]),
        # the quarter cut by the roadmap's end (31.08) falls due at that end
        ("1 раз в квартал", ["2026-03-31", "2026-06-30", "2026-09-30", "2026-12-31"],
         ["2025-09-30", "2025-12-31", "2026-03-31", "2026-06-30", "2026-08-31"]),
        ("2 раза в полугодие", ["2026-03-31", "2026-06-30", "2026-09-30", "2026-12-31"],
         ["2025-09-30", "2025-12-31", "2026-03-31", "2026-06-30", "2026-08-31"]),
        ("3 раза в год", ["2026-04-30", "2026-08-31", "2026-12-31"],
         ["2025-12-31", "2026-04-30", "2026-08-31"]),
        ("3 раза в течение учебного года", ["2026-02-28", "2026-05-31", "2026-11-30"],
         ["2025-11-30", "2026-02-28", "2026-05-31"]),
        ("2 раза в учебный год", ["2026-05-31", "2026-12-28"], ["2025-12-28", "2026-05-31"]),
        ("не реже 1 раза в четверть", ["2026-03-20", "2026-05-31", "2026-10-24", "2026-12-28"],
         ["2025-10-24", "2025-12-28", "2026-03-20", "2026-05-31"]),
    ],
    "ends of the school periods": [
        ("по итогам каждой четверти", ["2026-03-20", "2026-05-31", "2026-10-24", "2026-12-28"],
         ["2025-10-24", "2025-12-28", "2026-03-20", "2026-05-31"]),
        ("в конце каждой четверти", ["2026-03-20", "2026-05-31", "2026-10-24", "2026-12-28"],
         ["2025-10-24", "2025-12-28", "2026-03-20", "2026-05-31"]),
        ("по итогам каждого полугодия", ["2026-05-31", "2026-12-28"], ["2025-12-28", "2026-05-31"]),
        ("по завершении учебного года", ["2026-05-31"], ["2026-05-31"]),
        ("по итогам года", ["2026-12-31"], ["2025-12-31"]),
    ],
    "two clauses": [
        ("январь 2026 г., далее ежемесячно", MONTH_ENDS_2026, MONTH_ENDS_2026[:8]),
        ("март-апрель 2026 года, в течение учебного года",
         ["2026-04-30", "2026-05-31", "2026-12-31"], ["2026-04-30", "2026-05-31"]),
    ],
    "spans and lists": [
        ("01.02-15.05.2026", ["2026-05-15"], ["2026-05-15"]),
        ("апрель, июнь 2026", ["2026-04-30", "2026-06-30"], ["2026-04-30", "2026-06-30"]),
        ("до 15.02.2026", ["2026-02-15"], ["2026-02-15"]),
        ("15.04.2026", ["2026-04-15"], ["2026-04-15"]),
        ("2025/2026", ["2026-05-31"], ["2026-05-31"]),
        ("2025-2026 учебный год", ["2026-05-31"], ["2026-05-31"]),
        ("постоянно", [], []),
        ("по мере необходимости", [], []),
    ],
}
CASES = [(family, text, period, expected)
         for family, rows in FAMILIES.items()
         for text, in_2026, in_school_year in rows
         for period, expected in ((Y2026, in_2026), (SY2526, in_school_year))
         if expected is not None]


@pytest.mark.parametrize(("family", "text", "period", "expected"), CASES,
                         ids=[f"{c[0]}: {c[1]} [{c[2][0].year}]" for c in CASES])
def test_occurrence_dates(family: str, text: str, period: tuple[date, date],
                          expected: list[str]) -> None:
    deadline = parse_deadline(text, period)
    assert deadline.kind is not Kind.UNPARSED
    assert [d.isoformat() for d in deadline.occurrence_dates] == expected
    inside = all(period[0] <= d <= period[1] for d in deadline.occurrence_dates)
    assert inside or any(OUTSIDE in w for w in deadline.warnings)
    if not text.startswith("2025"):
        assert not deadline.warnings, deadline.warnings


def test_the_last_occurrence_decides_overdue() -> None:
    monthly = parse_deadline("ежемесячно до 10 числа", Y2026)
    assert monthly.end == date(2026, 12, 31)  # the window, drawn
    assert monthly.last_due == date(2026, 12, 10)
    assert not monthly.is_overdue(date(2026, 12, 10), "planned")
    assert monthly.is_overdue(date(2026, 12, 11), "in_work")
    assert not monthly.is_overdue(date(2026, 12, 11), "done")
    assert monthly.next_due(date(2026, 4, 11)) == date(2026, 5, 10)
    assert monthly.next_due(date(2026, 12, 11)) is None


def test_rules_are_kept_whole() -> None:
    weekly = parse_deadline("еженедельно по вторникам и четвергам", Y2026).recurrence
    assert weekly is not None and weekly.weekdays == (1, 3)
    assert describe_rule(weekly) == "еженедельно по вторникам и четвергам"
    nth = parse_deadline("каждый второй вторник месяца", Y2026).recurrence
    assert nth is not None and (nth.weekdays, nth.nth) == ((1,), 2)
    assert describe_rule(nth) == "ежемесячно во второй вторник"
    day = parse_deadline("ежемесячно до 10 числа", Y2026).recurrence
    assert day is not None and day.month_day == 10
    assert describe_rule(day) == "ежемесячно до 10 числа"
    school = parse_deadline("по итогам каждой четверти", Y2026).recurrence
    assert school is not None and describe_rule(school) == "по итогам каждой четверти"
    counted = parse_deadline("3 раза в течение учебного года", Y2026)
    assert counted.kind is Kind.RECURRING  # it used to read as continuous


def test_school_years_are_spans_of_the_school_calendar() -> None:
    for text in ("2021/2022", "2021-2022 учебный год", "2021/2022 уч. г."):
        deadline = parse_deadline(text)
        assert deadline.kind is Kind.SPAN, text
        assert deadline.spans == ((date(2021, 9, 1), date(2022, 5, 31)),), text
    assert parse_deadline("2021/2023").kind is Kind.OCCURRENCES  # not one school year


def test_school_period_ends_are_settings() -> None:
    late = SchoolCalendar(end=(6, 20), quarter_ends=((11, 1), (12, 30), (3, 27)),
                          half_year_end=(12, 30))
    assert _dates("по итогам каждой четверти", SY2526, school=late) == [
        "2025-11-01", "2025-12-30", "2026-03-27", "2026-06-20"]
    assert _dates("по итогам каждого полугодия", SY2526, school=late) == ["2025-12-30", "2026-06-20"]
    assert _dates("по завершении учебного года", SY2526, school=late) == ["2026-06-20"]
    continuous = parse_deadline("в течение учебного года", SY2526, school=late)
    assert continuous.spans == ((date(2025, 9, 1), date(2026, 6, 20)),)
    assert parse_deadline("до конца учебного года", SY2526, school=late).end == date(2026, 6, 20)


@pytest.mark.parametrize(
    ("text", "part", "kept"),
    [
        ("март 2026, после согласования с министерством", "после согласования с министерством",
         ["2026-03-31"]),
        ("ежемесячно (кроме каникул)", "кроме каникул", MONTH_ENDS_2026),
        ("До 15.02.2026; Уточняется Министерством", "Уточняется Министерством", ["2026-02-15"]),
    ],
)
def test_an_unread_part_is_named_and_the_rest_kept(text: str, part: str, kept: list[str]) -> None:
    deadline = parse_deadline(text, Y2026)
    assert deadline.kind is not Kind.UNPARSED
    assert any(f"«{part}»" in w for w in deadline.warnings), deadline.warnings
    assert [d.isoformat() for d in deadline.occurrence_dates] == kept


def test_json_carries_occurrences_only_when_asked() -> None:
    deadline = parse_deadline("по итогам каждого полугодия", SY2526)
    assert "occurrences" not in deadline.to_json()
    data = deadline.to_json(occurrences=True)
    assert data["occurrences"] == ["2025-12-28", "2026-05-31"]
    again = Deadline.from_json(data)
    assert again == deadline and again.occurrence_dates == deadline.occurrence_dates


# --------------------------------------------------------------------------- property

FRAGMENTS = [
    "1", "2", "3", "5", "10", "15", "31", "2025", "2026", "2027", ".", "-", " ", " ", ",", ";",
    "(", ")", "/", "январь", "марта", "сентябрь", "май", "г.", "года", "до", "с", "по", "далее",
    "еженедельно", "ежемесячно", "ежеквартально", "по вторникам", "и четвергам", "каждый",
    "второй", "последнюю", "вторник", "пятницу", "месяца", "числа", "следующего месяца",
    "первого месяца квартала", "раз в", "раза в", "течение", "учебного года", "учебный год",
    "четверть", "полугодие", "по итогам", "в конце", "по завершении", "каждой четверти",
    "каждого полугодия", "постоянно", "в течение года", "по мере", "уточняется", "2025/2026",
]
dates = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))


@settings(max_examples=150, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=40), st.lists(st.sampled_from(FRAGMENTS), max_size=10).map(" ".join)),
       st.tuples(dates, dates).map(lambda p: (min(p), max(p))))
def test_occurrences_lie_in_the_period_or_are_flagged(text: str, period: tuple[date, date]) -> None:
    deadline = parse_deadline(text, period)
    assert deadline.text == text
    for day in deadline.occurrence_dates:
        assert (period[0] <= day <= period[1]) or any(OUTSIDE in w for w in deadline.warnings), \
            (text, period, day)
    assert list(deadline.occurrence_dates) == sorted(set(deadline.occurrence_dates))
