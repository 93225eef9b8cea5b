"""``python -m desktop demo --db PATH``: create the demo district in a new database."""

from __future__ import annotations

import argparse

from desktop.commands.common import add_db_argument, open_db_from_args
from desktop.services.demo import create_demo


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("demo", help="создать демонстрационный район в новой базе данных")
    add_db_argument(parser)
    parser.add_argument("--year", type=int, help="год дорожной карты (по умолчанию текущий)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    database = open_db_from_args(args, create=True)
    try:
        roadmap_id = create_demo(database, year=args.year)
    finally:
        database.close()
    print(f"Демонстрационный район создан: {database.path} (дорожная карта № {roadmap_id})")
    return 0
