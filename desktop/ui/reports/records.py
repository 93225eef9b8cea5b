"""The report for a date (:class:`desktop.services.report.Report`) as table records for
the Отчёты page: the same numbers as the PDF and the Excel report."""

from __future__ import annotations

from typing import Any

from desktop.services.monitoring import Line, Share
from desktop.services.report import Report


def _shares(shares: list[Share]) -> list[dict[str, Any]]:
    return [{"id": n, "name": s.title, "done": s.done, "total": s.total, "share": s.share}
            for n, s in enumerate(shares)]


def _lines(lines: list[Line], report: Report, upcoming: bool = False) -> list[dict[str, Any]]:
    rows = []
    for ln in lines:
        when = (next(d for d in ln.due if d > report.day) if upcoming
                else ln.due[-1] if ln.due else None)
        rows.append({"id": ln.id, "number": ln.number, "activity": ln.activity,
                     "deadline": ln.deadline_text, "due": when,
                     "executors": ", ".join(ln.executors)})
    return rows


def report_records(report: Report) -> dict[str, list[dict[str, Any]]]:
    return {
        "sections": _shares(report.sections),  # the total is in the headline
        "executors": _shares(report.executors),
        "schools": _shares(report.schools),
        "points": [{"id": n, "date": p.date, "title": p.title, "target": p.target_text,
                    "actual": p.share, "due": p.due, "due_done": p.due_done,
                    "reached": p.verdict} for n, p in enumerate(report.points)],
        "overdue": _lines(report.overdue, report),
        "upcoming": _lines(report.upcoming, report, upcoming=True),
    }
