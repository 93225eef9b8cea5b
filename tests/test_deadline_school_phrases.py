"""The ends of the school periods and the n-th weekdays of a month, in every phrasing the
coordinators use (issue 22, item 5): «После каждой учебной четверти и учебного года»,
«По итогам I полугодия (и учебного года)», «1 и 3 среда месяца», their families, case,
«ё», abbreviations, roman and arabic numerals and words doubled at a Word page break.

Dates by hand from the shipped calendar of 2025/26 (``SHIPPED_YEARS``): the quarters end
24.10.2025, 26.12.2025, 20.03.2026 and 26.05.2026; the first half-year ends with the second
quarter, the second (and the school year) with the fourth. The roadmap runs 01.09.2025–31.08.2026.
"""

from __future__ import annotations

import calendar
from datetime import date

import pytest

from desktop.models.deadline import Kind, parse_deadline
from desktop.models.deadline_format import describe_rule
from desktop.models.deadline_school_year import (
    DEFAULT_CALENDAR,
    DatedPeriod,
    SchoolCalendar,
    SchoolYearDates,
)

SY2526 = (date(2025, 9, 1), date(2026, 8, 31))
Q1, Q2, Q3, Q4 = "2025-10-24", "2025-12-26", "2026-03-20", "2026-05-26"


def _nth_weekdays(weekday: int, nths: tuple[int, ...]) -> list[str]:
    """The n-th ``weekday`` (0 = Monday; −1 = the last) of every month of the roadmap,
    counted with :mod:`calendar` (not with the parser's dateutil)."""
    out = []
    for year, month in [(2025, m) for m in range(9, 13)] + [(2026, m) for m in range(1, 9)]:
        days = [week[weekday] for week in calendar.monthcalendar(year, month) if week[weekday]]
        out.extend(f"{year}-{month:02d}-{days[n - 1 if n > 0 else n]:02d}" for n in nths)
    return sorted(out)


WED_1_3 = _nth_weekdays(2, (1, 3))
TUE_2 = _nth_weekdays(1, (2,))
FRI_LAST = _nth_weekdays(4, (-1,))

PHRASES: list[tuple[str, list[str]]] = [
    # every quarter (the school year ends with the fourth: naming it adds no date)
    ("После каждой учебной четверти и учебного года", [Q1, Q2, Q3, Q4]),
    ("после каждой учебной четверти и учебного года года", [Q1, Q2, Q3, Q4]),
    ("после каждой учебной учебной четверти и учебного года", [Q1, Q2, Q3, Q4]),
    ("По итогам каждой четверти и учебного года", [Q1, Q2, Q3, Q4]),
    ("ПО ИТОГАМ КАЖДОЙ ЧЕТВЕРТИ И ГОДА", [Q1, Q2, Q3, Q4]),
    ("после каждой четверти", [Q1, Q2, Q3, Q4]),
    ("по итогам каждой четв.", [Q1, Q2, Q3, Q4]),
    ("в конце каждой четверти и уч. года", [Q1, Q2, Q3, Q4]),
    ("по окончании каждой четверти учебного года", [Q1, Q2, Q3, Q4]),
    ("по итогам каждой четверти, а также учебного года", [Q1, Q2, Q3, Q4]),
    ("по итогам четверти", [Q1, Q2, Q3, Q4]),
    # some quarters
    ("по итогам I и III четверти", [Q1, Q3]),
    ("по итогам 1, 2 и 3 четвертей", [Q1, Q2, Q3]),
    ("по итогам I-III четвертей", [Q1, Q2, Q3]),
    ("по итогам II четверти и учебного года", [Q2, Q4]),
    ("по итогам 2 четв.", [Q2]),
    ("после первой четверти", [Q1]),
    ("по итогам четвёртой четверти", [Q4]),
    ("по итогам IV четверти", [Q4]),
    ("по итогам I четверти и I полугодия", [Q1, Q2]),
    # half-years: the first ends with the second quarter, in December
    ("По итогам I полугодия (и учебного года)", [Q2, Q4]),
    ("По итогам I полугодия (и учебного года года)", [Q2, Q4]),
    ("по итогам I полугодия и учебного года", [Q2, Q4]),
    ("по итогам 1-го полугодия и учебного года", [Q2, Q4]),
    ("по итогам первого полугодия и уч. года", [Q2, Q4]),
    ("по итогам 1-е полугодие и учебный год", [Q2, Q4]),
    ("По итогам I полугодия\nи учебного года", [Q2, Q4]),
    ("по итогам I полугодия и по итогам учебного года", [Q2, Q4]),
    ("по итогам полугодия и года", [Q2, Q4]),
    ("по итогам каждого полугодия", [Q2, Q4]),
    ("по итогам I и II полугодия", [Q2, Q4]),
    ("по итогам I полугодия", [Q2]),
    ("по итогам первого полугодия", [Q2]),
    ("по итогам 1-го полугодия учебного года", [Q2]),
    ("по завершении I полугодия", [Q2]),
    ("по итогам II полугодия", [Q4]),
    # the school year
    ("по итогам учебного года", [Q4]),
    ("по итогам уч. года", [Q4]),
    ("после учебного года", [Q4]),
    ("по завершении учебного года", [Q4]),
    # n-th weekdays of the month, in every gender and case
    ("1 и 3 среда месяца", WED_1_3),
    ("каждая 1-я и 3-я среда", WED_1_3),
    ("в первую и третью среду месяца", WED_1_3),
    ("каждую первую и третью среду", WED_1_3),
    ("1-я и 3-я среда каждого месяца", WED_1_3),
    ("в 1-ю и 3-ю среду месяца", WED_1_3),
    ("Первая и третья среда месяца", WED_1_3),
    ("1-ю, 3-ю среду месяца", WED_1_3),
    ("каждые первую и третью среды месяца", WED_1_3),
    ("каждый 2-й вторник", TUE_2),
    ("каждый второй вторник месяца", TUE_2),
    ("во 2-й вторник месяца", TUE_2),
    ("второй вторник каждого месяца", TUE_2),
    ("КАЖДЫЙ ВТОРОЙ ВТОРНИК", TUE_2),
    ("каждый второй второй вторник месяца", TUE_2),
    ("последняя пятница месяца", FRI_LAST),
    ("в последнюю пятницу месяца", FRI_LAST),
    ("каждую последнюю пятницу", FRI_LAST),
]


