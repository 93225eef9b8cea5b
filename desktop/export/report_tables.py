"""The progress report's tables as plain values, shared by the PDF and the Excel report
(so both print the same rows under the same headings)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from desktop.services.monitoring import UNDATED, Line, Share
from desktop.services.report import Report


class Pct(float):
    """A share 0…1 to print as a percentage."""


Value = str | int | float | dt.date | None


@dataclass(frozen=True)
class ReportTable:
    title: str
    headings: tuple[str, ...]
    #: relative column widths
    widths: tuple[float, ...]
    rows: list[tuple[Value, ...]]
    #: the first column holds long text (wrapped, left-aligned)
    wide: int = 0


def _done_day(line: Line) -> str:
    return f"{line.done_date:%d.%m.%Y}" if line.done_date else UNDATED


def _shares(title: str, first: str, shares: list[Share], total: Share | None = None) -> ReportTable:
    rows: list[tuple[Value, ...]] = [(s.title, s.done, s.total, Pct(s.share)) for s in shares]
    if total is not None:
        rows.append((total.title, total.done, total.total, Pct(total.share)))
    return ReportTable(title, (first, "Выполнено", "Всего", "Доля"), (6, 1.3, 1.3, 1.3), rows)


def _items(title: str, lines: list[Line], last: str,
           pick: Callable[[Line], Value]) -> ReportTable:
    rows: list[tuple[Value, ...]] = [
        (ln.number, ln.activity, ln.deadline_text, ", ".join(ln.executors), pick(ln))
        for ln in lines]
    return ReportTable(title, ("№", "Мероприятие", "Срок", "Исполнители", last),
                       (0.8, 5, 1.8, 2.2, 3), rows, wide=1)


def _dated_items(title: str, lines: list[Line], label: str, when: Callable[[Line], dt.date],
                 last: str, count: Callable[[dt.date], int]) -> ReportTable:
    """Items with one «Срок» column: the deadline as typed and, on a second line, the date
    that puts the item in this table («наступил: 24.06.2026») unless the text is just that
    date; the last column counts days from or to that date (issue 23: the overdue table had
    both «Срок» and «Сроки»)."""
    rows: list[tuple[Value, ...]] = []
    for ln in lines:
        day = when(ln)
        shown = f"{day:%d.%m.%Y}"
        deadline = ln.deadline_text if shown in ln.deadline_text else (
            f"{ln.deadline_text}\n{label}: {shown}".strip())
        rows.append((ln.number, ln.activity, deadline, ", ".join(ln.executors), count(day)))
    return ReportTable(title, ("№", "Мероприятие", "Срок", "Исполнители", last),
                       (0.8, 5, 2.6, 2.4, 1.2), rows, wide=1)


def report_tables(report: Report) -> list[ReportTable]:
    """Every table of the report, in print order."""
    day = report.day
    points = ReportTable(
        "Контрольные точки мониторинга",
        ("Дата", "Контрольная точка", "Цель", "Выполнено к дате", "Доля", "Было к сроку",
         "Из них выполнено", "Достигнута"),
        (1.3, 3, 1.2, 1.3, 1, 1.3, 1.3, 1.6),
        [(p.date, p.title, p.target_text, p.done, Pct(p.share), p.due, p.due_done, p.verdict)
         for p in report.points], wide=1)
    return [
        _shares("Исполнение по разделам", "Раздел", report.sections, report.overall),
        points,
        _shares("Исполнение по исполнителям", "Исполнитель", report.executors),
        _shares("Исполнение по школам", "Школа", report.schools),
        _items("Выполненные мероприятия и подтверждающие документы", report.done,
               "Выполнено; документы",
               lambda ln: "; ".join([_done_day(ln), *ln.evidence])),
        _dated_items(f"Не выполнено к {day:%d.%m.%Y} (срок наступил)", report.not_done,
                     "наступил", lambda ln: max(d for d in ln.due if d <= day),
                     "Дней после срока", lambda d: (day - d).days),
        _dated_items("Просрочено", report.overdue, "последний срок", lambda ln: ln.due[-1],
                     "Дней после срока", lambda d: (day - d).days),
        _dated_items("Срок в ближайшие 14 дней", report.upcoming, "ближайший",
                     lambda ln: next(d for d in ln.due if d > day),
                     "Дней до срока", lambda d: (d - day).days),
    ]
