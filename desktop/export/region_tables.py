"""The regional summary's tables as plain values, shared by its PDF and Excel forms: a row
per district, then per district its roadmaps' monitoring points and overdue items."""

from __future__ import annotations

import datetime as dt

from desktop.export.report_tables import Pct, ReportTable, Value
from desktop.services.region import DistrictFigures


def summary_table(districts: list[DistrictFigures]) -> ReportTable:
    rows: list[tuple[Value, ...]] = [
        (d.name, d.oktmo, len(d.roadmaps), d.overall.done, d.overall.total, Pct(d.overall.share),
         d.points_text(), d.overdue, d.package_created.date()) for d in districts]
    return ReportTable("Сводка по районам",
                       ("Район", "ОКТМО", "Карт", "Выполнено", "Всего", "Доля",
                        "Контрольные точки", "Просрочено", "Пакет от"),
                       (4, 1.4, 0.9, 1.5, 1, 1, 4, 1.6, 1.4), rows, wide=0)


def district_tables(district: DistrictFigures) -> list[ReportTable]:
    tables = []
    for r in district.roadmaps:
        points = [(p.date, p.title, p.target_text, p.done, p.total, Pct(p.share), p.verdict)
                  for p in r.points]
        tables.append(ReportTable(
            f"{r.title}: выполнено {r.overall.done} из {r.overall.total}",
            ("Дата", "Контрольная точка", "Цель", "Выполнено", "Всего", "Доля", "Достигнута"),
            (1.3, 3, 1.2, 1.2, 1, 1, 1.6), points, wide=1))
        overdue = [(ln.number, ln.activity, ln.deadline_text, ", ".join(ln.executors))
                   for ln in r.overdue]
        tables.append(ReportTable(f"Просрочено ({len(r.overdue)})",
                                  ("№", "Мероприятие", "Срок", "Исполнители"),
                                  (0.8, 6, 2, 2.5), overdue, wide=1))
    return tables


def heading(day: dt.date) -> str:
    return f"Исполнение дорожных карт районов на {day:%d.%m.%Y}"
