"""``python -m desktop export docx --db PATH (--order ID | --roadmap ID) [--roadmap-only] -o FILE.docx``.

The Word copy of what ``export order`` prints as PDF, for offices that finish
an order in Word: with ``--roadmap`` the roadmap's approving order (or a new
draft from the template, not saved); ``--roadmap-only`` the roadmap alone with
«СОГЛАСОВАНО / УТВЕРЖДАЮ».
"""

from __future__ import annotations

import argparse

from desktop.commands.export_order import add_order_arguments, run_order_export
from desktop.export.docx_order import export_order_docx
from desktop.export.docx_roadmap import export_roadmap_docx


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("docx", help="приказ с приложениями в Word (.docx) для доработки")
    add_order_arguments(parser, "FILE.docx", "файл Word")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    return run_order_export(args, export_order_docx, export_roadmap_docx)
