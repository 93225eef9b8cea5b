"""``python -m desktop export package --db PATH -o FILE.dkp [--with-evidence] [--number-above N]``:
the district's exchange package for the region, signed with the district's key under its
next package number (see ``docs/exchange-format.md``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.common import add_db_argument, open_db_from_args
from desktop.errors import UserError
from desktop.export.package import write_package
from desktop.services.operations import writing


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("package", help="пакет обмена для региона (.dkp)")
    add_db_argument(parser)
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.dkp",
                        help="файл пакета")
    parser.add_argument("--with-evidence", action="store_true",
                        help="вложить файлы подтверждений (до 20 МБ вместе)")
    parser.add_argument("--number-above", type=int, default=0, metavar="N",
                        help="дать пакету номер больше N (после восстановления старой копии "
                             "базы, если регион отклонил пакет как повтор старого)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.output.suffix.lower() != ".dkp":
        raise UserError("Файл пакета должен оканчиваться на .dkp")
    database = open_db_from_args(args)
    try:
        # a write session: a file without a profile gets its UUID now, once
        with writing(database) as session:
            path = write_package(session, args.output, db_path=database.path,
                                 with_evidence=args.with_evidence,
                                 number_above=max(0, args.number_above))
    finally:
        database.close()
    print(path)
    return 0
