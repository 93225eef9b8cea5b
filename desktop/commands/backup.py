"""``python -m desktop backup --db PATH -o FILE``: a copy to a chosen place, e.g. a USB stick:
one ``.dkbak`` archive with the database (SQLite backup API) and its evidence files, or for
``-o FILE.db`` the database file alone; ``--list`` shows the copies kept in ``backups/``.
With ``--db postgresql+psycopg://…`` the copy is a ``pg_dump`` archive."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.common import add_db_argument
from desktop.errors import UserError
from desktop.models.database import check_existing_file
from desktop.paths import is_server_url, resolve_db, resolve_db_path
from desktop.services.backup import (
    backup_server_to,
    backup_with_report,
    copies,
    server_evidence_note,
)


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("backup", help="сделать резервную копию базы данных")
    add_db_argument(parser)
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("-o", "--output", type=Path, metavar="FILE",
                      help="файл копии (например, на флешке): архив .dkbak с базой и файлами "
                      "подтверждений; для имени .db — только файл базы данных")
    what.add_argument("--list", action="store_true",
                      help="показать копии из папки backups с датами и числом мероприятий")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    target = resolve_db(args.db)
    if is_server_url(target):
        if args.list:
            raise UserError("Копии базы данных на сервере PostgreSQL хранит сервер; "
                            "сделайте копию командой backup -o ФАЙЛ (нужна программа pg_dump)")
        print(f"Резервная копия сохранена (pg_dump): {backup_server_to(str(target), args.output)}")
        print(server_evidence_note(str(target)))
        return 0
    db_path = resolve_db_path(args.db)
    if not db_path.exists():
        raise UserError(f"Файл базы данных не найден: {db_path}")
    if args.list:
        for info in copies(db_path):
            state = f"мероприятий: {info.items}" if info.sound else "повреждена"
            print(f"{info.label}  {state:<18} {info.path}")
        return 0
    check_existing_file(db_path, allow_read_only=True)
    print(backup_with_report(db_path, args.output).message())
    return 0
