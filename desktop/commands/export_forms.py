"""``python -m desktop export forms --db PATH --roadmap ID -o FOLDER``: one checklist form
(.xlsx) per school, to be filled in and imported back (see :mod:`desktop.export.school_forms`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.common import add_db_argument, add_roadmap_argument, open_db_from_args
from desktop.export.school_forms import export_school_forms


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("forms", help="формы чек-листов для школ (по файлу .xlsx на школу)")
    add_db_argument(parser)
    add_roadmap_argument(parser)
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="FOLDER",
                        help="папка, в которую записать формы")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    database = open_db_from_args(args)
    try:
        with database.session() as session:
            paths = export_school_forms(session, args.roadmap, args.output)
    finally:
        database.close()
    for path in paths:
        print(path)
    return 0
