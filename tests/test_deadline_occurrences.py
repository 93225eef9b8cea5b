"""Occurrences: the dates on which a deadline falls due, for each family of phrases the
coordinators write (several weekdays, the n-th weekday, a day of the month or of the
quarter, N times a period, the ends of the school periods, two-clause phrases), in a
calendar-year roadmap for 2026 and in a roadmap for the 2025/2026 school year.

The table with every expected date written out by hand is
:data:`tests.deadline_cases.OCCURRENCE_FAMILIES` (shared with the benchmark).
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.models.deadline import Deadline, Kind, SchoolCalendar, parse_deadline
from desktop.models.deadline_format import describe_rule
from tests.deadline_cases import MONTH_ENDS_2026, OCCURRENCE_CASES, SY2526, Y2026

OUTSIDE = "выходит за период"


def _dates(text: str, period: tuple[date, date], **kwargs: object) -> list[str]:
    return [d.isoformat() for d in parse_deadline(text, period, **kwargs).occurrence_dates]


@pytest.mark.parametrize(("family", "text", "period", "expected"), OCCURRENCE_CASES,
                         ids=[f"{c[0]}: {c[1]} [{c[2][0].year}]" for c in OCCURRENCE_CASES])
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
        ("ноябрь 2026, по итогам мониторинга", "по итогам мониторинга", ["2026-11-30"]),
        ("по четвергам с 01.10.2026 по 15.10.2026, кроме каникул", "кроме каникул",
         ["2026-10-01", "2026-10-08", "2026-10-15"]),
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
    assert data["occurrences"] == ["2025-12-26", "2026-05-26"]
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