@pytest.mark.parametrize(("text", "expected"), PHRASES, ids=[p for p, _ in PHRASES])
def test_phrase_falls_due_on_the_calendar_dates(text: str, expected: list[str]) -> None:
    deadline = parse_deadline(text, SY2526)
    assert deadline.kind is Kind.RECURRING, (deadline.kind, deadline.warnings)
    assert [d.isoformat() for d in deadline.occurrence_dates] == expected
    assert deadline.warnings == ()


def test_the_rule_is_written_back_in_words() -> None:
    def said(text: str) -> str:
        rule = parse_deadline(text, SY2526).recurrence
        assert rule is not None
        return describe_rule(rule)

    assert said("По итогам I полугодия (и учебного года)") == "по итогам I полугодия и учебного года"
    assert said("по итогам I и III четверти") == "по итогам I четверти и III четверти"
    assert said("после каждой учебной четверти и учебного года") == "по итогам каждой четверти"
    assert said("1 и 3 среда месяца") == "ежемесячно в первую и третью среду"
    assert said("последняя пятница месяца") == "ежемесячно в последнюю пятницу"


def test_an_i_half_year_without_a_period_end_stays_january_to_june() -> None:
    deadline = parse_deadline("I полугодие 2026 года")
    assert deadline.kind is Kind.SPAN
    assert deadline.spans == ((date(2026, 1, 1), date(2026, 6, 30)),)


def test_two_reporting_points_a_year_in_a_two_year_roadmap() -> None:
    deadline = parse_deadline("По итогам I полугодия (и учебного года)",
                              (date(2025, 9, 1), date(2027, 8, 31)))
    assert [d.isoformat() for d in deadline.occurrence_dates] == [
        Q2, Q4, "2026-12-25", "2027-05-26"]


def _calendar_with_q2_end(end: date) -> SchoolCalendar:
    year = DEFAULT_CALENDAR.dated(2025)
    assert year is not None
    periods = tuple(DatedPeriod(p.kind, p.number, p.name, p.start, end)
                    if (p.kind, p.number) in (("quarter", 2), ("half_year", 1)) else p
                    for p in year.periods)
    return DEFAULT_CALENDAR.with_year(SchoolYearDates(2025, periods))


def test_an_explicit_calendar_moves_the_dates_without_a_database() -> None:
    moved = _calendar_with_q2_end(date(2025, 12, 30))
    dates = parse_deadline("По итогам I полугодия (и учебного года)", SY2526, school=moved)
    assert [d.isoformat() for d in dates.occurrence_dates] == ["2025-12-30", Q4]
    quarters = parse_deadline("после каждой четверти", SY2526, school=moved)
    assert [d.isoformat() for d in quarters.occurrence_dates] == [Q1, "2025-12-30", Q3, Q4]
    # the default stays the fallback
    again = parse_deadline("после каждой четверти", SY2526)
    assert [d.isoformat() for d in again.occurrence_dates] == [Q1, Q2, Q3, Q4]


def test_a_trimester_year_counts_its_trimesters() -> None:
    trimesters = SchoolYearDates(2025, (
        DatedPeriod("trimester", 1, "1 триместр", date(2025, 9, 1), date(2025, 11, 28)),
        DatedPeriod("trimester", 2, "2 триместр", date(2025, 12, 8), date(2026, 2, 27)),
        DatedPeriod("trimester", 3, "3 триместр", date(2026, 3, 9), date(2026, 5, 29)),
    ))
    school = SchoolCalendar(years=(trimesters,))
    ends = parse_deadline("по итогам каждого триместра", SY2526, school=school)
    assert [d.isoformat() for d in ends.occurrence_dates] == ["2025-11-28", "2026-02-27",
                                                              "2026-05-29"]
    assert school.year(2025) == (date(2025, 9, 1), date(2026, 5, 29))
    # a year the calendar has no dates for follows the month-day rules
    assert school.quarters(2027)[0] == (date(2027, 9, 1), date(2027, 10, 24))
