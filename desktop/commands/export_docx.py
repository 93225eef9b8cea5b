"""``python -m desktop export docx --db PATH (--order ID | --roadmap ID) [--roadmap-only] -o FILE.docx``.

The Word copy of what ``export order`` prints as PDF, for offices that finish
an order in Word: with ``--roadmap`` the roadmap's approving order (or a new
draft from the template, not saved); ``--roadmap-only`` the roadmap alone with
«СОГЛАСОВАНО / УТВЕРЖДАЮ».
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli import add_db_argument
from desktop.commands.common import open_db_from_args
from desktop.commands.export_order import _order_for, _order_roadmap
from desktop.export.docx_order import export_order_docx
from desktop.export.docx_roadmap import export_roadmap_docx


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("docx", help="приказ с приложениями в Word (.docx) для доработки")
    add_db_argument(parser)
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--order", type=int, metavar="ID", help="код приказа")
    which.add_argument("--roadmap", type=int, metavar="ID",
                       help="код дорожной карты: её приказ об утверждении (или новый проект)")
    parser.add_argument("-o", "--output", required=True, metavar="FILE.docx", help="файл Word")
    parser.add_argument("--roadmap-only", action="store_true",
                        help="только дорожная карта с грифами «СОГЛАСОВАНО / УТВЕРЖДАЮ»")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    output = Path(args.output).expanduser()
    database = open_db_from_args(args)
    try:
        with database.session() as session:
            if args.roadmap_only:
                roadmap_id = (args.roadmap if args.roadmap is not None
                              else _order_roadmap(session, args.order))
                export_roadmap_docx(session, roadmap_id, output)
                what = "Дорожная карта сохранена"
            else:
                order = _order_for(session, args)
                export_order_docx(session, order, output)
                what = "Приказ сохранён" if order.id is not None else "Проект приказа сохранён"
            session.rollback()  # never keep a draft made for printing
    finally:
        database.close()
    print(f"{what}: {output}")
    return 0
