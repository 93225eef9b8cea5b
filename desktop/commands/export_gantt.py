"""``python -m desktop export gantt --db PATH --roadmap ID -o FILE.pdf``: the roadmap's
timeline (Gantt chart) as a PDF (A4/A3 landscape, split into readable pages) or a PNG
(see :mod:`desktop.ui.gantt.printing`)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from desktop.cli import add_db_argument
from desktop.commands.common import open_db_from_args
from desktop.errors import UserError
from desktop.paths import program_name

FORMATS = (".pdf", ".png")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("gantt", help="график (диаграмма Ганта) дорожной карты в PDF или PNG")
    add_db_argument(parser)
    parser.add_argument("--roadmap", type=int, required=True, metavar="ID",
                        help=f"номер дорожной карты (см. «{program_name()} list»)")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf|.png",
                        help="файл, в который записать график (.pdf или .png)")
    parser.add_argument("--paper", choices=("A4", "A3"), default="A4",
                        help="формат листа PDF, альбомная ориентация (по умолчанию A4)")
    parser.set_defaults(func=run)


def ensure_gui_application() -> object:
    """A ``QGuiApplication`` for painting (offscreen when there is no display)."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") \
            and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication([sys.argv[0] if sys.argv else "desktop"])


def run(args: argparse.Namespace) -> int:
    output = Path(args.output)
    if output.suffix.lower() not in FORMATS:
        raise UserError(f"Неизвестный формат файла «{output.name}»: "
                        "укажите имя с расширением .pdf или .png")
    database = open_db_from_args(args)
    try:
        app = ensure_gui_application()  # noqa: F841 - must live while painting
        from desktop.ui.gantt.printing import export_gantt

        path = export_gantt(database, args.roadmap, output, paper=args.paper)
    finally:
        database.close()
    print(path)
    return 0
