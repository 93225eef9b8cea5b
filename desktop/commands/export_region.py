"""``python -m desktop export region --db PATH --date YYYY-MM-DD -o FILE.xlsx|FILE.pdf``: the
region's summary of its districts (a row per district, then a sheet or section per district)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.common import add_db_argument, open_db_from_args
from desktop.commands.dates import parse_day
from desktop.errors import UserError
from desktop.export.region_report import write_region_pdf, write_region_xlsx
from desktop.paths import program_name
from desktop.services.region import region_overview

WRITERS = {".pdf": write_region_pdf, ".xlsx": write_region_xlsx}


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("region", help="сводка региона по районам на дату (Excel или PDF)")
    add_db_argument(parser)
    parser.add_argument("--date", metavar="ДАТА", help="дата сводки: ДД.ММ.ГГГГ или ГГГГ-ММ-ДД "
                        "(по умолчанию сегодня)")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.xlsx|FILE.pdf",
                        help="файл сводки: .xlsx или .pdf")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    writer = WRITERS.get(args.output.suffix.lower())
    if writer is None:
        raise UserError("Файл сводки должен оканчиваться на .xlsx или .pdf")
    day = parse_day(args.date)
    database = open_db_from_args(args)
    try:
        with database.session() as session:
            districts = region_overview(session, day)
    finally:
        database.close()
    if not districts:
        raise UserError("В базе нет импортированных районов: сначала импортируйте их пакеты "
                        f"({program_name()} import ФАЙЛ.dkp)")
    print(writer(districts, day, args.output))
    return 0
