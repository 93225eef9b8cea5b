"""``python -m desktop export report`` writes the report for a date as PDF and .xlsx; both
read back with the figures of the hand-built roadmap (see tests/test_report.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop import cli
from tests.checklist_data import build
from tests.test_export_pdf_support import fonts, run_tool


@pytest.fixture
def hand_db(db) -> tuple[Path, dict[str, int]]:
    built = build(db)
    db.close()
    return db.path, built.items


def test_report_pdf_from_the_command_line(hand_db, tmp_path: Path) -> None:
    path, _ = hand_db
    out = tmp_path / "отчёт.pdf"
    assert cli.run(["export", "report", "--db", str(path), "--roadmap", "1",
                    "--date", "2026-06-30", "-o", str(out)]) == 0
    text = " ".join(run_tool("pdftotext", str(out), "-").split())
    assert "Исполнение дорожной карты на 30.06.2026" in text
    assert "Выполнено 1 из 8 мероприятий (12 %)" in text  # 1.1 only: 1.2 was done in July
    assert "Не выполнено к 30.06.2026" in text and "Мероприятие 1.3" in text
    assert "Полугодие" in text and "ещё не наступила" in text
    assert "Мероприятия по месяцам" in text  # the chart's title, drawn by reportlab graphics
    assert not any("Helvetica" in name for name, _ in fonts(out))


def test_report_xlsx_from_the_command_line(hand_db, tmp_path: Path) -> None:
    path, _ = hand_db
    out = tmp_path / "отчёт.xlsx"
    assert cli.run(["export", "report", "--db", str(path), "--roadmap", "1",
                    "--date", "30.06.2026", "-o", str(out)]) == 0
    wb = load_workbook(out, read_only=True)
    figures = [[c for c in row if c is not None] for row in wb["Показатели"].iter_rows(values_only=True)]
    assert ["Итого", 1, 8, 0.125] in figures
    point = next(r for r in figures if r and r[0] == dt.datetime(2026, 6, 30))
    assert point[1:] == ["Полугодие", "30–40 %", 1, 0.125, 5, 1, "нет"]  # due: 1.1–1.4, 2.5
    late = [r[:2] for r in wb["Не выполнено"].iter_rows(values_only=True) if r[0] in ("1.2", "1.3")]
    assert ("1.2", "Мероприятие 1.2") in late and ("1.3", "Мероприятие 1.3") in late
    months = list(wb["По месяцам"].iter_rows(min_row=2, values_only=True))
    assert months[2] == ("03.2026", 2, 1) and len(months) == 12


def test_report_refuses_bad_input(hand_db, tmp_path: Path, capsys) -> None:
    path, _ = hand_db
    assert cli.run(["export", "report", "--db", str(path), "--roadmap", "1", "--date", "завтра",
                    "-o", str(tmp_path / "r.pdf")]) == 2
    assert cli.run(["export", "report", "--db", str(path), "--roadmap", "7",
                    "-o", str(tmp_path / "r.pdf")]) == 2
    assert cli.run(["export", "report", "--db", str(path), "--roadmap", "1",
                    "-o", str(tmp_path / "r.doc")]) == 2
    err = capsys.readouterr().err
    assert "не понята" in err and "не найдена" in err and ".pdf или .xlsx" in err
    assert not list(tmp_path.glob("r.*"))
