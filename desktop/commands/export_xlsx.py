"""``python -m desktop export xlsx --db PATH --roadmap ID -o FILE.xlsx``: the roadmap as an
Excel workbook for the region (see :mod:`desktop.export.xlsx`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.common import add_db_argument, add_roadmap_argument, open_db_from_args
from desktop.export.xlsx import export_roadmap_xlsx


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("xlsx", help="дорожная карта в Excel (таблица, исполнение, "
                                         "по школам, график)")
    add_db_argument(parser)
    add_roadmap_argument(parser)
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.xlsx",
                        help="файл, в который записать таблицу")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    database = open_db_from_args(args)
    try:
        with database.session() as session:
            path = export_roadmap_xlsx(session, args.roadmap, args.output)
    finally:
        database.close()
    print(path)
    return 0
