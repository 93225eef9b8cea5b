"""``python -m desktop school-calendar [--db PATH] [--year 2025] [--import FILE]``: the school
year's periods the deadlines are counted in, and the import of the region's list.

Without ``--import`` prints the periods of the school year (the current one, or
``--year``'s, its first calendar year) as «вид номер название начало окончание»; with it
reads the region's .xlsx or .csv (rows: period, start, end), stores every school year in it
and re-reads the stored deadlines. A bad file: a Russian message, exit code 2, nothing changed.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from desktop.commands.common import add_db_argument, open_db_from_args
from desktop.services.operations import writing


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``school-calendar`` sub-command."""
    parser = subparsers.add_parser(
        "school-calendar",
        help="учебный календарь: четверти, каникулы, полугодия; загрузка календаря региона",
        description="Печатает периоды учебного года, по которым считаются сроки «по итогам "
        "четверти», «по итогам I полугодия и учебного года», или загружает календарь региона.",
    )
    add_db_argument(parser)
    parser.add_argument("--year", type=int, metavar="ГОД",
                        help="учебный год по первому году, например 2025 для 2025/2026")
    parser.add_argument("--import", dest="import_file", type=Path, metavar="ФАЙЛ",
                        help="таблица региона .xlsx или .csv: строки «период, начало, окончание»")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from desktop.importers.school_calendar import read_calendar_file
    from desktop.services import school_calendar as service

    years = read_calendar_file(args.import_file) if args.import_file else None
    database = open_db_from_args(args)
    try:
        if years is not None:
            with writing(database) as session:
                items = service.import_years(session, years)
            labels = ", ".join(service.year_label(y.first) for y in years)
            print(f"Загружен учебный календарь: {labels}; сроков перечитано: {len(items)}.")
            return 0
        today = dt.date.today()
        first = args.year or (today.year if today.month >= 7 else today.year - 1)
        with database.session() as session:
            rows = service.period_rows(session, first)
            stored = service.stored_year(session, first) is not None
        print(f"Учебный год {service.year_label(first)} "
              f"({'задан для района' if stored else 'даты по умолчанию'}):")
        for row in rows:
            print(f"  {service.KIND_TITLES[row.kind]:<10} {row.name:<20} "
                  f"{row.start:%d.%m.%Y}–{row.end:%d.%m.%Y}")
        return 0
    finally:
        database.close()
