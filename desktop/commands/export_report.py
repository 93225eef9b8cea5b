"""``python -m desktop export report --db PATH --roadmap ID --date YYYY-MM-DD -o FILE.pdf|.xlsx``:
the progress report for a monitoring date (see :mod:`desktop.services.report`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.common import add_db_argument, add_roadmap_argument, open_db_from_args
from desktop.commands.dates import parse_day
from desktop.errors import UserError
from desktop.export.report_pdf import write_report_pdf
from desktop.export.report_xlsx import write_report_xlsx
from desktop.services.report import build_report

WRITERS = {".pdf": write_report_pdf, ".xlsx": write_report_xlsx}


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("report", help="отчёт об исполнении на дату (PDF или Excel)")
    add_db_argument(parser)
    add_roadmap_argument(parser)
    parser.add_argument("--date", metavar="ДАТА", help="дата отчёта: ДД.ММ.ГГГГ или ГГГГ-ММ-ДД "
                        "(по умолчанию сегодня)")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf|FILE.xlsx",
                        help="файл отчёта: .pdf или .xlsx")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    writer = WRITERS.get(args.output.suffix.lower())
    if writer is None:
        raise UserError("Файл отчёта должен оканчиваться на .pdf или .xlsx")
    day = parse_day(args.date)
    database = open_db_from_args(args)
    try:
        with database.session() as session:
            report = build_report(session, args.roadmap, day)
    finally:
        database.close()
    print(writer(report, args.output))
    return 0
