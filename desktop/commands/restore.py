"""``python -m desktop restore --db PATH FILE``: put a copy in place of the database.

The current file is kept first (in ``backups/``, or beside it as ``…-damaged-….db``
when it is damaged); the restore is one SQLite transaction, so an interrupted
restore leaves the old file or the restored one.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.common import add_db_argument
from desktop.errors import UserError
from desktop.paths import is_server_url, resolve_db, resolve_db_path
from desktop.services.backup import restore, server_restore_refusal


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("restore", help="восстановить базу данных из резервной копии")
    add_db_argument(parser)
    parser.add_argument("copy", type=Path, metavar="FILE", help="файл резервной копии")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    target = resolve_db(args.db)
    if is_server_url(target):
        raise UserError(server_restore_refusal(str(target)))
    db_path = resolve_db_path(args.db)
    kept = restore(db_path, args.copy)
    print(f"База данных восстановлена из копии {args.copy}: {db_path}")
    if kept is not None:
        print(f"Прежний файл сохранён: {kept}")
    return 0
