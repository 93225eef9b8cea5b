"""Moving deadline texts to another year, as copying a roadmap to the next year does."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.models.deadline import parse_deadline
from desktop.models.deadline_shift import shift_deadline_text


@pytest.mark.parametrize(("text", "expected"), [
    ("01.02-15.05.2023", "01.02-15.05.2024"),
    ("14.01.2022", "14.01.2023"),
    ("До 15.02.2023", "До 15.02.2024"),
    ("17.01.2022 – 04.02.2022 (исполнено)", "17.01.2023 – 04.02.2023 (исполнено)"),
    ("01.03.-20.05.2023", "01.03.-20.05.2024"),
    ("Январь 2022 г.", "Январь 2023 г."),
    ("апрель-май 2022, 2023гг", "апрель-май 2023, 2024гг"),
    ("сентябрь- октябрь 2022г., 2023г.", "сентябрь- октябрь 2023г., 2024г."),
    ("С февраля 2022года (ежемесячно)", "С февраля 2023года (ежемесячно)"),
    ("Еженедельно по четвергам с 10.02.2022 по 23.06.2022",
     "Еженедельно по четвергам с 10.02.2023 по 23.06.2023"),
    ("01.02.23", "01.02.24"),
    ("Август", "Август"),
    ("постоянно", "постоянно"),
    ("2 раза в год (октябрь, апрель)", "2 раза в год (октябрь, апрель)"),
    ("не реже 1 раза в четверть", "не реже 1 раза в четверть"),
    ("", ""),
])
def test_every_year_moves_and_nothing_else(text: str, expected: str) -> None:
    assert shift_deadline_text(text, 1) == expected


def test_moves_back_and_by_several_years() -> None:
    assert shift_deadline_text("апрель, июнь, ноябрь 2021, 2022, 2023гг", -1) == \
        "апрель, июнь, ноябрь 2020, 2021, 2022гг"
    assert shift_deadline_text("31.12.99", 1) == "31.12.00"
    assert shift_deadline_text("Март 2022", 3) == "Март 2025"


def test_leap_day_lands_on_the_last_day_of_february() -> None:
    assert shift_deadline_text("29.02.2024", 1) == "28.02.2025"
    assert shift_deadline_text("29.02.2024", 4) == "29.02.2028"


def test_the_shifted_text_parses_one_year_later() -> None:
    period = (dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    next_period = (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    for text in ("01.02-15.05.2023", "апрель-май 2023", "До 15.02.2023", "Август"):
        before = parse_deadline(text, period)
        after = parse_deadline(shift_deadline_text(text, 1), next_period)
        assert after.start == before.start.replace(year=2024), text
        assert after.end == before.end.replace(year=2024), text
