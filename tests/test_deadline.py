"""Unit tests of :mod:`desktop.models.deadline`: every phrase form the coordinators write,
the formatter, overdue checks, occurrences and the JSON form."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop.models.deadline import (
    PARSER_VERSION,
    Deadline,
    Kind,
    Recurrence,
    format_deadline,
    parse_deadline,
)

Y2022 = (date(2022, 1, 1), date(2022, 12, 31))
Y2023 = (date(2023, 1, 1), date(2023, 12, 31))
P2021_2023 = (date(2021, 1, 1), date(2023, 12, 31))


def d(text: str) -> date:
    return date.fromisoformat(text)


def spans_of(deadline: Deadline) -> list[tuple[str | None, str | None]]:
    return [(s and s.isoformat(), e and e.isoformat()) for s, e in deadline.spans]


def test_module_imports_neither_qt_nor_sqlalchemy() -> None:
    import desktop.models.deadline as module

    for name in ("deadline", "deadline_parse", "deadline_format", "deadline_tokens",
                 "deadline_recurrence", "deadline_occurrences", "deadline_school_year",
                 "deadline_clauses"):
        path = Path(module.__file__).with_name(f"{name}.py")
        source = path.read_text(encoding="utf-8")
        imports = [line for line in source.splitlines() if line.startswith(("import ", "from "))]
        assert not [line for line in imports if "PySide6" in line or "sqlalchemy" in line], path


# --------------------------------------------------------------------------- single dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15.02.2023", "2023-02-15"),
        ("5.12.2022", "2022-12-05"),
        ("15 апреля 2022 года", "2022-04-15"),
        ("15 апреля 2022 г.", "2022-04-15"),
        ("15\u00a0апреля\u00a02022\u00a0года", "2022-04-15"),
        ("  14.01.2022 г ", "2022-01-14"),
        ("2023-03-15", "2023-03-15"),
        ("15.02.23", "2023-02-15"),
    ],
)
def test_one_day(text: str, expected: str) -> None:
    deadline = parse_deadline(text, Y2023)
    assert deadline.kind is Kind.DAY
    assert spans_of(deadline) == [(expected, expected)]
    assert deadline.text == text


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("До 15.02.2023", "2023-02-15"),
        ("до 01.08.2023", "2023-08-01"),
        ("до 1 марта", "2023-03-01"),
        ("не позднее 20 декабря 2023 г.", "2023-12-20"),
        ("ДО  25.12.2023", "2023-12-25"),
    ],
)
def test_due_starts_at_the_period_start(text: str, end: str) -> None:
    deadline = parse_deadline(text, Y2023)
    assert deadline.kind is Kind.DUE
    assert spans_of(deadline) == [("2023-01-01", end)]


def test_due_without_a_period_has_no_start() -> None:
    deadline = parse_deadline("до 15.02.2023")
    assert deadline.kind is Kind.DUE
    assert deadline.spans == ((None, d("2023-02-15")),)


# --------------------------------------------------------------------------- spans


@pytest.mark.parametrize(
    ("text", "period", "start", "end"),
    [
        ("01.02-15.05.2023", Y2023, "2023-02-01", "2023-05-15"),
        ("01.03.-20.05.2023", Y2023, "2023-03-01", "2023-05-20"),
        ("17.01.2022 – 04.02.2022", Y2022, "2022-01-17", "2022-02-04"),
        ("17.01.2022 — 04.02.2022", Y2022, "2022-01-17", "2022-02-04"),
        ("17.01.2022 ‒ 04.02.2022", Y2022, "2022-01-17", "2022-02-04"),
        ("17.01.2022-04.02.2022", Y2022, "2022-01-17", "2022-02-04"),
        ("01.03\n-\n20.05.2023", Y2023, "2023-03-01", "2023-05-20"),
        ("01.12-15.01.2023", None, "2022-12-01", "2023-01-15"),
        ("Январь 2022 г.", Y2022, "2022-01-01", "2022-01-31"),
        ("январь 2022", Y2022, "2022-01-01", "2022-01-31"),
        ("в январе 2022 года", Y2022, "2022-01-01", "2022-01-31"),
        ("Март 2022", Y2022, "2022-03-01", "2022-03-31"),
        ("МАЙ 2022Г.", Y2022, "2022-05-01", "2022-05-31"),
        ("Август", Y2023, "2023-08-01", "2023-08-31"),
        ("Июль-август 2022 года", Y2022, "2022-07-01", "2022-08-31"),
        ("февраль 2021-декабрь 2023", P2021_2023, "2021-02-01", "2023-12-31"),
        ("декабрь 2022 - январь 2023", None, "2022-12-01", "2023-01-31"),
        ("I квартал 2023", Y2023, "2023-01-01", "2023-03-31"),
        ("1-й квартал 2023 года", Y2023, "2023-01-01", "2023-03-31"),
        ("II полугодие", Y2023, "2023-07-01", "2023-12-31"),
        ("2023 г.", Y2023, "2023-01-01", "2023-12-31"),
        ("2023 в соответствии с графиком на первое, второе полугодие", Y2023, "2023-01-01", "2023-12-31"),
        ("14.02.2022 - до конца года (в соответствии с графиком посещения)", Y2022, "2022-02-14", "2022-12-31"),
        ("14.02.2022 30.03.2022", Y2022, "2022-02-14", "2022-03-30"),
        ("с 1 по 15 марта 2023", Y2023, "2023-03-01", "2023-03-15"),
        ("2022/2023 уч.г.", None, "2022-09-01", "2023-05-31"),
    ],
)
def test_one_span(text: str, period: tuple[date, date] | None, start: str, end: str) -> None:
    deadline = parse_deadline(text, period)
    assert deadline.kind is Kind.SPAN
    assert spans_of(deadline) == [(start, end)]
    assert (deadline.start, deadline.end) == (d(start), d(end))


# --------------------------------------------------------------------------- several spans


def test_span_of_months_repeated_in_each_year() -> None:
    deadline = parse_deadline("сентябрь- октябрь 2022г., 2023г.", P2021_2023)
    assert deadline.kind is Kind.OCCURRENCES
    assert spans_of(deadline) == [("2022-09-01", "2022-10-31"), ("2023-09-01", "2023-10-31")]


def test_months_in_each_year() -> None:
    deadline = parse_deadline("апрель, июнь, ноябрь 2021, 2022, 2023гг", P2021_2023)
    assert deadline.kind is Kind.OCCURRENCES
    assert len(deadline.spans) == 9
    assert deadline.spans[0] == (d("2021-04-01"), d("2021-04-30"))
    assert deadline.spans[-1] == (d("2023-11-01"), d("2023-11-30"))


def test_several_ranges_in_one_cell() -> None:
    text = "08.02.2022 – 24.02.2022 14.03.2022 – 30.03.2022 11.04.2022 – 30.04.2022"
    deadline = parse_deadline(text, Y2022)
    assert deadline.kind is Kind.OCCURRENCES
    assert spans_of(deadline) == [
        ("2022-02-08", "2022-02-24"), ("2022-03-14", "2022-03-30"), ("2022-04-11", "2022-04-30"),
    ]
    assert deadline.occurrences() == list(deadline.spans)


@pytest.mark.parametrize("suffix", ["г.", "г", "года", "гг", "гг.", ""])
def test_year_suffixes(suffix: str) -> None:
    deadline = parse_deadline(f"апрель 2022{suffix}, апрель 2023{suffix}", P2021_2023)
    assert spans_of(deadline) == [("2022-04-01", "2022-04-30"), ("2023-04-01", "2023-04-30")]


# --------------------------------------------------------------------------- recurring


def test_weekly_on_thursdays_within_two_windows() -> None:
    text = "еженедельно по четвергам с 10.02.2022 по 23.06.2022, с 15.09.2022 по 22.12.2022"
    deadline = parse_deadline(text, Y2022)
    assert deadline.kind is Kind.RECURRING
    assert deadline.recurrence == Recurrence("weekly", weekdays=(3,))
    assert spans_of(deadline) == [("2022-02-10", "2022-06-23"), ("2022-09-15", "2022-12-22")]
    occurrences = deadline.occurrences()
    expected = []
    for start, end in deadline.spans:
        day = start
        while day <= end:
            if day.weekday() == 3:
                expected.append((day, day))
            day += timedelta(days=1)
    assert occurrences == expected
    assert len(occurrences) == 20 + 15
    assert deadline.next_occurrence(d("2022-07-01")) == (d("2022-09-15"), d("2022-09-15"))
    assert deadline.next_occurrence(d("2022-12-23")) is None


def test_weekly_without_a_window_covers_the_period() -> None:
    deadline = parse_deadline("Еженедельно", Y2022)
    assert deadline.kind is Kind.RECURRING
    assert deadline.spans == (Y2022,)
    assert deadline.recurrence is not None and deadline.recurrence.frequency == "weekly"
    weeks = deadline.occurrences()
    assert weeks[0] == (d("2022-01-01"), d("2022-01-02"))  # the week of Saturday 1 January
    assert len(weeks) == 53


def test_monthly_from_a_month() -> None:
    deadline = parse_deadline("С февраля 2022года (ежемесячно)", Y2022)
    assert deadline.kind is Kind.RECURRING
    assert deadline.recurrence == Recurrence("monthly")
    assert spans_of(deadline) == [("2022-02-01", "2022-12-31")]
    assert len(deadline.occurrences()) == 11
    assert deadline.next_occurrence(d("2022-05-20")) == (d("2022-05-01"), d("2022-05-31"))


def test_twice_a_year_in_named_months() -> None:
    deadline = parse_deadline("2 раза в год (октябрь, апрель)", P2021_2023)
    assert deadline.kind is Kind.RECURRING
    assert deadline.recurrence == Recurrence("times", times=2, per="year", months=(10, 4))
    assert deadline.spans == (P2021_2023,)
    assert [start.isoformat() for start, _ in deadline.occurrences()] == [
        "2021-04-01", "2021-10-01", "2022-04-01", "2022-10-01", "2023-04-01", "2023-10-01",
    ]
    assert deadline.next_occurrence(d("2022-05-01")) == (d("2022-10-01"), d("2022-10-31"))


def test_twice_a_year_is_once_a_half_year() -> None:
    deadline = parse_deadline("2 раза в год", Y2023)
    assert deadline.occurrences() == [(d("2023-01-01"), d("2023-06-30")), (d("2023-07-01"), d("2023-12-31"))]


@pytest.mark.parametrize(
    ("text", "recurrence", "count"),
    [
        ("не реже 1 раза в квартал", Recurrence("quarterly", times=1, per="quarter"), 4),
        ("не реже 1 раза в месяц", Recurrence("monthly", times=1, per="month"), 12),
        ("1 раз в год", Recurrence("yearly", times=1, per="year"), 1),
        ("по графику, не реже 1 раз в год", Recurrence("yearly", times=1, per="year"), 1),
        ("ежеквартально", Recurrence("quarterly"), 4),
        ("3 раза в год", Recurrence("times", times=3, per="year"), 3),
        ("по средам", Recurrence("weekly", weekdays=(2,)), 52),
    ],
)
def test_recurrence_rules(text: str, recurrence: Recurrence, count: int) -> None:
    deadline = parse_deadline(text, Y2023)
    assert deadline.kind is Kind.RECURRING
    assert deadline.recurrence == recurrence
    assert deadline.spans == (Y2023,)
    assert len(deadline.occurrences()) == count


# --------------------------------------------------------------------------- continuous, on demand


@pytest.mark.parametrize("text", ["постоянно", "Постоянно", "В течение года", "в течение  года"])
def test_continuous_covers_the_period(text: str) -> None:
    deadline = parse_deadline(text, P2021_2023)
    assert deadline.kind is Kind.CONTINUOUS
    assert deadline.spans == (P2021_2023,)


def test_continuous_school_year() -> None:
    deadline = parse_deadline("в течение учебного года", (date(2021, 9, 1), date(2022, 8, 31)))
    assert deadline.kind is Kind.CONTINUOUS
    assert spans_of(deadline) == [("2021-09-01", "2022-05-31")]


@pytest.mark.parametrize(
    "text",
    [
        "по мере необходимости",
        "по мере проведения оценочных процедур",
        "по графику проведения ВПР",
        "в соответствии с графиком регионального координатора",
    ],
)
def test_on_demand(text: str) -> None:
    deadline = parse_deadline(text, Y2023)
    assert deadline.kind is Kind.ON_DEMAND
    assert deadline.spans == ()


# --------------------------------------------------------------------------- done and warnings


def test_done_mark() -> None:
    assert parse_deadline("17.01.2022 – 04.02.2022 (исполнено)", Y2022).done
    assert parse_deadline("выполнено", Y2022).done
    assert not parse_deadline("не выполнено", Y2022).done
    assert not parse_deadline("17.01.2022", Y2022).done


@pytest.mark.parametrize(("text", "fragment"), [("18.01.02.2022", "Ошибка в дате"), ("31.02.2022", "Несуществующая дата")])
def test_malformed_dates_are_flagged_and_not_drawn(text: str, fragment: str) -> None:
    deadline = parse_deadline(text, Y2022)
    assert deadline.kind is Kind.UNPARSED
    assert deadline.spans == ()
    assert deadline.occurrences() == []
    assert any(fragment in w and text in w for w in deadline.warnings)
    assert deadline.text == text


def test_reversed_range_is_flagged() -> None:
    deadline = parse_deadline("15.05.2022-01.02.2022", Y2022)
    assert any("раньше" in w for w in deadline.warnings)
    assert deadline.start is not None and deadline.end is not None and deadline.start <= deadline.end


def test_outside_the_period_is_flagged() -> None:
    deadline = parse_deadline("01.03-30.12.2022", Y2023)
    assert deadline.kind is Kind.SPAN
    assert any("выходит за период" in w for w in deadline.warnings)
    assert not parse_deadline("01.03-30.12.2023", Y2023).warnings


def test_unknown_text_is_unparsed_and_kept() -> None:
    deadline = parse_deadline("когда получится", Y2023)
    assert deadline == Deadline("когда получится", Kind.UNPARSED)
    assert parse_deadline("", Y2023).kind is Kind.UNPARSED


def test_missing_year_without_period_uses_the_year_in_the_text() -> None:
    deadline = parse_deadline("март, апрель 2021")
    assert spans_of(deadline) == [("2021-03-01", "2021-03-31"), ("2021-04-01", "2021-04-30")]
    this_year = date.today().year
    assert parse_deadline("Август").start == date(this_year, 8, 1)


# --------------------------------------------------------------------------- formatter


@pytest.mark.parametrize(
    ("start", "end", "due", "expected"),
    [
        ("2023-02-15", None, False, "15.02.2023"),
        ("2023-02-15", "2023-02-15", False, "15.02.2023"),
        ("2023-01-01", "2023-02-15", True, "до 15.02.2023"),
        (None, "2023-02-15", False, "до 15.02.2023"),
        ("2023-01-01", "2023-01-31", False, "январь 2023 г."),
        ("2023-01-01", "2023-03-31", False, "январь–март 2023 г."),
        ("2023-01-01", "2023-12-31", False, "2023 г."),
        ("2023-02-01", "2023-05-15", False, "01.02–15.05.2023"),
        ("2022-12-01", "2023-01-15", False, "01.12.2022–15.01.2023"),
        # whole months across years in words (issue 23: a dragged month range kept its wording)
        ("2022-12-01", "2023-01-31", False, "декабрь 2022 – январь 2023"),
        ("2021-03-01", "2024-01-31", False, "март 2021 – январь 2024"),
        ("2021-01-01", "2023-12-31", False, "2021–2023 гг."),
    ],
)
def test_format(start: str | None, end: str | None, due: bool, expected: str) -> None:
    start_date = d(start) if start else None
    end_date = d(end) if end else None
    assert format_deadline(start_date, end_date, due=due) == expected


def test_format_in_days_when_asked() -> None:
    assert format_deadline(d("2023-02-01"), d("2023-02-28"), days=True) == "01.02–28.02.2023"
    assert format_deadline(d("2022-12-01"), d("2023-01-31"), days=True) == "01.12.2022–31.01.2023"


def test_format_nothing() -> None:
    assert format_deadline(None) == ""


# --------------------------------------------------------------------------- overdue


@pytest.mark.parametrize(
    ("text", "status", "today", "overdue"),
    [
        ("До 15.02.2023", "planned", "2023-02-16", True),
        ("До 15.02.2023", "in_work", "2023-02-15", False),
        ("До 15.02.2023", "done", "2023-03-01", False),
        ("До 15.02.2023", "cancelled", "2023-03-01", False),
        ("17.01.2023 – 04.02.2023 (исполнено)", "planned", "2023-03-01", False),
        ("01.02-15.05.2023", "in_work", "2023-05-16", True),
        ("постоянно", "planned", "2024-06-01", False),
        ("по мере необходимости", "planned", "2024-06-01", False),
        ("когда-нибудь", "planned", "2024-06-01", False),
        ("Еженедельно", "planned", "2023-06-01", False),
        ("Еженедельно", "planned", "2024-01-01", True),
    ],
)
def test_is_overdue(text: str, status: str, today: str, overdue: bool) -> None:
    assert parse_deadline(text, Y2023).is_overdue(d(today), status) is overdue


# --------------------------------------------------------------------------- json


@pytest.mark.parametrize(
    "text",
    [
        "До 15.02.2023",
        "еженедельно по четвергам с 10.02.2023 по 23.06.2023",
        "2 раза в год (октябрь, апрель)",
        "18.01.02.2022",
        "17.01.2023 – 04.02.2023 (исполнено)",
        "по мере необходимости",
        "апрель-май 2022, 2023гг",
    ],
)
def test_json_round_trip(text: str) -> None:
    deadline = parse_deadline(text, Y2023)
    data = json.loads(json.dumps(deadline.to_json(), ensure_ascii=False))
    assert set(data) == {"text", "kind", "spans", "recurrence", "done", "warnings", "version"}
    assert data["text"] == text
    assert Deadline.from_json(data) == deadline


def test_json_shape() -> None:
    data = parse_deadline("до 15.02.2023").to_json()
    assert data == {
        "text": "до 15.02.2023", "kind": "due", "spans": [[None, "2023-02-15"]],
        "recurrence": None, "done": False, "warnings": [], "version": PARSER_VERSION,
    }
    recurring = parse_deadline("2 раза в год (октябрь, апрель)", Y2023).to_json()
    assert recurring["recurrence"] == {
        "frequency": "times", "weekdays": [], "times": 2, "per": "year", "months": [10, 4],
        "nth": None, "month_day": None, "month_offset": 0, "quarter_month": None, "periods": [],
        "at_end": False,
    }


def test_version_one_json_still_reads() -> None:
    old = {"text": "по средам", "kind": "recurring", "spans": [["2023-01-01", "2023-12-31"]],
           "recurrence": {"frequency": "weekly", "weekday": 2, "times": None, "per": None,
                          "months": []}, "done": False, "warnings": []}
    deadline = Deadline.from_json(old)
    assert deadline.recurrence == Recurrence("weekly", weekdays=(2,))
    assert deadline == parse_deadline("по средам", Y2023)


def test_parse_never_raises_on_odd_input() -> None:
    for text in ["", " ", "-", "—", "..", "00.00.0000", "99.99.9999", "31.12.9999-01.01.0001",
                 "9999 г.", "0 раз в год", "99 раз в неделю", "до", "с по", "\x00", "I-IV-I квартал"]:
        deadline = parse_deadline(text, Y2023)
        assert deadline.text == text
        deadline.occurrences()
    assert parse_deadline(None).kind is Kind.UNPARSED  # type: ignore[arg-type]
    assert parse_deadline("Август", (None, None)).kind is Kind.SPAN  # type: ignore[arg-type]
    assert parse_deadline("01.02-15.05.2023", [date(2023, 1, 1), date(2023, 12, 31)]).kind is Kind.SPAN  # type: ignore[arg-type]
