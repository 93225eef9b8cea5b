"""``python -m desktop export order --db PATH (--order ID | --roadmap ID) -o FILE.pdf``.

With ``--roadmap`` the roadmap's approving order is printed; a roadmap without
one gets a new order from the «approve roadmap» template, printed as a draft
and not saved. ``--roadmap-only`` prints the roadmap alone with the
«СОГЛАСОВАНО / УТВЕРЖДАЮ» block instead.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session

from desktop.commands.common import add_db_argument, open_db_from_args
from desktop.errors import UserError
from desktop.export.pdf_order import render_order_pdf
from desktop.export.pdf_roadmap import export_roadmap_pdf
from desktop.models import AppendixKind, Order
from desktop.services.orders import order_for_roadmap

#: ``(session, order, target)`` and ``(session, roadmap_id, target)``: an order's and a
#: roadmap's writer in one format
OrderWriter = Callable[[Session, Order, Path], object]
RoadmapWriter = Callable[[Session, int, Path], object]


def add_order_arguments(parser: argparse.ArgumentParser, output: str, output_help: str) -> None:
    """``--db``, ``--order ID | --roadmap ID``, ``-o FILE`` and ``--roadmap-only``."""
    add_db_argument(parser)
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--order", type=int, metavar="ID", help="код приказа")
    which.add_argument("--roadmap", type=int, metavar="ID",
                       help="код дорожной карты: её приказ об утверждении (или новый проект)")
    parser.add_argument("-o", "--output", required=True, metavar=output, help=output_help)
    parser.add_argument("--roadmap-only", action="store_true",
                        help="только дорожная карта с грифами «СОГЛАСОВАНО / УТВЕРЖДАЮ»")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("order", help="приказ с приложениями в PDF для печати и подписи")
    add_order_arguments(parser, "FILE.pdf", "файл PDF")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    return run_order_export(args, render_order_pdf, export_roadmap_pdf)


def run_order_export(args: argparse.Namespace, write_order: OrderWriter,
                     write_roadmap: RoadmapWriter) -> int:
    """The order (or the roadmap alone) of ``args`` written by the format's writers."""
    output = Path(args.output).expanduser()
    database = open_db_from_args(args)
    try:
        with database.session() as session:
            what = _export(session, args, output, write_order, write_roadmap)
            session.rollback()  # never keep a draft made for printing
    finally:
        database.close()
    print(f"{what}: {output}")
    return 0


def _export(session: Session, args: argparse.Namespace, output: Path,
            write_order: OrderWriter, write_roadmap: RoadmapWriter) -> str:
    if args.roadmap_only:
        roadmap_id = args.roadmap if args.roadmap is not None else _order_roadmap(session, args.order)
        write_roadmap(session, roadmap_id, output)
        return "Дорожная карта сохранена"
    order = _order_for(session, args)
    write_order(session, order, output)
    return "Приказ сохранён" if order.id is not None else "Проект приказа сохранён"


def _order_for(session: Session, args: argparse.Namespace) -> Order:
    if args.order is not None:
        order = session.get(Order, args.order)
        if order is None:
            raise UserError(f"Приказ с кодом {args.order} не найден в базе данных")
        return order
    return order_for_roadmap(session, args.roadmap)


def _order_roadmap(session: Session, order_id: int) -> int:
    order = session.get(Order, order_id)
    if order is None:
        raise UserError(f"Приказ с кодом {order_id} не найден в базе данных")
    for appendix in order.appendices:
        if appendix.kind is AppendixKind.ROADMAP and appendix.roadmap_id is not None:
            return appendix.roadmap_id
    raise UserError(f"В приказе с кодом {order_id} нет дорожной карты в приложении")
