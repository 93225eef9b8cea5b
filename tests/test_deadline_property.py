"""Property tests of the deadline parser: it never raises, and what the formatter
writes parses back to the same dates."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.models.deadline import Deadline, Kind, format_deadline, parse_deadline
from desktop.models.deadline_parse import _Context, _general_items, _normalise, _simple_items, parse

SETTINGS = settings(max_examples=300, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow])
TODAY = date(2024, 5, 17)

FRAGMENTS = [
    "0", "1", "2", "5", "9", "12", "15", "29", "31", "2021", "2022", "2023", "1999", "2099",
    ".", ".", "-", "–", "—", "‒", " ", " ", "\u00a0", "\n", ",", ";", "(", ")", "/",
    "январь", "января", "январе", "Февраль", "марта", "апрель", "май", "мая", "июнь", "июля",
    "август", "сентября", "октябрь", "ноябре", "Декабрь", "янв.", "сент.",
    "г.", "г", "года", "гг", "гг.", "год", "до", "До", "с", "по", "конца", "учебного",
    "I", "II", "IV", "квартал", "полугодие", "первое", "второе",
    "еженедельно", "ежемесячно", "по четвергам", "каждую среду", "раз в", "раза в",
    "не реже", "неделю", "месяц", "четверть", "год", "учебный год", "дважды",
    "постоянно", "в течение", "по мере", "по графику", "в соответствии с графиком",
    "(исполнено)", "выполнено", "уч.г.",
]

fragment_text = st.lists(st.sampled_from(FRAGMENTS), max_size=14).map("".join)
numeric_text = st.lists(st.sampled_from(["1", "5", "12", "31", "02", "2023", ".", "-", " ", "до "]),
                        max_size=10).map("".join)
dates = st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31))
periods = st.one_of(
    st.none(),
    st.tuples(dates, dates).map(lambda p: (min(p), max(p))),
)


def _exercise(deadline: Deadline) -> None:
    assert isinstance(deadline.kind, Kind)
    deadline.occurrences()
    deadline.next_occurrence(TODAY)
    deadline.is_overdue(TODAY, "planned")
    assert Deadline.from_json(deadline.to_json()) == deadline


@SETTINGS
@given(st.text(), periods)
def test_never_raises_on_any_text(text: str, period: tuple[date, date] | None) -> None:
    parse(text, period, TODAY)  # the parser itself, without the safety net
    deadline = parse_deadline(text, period)
    assert deadline.text == text
    _exercise(deadline)


@SETTINGS
@given(fragment_text, periods)
def test_never_raises_on_deadline_like_text(text: str, period: tuple[date, date] | None) -> None:
    parsed = parse(text, period, TODAY)
    for start, end in parsed.spans:
        assert start is None or end is None or start <= end
    deadline = parse_deadline(text, period)
    assert deadline.text == text
    _exercise(deadline)


@SETTINGS
@given(numeric_text)
def test_fast_path_agrees_with_the_tokenizer(text: str) -> None:
    norm = _normalise(text)
    fast = _simple_items(norm)
    if fast is not None:
        slow = _general_items(norm, _Context((date(2023, 1, 1), date(2023, 12, 31)), True))
        assert [_item_key(i) for i in fast] == [_item_key(i) for i in slow]


def _item_key(item: tuple) -> tuple:
    kind, first, second = item
    def point(p: object) -> object:
        return (p.m1, p.m2, p.day, p.year, p.raw) if hasattr(p, "m1") else p
    return kind, point(first), point(second) if kind != "single" else None


@SETTINGS
@given(dates)
def test_a_formatted_day_parses_back(day: date) -> None:
    deadline = parse_deadline(format_deadline(day))
    assert deadline.kind is Kind.DAY
    assert deadline.spans == ((day, day),)


@SETTINGS
@given(dates, dates)
def test_a_formatted_span_parses_back(first: date, second: date) -> None:
    start, end = min(first, second), max(first, second)
    text = format_deadline(start, end)
    deadline = parse_deadline(text)
    assert deadline.kind is (Kind.DAY if start == end else Kind.SPAN), text
    assert deadline.spans == ((start, end),), text
    assert deadline.warnings == ()


@SETTINGS
@given(dates, dates)
def test_a_formatted_due_date_parses_back(first: date, second: date) -> None:
    start, end = min(first, second), max(first, second)
    text = format_deadline(start, end, due=True)
    deadline = parse_deadline(text, (start, end))
    assert deadline.kind is Kind.DUE, text
    assert deadline.spans == ((start, end),), text
    assert deadline.warnings == ()
