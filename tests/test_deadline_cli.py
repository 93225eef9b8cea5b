"""The ``deadline`` sub-command: JSON out, Russian one-line errors with exit code 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import run
from desktop.models.deadline import PARSER_VERSION

ROOT = Path(__file__).resolve().parents[1]


def test_one_text_prints_one_object(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["deadline", "--period", "2023-01-01:2023-12-31", "01.02-15.05.2023"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out) == {
        "text": "01.02-15.05.2023",
        "kind": "span",
        "spans": [["2023-02-01", "2023-05-15"]],
        "recurrence": None,
        "done": False,
        "warnings": [],
        "version": PARSER_VERSION,
    }


def test_several_texts_print_an_array_in_cyrillic(capsys: pytest.CaptureFixture[str]) -> None:
    code = run(["deadline", "--period", "2023-01-01:2023-12-31",
                "До 15.02.2023", "2 раза в год (октябрь, апрель)", "01.03-30.12.2022"])
    assert code == 0
    out = capsys.readouterr().out
    assert "До 15.02.2023" in out  # ensure_ascii=False
    data = json.loads(out)
    assert [d["kind"] for d in data] == ["due", "recurring", "span"]
    assert data[0]["spans"] == [["2023-01-01", "2023-02-15"]]
    assert data[1]["recurrence"]["months"] == [10, 4]
    assert "выходит за период" in data[2]["warnings"][0]


def test_without_period_a_due_date_has_no_start(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["deadline", "до 15.02.2023"]) == 0
    assert json.loads(capsys.readouterr().out)["spans"] == [[None, "2023-02-15"]]


@pytest.mark.parametrize(
    "period",
    ["2023-01-01", "2023-01-01:2023-12-31:2024-01-01", "31.02.2023:31.12.2023", "2023-12-31:2023-01-01", ":"],
)
def test_bad_period_is_a_russian_user_error(period: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["deadline", "--period", period, "Август"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Ошибка: ") and "период" in lines[0]


def test_no_text_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run(["deadline"])
    assert exit_info.value.code == 2
    assert "ошибка в аргументах" in capsys.readouterr().err


def test_python_dash_m() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "deadline", "--period", "2022-01-01:2022-12-31",
         "Еженедельно по четвергам с 10.02.2022 по 23.06.2022"],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=60, check=False,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["kind"] == "recurring"
    assert data["recurrence"]["weekdays"] == [3]


def test_occurrences_are_added_when_asked(capsys: pytest.CaptureFixture[str]) -> None:
    code = run(["deadline", "--occurrences", "--period", "2026-01-01:2026-12-31",
                "еженедельно по вторникам и четвергам с 01.09.2026 по 15.09.2026",
                "по итогам каждого полугодия", "постоянно"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data[0]["occurrences"] == ["2026-09-01", "2026-09-03", "2026-09-08", "2026-09-10",
                                      "2026-09-15"]
    assert data[1]["occurrences"] == ["2026-05-26", "2026-12-25"]
    assert data[2]["occurrences"] == []
    assert run(["deadline", "--period", "2026-01-01:2026-12-31", "постоянно"]) == 0
    assert "occurrences" not in json.loads(capsys.readouterr().out)


def test_occurrences_without_a_period_use_the_year_in_the_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["deadline", "--occurrences", "ежемесячно до 10 числа с 01.10.2025"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["occurrences"] == ["2025-10-10", "2025-11-10", "2025-12-10"]
