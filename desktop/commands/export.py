"""``python -m desktop export KIND …``: every exporter the window offers, from the command line.

Each format lives in a module ``desktop/commands/export_<kind>.py`` with a
``register(subparsers)`` function; this module discovers and registers them
under ``export``.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil

from desktop import commands


def export_modules() -> list[str]:
    return sorted(
        m.name for m in pkgutil.iter_modules(commands.__path__) if m.name.startswith("export_")
    )


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("export", help="выгрузить дорожную карту или приказ в файл")
    kinds = parser.add_subparsers(dest="export_kind", metavar="ФОРМАТ",
                                  parser_class=type(parser))
    for name in export_modules():
        module = importlib.import_module(f"{commands.__name__}.{name}")
        module.register(kinds)
    parser.set_defaults(func=lambda _args: _usage(parser))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2
