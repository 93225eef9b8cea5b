"""``python -m desktop demo --db PATH``: create the demo district in a new database.

``--db`` is required: without it the demo district would go into the user's own database
(the default one, or ``$DOROZHNAYA_KARTA_DB``), mixing made-up schools into real work.
The command refuses and says how to make a demo file or just look at the demo.
"""

from __future__ import annotations

import argparse

from desktop.commands.common import add_db_argument, open_db_from_args
from desktop.errors import UserError
from desktop.services.demo import create_demo


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("demo", help="создать демонстрационный район в новом файле базы "
                            "данных (обязательно --db ФАЙЛ)")
    add_db_argument(parser)
    parser.add_argument("--year", type=int, help="год дорожной карты (по умолчанию текущий)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not args.db:
        from desktop.paths import program_name, resolve_db

        raise UserError(
            "Демонстрационный район создаётся только в отдельном файле, чтобы не смешаться с "
            f"вашей рабочей базой ({resolve_db(None)}). Укажите новый файл: {program_name()} "
            f"demo --db demo.db; чтобы просто посмотреть демонстрацию, запустите окно: "
            f"{program_name()} --demo. Ничего не изменено")
    database = open_db_from_args(args, create=True)
    try:
        roadmap_id = create_demo(database, year=args.year)
    finally:
        database.close()
    print(f"Демонстрационный район создан: {database.path} (дорожная карта № {roadmap_id})")
    return 0
