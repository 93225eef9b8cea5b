"""``python -m desktop restore --db PATH FILE``: put a copy (a ``.dkbak`` archive or an old
plain ``.db``) in place of the database; ``--check`` only shows what the copy holds.

The copy is checked whole first (checksums); what it holds is printed; the current
database and evidence are kept as an archive in ``backups/`` (a damaged file is moved
aside as ``…-damaged-….db``); the database is replaced in one SQLite transaction, so an
interrupted restore leaves the old state or the restored one.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.common import add_db_argument
from desktop.errors import UserError
from desktop.paths import is_server_url, resolve_db, resolve_db_path
from desktop.services.backup import read_copy, restore_staged, server_restore_refusal


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("restore", help="восстановить базу данных из резервной копии")
    add_db_argument(parser)
    parser.add_argument("copy", type=Path, metavar="FILE",
                        help="файл резервной копии: архив .dkbak или файл базы данных .db")
    parser.add_argument("--check", action="store_true",
                        help="только проверить копию и показать, что в ней, ничего не меняя")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    target = resolve_db(args.db)
    if is_server_url(target):
        raise UserError(server_restore_refusal(str(target)))
    db_path = resolve_db_path(args.db)
    with read_copy(db_path, args.copy) as staged:
        print(staged.summary.text())
        if args.check:
            print("Копия исправна; ничего не изменено")
            return 0
        kept = restore_staged(db_path, staged)
    print(f"База данных восстановлена из копии {args.copy}: {db_path}")
    if kept is not None:
        print(f"Прежнее состояние сохранено: {kept}")
    return 0
