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


def _dates(values: tuple[dt.date, ...]) -> str:
    if len(values) > 3:
        return f"{values[0]:%d.%m.%Y} … {values[-1]:%d.%m.%Y} ({len(values)})"
    return ", ".join(f"{d:%d.%m.%Y}" for d in values)


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


def report_tables(report: Report) -> list[ReportTable]:
    """Every table of the report, in print order."""
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
        _items(f"Не выполнено к {report.day:%d.%m.%Y} (срок наступил)", report.not_done,
               "Сроки", lambda ln: _dates(ln.due)),
        _items("Просрочено", report.overdue, "Последний срок", lambda ln: ln.due[-1]),
        _items("Срок в ближайшие 14 дней", report.upcoming, "Ближайший срок",
               lambda ln: next(d for d in ln.due if d > report.day)),
    ]
