"""The window's command line (``dorozhnaya-karta [--db PATH | --demo] [FILE]``), without Qt.

One parser, used three ways: :mod:`desktop.app` parses the window's arguments with it,
:mod:`desktop.__main__` asks it which words are the window's (an option's value, a file to
open) rather than a sub-command, and the command line's ``--help`` lists its options. Kept
free of Qt so that ``--help`` and the sub-commands start without loading it.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from desktop.paths import program_name

#: the window's pages a screenshot can show
VIEWS = ("roadmaps", "schools", "directories", "orders", "reports", "checklist")
#: roadmaps the window imports (Word, LibreOffice, Excel); File → Import offers the same
ROADMAP_SUFFIXES = (".docx", ".doc", ".odt", ".rtf", ".xlsx", ".xls", ".ods")
#: a district's exchange package, imported on the «Районы» page
PACKAGE_SUFFIXES = (".dkp",)
#: what the window opens when given a file (a double click on a .dkp in Windows Explorer)
OPENED_SUFFIXES = ROADMAP_SUFFIXES + PACKAGE_SUFFIXES
#: the window's options that take a value (``--db PATH``): that value is no sub-command
OPTIONS_WITH_VALUE = ("--db", "--screenshot", "--view")


def build_parser() -> argparse.ArgumentParser:
    from desktop.argparse_ru import RussianArgumentParser

    parser = RussianArgumentParser(prog=program_name(),
                                   description="«Дорожная карта» — окно программы")
    parser.add_argument("file", nargs="?", metavar="ФАЙЛ",
                        help="открыть файл: дорожную карту Word или Excel (импорт) или пакет "
                        "района .dkp")
    parser.add_argument("--db", metavar="PATH", help="файл базы данных или база на сервере "
                        "PostgreSQL: postgresql+psycopg://пользователь@сервер/база")
    parser.add_argument("--demo", action="store_true",
                        help="открыть демонстрационную базу (создаётся при первом запуске)")
    parser.add_argument("--screenshot", metavar="FILE.png",
                        help="сохранить снимок окна 1366×768 и выйти")
    parser.add_argument("--view", choices=VIEWS, default="roadmaps", metavar="РАЗДЕЛ",
                        help="раздел для снимка: " + ", ".join(VIEWS))
    parser.add_argument("--exit-after-paint", action="store_true", help=argparse.SUPPRESS)
    return parser


def parse(argv: Sequence[str]) -> argparse.Namespace:
    return build_parser().parse_args(list(argv))


def is_opened_file(word: str) -> bool:
    """A word naming a file the window opens (``C:\\…\\Пакет района.dkp``), not a sub-command."""
    path = Path(word)
    return path.suffix.lower() in OPENED_SUFFIXES and path.is_file()


def window_help() -> str:
    """The window's usage and options, for the end of the command line's ``--help``."""
    parser = build_parser()
    usage = " ".join(parser.format_usage().split()[1:]).replace("[-h] ", "")
    lines = parser.format_help().splitlines()
    first_section = next(i for i, line in enumerate(lines) if i and line.endswith(":")
                         and not line.startswith(" "))
    options = [line for line in lines[first_section:]
               if line.startswith(" ") and not line.startswith("  -h, --help")]
    return "\n".join(["Окно (запуск без подкоманды):", f"  {usage}", *options])
