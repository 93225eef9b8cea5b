"""The Отчёты page for a chosen date: figures, the points' verdicts the same as in the Excel
export, the QPainter chart, the report written from the window, the reminders panel."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.export.xlsx import export_roadmap_xlsx
from desktop.ui.dialogs import ScriptedDialogs
from desktop.ui.main_window import MainWindow
from tests.checklist_data import build

JUNE = dt.date(2026, 6, 30)


@pytest.fixture
def win(qtbot, db):
    built = build(db)
    window = MainWindow(db, dialogs=ScriptedDialogs())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window, built


def test_dashboard_for_a_date_agrees_with_the_excel(win, db, tmp_path: Path) -> None:
    window, built = win
    page = window.show_page("reports")
    page.set_day(JUNE)
    assert "Выполнено 1 из 8 мероприятий (12 %)" in page.headline.text()
    points = [page.points.model.record(n) for n in range(page.points.model.rowCount())]
    assert [(p["title"], p["due"], p["due_done"], p["reached"]) for p in points] == [
        ("Полугодие", 5, 1, "нет"), ("Ноябрь", 7, 1, "ещё не наступила")]
    overdue = [page.overdue.model.record(n)["number"] for n in range(page.overdue.model.rowCount())]
    assert overdue == ["1.2", "1.3", "2.5"]
    upcoming = page.upcoming.model.record(0)
    assert (upcoming["number"], upcoming["due"]) == ("2.1", dt.date(2026, 7, 10))
    with db.session() as s:
        export_roadmap_xlsx(s, built.roadmap_id, tmp_path / "r.xlsx", today=JUNE)
    sheet = load_workbook(tmp_path / "r.xlsx", read_only=True)["Исполнение"]
    verdicts = [r[6] for r in sheet.iter_rows(values_only=True) if r[1] in ("Полугодие", "Ноябрь")]
    assert verdicts == ["нет", "ещё не наступила"]


def test_chart_bars_follow_the_months(win) -> None:
    window, _built = win
    page = window.show_page("reports")
    page.set_day(dt.date(2026, 12, 31))
    bars = page.chart.bars
    rects = page.chart.bar_rects()
    assert len(rects) == 12
    tallest = max(b.planned for b in bars)
    march = bars[2]
    assert (march.planned, march.done) == (2, 1)
    planned_height = rects[2][0].height()
    full = max(r[0].height() for r in rects)
    assert planned_height == pytest.approx(full * march.planned / tallest)
    assert rects[2][1].height() == pytest.approx(full * march.done / tallest)
    assert not page.chart.grab().isNull()


def test_report_is_written_from_the_window(win, tmp_path: Path) -> None:
    window, _built = win
    page = window.show_page("reports")
    page.set_day(JUNE)
    window.dialogs.save_paths = [tmp_path / "отчёт.xlsx"]
    path = page.save_report(".xlsx")
    assert path == tmp_path / "отчёт.xlsx" and window.dialogs.opened == [path]
    figures = list(load_workbook(path, read_only=True)["Показатели"].iter_rows(values_only=True))
    assert any(r[0] == "Итого" and r[1:4] == (1, 8, 0.125) for r in figures)
    assert page.save_report(".pdf", tmp_path / "отчёт.pdf").stat().st_size > 1000


def test_reminders_panel_lists_overdue_and_this_week(win, qtbot) -> None:
    window, _built = win
    window.show_reminders(dt.date(2026, 7, 6))
    panel = window.reminders
    records = [panel.model.record(n) for n in range(panel.model.rowCount())]
    # on 06.07 item 1.2 (due 31.05) is not done yet: its done date is 10.07
    assert {(r["kind"], r["number"]) for r in records} == {
        ("overdue", "1.2"), ("overdue", "1.3"), ("overdue", "2.5"), ("soon", "2.1")}
    assert panel.parentWidget().isVisible()
    row = next(n for n, r in enumerate(records) if r["number"] == "2.1")
    panel.activate(row)
    page = window.current_page()
    assert page.key == "roadmaps"
    assert page.current_node() is not None
