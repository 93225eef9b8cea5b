"""``python -m desktop export gantt --db PATH --roadmap ID -o FILE.pdf``: the roadmap's
timeline (Gantt chart) as a PDF (A4/A3 landscape, split into readable pages) or a PNG
(see :mod:`desktop.painting.gantt`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.common import add_db_argument, add_roadmap_argument, open_db_from_args
from desktop.errors import UserError

FORMATS = (".pdf", ".png")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("gantt", help="график (диаграмма Ганта) дорожной карты в PDF или PNG")
    add_db_argument(parser)
    add_roadmap_argument(parser)
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf|.png",
                        help="файл, в который записать график (.pdf или .png)")
    parser.add_argument("--paper", choices=("A4", "A3"), default="A4",
                        help="формат листа PDF, альбомная ориентация (по умолчанию A4)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    output = Path(args.output)
    if output.suffix.lower() not in FORMATS:
        raise UserError(f"Неизвестный формат файла «{output.name}»: "
                        "укажите имя с расширением .pdf или .png")
    database = open_db_from_args(args)
    try:
        from desktop.painting.application import ensure_gui_application
        from desktop.painting.gantt import export_gantt

        app = ensure_gui_application()  # noqa: F841 - must live while painting
        path = export_gantt(database, args.roadmap, output, paper=args.paper)
    finally:
        database.close()
    print(path)
    return 0
