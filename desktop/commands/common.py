"""Helpers shared by the sub-commands: the ``--db`` option and opening the database it names."""

from __future__ import annotations

import argparse
import sys

from desktop.models.database import Database, open_database
from desktop.paths import program_name, resolve_db
from desktop.services.deadline_refresh import refresh_stored_deadlines


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    """The ``--db PATH`` option every sub-command that touches data accepts."""
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="файл базы данных (по умолчанию — в папке данных пользователя "
        "или из переменной DOROZHNAYA_KARTA_DB) или база на сервере PostgreSQL: "
        "postgresql+psycopg://пользователь@сервер/база",
    )


def add_roadmap_argument(parser: argparse.ArgumentParser) -> None:
    """The ``--roadmap ID`` option of the exports of one roadmap."""
    parser.add_argument("--roadmap", type=int, required=True, metavar="ID",
                        help=f"номер дорожной карты (см. «{program_name()} list»)")


def open_db_from_args(args: argparse.Namespace, *, create: bool = False) -> Database:
    """Open the database of ``--db`` (or the default); a missing file is an error unless ``create``.

    A file on read-only media is opened read-only when the command only reads
    (``create`` is False); damaged values and repaired parent cycles are reported on stderr.
    Deadlines read by an older parser are read again (when the file can be written).
    ``--db`` may name a PostgreSQL database (``postgresql+psycopg://user@host/dbname``).
    """
    database = open_database(resolve_db(getattr(args, "db", None)), create=create,
                             allow_read_only=not create)
    for line in database.warnings():
        print(f"Внимание: {line}", file=sys.stderr)
    if not database.read_only:
        refresh_stored_deadlines(database)
    return database

